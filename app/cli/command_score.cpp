// safemap score: re-score every assessment with a criteria set (one use case of the project
// layer). Core only, so the command-line front runs it without starting Qt and GDAL.
#include <cstdio>

#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "app/cli/shipped_files.h"
#include "core/criteria/criteria_io.h"
#include "core/project/criteria_use.h"
#include "core/project/level_summary.h"
#include "core/project/project.h"

namespace safemap {

namespace {

constexpr const char* kScoreUsage =
    "Usage: safemap score PROJECT.gpkg [--criteria SET.json]\n"
    "Re-scores every assessment with the given criteria set, or with the active set, and\n"
    "makes it the active set, in one transaction (an interruption leaves the previous set\n"
    "active with its scores). Prints how many facilities are at each level.\n";

}  // namespace

Result<std::shared_ptr<const CriteriaSet>> criteriaOption(const Args& args) {
    auto file = args.option("criteria");
    if (!file)
        return std::shared_ptr<const CriteriaSet>();
    auto set = loadCriteriaSet(*file);
    if (!set)
        return set.error();
    return std::shared_ptr<const CriteriaSet>(std::make_shared<CriteriaSet>(std::move(*set)));
}

int runScoreCommand(const Words& words) {
    const Args args(words, {"criteria"});
    if (int rc = checkUsage("score", args, {}, 1, 1, kScoreUsage); rc >= 0)
        return rc;
    auto project = Project::open(args.positional()[0]);
    if (!project)
        return fail("score", project.error());
    auto criteria = criteriaOption(args);
    if (!criteria)
        return fail("score", criteria.error());
    std::shared_ptr<const CriteriaSet> set = *criteria;
    if (!set) {
        auto fallback = loadDefaultCriteria();
        auto chosen = activeOrFallback(*project, fallback ? *fallback : nullptr);
        if (!chosen)
            return fail("score", chosen.error());
        if (!*chosen)
            return fail("score", fallback.error());
        set = *chosen;
    }
    auto outcome = activateCriteriaSet(*project, *set);
    if (!outcome)
        return fail("score", outcome.error());
    std::printf("Scored %lld assessments with %s v%d (%s)\n", outcome->scored, set->id.c_str(),
                set->version, set->name.c_str());
    auto summary = latestLevelSummary(*project);
    if (!summary)
        return fail("score", summary.error());
    std::printf("Facilities by latest level (as of %s):\n", formatDate(summary->asOf).c_str());
    for (int l = 0; l < kRiskLevelCount; ++l)
        std::printf("  %-18s %6lld\n",
                    std::string(riskLevelLabelEn(static_cast<RiskLevel>(l))).c_str(),
                    summary->facilities[static_cast<size_t>(l)]);
    std::printf("  %-18s %6lld\n", "no assessment", summary->noAssessment);
    return 0;
}

}  // namespace safemap
