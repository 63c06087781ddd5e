// Flags, marks, size classes and facility labels, checked at hand-computed pixels.
//
// Every scene maps 10 Mercator metres to one pixel with y down from the top of the extent,
// and puts each point at the centre of a pixel: atPixel(px, py) is Mercator
// ((px + 0.5) · 10, top − (py + 0.5) · 10), so the symbol's centre is pixel (px, py)'s centre.
#include <QFontMetricsF>
#include <QPainter>
#include <QRawFont>
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "gis/render/identify.h"
#include "gis/render/map_renderer.h"
#include "gis/render/point_symbol.h"
#include "test_render_support.h"
#include "test_support.h"

using namespace safemap;
using safemap::test::at;
using safemap::test::squareRing;

namespace {

const QColor kSymbologyBackground(10, 20, 30);

// A scene of `width` × `height` px over Mercator (0, 0)–(10·width, 10·height).
MapSettings sceneOf(int width, int height) {
    MapSettings s;
    s.extent = {0, 0, 10.0 * width, 10.0 * height};
    s.outputSize = QSize(width, height);
    s.background = kSymbologyBackground;
    return s;
}

GeoPoint atPixel(const MapSettings& s, int px, int py) {
    return at((px + 0.5) * 10, s.extent.maxY - (py + 0.5) * 10);
}

QPointF mercatorOfPixel(const MapSettings& s, int px, int py) {
    return {(px + 0.5) * 10, s.extent.maxY - (py + 0.5) * 10};
}

// Risk colours, 12 px symbols with their 0.5 px outline: one mark unit is 2 px.
//   suspend ring: white from r = 6 to 6 + max(1.5, 0.96) = 7.5, black to 7.5 + max(3.5, 2.4) = 11
//   halo:         1 px of white outside the outline (6.25 → 7.25) or the ring (11 → 12)
//   stale dot:    white to max(2.5, 2.4) = 2.5, its edge to 3.3, then the fill to r = 6
//   inspect dot:  radius max(4, 3) = 4 with a 1.6 px white rim, centred 6 + 0.6 · 4 = 8.4 px
//                 out at the upper right, (5.94, −5.94): it reaches 2.8 px from the centre
LayerStyle markStyle() {
    LayerStyle style = factoryStyle();
    style.pointSize = 12;
    style.showLabels = false;
    return style;
}

// Width of the run of pixels on row `y` through `x` that are nearer `fill` than the
// background: the painted diameter to within a pixel.
int paintedWidth(const QImage& img, int x, int y, QColor fill) {
    auto isFill = [&](int px) {
        const QColor c = img.pixelColor(px, y);
        const int toFill = std::abs(c.red() - fill.red()) + std::abs(c.green() - fill.green()) +
                           std::abs(c.blue() - fill.blue());
        const int toBack = std::abs(c.red() - kSymbologyBackground.red()) +
                           std::abs(c.green() - kSymbologyBackground.green()) +
                           std::abs(c.blue() - kSymbologyBackground.blue());
        return toFill < toBack;
    };
    int left = x;
    while (left > 0 && isFill(left - 1))
        --left;
    int right = x;
    while (right + 1 < img.width() && isFill(right + 1))
        ++right;
    return right - left + 1;
}

std::size_t darkPixels(const QImage& img, const QRect& r) {
    std::size_t n = 0;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            if (img.pixelColor(x, y).lightness() < 100)
                ++n;
    return n;
}

}  // namespace

TEST_CASE("withFlags shares the geometry and pads the flags", "[render][flags]") {
    LayerBuilder b("f", "f", LayerKind::Factories);
    b.addPoint("a", at(100, 100), 3);
    b.addPoint("b", at(200, 200), 4);
    b.addPoint("c", at(300, 300), 5);
    const auto layer = b.finish();
    CHECK(layer->flags.empty());
    CHECK(layer->flagsOf(1) == 0);

    const auto flagged = withFlags(*layer, {kFeatureHidden});
    CHECK(flagged->geometry == layer->geometry);
    CHECK(flagged->flags == std::vector<std::uint8_t>{kFeatureHidden, 0, 0});
    CHECK(flagged->isHidden(0));
    CHECK_FALSE(flagged->isHidden(2));
    CHECK(flagged->categories == layer->categories);
    CHECK(flagged->consistent());

    const auto both = withCategoriesAndFlags(*layer, {1, 1, 1}, {0, kFeatureSuspend});
    CHECK(both->geometry == layer->geometry);
    CHECK(both->categories == std::vector<std::uint8_t>{1, 1, 1});
    CHECK(both->flagsOf(1) == kFeatureSuspend);
    CHECK(both->flagsOf(2) == 0);
    CHECK(withFlags(*both, {})->flags.empty());

    // A hand-made layer with the wrong number of flags is not drawn.
    auto broken = std::make_shared<LayerData>(*layer);
    broken->flags = {0, 0};
    CHECK_FALSE(broken->consistent());
}

TEST_CASE("a hidden feature is not drawn, not identified, not labelled, and takes no LOD cell",
          "[render][flags]") {
    MapSettings s = sceneOf(200, 200);
    const QColor red(255, 0, 0), green(0, 160, 0), zoneFill(0, 0, 200);
    LayerBuilder zones("z", "z", LayerKind::Zones);
    // Mercator 100..600 → pixels x 10..60, y 140..190.
    zones.addPolygon("zone", {Polygon{{squareRing(100, 100, 600, 600)}}}, 0, "Zone");
    LayerStyle zoneStyle;
    zoneStyle.categories = {{zoneFill, zoneFill}};
    zoneStyle.showLabels = false;
    LayerBuilder points("f", "f", LayerKind::Factories);
    points.addPoint("alone", atPixel(s, 50, 50), 5, NAN, "Alone");
    // Same spot: a hidden very-high site over a visible low one.
    points.addPoint("hidden-high", atPixel(s, 150, 50), 5, NAN, "Hidden");
    points.addPoint("shown-low", atPixel(s, 150, 50), 1);
    points.addPoint("other", atPixel(s, 100, 100), 5);
    LayerStyle style;
    style.categories = {{kSymbologyBackground, kSymbologyBackground}, {green, green}, {red, red}};
    style.categories.resize(6, {red, red});
    style.pointSize = 10;
    style.strokeWidth = 0;
    style.showLabels = true;
    s.layers = {{zones.finish(), zoneStyle, true}, {points.finish(), style, true}};

    RenderStats stats;
    QImage img = renderMap(s, nullptr, &stats);
    CHECK(img.pixelColor(50, 50) == red);
    CHECK(img.pixelColor(150, 50) == red);  // the high one wins its cell
    CHECK(img.pixelColor(30, 170) == zoneFill);
    CHECK(stats.featuresHidden == 0);
    CHECK(stats.labelsDrawn == 2);  // "Alone" and "Hidden"

    s.layers[1].data = withFlags(*s.layers[1].data, {kFeatureHidden, kFeatureHidden, 0, 0});
    s.layers[0].data = withFlags(*s.layers[0].data, {kFeatureHidden});
    img = renderMap(s, nullptr, &stats);
    CHECK(img.pixelColor(50, 50) == kSymbologyBackground);
    CHECK(img.pixelColor(150, 50) == green);  // the hidden one did not take the cell
    CHECK(img.pixelColor(100, 100) == red);
    CHECK(img.pixelColor(30, 170) == kSymbologyBackground);
    CHECK(stats.featuresHidden == 3);
    CHECK(stats.featuresDrawn == 2);
    CHECK(stats.pointsDecimated == 0);
    CHECK(stats.labelsDrawn == 0);

    const LayerData& shown = *s.layers[1].data;
    CHECK(featuresAt(shown, mercatorOfPixel(s, 50, 50), 30).empty());
    CHECK(featuresAt(shown, mercatorOfPixel(s, 150, 50), 30) ==
          std::vector<std::string>{"shown-low"});
    CHECK(featuresAt(*s.layers[0].data, QPointF(300, 300), 0).empty());

    // Clusters ignore them too: only "shown-low" and "other" remain, two single symbols.
    s.layers[1].style.pointLod = PointLod::Cluster;
    s.layers[1].style.clusterAbove = 0;
    img = renderMap(s, nullptr, &stats);
    CHECK(img.pixelColor(50, 50) == kSymbologyBackground);
    CHECK(img.pixelColor(150, 50) == green);
    CHECK(stats.clusters == 0);
    CHECK(stats.featuresDrawn == 2);
}

TEST_CASE("the suspend mark is a black ring on every risk colour", "[render][marks]") {
    const LayerStyle style = markStyle();
    for (std::uint8_t category = 0; category <= 5; ++category) {
        INFO("category " << int(category));
        for (std::uint8_t flags : {std::uint8_t{0}, kFeatureSuspend}) {
            MapSettings s = sceneOf(200, 200);
            LayerBuilder b("f", "f", LayerKind::Factories);
            b.addPoint("p", atPixel(s, 100, 100), category);
            s.layers = {{withFlags(*b.finish(), {flags}), style, true}};
            const QImage img = renderMap(s);
            // Pixel (109, 100) spans 8.5..9.5 px from the centre: inside the black ring
            // (7.5..11) when suspended, outside the 6 px disc when not.
            const QColor ringOrBackground = flags ? kSuspendMarkColor : kSymbologyBackground;
            CHECK(img.pixelColor(109, 100) == ringOrBackground);
            CHECK(img.pixelColor(91, 100) == ringOrBackground);
            CHECK(img.pixelColor(100, 109) == ringOrBackground);
            CHECK(img.pixelColor(100, 91) == ringOrBackground);
            // The centre keeps the risk colour, so the level still reads.
            CHECK(img.pixelColor(100, 100) == style.categories[category].fill);
            // 13 px beyond the centre is past the ring and its 1 px halo (to 12).
            CHECK(img.pixelColor(113, 100) == kSymbologyBackground);
        }
    }
}

TEST_CASE("a facility keeps its edge on a zone of its own colour (halo)", "[render][marks]") {
    // The default style: 6 px discs, 0.5 px outline, 1 px halo from 3.25 to 4.25 px. The zone
    // below has the facility's own risk colour at the zone layer's opacity.
    const LayerStyle style = factoryStyle();
    const LayerStyle zones = zoneStyle();
    for (std::uint8_t category = 0; category <= 5; ++category) {
        INFO("category " << int(category));
        MapSettings s = sceneOf(200, 200);
        s.background = QColor(252, 250, 242);  // the basemap's land
        LayerBuilder z("z", "z", LayerKind::Zones);
        z.addPolygon("zone", {Polygon{{squareRing(0, 0, 2000, 2000)}}}, category);
        LayerBuilder b("f", "f", LayerKind::Factories);
        b.addPoint("p", atPixel(s, 100, 100), category);
        LayerStyle plain = style;
        plain.haloWidth = 0;
        s.layers = {{z.finish(), zones, true}, {b.finish(), style, true}};
        const QImage img = renderMap(s);
        const QColor zone = img.pixelColor(20, 20);
        const QColor centre = img.pixelColor(100, 100);
        const QColor rim = img.pixelColor(104, 100);  // 3.5..4.5 px out: mostly halo
        CHECK(centre == style.categories[category].fill);
        CHECK(rim.lightness() > zone.lightness() + 8);
        CHECK(rim.lightness() > centre.lightness() + 8);
        // Without the halo that pixel is the zone's own colour.
        s.layers[1].style = plain;
        CHECK(renderMap(s).pixelColor(104, 100) == zone);
    }
    // A wider halo is white all through: 2 px from 6.25 to 8.25 on 12 px symbols.
    MapSettings s = sceneOf(200, 200);
    LayerBuilder b("f", "f", LayerKind::Factories);
    b.addPoint("p", atPixel(s, 100, 100), 3);
    LayerStyle wide = markStyle();
    wide.haloWidth = 2;
    s.layers = {{b.finish(), wide, true}};
    const QImage img = renderMap(s);
    CHECK(img.pixelColor(107, 100).lightness() > 220);
    CHECK(img.pixelColor(110, 100) == kSymbologyBackground);
}

TEST_CASE("marks stay legible at the default 6 px symbol", "[render][marks]") {
    // factoryStyle: 6 px discs with a 0.5 px outline, one mark unit = 1 px. Suspend ring from
    // 3 + 0.75 = 3.75 to 5.5 px: pixel (105, 100) spans 4.5..5.5, nearly all ring. Stale dot
    // radius max(1.25, 1.2) = 1.25 covers the whole centre pixel (corners at 0.71).
    const LayerStyle style = factoryStyle();
    for (std::uint8_t category = 0; category <= 5; ++category) {
        INFO("category " << int(category));
        MapSettings s = sceneOf(200, 200);
        s.background = QColor(243, 238, 224);  // the basemap's land
        LayerBuilder b("f", "f", LayerKind::Factories);
        b.addPoint("suspend", atPixel(s, 100, 100), category);
        b.addPoint("stale", atPixel(s, 50, 50), category);
        s.layers = {{withFlags(*b.finish(), {kFeatureSuspend, kFeatureStale}), style, true}};
        const QImage img = renderMap(s);
        for (const QPoint ring : {QPoint(105, 100), QPoint(95, 100), QPoint(100, 105)})
            CHECK(img.pixelColor(ring).lightness() < 60);
        CHECK(img.pixelColor(100, 100) == style.categories[category].fill);
        CHECK(img.pixelColor(50, 50) == kStaleMarkColor);
    }
}

TEST_CASE("the stale mark is a white centre dot and inspect a blue dot, on every colour",
          "[render][marks]") {
    const LayerStyle style = markStyle();
    for (std::uint8_t category = 0; category <= 5; ++category) {
        INFO("category " << int(category));
        const QColor fill = style.categories[category].fill;
        MapSettings s = sceneOf(200, 200);
        LayerBuilder b("f", "f", LayerKind::Factories);
        b.addPoint("plain", atPixel(s, 50, 50), category);
        b.addPoint("stale", atPixel(s, 100, 100), category);
        b.addPoint("inspect", atPixel(s, 150, 150), category);
        b.addPoint("all", atPixel(s, 150, 50), category);
        s.layers = {{withFlags(*b.finish(), {0, kFeatureStale, kFeatureInspect,
                                             kFeatureStale | kFeatureSuspend | kFeatureInspect}),
                     style, true}};
        const QImage img = renderMap(s);
        CHECK(img.pixelColor(50, 50) == fill);
        CHECK(img.pixelColor(100, 100) == kStaleMarkColor);
        // 4 px out (3.5..4.5, beyond the dot's 3.3 px edge, inside the 6 px disc): fill.
        CHECK(img.pixelColor(104, 100) == fill);
        CHECK(img.pixelColor(96, 100) == fill);
        CHECK(img.pixelColor(150, 150) == fill);
        // Inspect: the blue dot's centre is (156.44, 144.56); pixel (155, 145) lies within
        // 0.6 px of it, inside its 4 px radius.
        CHECK(img.pixelColor(155, 145) == kInspectMarkColor);
        CHECK(img.pixelColor(157, 144) == kInspectMarkColor);
        CHECK(img.pixelColor(55, 45) != kInspectMarkColor);  // the same spot, plain symbol
        // All three marks on one symbol: centre white, ring black (opposite the blue dot).
        CHECK(img.pixelColor(150, 50) == kStaleMarkColor);
        CHECK(img.pixelColor(141, 50) == kSuspendMarkColor);
        CHECK(img.pixelColor(150, 59) == kSuspendMarkColor);
    }
}

TEST_CASE("the legend's drawPointSymbol paints what the map stamps", "[render][marks]") {
    const LayerStyle style = markStyle();
    for (std::uint8_t category : {std::uint8_t{0}, std::uint8_t{3}, std::uint8_t{5}})
        for (std::uint8_t flags :
             {std::uint8_t{0}, kFeatureSuspend, kFeatureStale,
              static_cast<std::uint8_t>(kFeatureSuspend | kFeatureStale | kFeatureInspect)}) {
            INFO("category " << int(category) << " flags " << int(flags));
            MapSettings s = sceneOf(60, 60);
            LayerBuilder b("f", "f", LayerKind::Factories);
            b.addPoint("p", atPixel(s, 30, 30), category);
            s.layers = {{withFlags(*b.finish(), {flags}), style, true}};
            const QImage map = renderMap(s);

            QImage legend(60, 60, QImage::Format_ARGB32_Premultiplied);
            legend.fill(kSymbologyBackground);
            {
                QPainter p(&legend);
                p.setRenderHint(QPainter::Antialiasing);
                drawPointSymbol(p, QPointF(30.5, 30.5), style, category, flags);
            }
            int worst = 0;
            for (int y = 0; y < 60; ++y)
                for (int x = 0; x < 60; ++x) {
                    const QColor a = map.pixelColor(x, y);
                    const QColor b2 = legend.pixelColor(x, y);
                    worst = std::max({worst, std::abs(a.red() - b2.red()),
                                      std::abs(a.green() - b2.green()),
                                      std::abs(a.blue() - b2.blue())});
                }
            // Stamping composes an antialiased edge once more: a step or two of rounding.
            CHECK(worst <= 3);
        }
}

TEST_CASE("decimation keeps the most severe point of a cell", "[render][marks]") {
    const LayerStyle style = markStyle();
    const auto& risk = style.categories;
    struct Case {
        std::uint8_t catA, flagsA, catB, flagsB;
        QColor centre;  // expected at the symbol's centre
        QColor ring;    // expected at 9 px to the right
    };
    const Case cases[] = {
        // A plain very-high site and a suspended very-low one on the same spot: suspend wins.
        {5, 0, 1, kFeatureSuspend, risk[1].fill, kSuspendMarkColor},
        // Either order in the data.
        {1, kFeatureSuspend, 5, 0, risk[1].fill, kSuspendMarkColor},
        // A higher category beats a stale assessment of a lower one.
        {2, kFeatureStale, 4, 0, risk[4].fill, kSymbologyBackground},
        // Same category: the stale one wins (its white dot shows).
        {3, 0, 3, kFeatureStale, kStaleMarkColor, kSymbologyBackground},
    };
    for (const Case& c : cases) {
        MapSettings s = sceneOf(200, 200);
        LayerBuilder b("f", "f", LayerKind::Factories);
        b.addPoint("a", atPixel(s, 100, 100), c.catA);
        b.addPoint("b", atPixel(s, 100, 100), c.catB);
        s.layers = {{withFlags(*b.finish(), {c.flagsA, c.flagsB}), style, true}};
        RenderStats stats;
        const QImage img = renderMap(s, nullptr, &stats);
        CHECK(stats.featuresDrawn == 1);
        CHECK(stats.pointsDecimated == 1);
        CHECK(img.pixelColor(100, 100) == c.centre);
        CHECK(img.pixelColor(109, 100) == c.ring);
    }
}

TEST_CASE("size classes follow the workforce bands and double the area per class",
          "[render][size]") {
    LayerStyle style;
    style.sizeByValue = true;
    CHECK(sizeClassOf(style, 1) == 0);
    CHECK(sizeClassOf(style, 99.9f) == 0);
    CHECK(sizeClassOf(style, 100) == 1);
    CHECK(sizeClassOf(style, 499) == 1);
    CHECK(sizeClassOf(style, 500) == 2);
    CHECK(sizeClassOf(style, 999) == 2);
    CHECK(sizeClassOf(style, 1000) == 3);
    CHECK(sizeClassOf(style, 4999) == 3);
    CHECK(sizeClassOf(style, 5000) == 4);
    CHECK(sizeClassOf(style, 250000) == 4);
    CHECK(sizeClassOf(style, NAN) == kDefaultSizeClass);
    CHECK(sizeClassOf(style, 0) == kDefaultSizeClass);
    style.sizeByValue = false;
    CHECK(sizeClassOf(style, 8000) == kDefaultSizeClass);

    style.pointSize = 10;
    CHECK(sizeClassDiameter(style, 0) == Approx(7.0711).epsilon(1e-4));
    CHECK(sizeClassDiameter(style, 1) == Approx(10));
    CHECK(sizeClassDiameter(style, 4) == Approx(28.2843).epsilon(1e-4));
}

TEST_CASE("bigger workforces paint bigger symbols", "[render][size]") {
    // One point per class on a row, 60 px apart; pointSize 10 gives diameters of
    // 7.07, 10, 14.14, 20 and 28.28 px; a NaN workforce draws at 10 px.
    const QColor fill(250, 200, 0);
    MapSettings s = sceneOf(420, 60);
    LayerBuilder b("f", "f", LayerKind::Factories);
    const float workers[] = {50, 300, 700, 2000, 8000, NAN};
    const double expected[] = {7.07, 10, 14.14, 20, 28.28, 10};
    for (int i = 0; i < 6; ++i)
        b.addPoint(numbered("p", i), atPixel(s, 30 + 60 * i, 30), 0, workers[i]);
    LayerStyle style;
    style.categories = {{fill, fill}};
    style.pointSize = 10;
    style.strokeWidth = 0;
    style.sizeByValue = true;
    s.layers = {{b.finish(), style, true}};
    const QImage img = renderMap(s);
    int previous = 0;
    for (int i = 0; i < 6; ++i) {
        INFO("class of " << workers[i] << " workers");
        const int width = paintedWidth(img, 30 + 60 * i, 30, fill);
        CHECK(std::abs(width - expected[i]) <= 1.0);
        if (i < 5)
            CHECK(width > previous);
        previous = width;
    }

    // Without sizeByValue every symbol is 10 px.
    s.layers[0].style.sizeByValue = false;
    const QImage plain = renderMap(s);
    const int first = paintedWidth(plain, 30, 30, fill);
    CHECK(std::abs(first - 10) <= 1);
    for (int i = 1; i < 6; ++i)
        CHECK(paintedWidth(plain, 30 + 60 * i, 30, fill) == first);
}

TEST_CASE("facility names show when few are in view, around their symbols, never overlapping",
          "[render][labels]") {
    safemap::test::ensureGuiApp();
    MapSettings s = sceneOf(360, 200);
    s.background = Qt::white;
    // Facilities in a row 12 px apart, names longer than the gaps, one far off, and one at
    // the right edge whose name fits nowhere but on the right, past the edge.
    LayerBuilder points("f", "f", LayerKind::Factories);
    const int xs[] = {150, 162, 174, 186};
    for (int i = 0; i < 4; ++i)
        points.addPoint(numbered("f", i), atPixel(s, xs[i], 100), 3, NAN,
                        numbered("Công ty Dệt may ", i));
    points.addPoint("far", atPixel(s, 20, 20), 3, NAN, "Nhà máy Bắc Ninh");
    points.addPoint("edge", atPixel(s, 354, 100), 3, NAN, "Công ty Cơ khí Biên");
    LayerStyle named = factoryStyle();
    named.labelMaxScale = 0;  // this scene is 1:37,800, beyond the street-scale default
    s.layers = {{points.finish(), named, true}};

    RenderStats stats;
    const QImage img = renderMap(s, nullptr, &stats);
    // The far one and at least the two ends of the row find room.
    REQUIRE(stats.labelsDrawn >= 3);
    for (std::size_t i = 0; i < stats.labelBoxes.size(); ++i)
        for (std::size_t j = i + 1; j < stats.labelBoxes.size(); ++j)
            CHECK_FALSE(stats.labelBoxes[i].intersects(stats.labelBoxes[j]));
    // No name covers a symbol: 6 px discs with a 0.5 px outline and a 1 px halo, centred at
    // (x + 0.5, y + 0.5).
    for (const QRectF& box : stats.labelBoxes)
        for (int x : {150, 162, 174, 186, 20, 354}) {
            const int y = x == 20 ? 20 : 100;
            CHECK_FALSE(box.intersects(QRectF(x + 0.5 - 4.25, y + 0.5 - 4.25, 8.5, 8.5)));
        }
    // Every name lies whole inside the image: the one at the edge went left of its symbol
    // (never clipped at the edge).
    for (const QRectF& box : stats.labelBoxes)
        CHECK(QRectF(0, 0, 360, 200).contains(box));
    const auto edge = std::find(stats.labelTexts.begin(), stats.labelTexts.end(),
                                QStringLiteral("Công ty Cơ khí Biên"));
    REQUIRE(edge != stats.labelTexts.end());
    CHECK(stats.labelBoxes[static_cast<std::size_t>(edge - stats.labelTexts.begin())].right() <
          354);
    // The far facility's name sits right of its symbol (from x = 20.5 + 4.25 + 3 ≈ 28).
    CHECK(darkPixels(img, QRect(28, 14, 40, 13)) > 20);
    CHECK(darkPixels(img, QRect(0, 0, 16, 40)) == 0);
}

TEST_CASE("facility names win over the zone name they would overlap", "[render][labels]") {
    safemap::test::ensureGuiApp();
    MapSettings s = sceneOf(300, 200);
    // Zone square 500..2500 × 0..2000 → pixels x 50..250, y 0..200: its name is centred on
    // (150, 100). A facility at (140, 100) puts its name right of it, over that spot.
    LayerBuilder zones("z", "z", LayerKind::Zones);
    zones.addPolygon("kcn", {Polygon{{squareRing(500, 0, 2500, 2000)}}}, 0, "KCN Quế Võ");
    LayerBuilder points("f", "f", LayerKind::Factories);
    points.addPoint("f", atPixel(s, 140, 100), 3, NAN, "Công ty May Hưng Yên");
    LayerStyle named = factoryStyle();
    named.labelMaxScale = 0;
    s.layers = {{zones.finish(), zoneStyle(), true}, {points.finish(), named, true}};
    RenderStats stats;
    renderMap(s, nullptr, &stats);
    REQUIRE(stats.labelsDrawn == 2);
    // The facility's name first, right of the symbol: from 140.5 + 7.25 − 2 (padding),
    // centred on y = 100.5; it takes the zone's middle.
    CHECK(stats.labelTexts[0] == QStringLiteral("Công ty May Hưng Yên"));
    CHECK(stats.labelBoxes[0].left() == Approx(145.75).margin(1.5));
    CHECK(stats.labelBoxes[0].contains(QPointF(150, 100)));
    // The zone's name moves a line up or down instead, clear of the name and the symbol.
    CHECK(stats.labelTexts[1] == QStringLiteral("KCN Quế Võ"));
    CHECK_FALSE(stats.labelBoxes[1].intersects(stats.labelBoxes[0]));
    CHECK_FALSE(stats.labelBoxes[1].intersects(QRectF(140.5 - 4.25, 100.5 - 4.25, 8.5, 8.5)));
    CHECK(std::abs(stats.labelBoxes[1].center().y() - 100) > 8);

    // With the facility filtered out the zone is named at its centre.
    s.layers[1].data = withFlags(*s.layers[1].data, {kFeatureHidden});
    renderMap(s, nullptr, &stats);
    REQUIRE(stats.labelsDrawn == 1);
    CHECK(stats.labelBoxes[0].center().x() == Approx(150).margin(1.5));
    CHECK(stats.labelBoxes[0].center().y() == Approx(100).margin(1.5));
}

TEST_CASE("facility names only at street scale, zone names once they fit", "[render][labels]") {
    safemap::test::ensureGuiApp();
    // A zone 400 m across with a facility in it, seen at 1:10,000 and 1:100,000 (on a
    // 300 × 200 px screen at 96 dpi, about 0.8 km and 8 km across at the equator).
    LayerBuilder zones("z", "z", LayerKind::Zones);
    zones.addPolygon("kcn", {Polygon{{squareRing(-200, -200, 200, 200)}}}, 0, "KCN Quế Võ");
    LayerBuilder points("f", "f", LayerKind::Factories);
    points.addPoint("f", at(-150, 150), 3, NAN, "Công ty May Hưng Yên");
    MapSettings s;
    s.outputSize = QSize(300, 200);
    s.layers = {{zones.finish(), zoneStyle(), true}, {points.finish(), factoryStyle(), true}};
    auto texts = [&](double scale) {
        s.extent = extentForScale(QPointF(0, 0), scale, s.outputSize);
        RenderStats stats;
        renderMap(s, nullptr, &stats);
        return stats.labelTexts;
    };
    const QString facility = QStringLiteral("Công ty May Hưng Yên");
    const QString zone = QStringLiteral("KCN Quế Võ");
    CHECK(texts(10000) == std::vector<QString>{facility, zone});
    // At 1:100,000 the zone is 15 px wide, its name about 60: neither is named.
    CHECK(texts(100000).empty());
    // Just past street scale the facility loses its name; the zone (60 px) keeps its own.
    CHECK(texts(30000) == std::vector<QString>{zone});
}

TEST_CASE("facility names are left out when many facilities are in view", "[render][labels]") {
    safemap::test::ensureGuiApp();
    // 18 × 18 = 324 facilities 20 px apart (none decimated): above the 300 that get names.
    MapSettings s = sceneOf(380, 380);
    LayerBuilder b("f", "f", LayerKind::Factories);
    for (int i = 0; i < 18; ++i)
        for (int j = 0; j < 18; ++j)
            b.addPoint(std::to_string(i * 18 + j), atPixel(s, 10 + 20 * i, 10 + 20 * j), 2, NAN,
                       "F");
    LayerStyle named = factoryStyle();
    named.labelMaxScale = 0;  // the scene is 1:37,800
    s.layers = {{b.finish(), named, true}};
    RenderStats stats;
    renderMap(s, nullptr, &stats);
    CHECK(stats.featuresDrawn == 324);
    CHECK(stats.labelsDrawn == 0);
    // Filter 30 out: 294 in view, and they are named.
    std::vector<std::uint8_t> flags(324, 0);
    for (int k = 0; k < 30; ++k)
        flags[static_cast<std::size_t>(k)] = kFeatureHidden;
    s.layers[0].data = withFlags(*s.layers[0].data, flags);
    renderMap(s, nullptr, &stats);
    CHECK(stats.featuresDrawn == 294);
    CHECK(stats.labelsDrawn > 0);
}

TEST_CASE("labels draw Vietnamese diacritics", "[render][labels]") {
    safemap::test::ensureGuiApp();
    const QString name = QStringLiteral("Công ty Dệt may Hưng Yên – Quế Võ, Bắc Ninh, Đồng Đăng");
    const QFont font = mapLabelFont(14);
    const QRawFont raw = QRawFont::fromFont(font);
    REQUIRE(raw.isValid());
    for (const QChar c : name) {
        INFO("U+" << QString::number(c.unicode(), 16).toStdString());
        CHECK(raw.supportsCharacter(c));
    }
    // Rendered as a label, the marks add ink: "Dệt" has more dark pixels than "Det".
    auto labelInk = [](const std::string& label) {
        MapSettings s = sceneOf(200, 40);
        s.background = Qt::white;
        LayerBuilder b("f", "f", LayerKind::Factories);
        b.addPoint("p", at(105, 205), 0, NAN, label);  // pixel (10, 19)
        LayerStyle style = factoryStyle();
        style.categories = {{Qt::white, Qt::white}};
        style.labelMaxScale = 0;
        s.layers = {{b.finish(), style, true}};
        const QImage img = renderMap(s);
        return darkPixels(img, QRect(16, 0, 184, 40));
    };
    const std::size_t plain = labelInk("Det Ho");
    INFO("plain " << plain);
    const std::size_t marked = labelInk("Dệt Hồ");
    CHECK(plain > 10);
    CHECK(marked > plain + 3);
}

TEST_CASE("the selection is drawn over every layer, decimated or not, never when hidden",
          "[render][flags]") {
    // Two points on pixel (100, 100), 10 px discs: "low" loses its cell to "high". A ring of
    // 2 px sits 2 px outside the disc (radius 5 + 2 = 7): pixel (107, 100) is on it.
    MapSettings s = sceneOf(200, 200);
    const QColor red(255, 0, 0);
    LayerBuilder b("f", "f", LayerKind::Factories);
    b.addPoint("high", atPixel(s, 100, 100), 5);
    b.addPoint("low", atPixel(s, 100, 100), 1);
    LayerStyle style;
    style.categories = std::vector<CategoryStyle>(6, {red, red});
    style.pointSize = 10;
    style.strokeWidth = 0;
    // A zone over the points, drawn above them: the ring still shows on top of its fill.
    LayerBuilder z("z", "z", LayerKind::Zones);
    z.addPolygon("zone", {Polygon{{squareRing(0, 0, 2000, 2000)}}});
    LayerStyle zoneStyle;
    zoneStyle.categories = {{QColor(0, 200, 0), QColor(0, 200, 0)}};
    s.layers = {{b.finish(), style, true}, {z.finish(), zoneStyle, true}};
    const QColor ring = style.selectionColor;
    auto isRing = [&](QColor c) {
        return std::abs(c.red() - ring.red()) < 40 && std::abs(c.green() - ring.green()) < 40 &&
               std::abs(c.blue() - ring.blue()) < 40;
    };
    CHECK_FALSE(isRing(renderMap(s).pixelColor(107, 100)));
    s.selectedIds = {"low"};
    RenderStats stats;
    const QImage img = renderMap(s, nullptr, &stats);
    CHECK(stats.pointsDecimated == 1);
    CHECK(isRing(img.pixelColor(107, 100)));
    CHECK(isRing(img.pixelColor(100, 93)));
    s.layers[0].data = withFlags(*s.layers[0].data, {0, kFeatureHidden});
    CHECK_FALSE(isRing(renderMap(s).pixelColor(107, 100)));
}
