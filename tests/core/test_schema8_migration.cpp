// Schema 8 (issue 8, docs/storage.md): a project written by the build before it keeps every
// answer, submitter and score through the rebuild, and its newest-scores row is renewed.
#include <catch2/catch.hpp>
#include <filesystem>

#include "core/project/imports.h"
#include "core/storage/answer_codec.h"
#include "core/storage/database.h"
#include "core/storage/newest_score_store.h"
#include "core/storage/schema.h"
#include "core/storage/score_store.h"
#include "core/tabular/csv_reader.h"
#include "project_fixture.h"

using namespace safemap;
using namespace safemap::test;

namespace {

struct Stored {
    std::string siteId, date, submitter;
    std::map<std::string, AnswerValue> answers;
};

// What the file holds, read with no migration: version 7's columns, or version 8's.
std::map<int64_t, Stored> storedAssessments(const std::string& path, bool withColumn) {
    auto db = Database::open(path, OpenMode::ReadOnly);
    REQUIRE(db.ok());
    auto st = db->prepare(
        withColumn ? "SELECT fid, site_id, assessed_on, answers, submitter FROM assessments"
                   : "SELECT fid, site_id, assessed_on, answers FROM assessments");
    REQUIRE(st.ok());
    TermReader terms(*db);
    std::map<int64_t, Stored> out;
    while (st->step()) {
        Stored& s = out[st->integer(0)];
        s.siteId = st->text(1);
        s.date = st->text(2);
        std::string fromAnswers;
        REQUIRE(
            decodeAnswers(st->blobView(3), st->integer(0), terms, s.answers, &fromAnswers).ok());
        s.submitter = withColumn ? st->text(4) : fromAnswers;
    }
    return out;
}

ScoreTimeline timelineIn(const std::string& path, const std::string& criteriaFile) {
    auto db = Database::open(path, OpenMode::ReadOnly);
    REQUIRE(db.ok());
    auto t = loadScoreTimeline(*db, *criteriaFrom(criteriaFile));
    REQUIRE(t.ok());
    return *t;
}

}  // namespace

TEST_CASE("a version-7 project keeps its answers, submitters and scores through schema 8") {
    TempDir dir;
    const auto path = dir.file("v7.gpkg");
    std::filesystem::copy_file(std::string(SAFEMAP_TEST_DATA) + "/projects/v7-sample.gpkg", path);
    REQUIRE(sqlText(path, "SELECT value FROM safemap_meta WHERE key = 'schema_version'") == "7");
    const auto before = storedAssessments(path, true);
    REQUIRE(before.size() == 480);
    const auto crlnBefore = timelineIn(path, kCrlnFile);
    const auto extendedBefore = timelineIn(path, kExtendedFile);
    REQUIRE(crlnBefore.entries.size() == 480);

    auto project = Project::open(path);
    REQUIRE(project.ok());
    CHECK(project->repository().schemaVersion() == latestSchemaVersion());
    CHECK(sqlInt(path,
                 "SELECT count(*) FROM pragma_table_info('assessments') WHERE name IN "
                 "('submitter', 'content_key')") == 0);
    CHECK(sqlInt(path, "SELECT count(*) FROM assessments WHERE substr(answers, 1, 1) = x'02'") ==
          480);
    const auto after = storedAssessments(path, false);
    REQUIRE(after.size() == before.size());
    size_t same = 0;
    for (const auto& [fid, s] : before) {
        auto it = after.find(fid);
        same += it != after.end() && it->second.siteId == s.siteId && it->second.date == s.date &&
                it->second.submitter == s.submitter && it->second.answers == s.answers;
    }
    CHECK(same == 480);
    // The score blocks stay as written (format 1) and read back the same under both sets.
    CHECK(timelineDifferences(timelineIn(path, kCrlnFile), crlnBefore) == 0);
    CHECK(timelineDifferences(timelineIn(path, kExtendedFile), extendedBefore) == 0);
    // The newest scores' row is renewed in format 2, current, and what the long way gives.
    CHECK(sqlInt(path, "SELECT count(*) FROM newest_scores WHERE substr(entries, 5, 1) = x'02'") ==
          1);
    {
        auto db = Database::open(path, OpenMode::ReadOnly);
        REQUIRE(db.ok());
        const auto crln = criteriaFrom(kCrlnFile);
        auto kept = readNewestScores(*db, *crln, 2);
        REQUIRE(kept.ok());
        REQUIRE(kept->has_value());
        auto longWay = loadLatestScores(*db, *crln, 2);
        REQUIRE(longWay.ok());
        CHECK(timelineDifferences(**kept, *longWay) == 0);
    }
    CHECK(sqlInt(path,
                 "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name "
                 "= 'assessments'") == 2);
    CHECK(sqlText(path, "PRAGMA integrity_check") == "ok");

    // Re-importing the file the project was made from adds nothing.
    auto table = readCsvFile(sourcePath("data/assessments/danh_gia_2021-06.csv"), std::nullopt);
    REQUIRE(table.ok());
    auto again = importAssessments(*project, *table, AssessmentImportRequest{});
    REQUIRE(again.ok());
    CHECK(again->inserted == 0);
    CHECK(again->alreadyPresent == 480);
}
