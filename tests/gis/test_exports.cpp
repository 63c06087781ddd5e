// Exports of issue 9 item 4: the map view as SVG (vectors, searchable Vietnamese title) and
// PNG at a chosen size and resolution; lists and facilities as XLSX (GDAL's driver), CSV,
// GeoPackage and GeoJSON, read back with GDAL.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <QFile>
#include <QImage>
#include <QXmlStreamReader>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/criteria/risk_level.h"
#include "core/project/export_table.h"
#include "core/project/list_rows.h"
#include "gis/gdal_boundary.h"
#include "gis/project/scenario_export.h"
#include "gis/report/map_report.h"
#include "sample_report.h"
#include "test_support.h"

using namespace safemap;
using namespace safemap::test;

namespace {

struct Closer {
    void operator()(GDALDataset* d) const { GDALClose(d); }
};
using Dataset = std::unique_ptr<GDALDataset, Closer>;

Dataset openVector(const std::string& path) {
    ensureGdalRegistered();
    return Dataset(GDALDataset::FromHandle(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr)));
}

std::string readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// A facility whose name has diacritics, with the level the scenario gives it.
std::size_t vietnameseNamed(const MapReportData& data) {
    for (std::size_t i = 0; i < data.facts->factories.size(); ++i) {
        const auto& f = data.facts->factories[i];
        if (f.name.find("\xE1\xBA") != std::string::npos && data.status->sites[i].level)
            return i;
    }
    FAIL("the sample has no assessed facility with a Vietnamese name");
    return 0;
}

// Every feature's value of `field`, by site_id.
std::map<std::string, std::string> byId(OGRLayer* layer, const char* field) {
    std::map<std::string, std::string> out;
    layer->ResetReading();
    for (auto& f : *layer)
        out[f->GetFieldAsString("site_id")] = f->GetFieldAsString(field);
    return out;
}

}  // namespace

TEST_CASE("the map view as SVG holds paths and the Vietnamese title", "[export][svg]") {
    SampleReport s;
    MapReportOptions options;
    options.title = "Bản đồ nguy cơ — huyện Duy Tiên";
    MapViewOptions view;
    view.pixels = QSize(1200, 800);
    view.title = true;
    view.legend = true;
    const std::string path = s.dir.file("bản đồ.svg");
    REQUIRE(writeMapView(path, MapViewFormat::Svg, s.data, options, view).ok());
    QFile file(QString::fromStdString(path));
    REQUIRE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    int shapes = 0;
    QString text;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement &&
            (xml.name() == u"path" || xml.name() == u"polyline" || xml.name() == u"polygon" ||
             xml.name() == u"circle" || xml.name() == u"ellipse"))
            ++shapes;
        if (xml.isCharacters())
            text += xml.text();
    }
    INFO(xml.errorString().toStdString());
    CHECK_FALSE(xml.hasError());
    // Polygons of the zones and symbols of the facilities are vector paths, not an image.
    CHECK(shapes > 300);  // at least one per facility
    CHECK(text.contains(QStringLiteral("Bản đồ nguy cơ — huyện Duy Tiên")));
    CHECK(text.contains(QStringLiteral("Chú giải")));  // the legend's heading
    CHECK(readAll(path).find("<image") == std::string::npos);

    // Without title and legend: only the map, no legend or title drawn (the file's
    // <title> element still names it).
    const std::string bare = s.dir.file("bare.svg");
    REQUIRE(writeMapView(bare, MapViewFormat::Svg, s.data, options, MapViewOptions{}).ok());
    CHECK(readAll(bare).find("Chú giải") == std::string::npos);
    CHECK(readAll(bare).find("<title>Bản đồ nguy cơ — huyện Duy Tiên</title>") !=
          std::string::npos);
}

TEST_CASE("the map view as PNG has the chosen size and resolution", "[export][png]") {
    SampleReport s;
    MapReportOptions options;
    MapViewOptions view;
    view.pixels = QSize(900, 600);
    view.dpi = 300;
    const std::string path = s.dir.file("map.png");
    REQUIRE(writeMapView(path, MapViewFormat::Png, s.data, options, view).ok());
    const QImage image(QString::fromStdString(path));
    CHECK(image.size() == QSize(900, 600));
    CHECK(std::abs(image.dotsPerMeterX() - 300 / 0.0254) < 2);
    // With the legend, the right part of the image is the white legend panel; without,
    // the map (sea, land) reaches the right edge.
    view.legend = true;
    const QImage withLegend = mapViewImage(s.data, options, view);
    view.legend = false;
    const QImage bare = mapViewImage(s.data, options, view);
    auto whiteShare = [](const QImage& im) {
        int white = 0, all = 0;
        for (int y = 0; y < im.height(); y += 4)
            for (int x = im.width() * 8 / 10; x < im.width(); x += 4, ++all)
                white += im.pixel(x, y) == qRgb(255, 255, 255);
        return static_cast<double>(white) / all;
    };
    CHECK(whiteShare(withLegend) > 0.5);
    CHECK(whiteShare(bare) < 0.2);
    CHECK_FALSE(writeMapView(path, MapViewFormat::Png, s.data, options,
                             MapViewOptions{QSize(5, 5), 96, false, false})
                    .ok());
}

TEST_CASE("a list as XLSX has the heading on its first sheet and the rows on the second",
          "[export][xlsx]") {
    SampleReport s;
    const std::string path = s.dir.file("danh_sach_dinh_chi.xlsx");
    ScenarioExport request;
    request.format = ExportFormat::Xlsx;
    request.what = ExportKind::InspectList;
    auto written = exportScenario(path, request, *s.data.facts, *s.data.status, {});
    REQUIRE(written.ok());
    const auto rows = listRows(ActionList::ToInspect, *s.data.facts, *s.data.status);
    REQUIRE(!rows.empty());
    CHECK(*written == rows.size());

    ScopedGdalThreadOption headers("OGR_XLSX_HEADERS", "FORCE");
    Dataset ds = openVector(path);
    REQUIRE(ds);
    REQUIRE(ds->GetLayerCount() == 2);
    OGRLayer* about = ds->GetLayer(0);
    CHECK(std::string(about->GetName()) == "Thông tin");
    std::map<std::string, std::string> heading;
    for (auto& f : *about)
        heading[f->GetFieldAsString(0)] = f->GetFieldAsString(1);
    CHECK(heading["Tiêu đề"] == listTitle(ActionList::ToInspect, true));
    CHECK(heading["Tính đến ngày"] == humanDate(s.data.status->asOf, true));
    CHECK(heading["Bộ tiêu chí"].find("crln-1203") != std::string::npos);
    CHECK(heading["Số dòng"] == std::to_string(rows.size()));
    CHECK(heading.count("Bộ lọc") == 1);
    CHECK(heading.count("Lập lúc") == 1);

    OGRLayer* list = ds->GetLayer(1);
    CHECK(list->GetFeatureCount() == static_cast<GIntBig>(rows.size()));
    OGRFeatureDefn* defn = list->GetLayerDefn();
    REQUIRE(defn->GetFieldIndex("name") >= 0);
    // Numbers stay numbers in the spreadsheet.
    CHECK(defn->GetFieldDefn(defn->GetFieldIndex("rank"))->GetType() == OFTInteger);
    list->ResetReading();
    std::size_t i = 0;
    for (auto& f : *list) {
        REQUIRE(i < rows.size());
        CHECK(f->GetFieldAsString("name") == rows[i].name);  // Vietnamese names survive
        CHECK(f->GetFieldAsInteger("rank") == rows[i].rank);
        CHECK(f->GetFieldAsString("reasons") == rows[i].reasonsIn(true));
        ++i;
    }
    CHECK(i == rows.size());
}

TEST_CASE("facilities as GeoPackage and GeoJSON hold every facility with its level",
          "[export][gpkg][geojson]") {
    SampleReport s;
    const std::size_t named = vietnameseNamed(s.data);
    const Factory& vn = s.data.facts->factories[named];
    for (const ExportFormat format : {ExportFormat::GeoPackage, ExportFormat::GeoJson}) {
        const std::string path = s.dir.file("co_so." + exportFormatExtension(format));
        ScenarioExport request;
        request.format = format;
        request.what = ExportKind::Facilities;
        auto written = exportScenario(path, request, *s.data.facts, *s.data.status, {});
        REQUIRE(written.ok());
        CHECK(*written == s.data.facts->factories.size());
        Dataset ds = openVector(path);
        REQUIRE(ds);
        OGRLayer* layer = ds->GetLayer(0);
        REQUIRE(layer);
        CHECK(layer->GetFeatureCount() == static_cast<GIntBig>(s.data.facts->factories.size()));
        const auto levels = byId(layer, "level");
        const auto names = byId(layer, "name");
        for (std::size_t p = 0; p < s.data.facts->factories.size(); ++p) {
            const auto& site = s.data.status->sites[p];
            const std::string& id = s.data.facts->factories[p].id;
            REQUIRE(levels.count(id) == 1);
            CHECK(levels.at(id) ==
                  (site.level ? std::string(riskLevelCode(*site.level)) : std::string()));
        }
        CHECK(names.at(vn.id) == vn.name);
        // Points where the facility is.
        layer->ResetReading();
        for (auto& f : *layer) {
            if (std::string(f->GetFieldAsString("site_id")) != vn.id)
                continue;
            const OGRPoint* pt = f->GetGeometryRef()->toPoint();
            CHECK(pt->getX() == Approx(vn.location.lon).margin(1e-6));
            CHECK(pt->getY() == Approx(vn.location.lat).margin(1e-6));
        }
        // The heading travels as the layer's description.
        const char* description = layer->GetMetadataItem("DESCRIPTION");
        if (format == ExportFormat::GeoPackage) {
            REQUIRE(description);
            CHECK(std::string(description).find("Tính đến ngày") != std::string::npos);
        }
        CHECK(std::filesystem::directory_iterator(s.dir.file("")) !=
              std::filesystem::directory_iterator());
    }
    // No temporary file is left beside the exports.
    for (const auto& e : std::filesystem::directory_iterator(s.dir.file("")))
        CHECK(e.path().string().find(".partial") == std::string::npos);
}

TEST_CASE("a filtered export and a cordon export hold only their facilities", "[export]") {
    SampleReport s;
    SiteFilter filter;
    filter.levels.reset();
    filter.setLevel(RiskLevel::High, true);
    filter.setLevel(RiskLevel::VeryHigh, true);
    const std::string csv = s.dir.file("rat_cao.csv");
    ScenarioExport request;
    request.format = ExportFormat::Csv;
    request.what = ExportKind::Facilities;
    auto written = exportScenario(csv, request, *s.data.facts, *s.data.status, filter);
    REQUIRE(written.ok());
    std::size_t high = 0;
    for (const auto& site : s.data.status->sites)
        high += site.level && *site.level >= RiskLevel::High;
    CHECK(high > 5);
    CHECK(*written == high);
    const std::string text = readAll(csv);
    CHECK(text.rfind("\xEF\xBB\xBF", 0) == 0);  // Excel reads UTF-8
    CHECK(text.find("Bộ lọc") != std::string::npos);
    CHECK(text.find(",very_high,") != std::string::npos);
    CHECK(text.find(",high,") != std::string::npos);
    CHECK(text.find(",very_low,") == std::string::npos);

    const Factory& caseSite = s.data.facts->factories[vietnameseNamed(s.data)];
    auto cordon =
        computeCordon({caseSite.id, 2000, false}, s.data.facts->factories, s.data.facts->zones);
    REQUIRE(cordon.ok());
    request.what = ExportKind::Cordon;
    request.format = ExportFormat::Xlsx;
    request.cordon = *cordon;
    const std::string xlsx = s.dir.file("vung_phong_toa.xlsx");
    written = exportScenario(xlsx, request, *s.data.facts, *s.data.status, filter);
    REQUIRE(written.ok());
    CHECK(*written == cordon->facilityIds.size());
    ScopedGdalThreadOption headers("OGR_XLSX_HEADERS", "FORCE");
    Dataset ds = openVector(xlsx);
    REQUIRE(ds);
    std::string title;
    for (auto& f : *ds->GetLayer(0))
        if (std::string(f->GetFieldAsString(0)) == "Tiêu đề")
            title = f->GetFieldAsString(1);
    CHECK(title.find(caseSite.name) != std::string::npos);
    const auto names = byId(ds->GetLayer(1), "name");
    CHECK(names.size() == cordon->facilityIds.size());
    CHECK(names.at(caseSite.id) == caseSite.name);
}

TEST_CASE("export file names are dated and in the UI language", "[export]") {
    const Date d = *parseDate("2021-06-26");
    CHECK(exportFileName(ExportKind::SuspendList, d, true, "xlsx") ==
          "danh_sach_dinh_chi_2021-06-26.xlsx");
    CHECK(exportFileName(ExportKind::InspectList, d, false, "csv") ==
          "inspection_list_2021-06-26.csv");
    CHECK(exportFormatOfPath("A.GeoJSON") == ExportFormat::GeoJson);
    CHECK(exportFormatOfPath("a.gpkg") == ExportFormat::GeoPackage);
    CHECK_FALSE(exportFormatOfPath("a.shp"));
}
