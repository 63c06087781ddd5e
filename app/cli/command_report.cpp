// safemap report: the map report of a scenario as a PDF (or its map page as a PNG).
#include <QGuiApplication>
#include <cstdio>
#include <filesystem>
#include <optional>

#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "app/cli/scenario_options.h"
#include "app/gui/language.h"
#include "app/gui/shipped_data.h"
#include "core/project/project.h"
#include "core/report/report_template.h"
#include "core/util/timestamp.h"
#include "gis/project/map_composition.h"
#include "gis/report/map_report.h"

namespace safemap {

namespace {
constexpr const char* kReportUsage =
    "Usage: safemap report PROJECT.gpkg OUT.pdf|OUT.png [--title TEXT] [--paper a4|a3]\n"
    "                      [--template NAME|FILE] [--orientation landscape|portrait]\n"
    "                      [--rows N|all]\n"
    "                      [--language vi|en] [--dpi N] [scenario options]\n"
    "Writes the map report a meeting needs: on the first page the title, the as-of date,\n"
    "the criteria set and version, the filter, the map the window shows (the project's saved\n"
    "view, style and filter), its legend with counts, a scale bar, a north arrow and the\n"
    "basemap's sources; then the lists to suspend and to inspect with their reasons, over as\n"
    "many pages as they need (headers repeated, pages numbered, sources in the footer).\n"
    "OUT.png writes the map page alone as an image. The project is only read, never changed.\n"
    "  --out FILE   the same as OUT\n"
    "  --template   a built-in template (overview: the one-page province overview;\n"
    "               action-lists: every row of both lists, portrait) or a template file\n"
    "               (docs/report_templates.md); the options below override it\n"
    "  --title      the report's title (default: the usual title in the report's language)\n"
    "  --paper      a4 (default) or a3\n"
    "  --orientation landscape (default) or portrait\n"
    "  --rows       at most N rows of each list, or all (default 500, as from the window:\n"
    "               a cut list says \"showing 500 of N\"; a template's smaller rows stay)\n"
    "  --language   vi or en: the report's words (default: the window's language)\n"
    "  --dpi        PNG resolution in dots per inch (default 150, 30 to 1200)\n";

// Rows of each list in a report unless --rows or a template says otherwise.
constexpr std::size_t kDefaultReportRows = 500;

bool endsWith(const std::string& s, const char* tail) {
    const std::string t(tail);
    if (s.size() < t.size())
        return false;
    for (std::size_t i = 0; i < t.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[s.size() - t.size() + i])) != t[i])
            return false;
    return true;
}
}  // namespace

int runReportCommand(const Words& words) {
    std::vector<std::string> valueOptions = kScenarioValueOptions;
    valueOptions.insert(valueOptions.end(), {"out", "template", "title", "paper", "orientation",
                                             "rows", "language", "dpi"});
    const Args args(words, valueOptions);
    const std::string usage = std::string(kReportUsage) + kScenarioUsage;
    if (int rc = checkUsage("report", args, kScenarioFlags, 1, 2, usage.c_str()); rc >= 0)
        return rc;
    std::string out = args.option("out").value_or("");
    if (args.positional().size() == 2) {
        if (!out.empty()) {
            std::fprintf(stderr, "safemap report: give OUT or --out, not both\n");
            return 2;
        }
        out = args.positional()[1];
    }
    const bool png = endsWith(out, ".png");
    if (out.empty() || (!png && !endsWith(out, ".pdf"))) {
        std::fprintf(stderr, "safemap report: the output must be a .pdf or .png file\n%s",
                     usage.c_str());
        return 2;
    }
    MapReportOptions options;
    std::optional<ReportTemplate> tmpl;
    if (auto name = args.option("template")) {
        auto loaded = loadReportTemplate(*name);
        if (!loaded)
            return fail("report", loaded.error());
        tmpl = std::move(*loaded);
        applyReportTemplate(options, *tmpl);
    }
    if (auto title = args.option("title"))
        options.title = *title;
    if (auto paper = args.option("paper")) {
        if (*paper != "a4" && *paper != "a3") {
            std::fprintf(stderr, "safemap report: --paper must be a4 or a3\n");
            return 2;
        }
        options.paper = *paper == "a3" ? ReportPaper::A3 : ReportPaper::A4;
    }
    if (auto orientation = args.option("orientation")) {
        if (*orientation != "landscape" && *orientation != "portrait") {
            std::fprintf(stderr, "safemap report: --orientation must be landscape or portrait\n");
            return 2;
        }
        options.orientation =
            *orientation == "portrait" ? ReportOrientation::Portrait : ReportOrientation::Landscape;
    }
    // 500 rows of each list unless told otherwise (the window's cap): a province's full
    // lists run to thousands of pages, which belong in the XLSX/CSV exports.
    options.listRowLimit = kDefaultReportRows;
    if (auto r = args.option("rows"); r && *r == "all") {
        options.listRowLimit = 0;
    } else if (r) {
        unsigned long long rows = 0;
        char tail = 0;
        if (std::sscanf(r->c_str(), "%llu%c", &rows, &tail) != 1 || rows == 0 ||
            r->front() == '-') {
            std::fprintf(stderr, "safemap report: --rows must be a whole number above 0, or all\n");
            return 2;
        }
        options.listRowLimit = static_cast<std::size_t>(rows);
    }
    double dpi = 150;
    if (auto d = args.option("dpi")) {
        char tail = 0;
        if (std::sscanf(d->c_str(), "%lf%c", &dpi, &tail) != 1 || !(dpi >= 30 && dpi <= 1200)) {
            std::fprintf(stderr, "safemap report: --dpi must be a number from 30 to 1200\n");
            return 2;
        }
    }
    // Fonts and painting need a QGuiApplication; no display is needed.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    int argc = 1;
    char name[] = "safemap";
    char* argv[] = {name, nullptr};
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("SafeMap"));
    QGuiApplication::setApplicationName(QStringLiteral("SafeMap"));
    std::string language = currentLanguage().toStdString();
    if (auto l = args.option("language")) {
        if (*l != "vi" && *l != "en") {
            std::fprintf(stderr, "safemap report: --language must be vi or en\n");
            return 2;
        }
        language = *l;
    }
    options.language = mapLanguageFromCode(language);
    options.generatedAt = generationTime();

    const std::string path = args.positional()[0];
    ProjectSettings settings;
    auto project = openForReading("report", path, settings);
    if (!project)
        return fail("report", project.error());
    // A template's filter stands in for the project's saved one; --filter and --no-filter
    // still override it.
    if (tmpl && tmpl->filter)
        settings.filter = *tmpl->filter;
    auto scenario = scenarioFromArgs(args, settings);
    if (!scenario) {
        std::fprintf(stderr, "safemap report: %s\n", scenario.error().message.c_str());
        return 2;
    }
    auto result = evaluateScenario(*project, *scenario);
    if (!result)
        return fail("report", result.error());
    if (!(tmpl && tmpl->filter))
        noteSavedFilter("report", args, settings, result->facts->zones);
    std::string basemapProblem;
    auto basemap = loadShippedBasemap(options.language, &basemapProblem);
    if (!basemapProblem.empty())
        std::fprintf(stderr, "safemap report: note: basemap not drawn: %s\n",
                     basemapProblem.c_str());
    const MapGeometry geometry = buildMapGeometry(*result->facts, std::move(basemap));
    auto status = std::make_shared<const ProjectStatus>(std::move(result->status));
    const MapReportData data =
        mapReportData(std::filesystem::path(path).stem().string(), result->facts, status, geometry,
                      settings, scenario->filter);
    int pages = 1;
    const Status written = png ? writeMapReportPng(out, data, options, dpi)
                               : writeMapReportPdf(out, data, options, [&pages](int, int all) {
                                     pages = all;
                                     return true;
                                 });
    if (!written)
        return fail("report", written.error());
    if (png) {
        std::printf("Report %s (as of %s, map page)\n", out.c_str(),
                    formatDate(status->asOf).c_str());
    } else {
        std::printf("Report %s (as of %s, %d %s)\n", out.c_str(), formatDate(status->asOf).c_str(),
                    pages, pages == 1 ? "page" : "pages");
    }
    return 0;
}

}  // namespace safemap
