// RenderCache: a change to the top layer redraws only that layer, a change lower down redraws
// from there up, and the frame is pixel for pixel the one renderMap draws.
#include <QPainter>
#include <catch2/catch.hpp>
#include <random>

#include "gis/render/render_cache.h"
#include "test_render_support.h"
#include "test_support.h"

using namespace safemap;
using safemap::test::at;
using safemap::test::squareRing;

namespace {

const QColor kCacheBackground(214, 232, 245);

// Land (basemap), two semi-transparent risk zones, 400 facilities with names; 10 m per
// pixel over Mercator (0, 0)–(3000, 2000) in 300 × 200 px.
MapSettings threeLayers() {
    LayerBuilder land("land", "Land", LayerKind::Basemap);
    land.addPolygon("land", {Polygon{{squareRing(0, 0, 2200, 2000)}}}, 0, "Land");
    LayerBuilder zones("zones", "Zones", LayerKind::Zones);
    zones.addPolygon("z1", {Polygon{{squareRing(200, 200, 1200, 1200)}}}, 4, "KCN Một");
    zones.addPolygon("z2", {Polygon{{squareRing(1000, 800, 2600, 1800)}}}, 2, "KCN Hai");
    LayerBuilder points("factories", "Facilities", LayerKind::Factories);
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> x(0, 3000), y(0, 2000);
    std::uniform_int_distribution<int> level(0, 5);
    std::uniform_real_distribution<float> workers(20, 9000);
    for (int i = 0; i < 400; ++i)
        points.addPoint(numbered("f", i), at(x(rng), y(rng)), static_cast<std::uint8_t>(level(rng)),
                        workers(rng), "Cơ sở " + std::to_string(i));
    LayerStyle factories = factoryStyle();
    factories.sizeByValue = true;
    MapSettings s;
    s.extent = {0, 0, 3000, 2000};
    s.outputSize = QSize(300, 200);
    s.background = kCacheBackground;
    s.layers = {{land.finish(), basemapStyle(), true},
                {zones.finish(), zoneStyle(), true},
                {points.finish(), factories, true}};
    return s;
}

// Every third facility hidden, every fifth to suspend, every seventh stale.
std::vector<std::uint8_t> someFlags(std::size_t n) {
    std::vector<std::uint8_t> flags(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        if (i % 3 == 0)
            flags[i] |= kFeatureHidden;
        if (i % 5 == 0)
            flags[i] |= kFeatureSuspend;
        if (i % 7 == 0)
            flags[i] |= kFeatureStale;
    }
    return flags;
}

int maxChannelDifference(const QImage& a, const QImage& b) {
    int worst = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            const QColor p = a.pixelColor(x, y);
            const QColor q = b.pixelColor(x, y);
            worst = std::max({worst, std::abs(p.red() - q.red()), std::abs(p.green() - q.green()),
                              std::abs(p.blue() - q.blue())});
        }
    return worst;
}

}  // namespace

TEST_CASE("the cache redraws only the layer whose data changed, and the frame is exact",
          "[render][cache]") {
    safemap::test::ensureGuiApp();
    MapSettings s = threeLayers();
    RenderCache cache;
    RenderStats stats;

    const QImage first = cache.render(s, nullptr, &stats);
    CHECK(stats.layersRendered == 3);
    CHECK(stats.layersFromCache == 0);
    CHECK(stats.layerRendered == std::vector<std::uint8_t>{1, 1, 1});
    // Snapshots after the land, the zones and the facilities (taken before the labels).
    CHECK(cache.size() == 3);
    CHECK(first == renderMap(s));
    const std::size_t drawnFirst = stats.featuresDrawn;

    // Nothing changed: no layer is drawn, only the labels over the top snapshot.
    const QImage again = cache.render(s, nullptr, &stats);
    CHECK(stats.layersRendered == 0);
    CHECK(stats.layersFromCache == 3);
    CHECK(stats.featuresDrawn == drawnFirst);  // counts describe the frame shown
    CHECK(again == first);

    // A filter and the action lists change on the facilities: only that layer is drawn.
    s.layers[2].data = withFlags(*s.layers[2].data, someFlags(400));
    const QImage changed = cache.render(s, nullptr, &stats);
    CHECK(stats.layerRendered == std::vector<std::uint8_t>{0, 0, 1});
    CHECK(stats.layersRendered == 1);
    CHECK(stats.layersFromCache == 2);
    CHECK(stats.featuresHidden == 134);  // 0, 3, …, 399
    CHECK(changed != first);

    // Pixel for pixel what a full render gives.
    const QImage direct = renderMap(s);
    REQUIRE(direct.size() == changed.size());
    CHECK(maxChannelDifference(direct, changed) == 0);
    CHECK(direct == changed);
    RenderCache fresh;
    RenderStats freshStats;
    CHECK(fresh.render(s, nullptr, &freshStats) == changed);
    CHECK(freshStats.layersRendered == 3);

    // The selection is drawn over the layers: selecting redraws no layer.
    s.selectedIds = {"f1", "z2"};
    const QImage selected = cache.render(s, nullptr, &stats);
    CHECK(stats.layersRendered == 0);
    CHECK(selected != changed);
    CHECK(selected == renderMap(s));
    s.selectedIds.clear();
    CHECK(cache.render(s, nullptr, &stats) == changed);
    CHECK(stats.layersRendered == 0);

    // A style change on the zones: the zones and the facilities above them, not the land.
    cache.render(s, nullptr, &stats);
    s.layers[1].style.strokeWidth = 2;
    CHECK(cache.render(s, nullptr, &stats) == renderMap(s));
    CHECK(stats.layerRendered == std::vector<std::uint8_t>{0, 1, 1});
    CHECK(stats.layersFromCache == 1);
}

TEST_CASE("the cache follows the view, visibility, pixel ratio and cancellation",
          "[render][cache]") {
    safemap::test::ensureGuiApp();
    MapSettings s = threeLayers();
    RenderCache cache;
    RenderStats stats;
    cache.render(s, nullptr, &stats);

    // Pan: every layer again, and the result is the full render's.
    s.extent = {100, 50, 3100, 2050};
    const QImage panned = cache.render(s, nullptr, &stats);
    CHECK(stats.layersRendered == 3);
    CHECK(panned == renderMap(s));

    // Hiding the zones redraws the facilities over the land's snapshot; showing the zones
    // again finds the whole frame of before.
    s.layers[1].visible = false;
    const QImage withoutZones = cache.render(s, nullptr, &stats);
    CHECK(stats.layerRendered == std::vector<std::uint8_t>{0, 0, 1});
    CHECK(stats.layersFromCache == 1);
    CHECK(withoutZones != panned);
    CHECK(withoutZones == renderMap(s));
    s.layers[1].visible = true;
    CHECK(cache.render(s, nullptr, &stats) == panned);
    CHECK(stats.layersRendered == 0);
    CHECK(stats.layersFromCache == 3);

    // HiDPI: new images at twice the pixels.
    s.devicePixelRatio = 2;
    const QImage hiDpi = cache.render(s, nullptr, &stats);
    CHECK(stats.layersRendered == 3);
    CHECK(hiDpi.size() == QSize(600, 400));
    CHECK(hiDpi.devicePixelRatio() == 2.0);
    CHECK(hiDpi == renderMap(s));

    // A cancelled render keeps the cache as it was.
    s.layers[2].data = withFlags(*s.layers[2].data, someFlags(400));
    std::atomic<bool> cancel{true};
    const std::size_t held = cache.size();
    cache.render(s, &cancel, &stats);
    CHECK(stats.cancelled);
    CHECK(cache.size() == held);
    cancel = false;
    cache.render(s, &cancel, &stats);
    CHECK(stats.layerRendered == std::vector<std::uint8_t>{0, 0, 1});

    cache.clear();
    CHECK(cache.size() == 0);
    cache.render(s, nullptr, &stats);
    CHECK(stats.layersRendered == 3);
}

TEST_CASE("the cache holds a bounded number of snapshots", "[render][cache]") {
    safemap::test::ensureGuiApp();
    MapSettings s = threeLayers();
    RenderCache cache;
    for (int i = 0; i < 6; ++i) {
        s.extent = {10.0 * i, 0, 3000 + 10.0 * i, 2000};
        cache.render(s);
    }
    CHECK(cache.size() == 8);  // three per frame, newest first
    RenderStats stats;
    cache.render(s, nullptr, &stats);
    CHECK(stats.layersRendered == 0);

    // A budget of four 300 × 200 snapshots (240,000 bytes each): the three of the newest
    // frame and one more.
    RenderCache small(4 * 240000);
    for (int i = 0; i < 3; ++i) {
        s.extent = {10.0 * i, 0, 3000 + 10.0 * i, 2000};
        small.render(s);
        CHECK(small.size() == static_cast<std::size_t>(std::min(3 * (i + 1), 4)));
    }
    // Over budget on its own, the current frame still keeps its snapshots.
    RenderCache tiny(1);
    tiny.render(s);
    CHECK(tiny.size() == 3);
    tiny.render(s, nullptr, &stats);
    CHECK(stats.layersFromCache == 3);
}

TEST_CASE("without labels the finished frame is kept too, and shared", "[render][cache]") {
    safemap::test::ensureGuiApp();
    MapSettings s = threeLayers();
    for (LayerRender& layer : s.layers)
        layer.style.showLabels = false;
    RenderCache cache;
    const QImage first = cache.render(s);
    CHECK(cache.size() == 3);
    RenderStats stats;
    const QImage again = cache.render(s, nullptr, &stats);
    CHECK(stats.layersRendered == 0);
    CHECK(stats.layersFromCache == 3);
    CHECK(again.cacheKey() == first.cacheKey());  // the same pixels, not a copy
    CHECK(again == renderMap(s));
    // Painting on the returned frame does not reach the cache.
    QImage mine = again;
    mine.fill(Qt::black);
    CHECK(cache.render(s) == first);
    CHECK(first != mine);
}
