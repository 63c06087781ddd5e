// buildNewProject (core/project/new_project.h): a first import writes a new project file
// whole, through a temporary file that is renamed into place only when complete.
#include <catch2/catch.hpp>

#include <filesystem>

#include "core/errors/error_catalogue.h"
#include "core/project/imports.h"
#include "core/project/new_project.h"
#include "core/util/atomic_file.h"
#include "project_fixture.h"

using namespace safemap;
using namespace safemap::test;

namespace fs = std::filesystem;

TEST_CASE("a new project is written whole, then renamed into place", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("new.gpkg");
    const std::string tmp = temporaryPathFor(path);
    bool sawTemporary = false;
    const Status built = buildNewProject(path, [&](Project& project) -> Status {
        // Nothing at the path while the file is written, and the journal is not on disk.
        CHECK_FALSE(fs::exists(path));
        sawTemporary = project.location() == tmp && fs::exists(tmp);
        SiteBatch batch;
        batch.factories = threeFactories();
        auto tx = project.repository().beginWrite();
        REQUIRE(tx.ok());
        if (auto st = project.repository().upsertSites(batch, "sites.csv"); !st)
            return st.error();
        CHECK_FALSE(fs::exists(tmp + "-journal"));
        return (*tx)->commit();
    });
    REQUIRE(built.ok());
    CHECK(sawTemporary);
    CHECK_FALSE(fs::exists(tmp));
    CHECK(sqlInt(path, "SELECT count(*) FROM factories") == 3);
    CHECK(sqlText(path, "PRAGMA integrity_check") == "ok");
    // Opened again, it is an ordinary project: journaled and synced like any other.
    auto reopened = Project::open(path);
    REQUIRE(reopened.ok());
    CHECK(sqlText(path, "PRAGMA journal_mode") == "delete");
    CHECK(sqlInt(path, "SELECT count(*) FROM change_log") == 3);
}

TEST_CASE("a new project whose writing fails leaves no file at all", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("new.gpkg");
    SECTION("the fill fails after writing") {
        const Status built = buildNewProject(path, [&](Project& project) -> Status {
            SiteBatch batch;
            batch.factories = threeFactories();
            REQUIRE(importSites(project, batch, "sites.csv").ok());
            return codedError("import.cancelled", {}, "sites.csv");
        });
        REQUIRE_FALSE(built.ok());
        CHECK(built.error().code == "import.cancelled");
    }
    SECTION("an error about the temporary file is told about the project") {
        const Status built = buildNewProject(path, [&](Project& project) -> Status {
            // As a storage error names the file its connection has open.
            return codedError("project.table_unreadable", {"factories", "test"},
                              project.location());
        });
        REQUIRE_FALSE(built.ok());
        CHECK(built.error().file == path);
    }
    CHECK_FALSE(fs::exists(path));
    CHECK_FALSE(fs::exists(temporaryPathFor(path)));
}

TEST_CASE("a new project is never written over a file that exists", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("taken.gpkg");
    {
        auto existing = Project::create(path);
        REQUIRE(existing.ok());
    }
    const auto before = fs::file_size(path);
    bool filled = false;
    const Status built = buildNewProject(path, [&](Project&) -> Status {
        filled = true;
        return {};
    });
    REQUIRE_FALSE(built.ok());
    CHECK(built.error().code == "project.exists");
    CHECK_FALSE(filled);
    CHECK(fs::file_size(path) == before);
}
