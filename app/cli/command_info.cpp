#include <cstdio>

#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "core/storage/project_store.h"
#include "core/storage/schema.h"

namespace safemap {

namespace {
constexpr const char* kUsage =
    "Usage: safemap info PROJECT.gpkg\n"
    "Prints the project's schema version, layers with feature counts and extents,\n"
    "and the last imports.\n";
}

int runInfoCommand(const Words& words) {
    const Args args(words, {});
    if (int rc = checkUsage("info", args, {}, 1, 1, kUsage); rc >= 0)
        return rc;
    auto store = ProjectStore::open(args.positional()[0]);
    if (!store)
        return fail("info", store.error());
    const Database& db = store->database();
    std::printf("Project: %s\n", store->path().c_str());
    std::printf("Schema version: %d (this SafeMap writes %d)\n", store->schemaVersion(),
                latestSchemaVersion());
    std::printf("Layers:\n");
    auto layers = db.prepare(
        "SELECT table_name, data_type, min_x, min_y, max_x, max_y FROM gpkg_contents "
        "ORDER BY data_type DESC, table_name");
    if (!layers)
        return fail("info", layers.error());
    while (layers->step()) {
        const std::string table = layers->text(0);
        const auto count = db.queryInt("SELECT count(*) FROM \"" + table + "\"").value_or(0);
        std::printf("  %-16s %-10s %8lld", table.c_str(), layers->text(1).c_str(),
                    static_cast<long long>(count));
        if (!layers->isNull(2))
            std::printf("   extent %.5f,%.5f .. %.5f,%.5f", layers->real(2), layers->real(3),
                        layers->real(4), layers->real(5));
        std::printf("\n");
    }
    auto kinds = db.prepare("SELECT kind, count(*) FROM zones GROUP BY kind ORDER BY kind");
    if (kinds) {
        std::printf("Zones by kind:");
        while (kinds->step())
            std::printf(" %s %lld", kinds->text(0).c_str(),
                        static_cast<long long>(kinds->integer(1)));
        std::printf("\n");
    }
    auto imports = db.prepare(
        "SELECT imported_at, kind, source_file, rows, inserted, updated, unchanged "
        "FROM import_log ORDER BY fid DESC LIMIT 5");
    if (imports) {
        std::printf("Last imports:\n");
        while (imports->step())
            std::printf("  %s  %-11s %s: %lld rows (%lld new, %lld updated, %lld unchanged)\n",
                        imports->text(0).c_str(), imports->text(1).c_str(),
                        imports->text(2).c_str(), static_cast<long long>(imports->integer(3)),
                        static_cast<long long>(imports->integer(4)),
                        static_cast<long long>(imports->integer(5)),
                        static_cast<long long>(imports->integer(6)));
    }
    return 0;
}

}  // namespace safemap
