#pragma once

#include <string>

#include "core/rules/rule_settings.h"
#include "core/rules/site_facts.h"
#include "core/text/display_format.h"

namespace safemap {

/// \brief How urgent a facility is, in points, part by part (docs/rules.md, "Priority").
///
/// One score per facility, the same on both lists: what makes a facility worth suspending
/// first (a high level, measures missing, many workers exposed) also makes it worth
/// inspecting first; the parts about time (an old assessment, a long time since the last
/// inspection) push a facility up either list. Each part is bounded, so no single fact can
/// outweigh all the others.
struct Priority {
    double level = 0;          ///< latest level: 0 very low … 40 very high; 25 if none
    double measures = 0;       ///< failed mandatory measures, fired vetoes, failed inspection
    double indices = 0;        ///< the worst index at or above the veto threshold
    double workforce = 0;      ///< 10 × log10(workers / 100), 0..20
    double assessmentAge = 0;  ///< 0.5 per day since the latest assessment, ≤ 15
    double rise = 0;           ///< 0.5 per percentage point of rise, ≤ 10
    double inspectionAge = 0;  ///< 0.1 per day since the latest inspection, ≤ 10; 10 if never

    /// The sum of the parts, rounded to 0.1 so that equal facts give equal scores on
    /// every machine (ties are then broken by site id).
    double total() const;
    friend bool operator==(const Priority&, const Priority&) = default;
};

/// The priority of one facility on `asOf` (see effectiveAsOf). Pure.
Priority priorityOf(const SiteFacts& facts, const Date& asOf, const RuleSettings& settings);

/// The parts that contribute, largest first, e.g. "level 30 + workforce 11.8 + …" (or in
/// Vietnamese, "mức nguy cơ 30 + lao động 11,8 + …"): for a tooltip or an export that
/// explains the order.
std::string describePriority(const Priority& priority, bool vietnamese = false);
/// The same with numbers in `style` (its language picks the words).
std::string describePriority(const Priority& priority, const DisplayStyle& style);

}  // namespace safemap
