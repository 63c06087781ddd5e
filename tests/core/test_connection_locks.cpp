// The command-line front opens connections without SQLite's per-call lock
// (Database::openWithoutLocks); every other program keeps it. Catch's test cases each run in
// a process of their own under ctest, so the switch below reaches no other test.
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "core/storage/database.h"
#include "test_support.h"

using namespace safemap;

TEST_CASE("connections keep SQLite's lock unless the program uses each on one thread") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    auto locked = Database::open(path, OpenMode::Create);
    REQUIRE(locked.ok());
    CHECK(sqlite3_db_mutex(locked->handle()) != nullptr);
    auto copy = Database::memoryCopyOf(*locked);
    REQUIRE(copy.ok());
    CHECK(sqlite3_db_mutex(copy->handle()) != nullptr);

    Database::openWithoutLocks();
    auto unlocked = Database::open(path, OpenMode::ReadOnly);
    REQUIRE(unlocked.ok());
    CHECK(sqlite3_db_mutex(unlocked->handle()) == nullptr);
    auto unlockedCopy = Database::memoryCopyOf(*locked);
    REQUIRE(unlockedCopy.ok());
    CHECK(sqlite3_db_mutex(unlockedCopy->handle()) == nullptr);
    // Opened before the switch: it keeps its lock.
    CHECK(sqlite3_db_mutex(locked->handle()) != nullptr);
}
