#pragma once

#include <string>
#include <vector>

#include "core/rules/site_facts.h"

namespace safemap {

class Database;

/// The facts the rules need for every facility, from the project: workforce, account date,
/// the newest two assessments as scored by criteria set `setId` version `version`, and the
/// newest inspection. Assessments not scored by that set are not seen (score them first).
std::vector<SiteFacts> loadSiteFacts(const Database& db, const std::string& setId, int version);

}  // namespace safemap
