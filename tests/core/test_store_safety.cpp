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

#include "core/storage/project_store.h"
#include "core/storage/schema.h"
#include "core/storage/site_store.h"
#include "core/synthetic/synthetic_sites.h"
#include "test_support.h"

using namespace safemap;

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
        auto db = Database::open(path, true);
        REQUIRE(db.ok());
        REQUIRE(migrate(*db, 1).ok());
        CHECK(schemaVersion(*db) == 1);
        CHECK_FALSE(db->queryInt("SELECT 1 FROM sqlite_master WHERE name='assessments'"));
        SiteBatch b;
        b.factories.push_back(factory(1));
        REQUIRE(upsertSites(*db, b, "v1.csv").ok());
    }
    auto store = ProjectStore::open(path);
    REQUIRE(store.ok());
    CHECK(store->schemaVersion() == latestSchemaVersion());
    CHECK(store->database().queryInt("SELECT 1 FROM sqlite_master WHERE name='assessments'") == 1);
    // The data written under version 1 is still there.
    CHECK(loadFactories(store->database()).size() == 1);
}

TEST_CASE("a project from a newer SafeMap is refused, not guessed at") {
    TempDir dir;
    const auto path = dir.file("new.gpkg");
    {
        auto store = ProjectStore::create(path);
        REQUIRE(store.ok());
        REQUIRE(store->setMeta("schema_version", std::to_string(latestSchemaVersion() + 1)).ok());
    }
    auto again = ProjectStore::open(path);
    REQUIRE_FALSE(again.ok());
    CHECK_THAT(again.error().message, Catch::Contains("newer"));
}

TEST_CASE("files that are not SafeMap projects are refused with a reason") {
    TempDir dir;
    const auto text = dir.file("notes.gpkg");
    std::ofstream(text) << "not a database";
    auto a = ProjectStore::open(text);
    REQUIRE_FALSE(a.ok());
    CHECK(a.error().file == text);
    CHECK_FALSE(ProjectStore::open(dir.file("missing.gpkg")).ok());
    {
        auto db = Database::open(dir.file("plain.gpkg"), true);
        REQUIRE(db->exec("CREATE TABLE gpkg_contents (table_name TEXT)").ok());
    }
    auto b = ProjectStore::open(dir.file("plain.gpkg"));
    REQUIRE_FALSE(b.ok());
    CHECK_THAT(b.error().message, Catch::Contains("not a SafeMap project"));
    CHECK_FALSE(ProjectStore::create(text).ok());  // never overwrites an existing file
}

TEST_CASE("a failed write inside an import leaves the project as it was") {
    TempDir dir;
    auto store = ProjectStore::create(dir.file("p.gpkg"));
    REQUIRE(store.ok());
    SiteBatch good;
    good.factories = {factory(1), factory(2)};
    REQUIRE(upsertSites(store->database(), good, "a.csv").ok());
    // A trigger makes the third insert fail half way through the batch.
    REQUIRE(
        store->database()
            .exec("CREATE TRIGGER boom BEFORE INSERT ON factories WHEN NEW.name = 'Cơ sở thử 5' "
                  "BEGIN SELECT RAISE(ABORT, 'disk full'); END")
            .ok());
    SiteBatch bad;
    bad.factories = {factory(3), factory(4), factory(5), factory(6)};
    bad.factories[0].name = "changed";
    auto r = upsertSites(store->database(), bad, "b.csv");
    REQUIRE_FALSE(r.ok());
    CHECK(loadFactories(store->database()).size() == 2);
    CHECK(store->database().queryInt("SELECT count(*) FROM import_log") == 1);
    CHECK(store->database().queryInt("SELECT count(*) FROM change_log") == 2);
}

TEST_CASE("killing the process in the middle of writes never leaves a half-written project") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    REQUIRE(ProjectStore::create(path).ok());
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
            auto store = ProjectStore::open(path);
            if (!store)
                _exit(3);
            for (int b = 0;; ++b) {
                SiteBatch batch;
                for (int i = 0; i < kBatch; ++i)
                    batch.factories.push_back(factory((attempt * 1000 + b) * kBatch + i));
                if (!upsertSites(store->database(), batch, "kill.csv"))
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

        auto store = ProjectStore::open(path);
        REQUIRE(store.ok());
        const auto& db = store->database();
        CHECK(db.queryText("PRAGMA integrity_check") == "ok");
        const auto rows = db.queryInt("SELECT count(*) FROM factories").value_or(-1);
        INFO("rows after kill " << attempt << ": " << rows);
        CHECK(rows % kBatch == 0);  // whole batches only
        CHECK(db.queryInt("SELECT count(*) FROM rtree_factories_geom") == rows);
        CHECK(db.queryInt("SELECT count(*) FROM import_log") == rows / kBatch);
        lastRows = rows;
    }
    CHECK(lastRows > 0);  // the children did commit work before they were killed
}

TEST_CASE("save as writes a complete copy and replaces the target atomically") {
    TempDir dir;
    auto store = ProjectStore::create(dir.file("p.gpkg"));
    REQUIRE(store.ok());
    SiteBatch b;
    b.factories = {factory(1), factory(2), factory(3)};
    REQUIRE(upsertSites(store->database(), b, "a.csv").ok());
    const auto target = dir.file("copy.gpkg");
    std::ofstream(target) << "old contents";
    REQUIRE(store->saveAs(target).ok());
    CHECK_FALSE(std::filesystem::exists(target + ".partial"));
    auto copy = ProjectStore::open(target);
    REQUIRE(copy.ok());
    CHECK(loadFactories(copy->database()) == loadFactories(store->database()));
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
