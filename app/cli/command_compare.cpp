// safemap compare: what another criteria set or other thresholds would change.
#include <cstdio>

#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "app/cli/scenario_options.h"
#include "core/criteria/criteria_io.h"
#include "core/project/compare.h"
#include "core/project/project.h"

namespace safemap {

namespace {
constexpr const char* kCompareUsage =
    "Usage: safemap compare PROJECT.gpkg [--criteria SET.json] [scenario options]\n"
    "Compares the project's current scenario (its active criteria set and saved thresholds)\n"
    "with the same project under SET.json and/or the thresholds given, and prints one CSV\n"
    "row per facility whose level or list membership would change, with the columns\n"
    "site_id, name, level_before, level_after, percent_before, percent_after, suspend_before,\n"
    "suspend_after, inspect_before, inspect_after. --as-of and the filter apply to both sides,\n"
    "the thresholds to the second only. The project file is not changed (a set that is not\n"
    "active is scored in memory). A summary goes to stderr.\n";
}  // namespace

int runCompareCommand(const Words& words) {
    std::vector<std::string> valueOptions = kScenarioValueOptions;
    valueOptions.push_back("criteria");
    const Args args(words, valueOptions);
    const std::string usage = std::string(kCompareUsage) + kScenarioUsage;
    if (int rc = checkUsage("compare", args, kScenarioFlags, 1, 1, usage.c_str()); rc >= 0)
        return rc;
    ProjectSettings settings;
    auto project = openForReading("compare", args.positional()[0], settings);
    if (!project)
        return fail("compare", project.error());
    auto after = scenarioFromArgs(args, settings);
    if (!after) {
        std::fprintf(stderr, "safemap compare: %s\n", after.error().message.c_str());
        return 2;
    }
    Scenario before = savedScenario(settings);
    before.rules.asOf = after->rules.asOf;
    before.filter = after->filter;
    if (auto file = args.option("criteria")) {
        auto set = loadCriteriaSet(*file);
        if (!set)
            return fail("compare", set.error());
        after->criteria = std::make_shared<CriteriaSet>(std::move(*set));
    }
    auto comparison = compareScenarios(*project, before, *after);
    if (!comparison)
        return fail("compare", comparison.error());
    noteSavedFilter("compare", args, settings, comparison->after.facts->zones);
    const std::string csv = changesToCsv(comparison->changes);
    std::fwrite(csv.data(), 1, csv.size(), stdout);
    auto setName = [](const ProjectStatus& s) {
        return s.criteria ? s.criteria->id + " v" + std::to_string(s.criteria->version)
                          : std::string("no criteria set");
    };
    std::fprintf(stderr, "%zu of %zu facilities change (%s → %s, as of %s)\n",
                 comparison->changes.size(), comparison->after.facts->factories.size(),
                 setName(comparison->before.status).c_str(),
                 setName(comparison->after.status).c_str(),
                 formatDate(comparison->after.status.asOf).c_str());
    return 0;
}

}  // namespace safemap
