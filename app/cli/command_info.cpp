#include <cstdio>
#include <map>

#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "core/project/project.h"
#include "core/project/project_location.h"
#include "core/storage/schema.h"

namespace safemap {

namespace {
constexpr const char* kInfoUsage =
    "Usage: safemap info PROJECT.gpkg\n"
    "Prints the project's schema version, layers with feature counts and extents, the\n"
    "active criteria set and the last imports. The project is only read.\n";
}

int runInfoCommand(const Words& words) {
    const Args args(words, {});
    if (int rc = checkUsage("info", args, {}, 1, 1, kInfoUsage); rc >= 0)
        return rc;
    auto project = Project::open(args.positional()[0], Project::Access::ReadOnly);
    if (!project)
        return fail("info", project.error());
    for (const auto& note : project->notes())
        std::fprintf(stderr, "safemap info: note: %s\n", note.c_str());
    const ProjectRepository& repo = project->repository();
    auto tables = repo.tables();
    if (!tables)
        return fail("info", tables.error());
    auto zones = repo.zones();
    if (!zones)
        return fail("info", zones.error());
    auto active = repo.activeCriteria();
    if (!active)
        return fail("info", active.error());
    auto imports = repo.importLog(5);
    if (!imports)
        return fail("info", imports.error());

    std::printf("Project: %s\n", project->location().c_str());
    if (isServerProject(project->location()))  // opened at the newest server schema
        std::printf("Schema version: %d (server)\n", repo.schemaVersion());
    else
        std::printf("Schema version: %d (this SafeMap writes %d)\n", repo.schemaVersion(),
                    latestSchemaVersion());
    std::printf("Layers:\n");
    for (const auto& t : *tables) {
        std::printf("  %-16s %-10s %8lld", t.name.c_str(), t.kind.c_str(), t.rows);
        if (t.extent)
            std::printf("   extent %.5f,%.5f .. %.5f,%.5f", t.extent->minX, t.extent->minY,
                        t.extent->maxX, t.extent->maxY);
        std::printf("\n");
    }
    std::map<std::string, int> kinds;
    for (const auto& z : *zones)
        ++kinds[std::string(zoneKindCode(z.kind))];
    std::printf("Zones by kind:");
    for (const auto& [kind, n] : kinds)
        std::printf(" %s %d", kind.c_str(), n);
    std::printf("\nActive criteria set: %s\n", *active ? (*active)->key().c_str() : "none");
    std::printf("Last imports:\n");
    for (const auto& i : *imports)
        std::printf("  %s  %-11s %s: %ld rows (%ld new, %ld updated, %ld unchanged)\n",
                    i.importedAt.c_str(), i.kind.c_str(), i.sourceFile.c_str(), i.rows, i.inserted,
                    i.updated, i.unchanged);
    return 0;
}

}  // namespace safemap
