#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/project/scenario.h"

namespace safemap {

/// \brief A facility whose level or list membership differs between two scenarios.
struct StatusChange {
    std::string siteId;
    std::string name;
    std::optional<RiskLevel> levelBefore, levelAfter;  ///< empty: no assessment
    std::optional<double> percentBefore, percentAfter;
    bool suspendBefore = false, suspendAfter = false;
    bool inspectBefore = false, inspectAfter = false;
};

/// \brief Two scenarios side by side and what differs.
struct ScenarioComparison {
    ScenarioResult before;
    ScenarioResult after;
    std::vector<StatusChange> changes;  ///< in the factories' order
};

/// The facilities (passing `filter`) whose level, suspension or inspection differs
/// between two statuses computed from facts about the same factories.
std::vector<StatusChange> statusChanges(const ProjectFacts& facts, const ProjectStatus& before,
                                        const ProjectStatus& after, const SiteFilter& filter);

/// Evaluates both scenarios (a set other than the active one is scored in memory) and
/// lists what differs, filtered by `after.filter`. Writes nothing: the project is the same
/// byte for byte afterwards.
[[nodiscard]] Result<ScenarioComparison> compareScenarios(const Project& project,
                                                          const Scenario& before,
                                                          const Scenario& after,
                                                          const ProgressFn& progress = {});

/// CSV, one row per change: site_id,name,level_before,level_after,percent_before,
/// percent_after,suspend_before,suspend_after,inspect_before,inspect_after.
std::string changesToCsv(const std::vector<StatusChange>& changes);

}  // namespace safemap
