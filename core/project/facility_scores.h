#pragma once
// Each facility's score as of a date, for `safemap scores`: one row per facility, for
// spreadsheets and scripts (ids, codes, ISO dates and a decimal point).

#include <optional>
#include <string>
#include <vector>

#include "core/criteria/criteria_ref.h"
#include "core/criteria/risk_level.h"
#include "core/project/scenario.h"
#include "core/util/date.h"

namespace safemap {

class Project;

/// \brief One facility's standing under a scenario.
struct FacilityScore {
    std::string siteId;
    std::string name;
    std::optional<RiskLevel> level;       ///< of its newest assessment up to as-of; empty = none
    double percent = 0;                   ///< meaningful only with a level
    bool mayOperate = true;               ///< not on the suspension list
    std::optional<CriteriaRef> criteria;  ///< the set that scored it; empty without assessment
    std::optional<Date> assessedOn;
};

/// One row per facility of `facts`, in site id order, from a status computed from them.
std::vector<FacilityScore> facilityScores(const ProjectFacts& facts, const ProjectStatus& status);

/// The scenario's scores (its criteria set, thresholds and as-of date; its filter is not
/// applied: every facility has a row). Only reads the project.
[[nodiscard]] Result<std::vector<FacilityScore>> facilityScoresOf(const Project& project,
                                                                  const Scenario& scenario);

/// CSV: site_id, name, percent, level, may_operate, criteria_set, criteria_version,
/// assessed_on; percent with one decimal and a point, level and may_operate (yes/no) as
/// codes, dates ISO; CRLF lines, a UTF-8 BOM when `excelBom`.
std::string facilityScoresToCsv(const std::vector<FacilityScore>& scores, bool excelBom);

}  // namespace safemap
