#include "core/project/level_summary.h"

#include <optional>

#include "core/project/criteria_use.h"
#include "core/project/scenario.h"
#include "core/scoring/compiled_criteria.h"

namespace safemap {

LevelSummary levelSummaryOf(const ProjectStatus& status) {
    LevelSummary out;
    out.asOf = status.asOf;
    for (const auto& site : status.sites) {
        if (site.level)
            ++out.facilities[static_cast<size_t>(*site.level)];
        else
            ++out.noAssessment;
    }
    return out;
}

Result<LevelSummary> latestLevelSummary(const Project& project) {
    const ProjectRepository& repo = project.repository();
    auto active = repo.activeCriteria();
    if (!active)
        return active.error();
    if (*active) {
        auto set = storedCriteriaSet(repo, **active);
        if (!set)
            return set.error();
        auto sites = repo.factoryIds();
        if (!sites)
            return sites.error();
        auto newest = repo.latestScores(compileCriteria(**set), 1);
        if (!newest)
            return newest.error();
        // As the status: a facility's level is that of its newest score, and the date is
        // the newest of those (every score is on or before it, so none is left out). Both
        // id lists are sorted: one merge, no lookup per facility.
        LevelSummary out;
        std::optional<Date> asOf;
        const std::vector<std::string>& scored = newest->siteIds;
        size_t t = 0;
        for (const std::string& id : *sites) {
            while (t < scored.size() && scored[t] < id)
                ++t;
            if (t == scored.size() || scored[t] != id ||
                newest->siteBegin[t] == newest->siteBegin[t + 1]) {
                ++out.noAssessment;
                continue;
            }
            const TimelineEntry& latest = newest->entries[newest->siteBegin[t + 1] - 1];
            ++out.facilities[static_cast<size_t>(latest.level)];
            if (!asOf || latest.date() > *asOf)
                asOf = latest.date();
        }
        if (asOf) {
            out.asOf = *asOf;
            return out;
        }
    }
    auto result = evaluateScenario(project, Scenario{}, {}, ScoreHistory::Latest);
    if (!result)
        return result.error();
    return levelSummaryOf(result->status);
}

}  // namespace safemap
