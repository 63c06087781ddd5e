#pragma once

#include <set>
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
    /// The attributes the source provided (had a column or geometry for). An update must
    /// leave every other attribute of an existing site as stored; a new site gets them
    /// empty (zones: the import's default kind). Batches built in code provide everything.
    std::set<SiteField> provided = allSiteFields();
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
