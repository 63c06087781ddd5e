#pragma once

#include <optional>
#include <vector>

#include "core/criteria/criteria_ref.h"
#include "core/criteria/criteria_set.h"
#include "core/project/records.h"
#include "core/result.h"

namespace safemap {

class Database;

// The criteria sets part of the GeoPackage repository (gpkg_repository.h).

[[nodiscard]] Result<std::vector<StoredCriteriaSet>> loadCriteriaSets(const Database& db);
[[nodiscard]] Result<std::optional<CriteriaSet>> loadCriteriaSet(const Database& db,
                                                                 const CriteriaRef& ref);
/// Stores a set; the same id and version with another definition is refused.
[[nodiscard]] Status storeCriteriaSet(Database& db, const CriteriaSet& set);
[[nodiscard]] Result<std::optional<CriteriaRef>> loadActiveCriteria(const Database& db);
[[nodiscard]] Status storeActiveCriteria(Database& db, const CriteriaRef& ref);

}  // namespace safemap
