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

/// \brief A visit list ordered into a route.
struct OrderedVisit {
    std::vector<std::string> siteIds;  ///< in visiting order
    double metres = 0;                 ///< straight-line length from the start
    double inputMetres = 0;            ///< the length of the order given
};

/// Orders a visit list into a short route from `start` (the office; without it the first
/// facility stays first): core/project/visit_route.h. An Error names an unknown facility.
[[nodiscard]] Result<OrderedVisit> orderVisitList(const Project& project,
                                                  const std::vector<std::string>& siteIds,
                                                  std::optional<GeoPoint> start);

}  // namespace safemap
