// Field work against a server project (docs/server.md, docs/field.md): a field package is
// made from the server, inspections are recorded in it and merged back into the server;
// an inspector records, corrects and sees inspection records only in its districts — with
// SafeMap and with hand-written SQL under its own login.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/project/merge.h"
#include "field_fixture.h"
#include "pg_fixture.h"

using namespace safemap;
using namespace safemap::test;

namespace {

std::string describeStatus(const Status& st) {
    return st ? std::string() : st.error().describe();
}

long long adminCount(const std::string& db, const std::string& sql) {
    auto c = pgConnect(pgAdminUrl(db));
    auto r = c.query(sql);
    INFO((r.ok() ? std::string() : r.error().describe()));
    REQUIRE(r.ok());
    return r->integer(0, 0);
}

}  // namespace

TEST_CASE("a field package is made from a server project and merged back into it, once",
          "[postgresql][field]") {
    if (!postgresAvailable()) {
        WARN(kNoPostgres);
        return;
    }
    PgDatabases databases;
    const std::string db = databases.create();
    TempDir dir;
    const auto packagePath = dir.file("package.gpkg");
    Project master = fieldMaster(pgAdminUrl(db));
    const PackageSummary made = makePackage(master, packagePath);
    CHECK(made.facilities == 3);
    std::string recordId;
    {
        auto package = Project::open(packagePath);
        REQUIRE(package.ok());
        InspectionDraft withPhoto = draftFor(siteId(1), "2021-07-02", InspectionOutcome::Fix);
        withPhoto.record.fixBy = parseDate("2021-07-20");
        withPhoto.newPhotos = {photoOf(5000, 7, "nha_an.jpg")};
        recordId = record(*package, withPhoto).recordId;
        record(*package, draftFor(siteId(2), "2021-07-02", InspectionOutcome::Suspend));
    }
    const long long inspectionsBefore = adminCount(db, "SELECT count(*) FROM inspections");

    auto package = openPackageForMerge(packagePath);
    REQUIRE(package.ok());
    auto merged = mergePackage(master, *package);
    INFO(describeStatus(merged ? Status{} : Status{merged.error()}));
    REQUIRE(merged.ok());
    CHECK(merged->added == 2);
    CHECK(merged->photos == 1);
    CHECK(adminCount(db, "SELECT count(*) FROM inspection_records") == 2);
    CHECK(adminCount(db, "SELECT count(*) FROM inspections") == inspectionsBefore + 2);
    CHECK(adminCount(db, "SELECT count(*) FROM inspection_photos") == 1);
    CHECK(
        adminCount(db, "SELECT count(*) FROM inspections WHERE outcome = 'fix' AND record_id = '" +
                           recordId + "'") == 1);
    auto records = master.repository().inspectionRecords(siteId(1));
    REQUIRE(records.ok());
    REQUIRE(records->size() == 1);
    REQUIRE(records->front().photos.size() == 1);
    CHECK(records->front().position == std::nullopt);
    auto photo = master.repository().photoData(records->front().photos.front().photoId);
    REQUIRE(photo.ok());
    CHECK(*photo == jpegBytes(5000, 7));
    auto log = master.repository().mergeLog();
    REQUIRE(log.ok());
    CHECK(std::count_if(log->begin(), log->end(), [](const MergeLogEntry& e) {
              return e.item == "inspection" && e.action == "added";
          }) == 2);

    // Twice: nothing new, nothing written.
    const long long logLines = adminCount(db, "SELECT count(*) FROM merge_log");
    auto again = mergePackage(master, *package);
    REQUIRE(again.ok());
    CHECK(again->nothingNew);
    CHECK(adminCount(db, "SELECT count(*) FROM merge_log") == logLines);
    CHECK(adminCount(db, "SELECT count(*) FROM inspection_records") == 2);
}

TEST_CASE("an inspector records and corrects inspection records only in its districts",
          "[postgresql][roles][field]") {
    if (!postgresAvailable()) {
        WARN(kNoPostgres);
        return;
    }
    PgLogins logins;
    PgDatabases databases;
    const std::string db = databases.create();
    const std::string inspector = logins.add("inspector", "safemap_inspector", "mk-kiem-tra");
    std::string otherRecord;
    {
        auto factories = threeFactories();
        factories[0].district = "Duy Tiên";
        factories[1].district = "Kim Bảng";
        factories[2].district = "Kim Bảng";
        Project admin = projectWith(pgAdminUrl(db), factories);
        // The office records one in Kim Bảng (not the inspector's) with a photo.
        InspectionDraft office = draftFor(siteId(2), "2021-07-01");
        office.record.measures.clear();
        office.newPhotos = {photoOf(1000, 2)};
        otherRecord = record(admin, office).recordId;
        pgAdminExec(db, "INSERT INTO inspector_districts VALUES ('" + inspector + "', 'Duy Tiên')");
    }
    const std::string url = pgUserUrl(db, inspector, "mk-kiem-tra");
    auto project = Project::open(url);
    REQUIRE(project.ok());

    // Its own district: recorded, with a photo, then corrected.
    InspectionDraft mine = draftFor(siteId(1), "2021-07-03");
    mine.record.measures.clear();
    mine.newPhotos = {photoOf(2000, 5)};
    const InspectionRecord saved = record(*project, mine);
    InspectionDraft fix;
    fix.record = saved;
    fix.readHash = recordContentHash(saved);
    fix.record.findings = "Đã bổ sung nước rửa tay";
    auto corrected = saveInspection(*project, fix);
    INFO(describeStatus(corrected ? Status{} : Status{corrected.error()}));
    REQUIRE(corrected.ok());

    // What it reads: its own records only.
    auto seen = project->repository().inspectionRecords();
    REQUIRE(seen.ok());
    REQUIRE(seen->size() == 1);
    CHECK(seen->front().findings == "Đã bổ sung nước rửa tay");
    CHECK_FALSE(project->repository().photoData(photoOf(1000, 2).info.photoId).ok());

    // Elsewhere: the facility does not exist for it; nothing is written.
    auto elsewhere = saveInspection(*project, draftFor(siteId(2), "2021-07-03"));
    REQUIRE_FALSE(elsewhere.ok());
    CHECK(elsewhere.error().code == "project.no_such_facility");
    auto removed = removeInspection(*project, otherRecord);
    CHECK(removed.ok());  // nothing it may see matched
    CHECK(adminCount(db, "SELECT count(*) FROM inspection_records WHERE record_id = '" +
                             otherRecord + "'") == 1);

    // Hand-written SQL under its own login.
    const std::string one = siteId(1);
    const std::string two = siteId(2);
    auto sql = pgConnect(url);
    CHECK(sql.query("SELECT count(*) FROM inspection_records")->integer(0, 0) == 1);
    CHECK(sql.query("SELECT count(*) FROM inspection_photos")->integer(0, 0) == 1);
    CHECK(sql.query("UPDATE inspection_records SET findings = 'x' WHERE site_id <> '" + one +
                    "' RETURNING 1")
              ->rows() == 0);
    CHECK(sql.query("DELETE FROM inspection_photos WHERE record_id = '" + otherRecord +
                    "' RETURNING 1")
              ->rows() == 0);
    CHECK(sql.query("DELETE FROM inspections WHERE site_id <> '" + one + "' RETURNING 1")->rows() ==
          0);
    auto insert = sql.exec(
        "INSERT INTO inspection_records (record_id, site_id, inspected_on, inspector, outcome, "
        "measures, recorded_at, updated_at) VALUES ('r-x', '" +
        two + "', '2021-07-04', 'x', 'keep', '[]', 'now', 'now')");
    REQUIRE_FALSE(insert.ok());
    CHECK(sqlState(insert.error()) == "42501");
    auto move = sql.exec("UPDATE inspection_records SET site_id = '" + two + "'");
    REQUIRE_FALSE(move.ok());  // its record may not be moved to a facility it may not see
    CHECK(sqlState(move.error()) == "42501");
    auto merged = sql.exec(
        "INSERT INTO merge_log (merged_at, package_id, item, item_key, action, merged_by) "
        "VALUES ('now', 'p', 'package', 'p', 'merged', 'safemap_official')");
    REQUIRE_FALSE(merged.ok());  // a log line in someone else's name
    CHECK(sqlState(merged.error()) == "42501");

    // Nothing of the other district changed.
    CHECK(adminCount(db, "SELECT count(*) FROM inspection_records WHERE site_id = '" + two +
                             "' AND findings = 'Nhà ăn có vách ngăn'") == 1);
    CHECK(adminCount(db, "SELECT count(*) FROM inspection_photos") == 2);
    CHECK(adminCount(db, "SELECT count(*) FROM inspections WHERE site_id = '" + two + "'") == 1);
}
