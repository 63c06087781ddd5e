#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/model/geometry.h"
#include "core/project/scenario.h"
#include "core/result.h"

namespace safemap {

class Project;

/// The facilities due for inspection in a scenario (its filter applied), in the list's
/// priority order, at most `top` of them: what "add the top N of the inspection list" and
/// `safemap field-package --inspect` put on a visit list.
[[nodiscard]] Result<std::vector<std::string>> dueForInspection(const Project& project,
                                                                const Scenario& scenario,
                                                                std::optional<std::size_t> top);

/// The facilities that pass the scenario's filter, in the project's order: what
/// `safemap package create --filter` (or `--district` without `--list`) puts on a visit list.
[[nodiscard]] Result<std::vector<std::string>> sitesMatching(const Project& project,
                                                             const Scenario& scenario);

/// The project's district that `name` names (accents and case ignored, "Duy Tien" finds
/// "Duy Tiên"), spelled as the project spells it; an Error listing the project's districts
/// when none does, so a mistyped district is not an empty visit list.
[[nodiscard]] Result<std::string> findDistrict(const Project& project, const std::string& name);

/// \brief A visit list ordered into a route.
struct OrderedVisit {
    std::vector<std::string> siteIds;  ///< in visiting order
    double metres = 0;                 ///< straight-line length from the start
    double inputMetres = 0;            ///< the length of the order given
};

/// Orders a visit list into a short route from `start` (the office; without it the first
/// facility stays first): core/project/visit_route.h. Facilities are named by site id or tax
/// code, and come back as named. An Error names an unknown facility.
[[nodiscard]] Result<OrderedVisit> orderVisitList(const Project& project,
                                                  const std::vector<std::string>& siteIds,
                                                  std::optional<GeoPoint> start);

}  // namespace safemap
