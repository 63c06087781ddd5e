#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>
#include <catch2/catch.hpp>
#include <cmath>

#include "app/gui/map_canvas.h"
#include "app_fixture.h"
#include "gis/render/web_mercator.h"

using namespace safemap;

namespace {

const QColor kBackground(10, 20, 30);
const QColor kZoneFill(0, 128, 0);
const QColor kPointFill(255, 0, 0);

GeoPoint at(double x, double y) {
    return fromMercator(QPointF(x, y));
}

// Extent 0..2000 m in a 200 × 200 canvas: 10 m per pixel, Mercator (x, y) at pixel
// (x / 10, (2000 - y) / 10). Zone: square 200..1000 → pixels x 20..100, y 100..180.
// Factory at (1500, 1500) → pixel (150, 50).
std::vector<LayerRender> layers() {
    LayerBuilder zones("zones", "Zones", LayerKind::Zones);
    const Ring ring{at(200, 200), at(1000, 200), at(1000, 1000), at(200, 1000), at(200, 200)};
    zones.addPolygon("z1", MultiPolygon{Polygon{{ring}}});
    LayerStyle zoneStyle;
    zoneStyle.categories = {{kZoneFill, Qt::black}};
    LayerBuilder points("factories", "Factories", LayerKind::Factories);
    points.addPoint("f1", at(1500, 1500));
    LayerStyle pointStyle;
    pointStyle.categories = {{kPointFill, kPointFill}};
    pointStyle.pointSize = 10;
    pointStyle.strokeWidth = 0;
    return {{zones.finish(), zoneStyle, true}, {points.finish(), pointStyle, true}};
}

// A shown 200 × 200 canvas at the reference extent, with its first frame rendered.
struct CanvasFixture {
    QApplication& app = test::app();  // before any widget
    MapCanvas canvas;
    CanvasFixture() {
        canvas.resize(200, 200);
        canvas.setBackground(kBackground);
        canvas.setLayers(layers());
        canvas.setExtent({0, 0, 2000, 2000});
        canvas.show();
        REQUIRE(QTest::qWaitForWindowExposed(&canvas));
        waitForRender();
    }
    void waitForRender() {
        QSignalSpy spy(&canvas, &MapCanvas::renderFinished);
        while (canvas.isRendering())
            if (!spy.wait(5000))
                break;
        REQUIRE_FALSE(canvas.isRendering());
    }
    QImage grab() { return canvas.grab().toImage(); }
    void send(QEvent::Type type, QPoint pos, Qt::MouseButtons buttons) {
        QMouseEvent e(type, QPointF(pos), canvas.mapToGlobal(QPointF(pos)),
                      type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton, buttons,
                      Qt::NoModifier);
        QApplication::sendEvent(&canvas, &e);
    }
    void wheel(QPoint pos, int delta) {
        QWheelEvent e(QPointF(pos), canvas.mapToGlobal(QPointF(pos)), QPoint(), QPoint(0, delta),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&canvas, &e);
    }
};

void checkExtent(const BBox& got, const BBox& want) {
    CHECK(got.minX == Approx(want.minX).margin(1e-6));
    CHECK(got.minY == Approx(want.minY).margin(1e-6));
    CHECK(got.maxX == Approx(want.maxX).margin(1e-6));
    CHECK(got.maxY == Approx(want.maxY).margin(1e-6));
}

}  // namespace

TEST_CASE("MapCanvas shows the rendered layers at hand-computed pixels", "[canvas]") {
    CanvasFixture f;
    const QImage img = f.grab();
    REQUIRE(img.size() == QSize(200, 200));
    CHECK(img.pixelColor(90, 110) == kZoneFill);     // Mercator (900, 900)
    CHECK(img.pixelColor(60, 140) == kZoneFill);     // (600, 600)
    CHECK(img.pixelColor(150, 50) == kPointFill);    // the factory
    CHECK(img.pixelColor(150, 150) == kBackground);  // (1500, 500)
    CHECK(img.pixelColor(190, 10) == kBackground);
    // renderNow draws the same settings synchronously.
    CHECK(f.canvas.renderNow().pixelColor(150, 50) == kPointFill);
}

TEST_CASE("MapCanvas wheel zooms around the cursor and changes the scale", "[canvas]") {
    CanvasFixture f;
    QSignalSpy scaleSpy(&f.canvas, &MapCanvas::scaleChanged);
    const double before = f.canvas.scaleDenominator();
    const QPointF anchor = f.canvas.pixelToMap(QPointF(50, 50));
    f.wheel(QPoint(50, 50), 240);  // two notches: 2× in
    CHECK(f.canvas.scaleDenominator() == Approx(before / 2));
    REQUIRE(scaleSpy.count() >= 1);
    CHECK(scaleSpy.last().at(0).toDouble() == Approx(before / 2));
    const QPointF after = f.canvas.pixelToMap(QPointF(50, 50));
    CHECK(after.x() == Approx(anchor.x()));
    CHECK(after.y() == Approx(anchor.y()));
    // 2× around pixel (50, 50) = Mercator (500, 1500): 5 m per pixel.
    checkExtent(f.canvas.visibleExtent(), {250, 750, 1250, 1750});

    // Until the new frame arrives the old one is shown scaled: the factory at Mercator
    // (1500, 1500) is now at pixel ((1500-250)/5, (1750-1500)/5) = (250, 50), off screen,
    // and the zone's corner (1000, 1000) is at (150, 150).
    f.waitForRender();
    const QImage img = f.grab();
    CHECK(img.pixelColor(140, 160) == kZoneFill);
    CHECK(img.pixelColor(160, 140) == kBackground);

    f.wheel(QPoint(50, 50), -240);
    CHECK(f.canvas.scaleDenominator() == Approx(before));
}

TEST_CASE("MapCanvas drag pans by the dragged distance and re-renders on release", "[canvas]") {
    CanvasFixture f;
    QSignalSpy clicks(&f.canvas, &MapCanvas::clicked);
    QSignalSpy rendered(&f.canvas, &MapCanvas::renderFinished);
    f.send(QEvent::MouseButtonPress, QPoint(100, 100), Qt::LeftButton);
    f.send(QEvent::MouseMove, QPoint(110, 100), Qt::LeftButton);
    f.send(QEvent::MouseMove, QPoint(120, 110), Qt::LeftButton);

    // Mid-drag: the extent follows the mouse (+20, +10 px = -200 m in x, +100 m in y) and
    // the last frame is shown shifted, with no new render yet.
    checkExtent(f.canvas.visibleExtent(), {-200, 100, 1800, 2100});
    QImage img = f.grab();
    CHECK(img.pixelColor(170, 60) == kPointFill);  // the factory moved from (150, 50)
    CHECK(img.pixelColor(150, 50) == kBackground);
    CHECK_FALSE(f.canvas.isRendering());

    f.send(QEvent::MouseMove, QPoint(150, 130), Qt::LeftButton);
    f.send(QEvent::MouseButtonRelease, QPoint(150, 130), Qt::NoButton);
    // +50, +30 px in all: the map moved right and down by 500 m and 300 m.
    checkExtent(f.canvas.visibleExtent(), {-500, 300, 1500, 2300});
    CHECK(f.canvas.isRendering());
    f.waitForRender();
    CHECK(rendered.count() >= 1);
    img = f.grab();
    CHECK(img.pixelColor(197, 80) == kPointFill);  // the factory, now at (200, 80), half out
    CHECK(img.pixelColor(150, 50) == kBackground);
    CHECK(img.pixelColor(90 + 50, 110 + 30) == kZoneFill);
    CHECK(clicks.isEmpty());  // a drag is not a click
}

TEST_CASE("MapCanvas click emits the lon/lat under the mouse", "[canvas]") {
    CanvasFixture f;
    QSignalSpy clicks(&f.canvas, &MapCanvas::clicked);
    QSignalSpy moves(&f.canvas, &MapCanvas::cursorMoved);
    f.send(QEvent::MouseMove, QPoint(150, 50), Qt::NoButton);
    REQUIRE(moves.count() == 1);
    const GeoPoint expected = fromMercator(QPointF(1500, 1500));
    const auto moved = moves.last().at(0).value<GeoPoint>();
    CHECK(moved.lon == Approx(expected.lon));
    CHECK(moved.lat == Approx(expected.lat));

    f.send(QEvent::MouseButtonPress, QPoint(150, 50), Qt::LeftButton);
    f.send(QEvent::MouseButtonRelease, QPoint(150, 50), Qt::NoButton);
    REQUIRE(clicks.count() == 1);
    const auto lonLat = clicks.last().at(0).value<GeoPoint>();
    const auto mercator = clicks.last().at(1).toPointF();
    // Mercator (1500, 1500) is lon 0.013475°, lat 0.013475° (1500 m / R in degrees, and
    // Mercator y ≈ R·φ this close to the equator).
    CHECK(mercator.x() == Approx(1500));
    CHECK(mercator.y() == Approx(1500));
    CHECK(lonLat.lon == Approx(1500.0 / 6378137.0 * 180.0 / M_PI));
    CHECK(lonLat.lat == Approx(1500.0 / 6378137.0 * 180.0 / M_PI).epsilon(1e-6));
}

TEST_CASE("MapCanvas keyboard: arrows pan, +/- zoom, Home shows all layers", "[canvas]") {
    CanvasFixture f;
    QTest::keyClick(&f.canvas, Qt::Key_Right);  // view moves right by a quarter: 50 px
    checkExtent(f.canvas.visibleExtent(), {500, 0, 2500, 2000});
    QTest::keyClick(&f.canvas, Qt::Key_Up);
    checkExtent(f.canvas.visibleExtent(), {500, 500, 2500, 2500});

    const double scale = f.canvas.scaleDenominator();
    QTest::keyClick(&f.canvas, Qt::Key_Plus);
    CHECK(f.canvas.scaleDenominator() == Approx(scale / 2));
    QTest::keyClick(&f.canvas, Qt::Key_Minus);
    QTest::keyClick(&f.canvas, Qt::Key_Minus);
    CHECK(f.canvas.scaleDenominator() == Approx(scale * 2));

    // Layers span 200..1500 m both ways: 1300 m plus 5 % each side = 1430 m around 850 m.
    QTest::keyClick(&f.canvas, Qt::Key_Home);
    checkExtent(f.canvas.visibleExtent(), {135, 135, 1565, 1565});
    f.waitForRender();
    CHECK(f.grab().pixelColor(100, 100) == kZoneFill);  // Mercator (850, 850)
}

TEST_CASE("MapCanvas selection and extent signals", "[canvas]") {
    CanvasFixture f;
    QSignalSpy extents(&f.canvas, &MapCanvas::extentChanged);
    f.canvas.zoomToExtent({0, 0, 1000, 1000}, 0.0);
    REQUIRE(extents.count() == 1);
    checkExtent(extents.last().at(0).value<BBox>(), {0, 0, 1000, 1000});

    f.canvas.setExtent({0, 0, 2000, 2000});
    f.canvas.setSelection({"f1"});
    f.waitForRender();
    // The selection ring sits 2 px outside the 10 px disc: pixel (157, 50).
    const QColor ring = f.grab().pixelColor(157, 50);
    CHECK(ring != kBackground);
    CHECK(ring.blue() > 200);
}

TEST_CASE("MapCanvas redraws only the layer whose flags changed", "[canvas][cache]") {
    CanvasFixture f;
    CHECK(f.canvas.lastStats().layersRendered == 2);
    // Filter the factory out: the same zone layer, new factory data.
    std::vector<LayerRender> layers = f.canvas.layers();
    layers[1].data = withFlags(*layers[1].data, {kFeatureHidden});
    f.canvas.setLayers(layers);
    f.waitForRender();
    CHECK(f.canvas.lastStats().layerRendered == std::vector<std::uint8_t>{0, 1});
    QImage img = f.grab();
    CHECK(img.pixelColor(150, 50) == kBackground);
    CHECK(img.pixelColor(90, 110) == kZoneFill);

    // Back to no flags: it shows again; the zones still come from the cache.
    layers[1].data = withFlags(*layers[1].data, {});
    f.canvas.setLayers(layers);
    f.waitForRender();
    CHECK(f.canvas.lastStats().layersFromCache == 1);
    img = f.grab();
    CHECK(img.pixelColor(150, 50) == kPointFill);
}
