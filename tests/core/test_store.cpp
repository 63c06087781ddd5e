#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

#include "core/project/imports.h"
#include "core/project/project.h"
#include "core/storage/schema.h"
#include "project_fixture.h"
#include "test_support.h"

using namespace safemap;
using namespace safemap::test;

TEST_CASE("a new project is a GeoPackage at the latest schema") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    auto project = Project::create(path);
    REQUIRE(project.ok());
    CHECK(project->repository().schemaVersion() == latestSchemaVersion());
    CHECK(sqlInt(path, "PRAGMA application_id") == 1196444487);
    CHECK(sqlInt(path, "PRAGMA user_version") == 10300);
    CHECK(sqlText(path, "SELECT data_type FROM gpkg_contents WHERE table_name='factories'") ==
          "features");
    // Requirement 119: attribute tables have an INTEGER primary key.
    for (const char* table : {"safemap_meta", "criteria_sets", "assessments", "scores"})
        CHECK(sqlText(path, std::string("SELECT type FROM pragma_table_info('") + table +
                                "') WHERE pk = 1") == "INTEGER");
    CHECK(sqlText(path, "SELECT value FROM safemap_meta WHERE key = 'project.id'")->size() == 32);
}

TEST_CASE("sites round-trip through the project and re-import updates instead of duplicating") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    auto project = Project::create(path);
    REQUIRE(project.ok());
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

    auto first = importSites(*project, batch, "a.csv");
    REQUIRE(first.ok());
    CHECK(first->inserted == 2);
    CHECK(project->repository().zones().value() == std::vector<Zone>{z});
    CHECK(project->repository().factories().value() == std::vector<Factory>{f});

    auto again = importSites(*project, batch, "a.csv");
    REQUIRE(again.ok());
    CHECK(again->inserted == 0);
    CHECK(again->unchanged == 2);

    batch.factories[0].workforce.total = 1300;
    auto changed = importSites(*project, batch, "a.csv");
    REQUIRE(changed.ok());
    CHECK(changed->updated == 1);
    const auto stored = project->repository().factories().value();
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].workforce.total == 1300);
    // The R-tree follows the feature table through the GeoPackage triggers.
    CHECK(sqlInt(path, "SELECT count(*) FROM rtree_factories_geom") == 1);
    CHECK(sqlInt(path, "SELECT count(*) FROM change_log") == 3);
}

TEST_CASE("writes outside a transaction are refused by the repository") {
    TempDir dir;
    auto project = Project::create(dir.file("p.gpkg"));
    REQUIRE(project.ok());
    auto st = project->repository().setSetting("view.extent", "1,2,3,4");
    REQUIRE_FALSE(st.ok());
    CHECK_THAT(st.error().message, Catch::Contains("outside a transaction"));
    SiteBatch empty;
    CHECK_FALSE(project->repository().upsertSites(empty, "x").ok());
}

TEST_CASE("a read-only project refuses writes and leaves the file as it was") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    (void)projectWith(path, threeFactories());
    const auto before = sqlInt(path, "SELECT count(*) FROM import_log");
    auto project = Project::open(path, Project::Access::ReadOnly);
    REQUIRE(project.ok());
    CHECK(project->repository().readOnly());
    auto tx = project->repository().beginWrite();
    REQUIRE_FALSE(tx.ok());
    CHECK_THAT(tx.error().message, Catch::Contains("read-only"));
    CHECK(project->repository().factories().value().size() == 3);
    CHECK(sqlInt(path, "SELECT count(*) FROM import_log") == before);
}

TEST_CASE(
    "a re-import changes only what its source provided, and never an exact position for "
    "an approximate one") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    auto factories = threeFactories();
    Project project = projectWith(path, factories);
    // A later file with names only (no worker column), e.g. a shapefile that cut the name.
    SiteBatch names;
    names.factories = factories;
    for (auto& f : names.factories) {
        f.name += " (đổi tên)";
        f.workforce.total.reset();
        f.accountIssued.reset();
    }
    names.provided = {SiteField::Name};
    auto r = importSites(project, names, "ten.shp");
    REQUIRE(r.ok());
    CHECK(r->updated == 3);
    CHECK(r->updatedAttributes == std::set<std::string>{"name"});
    const auto stored = project.repository().factories().value();
    REQUIRE(stored.size() == 3);
    CHECK(stored[0].name == "Cơ sở 1 (đổi tên)");
    CHECK(stored[0].workforce.total == 300);  // not erased
    CHECK(stored[0].accountIssued == parseDate("2021-05-01"));
    CHECK(sqlText(path, "SELECT detail FROM change_log WHERE action = 'update' LIMIT 1") == "name");

    // A list without coordinates places facility 1 at its zone: the exact point stays.
    SiteBatch approximate;
    approximate.factories = {stored[0]};
    approximate.factories[0].location = {106.5, 21.5};
    approximate.factories[0].approximatePosition = true;
    auto again = importSites(project, approximate, "khong_toa_do.csv");
    REQUIRE(again.ok());
    CHECK(again->unchanged == 1);
    CHECK(project.repository().factories().value()[0].location == stored[0].location);
    // A new facility placed at its zone keeps the mark, stored with it.
    Factory placed = stored[0];
    placed.id = "F-new";
    placed.approximatePosition = true;
    SiteBatch added;
    added.factories = {placed};
    REQUIRE(importSites(project, added, "moi.csv").ok());
    CHECK(project.repository().factories().value().back().approximatePosition);
}
