#pragma once

#include <set>
#include <string>
#include <vector>

#include "core/model/site.h"
#include "core/project/records.h"
#include "core/project/repository.h"
#include "core/result.h"

namespace safemap {

class Database;

// The sites part of the GeoPackage repository (gpkg_repository.h); nothing outside
// core/storage includes this.

/// Inserts new sites and updates existing ones (matched by stable id), logging each change
/// and the import itself. Runs inside the caller's transaction. Refuses the whole batch
/// (project.facility_conflict) if a facility in batch.readVersions has changed since.
[[nodiscard]] Result<ImportSummary> upsertSites(Database& db, const SiteBatch& batch,
                                                const std::string& sourceName);

[[nodiscard]] Result<std::vector<Zone>> loadZones(const Database& db);
[[nodiscard]] Result<std::vector<Factory>> loadFactories(const Database& db);
/// The factories with id, zone and position only, in loadFactories' order.
[[nodiscard]] Result<std::vector<Factory>> loadFactoryPositions(const Database& db);
/// The factories with id and tax code only, in loadFactories' order.
[[nodiscard]] Result<std::vector<Factory>> loadFactoryKeys(const Database& db);
/// Every factory's site id, sorted bytewise.
[[nodiscard]] Result<std::vector<std::string>> loadFactoryIds(const Database& db);
/// A facility's version: its last change_log line (every change of a site writes one), so
/// a file needs no version column; 0 if there is no such facility.
[[nodiscard]] Result<RowVersion> loadFacilityVersion(const Database& db, const std::string& siteId);

}  // namespace safemap
