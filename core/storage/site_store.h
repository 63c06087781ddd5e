#pragma once

#include <string>
#include <vector>

#include "core/model/site.h"
#include "core/result.h"

namespace safemap {

class Database;

/// \brief Sites read from one source, validated and ready to write.
struct SiteBatch {
    std::vector<Zone> zones;
    std::vector<Factory> factories;
};

/// \brief What an import did: counts by outcome. Unchanged rows are not rewritten.
struct ImportSummary {
    int rows = 0;
    int inserted = 0;
    int updated = 0;
    int unchanged = 0;
};

/// Inserts new sites and updates existing ones (matched by stable id) in one transaction,
/// logging each change and the import itself. Nothing is written if anything fails.
Result<ImportSummary> upsertSites(Database& db, const SiteBatch& batch,
                                  const std::string& sourceFile);

std::vector<Zone> loadZones(const Database& db);
std::vector<Factory> loadFactories(const Database& db);

}  // namespace safemap
