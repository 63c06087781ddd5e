#pragma once

#include <span>
#include <string>
#include <vector>

#include "core/model/inspection.h"
#include "core/result.h"

namespace safemap {

class Database;

// The inspections part of the GeoPackage repository (gpkg_repository.h).

/// Adds inspections, skipping any already recorded (same site, date, inspector and
/// finding); returns how many were new. Runs inside the caller's transaction.
[[nodiscard]] Result<int> addInspections(Database& db, std::span<const Inspection> inspections);
[[nodiscard]] Result<std::vector<Inspection>> loadInspections(const Database& db,
                                                              const std::string& siteId);

}  // namespace safemap
