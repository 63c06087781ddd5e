// safemap render: the window's map of a scenario, drawn to a PNG with no window.
#include <QGuiApplication>
#include <QImage>
#include <cstdio>

#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "app/cli/scenario_options.h"
#include "app/gui/language.h"
#include "app/gui/shipped_data.h"
#include "core/errors/error_catalogue.h"
#include "core/project/project.h"
#include "core/util/atomic_file.h"
#include "gis/project/context_layers.h"
#include "gis/project/map_composition.h"
#include "gis/render/map_renderer.h"
#include "gis/render/web_mercator.h"

namespace safemap {

namespace {
constexpr const char* kUsage =
    "Usage: safemap render PROJECT.gpkg --out MAP.png [--size WIDTHxHEIGHT]\n"
    "                      [--extent MINLON,MINLAT,MAXLON,MAXLAT | --all-sites]\n"
    "                      [scenario options]\n"
    "Draws the map the window shows for the project — its saved style, layers, filter and\n"
    "view — to a PNG, with no window. The project is only read, never changed.\n"
    "  --size       pixels (default 1600x1000)\n"
    "  --extent     the area to show, in degrees (default: the saved view, else all sites)\n"
    "  --all-sites  show all sites instead of the saved view\n"
    "  --language   vi or en: names on the basemap (default: the window's language)\n";

bool parseSize(const std::string& text, int& w, int& h) {
    char tail = 0;
    return std::sscanf(text.c_str(), "%dx%d%c", &w, &h, &tail) == 2 && w > 0 && h > 0 &&
           w <= 20000 && h <= 20000;
}
}  // namespace

int runRenderCommand(const Words& words) {
    std::vector<std::string> valueOptions = kScenarioValueOptions;
    valueOptions.insert(valueOptions.end(), {"out", "size", "extent", "language"});
    std::vector<std::string> flags = kScenarioFlags;
    flags.push_back("all-sites");
    const Args args(words, valueOptions);
    const std::string usage = std::string(kUsage) + kScenarioUsage;
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
    auto result = evaluateScenario(*project, *scenario);
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
    MapSettings map;
    map.outputSize = QSize(width, height);
    const MapContent content = composeMap(geometry, *result->facts, result->status, settings.style,
                                          settings.view.layers, scenario->filter);
    map.layers = content.layers;
    if (lonLatExtent) {
        const QPointF a = toMercator(GeoPoint{lonLatExtent->minX, lonLatExtent->minY});
        const QPointF b = toMercator(GeoPoint{lonLatExtent->maxX, lonLatExtent->maxY});
        map.extent = BBox{a.x(), a.y(), b.x(), b.y()};
    } else if (settings.view.extent && !args.flag("all-sites")) {
        map.extent = *settings.view.extent;
    } else {
        map.extent = sitesExtent(content);
        if (map.extent.empty())
            map.extent = layersExtent(map.layers);
    }
    RenderStats stats;
    const QImage image = renderMap(map, nullptr, &stats);
    // Encoded to a temporary file and renamed: a full disk never truncates the last map.
    const std::string tmp = temporaryPathFor(*out);
    if (!image.save(QString::fromStdString(tmp), "PNG")) {
        std::remove(tmp.c_str());
        return fail("render", codedError("report.cannot_write_image", {}, *out));
    }
    if (auto st = commitTemporaryFile(tmp, *out); !st)
        return fail("render", st.error());
    std::printf(
        "Rendered %s (%dx%d, as of %s, %zu of %zu facilities shown, %zu features drawn, "
        "%.0f ms)\n",
        out->c_str(), width, height, formatDate(result->status.asOf).c_str(),
        content.visibleFactories, result->facts->factories.size(), stats.featuresDrawn,
        stats.milliseconds);
    return 0;
}

}  // namespace safemap
