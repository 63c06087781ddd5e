#include <QGuiApplication>
#include <QImage>
#include <cstdio>
#include <cstdlib>

#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "app/gui/data_paths.h"
#include "core/storage/project_status.h"
#include "core/storage/project_store.h"
#include "core/storage/site_store.h"
#include "gis/project/project_layers.h"
#include "gis/render/map_renderer.h"
#include "gis/render/web_mercator.h"

namespace safemap {

namespace {
constexpr const char* kUsage =
    "Usage: safemap render PROJECT.gpkg --out MAP.png [--size WIDTHxHEIGHT]\n"
    "                      [--extent MINLON,MINLAT,MAXLON,MAXLAT]\n"
    "Draws the project's map (basemap, zones, facilities) to a PNG with no window.\n"
    "Default size 1600x1000; default extent: all sites.\n";

bool parseSize(const std::string& text, int& w, int& h) {
    return std::sscanf(text.c_str(), "%dx%d", &w, &h) == 2 && w > 0 && h > 0 && w <= 20000 &&
           h <= 20000;
}
}  // namespace

int runRenderCommand(const Words& words) {
    const Args args(words, {"out", "size", "extent"});
    if (int rc = checkUsage("render", args, {}, 1, 1, kUsage); rc >= 0)
        return rc;
    const auto out = args.option("out");
    if (!out || out->empty()) {
        std::fprintf(stderr, "safemap render: --out is required\n%s", kUsage);
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
        if (std::sscanf(e->c_str(), "%lf,%lf,%lf,%lf", &b.minX, &b.minY, &b.maxX, &b.maxY) != 4 ||
            b.empty()) {
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

    auto store = ProjectStore::open(args.positional()[0]);
    if (!store)
        return fail("render", store.error());
    std::shared_ptr<const LayerData> basemap;
    const QString basemapPath = findDataFile(QStringLiteral("basemap/countries.geojson"));
    if (!basemapPath.isEmpty()) {
        auto loaded = loadBasemapLayer(basemapPath.toStdString());
        if (loaded)
            basemap = *loaded;
    }
    MapSettings settings;
    settings.outputSize = QSize(width, height);
    // Coloured by risk exactly as in the window (default rule settings, active criteria).
    const ProjectStatus status = loadProjectStatus(store->database(), RuleSettings{});
    settings.layers =
        makeProjectLayers(loadZones(store->database()), loadFactories(store->database()), basemap,
                          riskCategories(status, ZoneColouring::WorstLevel));
    // As the window shows it by default: marks on, facility names off.
    for (auto& layer : settings.layers) {
        if (layer.data->kind != LayerKind::Factories)
            continue;
        layer.style.showLabels = false;
        std::vector<std::uint8_t> flags(layer.data->featureCount(), 0);
        for (size_t i = 0; i < flags.size(); ++i)
            if (const SiteStatus* st = status.site(layer.data->featureIds[i]))
                flags[i] = siteMarkFlags(*st);
        layer.data = withFlags(*layer.data, std::move(flags));
    }
    if (lonLatExtent) {
        const QPointF a = toMercator(GeoPoint{lonLatExtent->minX, lonLatExtent->minY});
        const QPointF b = toMercator(GeoPoint{lonLatExtent->maxX, lonLatExtent->maxY});
        settings.extent = BBox{a.x(), a.y(), b.x(), b.y()};
    } else {
        // All sites (not the basemap, which spans several countries), with a margin.
        std::vector<LayerRender> sites(settings.layers.end() - 2, settings.layers.end());
        BBox box = layersExtent(sites);
        if (box.empty())
            box = layersExtent(settings.layers);
        const double mx = (box.maxX - box.minX) * 0.05, my = (box.maxY - box.minY) * 0.05;
        settings.extent = BBox{box.minX - mx, box.minY - my, box.maxX + mx, box.maxY + my};
    }
    RenderStats stats;
    const QImage image = renderMap(settings, nullptr, &stats);
    if (!image.save(QString::fromStdString(*out), "PNG"))
        return fail("render", Error("cannot write the image", *out));
    std::printf("Rendered %s (%dx%d, %zu features drawn, %.0f ms)\n", out->c_str(), width, height,
                stats.featuresDrawn, stats.milliseconds);
    return 0;
}

}  // namespace safemap
