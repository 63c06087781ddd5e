// A project on the PostgreSQL/PostGIS server (core/storage/pg): created and upgraded by
// SafeMap through a versioned, append-only migrations table; PostGIS geometries in EPSG:4326
// with GiST indexes; a password never shown. The behaviour shared with the GeoPackage is in
// test_repository_suite.cpp. Skipped (saying why) without SAFEMAP_TEST_PG.
#include <catch2/catch.hpp>

#include "core/project/imports.h"
#include "core/project/project.h"
#include "core/storage/pg/pg_repository.h"
#include "core/storage/pg/pg_schema.h"
#include "pg_fixture.h"
#include "project_fixture.h"

using namespace safemap;
using namespace safemap::test;

#define REQUIRE_POSTGRES()      \
    if (!postgresAvailable()) { \
        WARN(kNoPostgres);      \
        return;                 \
    }

TEST_CASE("a server project is created once, with versioned migrations and PostGIS types",
          "[postgresql]") {
    REQUIRE_POSTGRES();
    PgDatabases databases;
    const std::string db = databases.create();
    const std::string url = pgAdminUrl(db);
    auto missing = Project::open(url);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == "server.no_project");

    Project project = projectWith(url, threeFactories());
    CHECK(project.repository().schemaVersion() == latestServerSchemaVersion());
    auto again = Project::create(url);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == "project.exists");
    bool created = true;
    auto reopened = Project::openOrCreate(url, &created);
    REQUIRE(reopened.ok());
    CHECK_FALSE(created);
    CHECK(reopened->repository().factories().value().size() == 3);

    auto sql = pgConnect(url);
    auto versions = sql.query("SELECT version FROM safemap_schema ORDER BY version");
    REQUIRE(versions.ok());
    REQUIRE(versions->rows() == latestServerSchemaVersion());
    for (int i = 0; i < versions->rows(); ++i)
        CHECK(versions->integer(i, 0) == i + 1);
    auto srid = sql.query(
        "SELECT srid, type FROM geometry_columns WHERE f_table_name IN ('factories', 'zones') "
        "ORDER BY f_table_name");
    REQUIRE(srid.ok());
    REQUIRE(srid->rows() == 2);
    CHECK(srid->integer(0, 0) == 4326);
    CHECK(srid->text(0, 1) == "POINT");
    CHECK(srid->integer(1, 0) == 4326);
    CHECK(srid->text(1, 1) == "MULTIPOLYGON");
    auto gist = sql.query(
        "SELECT count(*) FROM pg_indexes WHERE tablename IN ('factories', 'zones') "
        "AND indexdef LIKE '%USING gist (geom)%'");
    REQUIRE(gist.ok());
    CHECK(gist->integer(0, 0) == 2);
    // The stored point is the facility's, in longitude/latitude.
    auto where =
        sql.query("SELECT ST_X(geom), ST_Y(geom) FROM factories WHERE site_id = 'MST-9900000002'");
    REQUIRE(where.ok());
    CHECK(where->real(0, 0) == Approx(105.82));
    CHECK(where->real(0, 1) == Approx(21.0));
}

TEST_CASE("an older server project is upgraded by a read-write open, never by a read-only one",
          "[postgresql]") {
    REQUIRE_POSTGRES();
    PgDatabases databases;
    const std::string db = databases.create();
    const std::string url = pgAdminUrl(db);
    {
        // As the previous SafeMap left it: the newest migration not applied yet.
        auto sql = pgConnect(url);
        REQUIRE(migrateServer(sql, latestServerSchemaVersion() - 1).ok());
    }
    auto readOnly = Project::open(url, Project::Access::ReadOnly);
    REQUIRE_FALSE(readOnly.ok());
    CHECK(readOnly.error().code == "server.needs_upgrade");
    auto upgraded = Project::open(url);
    REQUIRE(upgraded.ok());
    CHECK(upgraded->repository().factories().value().empty());
    auto sql = pgConnect(url);
    CHECK(sql.query("SELECT max(version) FROM safemap_schema")->integer(0, 0) ==
          latestServerSchemaVersion());
    CHECK(sql.query("SELECT count(*) FROM inspector_districts")->integer(0, 0) == 0);
}

TEST_CASE("a server's password never appears in the project's location or its errors") {
    CHECK(redactedLocation("postgresql://ana:bí-mật@db.tinh.vn:5432/safemap") ==
          "postgresql://ana@db.tinh.vn:5432/safemap");
    CHECK(redactedLocation("postgresql://ana@db/safemap?password=x&sslmode=require") ==
          "postgresql://ana@db/safemap?sslmode=require");
    CHECK(redactedLocation("postgresql:///safemap?host=/tmp/s&password=x") ==
          "postgresql:///safemap?host=/tmp/s");
    CHECK(isServerLocation("postgres://h/db"));
    CHECK_FALSE(isServerLocation("postgresql.gpkg"));
    if (!postgresAvailable())
        return;
    auto wrong = Project::open(pgUserUrl("postgres", "nobody_here", "bí-mật-123"));
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().describe().find("bí-mật-123") == std::string::npos);
    CHECK(wrong.error().file.find("nobody_here@") != std::string::npos);
}
