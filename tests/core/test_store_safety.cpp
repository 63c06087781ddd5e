// What the store promises beyond round trips: migrations, refusing files it should not
// touch, atomic "save as", and surviving a kill in the middle of a write.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "core/project/imports.h"
#include "core/project/project.h"
#include "core/project/project_settings.h"
#include "core/storage/schema.h"
#include "core/storage/site_store.h"
#include "core/synthetic/synthetic_sites.h"
#include "project_fixture.h"
#include "test_support.h"

using namespace safemap;
using namespace safemap::test;

namespace {
Factory factory(int i) {
    Factory f;
    f.taxCode = "97" + std::to_string(10000000 + i);
    f.id = factoryIdFor(f.taxCode, "", "", "");
    f.name = "Cơ sở thử " + std::to_string(i);
    f.location = {105.0 + i * 1e-5, 21.0};
    return f;
}
}  // namespace

TEST_CASE("an old project is migrated forward on open") {
    TempDir dir;
    const auto path = dir.file("old.gpkg");
    {
        auto db = Database::open(path, OpenMode::Create);
        REQUIRE(db.ok());
        REQUIRE(migrate(*db, 1).ok());
        CHECK(schemaVersion(*db).value() == 1);
        CHECK_FALSE(db->queryInt("SELECT 1 FROM sqlite_master WHERE name='assessments'"));
        // A facility as version 1 stored it (no geometry needed for this test).
        REQUIRE(db->exec("INSERT INTO factories (site_id, name) VALUES ('MST-9710000001', "
                         "'Cơ sở thử 1')")
                    .ok());
    }
    auto project = Project::open(path);
    REQUIRE(project.ok());
    CHECK(project->repository().schemaVersion() == latestSchemaVersion());
    CHECK(sqlInt(path, "SELECT 1 FROM sqlite_master WHERE name='assessments'") == 1);
    // The data written under version 1 is still there.
    CHECK(project->repository().factories().value().size() == 1);
}

TEST_CASE("a project from a newer SafeMap is refused, not guessed at") {
    TempDir dir;
    const auto path = dir.file("new.gpkg");
    REQUIRE(Project::create(path).ok());
    sqlExec(path, "UPDATE safemap_meta SET value = '" + std::to_string(latestSchemaVersion() + 1) +
                      "' WHERE key = 'schema_version'");
    auto again = Project::open(path);
    REQUIRE_FALSE(again.ok());
    CHECK_THAT(again.error().message, Catch::Contains("newer"));
}

TEST_CASE("a schema version or active set edited by hand is refused with a clear message") {
    // The settings table is visible in QGIS; a user can type anything into it.
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    REQUIRE(Project::create(path).ok());
    for (const char* value : {"-1", "abc", "", "99999999999", "2.5", "+3", " 3"}) {
        INFO("schema_version = '" << value << "'");
        sqlExec(path, std::string("UPDATE safemap_meta SET value = '") + value +
                          "' WHERE key = 'schema_version'");
        for (auto access : {Project::Access::ReadWrite, Project::Access::ReadOnly}) {
            auto p = Project::open(path, access);
            REQUIRE_FALSE(p.ok());
            CHECK(p.error().file == path);
        }
    }
    sqlExec(path, "UPDATE safemap_meta SET value = '" + std::to_string(latestSchemaVersion()) +
                      "' WHERE key = 'schema_version'");
    sqlExec(path, "INSERT INTO safemap_meta (key, value) VALUES ('criteria.active', 'nope@x')");
    auto p = Project::open(path);
    REQUIRE(p.ok());  // the project opens; what needs the active set says why it cannot
    auto active = p->repository().activeCriteria();
    REQUIRE_FALSE(active.ok());
    CHECK_THAT(active.error().message, Catch::Contains("nope@x"));
}

TEST_CASE("files that are not SafeMap projects are refused with a reason") {
    TempDir dir;
    const auto text = dir.file("notes.gpkg");
    std::ofstream(text) << "not a database";
    auto a = Project::open(text);
    REQUIRE_FALSE(a.ok());
    CHECK(a.error().file == text);
    CHECK_FALSE(Project::open(dir.file("missing.gpkg")).ok());
    sqlExec(dir.file("plain.gpkg"), "CREATE TABLE gpkg_contents (table_name TEXT)");
    auto b = Project::open(dir.file("plain.gpkg"));
    REQUIRE_FALSE(b.ok());
    CHECK_THAT(b.error().message, Catch::Contains("not a SafeMap project"));
    CHECK_FALSE(Project::create(text).ok());  // never overwrites an existing file
}

TEST_CASE("a failed write inside an import leaves the project as it was") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    auto project = Project::create(path);
    REQUIRE(project.ok());
    SiteBatch good;
    good.factories = {factory(1), factory(2)};
    REQUIRE(importSites(*project, good, "a.csv").ok());
    // A trigger makes the third insert fail half way through the batch.
    sqlExec(path,
            "CREATE TRIGGER boom BEFORE INSERT ON factories WHEN NEW.name = 'Cơ sở thử 5' "
            "BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    SiteBatch bad;
    bad.factories = {factory(3), factory(4), factory(5), factory(6)};
    bad.factories[0].name = "changed";
    auto r = importSites(*project, bad, "b.csv");
    REQUIRE_FALSE(r.ok());
    CHECK(project->repository().factories().value().size() == 2);
    CHECK(sqlInt(path, "SELECT count(*) FROM import_log") == 1);
    CHECK(sqlInt(path, "SELECT count(*) FROM change_log") == 2);
}

TEST_CASE("killing the process in the middle of writes never leaves a half-written project") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    REQUIRE(Project::create(path).ok());
    constexpr int kBatch = 3000;
    long long lastRows = 0;
    for (int attempt = 0; attempt < 4; ++attempt) {
        int pipeFds[2];
        REQUIRE(pipe(pipeFds) == 0);
        const pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            // Child: write batch after batch, each its own transaction, until killed; after
            // each commit it tells the parent, so the kill lands while writing the next one.
            close(pipeFds[0]);
            auto project = Project::open(path);
            if (!project)
                _exit(3);
            for (int b = 0;; ++b) {
                SiteBatch batch;
                for (int i = 0; i < kBatch; ++i)
                    batch.factories.push_back(factory((attempt * 1000 + b) * kBatch + i));
                if (!importSites(*project, batch, "kill.csv"))
                    _exit(4);
                const char committed = 'c';
                if (write(pipeFds[1], &committed, 1) != 1)
                    _exit(5);
            }
        }
        close(pipeFds[1]);
        char committed = 0;
        REQUIRE(read(pipeFds[0], &committed, 1) == 1);  // at least one batch is in
        std::this_thread::sleep_for(std::chrono::milliseconds(20 + attempt * 37));
        kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);
        close(pipeFds[0]);  // only now: the child must die of our SIGKILL, not of SIGPIPE
        REQUIRE(WIFSIGNALED(status));
        CHECK(WTERMSIG(status) == SIGKILL);

        REQUIRE(Project::open(path).ok());  // rolls a hot journal back
        CHECK(sqlText(path, "PRAGMA integrity_check") == "ok");
        const auto rows = sqlInt(path, "SELECT count(*) FROM factories").value_or(-1);
        INFO("rows after kill " << attempt << ": " << rows);
        CHECK(rows % kBatch == 0);  // whole batches only
        CHECK(sqlInt(path, "SELECT count(*) FROM rtree_factories_geom") == rows);
        CHECK(sqlInt(path, "SELECT count(*) FROM import_log") == rows / kBatch);
        CHECK_FALSE(std::filesystem::exists(path + "-journal"));
        lastRows = rows;
    }
    CHECK(lastRows > 0);  // the children did commit work before they were killed
}

TEST_CASE("killing a save of the view leaves one whole saved view, never a mix") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    REQUIRE(Project::create(path).ok());
    // Two views that differ in every part that is saved: a kill must leave one or the other.
    ProjectSettings a;
    a.view.extent = BBox{1.0e7, 2.0e6, 1.2e7, 2.5e6};
    a.view.layers = {{"basemap", true}, {"zones", true}, {"factories", true}};
    a.style.zoneColouring = ZoneColouring::UnsafeShare;
    a.filter.districts = {"Duy Tiên"};
    a.rules.largeWorkforce = 300;
    ProjectSettings b;
    b.view.extent = BBox{1.1e7, 2.1e6, 1.3e7, 2.6e6};
    b.view.layers = {{"factories", false}, {"zones", true}, {"basemap", false}};
    b.style.sizeByWorkforce = true;
    b.filter.districts = {"Kim Bảng", "Lý Nhân"};
    b.rules.largeWorkforce = 700;
    for (int attempt = 0; attempt < 4; ++attempt) {
        int pipeFds[2];
        REQUIRE(pipe(pipeFds) == 0);
        const pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            close(pipeFds[0]);
            auto project = Project::open(path);
            if (!project)
                _exit(3);
            for (int n = 0;; ++n) {
                if (!saveProjectSettings(*project, n % 2 ? b : a).ok())
                    _exit(4);
                const char saved = 's';
                if (n == 0 && write(pipeFds[1], &saved, 1) != 1)
                    _exit(5);
            }
        }
        close(pipeFds[1]);
        char saved = 0;
        REQUIRE(read(pipeFds[0], &saved, 1) == 1);
        std::this_thread::sleep_for(std::chrono::milliseconds(5 + attempt * 23));
        kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);
        close(pipeFds[0]);
        REQUIRE(WIFSIGNALED(status));

        auto project = Project::open(path);
        REQUIRE(project.ok());
        CHECK(sqlText(path, "PRAGMA integrity_check") == "ok");
        CHECK_FALSE(std::filesystem::exists(path + "-journal"));
        auto settings = loadProjectSettings(*project);
        REQUIRE(settings.ok());
        CHECK(settings->problems.empty());
        const bool isA = settings->view == a.view && settings->style == a.style &&
                         settings->filter.districts == a.filter.districts &&
                         settings->rules.largeWorkforce == a.rules.largeWorkforce;
        const bool isB = settings->view == b.view && settings->style == b.style &&
                         settings->filter.districts == b.filter.districts &&
                         settings->rules.largeWorkforce == b.rules.largeWorkforce;
        INFO("kill " << attempt);
        CHECK((isA || isB));
    }
}

TEST_CASE("save as writes a complete copy and replaces the target atomically") {
    TempDir dir;
    auto project = Project::create(dir.file("p.gpkg"));
    REQUIRE(project.ok());
    SiteBatch b;
    b.factories = {factory(1), factory(2), factory(3)};
    REQUIRE(importSites(*project, b, "a.csv").ok());
    const auto target = dir.file("copy.gpkg");
    std::ofstream(target) << "old contents";
    REQUIRE(project->repository().saveCopy(target).ok());
    CHECK_FALSE(std::filesystem::exists(target + ".partial"));
    auto copy = Project::open(target);
    REQUIRE(copy.ok());
    CHECK(copy->repository().factories().value() == project->repository().factories().value());
}

TEST_CASE("the synthetic generator is deterministic and puts zone members inside their zone") {
    SyntheticSpec spec;
    spec.zones = 20;
    spec.factories = 500;
    spec.seed = 7;
    const auto a = generateSyntheticSites(spec);
    const auto b = generateSyntheticSites(spec);
    CHECK(a.factories == b.factories);
    CHECK(a.zones == b.zones);
    spec.seed = 8;
    CHECK_FALSE(generateSyntheticSites(spec).factories == a.factories);
    int members = 0;
    for (const auto& f : a.factories) {
        CHECK(f.name.find("dữ liệu tổng hợp") != std::string::npos);
        if (f.zoneId.empty())
            continue;
        ++members;
        const auto& z = a.zones[static_cast<size_t>(std::stoi(f.zoneId.substr(5)) - 1)];
        CHECK(pointInPolygon(z.area[0], f.location));
    }
    CHECK(members > 350);  // ~85 % of 500
}
