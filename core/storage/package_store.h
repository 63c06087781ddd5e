#pragma once

#include <span>
#include <string>
#include <vector>

#include "core/project/field_records.h"
#include "core/result.h"

namespace safemap {

class Database;

// The field package and merge audit part of the GeoPackage repository (gpkg_repository.h,
// schema 4). Writes run inside the caller's transaction.

[[nodiscard]] Result<std::vector<PackageSite>> loadPackageSites(const Database& db);
[[nodiscard]] Status storePackagePlan(Database& db, const PackagePlan& plan);
[[nodiscard]] Status appendMergeLog(Database& db, std::span<const MergeLogEntry> entries);
[[nodiscard]] Result<std::vector<MergeLogEntry>> loadMergeLog(const Database& db,
                                                              const std::string& packageId);
/// SQLite's quick_check over the whole file.
[[nodiscard]] Status checkIntegrity(const Database& db);

}  // namespace safemap
