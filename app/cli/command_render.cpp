// safemap render: the window's map of a scenario, drawn to a PNG or SVG with no window.
#include <QGuiApplication>
#include <QImage>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <utility>

#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "app/cli/scenario_options.h"
#include "app/gui/language.h"
#include "app/gui/shipped_data.h"
#include "core/errors/error_catalogue.h"
#include "core/project/project.h"
#include "core/util/timestamp.h"
#include "gis/project/context_layers.h"
#include "gis/project/map_composition.h"
#include "gis/render/map_renderer.h"
#include "gis/render/web_mercator.h"
#include "gis/report/map_report.h"

namespace safemap {

namespace {
constexpr const char* kRenderUsage =
    "Usage: safemap render PROJECT.gpkg --out MAP.png|MAP.svg [--format png|svg]\n"
    "                      [--size WIDTHxHEIGHT | --width N --height N] [--dpi N]\n"
    "                      [--legend] [--title] [--title-text TEXT]\n"
    "                      [--extent MINLON,MINLAT,MAXLON,MAXLAT | --all-sites]\n"
    "                      [scenario options]\n"
    "Draws the map the window shows for the project — its saved style, layers, filter and\n"
    "view — to a PNG or an SVG (vectors), with no window. The project is only read, never\n"
    "changed.\n"
    "  --format     png or svg (default: from the file's extension)\n"
    "  --size       pixels (default 1600x1000); or --width and --height\n"
    "  --dpi        the image's resolution (default 96, as on a screen; 30 to 1200): at 300\n"
    "               symbols and text are as big as on a print of the image's size\n"
    "  --legend     the legend beside the map (counts, marks, coordinate reference), with a\n"
    "               scale bar, north arrow and a footer naming the sources\n"
    "  --title      the title band above the map (title, as of, criteria set, filter)\n"
    "  --title-text the title (default: the usual title in the map's language)\n"
    "  --extent     the area to show, in degrees (default: the saved view, else all sites)\n"
    "  --all-sites  show all sites instead of the saved view\n"
    "  --language   vi or en: names on the basemap and words (default: the window's language)\n";

bool parsePositive(const std::string& text, int& value) {
    char tail = 0;
    return std::sscanf(text.c_str(), "%d%c", &value, &tail) == 1 && value > 0 && value <= 20000;
}

bool lowerEndsWith(const std::string& s, const std::string& tail) {
    if (s.size() < tail.size())
        return false;
    for (std::size_t i = 0; i < tail.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[s.size() - tail.size() + i])) != tail[i])
            return false;
    return true;
}

bool parseSize(const std::string& text, int& w, int& h) {
    char tail = 0;
    return std::sscanf(text.c_str(), "%dx%d%c", &w, &h, &tail) == 2 && w > 0 && h > 0 &&
           w <= 20000 && h <= 20000;
}
}  // namespace

int runRenderCommand(const Words& words) {
    std::vector<std::string> valueOptions = kScenarioValueOptions;
    valueOptions.insert(valueOptions.end(), {"out", "size", "width", "height", "dpi", "format",
                                             "title-text", "extent", "language"});
    std::vector<std::string> flags = kScenarioFlags;
    flags.insert(flags.end(), {"all-sites", "legend", "title"});
    const Args args(words, valueOptions);
    const std::string usage = std::string(kRenderUsage) + kScenarioUsage;
    if (int rc = checkUsage("render", args, flags, 1, 1, usage.c_str()); rc >= 0)
        return rc;
    const auto out = args.option("out");
    if (!out || out->empty()) {
        std::fprintf(stderr, "safemap render: --out is required\n%s", usage.c_str());
        return 2;
    }
    int width = 1600, height = 1000;
    if (auto size = args.option("size"); size && !parseSize(*size, width, height)) {
        std::fprintf(stderr, "safemap render: --size must look like 1600x1000\n");
        return 2;
    }
    for (const auto& [option, value] : {std::pair{"width", &width}, std::pair{"height", &height}})
        if (auto text = args.option(option); text && !parsePositive(*text, *value)) {
            std::fprintf(stderr, "safemap render: --%s must be a whole number of pixels\n", option);
            return 2;
        }
    MapViewOptions view;
    view.pixels = QSize(width, height);
    view.legend = args.flag("legend");
    view.title = args.flag("title") || args.option("title-text").has_value();
    if (auto d = args.option("dpi")) {
        char tail = 0;
        if (std::sscanf(d->c_str(), "%lf%c", &view.dpi, &tail) != 1 ||
            !(view.dpi >= 30 && view.dpi <= 1200)) {
            std::fprintf(stderr, "safemap render: --dpi must be a number from 30 to 1200\n");
            return 2;
        }
    }
    std::string format =
        args.option("format").value_or(lowerEndsWith(*out, ".svg") ? "svg" : "png");
    if (format != "png" && format != "svg") {
        std::fprintf(stderr, "safemap render: --format must be png or svg\n");
        return 2;
    }
    std::optional<BBox> lonLatExtent;
    if (auto e = args.option("extent")) {
        BBox b;
        char tail = 0;
        if (std::sscanf(e->c_str(), "%lf,%lf,%lf,%lf%c", &b.minX, &b.minY, &b.maxX, &b.maxY,
                        &tail) != 4 ||
            b.empty() || b.minY < -85 || b.maxY > 85 || b.minX < -180 || b.maxX > 180) {
            std::fprintf(stderr, "safemap render: --extent must be MINLON,MINLAT,MAXLON,MAXLAT\n");
            return 2;
        }
        lonLatExtent = b;
    }
    // Fonts and QImage painting need a QGuiApplication; no display is needed.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    int argc = 1;
    char name[] = "safemap";
    char* argv[] = {name, nullptr};
    QGuiApplication app(argc, argv);
    // The same settings as the window, for its language.
    QGuiApplication::setOrganizationName(QStringLiteral("SafeMap"));
    QGuiApplication::setApplicationName(QStringLiteral("SafeMap"));
    std::string language = currentLanguage().toStdString();
    if (auto l = args.option("language")) {
        if (*l != "vi" && *l != "en") {
            std::fprintf(stderr, "safemap render: --language must be vi or en\n");
            return 2;
        }
        language = *l;
    }

    ProjectSettings settings;
    auto project = openForReading("render", args.positional()[0], settings);
    if (!project)
        return fail("render", project.error());
    auto scenario = scenarioFromArgs(args, settings);
    if (!scenario) {
        std::fprintf(stderr, "safemap render: %s\n", scenario.error().message.c_str());
        return 2;
    }
    // Status as of the newest data date unless --as-of goes back: the latest scores suffice.
    auto result = evaluateScenario(*project, *scenario, {}, ScoreHistory::Latest,
                                   secondReader(*project, args.positional()[0]));
    if (!result)
        return fail("render", result.error());
    noteSavedFilter("render", args, settings, result->facts->zones);
    std::string basemapProblem;
    auto basemap = loadShippedBasemap(mapLanguageFromCode(language), &basemapProblem);
    if (!basemapProblem.empty())
        std::fprintf(stderr, "safemap render: note: basemap not drawn: %s\n",
                     basemapProblem.c_str());
    // The project's context layers, as the window draws them; one that cannot be read is
    // named and left out, the map is drawn all the same.
    ContextLayersLoad context = loadContextLayers(args.positional()[0], settings.contextLayers);
    for (const Error& problem : context.problems)
        std::fprintf(stderr, "safemap render: note: %s\n", problem.describe().c_str());
    for (const std::string& note : context.notes)
        std::fprintf(stderr, "safemap render: note: %s\n", note.c_str());
    const MapGeometry geometry =
        buildMapGeometry(*result->facts, std::move(basemap), std::move(context.layers));
    const MapContent content = composeMap(geometry, *result->facts, result->status, settings.style,
                                          settings.view.layers, scenario->filter);
    MapReportData data;
    data.projectName = std::filesystem::path(args.positional()[0]).stem().string();
    data.layers = content.layers;
    if (lonLatExtent) {
        const QPointF a = toMercator(GeoPoint{lonLatExtent->minX, lonLatExtent->minY});
        const QPointF b = toMercator(GeoPoint{lonLatExtent->maxX, lonLatExtent->maxY});
        data.extent = BBox{a.x(), a.y(), b.x(), b.y()};
    } else if (settings.view.extent && !args.flag("all-sites")) {
        data.extent = *settings.view.extent;
    } else {
        data.extent = sitesExtent(content);
        if (data.extent.empty())
            data.extent = layersExtent(data.layers);
    }
    const std::size_t facilities = result->facts->factories.size();
    const Date asOf = result->status.asOf;
    data.facts = result->facts;
    data.status = std::make_shared<const ProjectStatus>(std::move(result->status));
    data.filter = scenario->filter;
    data.style = settings.style;
    MapReportOptions options;
    options.language = mapLanguageFromCode(language);
    options.title = args.option("title-text").value_or("");
    options.generatedAt = generationTime();
    if (auto st = writeMapView(*out, format == "svg" ? MapViewFormat::Svg : MapViewFormat::Png,
                               data, options, view);
        !st)
        return fail("render", st.error());
    std::printf("Rendered %s (%s %dx%d at %g dpi, as of %s, %zu of %zu facilities shown)\n",
                out->c_str(), format == "svg" ? "SVG" : "PNG", width, height, view.dpi,
                formatDate(asOf).c_str(), content.visibleFactories, facilities);
    return 0;
}

}  // namespace safemap
