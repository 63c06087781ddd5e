// Rendering benchmark: 100,000 factories and 1,000 zones over northern Vietnam (seeded), a
// full-extent 1600 × 1000 frame and zoomed/panned frames, marks and size classes, the
// per-layer cache (a flag change redraws only the facilities), and Việt Nam's basemap with the
// sites. Prints the median time per frame and what level of detail did.
// Usage: bench_render [--runs N] [--png DIR] [--basemap countries.geojson]
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <numbers>
#include <random>
#include <string>
#include <vector>

#include "gis/render/basemap_layers.h"
#include "gis/render/map_renderer.h"
#include "gis/render/render_cache.h"
#include "gis/render/web_mercator.h"

using namespace safemap;

namespace {

constexpr int kFactories = 100000;
constexpr int kZones = 1000;
// Northern Vietnam, roughly Lai Châu to Quảng Ninh and down to Thanh Hóa.
constexpr double kMinLon = 102.2, kMaxLon = 108.0, kMinLat = 19.5, kMaxLat = 23.4;

struct Scene {
    std::vector<Zone> zones;
    std::vector<Factory> factories;
};

Scene makeScene(unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> lon(kMinLon, kMaxLon);
    std::uniform_real_distribution<double> lat(kMinLat, kMaxLat);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::normal_distribution<double> spread(0.0, 1.0);
    Scene s;
    // Zones: irregular 12-gons of 0.5–3 km radius, denser in the Red River delta.
    for (int i = 0; i < kZones; ++i) {
        GeoPoint c = unit(rng) < 0.6
                         ? GeoPoint{105.9 + 0.5 * spread(rng), 21.0 + 0.35 * spread(rng)}
                         : GeoPoint{lon(rng), lat(rng)};
        const double radius = (0.5 + 2.5 * unit(rng)) / 111.0;  // degrees
        Ring ring;
        for (int k = 0; k < 12; ++k) {
            const double a = 2 * std::numbers::pi * k / 12;
            const double r = radius * (0.7 + 0.6 * unit(rng));
            ring.push_back({c.lon + r * std::cos(a) / std::cos(c.lat * std::numbers::pi / 180),
                            c.lat + r * std::sin(a)});
        }
        ring.push_back(ring.front());
        Zone z;
        z.id = "Z-" + std::to_string(i);
        z.name = "KCN " + std::to_string(i);
        z.area = {Polygon{{ring}}};
        s.zones.push_back(std::move(z));
    }
    // Factories: 70 % inside or near a zone, the rest anywhere.
    std::discrete_distribution<int> level({15, 30, 25, 15, 10, 5});
    for (int i = 0; i < kFactories; ++i) {
        Factory f;
        f.id = "MST-" + std::to_string(100000000 + i);
        f.name = "Factory " + std::to_string(i);
        if (unit(rng) < 0.7) {
            const Zone& z = s.zones[static_cast<std::size_t>(rng() % kZones)];
            const GeoPoint c = z.area[0].rings[0][0];
            f.location = {c.lon + 0.01 * spread(rng), c.lat + 0.01 * spread(rng)};
        } else {
            f.location = {lon(rng), lat(rng)};
        }
        f.workforce.total = static_cast<int>(50 + 2000 * unit(rng) * unit(rng));
        f.sector = std::to_string(level(rng));  // carries the category into categorize()
        s.factories.push_back(std::move(f));
    }
    return s;
}

double medianMs(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

struct Frame {
    const char* name;
    BBox extent;
};

}  // namespace

int main(int argc, char** argv) {
    int runs = 7;
    QString pngDir;
    std::string basemapPath;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
        if (!std::strcmp(argv[i], "--png") && i + 1 < argc)
            pngDir = QString::fromLocal8Bit(argv[++i]);
        if (!std::strcmp(argv[i], "--basemap") && i + 1 < argc)
            basemapPath = argv[++i];
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);

    QElapsedTimer timer;
    timer.start();
    const Scene scene = makeScene(20210624);
    const double genMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;

    timer.restart();
    auto categoryOf = [](const auto& site) {
        return static_cast<std::uint8_t>(std::stoi(site.sector));
    };
    const auto factories = makeFactoryLayer(scene.factories, categoryOf);
    const double factoryMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    const auto zones = makeZoneLayer(scene.zones, [](const Zone& z) {
        return static_cast<std::uint8_t>(std::hash<std::string>{}(z.id) % 6);
    });
    const double zoneMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    std::vector<std::uint8_t> recat(factories->featureCount(), 3);
    const auto rescored = withCategories(*factories, recat);
    const double recatMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;

    std::printf("scene: %d factories, %d zones (generated in %.0f ms)\n", kFactories, kZones,
                genMs);
    std::printf("build: factory layer %.1f ms, zone layer %.1f ms, re-categorise %.1f ms\n",
                factoryMs, zoneMs, recatMs);

    MapSettings base;
    base.outputSize = QSize(1600, 1000);
    timer.restart();
    if (basemapPath.empty()) {
        // Run from the repository root or from build/<dir>/bench.
        const QString rel = QStringLiteral("data/basemap/countries.geojson");
        for (const QString& c : {rel, QCoreApplication::applicationDirPath() + "/../../../" + rel})
            if (QFile::exists(c))
                basemapPath = c.toStdString();
    }
    std::string dataDir;
    for (const QString& c :
         {QStringLiteral("data"), QCoreApplication::applicationDirPath() + "/../../../data"})
        if (QFile::exists(c + "/basemap/vietnam_admin.gpkg"))
            dataDir = c.toStdString();
    timer.restart();
    auto vietnam = loadBasemapLayers(dataDir, MapLanguage::Vietnamese);
    const double vietnamMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    auto basemap = loadBasemapLayer(basemapPath);
    if (basemap.ok()) {
        std::printf("basemap: %zu countries loaded in %.1f ms\n", (*basemap)->featureCount(),
                    static_cast<double>(timer.nsecsElapsed()) / 1e6);
        base.layers.push_back({*basemap, basemapStyle(), true});
    } else {
        std::printf("basemap: not loaded (%s); rendering without it\n",
                    basemap.error().describe().c_str());
    }
    base.layers.push_back({zones, zoneStyle(), true});
    // One symbol per site at every scale, as before the default style began to cluster
    // above 3,000 facilities in view: the frames below stay comparable with earlier runs.
    // "default style" frames use factoryStyle() as it is.
    LayerStyle decimated = factoryStyle();
    decimated.pointLod = PointLod::Decimate;
    base.layers.push_back({factories, decimated, true});

    const BBox all = factories->extent();
    const QPointF hn = toMercator(GeoPoint{106.07, 21.18});  // Bắc Ninh
    auto around = [](QPointF c, double halfWidthM) {
        return BBox{c.x() - halfWidthM, c.y() - halfWidthM * 0.625, c.x() + halfWidthM,
                    c.y() + halfWidthM * 0.625};
    };
    const std::vector<Frame> frames = {
        {"full extent", all},
        {"delta (~200 km)", around(toMercator(GeoPoint{105.9, 21.0}), 100000)},
        {"province (~50 km)", around(hn, 25000)},
        {"province panned", around(hn + QPointF(15000, -8000), 25000)},
        {"district (~10 km)", around(hn, 5000)},
        {"zone (~2 km)", around(toMercator(scene.zones[0].area[0].rings[0][0]), 1000)},
    };

    std::printf("\n%-30s %9s %9s %9s %10s %9s %9s  %s\n", "frame 1600x1000", "median ms", "min ms",
                "queried", "drawn", "decimated", "clusters", "per layer ms (bottom→top)");
    // Runs `frame` `runs` times; each call renders once and reports its stats.
    auto measure = [&](const char* label, std::size_t layerCount,
                       const std::function<QImage(int, RenderStats&)>& frame, const char* png) {
        std::vector<double> ms;
        std::vector<std::vector<double>> layerMs(layerCount);
        RenderStats stats;
        QImage image;
        for (int r = 0; r < runs; ++r) {
            image = frame(r, stats);
            ms.push_back(stats.milliseconds);
            for (std::size_t l = 0; l < layerMs.size() && l < stats.layerMilliseconds.size(); ++l)
                layerMs[l].push_back(stats.layerMilliseconds[l]);
        }
        std::string perLayer;
        for (const auto& v : layerMs) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%s%.1f", perLayer.empty() ? "" : " / ",
                          v.empty() ? 0.0 : medianMs(v));
            perLayer += buf;
        }
        std::printf("%-30s %9.1f %9.1f %9zu %10zu %9zu %9zu  %s\n", label, medianMs(ms),
                    *std::min_element(ms.begin(), ms.end()), stats.featuresQueried,
                    stats.featuresDrawn, stats.pointsDecimated, stats.clusters, perLayer.c_str());
        if (!pngDir.isEmpty() && png)
            image.save(QDir(pngDir).filePath(QString::fromLatin1(png)));
    };
    auto run = [&](const char* label, const MapSettings& s, const char* png) {
        measure(
            label, s.layers.size(),
            [&](int, RenderStats& stats) { return renderMap(s, nullptr, &stats); }, png);
    };
    int n = 0;
    for (const Frame& f : frames) {
        MapSettings s = base;
        s.extent = f.extent;
        const std::string png = "frame" + std::to_string(n++) + ".png";
        run(f.name, s, png.c_str());
    }
    {
        MapSettings s = base;
        s.extent = all;
        s.layers.back().style.pointLod = PointLod::Cluster;
        s.layers.back().style.clusterAbove = 50000;
        run("full, cluster LOD", s, "full_cluster.png");
        s.layers.back().style = factoryStyle();
        run("full, default style", s, "full_default.png");
        s.extent = around(hn, 25000);
        run("province, default style", s, "province_default.png");
        s = base;
        s.extent = all;
        s.layers.back().data = rescored;
        run("full, re-scored", s, nullptr);
        s = base;
        s.extent = all;
        s.devicePixelRatio = 2;
        run("full, HiDPI x2", s, nullptr);
    }

    // The action lists as marks (about 8 % to suspend, 20 % stale, 10 % due for inspection)
    // and a filter that hides the low levels (1 and 2, about 40 %).
    std::vector<std::uint8_t> marks(factories->featureCount(), 0);
    {
        std::mt19937 rng(7);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        for (std::uint8_t& m : marks) {
            if (unit(rng) < 0.08)
                m |= kFeatureSuspend;
            if (unit(rng) < 0.2)
                m |= kFeatureStale;
            if (unit(rng) < 0.1)
                m |= kFeatureInspect;
        }
    }
    std::vector<std::uint8_t> filtered = marks;
    for (std::size_t i = 0; i < filtered.size(); ++i)
        if (factories->categories[i] == 1 || factories->categories[i] == 2)
            filtered[i] |= kFeatureHidden;
    timer.restart();
    const auto marked = withFlags(*factories, marks);
    const double flagMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    std::printf("\nflags: withFlags on 100,000 facilities %.1f ms (copies ids and names)\n",
                flagMs);
    const std::size_t top = base.layers.size() - 1;
    {
        MapSettings s = base;
        s.extent = all;
        s.layers[top].data = marked;
        run("full, marks", s, "full_marks.png");
        s.layers[top].style.sizeByValue = true;
        run("full, marks + size classes", s, "full_sizes.png");
        s.layers[top].data = factories;
        run("full, size classes", s, nullptr);
        s.devicePixelRatio = 2;
        s.layers[top].data = marked;
        run("full, marks + sizes, HiDPI x2", s, nullptr);
        s.devicePixelRatio = 1;
        s.extent = around(hn, 5000);
        run("district, marks + sizes", s, "district_marks.png");
    }

    // Re-render after a flag change at full extent: the filter toggles every run, each time
    // with new layer data (as the app makes it with withFlags), so no frame was seen before.
    std::printf("\nflag change at full extent (the filter toggles every run)\n");
    MapSettings flagA = base;
    flagA.extent = all;
    flagA.layers[top].data = marked;
    auto toggled = [&](const MapSettings& from, int r) {
        MapSettings s = from;
        s.layers[top].data = withFlags(*factories, r % 2 ? filtered : marks);
        return s;
    };
    measure(
        "flag change, no cache", base.layers.size(),
        [&](int r, RenderStats& st) { return renderMap(toggled(flagA, r), nullptr, &st); },
        nullptr);
    {
        RenderCache cache;
        cache.render(flagA);
        measure(
            "flag change, cache", base.layers.size(),
            [&](int r, RenderStats& st) {
                const MapSettings s = toggled(flagA, r);
                return cache.render(s, nullptr, &st);
            },
            "flag_change_cached.png");
        measure(
            "nothing changed, cache", base.layers.size(),
            [&](int, RenderStats& st) { return cache.render(flagA, nullptr, &st); }, nullptr);
        measure(
            "selection change, no cache", base.layers.size(),
            [&](int r, RenderStats& st) {
                MapSettings s = flagA;
                s.selectedIds = {factories->featureIds[static_cast<std::size_t>(r) * 997]};
                return renderMap(s, nullptr, &st);
            },
            nullptr);
        measure(
            "selection change, cache", base.layers.size(),
            [&](int r, RenderStats& st) {
                MapSettings s = flagA;
                s.selectedIds = {factories->featureIds[static_cast<std::size_t>(r) * 997]};
                return cache.render(s, nullptr, &st);
            },
            nullptr);
        MapSettings hiDpi = flagA;
        hiDpi.devicePixelRatio = 2;
        measure(
            "flag change, no cache, HiDPI x2", base.layers.size(),
            [&](int r, RenderStats& st) { return renderMap(toggled(hiDpi, r), nullptr, &st); },
            nullptr);
        cache.render(hiDpi);
        measure(
            "flag change, cache, HiDPI x2", base.layers.size(),
            [&](int r, RenderStats& st) {
                const MapSettings s = toggled(hiDpi, r);
                return cache.render(s, nullptr, &st);
            },
            nullptr);
        MapSettings district = flagA;
        district.extent = around(hn, 5000);
        measure(
            "flag change, no cache, district", base.layers.size(),
            [&](int r, RenderStats& st) { return renderMap(toggled(district, r), nullptr, &st); },
            nullptr);
        cache.render(district);
        measure(
            "flag change, cache, district", base.layers.size(),
            [&](int r, RenderStats& st) {
                const MapSettings s = toggled(district, r);
                return cache.render(s, nullptr, &st);
            },
            nullptr);
    }
    // Pan: every layer must be redrawn; the cache adds one image per layer and a composition.
    std::printf("\npan re-render (the view moves 40 px every run)\n");
    auto panned = [&](const BBox& e, int r) {
        MapSettings s = flagA;
        const double dx = (e.maxX - e.minX) / 1600 * 40 * (r + 1);
        s.extent = {e.minX + dx, e.minY, e.maxX + dx, e.maxY};
        return s;
    };
    const BBox province = around(hn, 25000);
    for (const auto& view : {std::pair<const char*, BBox>{"full", all}, {"province", province}}) {
        // Named copies, not a structured binding: clang 14 cannot capture those in lambdas.
        const char* name = view.first;
        const BBox extent = view.second;
        const std::string direct = std::string("pan ") + name + ", no cache";
        const std::string cached = std::string("pan ") + name + ", cache";
        measure(
            direct.c_str(), base.layers.size(),
            [&](int r, RenderStats& st) { return renderMap(panned(extent, r), nullptr, &st); },
            nullptr);
        RenderCache cache;
        measure(
            cached.c_str(), base.layers.size(),
            [&](int r, RenderStats& st) { return cache.render(panned(extent, r), nullptr, &st); },
            nullptr);
    }
    // Việt Nam's basemap (loadBasemapLayers: countries, archipelagos, provinces, districts,
    // rivers, towns) as the window draws it, alone and under the sites.
    if (vietnam.ok()) {
        std::printf("\nViệt Nam basemap (%zu layers, loaded in %.0f ms)\n", vietnam->size(),
                    vietnamMs);
        MapSettings s;
        s.outputSize = base.outputSize;
        s.layers = *vietnam;
        s.extent = toMercator(BBox{102.1, 6.9, 117.0, 23.4});
        run("basemap, whole country", s, "vietnam.png");
        s.extent = around(toMercator(GeoPoint{105.95, 20.55}), 40000);
        run("basemap, province (Hà Nam)", s, "vietnam_province.png");
        s.layers.push_back({zones, zoneStyle(), true});
        s.layers.push_back({marked, factoryStyle(), true});
        s.extent = all;
        run("basemap + sites, full, default", s, "vietnam_sites.png");
        s.extent = around(hn, 25000);
        run("basemap + sites, province, default", s, "vietnam_sites_province.png");
        s.extent = around(hn, 5000);
        run("basemap + sites, district, default", s, "vietnam_sites_district.png");
    } else {
        std::printf("\nViệt Nam basemap not loaded (%s)\n", vietnam.error().describe().c_str());
    }

    std::printf("\nruns per frame: %d; decimation cell = half a symbol (3 px); one thread\n", runs);
    return 0;
}
