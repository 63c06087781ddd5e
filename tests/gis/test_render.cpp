#include <QPainter>
#include <QRandomGenerator>
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <random>

#include "gis/render/identify.h"
#include "gis/render/map_renderer.h"
#include "gis/render/web_mercator.h"
#include "test_render_support.h"
#include "test_support.h"

using namespace safemap;
using safemap::test::at;
using safemap::test::squareRing;

namespace {

const QColor kBackground(10, 20, 30);
const QColor kZoneFill(0, 128, 0);
const QColor kPointFill(255, 0, 0);

// The reference scene: 2000 × 2000 Mercator metres from the origin in 200 × 200 px, so one
// pixel is 10 m and Mercator (x, y) is pixel (x / 10, (2000 - y) / 10).
// - zone "z1": square (200..1000, 200..1000) with a hole (500..700, 500..700)
//   → pixels x 20..100, y 100..180; hole x 50..70, y 130..150
// - factory "f1" at (1500, 1500) → pixel (150, 50), a 10 px red disc with no outline
MapSettings referenceScene() {
    LayerBuilder zones("zones", "Zones", LayerKind::Zones);
    Polygon square{{squareRing(200, 200, 1000, 1000), squareRing(500, 500, 700, 700)}};
    zones.addPolygon("z1", MultiPolygon{square}, 0, "Zone one");
    LayerStyle zoneStyle;
    zoneStyle.categories = {{kZoneFill, Qt::black}};

    LayerBuilder points("factories", "Factories", LayerKind::Factories);
    points.addPoint("f1", at(1500, 1500));
    LayerStyle pointStyle;
    pointStyle.categories = {{kPointFill, kPointFill}};
    pointStyle.pointSize = 10;
    pointStyle.strokeWidth = 0;

    MapSettings s;
    s.extent = {0, 0, 2000, 2000};
    s.outputSize = QSize(200, 200);
    s.background = kBackground;
    s.layers = {{zones.finish(), zoneStyle, true}, {points.finish(), pointStyle, true}};
    return s;
}

bool near(QColor a, QColor b, int tolerance) {
    return std::abs(a.red() - b.red()) <= tolerance &&
           std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

}  // namespace

TEST_CASE("Web Mercator: known values and round trip", "[render]") {
    // x = R·λ, y = R·ln tan(π/4 + φ/2) with R = 6 378 137 m, worked by hand for Hà Nội.
    const QPointF hanoi = toMercator(GeoPoint{105.85, 21.0285});
    CHECK(hanoi.x() == Approx(11783168.10).margin(0.01));
    CHECK(hanoi.y() == Approx(2395277.23).margin(0.01));
    CHECK(toMercator(GeoPoint{180, 0}).x() == Approx(20037508.342789244));
    CHECK(toMercator(GeoPoint{0, 0}).y() == Approx(0).margin(1e-9));
    // Beyond the square world, latitudes are clamped to its edge.
    CHECK(toMercator(GeoPoint{0, 89.9}).y() == Approx(kMercatorHalfWorld));

    for (double lon = -179.0; lon <= 179.0; lon += 17.3)
        for (double lat = -84.0; lat <= 84.0; lat += 7.7) {
            const GeoPoint back = fromMercator(toMercator(GeoPoint{lon, lat}));
            CHECK(back.lon == Approx(lon).margin(1e-9));
            CHECK(back.lat == Approx(lat).margin(1e-9));
        }
}

TEST_CASE("MapTransform maps corners and keeps the aspect ratio", "[render]") {
    const MapTransform t(BBox{0, 0, 1000, 1000}, QSize(200, 200));
    CHECK(t.unitsPerPixel() == 5.0);
    CHECK(t.toPixel(0, 1000) == QPointF(0, 0));
    CHECK(t.toPixel(1000, 0) == QPointF(200, 200));
    CHECK(t.toMap(QPointF(100, 50)) == QPointF(500, 750));

    // A wide extent in a square output: 10 m/px, y grows to 2000 m about its centre.
    const MapTransform wide(BBox{0, 0, 2000, 1000}, QSize(200, 200));
    CHECK(wide.unitsPerPixel() == 10.0);
    CHECK(wide.visibleExtent() == BBox{0, -500, 2000, 1500});

    CHECK_FALSE(MapTransform(BBox{}, QSize(200, 200)).valid());
    CHECK_FALSE(MapTransform(BBox{0, 0, 1, 1}, QSize(0, 200)).valid());
}

TEST_CASE("scale denominator accounts for latitude", "[render]") {
    // 1 Mercator metre per pixel at 96 dpi: one pixel is 0.0254/96 m of screen.
    MapSettings s;
    s.outputSize = QSize(96, 96);
    s.extent = {-48, -48, 48, 48};
    CHECK(scaleDenominator(s) == Approx(96 / 0.0254));  // 3779.53 at the equator
    // At 60° a Mercator metre is half a metre on the ground.
    const double y60 = toMercator(GeoPoint{0, 60}).y();
    s.extent = {-48, y60 - 48, 48, y60 + 48};
    CHECK(scaleDenominator(s) == Approx(0.5 * 96 / 0.0254).epsilon(1e-6));
    // extentForScale is its inverse.
    const BBox e = extentForScale(QPointF(0, y60), 25000, QSize(800, 600));
    s.extent = e;
    s.outputSize = QSize(800, 600);
    CHECK(scaleDenominator(s) == Approx(25000));
}

TEST_CASE("render draws fills, holes, points and background at hand-computed pixels", "[render]") {
    const MapSettings s = referenceScene();
    RenderStats stats;
    const QImage img = renderMap(s, nullptr, &stats);
    REQUIRE(img.size() == QSize(200, 200));
    CHECK(img.pixelColor(30, 170) == kZoneFill);     // Mercator (300, 300): inside the zone
    CHECK(img.pixelColor(90, 110) == kZoneFill);     // (900, 900)
    CHECK(img.pixelColor(60, 140) == kBackground);   // (600, 600): in the hole
    CHECK(img.pixelColor(150, 50) == kPointFill);    // the factory
    CHECK(img.pixelColor(190, 190) == kBackground);  // (1900, 100): nothing there
    CHECK(img.pixelColor(150, 62) == kBackground);   // 12 px below the 10 px disc
    CHECK(img.pixelColor(10, 10) == kBackground);
    CHECK(stats.featuresDrawn == 2);
    CHECK_FALSE(stats.cancelled);
}

TEST_CASE("render honours the device pixel ratio and a painter's transform", "[render]") {
    MapSettings s = referenceScene();
    s.devicePixelRatio = 2;
    const QImage hiDpi = renderMap(s);
    REQUIRE(hiDpi.size() == QSize(400, 400));
    CHECK(hiDpi.devicePixelRatio() == 2.0);
    CHECK(hiDpi.pixelColor(60, 340) == kZoneFill);
    CHECK(hiDpi.pixelColor(120, 280) == kBackground);
    CHECK(hiDpi.pixelColor(300, 100) == kPointFill);

    // The same map drawn through a scaled painter, as a PDF page would draw it.
    s.devicePixelRatio = 1;
    QImage page(QSize(480, 480), QImage::Format_ARGB32_Premultiplied);
    page.fill(Qt::white);
    {
        QPainter p(&page);
        p.translate(50, 50);
        p.scale(2, 2);
        renderMap(p, s);
    }
    CHECK(page.pixelColor(10, 10) == QColor(Qt::white));  // outside the map frame
    CHECK(page.pixelColor(50 + 60, 50 + 340) == kZoneFill);
    CHECK(page.pixelColor(50 + 120, 50 + 280) == kBackground);
    CHECK(page.pixelColor(50 + 300, 50 + 100) == kPointFill);
    CHECK(page.pixelColor(470, 470) == QColor(Qt::white));  // past its far corner (450)
}

TEST_CASE("deep zoom into a large polygon clips it and still fills the right side", "[render]") {
    // The zone's box is 800 m; at 1 m across 200 px it is 160,000 px wide, so its rings go
    // through the clipper. View centred on the zone's right edge (x = 1000): left half in.
    MapSettings s = referenceScene();
    s.extent = {999.5, 299.5, 1000.5, 300.5};
    const QImage img = renderMap(s);
    CHECK(img.pixelColor(20, 100) == kZoneFill);
    CHECK(img.pixelColor(90, 20) == kZoneFill);
    CHECK(img.pixelColor(110, 100) == kBackground);
    CHECK(img.pixelColor(190, 180) == kBackground);
    // Fully inside, away from the hole: all fill.
    s.extent = {300, 300, 301, 301};
    CHECK(renderMap(s).pixelColor(100, 100) == kZoneFill);
}

TEST_CASE("render uses the category colours; the higher category is drawn on top", "[render]") {
    const auto risk = riskCategoryStyles();
    for (bool highFirst : {true, false}) {
        LayerBuilder b("f", "f", LayerKind::Factories);
        b.addPoint("low", at(1200, 1700), 1);
        if (highFirst)
            b.addPoint("both-high", at(500, 1500), 5);
        b.addPoint("both-low", at(500, 1500), 2);
        if (!highFirst)
            b.addPoint("both-high", at(500, 1500), 5);
        b.addPoint("high", at(1700, 1200), 5);
        LayerStyle style = factoryStyle();
        style.pointSize = 8;
        MapSettings s;
        s.extent = {0, 0, 2000, 2000};
        s.outputSize = QSize(200, 200);
        s.layers = {{b.finish(), style, true}};
        const QImage img = renderMap(s);
        CHECK(img.pixelColor(120, 30) == risk[1].fill);
        CHECK(img.pixelColor(170, 80) == risk[5].fill);
        CHECK(img.pixelColor(50, 50) == risk[5].fill);
    }
}

TEST_CASE("hidden layers, invisible extents and selection", "[render]") {
    MapSettings s = referenceScene();
    s.layers[1].visible = false;
    CHECK(renderMap(s).pixelColor(150, 50) == kBackground);

    // A hand-made layer whose arrays disagree with its geometry is skipped, not read past.
    s = referenceScene();
    auto broken = std::make_shared<LayerData>(*s.layers[1].data);
    broken->categories.clear();
    s.layers[1].data = broken;
    CHECK(renderMap(s).pixelColor(150, 50) == kBackground);
    CHECK(featuresAt(*broken, QPointF(1500, 1500), 20).empty());

    s = referenceScene();
    s.extent = {5000, 5000, 7000, 7000};
    RenderStats stats;
    const QImage img = renderMap(s, nullptr, &stats);
    CHECK(stats.featuresQueried == 0);
    CHECK(img.pixelColor(100, 100) == kBackground);

    // A selected factory gets a ring 2 px outside its 10 px disc (radius 5 + 2 = 7).
    s = referenceScene();
    const QColor ring = s.layers[1].style.selectionColor;
    CHECK(renderMap(s).pixelColor(157, 50) == kBackground);
    s.selectedIds = {"f1"};
    CHECK(near(renderMap(s).pixelColor(157, 50), ring, 60));
}

TEST_CASE("grid decimation draws at least one symbol wherever there are points", "[render]") {
    // 20 tight clusters of 500 points (within ±0.2 px) and 50 single points on a 20 px
    // lattice: every lattice spot must show a symbol, and the clusters collapse.
    LayerBuilder b("f", "f", LayerKind::Factories);
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> jitter(-2.0, 2.0);  // metres; 1 px = 10 m
    std::vector<QPoint> spots;
    std::size_t total = 0;
    int n = 0;
    for (int i = 0; i < 10; ++i)
        for (int j = 0; j < 7; ++j, ++n) {
            const QPoint px(10 + 20 * i, 10 + 20 * j);
            spots.push_back(px);
            // Mercator of the centre of pixel px.
            const double x = (px.x() + 0.5) * 10.0;
            const double y = 2000.0 - (px.y() + 0.5) * 10.0;
            const int count = n < 20 ? 500 : 1;
            for (int k = 0; k < count; ++k, ++total)
                b.addPoint(numbered("p", total), at(x + jitter(rng), y + jitter(rng)));
        }
    REQUIRE(total == 20 * 500 + 50);
    LayerStyle style = factoryStyle();
    style.pointSize = 6;
    style.pointLod = PointLod::Decimate;  // the default clusters above 3,000 points in view
    MapSettings s;
    s.extent = {0, 0, 2000, 2000};
    s.outputSize = QSize(200, 200);
    s.background = kBackground;
    s.layers = {{b.finish(), style, true}};
    RenderStats stats;
    const QImage img = renderMap(s, nullptr, &stats);

    for (const QPoint& spot : spots) {
        INFO("spot " << spot.x() << "," << spot.y());
        CHECK(img.pixelColor(spot) != kBackground);
    }
    CHECK(stats.featuresQueried == total);
    // Each spot lies in at most 4 cells (3 px wide), so at most 70 × 4 symbols.
    CHECK(stats.featuresDrawn >= 70);
    CHECK(stats.featuresDrawn <= 280);
    CHECK(stats.pointsDecimated == total - stats.featuresDrawn);
}

TEST_CASE("well separated points are all drawn", "[render]") {
    LayerBuilder b("f", "f", LayerKind::Factories);
    for (int i = 0; i < 10; ++i)
        b.addPoint(std::to_string(i), at(100 + 180.0 * i, 1000));
    MapSettings s;
    s.extent = {0, 0, 2000, 2000};
    s.outputSize = QSize(200, 200);
    s.layers = {{b.finish(), factoryStyle(), true}};
    RenderStats stats;
    renderMap(s, nullptr, &stats);
    CHECK(stats.featuresDrawn == 10);
    CHECK(stats.pointsDecimated == 0);
}

TEST_CASE("cluster LOD aggregates many points into counted bubbles", "[render]") {
    safemap::test::ensureGuiApp();
    LayerBuilder b("f", "f", LayerKind::Factories);
    std::mt19937 rng(9);
    std::uniform_real_distribution<double> pos(0, 2000);
    for (int i = 0; i < 1000; ++i)
        b.addPoint(std::to_string(i), at(pos(rng), pos(rng)));
    LayerStyle style = factoryStyle();
    style.pointLod = PointLod::Cluster;
    style.clusterAbove = 100;
    MapSettings s;
    s.extent = {0, 0, 2000, 2000};
    s.outputSize = QSize(200, 200);
    s.layers = {{b.finish(), style, true}};
    RenderStats stats;
    renderMap(s, nullptr, &stats);
    // 200 px / 48 px cells: at most 5 × 5 bubbles for 1000 points.
    CHECK(stats.clusters >= 1);
    CHECK(stats.featuresDrawn <= 25);

    style.clusterAbove = 5000;  // below the threshold: ordinary symbols
    s.layers[0].style = style;
    renderMap(s, nullptr, &stats);
    CHECK(stats.clusters == 0);
    CHECK(stats.featuresDrawn > 25);
}

TEST_CASE("a set cancel flag stops a large render early", "[render]") {
    LayerBuilder b("f", "f", LayerKind::Factories);
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> pos(0, 200000);
    for (int i = 0; i < 200000; ++i)
        b.addPoint(std::to_string(i), at(pos(rng), pos(rng)));
    MapSettings s;
    s.extent = {0, 0, 200000, 200000};
    s.outputSize = QSize(400, 400);
    LayerStyle style = factoryStyle();
    style.pointLod = PointLod::Decimate;  // one symbol per cell: thousands drawn
    s.layers = {{b.finish(), style, true}};

    std::atomic<bool> cancel{true};
    RenderStats stats;
    const QImage img = renderMap(s, &cancel, &stats);
    CHECK(stats.cancelled);
    CHECK(stats.featuresDrawn == 0);
    CHECK(img.size() == QSize(400, 400));  // still a usable (background) image

    cancel = false;
    renderMap(s, &cancel, &stats);
    CHECK_FALSE(stats.cancelled);
    CHECK(stats.featuresDrawn > 1000);
}

TEST_CASE("identify finds points within tolerance and polygons containing the point", "[render]") {
    const MapSettings s = referenceScene();
    const LayerData& zones = *s.layers[0].data;
    const LayerData& points = *s.layers[1].data;
    CHECK(featuresAt(zones, QPointF(300, 300), 0) == std::vector<std::string>{"z1"});
    CHECK(featuresAt(zones, QPointF(600, 600), 0).empty());  // in the hole
    CHECK(featuresAt(zones, QPointF(600, 600), 150) == std::vector<std::string>{"z1"});
    CHECK(featuresAt(zones, QPointF(1500, 1500), 10).empty());
    CHECK(featuresAt(points, QPointF(1510, 1490), 20) == std::vector<std::string>{"f1"});
    CHECK(featuresAt(points, QPointF(1530, 1500), 20).empty());

    // Nested polygons: the smaller comes first.
    LayerBuilder b("z", "z", LayerKind::Zones);
    b.addPolygon("big", {Polygon{{squareRing(0, 0, 1000, 1000)}}});
    b.addPolygon("small", {Polygon{{squareRing(100, 100, 200, 200)}}});
    const auto layer = b.finish();
    CHECK(featuresAt(*layer, QPointF(150, 150), 0) == std::vector<std::string>{"small", "big"});
}

TEST_CASE("a factories layer keeps points drawn before only where they still hold", "[render]") {
    std::vector<Factory> sites(3);
    for (size_t i = 0; i < sites.size(); ++i) {
        sites[i].id = "MST-" + std::to_string(i);
        sites[i].location = {105.9 + 0.01 * static_cast<double>(i), 20.6};
    }
    const auto drawn = makeFactoryLayer(sites);  // positions only, as the first frame has
    std::vector<Factory> read = sites;           // the facilities read in full afterwards
    read[0].name = "Công ty A";
    read[1].workforce.total = 800;
    const auto full = makeFactoryLayer(read);
    const auto kept = makeFactoryLayer(read, drawn->geometry);
    CHECK(kept->geometry == drawn->geometry);
    CHECK(kept->featureIds == full->featureIds.values());
    CHECK(kept->labels == full->labels.values());
    CHECK(kept->categories == full->categories);
    REQUIRE(kept->sizes.size() == 3);
    CHECK(kept->sizes[1] == 800.0f);
    CHECK(std::isnan(kept->sizes[0]));
    CHECK(kept->consistent());

    SECTION("a facility moved meanwhile: new points") {
        read[2].location.lon += 0.001;
        const auto moved = makeFactoryLayer(read, drawn->geometry);
        CHECK(moved->geometry != drawn->geometry);
        CHECK(moved->geometry->points == makeFactoryLayer(read)->geometry->points);
    }
    SECTION("one more facility: new points") {
        read.push_back(read[0]);
        read.back().id = "MST-9";
        const auto grown = makeFactoryLayer(read, drawn->geometry);
        CHECK(grown->geometry != drawn->geometry);
        CHECK(grown->featureCount() == 4);
        CHECK(grown->consistent());
    }
}

TEST_CASE("factory and zone layers come from the core model", "[render]") {
    Factory a;
    a.id = "MST-1";
    a.name = "A";
    a.location = {105.85, 21.0285};
    a.workforce.total = 1200;
    Factory b;
    b.id = "MST-2";
    b.location = {106.0, 21.1};
    const auto layer = makeFactoryLayer({a, b}, [](const Factory& f) {
        return static_cast<std::uint8_t>(f.workforce.total ? 4 : 0);
    });
    REQUIRE(layer->featureCount() == 2);
    CHECK(layer->featureIds == std::vector<std::string>{"MST-1", "MST-2"});
    CHECK(layer->categories == std::vector<std::uint8_t>{4, 0});
    CHECK(layer->sizes[0] == 1200.0f);
    CHECK(std::isnan(layer->sizes[1]));
    CHECK(layer->extent().minX == Approx(11783168.10));

    const auto recoloured = withCategories(*layer, {5, 1});
    CHECK(recoloured->categories == std::vector<std::uint8_t>{5, 1});
    CHECK(recoloured->geometry == layer->geometry);  // shared, not copied
    CHECK(layer->categories == std::vector<std::uint8_t>{4, 0});
    // So are the ids and names: a re-coloured copy points at the same strings.
    CHECK(&recoloured->featureIds.values() == &layer->featureIds.values());
    CHECK(&recoloured->labels.values() == &layer->labels.values());

    Zone z;
    z.id = "KCN-1";
    z.area = {Polygon{{Ring{{105, 21}, {105.1, 21}, {105.1, 21.1}, {105, 21}}}}};
    Zone empty;
    empty.id = "KCN-2";
    const auto zones = makeZoneLayer({z, empty});
    CHECK(zones->featureCount() == 2);
    CHECK(zones->extent() == toMercator(BBox{105, 21, 105.1, 21.1}));
    CHECK(featuresAt(*zones, toMercator(GeoPoint{105.09, 21.01}), 0) ==
          std::vector<std::string>{"KCN-1"});
}

TEST_CASE("basemap layer loads polygons and names with OGR", "[render]") {
    TempDir dir;
    const std::string path = dir.file("land.geojson");
    std::ofstream(path) << R"({"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"name":"Testland"},"geometry":{"type":"Polygon",
         "coordinates":[[[105,20],[106,20],[106,21],[105,21],[105,20]]]}},
        {"type":"Feature","properties":{"name":"A point"},"geometry":{"type":"Point",
         "coordinates":[105.5,20.5]}},
        {"type":"Feature","properties":{"name":"Twin isles"},"geometry":{"type":"MultiPolygon",
         "coordinates":[[[[107,20],[107.1,20],[107.1,20.1],[107,20]]],
                        [[[108,20],[108.1,20],[108.1,20.1],[108,20]]]]}}]})";
    auto layer = loadBasemapLayer(path);
    REQUIRE(layer.ok());
    const LayerData& data = **layer;
    CHECK(data.kind == LayerKind::Basemap);
    CHECK(data.labels == std::vector<std::string>{"Testland", "Twin isles"});
    CHECK(data.extent() == toMercator(BBox{105, 20, 108.1, 21}));
    CHECK(featuresAt(data, toMercator(GeoPoint{105.5, 20.5}), 0).size() == 1);
    CHECK(featuresAt(data, toMercator(GeoPoint{108.05, 20.02}), 0).size() == 1);

    auto missing = loadBasemapLayer(dir.file("nope.geojson"));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().file == dir.file("nope.geojson"));
}

TEST_CASE("the shipped basemap loads and draws Vietnam as land", "[render]") {
    auto layer = loadBasemapLayer(sourcePath("data/basemap/countries.geojson"));
    REQUIRE(layer.ok());
    const auto& labels = (*layer)->labels;
    CHECK(std::find(labels.begin(), labels.end(), "Vietnam") != labels.end());
    // Thanh Hóa's plain, well inside Vietnam, is land; the Gulf of Tonkin is sea.
    MapSettings s;
    s.outputSize = QSize(300, 300);
    s.extent = toMercator(BBox{104.0, 19.0, 108.0, 23.0});
    LayerStyle style = basemapStyle();
    style.showLabels = false;
    s.layers = {{*layer, style, true}};
    const QImage img = renderMap(s);
    const MapTransform t(s);
    const QPointF land = t.toPixel(toMercator(GeoPoint{105.6, 19.9}));
    const QPointF sea = t.toPixel(toMercator(GeoPoint{107.3, 19.3}));
    CHECK(img.pixelColor(land.toPoint()) == style.categories[0].fill);
    CHECK(img.pixelColor(sea.toPoint()) == kSeaColor);
}
