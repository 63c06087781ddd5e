#include <cstdio>
#include <filesystem>

#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "core/errors/error_catalogue.h"
#include "core/project/new_project.h"
#include "core/project/project.h"
#include "core/project/project_location.h"
#include "gis/io/site_import.h"
#include "gis/io/site_reading.h"

namespace safemap {

namespace {
constexpr const char* kImportUsage =
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
    if (int rc = checkUsage("import", args, {}, 2, 2, kImportUsage); rc >= 0)
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
    // A server database without a project gets one through openOrCreate below.
    const bool created = !isServerProject(projectPath) && !std::filesystem::exists(projectPath, ec);
    Result<SiteFileImport> done = codedError("internal.not_run");  // replaced below
    if (created) {
        // Read and validate everything first, then write the project whole: a bad file or a
        // kill leaves no project behind, not even an empty one.
        auto reading = readSiteSource(sourcePath, options);
        if (!reading)
            return fail("import", reading.error());
        const Status built = buildNewProject(projectPath, [&](Project& project) -> Status {
            done = importSiteReading(project, std::move(reading).value(), sourcePath);
            return done ? Status{} : Status(done.error());
        });
        if (!built)
            return fail("import", built.error());
    } else {
        auto project = Project::openOrCreate(projectPath);
        if (!project)
            return fail("import", project.error());
        done = importSitesFile(*project, sourcePath, options);
    }
    if (!done)
        return fail("import", done.error());
    for (const Error& note : done->notes)
        std::fprintf(stderr, "safemap import: note: %s\n", note.describe().c_str());
    const ImportSummary* sum = &done->summary;
    std::printf("%s%s: %d zones, %d facilities from %s — %d new, %d updated, %d unchanged\n",
                projectPath.c_str(), created ? " (new project)" : "", static_cast<int>(done->zones),
                static_cast<int>(done->factories), sourcePath.c_str(), sum->inserted, sum->updated,
                sum->unchanged);
    if (!sum->updatedAttributes.empty()) {
        std::string keys;
        for (const auto& k : sum->updatedAttributes)
            keys += (keys.empty() ? "" : ", ") + k;
        std::printf("Updated attributes: %s (attributes the file has no column for were kept)\n",
                    keys.c_str());
    }
    return 0;
}

}  // namespace safemap
