#include <catch2/catch.hpp>

#include "gis/io/site_import.h"
#include "test_import_fixtures.h"
#include "test_support.h"

using namespace safemap;

namespace {

const char* kHeader =
    "ma_so_thue,ten_co_so,tinh,so_lao_dong,lao_dong_ngoai_tinh,ngay_cap_tai_khoan,kinh_do,vi_do\n";
// Data rows 2 and 3 are fine; each test appends one bad row, which is spreadsheet row 4.
const char* kGoodRows =
    "0101234567,Công ty Một,Hà Nam,1200,300,01/05/2021,105.93,20.63\n"
    "0101234568,Công ty Hai,Hà Nam,80,0,2021-05-02,105.94,20.64\n";

/// Imports `csv` into a project that already holds one site, and checks that the import
/// failed with the expected row and column and left the project exactly as it was.
Error failedImport(const std::string& csv, const SiteImportOptions& options = {}) {
    TempDir dir;
    const auto source = dir.file("co_so.csv");
    fixtures::writeFile(source, csv);
    auto store = Project::create(dir.file("p.gpkg"));
    REQUIRE(store.ok());
    SiteBatch existing;
    Factory f;
    f.id = "MST-1";
    f.taxCode = "1";
    f.name = "Có sẵn";
    f.location = {105.8, 21.0};
    existing.factories.push_back(f);
    REQUIRE(importSites(*store, existing, "before.csv").ok());
    const auto before = fixtures::siteRows(*store);
    const auto factoriesBefore = store->repository().factories().value();

    auto result = importSitesFile(*store, source, options);
    REQUIRE_FALSE(result.ok());
    CHECK(fixtures::siteRows(*store) == before);
    CHECK(store->repository().factories().value() == factoriesBefore);
    CHECK(fixtures::readFile(source) == csv);
    return result.error();
}

}  // namespace

TEST_CASE("a good CSV imports (baseline for the error cases below)") {
    TempDir dir;
    const auto source = dir.file("co_so.csv");
    fixtures::writeFile(source, std::string(kHeader) + kGoodRows);
    auto batch = readSites(source);
    REQUIRE_OK(batch);
    CHECK(batch->factories.size() == 2);
}

TEST_CASE("a missing name is refused with its row and column") {
    const Error e =
        failedImport(std::string(kHeader) + kGoodRows + "0101234569,  ,Hà Nam,10,0,,105.9,20.6\n");
    CHECK(e.file == "co_so.csv");
    CHECK(e.row == 4);
    CHECK(e.column == "ten_co_so");
    CHECK(e.message.find("name") != std::string::npos);
}

TEST_CASE("a worker count that is not a number is refused") {
    const Error e = failedImport(std::string(kHeader) + kGoodRows +
                                 "0101234569,Ba,Hà Nam,nhiều,0,,105.9,20.6\n");
    CHECK(e.row == 4);
    CHECK(e.column == "so_lao_dong");
    CHECK(e.message.find("not a number") != std::string::npos);
}

TEST_CASE("negative and fractional counts, and more outsiders than workers, are refused") {
    SECTION("negative") {
        const Error e = failedImport(std::string(kHeader) + kGoodRows +
                                     "0101234569,Ba,Hà Nam,-5,0,,105.9,20.6\n");
        CHECK(e.row == 4);
        CHECK(e.column == "so_lao_dong");
    }
    SECTION("a fraction: a count cannot have one") {
        const Error e = failedImport(std::string(kHeader) + kGoodRows +
                                     "0101234569,Ba,Hà Nam,\"12,5\",0,,105.9,20.6\n");
        CHECK(e.row == 4);
        CHECK(e.column == "so_lao_dong");
        CHECK(e.message.find("whole number") != std::string::npos);
    }
    SECTION("out of province > total") {
        const Error e = failedImport(std::string(kHeader) + kGoodRows +
                                     "0101234569,Ba,Hà Nam,100,101,,105.9,20.6\n");
        CHECK(e.row == 4);
        CHECK(e.column == "lao_dong_ngoai_tinh");
    }
}

TEST_CASE("longitude or latitude outside Vietnam, missing or unreadable is refused") {
    SECTION("swapped columns put the longitude at 20.6") {
        const Error e = failedImport(std::string(kHeader) + kGoodRows +
                                     "0101234569,Ba,Hà Nam,10,0,,20.6,105.9\n");
        CHECK(e.row == 4);
        CHECK(e.column == "kinh_do");
    }
    SECTION("latitude south of 7") {
        const Error e = failedImport(std::string(kHeader) + kGoodRows +
                                     "0101234569,Ba,Hà Nam,10,0,,105.9,6.5\n");
        CHECK(e.row == 4);
        CHECK(e.column == "vi_do");
    }
    SECTION("missing latitude") {
        const Error e =
            failedImport(std::string(kHeader) + kGoodRows + "0101234569,Ba,Hà Nam,10,0,,105.9,\n");
        CHECK(e.row == 4);
        CHECK(e.column == "vi_do");
        CHECK(e.message.find("missing") != std::string::npos);
    }
    SECTION("not a number") {
        const Error e = failedImport(std::string(kHeader) + kGoodRows +
                                     "0101234569,Ba,Hà Nam,10,0,,105°54',20.6\n");
        CHECK(e.row == 4);
        CHECK(e.column == "kinh_do");
    }
}

TEST_CASE("a date that does not parse is refused") {
    const Error e = failedImport(std::string(kHeader) + kGoodRows +
                                 "0101234569,Ba,Hà Nam,10,0,31/02/2021,105.9,20.6\n");
    CHECK(e.row == 4);
    CHECK(e.column == "ngay_cap_tai_khoan");
}

TEST_CASE("two rows with the same stable id are refused at the second") {
    const Error e = failedImport(std::string(kHeader) + kGoodRows +
                                 "0101234567,Công ty Một (trùng),Hà Nam,10,0,,105.9,20.6\n");
    CHECK(e.row == 4);
    CHECK(e.column == "ma_so_thue");
    CHECK(e.message.find("row 2") != std::string::npos);
}

TEST_CASE("a CSV row with a missing column is refused naming the first missing one") {
    const Error e = failedImport(std::string(kHeader) + kGoodRows + "0101234569,Ba,Hà Nam,10,0\n");
    CHECK(e.row == 4);
    CHECK(e.column == "ngay_cap_tai_khoan");
}

TEST_CASE("text that is not UTF-8 is refused naming the cell") {
    // "Công" in Windows-1258 bytes (ô = 0xF4), as a legacy export would write it.
    const Error e = failedImport(std::string(kHeader) + kGoodRows +
                                 "0101234569,C\xF4ng ty Ba,H\xE0 Nam,10,0,,105.9,20.6\n");
    CHECK(e.row == 4);
    CHECK(e.column == "ten_co_so");
    CHECK(e.message.find("UTF-8") != std::string::npos);
}

TEST_CASE("CSV rows are numbered as a spreadsheet shows them") {
    // Row 3 is empty and row 4 holds a quoted line break: a spreadsheet shows the bad record
    // on row 5, while GDAL counts it as its third feature.
    const std::string csv = std::string(kHeader) +
                            "0101234567,Công ty Một,Hà Nam,1200,300,,105.93,20.63\n"
                            "\n"
                            "0101234568,\"Công ty\nHai\",Hà Nam,80,0,,105.94,20.64\n"
                            "0101234569,Ba,Hà Nam,abc,0,,105.9,20.6\n";
    const Error e = failedImport(csv);
    CHECK(e.row == 5);
    CHECK(e.column == "so_lao_dong");
}

TEST_CASE("spreadsheet rows keep their sheet row numbers") {
    TempDir dir;
    const auto path = dir.file("co_so.xlsx");
    fixtures::writeLayer(path, "XLSX", "Sheet1", "", wkbNone,
                         {{"ten"}, {"so_lao_dong"}, {"kinh_do"}, {"vi_do"}},
                         {{{"Một", "10", "105.9", "20.6"}, ""},
                          {{"Hai", "20", "105.9", "20.6"}, ""},
                          {{"Ba", "ba mươi", "105.9", "20.6"}, ""}});
    auto batch = readSites(path);
    REQUIRE_FALSE(batch.ok());
    CHECK(batch.error().row == 4);
    CHECK(batch.error().column == "so_lao_dong");
}

TEST_CASE("features of other formats are numbered from 1") {
    TempDir dir;
    const auto path = dir.file("khu.geojson");
    fixtures::writeLayer(
        path, "GeoJSON", "khu", "EPSG:4326", wkbPolygon, {{"ten"}, {"loai"}},
        {{{"Khu A", "KCN"}, "POLYGON ((105.9 20.6, 106.0 20.6, 106.0 20.7, 105.9 20.6))"},
         {{"Khu B", "nhà máy"}, "POLYGON ((105.9 20.6, 106.0 20.6, 106.0 20.7, 105.9 20.6))"}});
    auto batch = readSites(path);
    REQUIRE_FALSE(batch.ok());
    CHECK(batch.error().row == 2);
    CHECK(batch.error().column == "loai");
    CHECK(batch.error().message.find("KCN, CCN or KKT") != std::string::npos);
}

TEST_CASE("a zone without geometry or with the wrong kind of geometry is refused") {
    TempDir dir;
    const auto path = dir.file("khu.geojson");
    fixtures::writeLayer(path, "GeoJSON", "khu", "EPSG:4326", wkbUnknown, {{"ten"}},
                         {{{"Khu A"}, "POLYGON ((105.9 20.6, 106.0 20.6, 106.0 20.7, 105.9 20.6))"},
                          {{"Khu B"}, ""},
                          {{"Khu C"}, "POINT (105.9 20.6)"}});
    SiteImportOptions options;
    options.target = ImportTarget::Zones;
    auto batch = readSites(path, options);
    REQUIRE_FALSE(batch.ok());
    CHECK(batch.error().row == 2);
    CHECK(batch.error().message.find("no geometry") != std::string::npos);
}

TEST_CASE("files that cannot be read are refused with their name") {
    TempDir dir;
    SECTION("missing file") {
        auto batch = readSites(dir.file("khong_co.gpkg"));
        REQUIRE_FALSE(batch.ok());
        CHECK(batch.error().file == "khong_co.gpkg");
        CHECK(batch.error().row == -1);
    }
    SECTION("not a vector format") {
        const auto path = dir.file("rac.gpkg");
        fixtures::writeFile(path, std::string("\x00\x01\x02 definitely not SQLite", 26));
        auto batch = readSites(path);
        REQUIRE_FALSE(batch.ok());
        CHECK(batch.error().file == "rac.gpkg");
        CHECK(batch.error().message.find("cannot read") != std::string::npos);
    }
    SECTION("unknown layer") {
        const auto path = dir.file("a.csv");
        fixtures::writeFile(path, "ten,kinh_do,vi_do\nA,105.9,20.6\n");
        SiteImportOptions options;
        options.layer = "khong_co";
        auto batch = readSites(path, options);
        REQUIRE_FALSE(batch.ok());
        CHECK(batch.error().message.find("khong_co") != std::string::npos);
    }
    SECTION("mapping names a column the file lacks") {
        const auto path = dir.file("a.csv");
        fixtures::writeFile(path, "ten,kinh_do,vi_do\nA,105.9,20.6\n");
        SiteImportOptions options;
        options.mapping = FieldMapping{};
        options.mapping->name = "ten";
        options.mapping->longitude = "kinh_do";
        options.mapping->latitude = "vi_do";
        options.mapping->workersTotal = "so_lao_dong";
        auto batch = readSites(path, options);
        REQUIRE_FALSE(batch.ok());
        CHECK(batch.error().column == "so_lao_dong");
    }
}

TEST_CASE("a shapefile without .prj is refused unless a CRS is given") {
    TempDir dir;
    const auto path = dir.file("ccn.shp");
    const auto [e, n] = fixtures::fromWgs84("EPSG:9215", 106.71, 21.91);
    fixtures::writeLayer(
        path, "ESRI Shapefile", "ccn", "", wkbPoint, {{"ten"}},
        {{{"Cơ sở Đồng Đăng"}, "POINT (" + std::to_string(e) + " " + std::to_string(n) + ")"}},
        {"ENCODING=UTF-8"});
    REQUIRE_FALSE(std::filesystem::exists(dir.file("ccn.prj")));

    auto store = Project::create(dir.file("p.gpkg"));
    REQUIRE(store.ok());
    auto refused = importSitesFile(*store, path);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().file == "ccn.shp");
    CHECK(refused.error().message.find(".prj") != std::string::npos);
    CHECK(fixtures::siteRows(*store) == 0);

    SiteImportOptions options;
    options.sourceCrs = "VN2000:Lạng Sơn";
    auto batch = readSites(path, options);
    REQUIRE_OK(batch);
    REQUIRE(batch->factories.size() == 1);
    CHECK(batch->factories[0].name == "Cơ sở Đồng Đăng");
    CHECK(batch->factories[0].location.lon == Approx(106.71).margin(1e-7));
    CHECK(batch->factories[0].location.lat == Approx(21.91).margin(1e-7));
}
