#include <catch2/catch.hpp>

#include <filesystem>

#include "core/storage/project_store.h"
#include "core/storage/schema.h"
#include "core/storage/site_store.h"
#include "test_support.h"

using namespace safemap;

TEST_CASE("a new project is a GeoPackage at the latest schema") {
    TempDir dir;
    auto store = ProjectStore::create(dir.file("p.gpkg"));
    REQUIRE(store.ok());
    CHECK(store->schemaVersion() == latestSchemaVersion());
    CHECK(store->database().queryInt("PRAGMA application_id") == 1196444487);
    CHECK(store->database().queryInt("PRAGMA user_version") == 10300);
    CHECK(store->database().queryText(
              "SELECT data_type FROM gpkg_contents WHERE table_name='factories'") == "features");
}

TEST_CASE("sites round-trip through the store and re-import updates instead of duplicating") {
    TempDir dir;
    auto store = ProjectStore::create(dir.file("p.gpkg"));
    REQUIRE(store.ok());
    SiteBatch batch;
    Zone z;
    z.id = "HN-KCN-A";
    z.kind = ZoneKind::IndustrialCluster;
    z.name = "Cụm công nghiệp Ngọc Hồi";
    z.province = "Hà Nội";
    z.area = {Polygon{{{{105.8, 20.9}, {105.9, 20.9}, {105.9, 21.0}, {105.8, 20.9}}}}};
    batch.zones.push_back(z);
    Factory f;
    f.id = factoryIdFor("9900000001", "", "", "");
    f.taxCode = "9900000001";
    f.name = "Công ty Mẫu (dữ liệu mẫu)";
    f.zoneId = z.id;
    f.workforce.total = 1200;
    f.location = {105.85, 20.95};
    f.accountIssued = parseDate("2021-05-01");
    batch.factories.push_back(f);

    auto first = upsertSites(store->database(), batch, "a.csv");
    REQUIRE(first.ok());
    CHECK(first->inserted == 2);
    CHECK(loadZones(store->database()) == std::vector<Zone>{z});
    CHECK(loadFactories(store->database()) == std::vector<Factory>{f});

    auto again = upsertSites(store->database(), batch, "a.csv");
    REQUIRE(again.ok());
    CHECK(again->inserted == 0);
    CHECK(again->unchanged == 2);

    batch.factories[0].workforce.total = 1300;
    auto changed = upsertSites(store->database(), batch, "a.csv");
    REQUIRE(changed.ok());
    CHECK(changed->updated == 1);
    CHECK(loadFactories(store->database()).size() == 1);
    CHECK(loadFactories(store->database())[0].workforce.total == 1300);
    // The R-tree follows the feature table through the GeoPackage triggers.
    CHECK(store->database().queryInt("SELECT count(*) FROM rtree_factories_geom") == 1);
    CHECK(store->database().queryInt("SELECT count(*) FROM change_log") == 3);
}
