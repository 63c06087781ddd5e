#include <catch2/catch.hpp>

#include <filesystem>

#include "gis/io/site_import.h"
#include "test_import_fixtures.h"
#include "test_support.h"

using namespace safemap;

namespace {

std::string sampleCsv(int firstWorkers, int rows) {
    std::string csv = "ma_so_thue,ten_co_so,tinh,so_lao_dong,kinh_do,vi_do\n";
    for (int i = 0; i < rows; ++i)
        csv += "01000" + std::to_string(10000 + i) + ",Công ty số " + std::to_string(i) +
               ",Hà Nam," + std::to_string(i == 0 ? firstWorkers : 100 + i) + ",105.9,20.6\n";
    return csv;
}

}  // namespace

TEST_CASE("re-importing the same file updates rows instead of duplicating them") {
    TempDir dir;
    const auto source = dir.file("co_so.csv");
    fixtures::writeFile(source, sampleCsv(1200, 3));
    auto store = Project::create(dir.file("p.gpkg"));
    REQUIRE(store.ok());

    auto first = importSitesFile(*store, source);
    REQUIRE_OK(first);
    CHECK(first->summary.inserted == 3);
    CHECK(store->repository().factories().value().size() == 3);

    auto same = importSitesFile(*store, source);
    REQUIRE_OK(same);
    CHECK(same->summary.inserted == 0);
    CHECK(same->summary.unchanged == 3);

    fixtures::writeFile(source, sampleCsv(1350, 4));  // one figure changed, one site added
    auto changed = importSitesFile(*store, source);
    REQUIRE_OK(changed);
    CHECK(changed->summary.inserted == 1);
    CHECK(changed->summary.updated == 1);
    CHECK(changed->summary.unchanged == 2);
    const auto factories = store->repository().factories().value();
    REQUIRE(factories.size() == 4);
    CHECK(factories[0].id == "MST-0100010000");
    CHECK(factories[0].workforce.total == 1350);
}

TEST_CASE("zones without an id column keep a stable id across imports") {
    TempDir dir;
    const auto source = dir.file("khu.geojson");
    auto write = [&](const char* district) {
        std::filesystem::remove(source);
        fixtures::writeLayer(
            source, "GeoJSON", "khu", "EPSG:4326", wkbPolygon, {{"ten"}, {"tinh"}, {"huyen"}},
            {{{"Cụm công nghiệp Hợp Thịnh", "Lạng Sơn", district},
              "POLYGON ((106.70 21.90, 106.72 21.90, 106.72 21.92, 106.70 21.90))"}});
    };
    write("Cao Lộc");
    auto store = Project::create(dir.file("p.gpkg"));
    REQUIRE(store.ok());
    REQUIRE_OK(importSitesFile(*store, source));
    write("Văn Lãng");
    auto again = importSitesFile(*store, source);
    REQUIRE_OK(again);
    CHECK(again->summary.updated == 1);
    const auto zones = store->repository().zones().value();
    REQUIRE(zones.size() == 1);
    CHECK(zones[0].district == "Văn Lãng");
    CHECK(zones[0].id == zoneIdFor("", "Cụm công nghiệp Hợp Thịnh", "Lạng Sơn"));
}

TEST_CASE("cancelling leaves nothing written") {
    TempDir dir;
    const auto source = dir.file("co_so.csv");
    fixtures::writeFile(source, sampleCsv(10, 450));
    auto store = Project::create(dir.file("p.gpkg"));
    REQUIRE(store.ok());

    SECTION("cancelled before it starts") {
        std::atomic<bool> cancel{true};
        SiteImportOptions options;
        options.cancel = &cancel;
        auto result = importSitesFile(*store, source, options);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == "import.cancelled");
    }
    SECTION("cancelled half-way, from the progress callback") {
        std::atomic<bool> cancel{false};
        long long lastDone = -1;
        SiteImportOptions options;
        options.cancel = &cancel;
        options.progress = [&](long long done, long long total) {
            CHECK(total == 450);
            lastDone = done;
            if (done >= 200)
                cancel = true;
        };
        auto result = importSitesFile(*store, source, options);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == "import.cancelled");
        CHECK(lastDone >= 200);
        CHECK(lastDone < 450);
    }
    CHECK(fixtures::siteRows(*store) == 0);
}

TEST_CASE("progress ends at (total, total)") {
    TempDir dir;
    const auto source = dir.file("co_so.csv");
    fixtures::writeFile(source, sampleCsv(10, 250));
    std::vector<std::pair<long long, long long>> calls;
    SiteImportOptions options;
    options.progress = [&](long long done, long long total) { calls.emplace_back(done, total); };
    auto batch = readSites(source, options);
    REQUIRE_OK(batch);
    CHECK(batch->factories.size() == 250);
    REQUIRE(calls.size() >= 2);
    CHECK(calls.back() == std::pair<long long, long long>{250, 250});
    for (size_t i = 1; i < calls.size(); ++i)
        CHECK(calls[i].first >= calls[i - 1].first);
}

TEST_CASE("importing never modifies the source files") {
    TempDir dir;
    std::vector<std::string> sources;
    const std::vector<fixtures::Field> columns = {{"ten"}, {"workers", OFTInteger}};
    const std::vector<fixtures::Feature> points = {{{"Cơ sở Một", "10"}, "POINT (105.9 20.6)"}};
    fixtures::writeLayer(dir.file("a.gpkg"), "GPKG", "a", "EPSG:4326", wkbPoint, columns, points);
    fixtures::writeLayer(dir.file("b.shp"), "ESRI Shapefile", "b", "EPSG:4326", wkbPoint, columns,
                         points, {"ENCODING=UTF-8"});
    fixtures::writeLayer(dir.file("c.xlsx"), "XLSX", "c", "", wkbNone,
                         {{"ten"}, {"kinh_do"}, {"vi_do"}}, {{{"Cơ sở Một", "105.9", "20.6"}, ""}});
    fixtures::writeFile(dir.file("d.csv"), "ten,kinh_do,vi_do\nCơ sở Một,105.9,20.6\n");
    std::map<std::string, std::string> before;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
        before[entry.path().filename().string()] = fixtures::readFile(entry.path().string());

    auto store = Project::create(dir.file("p.gpkg"));
    REQUIRE(store.ok());
    for (const char* name : {"a.gpkg", "b.shp", "c.xlsx", "d.csv"}) {
        INFO(name);
        auto result = importSitesFile(*store, dir.file(name));
        REQUIRE_OK(result);
    }
    std::map<std::string, std::string> after;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
        if (entry.path().filename().string().rfind("p.gpkg", 0) != 0)
            after[entry.path().filename().string()] = fixtures::readFile(entry.path().string());
    CHECK(after == before);  // same files (no .qix, -wal or lock files left), same bytes
    CHECK(store->repository().factories().value().size() == 1);  // the same site four times
}
