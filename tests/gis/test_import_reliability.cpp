#include <catch2/catch.hpp>

#include <filesystem>

#include "core/project/project.h"
#include "gis/io/site_import.h"
#include "gis/io/site_reading.h"
#include "gis/io/source_info.h"
#include "test_site_fixtures.h"

using namespace safemap;

TEST_CASE("every bad row is reported, 100 listed and the rest counted, nothing written") {
    TempDir dir;
    const auto path = dir.file("co_so.csv");
    std::string csv = "ma_so_thue,ten_co_so,so_lao_dong,kinh_do,vi_do\n";
    for (int i = 0; i < 200; ++i) {
        // Rows 2, 4, 6 ... (i even) are fine; the 100 odd ones and 50 more are bad.
        const bool bad = i % 2 == 1 || i >= 100;
        csv += "01000" + std::to_string(10000 + i) + ",Công ty " + std::to_string(i) + "," +
               (bad ? "nhiều" : "10") + ",105.9,20.6\n";
    }
    fixtures::writeFile(path, csv);
    auto store = Project::create(dir.file("p.gpkg"));
    REQUIRE(store.ok());

    auto r = readSiteSource(path);
    REQUIRE_FALSE(r.ok());
    const Error& e = r.error();
    // i = 1 is the first bad row: spreadsheet row 3.
    CHECK(e.row == 3);
    CHECK(e.column == "so_lao_dong");
    REQUIRE(e.more.size() == 99);
    CHECK(e.more[0].row == 5);
    CHECK(e.more[98].row == 151);  // the 100th bad row: 50 odd ones (rows 3–101), then 102–151
    CHECK(e.moreOmitted == 50);
    const std::string text = e.describe();
    CHECK(text.find("co_so.csv, row 3, column so_lao_dong: \"nhiều\" is not a number") == 0);
    CHECK(text.find("and 50 more problems") != std::string::npos);
    CHECK(std::count(text.begin(), text.end(), '\n') == 100);

    auto imported = importSitesFile(*store, path);
    REQUIRE_FALSE(imported.ok());
    CHECK(imported.error().moreOmitted == 50);
    CHECK(fixtures::siteRows(*store) == 0);
}

TEST_CASE("the batch records which attributes the source provided") {
    TempDir dir;
    SECTION("a CSV without worker, district or date columns") {
        const auto path = dir.file("it_cot.csv");
        fixtures::writeFile(path,
                            "ma_so_thue,ten_co_so,tinh,kinh_do,vi_do\n1,Một,Hà Nam,105.9,20.6\n");
        auto r = readSiteSource(path);
        REQUIRE_OK(r);
        const auto& p = r->batch.provided;
        CHECK(p == std::set<SiteField>{SiteField::TaxCode, SiteField::Name, SiteField::Province,
                                       SiteField::Position});
    }
    SECTION("a zones layer without a kind column: the kind is not provided") {
        const auto path = dir.file("khu.geojson");
        fixtures::writeLayer(
            path, "GeoJSON", "khu", "EPSG:4326", wkbPolygon, {{"ten"}, {"tinh"}},
            {{{"Khu A", "Hà Nam"}, "POLYGON ((105.9 20.6, 106.0 20.6, 106.0 20.7, 105.9 20.6))"}});
        auto r = readSiteSource(path);
        REQUIRE_OK(r);
        CHECK(r->batch.provided ==
              std::set<SiteField>{SiteField::Name, SiteField::Province, SiteField::Position});
        CHECK(r->batch.zones[0].kind == ZoneKind::IndustrialZone);  // the default, for a new zone
    }
    SECTION("a shapefile whose long column names GDAL cut to ten characters") {
        const auto path = dir.file("co_so.shp");
        fixtures::writeLayer(
            path, "ESRI Shapefile", "co_so", "EPSG:4326", wkbPoint,
            {{"ma_so_thue"},
             {"ten_co_so"},
             {"workers_total"},
             {"workers_out_of_province"},
             {"workers_largest_shift"},
             {"account_issued"},
             {"lao_dong_ngoai_tinh_ghi_chu"}},
            {{{"0101", "Một", "1250", "300", "500", "2021-05-01", "x"}, "POINT (105.9 20.6)"}},
            {"ENCODING=UTF-8"});
        auto info = describeSource(path);
        REQUIRE_OK(info);
        std::vector<std::string> names;
        for (const auto& f : info->layers[0].fields)
            names.push_back(f.name);
        // What the shapefile really holds.
        CHECK(names == std::vector<std::string>{"ma_so_thue", "ten_co_so", "workers_to",
                                                "workers_ou", "workers_la", "account_is",
                                                "lao_dong_n"});
        auto r = readSiteSource(path);
        REQUIRE_OK(r);
        const Factory& f = r->batch.factories.at(0);
        CHECK(f.workforce.total == 1250);
        CHECK(f.workforce.outOfProvince == 300);
        CHECK(f.workforce.largestShift == 500);
        CHECK(f.accountIssued == parseDate("2021-05-01"));
        CHECK(r->batch.provided ==
              std::set<SiteField>{SiteField::TaxCode, SiteField::Name, SiteField::WorkersTotal,
                                  SiteField::WorkersOutOfProvince, SiteField::WorkersLargestShift,
                                  SiteField::AccountIssued, SiteField::Position});
        // "lao_dong_n" would also fit lao_dong_ngoai_tinh, but that attribute already has its
        // column: it stays unused, and says so.
        CHECK(fixtures::noteWith(r->notes, "\"lao_dong_n\" is not imported") != nullptr);
        // A mapping file written with the full names finds the cut ones too.
        FieldMapping m;
        m.name = "ten_co_so";
        m.workersOutOfProvince = "workers_out_of_province";
        SiteImportOptions options;
        options.mapping = m;
        auto mapped = readSiteSource(path, options);
        REQUIRE_OK(mapped);
        CHECK(mapped->batch.factories[0].workforce.outOfProvince == 300);
        CHECK_FALSE(mapped->batch.factories[0].workforce.total.has_value());
        CHECK_FALSE(mapped->batch.provided.count(SiteField::WorkersTotal));
    }
    SECTION("a batch built in code provides everything") {
        CHECK(SiteBatch{}.provided == allSiteFields());
    }
}

TEST_CASE("invalid zone polygons are repaired with a note, or refused when nothing is left") {
    TempDir dir;
    const auto path = dir.file("khu.geojson");
    SECTION("a bow-tie is repaired into two triangles, with a note naming the row") {
        fixtures::writeLayer(
            path, "GeoJSON", "khu", "EPSG:4326", wkbPolygon, {{"ten"}},
            {{{"Khu A"}, "POLYGON ((105.9 20.6, 106.0 20.6, 106.0 20.7, 105.9 20.6))"},
             {{"Khu B"},
              "POLYGON ((105.9 20.6, 106.0 20.7, 106.0 20.6, 105.9 20.7, 105.9 20.6))"}});
        auto r = readSiteSource(path);
        REQUIRE_OK(r);
        REQUIRE(r->batch.zones.size() == 2);
        CHECK(r->batch.zones[0].area.size() == 1);
        CHECK(r->batch.zones[1].area.size() == 2);  // two triangles
        REQUIRE(r->notes.size() == 1);
        CHECK(r->notes[0].row == 2);
        CHECK(r->notes[0].message.find("MakeValid") != std::string::npos);
    }
    SECTION("a two-point polygon cannot be repaired: refused with its row") {
        fixtures::writeLayer(
            path, "GeoJSON", "khu", "EPSG:4326", wkbPolygon, {{"ten"}},
            {{{"Khu A"}, "POLYGON ((105.9 20.6, 106.0 20.6, 106.0 20.7, 105.9 20.6))"},
             {{"Khu B"}, "POLYGON ((105.9 20.6, 106.0 20.7, 105.9 20.6))"},
             {{"Khu C"}, "POLYGON ((105.9 20.6, 106.0 20.6, 106.1 20.6, 105.9 20.6))"}});
        auto r = readSiteSource(path);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().row == 2);
        CHECK(r.error().message.find("2 distinct points") != std::string::npos);
        REQUIRE(r.error().more.size() == 1);
        CHECK(r.error().more[0].row == 3);  // collinear: no area either
        CHECK(r.error().more[0].message.find("cannot be repaired") != std::string::npos);
    }
}

TEST_CASE("a shapefile missing its .dbf, .shx or .prj is refused naming the missing file") {
    TempDir dir;
    const auto path = dir.file("ccn.shp");
    fixtures::writeLayer(path, "ESRI Shapefile", "ccn", "EPSG:4326", wkbPoint, {{"ten"}},
                         {{{"Cơ sở Một"}, "POINT (106.7 21.9)"}}, {"ENCODING=UTF-8"});
    REQUIRE_OK(readSiteSource(path));
    namespace fs = std::filesystem;
    SECTION(".dbf") {
        fs::remove(dir.file("ccn.dbf"));
        auto r = readSiteSource(path);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().file == "ccn.shp");
        CHECK(r.error().message.find("ccn.dbf is missing") != std::string::npos);
        CHECK(r.error().message.find("no column is mapped") == std::string::npos);
        auto info = describeSource(path);
        REQUIRE_FALSE(info.ok());
        CHECK(info.error().message.find("ccn.dbf") != std::string::npos);
    }
    SECTION(".shx") {
        fs::remove(dir.file("ccn.shx"));
        auto r = readSiteSource(path);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.find("ccn.shx is missing") != std::string::npos);
        CHECK_FALSE(fs::exists(dir.file("ccn.shx")));  // not restored behind the user's back
    }
    SECTION(".prj") {
        fs::remove(dir.file("ccn.prj"));
        auto r = readSiteSource(path);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.find("no ccn.prj file") != std::string::npos);
        SiteImportOptions options;
        options.sourceCrs = "EPSG:4326";
        CHECK(readSiteSource(path, options).ok());
    }
    SECTION("upper-case extensions as Windows tools write them are found") {
        fs::rename(dir.file("ccn.dbf"), dir.file("ccn.DBF"));
        fs::rename(dir.file("ccn.shx"), dir.file("ccn.SHX"));
        CHECK(fs::exists(dir.file("ccn.DBF")));
        auto r = readSiteSource(path);
        REQUIRE_OK(r);
        CHECK(r->batch.factories.at(0).name == "Cơ sở Một");
    }
}

TEST_CASE("the --mapping argument takes a file or inline JSON") {
    TempDir dir;
    auto inline_ = parseMappingArgument(R"(  {"name": "Tên cơ sở", "tax_code": "MST"})");
    REQUIRE_OK(inline_);
    CHECK(inline_->name == "Tên cơ sở");
    CHECK(inline_->taxCode == "MST");
    fixtures::writeFile(dir.file("m.json"), R"({"name": "ten"})");
    auto file = parseMappingArgument(dir.file("m.json"));
    REQUIRE_OK(file);
    CHECK(file->name == "ten");
    auto missing = parseMappingArgument(dir.file("khong_co.json"));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().file == dir.file("khong_co.json"));
    auto broken = parseMappingArgument("{\"name\": ");
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().message.find("not valid JSON") != std::string::npos);
}
