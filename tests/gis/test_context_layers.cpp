// Context layers (issue 11): any vector file OGR reads, VN-2000 included, drawn as a reference
// layer with its style and names; a file that went missing is a clear error, not a crash.
#include <QImage>
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "core/project/imports.h"
#include "core/project/project.h"
#include "core/project/project_facts.h"
#include "core/project/project_status.h"
#include "gis/io/context_read.h"
#include "gis/project/context_layers.h"
#include "gis/project/map_composition.h"
#include "gis/render/map_renderer.h"
#include "gis/render/web_mercator.h"
#include "test_render_support.h"
#include "test_support.h"

using namespace safemap;

namespace {

// Five industrial zones of Lạng Sơn in VN-2000 / TM-3 107-15 (a .prj says so).
const std::string kVn2000Shapefile =
    sourcePath("data/sites/lang_son_ccn_vn2000/lang_son_ccn_vn2000.shp");

// The lon/lat box of every vertex of an area.
BBox lonLatBox(const MultiPolygon& area) {
    BBox box;
    for (const auto& polygon : area)
        for (const auto& ring : polygon.rings)
            for (const GeoPoint& p : ring)
                box.extend(p.lon, p.lat);
    return box;
}

// The shapefile copied without its .prj: a file that declares no CRS.
std::string copyWithoutPrj(const TempDir& dir) {
    namespace fs = std::filesystem;
    const fs::path from(kVn2000Shapefile);
    for (const char* ext : {".shp", ".shx", ".dbf", ".cpg"})
        fs::copy_file(fs::path(from).replace_extension(ext), dir.file(std::string("noprj") + ext));
    return dir.file("noprj.shp");
}

int pixelsNear(const QImage& img, const QColor& colour, int tolerance) {
    int n = 0;
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x) {
            const QColor c = img.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) <= tolerance &&
                std::abs(c.green() - colour.green()) <= tolerance &&
                std::abs(c.blue() - colour.blue()) <= tolerance)
                ++n;
        }
    return n;
}

}  // namespace

TEST_CASE("a VN-2000 shapefile reads as areas in lon/lat with names from its field", "[context]") {
    ContextReadOptions options;
    options.labelField = "name";
    auto read = readContextFeatures(kVn2000Shapefile, options);
    INFO((read.ok() ? std::string() : read.error().describe()));
    REQUIRE(read.ok());
    CHECK(read->geometry == SourceGeometry::Polygon);
    REQUIRE(read->areas.size() == 5);
    REQUIRE(read->labels.size() == 5);
    CHECK(read->labels[0] == "Khu công nghiệp Đồng Bành");
    CHECK(std::find(read->fields.begin(), read->fields.end(), "district") != read->fields.end());
    CHECK(read->skipped == 0);
    // Khu công nghiệp Đồng Bành lies near 106.50 E, 21.595 N (projected with GDAL by hand);
    // TM-3 metres read as degrees, or the wrong zone, would put it far away.
    const BBox box = lonLatBox(read->areas[0]);
    const double lon = (box.minX + box.maxX) / 2, lat = (box.minY + box.maxY) / 2;
    CHECK(lon == Approx(106.50).margin(0.02));
    CHECK(lat == Approx(21.595).margin(0.02));
}

TEST_CASE("a file without a CRS needs one given; VN2000:<province> places it", "[context]") {
    TempDir dir;
    const std::string file = copyWithoutPrj(dir);
    auto refused = readContextFeatures(file, {});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("coordinate reference system") != std::string::npos);
    CHECK(refused.error().file.find("noprj") != std::string::npos);

    ContextReadOptions options;
    options.sourceCrs = "VN2000:Lạng Sơn";
    auto read = readContextFeatures(file, options);
    INFO((read.ok() ? std::string() : read.error().describe()));
    REQUIRE(read.ok());
    const BBox box = lonLatBox(read->areas[0]);
    CHECK((box.minX + box.maxX) / 2 == Approx(106.50).margin(0.02));
    CHECK((box.minY + box.maxY) / 2 == Approx(21.595).margin(0.02));
}

TEST_CASE("a label field the layer lacks is refused, naming the field", "[context]") {
    ContextReadOptions options;
    options.labelField = "ten_duong";
    auto read = readContextFeatures(kVn2000Shapefile, options);
    REQUIRE_FALSE(read.ok());
    CHECK(read.error().message.find("ten_duong") != std::string::npos);
}

TEST_CASE("a mixed file keeps its main geometry kind and counts the rest", "[context]") {
    TempDir dir;
    const std::string path = dir.file("duong.geojson");
    std::ofstream(path) << R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"ten":"QL1A"},"geometry":{"type":"LineString","coordinates":[[105.9,20.5],[105.95,20.6]]}},
{"type":"Feature","properties":{"ten":"QL21"},"geometry":{"type":"MultiLineString","coordinates":[[[105.8,20.5],[105.9,20.55]],[[105.9,20.55],[106.0,20.52]]]}},
{"type":"Feature","properties":{"ten":"Trạm"},"geometry":{"type":"Point","coordinates":[105.92,20.54]}},
{"type":"Feature","properties":{"ten":"rỗng"},"geometry":null}]})";
    ContextReadOptions options;
    options.labelField = "ten";
    auto read = readContextFeatures(path, options);
    INFO((read.ok() ? std::string() : read.error().describe()));
    REQUIRE(read.ok());
    CHECK(read->geometry == SourceGeometry::Line);
    REQUIRE(read->lines.size() == 2);
    CHECK(read->lines[1].size() == 2);  // both parts of the multi-line
    CHECK(read->labels == std::vector<std::string>{"QL1A", "QL21"});
    CHECK(read->skipped == 2);  // the point and the feature without geometry
}

TEST_CASE("a missing file leaves its layer out with a message; the others load", "[context]") {
    TempDir dir;
    const std::string project = dir.file("p.gpkg");
    ContextLayer kept;
    kept.id = "context-1";
    kept.title = "Cụm công nghiệp";
    kept.path = kVn2000Shapefile;
    ContextLayer gone;
    gone.id = "context-2";
    gone.title = "Đường tỉnh";
    gone.path = "roads/duong_tinh.shp";  // relative to the project: not there
    const ContextLayersLoad load = loadContextLayers(project, {gone, kept});
    REQUIRE(load.layers.size() == 1);
    CHECK(load.layers[0].data->id == "context-1");
    CHECK(load.layers[0].data->kind == LayerKind::Basemap);
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0].message.find("Đường tỉnh") != std::string::npos);
    CHECK(load.problems[0].message.find("missing") != std::string::npos);
    CHECK(load.problems[0].file == dir.file("roads/duong_tinh.shp"));
}

TEST_CASE("a context layer draws in its colours with its names", "[context]") {
    test::ensureGuiApp();
    ContextLayer layer;
    layer.id = "context-1";
    layer.title = "Cụm công nghiệp (VN-2000)";
    layer.path = kVn2000Shapefile;
    layer.style.lineColour = "#c0109a";
    layer.style.fillColour = "#10c0a080";
    layer.style.lineWidth = 3;
    layer.style.labelField = "name";
    auto data = loadContextLayerData("/nowhere/p.gpkg", layer, nullptr);
    INFO((data.ok() ? std::string() : data.error().describe()));
    REQUIRE(data.ok());
    const LayerRender render = styledContextLayer(*data, layer);
    CHECK(render.style.categories.at(0).stroke == QColor(0xc0, 0x10, 0x9a));
    CHECK(render.style.categories.at(0).fill == QColor(0x10, 0xc0, 0xa0, 0x80));

    // Around Khu công nghiệp Đồng Bành, close enough for its name to fit inside.
    MapSettings s;
    s.extent = toMercator(BBox{106.47, 21.575, 106.53, 21.615});
    s.outputSize = QSize(600, 400);
    s.layers = {render};
    RenderStats stats;
    const QImage img = renderMap(s, nullptr, &stats);
    CHECK(pixelsNear(img, QColor(0xc0, 0x10, 0x9a), 40) > 100);  // the outline
    CHECK(std::find(stats.labelTexts.begin(), stats.labelTexts.end(),
                    QString::fromUtf8("Khu công nghiệp Đồng Bành")) != stats.labelTexts.end());

    // Without the layer nothing of its colour is drawn: the pixels above are the layer's.
    s.layers.clear();
    CHECK(pixelsNear(renderMap(s), QColor(0xc0, 0x10, 0x9a), 40) == 0);
}

TEST_CASE("context layers sit between the basemap and the zones and never count as sites",
          "[context]") {
    TempDir dir;
    auto project = Project::create(dir.file("p.gpkg"));
    REQUIRE(project.ok());
    SiteBatch b;
    Zone z;
    z.id = "Z1";
    z.name = "KCN Thử";
    z.area = {Polygon{
        {{{105.80, 21.00}, {105.82, 21.00}, {105.82, 21.02}, {105.80, 21.02}, {105.80, 21.00}}}}};
    b.zones.push_back(z);
    REQUIRE(importSites(*project, b, "test").ok());
    auto facts = loadProjectFacts(*project);
    REQUIRE(facts.ok());
    const ProjectStatus status = computeStatus(*facts, RuleSettings{});

    ContextLayer layer;
    layer.id = "context-1";
    layer.title = "Lạng Sơn";
    layer.path = kVn2000Shapefile;
    const ContextLayersLoad load = loadContextLayers(project->location(), {layer});
    REQUIRE(load.layers.size() == 1);
    const MapGeometry geometry = buildMapGeometry(*facts, {}, load.layers);
    const MapContent content = composeMap(geometry, *facts, status, {}, {}, SiteFilter{});
    std::vector<std::string> ids;
    for (const auto& l : content.layers)
        ids.push_back(l.data->id);
    const auto at = [&](const char* id) {
        return std::find(ids.begin(), ids.end(), id) - ids.begin();
    };
    CHECK(at("context-1") < at("zones"));
    CHECK(at("zones") < static_cast<long>(ids.size()));
    // The zone alone sets the extent, not the zones of Lạng Sơn 80 km away.
    const BBox box = sitesExtent(content, 0.0);
    const QPointF corner = toMercator(GeoPoint{105.82, 21.02});
    CHECK(box.maxX == Approx(corner.x()).margin(1));
    CHECK(box.maxY == Approx(corner.y()).margin(1));
}
