// The offline basemap of Việt Nam (data/basemap/): every layer loads, names come out in the
// UI language, Hoàng Sa and Trường Sa are drawn and named as Việt Nam's, and the map matches
// reference images at two scales (the whole country; one province).
//
// The reference images are tests/data/render/basemap_*.png. After a deliberate change of the
// basemap's look, write them again with
//     SAFEMAP_UPDATE_REFERENCE_IMAGES=1 build/ci/tests/test_gis "[basemap]"
// and look at them before committing.
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>

#include "gis/render/basemap_attribution.h"
#include "gis/render/basemap_layers.h"
#include "gis/render/map_renderer.h"
#include "gis/render/web_mercator.h"
#include "test_render_support.h"
#include "test_support.h"

using namespace safemap;

namespace {

const std::string kDataDir = sourcePath("data");
// The whole country with both archipelagos, and Hà Nam province with its neighbours.
const BBox kVietnam{102.1, 6.9, 117.0, 23.4};
const BBox kHaNam{105.75, 20.30, 106.20, 20.75};
const QSize kReferenceSize(800, 500);

const std::vector<LayerRender>& basemap(MapLanguage language) {
    static const auto vi = loadBasemapLayers(kDataDir, MapLanguage::Vietnamese);
    static const auto en = loadBasemapLayers(kDataDir, MapLanguage::English);
    const auto& loaded = language == MapLanguage::Vietnamese ? vi : en;
    INFO((loaded.ok() ? std::string() : loaded.error().describe()));
    REQUIRE(loaded.ok());
    return *loaded;
}

const LayerData& layer(const std::vector<LayerRender>& layers, const std::string& id) {
    const auto it = std::find_if(layers.begin(), layers.end(),
                                 [&](const LayerRender& l) { return l.data->id == id; });
    REQUIRE(it != layers.end());
    return *it->data;
}

bool hasLabel(const LayerData& data, const std::string& label) {
    return std::find(data.labels.begin(), data.labels.end(), label) != data.labels.end();
}

MapSettings view(const BBox& lonLat, MapLanguage language) {
    safemap::test::ensureGuiApp();
    MapSettings s;
    s.extent = toMercator(lonLat);
    s.outputSize = kReferenceSize;
    s.layers = basemap(language);
    return s;
}

bool contains(const std::vector<QString>& texts, const char* text) {
    return std::find(texts.begin(), texts.end(), QString::fromUtf8(text)) != texts.end();
}

// Share of pixels whose colour differs by more than `tolerance` in some channel.
double differingShare(const QImage& a, const QImage& b, int tolerance) {
    if (a.size() != b.size())
        return 1.0;
    const QImage x = a.convertToFormat(QImage::Format_ARGB32);
    const QImage y = b.convertToFormat(QImage::Format_ARGB32);
    std::size_t differ = 0;
    for (int row = 0; row < x.height(); ++row) {
        const auto* p = reinterpret_cast<const QRgb*>(x.constScanLine(row));
        const auto* q = reinterpret_cast<const QRgb*>(y.constScanLine(row));
        for (int col = 0; col < x.width(); ++col)
            if (std::abs(qRed(p[col]) - qRed(q[col])) > tolerance ||
                std::abs(qGreen(p[col]) - qGreen(q[col])) > tolerance ||
                std::abs(qBlue(p[col]) - qBlue(q[col])) > tolerance)
                ++differ;
    }
    return static_cast<double>(differ) / (static_cast<double>(x.width()) * x.height());
}

// Compares with tests/data/render/<name>.png: at most 1 % of the pixels may differ by more
// than 40 levels (antialiasing and glyph rasterisation may move an edge by a pixel; a moved
// label, a missing layer or a new colour changes far more).
void checkReference(const QImage& image, const std::string& name) {
    const QString path =
        QString::fromStdString(std::string(SAFEMAP_TEST_DATA) + "/render/" + name + ".png");
    if (qEnvironmentVariableIsSet("SAFEMAP_UPDATE_REFERENCE_IMAGES")) {
        QDir().mkpath(QFileInfo(path).path());
        REQUIRE(image.save(path, "PNG"));
        WARN("reference image written: " << path.toStdString());
        return;
    }
    const QImage reference(path);
    REQUIRE_FALSE(reference.isNull());
    const double share = differingShare(image, reference, 40);
    const QString actual = QDir::temp().filePath(QString::fromStdString(name) + "-actual.png");
    if (share > 0.01)
        image.save(actual, "PNG");
    INFO(name << ": " << share * 100
              << " % of the pixels differ; this render: " << actual.toStdString());
    CHECK(share <= 0.01);
}

}  // namespace

TEST_CASE("every basemap layer loads, in drawing order, with its features", "[basemap]") {
    const auto& layers = basemap(MapLanguage::Vietnamese);
    std::vector<std::string> ids;
    for (const LayerRender& l : layers) {
        ids.push_back(l.data->id);
        CHECK(l.data->kind == LayerKind::Basemap);
        CHECK(l.data->consistent());
        CHECK(l.visible);
    }
    CHECK(ids == std::vector<std::string>{kBasemapLandId, kBasemapArchipelagosId,
                                          kBasemapProvincesId, kBasemapDistrictsId,
                                          kBasemapRiversId, kBasemapTownsId});
    // Counts of data/basemap/README.md.
    CHECK(layer(layers, kBasemapProvincesId).featureCount() == 63);
    CHECK(layer(layers, kBasemapDistrictsId).featureCount() == 692);
    CHECK(layer(layers, kBasemapTownsId).featureCount() == 59);
    CHECK(layer(layers, kBasemapRiversId).featureCount() == 9);
    CHECK(layer(layers, kBasemapArchipelagosId).featureCount() == 2);
    CHECK(layer(layers, kBasemapLandId).featureCount() == 19);
    CHECK(layer(layers, kBasemapTownsId).geometry->isPoints);
    CHECK(layer(layers, kBasemapRiversId).geometry->isLines);

    // Names: Vietnamese, with the usual abbreviations for district-level cities and towns.
    CHECK(hasLabel(layer(layers, kBasemapProvincesId), "Hà Nam"));
    CHECK(hasLabel(layer(layers, kBasemapProvincesId), "Lạng Sơn"));
    CHECK(hasLabel(layer(layers, kBasemapDistrictsId), "TP. Phủ Lý"));
    CHECK(hasLabel(layer(layers, kBasemapDistrictsId), "TX. Duy Tiên"));
    CHECK(hasLabel(layer(layers, kBasemapDistrictsId), "Kim Bảng"));
    CHECK(hasLabel(layer(layers, kBasemapTownsId), "Nam Định"));
    CHECK(hasLabel(layer(layers, kBasemapRiversId), "Sông Hồng"));
    CHECK(hasLabel(layer(layers, kBasemapArchipelagosId), "Quần đảo Hoàng Sa"));
    CHECK(hasLabel(layer(layers, kBasemapArchipelagosId), "Quần đảo Trường Sa"));

    // Countries in the UI language; Việt Nam and the archipelagos' islets share its colour.
    const LayerData& land = layer(layers, kBasemapLandId);
    CHECK(hasLabel(land, "Trung Quốc"));
    CHECK(hasLabel(land, "Lào"));
    CHECK(hasLabel(land, "Campuchia"));
    CHECK_FALSE(hasLabel(land, "China"));
    CHECK_FALSE(hasLabel(land, "Vietnam"));
    int vietnamColoured = 0;
    for (std::size_t f = 0; f < land.featureCount(); ++f)
        if (land.categories[f] == 1) {
            ++vietnamColoured;
            CHECK(land.labels[f].empty());  // named by its provinces and archipelagos
        }
    CHECK(vietnamColoured == 2);  // Việt Nam and the unnamed islets feature
    const auto& en = basemap(MapLanguage::English);
    CHECK(hasLabel(layer(en, kBasemapLandId), "China"));
    CHECK(hasLabel(layer(en, kBasemapArchipelagosId), "Hoang Sa (Paracel) Islands"));
    CHECK(hasLabel(layer(en, kBasemapArchipelagosId), "Truong Sa (Spratly) Islands"));
    CHECK(hasLabel(layer(en, kBasemapRiversId), "Red River"));
    CHECK(hasLabel(layer(en, kBasemapProvincesId), "Hà Nam"));  // Việt Nam's names stay
    CHECK(layer(en, kBasemapDistrictsId).title == "Districts");
    CHECK(layer(layers, kBasemapDistrictsId).title == "Quận, huyện");
}

TEST_CASE("the basemap names the file it cannot read", "[basemap]") {
    TempDir dir;
    auto missing = loadBasemapLayers(dir.path().string(), MapLanguage::English);
    REQUIRE_FALSE(missing.ok());
    CHECK_THAT(missing.error().file, Catch::Contains("countries.geojson"));
    CHECK(countryName("China", MapLanguage::Vietnamese) == "Trung Quốc");
    CHECK(countryName("Thailand", MapLanguage::English) == "Thailand");
    CHECK(countryName("Atlantis", MapLanguage::Vietnamese) == "Atlantis");
    CHECK(countryName("Scarborough Reef", MapLanguage::Vietnamese).empty());
    CHECK(countryName("", MapLanguage::English).empty());
}

TEST_CASE("the basemap attribution names every source and licence", "[basemap]") {
    const std::string full = basemapAttribution(MapLanguage::English, AttributionForm::Full);
    for (const char* part : {"Open Development Mekong", "CC BY-SA 4.0", "dvhcvn", "GNU GPL v3",
                             "General Statistics Office", "Natural Earth", "public domain"})
        CHECK_THAT(full, Catch::Contains(part));
    const std::string line = basemapAttribution(MapLanguage::Vietnamese, AttributionForm::Short);
    CHECK(line.find('\n') == std::string::npos);
    CHECK_THAT(line, Catch::Contains("CC BY-SA 4.0"));
    CHECK_THAT(line, Catch::Contains("Tổng cục Thống kê"));
}

TEST_CASE("whole of Việt Nam: provinces, Hoàng Sa and Trường Sa, neighbours", "[basemap]") {
    const MapSettings s = view(kVietnam, MapLanguage::Vietnamese);
    CHECK(scaleDenominator(s) > kBasemapDetailScale);  // the national overview
    RenderStats stats;
    const QImage img = renderMap(s, nullptr, &stats);
    const MapTransform t(s);
    auto colourAt = [&](double lon, double lat) {
        return img.pixelColor(t.toPixel(toMercator(GeoPoint{lon, lat})).toPoint());
    };
    const QColor vietnam = s.layers[2].style.categories[0].fill;  // provinces
    const QColor neighbour = s.layers[0].style.categories[0].fill;
    CHECK(colourAt(108.0, 13.6) == vietnam);    // Gia Lai
    CHECK(colourAt(105.2, 21.6) == vietnam);    // Phú Thọ – Tuyên Quang
    CHECK(colourAt(103.0, 18.8) == neighbour);  // Laos
    CHECK(colourAt(104.3, 12.6) == neighbour);  // Cambodia
    CHECK(colourAt(111.5, 14.0) == kSeaColor);  // the sea between the coast and the islands
    // The archipelagos' islets are drawn (dots in Việt Nam's outline colours), not sea.
    auto inkIn = [&](const BBox& lonLat) {
        const QRectF r = t.toPixel(toMercator(lonLat));
        int n = 0;
        for (int y = static_cast<int>(r.top()); y <= r.bottom(); ++y)
            for (int x = static_cast<int>(r.left()); x <= r.right(); ++x)
                if (img.pixelColor(x, y) != kSeaColor)
                    ++n;
        return n;
    };
    CHECK(inkIn(BBox{114.0, 7.5, 115.9, 9.0}) > 10);   // Trường Sa, south of its label
    CHECK(inkIn(BBox{111.2, 16.5, 112.8, 17.2}) > 5);  // Hoàng Sa, north of its label
    const auto& texts = stats.labelTexts;
    CHECK(contains(texts, "Quần đảo Hoàng Sa"));
    CHECK(contains(texts, "Quần đảo Trường Sa"));
    CHECK(contains(texts, "Campuchia"));
    CHECK(contains(texts, "Thái Lan"));
    CHECK(contains(texts, "Gia Lai"));
    CHECK(contains(texts, "Nghệ An"));
    // No districts or towns at this scale; everything else is drawn.
    REQUIRE(stats.layerRendered.size() == 6);
    CHECK(stats.layerRendered == std::vector<std::uint8_t>{1, 1, 1, 0, 1, 0});
    // Every label lies whole inside the image, none over another.
    for (std::size_t i = 0; i < stats.labelBoxes.size(); ++i) {
        CHECK(QRectF(QPointF(0, 0), QSizeF(kReferenceSize)).contains(stats.labelBoxes[i]));
        for (std::size_t j = i + 1; j < stats.labelBoxes.size(); ++j)
            CHECK_FALSE(stats.labelBoxes[i].intersects(stats.labelBoxes[j]));
    }
    checkReference(img, "basemap_vietnam");

    // The English map names the same places in English.
    RenderStats en;
    renderMap(view(kVietnam, MapLanguage::English), nullptr, &en);
    CHECK(contains(en.labelTexts, "Hoang Sa (Paracel) Islands"));
    CHECK(contains(en.labelTexts, "Truong Sa (Spratly) Islands"));
    CHECK(contains(en.labelTexts, "Cambodia"));
    CHECK_FALSE(contains(en.labelTexts, "Campuchia"));
}

TEST_CASE("one province: districts, towns and rivers appear", "[basemap]") {
    const MapSettings s = view(kHaNam, MapLanguage::Vietnamese);
    CHECK(scaleDenominator(s) < kBasemapDetailScale);
    RenderStats stats;
    const QImage img = renderMap(s, nullptr, &stats);
    CHECK(stats.layerRendered == std::vector<std::uint8_t>{1, 1, 1, 1, 1, 1});
    const auto& texts = stats.labelTexts;
    CHECK(contains(texts, "Hà Nam"));
    CHECK(contains(texts, "TP. Phủ Lý"));
    CHECK(contains(texts, "Kim Bảng"));
    CHECK(contains(texts, "Nam Định"));  // a town
    CHECK(contains(texts, "Sông Hồng"));
    // District boundaries are drawn: Phủ Lý's boundary with Kim Bảng crosses the view, so
    // the purple-grey district line shows somewhere along the row through Phủ Lý.
    const MapTransform t(s);
    const int row = static_cast<int>(t.toPixel(toMercator(GeoPoint{105.9, 20.54})).y());
    const QColor line = s.layers[3].style.categories[0].stroke;
    int linePixels = 0;
    for (int x = 0; x < img.width(); ++x) {
        const QColor c = img.pixelColor(x, row);
        if (std::abs(c.red() - line.red()) < 30 && std::abs(c.green() - line.green()) < 30 &&
            std::abs(c.blue() - line.blue()) < 30)
            ++linePixels;
    }
    CHECK(linePixels >= 3);
    checkReference(img, "basemap_province");
}

TEST_CASE("basemap names never cover a facility, whatever layer they belong to", "[basemap]") {
    // A facility layer with a symbol right on Nam Định's town label spot and on Hà Nam's
    // province label spot: both names move or give way; none is drawn over a symbol.
    MapSettings s = view(kHaNam, MapLanguage::Vietnamese);
    RenderStats before;
    renderMap(s, nullptr, &before);
    LayerBuilder facilities("factories", "Factories", LayerKind::Factories);
    const MapTransform t(s);
    std::vector<QRectF> symbols;
    for (std::size_t i = 0; i < before.labelTexts.size(); ++i) {
        const QString& text = before.labelTexts[i];
        if (text != QStringLiteral("Nam Định") && text != QStringLiteral("Hà Nam"))
            continue;
        const QPointF c = before.labelBoxes[i].center();
        facilities.addPoint(text.toStdString(), fromMercator(t.toMap(c)), 3);
        symbols.emplace_back(c.x() - 6, c.y() - 6, 12, 12);
    }
    REQUIRE(symbols.size() == 2);
    s.layers.push_back({facilities.finish(), factoryStyle(), true});
    RenderStats after;
    renderMap(s, nullptr, &after);
    for (const QRectF& box : after.labelBoxes)
        for (const QRectF& symbol : symbols)
            CHECK_FALSE(box.intersects(symbol.adjusted(2, 2, -2, -2)));
    CHECK(after.labelsDrawn > 5);
}
