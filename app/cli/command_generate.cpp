#include <chrono>
#include <cstdio>
#include <filesystem>

#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "core/project/imports.h"
#include "core/project/project.h"
#include "core/synthetic/synthetic_sites.h"

namespace safemap {

namespace {
constexpr const char* kGenerateUsage =
    "Usage: safemap generate OUT.gpkg [--factories N] [--zones N] [--seed S] [--force]\n"
    "Makes a synthetic project (default 100000 factories, 1000 zones, seed 42) over northern\n"
    "Viet Nam for tests and benchmarks. The same seed always gives the same project.\n"
    "Every site's name says it is synthetic.\n";

bool parseCount(const std::optional<std::string>& text, long long& out) {
    if (!text)
        return true;
    try {
        size_t used = 0;
        out = std::stoll(*text, &used);
        return used == text->size() && out >= 0;
    } catch (...) {
        return false;
    }
}
}  // namespace

int runGenerateCommand(const Words& words) {
    const Args args(words, {"factories", "zones", "seed"});
    if (int rc = checkUsage("generate", args, {"force"}, 1, 1, kGenerateUsage); rc >= 0)
        return rc;
    long long factories = 100000, zones = 1000, seed = 42;
    if (!parseCount(args.option("factories"), factories) ||
        !parseCount(args.option("zones"), zones) || !parseCount(args.option("seed"), seed)) {
        std::fprintf(stderr, "safemap generate: counts and seed must be whole numbers ≥ 0\n");
        return 2;
    }
    const std::string out = args.positional()[0];
    std::error_code ec;
    if (args.flag("force"))
        std::filesystem::remove(out, ec);
    const auto t0 = std::chrono::steady_clock::now();
    SyntheticSpec spec;
    spec.factories = static_cast<int>(factories);
    spec.zones = static_cast<int>(zones);
    spec.seed = static_cast<uint64_t>(seed);
    const SiteBatch batch = generateSyntheticSites(spec);
    auto project = Project::create(out);
    if (!project)
        return fail("generate", project.error());
    auto sum = importSites(*project, batch, "synthetic seed " + std::to_string(seed));
    if (!sum)
        return fail("generate", sum.error());
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("Generated %s: %d zones, %d factories in %.2f s\n", out.c_str(),
                static_cast<int>(batch.zones.size()), static_cast<int>(batch.factories.size()), s);
    return 0;
}

}  // namespace safemap
