// safemap export: a scenario's lists, facilities or a cordon's facilities as XLSX, CSV,
// GeoPackage or GeoJSON, each with its heading (as of, criteria set, filter, generated at).
#include <cstdio>
#include <string>

#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "app/cli/scenario_options.h"
#include "core/project/project.h"
#include "core/util/timestamp.h"
#include "gis/analysis/cordon.h"
#include "gis/project/scenario_export.h"

namespace safemap {

namespace {
constexpr const char* kExportUsage =
    "Usage: safemap export PROJECT.gpkg [--list suspend|inspect|all] [--format FORMAT]\n"
    "                      [--out FILE] [--cordon SITE_ID [--radius METRES | --whole-zone]]\n"
    "                      [--language vi|en] [scenario options]\n"
    "Writes a list or the facilities of a scenario for people and for other GIS, with a\n"
    "heading that says as of when, under which criteria set and version, which filter and\n"
    "when it was made. The project is only read, never changed.\n"
    "  --list       suspend (default), inspect, or all: every facility that passes the filter\n"
    "  --format     xlsx (heading on the first sheet, the table on the second), csv (heading\n"
    "               rows, an empty row, the table), gpkg or geojson (the facilities as\n"
    "               points with their level, the heading as the layer's description);\n"
    "               default: from --out's extension, else xlsx\n"
    "  --out        the file (default: a dated name in the current directory, e.g.\n"
    "               danh_sach_dinh_chi_2021-06-26.xlsx)\n"
    "  --cordon     the facilities inside the cordon around this facility's case (instead\n"
    "               of --list; the filter does not apply), a circle of --radius metres\n"
    "               (default 1000) or its whole zone (--whole-zone, with --radius as margin)\n"
    "  --language   vi or en: the heading's words and default name (default vi)\n";
}  // namespace

int runExportCommand(const Words& words) {
    std::vector<std::string> valueOptions = kScenarioValueOptions;
    valueOptions.insert(valueOptions.end(),
                        {"list", "format", "out", "cordon", "radius", "language"});
    std::vector<std::string> flags = kScenarioFlags;
    flags.push_back("whole-zone");
    const Args args(words, valueOptions);
    const std::string usage = std::string(kExportUsage) + kScenarioUsage;
    if (int rc = checkUsage("export", args, flags, 1, 1, usage.c_str()); rc >= 0)
        return rc;
    ScenarioExport request;
    const std::string list = args.option("list").value_or("suspend");
    if (list == "suspend")
        request.what = ExportKind::SuspendList;
    else if (list == "inspect")
        request.what = ExportKind::InspectList;
    else if (list == "all")
        request.what = ExportKind::Facilities;
    else {
        std::fprintf(stderr, "safemap export: --list must be suspend, inspect or all\n");
        return 2;
    }
    const auto cordonSite = args.option("cordon");
    if (cordonSite && args.option("list")) {
        std::fprintf(stderr, "safemap export: give --list or --cordon, not both\n");
        return 2;
    }
    if (!cordonSite && (args.option("radius") || args.flag("whole-zone"))) {
        std::fprintf(stderr, "safemap export: --radius and --whole-zone need --cordon\n");
        return 2;
    }
    const std::string language = args.option("language").value_or("vi");
    if (language != "vi" && language != "en") {
        std::fprintf(stderr, "safemap export: --language must be vi or en\n");
        return 2;
    }
    request.vietnamese = language == "vi";
    std::string out = args.option("out").value_or("");
    if (auto f = args.option("format")) {
        const auto format = exportFormatOfPath("x." + *f);
        if (!format || *f == "json") {
            std::fprintf(stderr, "safemap export: --format must be xlsx, csv, gpkg or geojson\n");
            return 2;
        }
        request.format = *format;
    } else if (!out.empty()) {
        const auto format = exportFormatOfPath(out);
        if (!format) {
            std::fprintf(stderr, "safemap export: cannot tell the format from %s: give --format\n",
                         out.c_str());
            return 2;
        }
        request.format = *format;
    }
    CordonRequest cordonRequest;
    if (cordonSite) {
        request.what = ExportKind::Cordon;
        cordonRequest.caseSiteId = *cordonSite;
        cordonRequest.wholeZone = args.flag("whole-zone");
        cordonRequest.radiusMetres = cordonRequest.wholeZone ? 0 : 1000;
        if (auto r = args.option("radius")) {
            char tail = 0;
            if (std::sscanf(r->c_str(), "%lf%c", &cordonRequest.radiusMetres, &tail) != 1) {
                std::fprintf(stderr, "safemap export: --radius must be a number of metres\n");
                return 2;
            }
        }
    }
    ProjectSettings settings;
    auto project = openForReading("export", args.positional()[0], settings);
    if (!project)
        return fail("export", project.error());
    auto scenario = scenarioFromArgs(args, settings);
    if (!scenario) {
        std::fprintf(stderr, "safemap export: %s\n", scenario.error().message.c_str());
        return 2;
    }
    // Status as of the newest data date unless --as-of goes back: the latest scores suffice.
    auto result = evaluateScenario(*project, *scenario, {}, ScoreHistory::Latest,
                                   secondReader(*project, args.positional()[0]));
    if (!result)
        return fail("export", result.error());
    if (!cordonSite)
        noteSavedFilter("export", args, settings, result->facts->zones);
    if (cordonSite) {
        auto cordon = computeCordon(cordonRequest, result->facts->factories, result->facts->zones);
        if (!cordon)
            return fail("export", cordon.error());
        request.cordon = std::move(*cordon);
    }
    if (out.empty())
        out = exportFileName(request.what, result->status.asOf, request.vietnamese,
                             exportFormatExtension(request.format));
    request.generatedAt = generationTime();
    auto written = exportScenario(out, request, *result->facts, result->status, scenario->filter);
    if (!written)
        return fail("export", written.error());
    std::printf("Exported %zu facilities (as of %s) → %s\n", *written,
                formatDate(result->status.asOf).c_str(), out.c_str());
    return 0;
}

}  // namespace safemap
