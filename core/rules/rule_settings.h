#pragma once

#include <optional>
#include <string>

#include "core/result.h"
#include "core/util/date.h"

namespace safemap {

/// \brief Thresholds of the inspection and suspension rules. Every one is configurable (CLI
/// options, the GUI settings, or `rules.*` keys in the project) and recorded with each list.
struct RuleSettings {
    /// The day the lists are made for. Empty: the newest assessment date in the project, so
    /// that the same data always gives the same lists (never the wall clock).
    std::optional<Date> asOf;
    /// Suspension (iii): no assessment within this many days of `asOf` (Hà Nội 1987/UBND-KT
    /// asks for assessments kept up to date; 7 days matches the weekly reporting cycle).
    int suspendNoAssessmentDays = 7;
    /// Inspection: a workforce above this is a "large facility" (Hà Nội 1987/UBND-KT asks
    /// for large facilities to be inspected and supervised).
    int largeWorkforce = 1000;
    /// Inspection: medium risk with any index at or above this (1203/QĐ-BCĐ: 7).
    double mediumIndexThreshold = 7;
    /// Inspection: an assessment older than this many days is getting stale (below the
    /// suspension limit, so inspectors get there first).
    int staleAssessmentDays = 5;
    /// Inspection: risk rising means the percentage went up by at least this many points.
    double riskRiseThreshold = 5;
    /// Inspection: list facilities never inspected.
    bool inspectNeverInspected = true;
    /// Inspections a province's teams can make in a week: the first this many of the
    /// inspection list (by priority) are this week's, marked on the map and in the table.
    /// 0 = no limit (every facility on the list is marked).
    int inspectionCapacity = 10;
};

/// Reads `key=value` settings (the names of the CLI options without "--", e.g.
/// "suspend-no-assessment-days=7"); an unknown key or a bad value is an Error naming it.
Status applyRuleSetting(RuleSettings& settings, const std::string& key, const std::string& value);

/// The settings as `key=value` lines, in a fixed order (written beside each exported list).
std::string describeRuleSettings(const RuleSettings& settings);

}  // namespace safemap
