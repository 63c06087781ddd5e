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
    CHECK(sqlInt(path, "PRAGMA page_size") == 16384);  // database.cpp: fewer page fetches
    CHECK(sqlText(path, "SELECT data_type FROM gpkg_contents WHERE table_name='factories'") ==
          "features");
    // Requirement 119: attribute tables have an INTEGER primary key.
    for (const char* table : {"safemap_meta", "criteria_sets", "assessments", "score_blocks"})
        CHECK(sqlText(path, std::string("SELECT type FROM pragma_table_info('") + table +
                                "') WHERE pk = 1") == "INTEGER");
    CHECK(sqlText(path, "SELECT value FROM safemap_meta WHERE key = 'project.id'")->size() == 32);
}
