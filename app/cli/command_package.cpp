// safemap package create | merge: the names for field packages (docs/field.md). The
// first names, field-package and merge, stay as aliases; both call the same steps
// (app/cli/field_commands.h) and the same use cases (core/project/field_package.h, merge.h,
// visit_list.h).
#include <cstdio>
#include <cstdlib>
#include <string>

#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "app/cli/field_commands.h"
#include "app/cli/scenario_options.h"
#include "core/project/field_package.h"
#include "core/project/project.h"
#include "core/project/visit_list.h"

namespace safemap {

namespace {

constexpr const char* kPackageHelp =
    "Usage: safemap package create PROJECT.gpkg --out FILE.gpkg (--sites IDS | --list inspect\n"
    "                              | --district NAME | --filter JSON|FILE) [options]\n"
    "       safemap package merge PROJECT.gpkg PACKAGE.gpkg [--dry-run]\n"
    "                             [--facility-conflicts office|field]\n"
    "       safemap package sheets PACKAGE.gpkg --out FILE.pdf [--language vi|en]\n"
    "Field packages for inspectors' laptops (docs/field.md). safemap package create --help,\n"
    "merge --help and sheets --help say more. Also known as safemap field-package and\n"
    "safemap merge.\n";

constexpr const char* kCreateUsage =
    "Usage: safemap package create PROJECT.gpkg --out FILE.gpkg\n"
    "           (--sites IDS | --list inspect [--district NAME] [--top N]\n"
    "            | --district NAME | --filter JSON|FILE)\n"
    "           [--start LON,LAT] [--route] [--by NAME] [--name TEXT] [--replace]\n"
    "           [scenario options]\n"
    "Makes a field package: one GeoPackage for an inspector's laptop with the chosen\n"
    "facilities, their zones, assessments and scores, past inspections, the criteria set, the\n"
    "route and where it came from. The project is only read.\n"
    "  --sites IDS        site ids or tax codes, comma-separated, in visiting order\n"
    "  --list inspect     the facilities due for inspection, in the list's priority order\n"
    "                     (the scenario's filter applies; --top N: the first N)\n"
    "  --district NAME    only this district (accents and case ignored); without --list,\n"
    "                     every facility of the district that passes the filter\n"
    "  --filter JSON      without --list: every facility the filter lets through\n"
    "  --start LON,LAT    the office: the stops are ordered into a short route from there\n"
    "  --route            order the stops into a route (from the first stop without --start)\n"
    "  --by NAME          who made the package; --name TEXT: what it is called\n"
    "  --replace          replace a file already at --out\n"
    "Record inspections with safemap inspect, bring them back with safemap package merge.\n"
    "Also known as: safemap field-package PROJECT OUT (--inspect | --ids IDS).\n";

constexpr const char* kPackageMergeUsage =
    "Usage: safemap package merge PROJECT.gpkg PACKAGE.gpkg [--dry-run]\n"
    "                             [--facility-conflicts office|field]\n"
    "Merges a field package back into the project it was made from, in one transaction: new\n"
    "inspections with their photos, inspections edited in the field, facilities corrected\n"
    "in the field. An inspection edited both in the office and in the field keeps both\n"
    "versions and is reported. A facility changed on both sides is a conflict: nothing is\n"
    "merged until --facility-conflicts says which side wins. Merging the same package again\n"
    "adds nothing. The package is only read. --dry-run says what would be merged.\n"
    "Also known as: safemap merge.\n";

int usageError(const std::string& usage, const char* message) {
    std::fprintf(stderr, "safemap package create: %s\n%s", message, usage.c_str());
    return 2;
}

int runCreate(const Words& words) {
    const char* command = "package create";
    std::vector<std::string> valueOptions = kScenarioValueOptions;
    valueOptions.insert(valueOptions.end(),
                        {"out", "sites", "list", "district", "top", "start", "by", "name"});
    std::vector<std::string> flags = kScenarioFlags;
    flags.insert(flags.end(), {"route", "replace"});
    const Args args(words, valueOptions);
    const std::string usage = std::string(kCreateUsage) + kScenarioUsage;
    if (int rc = checkUsage(command, args, flags, 1, 1, usage.c_str()); rc >= 0)
        return rc;
    const auto out = args.option("out");
    if (!out)
        return usageError(usage, "--out FILE is required");
    const auto sites = args.option("sites");
    const auto list = args.option("list");
    const auto district = args.option("district");
    const bool filtered = args.option("filter").has_value() || district.has_value();
    if (sites && (list || filtered))
        return usageError(usage, "--sites names the facilities: no --list, --district or --filter");
    if (!sites && !list && !filtered)
        return usageError(usage,
                          "say which facilities: --sites, --list inspect, --district or "
                          "--filter");
    if (list && *list != "inspect")
        return usageError(usage, "--list takes inspect (the facilities due for inspection)");
    if (args.option("top") && !list)
        return usageError(usage, "--top N goes with --list inspect");
    std::optional<std::size_t> top;
    if (auto t = args.option("top")) {
        char* end = nullptr;
        const long n = std::strtol(t->c_str(), &end, 10);
        if (end == t->c_str() || *end || n < 1)
            return usageError(usage, "--top must be a positive number");
        top = static_cast<std::size_t>(n);
    }
    std::optional<GeoPoint> start;
    if (auto s = args.option("start")) {
        start = parseLonLat(*s);
        if (!start)
            return usageError(usage, "--start must be LON,LAT in degrees, e.g. 105.9120,20.5410");
    }
    ProjectSettings settings;
    auto project = openForReading(command, args.positional()[0], settings);
    if (!project)
        return fail(command, project.error());
    std::vector<std::string> ids;
    if (sites) {
        ids = splitIds(*sites);
        if (ids.empty())
            return usageError(usage, "--sites names no facility");
    } else {
        auto scenario = scenarioFromArgs(args, settings);
        if (!scenario) {
            std::fprintf(stderr, "safemap %s: %s\n", command, scenario.error().message.c_str());
            return 2;
        }
        if (district) {
            auto found = findDistrict(*project, *district);
            if (!found)
                return fail(command, found.error());
            scenario->filter.districts = {*found};
        }
        auto repoZones = project->repository().zones();
        if (repoZones)
            noteSavedFilter(command, args, settings, *repoZones);
        auto chosen =
            list ? dueForInspection(*project, *scenario, top) : sitesMatching(*project, *scenario);
        if (!chosen)
            return fail(command, chosen.error());
        ids = std::move(chosen).value();
        if (ids.empty()) {
            std::fprintf(stderr, "safemap %s: %s; no package was made\n", command,
                         list ? "no facility is due for inspection in this scenario"
                              : "no facility passes the filter");
            return 1;
        }
    }
    return makeFieldPackage(command, args, *project, std::move(ids),
                            args.flag("route") || start.has_value(), start, *out);
}

}  // namespace

int runPackageCommand(const Words& words) {
    const std::string sub = words.empty() ? std::string() : words.front();
    const Words rest = words.empty() ? Words() : Words(words.begin() + 1, words.end());
    if (sub == "create")
        return runCreate(rest);
    if (sub == "merge")
        return runMerge("package merge", rest, kPackageMergeUsage);
    if (sub == "sheets")
        return runPackageSheets(rest);
    if (sub == "--help" || sub == "-h" || sub == "help") {
        std::printf("%s", kPackageHelp);
        return 0;
    }
    if (sub.empty())
        std::fprintf(stderr, "%s", kPackageHelp);
    else
        std::fprintf(stderr, "safemap package: unknown sub-command '%s'\n%s", sub.c_str(),
                     kPackageHelp);
    return 2;
}

}  // namespace safemap
