#include "core/project/scenario.h"

namespace safemap {

Scenario savedScenario(const ProjectSettings& settings) {
    return Scenario{nullptr, settings.rules, settings.filter};
}

Result<ScenarioResult> evaluateScenario(const Project& project, const Scenario& scenario,
                                        const ProgressFn& progress, ScoreHistory history,
                                        std::function<Result<Project>()> reopen) {
    auto facts = loadProjectFacts(
        project, FactsRequest{scenario.criteria, progress, nullptr, history, std::move(reopen)});
    if (!facts)
        return facts.error();
    if (scenario.rules.asOf && !coversAsOf(*facts, *scenario.rules.asOf)) {
        facts = withFullHistory(project, *facts);
        if (!facts)
            return facts.error();
    }
    ScenarioResult r;
    r.facts = std::make_shared<const ProjectFacts>(std::move(facts).value());
    r.status = computeStatus(*r.facts, scenario.rules);
    return r;
}

}  // namespace safemap
