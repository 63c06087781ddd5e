// RenderCache: a change to one layer redraws only that layer, and the frame is the same as
// one drawn from scratch.
#include <QPainter>
#include <catch2/catch.hpp>
#include <random>

#include "gis/render/render_cache.h"
#include "test_render_support.h"

using namespace safemap;
using safemap::test::at;
using safemap::test::squareRing;

namespace {

const QColor kBackground(214, 232, 245);

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
        points.addPoint("f" + std::to_string(i), at(x(rng), y(rng)),
                        static_cast<std::uint8_t>(level(rng)), workers(rng),
                        "Cơ sở " + std::to_string(i));
    LayerStyle factories = factoryStyle();
    factories.sizeByValue = true;
    MapSettings s;
    s.extent = {0, 0, 3000, 2000};
    s.outputSize = QSize(300, 200);
    s.background = kBackground;
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
    CHECK(cache.size() == 3);
    const std::size_t drawnFirst = stats.featuresDrawn;

    // Nothing changed: nothing is drawn, the same frame comes back.
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

    // Pixel for pixel what a render from scratch gives.
    RenderCache fresh;
    RenderStats freshStats;
    const QImage scratch = fresh.render(s, nullptr, &freshStats);
    CHECK(freshStats.layersRendered == 3);
    REQUIRE(scratch.size() == changed.size());
    CHECK(scratch == changed);
    // And within rounding of a direct renderMap (one extra composition per layer image).
    const QImage direct = renderMap(s);
    CHECK(maxChannelDifference(direct, changed) <= 2);

    // A selection changes every layer's pixels that hold the feature: all are redrawn.
    s.selectedIds = {"f1"};
    cache.render(s, nullptr, &stats);
    CHECK(stats.layersRendered == 3);
    s.selectedIds.clear();

    // A style change on the zones: only the zones.
    cache.render(s, nullptr, &stats);
    s.layers[1].style.strokeWidth = 2;
    cache.render(s, nullptr, &stats);
    CHECK(stats.layerRendered == std::vector<std::uint8_t>{0, 1, 0});
}

TEST_CASE("the cache follows the view, visibility, pixel ratio and cancellation",
          "[render][cache]") {
    safemap::test::ensureGuiApp();
    MapSettings s = threeLayers();
    RenderCache cache;
    RenderStats stats;
    cache.render(s, nullptr, &stats);

    // Pan: every layer again, and the result is the one a fresh cache gives.
    s.extent = {100, 50, 3100, 2050};
    const QImage panned = cache.render(s, nullptr, &stats);
    CHECK(stats.layersRendered == 3);
    RenderCache fresh;
    CHECK(fresh.render(s) == panned);

    // Hiding a layer draws nothing; showing it again reuses its image.
    s.layers[1].visible = false;
    const QImage withoutZones = cache.render(s, nullptr, &stats);
    CHECK(stats.layersRendered == 0);
    CHECK(stats.layersFromCache == 2);
    CHECK(cache.size() == 3);
    CHECK(withoutZones != panned);
    RenderCache other;
    CHECK(other.render(s) == withoutZones);
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
    CHECK(hiDpi == fresh.render(s));

    // A cancelled render keeps the cache as it was.
    s.layers[2].data = withFlags(*s.layers[2].data, someFlags(400));
    std::atomic<bool> cancel{true};
    cache.render(s, &cancel, &stats);
    CHECK(stats.cancelled);
    cancel = false;
    cache.render(s, &cancel, &stats);
    CHECK(stats.layerRendered == std::vector<std::uint8_t>{0, 0, 1});

    cache.clear();
    CHECK(cache.size() == 0);
    cache.render(s, nullptr, &stats);
    CHECK(stats.layersRendered == 3);
}

TEST_CASE("a layer with whole-layer opacity composes as a group", "[render][cache]") {
    // Two overlapping opaque squares at opacity 0.5 in one layer: drawn directly, the top one
    // shows through the bottom one; composed as a layer image, the overlap is one colour.
    const QColor red(255, 0, 0);
    LayerBuilder b("z", "z", LayerKind::Zones);
    b.addPolygon("a", {Polygon{{squareRing(0, 0, 1200, 1200)}}});
    b.addPolygon("b", {Polygon{{squareRing(800, 800, 2000, 2000)}}});
    LayerStyle style;
    style.categories = {{red, red}};
    style.opacity = 0.5;
    MapSettings s;
    s.extent = {0, 0, 2000, 2000};
    s.outputSize = QSize(200, 200);
    s.background = Qt::white;
    s.layers = {{b.finish(), style, true}};
    RenderCache cache;
    const QImage img = cache.render(s);
    // Pixels (20, 180) in "a" only and (100, 100) in both: the same half-red.
    CHECK(img.pixelColor(20, 180) == img.pixelColor(100, 100));
    CHECK(std::abs(img.pixelColor(100, 100).green() - 128) <= 1);
}
