// safemap scores: every facility's score, level and standing as of a date.
#include <cstdio>

#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "app/cli/scenario_options.h"
#include "core/project/facility_scores.h"
#include "core/project/project.h"
#include "core/util/atomic_file.h"

namespace safemap {

namespace {
constexpr const char* kScoresUsage =
    "Usage: safemap scores PROJECT.gpkg [--out FILE] [scenario options]\n"
    "Prints one CSV row per facility, in site id order: its newest assessment up to the\n"
    "list date (--as-of), the percentage and level it scored, whether it may operate (not\n"
    "on the suspension list), the criteria set and version that scored it and the\n"
    "assessment date. The project is only read, never changed. Every facility has a row:\n"
    "a filter does not apply.\n"
    "CSV columns: site_id, name, percent, level, may_operate, criteria_set,\n"
    "criteria_version, assessed_on.\n";
}  // namespace

int runScoresCommand(const Words& words) {
    std::vector<std::string> valueOptions = kScenarioValueOptions;
    valueOptions.emplace_back("out");
    const Args args(words, valueOptions);
    std::string usage = kScoresUsage;
    usage += kScenarioUsage;
    if (int rc = checkUsage("scores", args, kScenarioFlags, 1, 1, usage.c_str()); rc >= 0)
        return rc;
    ProjectSettings settings;
    auto project = openForReading("scores", args.positional()[0], settings);
    if (!project)
        return fail("scores", project.error());
    auto scenario = scenarioFromArgs(args, settings);
    if (!scenario) {
        std::fprintf(stderr, "safemap scores: %s\n", scenario.error().message.c_str());
        return 2;
    }
    auto scores = facilityScoresOf(*project, *scenario);
    if (!scores)
        return fail("scores", scores.error());
    const auto out = args.option("out");
    const std::string text = facilityScoresToCsv(*scores, out.has_value());
    if (out) {
        if (auto st = writeFileAtomically(*out, text); !st)
            return fail("scores", st.error());
        std::fprintf(stderr, "%zu facilities → %s\n", scores->size(), out->c_str());
    } else {
        std::fwrite(text.data(), 1, text.size(), stdout);
    }
    return 0;
}

}  // namespace safemap
