// safemap field-package, inspect and merge: field packages for inspectors (docs/field.md).
// Adapters only: the use cases are core/project/field_package.h, field_inspection.h and
// merge.h.
#include <QCoreApplication>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "app/cli/field_commands.h"
#include "app/cli/scenario_options.h"
#include "app/gui/shipped_data.h"
#include "core/errors/error_catalogue.h"
#include "core/project/field_inspection.h"
#include "core/project/field_package.h"
#include "core/project/merge.h"
#include "core/project/project.h"
#include "core/project/visit_list.h"

namespace safemap {

namespace {

constexpr const char* kPackageUsage =
    "Usage: safemap field-package PROJECT.gpkg OUT.gpkg (--inspect [--top N] | --ids IDS)\n"
    "                             [--start LON,LAT] [--route] [--by NAME] [--name TEXT]\n"
    "                             [--replace] [scenario options]\n"
    "Makes a field package: one GeoPackage for an inspector's laptop with the chosen\n"
    "facilities, their zones, assessments and scores, past inspections, the criteria set and\n"
    "where it came from. --inspect takes the facilities due for inspection (the scenario's\n"
    "filter applies; --top N the first N); --ids a comma-separated list of site ids or tax\n"
    "codes, in visiting order. --route orders them into a short route from --start (the\n"
    "office). The project is only read. Record inspections with safemap inspect, bring them\n"
    "back with safemap merge. The same as safemap package create (see its --help).\n";

constexpr const char* kInspectUsage =
    "Usage: safemap inspect PACKAGE.gpkg --site ID --date YYYY-MM-DD --inspector NAME\n"
    "                       --outcome keep|fix|suspend [--fix-by YYYY-MM-DD]\n"
    "                       [--findings TEXT] [--note TEXT] [--position LON,LAT]\n"
    "                       [--photo FILE]\n"
    "Records an inspection of a facility (site id or tax code) in a field package or a\n"
    "project, in one transaction, as the window's inspection form does.\n";

constexpr const char* kMergeUsage =
    "Usage: safemap merge PROJECT.gpkg PACKAGE.gpkg [--dry-run]\n"
    "                     [--facility-conflicts office|field]\n"
    "Merges a field package back into the project it was made from, in one transaction: new\n"
    "inspections with their photos, inspections edited in the field, facilities corrected\n"
    "in the field. An inspection edited both in the office and in the field keeps both\n"
    "versions and is reported. A facility changed on both sides is a conflict: nothing is\n"
    "merged until --facility-conflicts says which side wins. Merging the same package again\n"
    "adds nothing. The package is only read. --dry-run says what would be merged.\n"
    "The same as safemap package merge.\n";

}  // namespace

std::vector<std::string> splitIds(const std::string& text) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : text + ",") {
        if (c == ',' || c == ' ') {
            if (!cur.empty())
                out.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    return out;
}

namespace {

void printConflict(const MergeConflict& c, std::string_view how) {
    std::printf("  conflict (%s) %s — %s: %.*s\n", std::string(conflictKindCode(c.kind)).c_str(),
                c.siteId.c_str(), c.title.c_str(), static_cast<int>(how.size()), how.data());
    for (const auto& v : c.values)
        std::printf("    %-12s office: %s | field: %s%s%s\n", v.field.c_str(), v.office.c_str(),
                    v.inField.c_str(), v.base.empty() ? "" : " | packaged: ", v.base.c_str());
}

}  // namespace

int makeFieldPackage(const char* command, const Args& args, const Project& project,
                     std::vector<std::string> siteIds, bool route, std::optional<GeoPoint> start,
                     const std::string& out) {
    PackageRequest request;
    request.siteIds = std::move(siteIds);
    if (route) {
        auto ordered = orderVisitList(project, request.siteIds, start);
        if (!ordered)
            return fail(command, ordered.error());
        std::fprintf(stderr, "route: %.1f km straight-line (%.1f km in the list's order)\n",
                     ordered->metres / 1000, ordered->inputMetres / 1000);
        request.siteIds = std::move(ordered->siteIds);
    }
    request.start = start;
    request.createdBy = args.option("by").value_or("");
    request.name = args.option("name").value_or("");
    request.replaceExisting = args.flag("replace");
    // The QCoreApplication gives findShippedFile the executable's directory (the basemap).
    int argc = 1;
    char name[] = "safemap";
    char* argv[] = {name, nullptr};
    std::optional<QCoreApplication> app;
    if (!QCoreApplication::instance())
        app.emplace(argc, argv);
    std::string basemapProblem;
    const PackageExtras extras = packageBasemapExtras(&basemapProblem);
    if (!basemapProblem.empty())
        std::fprintf(stderr, "safemap %s: note: no basemap in the package: %s\n", command,
                     basemapProblem.c_str());
    auto made = createFieldPackage(project, request, out, extras);
    if (!made)
        return fail(command, made.error());
    std::printf("Field package %s (id %s)\n", out.c_str(), made->info.packageId.c_str());
    std::printf("  %d facilities, %d zones, %d assessments, %d inspections\n", made->facilities,
                made->zones, made->assessments, made->inspections);
    std::printf("  route %.1f km straight-line%s\n", made->routeMetres / 1000,
                start ? " from the start point" : "");
    return 0;
}

int runFieldPackageCommand(const Words& words) {
    std::vector<std::string> valueOptions = kScenarioValueOptions;
    valueOptions.insert(valueOptions.end(), {"ids", "top", "start", "by", "name"});
    std::vector<std::string> flags = kScenarioFlags;
    flags.insert(flags.end(), {"inspect", "route", "replace"});
    const Args args(words, valueOptions);
    const std::string usage = std::string(kPackageUsage) + kScenarioUsage;
    if (int rc = checkUsage("field-package", args, flags, 2, 2, usage.c_str()); rc >= 0)
        return rc;
    const bool inspect = args.flag("inspect");
    const auto ids = args.option("ids");
    if (inspect == ids.has_value()) {
        std::fprintf(stderr, "safemap field-package: give exactly one of --inspect or --ids\n%s",
                     usage.c_str());
        return 2;
    }
    std::optional<std::size_t> top;
    if (auto t = args.option("top")) {
        char* end = nullptr;
        const long n = std::strtol(t->c_str(), &end, 10);
        if (end == t->c_str() || *end || n < 1) {
            std::fprintf(stderr, "safemap field-package: --top must be a positive number\n");
            return 2;
        }
        top = static_cast<std::size_t>(n);
    }
    std::optional<GeoPoint> start;
    if (auto s = args.option("start")) {
        start = parseLonLat(*s);
        if (!start) {
            std::fprintf(stderr,
                         "safemap field-package: --start must be LON,LAT in degrees, "
                         "e.g. 105.9120,20.5410\n");
            return 2;
        }
    }
    ProjectSettings settings;
    auto project = openForReading("field-package", args.positional()[0], settings);
    if (!project)
        return fail("field-package", project.error());
    PackageRequest request;
    if (inspect) {
        auto scenario = scenarioFromArgs(args, settings);
        if (!scenario) {
            std::fprintf(stderr, "safemap field-package: %s\n", scenario.error().message.c_str());
            return 2;
        }
        auto due = dueForInspection(*project, *scenario, top);
        if (!due)
            return fail("field-package", due.error());
        request.siteIds = std::move(due).value();
        if (request.siteIds.empty()) {
            std::fprintf(stderr,
                         "safemap field-package: no facility is due for inspection in "
                         "this scenario; no package was made\n");
            return 1;
        }
    } else {
        request.siteIds = splitIds(*ids);
    }
    return makeFieldPackage("field-package", args, *project, std::move(request.siteIds),
                            args.flag("route"), start, args.positional()[1]);
}

int runInspectCommand(const Words& words) {
    const Args args(words, {"site", "date", "inspector", "outcome", "fix-by", "findings", "note",
                            "position", "photo"});
    if (int rc = checkUsage("inspect", args, {}, 1, 1, kInspectUsage); rc >= 0)
        return rc;
    for (const char* required : {"site", "date", "inspector", "outcome"})
        if (!args.option(required)) {
            std::fprintf(stderr, "safemap inspect: --%s is required\n%s", required, kInspectUsage);
            return 2;
        }
    InspectionDraft draft;
    InspectionRecord& r = draft.record;
    const auto date = parseDate(*args.option("date"));
    const auto outcome = outcomeFromCode(*args.option("outcome"));
    if (!date || !outcome) {
        std::fprintf(
            stderr, "safemap inspect: %s\n",
            !date ? "--date must be YYYY-MM-DD" : "--outcome must be keep, fix or suspend");
        return 2;
    }
    r.date = *date;
    r.outcome = *outcome;
    r.inspector = *args.option("inspector");
    r.findings = args.option("findings").value_or("");
    r.notes = args.option("note").value_or("");
    if (auto fixBy = args.option("fix-by")) {
        r.fixBy = parseDate(*fixBy);
        if (!r.fixBy) {
            std::fprintf(stderr, "safemap inspect: --fix-by must be YYYY-MM-DD\n");
            return 2;
        }
    }
    if (auto pos = args.option("position")) {
        r.position = parseLonLat(*pos);
        if (!r.position) {
            std::fprintf(stderr, "safemap inspect: --position must be LON,LAT in degrees\n");
            return 2;
        }
        r.positionSource = PositionSource::Typed;
    }
    auto project = Project::open(args.positional()[0]);
    if (!project)
        return fail("inspect", project.error());
    // A tax code names the facility as people know it.
    const std::string site = *args.option("site");
    auto factories = project->repository().factories();
    if (!factories)
        return fail("inspect", factories.error());
    for (const auto& f : *factories)
        if (f.id == site || (!f.taxCode.empty() && f.taxCode == site))
            r.siteId = f.id;
    if (r.siteId.empty()) {
        return fail("inspect", codedError("cli.no_such_facility", {site}, project->location()));
    }
    if (auto photoFile = args.option("photo")) {
        std::ifstream in(*photoFile, std::ios::binary);
        if (!in)
            return fail("inspect", codedError("cli.cannot_read_photo", {}, *photoFile));
        std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                        std::istreambuf_iterator<char>());
        auto photo =
            photoFromBytes(std::filesystem::path(*photoFile).filename().string(), std::move(bytes));
        if (!photo)
            return fail("inspect", codedError("cli.not_an_image", {}, *photoFile));
        r.photos.push_back(photo->info);
        draft.newPhotos.push_back(std::move(*photo));
    }
    auto saved = saveInspection(*project, draft);
    if (!saved)
        return fail("inspect", saved.error());
    std::printf("Inspection %s of %s on %s recorded (%s)\n", saved->recordId.c_str(),
                saved->siteId.c_str(), formatDate(saved->date).c_str(),
                std::string(outcomeCode(saved->outcome)).c_str());
    return 0;
}

int runMergeCommand(const Words& words) {
    return runMerge("merge", words, kMergeUsage);
}

int runMerge(const char* command, const Words& words, const char* usage) {
    const Args args(words, {"facility-conflicts"});
    if (int rc = checkUsage(command, args, {"dry-run"}, 2, 2, usage); rc >= 0)
        return rc;
    std::optional<Resolution> facilityDecision;
    if (auto d = args.option("facility-conflicts")) {
        if (*d == "office")
            facilityDecision = Resolution::KeepOffice;
        else if (*d == "field")
            facilityDecision = Resolution::TakeField;
        else {
            std::fprintf(stderr, "safemap %s: --facility-conflicts must be office or field\n",
                         command);
            return 2;
        }
    }
    auto package = openPackageForMerge(args.positional()[1]);
    if (!package)
        return fail(command, package.error());
    const bool dryRun = args.flag("dry-run");
    auto master = Project::open(args.positional()[0],
                                dryRun ? Project::Access::ReadOnly : Project::Access::ReadWrite);
    if (!master)
        return fail(command, master.error());
    auto plan = planMerge(*master, *package);
    if (!plan)
        return fail(command, plan.error());
    Resolutions resolutions;
    int undecided = 0;
    for (const auto& c : plan->conflicts) {
        if (c.kind == ConflictKind::Inspection)
            continue;  // kept both, reported
        if (facilityDecision)
            resolutions[c.key] = *facilityDecision;
        else
            ++undecided;
    }
    std::printf("Package \"%s\" made by %s on %s\n", plan->package.name.c_str(),
                plan->package.createdBy.c_str(), plan->package.createdAt.c_str());
    if (dryRun || undecided > 0) {
        std::printf(
            "  would add %zu inspections (%d photos), update %zu, correct %zu "
            "facilities; %d already merged, %d duplicates\n",
            plan->added.size(), plan->photos, plan->updated.size(), plan->facilities.size(),
            plan->unchanged, plan->duplicates);
        for (const auto& c : plan->conflicts)
            printConflict(
                c, c.kind == ConflictKind::Inspection ? "both will be kept" : "needs a decision");
        if (undecided > 0) {
            std::fprintf(stderr,
                         "safemap %s: %d facilities were changed both in the office and in "
                         "the field; give --facility-conflicts office or field. Nothing was "
                         "merged.\n",
                         command, undecided);
            return 1;
        }
        return 0;
    }
    auto merged = mergePackage(*master, *package, resolutions);
    if (!merged)
        return fail(command, merged.error());
    if (merged->nothingNew) {
        std::printf("  nothing new: the package was merged before as it is (%d duplicates)\n",
                    merged->duplicates);
        return 0;
    }
    std::printf(
        "  added %d inspections with %d photos, updated %d, corrected %d facilities, "
        "%d duplicates skipped\n",
        merged->added, merged->photos, merged->updated, merged->facilities, merged->duplicates);
    for (const auto& [c, how] : merged->conflicts)
        printConflict(c, resolutionCode(how));
    return 0;
}

}  // namespace safemap
