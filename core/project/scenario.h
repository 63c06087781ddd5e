#pragma once

#include <functional>
#include <memory>

#include "core/criteria/criteria_set.h"
#include "core/filter/site_filter.h"
#include "core/project/project_facts.h"
#include "core/project/project_settings.h"
#include "core/project/project_status.h"
#include "core/rules/rule_settings.h"

namespace safemap {

/// \brief The question the map and the lists answer: under which criteria set, with
/// which rule thresholds, as of which date (RuleSettings::asOf), for which facilities.
/// A value: the window, the command line and reports each hold one.
struct Scenario {
    /// Null: the project's active set, from its stored scores. Another set is scored in
    /// memory and changes nothing in the project (a what-if).
    std::shared_ptr<const CriteriaSet> criteria;
    RuleSettings rules;
    SiteFilter filter;
};

/// The scenario the project is saved with: its active set, thresholds and filter.
Scenario savedScenario(const ProjectSettings& settings);

/// \brief A scenario worked out: the facts it read and the status that follows.
struct ScenarioResult {
    std::shared_ptr<const ProjectFacts> facts;
    ProjectStatus status;
};

/// Loads the facts for the scenario's criteria set and computes the status. The one
/// function behind `safemap list`, `safemap render` and reports; the window calls its two
/// halves (loadProjectFacts once, computeStatus on every change).
/// `history` Latest reads each facility's two newest scores only, enough for a status as of
/// the newest data date or later (lists, today's map); for an earlier as-of date the full
/// history is read all the same. Reports that look back in time ask for Full.
/// `reopen`, if given, opens a second read-only connection to the project, on which the
/// stored scores are read while the sites are read on this one (FactsRequest::reopen).
[[nodiscard]] Result<ScenarioResult> evaluateScenario(
    const Project& project, const Scenario& scenario, const ProgressFn& progress = {},
    ScoreHistory history = ScoreHistory::Full, std::function<Result<Project>()> reopen = nullptr);

}  // namespace safemap
