#include <catch2/catch.hpp>

#include "gis/io/site_import.h"
#include "gis/io/source_info.h"
#include "test_import_fixtures.h"
#include "test_support.h"

using namespace safemap;
using fixtures::Field;

namespace {

// Column names as Vietnamese offices write them, diacritics and all.
const std::vector<Field> kVietnameseColumns = {
    {"Mã số thuế"},
    {"Mã cơ sở"},
    {"Tên cơ sở"},
    {"Tỉnh"},
    {"Quận/Huyện"},
    {"Mã khu"},
    {"Số lao động", OFTInteger},
    {"Lao động ngoại tỉnh", OFTInteger},
    {"Lao động ca đông nhất", OFTInteger},
    {"Ngày cấp tài khoản", OFTDate},
};

// The same in the ASCII spelling that shapefiles and CSV exports tend to use.
const std::vector<Field> kAsciiColumns = {
    {"ma_so_thue"},
    {"ma_co_so"},
    {"ten_co_so"},
    {"tinh"},
    {"huyen"},
    {"ma_khu"},
    {"so_lao_dong"},
    {"lao_dong_ngoai_tinh"},
    {"lao_dong_ca_dong_nhat"},
    {"ngay_cap_tai_khoan"},
};

std::string csvLine(const std::vector<std::string>& cells) {
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i) {
        if (i)
            line += ',';
        const bool quote = cells[i].find_first_of(",\"\n") != std::string::npos;
        line += quote ? "\"" + cells[i] + "\"" : cells[i];
    }
    return line + "\r\n";
}

}  // namespace

TEST_CASE("GeoPackage points import with Vietnamese column names and diacritics") {
    TempDir dir;
    const auto path = dir.file("co_so.gpkg");
    fixtures::writeLayer(path, "GPKG", "co_so", "EPSG:4326", wkbPoint, kVietnameseColumns,
                         fixtures::sampleFeatures(true));
    auto batch = readSites(path);
    REQUIRE_OK(batch);
    CHECK(batch->zones.empty());
    fixtures::checkSampleFactories(batch->factories);
}

TEST_CASE("GeoPackage polygons become zones with their kind") {
    TempDir dir;
    const auto path = dir.file("khu.gpkg");
    fixtures::writeLayer(
        path, "GPKG", "khu", "EPSG:4326", wkbMultiPolygon,
        {{"ma_khu"}, {"ten"}, {"loai"}, {"tinh"}},
        {{{"LS-CCN-01", "Cụm công nghiệp Hợp Thịnh", "CCN", "Lạng Sơn"},
          "MULTIPOLYGON (((106.70 21.90, 106.72 21.90, 106.72 21.92, 106.70 21.90)),"
          "((106.80 21.95, 106.81 21.95, 106.81 21.96, 106.80 21.95)))"},
         {{"HN-KCN-02", "Khu công nghiệp Đồng Văn II", "Khu công nghiệp", "Hà Nam"},
          "MULTIPOLYGON (((105.90 20.60, 105.95 20.60, 105.95 20.65, 105.90 20.60)))"}});
    auto batch = readSites(path);
    REQUIRE_OK(batch);
    REQUIRE(batch->zones.size() == 2);
    CHECK(batch->factories.empty());
    const Zone& a = batch->zones[0];
    CHECK(a.id == "LS-CCN-01");  // ma_khu is the zone's own id when no id column is mapped
    CHECK(a.kind == ZoneKind::IndustrialCluster);
    CHECK(a.name == "Cụm công nghiệp Hợp Thịnh");
    CHECK(a.province == "Lạng Sơn");
    REQUIRE(a.area.size() == 2);
    REQUIRE(a.area[0].rings.size() == 1);
    CHECK(a.area[0].rings[0].size() == 4);
    CHECK(a.area[0].rings[0][1] == GeoPoint{106.72, 21.90});
    CHECK(batch->zones[1].kind == ZoneKind::IndustrialZone);
    CHECK(batch->zones[1].name == "Khu công nghiệp Đồng Văn II");
}

TEST_CASE("Shapefile in VN-2000 with .prj and UTF-8 .cpg is reprojected to WGS 84") {
    TempDir dir;
    const auto path = dir.file("co_so.shp");
    auto features = fixtures::sampleFeatures(false);
    for (size_t i = 0; i < features.size(); ++i) {
        const auto& s = fixtures::sampleFactories()[i];
        auto [e, n] = fixtures::fromWgs84("EPSG:9215", s.lon, s.lat);
        features[i].wkt = "POINT (" + std::to_string(e) + " " + std::to_string(n) + ")";
    }
    // Shapefile field names stop at 10 characters; map the truncated ones explicitly.
    fixtures::writeLayer(path, "ESRI Shapefile", "co_so", "EPSG:9215", wkbPoint,
                         {{"mst"},
                          {"ma"},
                          {"ten"},
                          {"tinh"},
                          {"huyen"},
                          {"ma_khu"},
                          {"so_ld", OFTInteger},
                          {"ld_ngoai", OFTInteger},
                          {"ld_ca", OFTInteger},
                          {"ngay_cap", OFTDate}},
                         features, {"ENCODING=UTF-8"});
    REQUIRE(fixtures::readFile(dir.file("co_so.cpg")).find("UTF-8") != std::string::npos);
    REQUIRE(!fixtures::readFile(dir.file("co_so.prj")).empty());

    SiteImportOptions options;
    FieldMapping m;
    m.taxCode = "mst";
    m.id = "ma";
    m.name = "ten";
    m.province = "tinh";
    m.district = "huyen";
    m.zoneId = "ma_khu";
    m.workersTotal = "so_ld";
    m.workersOutOfProvince = "ld_ngoai";
    m.workersLargestShift = "ld_ca";
    m.accountIssued = "ngay_cap";
    options.mapping = m;
    auto batch = readSites(path, options);
    REQUIRE_OK(batch);
    // Written as "%.6f" metres, so the round trip is good to a millimetre: 1e-7 degrees.
    fixtures::checkSampleFactories(batch->factories, 1e-7);
}

TEST_CASE("Shapefile with a Windows-1258 .cpg keeps every letter") {
    TempDir dir;
    const auto path = dir.file("ccn.shp");
    fixtures::writeLayer(path, "ESRI Shapefile", "ccn", "EPSG:4326", wkbPolygon,
                         {{"ten"}, {"loai"}},
                         {{{"Cụm công nghiệp Hợp Thịnh Đồng Đăng", "CCN"},
                           "POLYGON ((106.70 21.90, 106.72 21.90, 106.72 21.92, 106.70 21.90))"},
                          {{"Cụm CN Bến Tắm", "CCN"},
                           "POLYGON ((106.60 21.80, 106.62 21.80, 106.62 21.82, 106.60 21.80))"}},
                         {"ENCODING=CP1258"});
    // The file really is in CP1258: "ợ" is 'o' + horn as 0xF5 and a dot below as 0xF2.
    const auto dbf = fixtures::readFile(dir.file("ccn.dbf"));
    CHECK(dbf.find("H\xF5\xF2p") != std::string::npos);

    auto info = describeSource(path);
    REQUIRE_OK(info);
    REQUIRE(info->layers.size() == 1);
    CHECK(info->encoding == "CP1258");
    REQUIRE(info->layers[0].fields.size() == 2);
    CHECK(info->layers[0].fields[0].name == "ten");  // GDAL alone reads "te"

    auto batch = readSites(path);
    REQUIRE_OK(batch);
    REQUIRE(batch->zones.size() == 2);
    CHECK(batch->zones[0].name == "Cụm công nghiệp Hợp Thịnh Đồng Đăng");
    CHECK(batch->zones[1].name == "Cụm CN Bến Tắm");
    CHECK(batch->zones[0].kind == ZoneKind::IndustrialCluster);
}

TEST_CASE("GeoJSON points import") {
    TempDir dir;
    const auto path = dir.file("co_so.geojson");
    fixtures::writeLayer(path, "GeoJSON", "co_so", "EPSG:4326", wkbPoint, kAsciiColumns,
                         fixtures::sampleFeatures(true));
    auto batch = readSites(path);
    REQUIRE_OK(batch);
    fixtures::checkSampleFactories(batch->factories);
}

TEST_CASE("KML placemarks import") {
    TempDir dir;
    const auto path = dir.file("co_so.kml");
    auto columns = kAsciiColumns;
    columns[2].name = "Name";  // the KML <name> of each placemark
    // Written with LIBKML: GDAL 3.6's simple KML writer shifts the values of the other fields
    // when "Name" is not the first one.
    fixtures::writeLayer(path, "LIBKML", "co_so", "EPSG:4326", wkbPoint, columns,
                         fixtures::sampleFeatures(true));
    auto batch = readSites(path);
    REQUIRE_OK(batch);
    fixtures::checkSampleFactories(batch->factories);
}

TEST_CASE("CSV with longitude/latitude columns, BOM and DD/MM/YYYY dates") {
    TempDir dir;
    const auto path = dir.file("co_so.csv");
    std::string csv = "\xEF\xBB\xBF";
    csv += csvLine({"ma_so_thue", "ma_co_so", "ten_co_so", "tinh", "huyen", "ma_khu", "so_lao_dong",
                    "lao_dong_ngoai_tinh", "lao_dong_ca_dong_nhat", "ngay_cap_tai_khoan", "kinh_do",
                    "vi_do"});
    csv += csvLine({"0101234567", "HN-01", "Công ty TNHH Điện tử Đồng Văn", "Hà Nam", "Duy Tiên",
                    "KCN-DV2", "1200", "300", "500", "01/05/2021", "105.9312", "20.6345"});
    csv += csvLine({"4900123456", "LS-02", "Công ty CP May Hữu Lũng", "Lạng Sơn", "Hữu Lũng", "",
                    "850", "40", "400", "15/06/2021", "106,3451", "21,5003"});
    csv += csvLine({"", "LS-03", "Hợp tác xã Chế biến Nông sản Đồng Đăng", "Lạng Sơn", "Cao Lộc",
                    "", "", "", "", "", "106.7012", "21.9421"});
    fixtures::writeFile(path, csv);
    auto batch = readSites(path);
    REQUIRE_OK(batch);
    fixtures::checkSampleFactories(batch->factories, 1e-12);
}

TEST_CASE("XLSX and ODS with longitude/latitude columns import") {
    for (const char* driver : {"XLSX", "ODS"}) {
        SECTION(driver) {
            TempDir dir;
            const auto path = dir.file(std::string("co_so.") + (driver[0] == 'X' ? "xlsx" : "ods"));
            auto columns = std::vector<Field>{{"tax_code"},
                                              {"id"},
                                              {"name"},
                                              {"province"},
                                              {"district"},
                                              {"zone_id"},
                                              {"workers", OFTInteger},
                                              {"workers_out_of_province", OFTInteger},
                                              {"workers_largest_shift", OFTInteger},
                                              {"account_issued", OFTDate},
                                              {"longitude", OFTReal},
                                              {"latitude", OFTReal}};
            auto features = fixtures::sampleFeatures(false);
            for (size_t i = 0; i < features.size(); ++i) {
                const auto& s = fixtures::sampleFactories()[i];
                features[i].values.push_back(std::to_string(s.lon));
                features[i].values.push_back(std::to_string(s.lat));
            }
            fixtures::writeLayer(path, driver, "Sheet1", "", wkbNone, columns, features);
            auto batch = readSites(path);
            REQUIRE_OK(batch);
            fixtures::checkSampleFactories(batch->factories, 1e-12);
        }
    }
}

TEST_CASE("describeSource lists layers, fields, counts, geometry and CRS") {
    TempDir dir;
    const auto path = dir.file("co_so.shp");
    fixtures::writeLayer(path, "ESRI Shapefile", "co_so", "EPSG:9215", wkbPoint,
                         {{"ten"}, {"so_ld", OFTInteger}, {"ngay", OFTDate}, {"dt", OFTReal}},
                         {{{"A", "1", "2021-01-02", "1.5"}, "POINT (400000 2400000)"},
                          {{"B", "2", "2021-01-03", "2.5"}, "POINT (401000 2401000)"}});
    auto info = describeSource(path);
    REQUIRE_OK(info);
    CHECK(info->format == "ESRI Shapefile");
    REQUIRE(info->layers.size() == 1);
    const auto& layer = info->layers[0];
    CHECK(layer.name == "co_so");
    CHECK(layer.featureCount == 2);
    CHECK(layer.geometry == SourceGeometry::Point);
    CHECK(layer.hasCrs);
    CHECK(layer.crsName == "VN-2000 / TM-3 107-15");
    CHECK(layer.crsId == "EPSG:9215");
    REQUIRE(layer.fields.size() == 4);
    CHECK(layer.fields[0] == SourceField{"ten", SourceFieldType::Text});
    CHECK(layer.fields[1] == SourceField{"so_ld", SourceFieldType::Integer});
    CHECK(layer.fields[2] == SourceField{"ngay", SourceFieldType::Date});
    CHECK(layer.fields[3] == SourceField{"dt", SourceFieldType::Real});

    const auto csv = dir.file("a.csv");
    fixtures::writeFile(csv, "ten,kinh_do,vi_do\nA,105.1,21.2\n");
    auto csvInfo = describeSource(csv);
    REQUIRE_OK(csvInfo);
    CHECK(csvInfo->format == "CSV");
    CHECK(csvInfo->layers[0].geometry == SourceGeometry::None);
    CHECK_FALSE(csvInfo->layers[0].hasCrs);
    CHECK(csvInfo->layers[0].featureCount == 1);
}
