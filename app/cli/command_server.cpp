// `safemap push` and `safemap pull`: a project between a GeoPackage file and a province's
// PostgreSQL/PostGIS server (docs/server.md). Both are copyProject (core/project); these
// only open the two ends and report.
#include <cstdio>
#include <filesystem>

#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "core/project/project_copy.h"

namespace safemap {

namespace {

constexpr const char* kPushUsage =
    "Usage: safemap push PROJECT.gpkg postgresql://USER@HOST/DATABASE\n"
    "Copies a project file to a server database: its sites, assessments, inspections,\n"
    "criteria sets and settings, then scores them there. A database without a project gets\n"
    "one; a project already there gets only what it lacks (nothing is duplicated). All or\n"
    "nothing. The file is only read. The password comes from ~/.pgpass or PGPASSWORD (never\n"
    "write it on the command line).\n";

constexpr const char* kPullUsage =
    "Usage: safemap pull postgresql://USER@HOST/DATABASE PROJECT.gpkg [--district NAMES]\n"
    "Copies a server project (what your role may read) into a new project file.\n"
    "  --district NAMES   only the facilities of these districts (comma-separated), with\n"
    "                     their zones, assessments, scores and inspections\n";

void printOutcome(const char* /*command*/, const CopyOutcome& o) {
    std::printf(
        "%ld zones, %ld facilities, %ld new assessments, %ld new inspections, "
        "%ld criteria sets, %ld scores\n",
        o.zones, o.factories, o.assessments, o.inspections, o.criteriaSets, o.scored);
    if (o.records > 0 || o.mergeLogLines > 0)
        std::printf("%ld new inspection records with %ld photos, %ld merge log lines\n", o.records,
                    o.photos, o.mergeLogLines);
}

std::set<std::string> districtsOf(const std::string& list) {
    std::set<std::string> out;
    size_t pos = 0;
    while (pos <= list.size()) {
        size_t end = list.find(',', pos);
        if (end == std::string::npos)
            end = list.size();
        std::string name = list.substr(pos, end - pos);
        while (!name.empty() && name.front() == ' ')
            name.erase(0, 1);
        while (!name.empty() && name.back() == ' ')
            name.pop_back();
        if (!name.empty())
            out.insert(name);
        pos = end + 1;
    }
    return out;
}

}  // namespace

int runPushCommand(const Words& words) {
    const Args args(words, {});
    if (int rc = checkUsage("push", args, {}, 2, 2, kPushUsage); rc >= 0)
        return rc;
    auto from = Project::open(args.positional()[0], Project::Access::ReadOnly);
    if (!from)
        return fail("push", from.error());
    auto to = Project::openOrCreate(args.positional()[1]);
    if (!to)
        return fail("push", to.error());
    auto copied = copyProject(*from, *to);
    if (!copied)
        return fail("push", copied.error());
    printOutcome("push", *copied);
    return 0;
}

int runPullCommand(const Words& words) {
    const Args args(words, {"district"});
    if (int rc = checkUsage("pull", args, {}, 2, 2, kPullUsage); rc >= 0)
        return rc;
    auto from = Project::open(args.positional()[0], Project::Access::ReadOnly);
    if (!from)
        return fail("pull", from.error());
    const std::string path = args.positional()[1];
    CopyOptions options;
    if (auto d = args.option("district"))
        options.districts = districtsOf(*d);
    auto to = Project::create(path);
    if (!to)
        return fail("pull", to.error());
    auto copied = copyProject(*from, *to, options);
    if (!copied) {
        // All or nothing: no half-made file is left behind.
        to = Error{};
        std::error_code ec;
        std::filesystem::remove(path, ec);
        return fail("pull", copied.error());
    }
    printOutcome("pull", *copied);
    return 0;
}

}  // namespace safemap
