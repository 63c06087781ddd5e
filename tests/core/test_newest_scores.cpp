// The newest two scores per facility kept in one row (schema 7,
// core/storage/newest_score_store.h): its form, its refusals, and that a row is read only
// while it still says what the whole store says.
#include <catch2/catch.hpp>
#include <filesystem>
#include <random>

#include "core/project/criteria_use.h"
#include "core/project/scoring_run.h"
#include "core/storage/database.h"
#include "core/storage/newest_score_store.h"
#include "core/storage/schema.h"
#include "core/storage/score_store.h"
#include "project_fixture.h"

using namespace safemap;
using namespace safemap::test;

namespace {

TimelineEntry newestEntry(int64_t id, int32_t day, double percent, RiskLevel level) {
    TimelineEntry e;
    e.assessmentId = id;
    e.day = day;
    e.percent = percent;
    e.maxIndexPoints = percent / 4;
    e.mandatoryFailedMask = id % 2 ? 0b101 : 0;
    e.vetoMask = id % 3 ? 1 : 0;
    e.worstIndex = static_cast<int16_t>(id % 5 - 1);
    e.level = level;
    e.safeToOperate = percent < 70;
    return e;
}

ScoreTimeline twoFacilities() {
    ScoreTimeline t;
    t.set = {"crln-1203", 1};
    t.siteIds = {"MST-0101", "MST-0102"};
    t.entries = {newestEntry(4, 18800, 35.5, RiskLevel::Medium),
                 newestEntry(9, 18810, 81, RiskLevel::VeryHigh),
                 newestEntry(2, 18790, 12, RiskLevel::VeryLow)};
    t.siteBegin = {0, 2, 3};
    return t;
}

/// The row as a reader on its own connection finds it: a value only if it is current.
std::optional<ScoreTimeline> keptRow(const std::string& path, const CriteriaSet& set,
                                     size_t perSite = 2) {
    auto db = Database::open(path, OpenMode::ReadOnly);
    REQUIRE(db.ok());
    auto kept = readNewestScores(*db, set, perSite);
    REQUIRE(kept.ok());
    return *kept;
}

/// The newest scores the long way, on a connection of its own.
ScoreTimeline readTheLongWay(const std::string& path, const CriteriaSet& set, size_t perSite = 2) {
    auto db = Database::open(path, OpenMode::ReadOnly);
    REQUIRE(db.ok());
    auto t = loadLatestScores(*db, set, perSite);
    REQUIRE(t.ok());
    return *t;
}

/// A new project of three facilities with `rows` (tax code, date) imported under CRLN.
Project scoredProject(const std::string& path,
                      const std::vector<std::pair<std::string, std::string>>& rows) {
    Project project = projectWith(path, threeFactories());
    AssessmentImportRequest request;
    request.fallback = criteriaFrom(kCrlnFile);
    REQUIRE(importAssessments(project, assessmentsOn(rows), request).ok());
    return project;
}

}  // namespace

TEST_CASE("the newest scores' row holds every field the rules read") {
    const auto crln = criteriaFrom(kCrlnFile);
    const ScoreTimeline t = twoFacilities();
    const auto blob = encodeNewestScores(t);
    // Header 12; "MST-0101" whole (0 shared, 8 more, the text, 2 scores) at 12; "MST-0102"
    // as 7 shared and "2" (1 score) at 23; the three days' steps at 27 (18800: three bytes,
    // +10, -20); then the scores as a packed block at 32.
    constexpr size_t kBlock = 32;
    REQUIRE(blob.size() > kBlock + 8);
    CHECK(std::string(blob.begin(), blob.begin() + 4) == "SMNS");
    CHECK(std::string(blob.begin() + 14, blob.begin() + 22) == "MST-0101");
    CHECK(blob[23] == 7);
    CHECK(std::string(blob.begin() + kBlock, blob.begin() + kBlock + 4) == "SMSB");
    CHECK(blob.size() < 12 + 2 * (2 + 8 + 1) + 3 * (4 + kScoreRecordBytes));  // format 1's
    const size_t values = blob[kBlock + 9];
    const size_t firstLevel = kBlock + 10 + 8 * values + 6;
    CHECK(blob[firstLevel] == (static_cast<uint8_t>(RiskLevel::Medium) | 0x80));  // may operate
    auto back = decodeNewestScores(blob, *crln);
    REQUIRE(back);
    CHECK(timelineDifferences(*back, t) == 0);
    CHECK(back->set == CriteriaRef{crln->id, crln->version});

    SECTION("what this version did not write whole is not read") {
        std::vector<uint8_t> bad = blob;
        SECTION("cut short") {
            bad.pop_back();
        }
        SECTION("a byte too many") {
            bad.push_back(0);
        }
        SECTION("another magic") {
            bad[3] = 'X';
        }
        SECTION("more facilities than bytes") {
            bad[11] = 0x7f;
        }
        SECTION("facilities out of order") {
            bad[12 + 2 + 7] = '9';
        }  // MST-0109 before 0102
        SECTION("a score count of none") {
            bad[12 + 2 + 8] = 0;
        }
        SECTION("scores newest first") {
            bad[30] = 39;
        }  // the second day's step made -20
        SECTION("a level out of range") {
            bad[firstLevel] = 9;
        }
        SECTION("an id that shares more than the one before has") {
            bad[12] = 3;
        }
        CHECK_FALSE(decodeNewestScores(bad, *crln));
    }
}

TEST_CASE("a timeline the row cannot hold is not written") {
    ScoreTimeline t = twoFacilities();
    t.siteBegin = {0, 3, 3};  // three scores of one facility
    CHECK(encodeNewestScores(t).empty());
}

TEST_CASE("each write keeps the newest scores' row equal to the long way") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    Project project = projectWith(path, threeFactories());
    const auto crln = criteriaFrom(kCrlnFile);
    // A new project: no set is active, so there is no row.
    CHECK(sqlInt(path, "SELECT count(*) FROM newest_scores") == 0);
    AssessmentImportRequest request;
    request.fallback = crln;
    REQUIRE(importAssessments(project,
                              assessmentsOn({{"9900000001", "2021-06-14"},
                                             {"9900000001", "2021-06-01"},
                                             {"9900000001", "2021-05-20"},
                                             {"9900000002", "2021-06-10"}}),
                              request)
                .ok());
    auto row = keptRow(path, *crln);
    REQUIRE(row);
    CHECK(row->siteIds.size() == 2);
    CHECK(row->entries.size() == 3);  // the third assessment of facility 1 is not kept
    CHECK(timelineDifferences(*row, readTheLongWay(path, *crln)) == 0);
    auto one = keptRow(path, *crln, 1);
    REQUIRE(one);
    CHECK(timelineDifferences(*one, readTheLongWay(path, *crln, 1)) == 0);
    CHECK_FALSE(keptRow(path, *crln, 3));  // more than it keeps: the long way

    // A later import adds a newer score: the row follows within the import's transaction.
    REQUIRE(importAssessments(project, assessmentsOn({{"9900000002", "2021-06-20"}}, true), request)
                .ok());
    row = keptRow(path, *crln);
    REQUIRE(row);
    REQUIRE(row->of("MST-9900000002").size() == 2);
    CHECK(row->of("MST-9900000002")[1].level == RiskLevel::VeryHigh);
    CHECK(timelineDifferences(*row, readTheLongWay(path, *crln)) == 0);
    CHECK(sqlInt(path, "SELECT count(*) FROM newest_scores") == 1);

    // A re-score under the same set rewrites every block and adds no assessment: the row
    // keeps its facilities and assessments and takes their records from the new blocks.
    const auto blocksBefore = sqlInt(path, "SELECT max(fid) FROM score_blocks");
    REQUIRE(activateCriteriaSet(project, *crln).ok());
    CHECK(sqlInt(path, "SELECT min(fid) FROM score_blocks") > blocksBefore);
    row = keptRow(path, *crln);
    REQUIRE(row);
    CHECK(row->entries.size() == 4);
    CHECK(timelineDifferences(*row, readTheLongWay(path, *crln)) == 0);
    // Then one more assessment: the row renewed again by merging it in.
    REQUIRE(
        importAssessments(project, assessmentsOn({{"9900000003", "2021-06-21"}}), request).ok());
    row = keptRow(path, *crln);
    REQUIRE(row);
    CHECK(row->siteIds.size() == 3);
    CHECK(timelineDifferences(*row, readTheLongWay(path, *crln)) == 0);

    // Another set's scores are never read from the active set's row.
    const auto extended = criteriaFrom(kExtendedFile);
    CHECK_FALSE(keptRow(path, *extended));
    // Going to that set brings the row forward (the same assessments are the newest, with
    // the new set's records), and so does coming back.
    REQUIRE(activateCriteriaSet(project, *extended).ok());
    row = keptRow(path, *extended);
    REQUIRE(row);
    CHECK(row->set == CriteriaRef{extended->id, extended->version});
    CHECK(timelineDifferences(*row, readTheLongWay(path, *extended)) == 0);
    CHECK_FALSE(keptRow(path, *crln));
    REQUIRE(activateCriteriaSet(project, *crln).ok());
    row = keptRow(path, *crln);
    REQUIRE(row);
    CHECK(timelineDifferences(*row, readTheLongWay(path, *crln)) == 0);
}

TEST_CASE("a row no longer current is not read, and the next write renews it") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    Project project = scoredProject(
        path,
        {{"9900000001", "2021-06-14"}, {"9900000002", "2021-06-10"}, {"9900000003", "2021-06-11"}});
    const auto crln = criteriaFrom(kCrlnFile);
    REQUIRE(keptRow(path, *crln));
    // Each change below is one the writers of SafeMap never make without renewing the row,
    // made behind its back as a program editing the file (QGIS, sqlite3) would.
    const std::string change = GENERATE(
        std::string("INSERT INTO assessments (site_id, assessed_on, answers) "
                    "VALUES ('MST-9900000001', '2021-07-01', x'')"),
        std::string("UPDATE assessments SET assessed_on = '2021-07-02' WHERE fid = 1"),
        std::string("UPDATE assessments SET site_id = 'MST-9900000003' WHERE fid = 1"),
        std::string("DELETE FROM assessments WHERE fid = 2"),
        std::string("UPDATE factories SET site_id = 'MST-1' WHERE site_id = 'MST-9900000001'"),
        std::string("DELETE FROM factories WHERE site_id = 'MST-9900000002'"),
        std::string("UPDATE score_blocks SET entries = entries"),
        std::string("DELETE FROM score_blocks"),
        std::string("INSERT INTO score_blocks (set_id, set_version, first_assessment, "
                    "last_assessment, scores, entries) SELECT set_id, set_version, "
                    "first_assessment, last_assessment, scores, entries FROM score_blocks"));
    INFO(change);
    sqlExec(path, change);
    CHECK_FALSE(keptRow(path, *crln));
    // The repository still answers, the long way, with what the store now holds.
    const auto compiled = compileCriteria(*crln);
    auto latest = project.repository().latestScores(compiled, 2);
    REQUIRE(latest.ok());
    CHECK(timelineDifferences(*latest, readTheLongWay(path, *crln)) == 0);

    // Any write of the repository renews it, even one that scores nothing.
    auto tx = project.repository().beginWrite();
    REQUIRE(tx.ok());
    REQUIRE((*tx)->commit().ok());
    auto row = keptRow(path, *crln);
    REQUIRE(row);
    CHECK(timelineDifferences(*row, readTheLongWay(path, *crln)) == 0);
}

TEST_CASE("a damaged row is passed over, never read as scores") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    Project project = scoredProject(path, {{"9900000001", "2021-06-14"}});
    const auto crln = criteriaFrom(kCrlnFile);
    const auto compiled = compileCriteria(*crln);
    auto before = project.repository().latestScores(compiled, 2);
    REQUIRE(before.ok());
    REQUIRE(before->entries.size() == 1);
    sqlExec(path, "UPDATE newest_scores SET entries = substr(entries, 1, 40)");
    CHECK_FALSE(keptRow(path, *crln));
    auto after = project.repository().latestScores(compiled, 2);
    REQUIRE(after.ok());
    CHECK(timelineDifferences(*after, *before) == 0);
}

TEST_CASE("a write that is not committed leaves the row as it was") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    Project project = scoredProject(path, {{"9900000001", "2021-06-14"}});
    const auto crln = criteriaFrom(kCrlnFile);
    const auto stored = sqlText(path, "SELECT hex(entries) FROM newest_scores");
    REQUIRE(stored);
    {
        auto& repo = project.repository();
        const auto compiled = compileCriteria(*crln);
        auto tx = repo.beginWrite();
        REQUIRE(tx.ok());
        REQUIRE(repo.clearScores(compiled).ok());
    }  // rolled back
    CHECK(sqlText(path, "SELECT hex(entries) FROM newest_scores") == stored);
    CHECK(keptRow(path, *crln));
}

TEST_CASE("an older project gets the row of its active set when it is upgraded") {
    TempDir dir;
    const auto path = copyOfV4Sample(dir);
    auto project = Project::open(path);
    REQUIRE(project.ok());
    CHECK(project->repository().schemaVersion() == latestSchemaVersion());
    CHECK(sqlInt(path, "SELECT 1 FROM gpkg_contents WHERE table_name = 'newest_scores'") == 1);
    const auto active = sqlText(path, "SELECT set_id FROM newest_scores");
    REQUIRE(active);
    const auto set = criteriaFrom(*active == "crln-1203" ? kCrlnFile : kExtendedFile);
    auto row = keptRow(path, *set);
    REQUIRE(row);
    CHECK(row->siteIds.size() > 100);
    CHECK(timelineDifferences(*row, readTheLongWay(path, *set)) == 0);
    // And it is what scoring every assessment afresh gives, trimmed to the newest two.
    auto fresh = scoreTimelineInMemory(project->repository(), compileCriteria(*set));
    REQUIRE(fresh.ok());
    CHECK(timelineDifferences(*row, keepNewest(*fresh, 2)) == 0);
}

TEST_CASE("the row brought forward by imports, re-scores and new facilities equals the long way") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    // Twelve facilities; some never assessed, many assessments on the same days (the later
    // id is the newer), so each facility's newest two change in every way between imports.
    std::vector<Factory> factories;
    for (int i = 1; i <= 12; ++i) {
        Factory f = threeFactories()[0];
        f.taxCode = "99000001" + std::string(i < 10 ? "0" : "") + std::to_string(i);
        f.id = factoryIdFor(f.taxCode, "", "", "");
        f.location.lon += i * 0.01;
        factories.push_back(f);
    }
    Project project = projectWith(path, factories);
    const auto crln = criteriaFrom(kCrlnFile);
    const auto extended = criteriaFrom(kExtendedFile);
    REQUIRE(activateCriteriaSet(project, *crln).ok());
    std::mt19937 random(20261206);
    auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
    std::shared_ptr<const CriteriaSet> active = crln;
    for (int round = 0; round < 16; ++round) {
        INFO("round " << round);
        const int what = pick(6);
        if (what == 0) {
            active = active == crln ? extended : crln;  // another set: the row brought across
            REQUIRE(activateCriteriaSet(project, *active).ok());
        } else if (what == 1) {
            REQUIRE(activateCriteriaSet(project, *active).ok());  // the same set re-scored
        } else if (what == 2) {
            Factory f = factories[0];
            f.taxCode = "9900000200" + std::to_string(round % 10);
            f.id = factoryIdFor(f.taxCode, "", "", "");
            SiteBatch batch;
            batch.factories = {f};
            REQUIRE(importSites(project, batch, "more.csv").ok());
            factories.push_back(f);
        } else {
            std::vector<std::pair<std::string, std::string>> rows;
            for (int k = 1 + pick(6); k > 0; --k)
                rows.emplace_back(factories[static_cast<size_t>(pick(9))].taxCode,
                                  "2021-06-0" + std::to_string(1 + pick(9)));
            AssessmentImportRequest request;
            auto imported = importAssessments(project, assessmentsOn(rows, pick(2) == 1), request);
            INFO((imported.ok() ? std::string() : imported.error().describe()));
            REQUIRE(imported.ok());
        }
        auto row = keptRow(path, *active);
        REQUIRE(row);
        CHECK(timelineDifferences(*row, readTheLongWay(path, *active)) == 0);
    }
}
