#include <cstdio>
#include <filesystem>

#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "core/storage/project_store.h"
#include "core/storage/site_store.h"
#include "gis/io/site_import.h"
#include "gis/io/site_reading.h"

namespace safemap {

namespace {
constexpr const char* kUsage =
    "Usage: safemap import PROJECT.gpkg FILE [--layer NAME] [--as zones|factories]\n"
    "                      [--crs CRS] [--mapping MAPPING.json]\n"
    "Imports sites from a GeoPackage, Shapefile, GeoJSON, KML, CSV, XLSX or ODS file into\n"
    "the project (created if it does not exist). All rows or none: the first bad row stops\n"
    "the import with its file, row and column, and nothing is written. Re-importing the\n"
    "same file updates sites instead of duplicating them.\n"
    "  --layer    layer or sheet to read (default: the first)\n"
    "  --as       zones or factories (default: polygons are zones, points are factories)\n"
    "  --crs      source CRS when the file has none or it is wrong: EPSG:9215, a PROJ\n"
    "             string, or VN2000:<province>, e.g. VN2000:\"Lạng Sơn\"\n"
    "  --mapping  a JSON file, or a JSON object, naming the source column of each\n"
    "             attribute, e.g.\n"
    "             {\"name\": \"Tên cơ sở\", \"tax_code\": \"MST\", \"workers_total\": \"Số LĐ\"}\n"
    "             (default: guessed from the column names; see docs/import.md)\n"
    "  --encoding text encoding of a CSV/TXT file: utf-8, utf-16, tcvn3 (abc), vni,\n"
    "             viscii or cp1258 (default: detected)\n";
}  // namespace

int runImportCommand(const Words& words) {
    const Args args(words, {"layer", "as", "crs", "mapping", "encoding"});
    if (int rc = checkUsage("import", args, {}, 2, 2, kUsage); rc >= 0)
        return rc;
    const std::string projectPath = args.positional()[0];
    const std::string sourcePath = args.positional()[1];

    SiteImportOptions options;
    if (auto layer = args.option("layer"))
        options.layer = *layer;
    if (auto as = args.option("as")) {
        if (*as == "zones")
            options.target = ImportTarget::Zones;
        else if (*as == "factories")
            options.target = ImportTarget::Factories;
        else {
            std::fprintf(stderr, "safemap import: --as must be zones or factories\n");
            return 2;
        }
    }
    if (auto crs = args.option("crs"))
        options.sourceCrs = *crs;
    if (auto mappingArg = args.option("mapping")) {
        auto mapping = parseMappingArgument(*mappingArg);
        if (!mapping)
            return fail("import", mapping.error());
        options.mapping = *mapping;
    }
    if (auto enc = args.option("encoding")) {
        options.encoding = encodingFromName(*enc);
        if (!options.encoding) {
            std::fprintf(stderr, "safemap import: unknown encoding %s\n", enc->c_str());
            return 2;
        }
    }
    std::error_code ec;
    const bool created = !std::filesystem::exists(projectPath, ec);
    if (!created) {
        // Factories name their zone by id or by name: match them against the project's zones.
        auto existing = ProjectStore::open(projectPath);
        if (!existing)
            return fail("import", existing.error());
        options.knownZones = loadZones(existing->database());
    }
    // Read and validate everything before touching the project, so a bad file does not even
    // leave an empty new project behind.
    auto reading = readSiteSource(sourcePath, options);
    if (!reading)
        return fail("import", reading.error());
    for (const Error& note : reading->notes)
        std::fprintf(stderr, "safemap import: note: %s\n", note.describe().c_str());
    const SiteBatch* batch = &reading->batch;

    auto store = created ? ProjectStore::create(projectPath) : ProjectStore::open(projectPath);
    if (!store)
        return fail("import", store.error());
    auto sum = upsertSites(store->database(), *batch,
                           std::filesystem::path(sourcePath).filename().string());
    if (!sum)
        return fail("import", Error(sum.error().message, projectPath));
    std::printf("%s%s: %d zones, %d facilities from %s — %d new, %d updated, %d unchanged\n",
                projectPath.c_str(), created ? " (new project)" : "",
                static_cast<int>(batch->zones.size()), static_cast<int>(batch->factories.size()),
                sourcePath.c_str(), sum->inserted, sum->updated, sum->unchanged);
    return 0;
}

}  // namespace safemap
