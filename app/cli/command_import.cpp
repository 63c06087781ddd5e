#include <cstdio>
#include <filesystem>

#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "core/project/imports.h"
#include "core/project/project.h"
#include "gis/io/site_import.h"

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
    "  --mapping  JSON object naming the source column of each attribute, e.g.\n"
    "             {\"name\": \"Tên cơ sở\", \"tax_code\": \"MST\", \"workers_total\": \"Số LĐ\"}\n"
    "             (default: guessed from the column names; see docs/import.md)\n";
}  // namespace

int runImportCommand(const Words& words) {
    const Args args(words, {"layer", "as", "crs", "mapping"});
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
    if (auto mappingFile = args.option("mapping")) {
        auto mapping = readFieldMappingFile(*mappingFile);
        if (!mapping)
            return fail("import", mapping.error());
        options.mapping = *mapping;
    }
    // Read and validate everything before touching the project, so a bad file does not even
    // leave an empty new project behind.
    auto batch = readSites(sourcePath, options);
    if (!batch)
        return fail("import", batch.error());
    bool created = false;
    auto project = Project::openOrCreate(projectPath, &created);
    if (!project)
        return fail("import", project.error());
    auto sum = importSites(*project, *batch, std::filesystem::path(sourcePath).filename().string());
    if (!sum)
        return fail("import", sum.error());
    std::printf("%s%s: %d zones, %d facilities from %s — %d new, %d updated, %d unchanged\n",
                projectPath.c_str(), created ? " (new project)" : "",
                static_cast<int>(batch->zones.size()), static_cast<int>(batch->factories.size()),
                sourcePath.c_str(), sum->inserted, sum->updated, sum->unchanged);
    return 0;
}

}  // namespace safemap
