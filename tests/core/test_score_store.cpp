// Scores in blocks (schema 5, core/storage/score_store.h): the record format, its refusals,
// the migration from one row per score, and what a project reads back.
#include <bit>
#include <catch2/catch.hpp>
#include <filesystem>

#include "core/project/criteria_use.h"
#include "core/project/scenario.h"
#include "core/project/scoring_run.h"
#include "core/storage/database.h"
#include "core/storage/schema.h"
#include "core/storage/score_store.h"
#include "project_fixture.h"

using namespace safemap;
using namespace safemap::test;

namespace {

ScoreRow scoreRowOf(int64_t id, double percent, RiskLevel level, int worst, uint64_t failed,
                    uint32_t vetoes, bool safe) {
    ScoreRow r;
    r.assessmentId = id;
    r.summary.percent = percent;
    r.summary.level = level;
    r.summary.mandatoryFailedMask = failed;
    r.summary.vetoMask = vetoes;
    r.summary.safeToOperate = safe;
    r.worstIndex = worst;
    r.maxIndexPoints = percent / 3;
    return r;
}

// Whether a block is refused with a reason (what project.score_block_bad reports).
bool refusedBlock(const std::vector<uint8_t>& blob, size_t indices, size_t vetoes) {
    std::vector<TimelineEntry> out;
    std::string why;
    const bool ok = decodeScoreBlock(blob, indices, vetoes, out, why);
    return !ok && !why.empty();
}

std::vector<uint8_t> withByte(std::vector<uint8_t> blob, size_t at, uint8_t value) {
    blob[at] = value;
    return blob;
}

// Every field the rules read, compared one by one.
void checkSameEntries(const ScoreTimeline& stored, const ScoreTimeline& fresh) {
    CHECK(stored.siteIds == fresh.siteIds);
    CHECK(stored.siteBegin == fresh.siteBegin);
    REQUIRE(stored.entries.size() == fresh.entries.size());
    CHECK(timelineDifferences(stored, fresh) == 0);
}

}  // namespace

TEST_CASE("a format-1 score block holds every field the rules read, little-endian") {
    const std::vector<ScoreRow> rows{
        scoreRowOf(1, 22.5, RiskLevel::Low, 3, 0, 0, true),
        scoreRowOf(7, 81.25, RiskLevel::VeryHigh, -1, (uint64_t{1} << 63) | 5, 0x80000001u, false),
        scoreRowOf(int64_t{1} << 40, 0, RiskLevel::VeryLow, 63, 0, 2, true)};
    const auto blob = encodeScoreBlock(rows, ScoreBlockFormat::FixedRecords);
    REQUIRE(blob.size() == kScoreBlockHeaderBytes + 3 * kScoreRecordBytes);
    CHECK(std::string(blob.begin(), blob.begin() + 4) == "SMSB");
    CHECK(blob[kScoreBlockHeaderBytes + kScoreRecordBytes] == 7);  // id 7, low byte first

    std::vector<TimelineEntry> out;
    std::string why;
    REQUIRE(decodeScoreBlock(blob, 64, 32, out, why));
    REQUIRE(out.size() == 3);
    for (size_t i = 0; i < rows.size(); ++i) {
        INFO(i);
        CHECK(out[i].assessmentId == rows[i].assessmentId);
        CHECK(out[i].percent == rows[i].summary.percent);
        CHECK(out[i].maxIndexPoints == rows[i].maxIndexPoints);
        CHECK(out[i].mandatoryFailedMask == rows[i].summary.mandatoryFailedMask);
        CHECK(out[i].vetoMask == rows[i].summary.vetoMask);
        CHECK(out[i].worstIndex == rows[i].worstIndex);
        CHECK(out[i].level == rows[i].summary.level);
        CHECK(out[i].safeToOperate == rows[i].summary.safeToOperate);
    }
}

TEST_CASE("a damaged format-1 score block is refused, not read as scores") {
    const std::vector<ScoreRow> rows{scoreRowOf(1, 40, RiskLevel::Medium, 2, 1, 1, true)};
    const auto good = encodeScoreBlock(rows, ScoreBlockFormat::FixedRecords);
    std::vector<TimelineEntry> out;
    std::string why;
    REQUIRE(decodeScoreBlock(good, 10, 5, out, why));

    auto refused = [](const std::vector<uint8_t>& blob, size_t indices = 10, size_t vetoes = 5) {
        return refusedBlock(blob, indices, vetoes);
    };
    auto changed = [&](size_t at, uint8_t value) { return withByte(good, at, value); };
    CHECK(refused(changed(0, 'X')));                                     // not a block
    CHECK(refused(changed(4, 3)));                                       // a later format
    CHECK(refused(changed(6, 41)));                                      // another record size
    CHECK(refused(std::vector<uint8_t>(good.begin(), good.end() - 1)));  // torn record
    CHECK(refused(changed(kScoreBlockHeaderBytes + 38, 5)));             // level beyond very high
    CHECK(refused(changed(kScoreBlockHeaderBytes + 39, 2)));             // "may operate" not 0/1
    CHECK(refused(good, 2));                                           // worst index 2 of 2 indices
    CHECK(refused(good, 10, 0));                                       // veto bit 0 of no veto
    CHECK(refused(changed(kScoreBlockHeaderBytes + 25, 0x04)));        // mandatory bit 10 of 10
    CHECK_FALSE(refused(changed(kScoreBlockHeaderBytes + 24, 0x80)));  // bit 7 of 10: fine
}

TEST_CASE("a packed score block reads back every field exactly, in under a third of the bytes") {
    std::vector<ScoreRow> rows{
        scoreRowOf(1, 22.5, RiskLevel::Low, 3, 0, 0, true),
        scoreRowOf(7, 81.25, RiskLevel::VeryHigh, -1, (uint64_t{1} << 63) | 5, 0x80000001u, false),
        scoreRowOf(int64_t{1} << 40, 0, RiskLevel::VeryLow, 63, 0, 2, true),
        scoreRowOf(3, 1.0 / 3.0, RiskLevel::Medium, 0, 1, 0, true)};  // ids may go back
    rows[1].maxIndexPoints = -0.0;
    rows[2].maxIndexPoints = 1e300;
    // An import's slice: ids one after another, percents from a few hundred values.
    for (int i = 0; i < 4096; ++i)
        rows.push_back(scoreRowOf(100 + i, (i % 300) * 0.37, static_cast<RiskLevel>(i % 5), i % 10,
                                  static_cast<uint64_t>(i % 7), static_cast<uint32_t>(i % 3),
                                  i % 2 == 0));
    const auto blob = encodeScoreBlock(rows);
    CHECK(std::string(blob.begin(), blob.begin() + 4) == "SMSB");
    CHECK(blob[4] == 2);
    CHECK(blob.size() * 3 < rows.size() * kScoreRecordBytes);

    std::vector<TimelineEntry> out;
    std::string why;
    REQUIRE(decodeScoreBlock(blob, 64, 32, out, why));
    REQUIRE(out.size() == rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
        INFO(i);
        CHECK(out[i].assessmentId == rows[i].assessmentId);
        CHECK(std::bit_cast<uint64_t>(out[i].percent) ==
              std::bit_cast<uint64_t>(rows[i].summary.percent));
        CHECK(std::bit_cast<uint64_t>(out[i].maxIndexPoints) ==
              std::bit_cast<uint64_t>(rows[i].maxIndexPoints));
        CHECK(out[i].mandatoryFailedMask == rows[i].summary.mandatoryFailedMask);
        CHECK(out[i].vetoMask == rows[i].summary.vetoMask);
        CHECK(out[i].worstIndex == rows[i].worstIndex);
        CHECK(out[i].level == rows[i].summary.level);
        CHECK(out[i].safeToOperate == rows[i].summary.safeToOperate);
    }
    // The two formats give the same scores.
    std::vector<TimelineEntry> fixed;
    REQUIRE(decodeScoreBlock(encodeScoreBlock(rows, ScoreBlockFormat::FixedRecords), 64, 32, fixed,
                             why));
    REQUIRE(fixed.size() == out.size());
    CHECK(std::equal(fixed.begin(), fixed.end(), out.begin(), [](const auto& a, const auto& b) {
        return a.assessmentId == b.assessmentId && a.level == b.level &&
               a.worstIndex == b.worstIndex && a.vetoMask == b.vetoMask;
    }));
}

TEST_CASE("a damaged packed score block is refused, not read as scores") {
    // Percent 40 and highest points 5: two values, one score.
    const std::vector<ScoreRow> rows{scoreRowOf(1, 40, RiskLevel::Medium, 2, 1, 1, true)};
    const auto good = encodeScoreBlock(rows);
    std::vector<TimelineEntry> out;
    std::string why;
    REQUIRE(decodeScoreBlock(good, 10, 5, out, why));
    REQUIRE(out.size() == 1);

    auto refused = [](const std::vector<uint8_t>& blob, size_t indices = 10, size_t vetoes = 5) {
        return refusedBlock(blob, indices, vetoes);
    };
    auto changed = [&](size_t at, uint8_t value) { return withByte(good, at, value); };
    // Header, count, the values (40 and its third), then the score's seven bytes: id step,
    // percent slot, points slot, mandatory mask, veto mask, worst index + 1, level.
    const size_t values = good[kScoreBlockHeaderBytes + 1];
    const size_t score = kScoreBlockHeaderBytes + 2 + 8 * values;
    REQUIRE(values == 2);
    REQUIRE(good.size() == score + 7);
    for (size_t cut = 0; cut < good.size(); ++cut) {
        INFO(cut);
        CHECK(refused(std::vector<uint8_t>(good.begin(), good.begin() + cut)));  // torn
    }
    auto longer = good;
    longer.push_back(0);
    CHECK(refused(longer));                                   // bytes after the last score
    CHECK(refused(changed(6, 4)));                            // a record size in format 2
    CHECK(refused(changed(kScoreBlockHeaderBytes, 200)));     // a count its bytes cannot hold
    CHECK(refused(changed(kScoreBlockHeaderBytes + 1, 90)));  // values its bytes cannot hold
    CHECK(refused(changed(score + 1, static_cast<uint8_t>(values))));  // no such percent
    CHECK(refused(changed(score + 2, static_cast<uint8_t>(values))));  // no such points
    CHECK(refused(changed(score + 3, 0x40), 6));        // mandatory bit 6 of 6 indices
    CHECK_FALSE(refused(changed(score + 3, 0x20), 6));  // bit 5 of 6: fine
    CHECK(refused(changed(score + 4, 0x20)));           // veto bit 5 of 5 vetoes
    CHECK(refused(changed(score + 5, 11)));             // worst index 10 of 10 indices
    CHECK(refused(good, 2));                            // worst index 2 of 2 indices
    CHECK(refused(good, 10, 0));                        // veto bit 0 of no veto
    CHECK(refused(changed(score + 6, 5)));              // level beyond very high
    CHECK(refused(changed(score + 6, 0x45)));           // stray bits in the level byte
    CHECK_FALSE(refused(changed(score + 6, 0x84)));     // very high, may operate: fine
}

TEST_CASE(
    "a project with a damaged score block says which set and block, and re-scoring heals it") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    Project project = projectWith(path, threeFactories());
    AssessmentImportRequest request;
    request.fallback = criteriaFrom(kCrlnFile);
    REQUIRE(importAssessments(
                project,
                assessmentsOn({{"9900000001", "2021-06-14"}, {"9900000002", "2021-06-15"}}),
                request)
                .ok());
    const auto crln = compileCriteria(*criteriaFrom(kCrlnFile));
    REQUIRE(project.repository().scoreTimeline(crln)->entries.size() == 2);

    sqlExec(path, "UPDATE score_blocks SET entries = substr(entries, 1, 30)");
    auto damaged = project.repository().scoreTimeline(crln);
    REQUIRE_FALSE(damaged.ok());
    CHECK(damaged.error().code == "project.score_block_bad");
    CHECK(damaged.error().describe().find("crln-1203") != std::string::npos);

    auto tx = project.repository().beginWrite();
    REQUIRE(tx.ok());
    REQUIRE(rescoreAll(project.repository(), crln).ok());
    REQUIRE((*tx)->commit().ok());
    CHECK(project.repository().scoreTimeline(crln)->entries.size() == 2);
}

TEST_CASE("of two blocks that score the same assessment under a set, the later one counts") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    Project project = projectWith(path, threeFactories());
    AssessmentImportRequest request;
    request.fallback = criteriaFrom(kCrlnFile);
    REQUIRE(
        importAssessments(project, assessmentsOn({{"9900000001", "2021-06-14"}}), request).ok());
    const auto crln = compileCriteria(*criteriaFrom(kCrlnFile));
    auto before = project.repository().scoreTimeline(crln);
    REQUIRE(before.ok());
    REQUIRE(before->entries.size() == 1);
    ScoreRow again =
        scoreRowOf(before->entries[0].assessmentId, 99, RiskLevel::VeryHigh, 0, 0, 0, false);
    // A score of an id far beyond the others (no such assessment) makes the ids sparse:
    // the same answer comes by the sorted path as by the slot per id.
    const bool sparse = GENERATE(false, true);
    INFO((sparse ? "sparse ids" : "dense ids"));
    std::vector<ScoreRow> rows{again};
    if (sparse)
        rows.push_back(scoreRowOf(int64_t{1} << 40, 5, RiskLevel::Low, 0, 0, 0, true));
    auto tx = project.repository().beginWrite();
    REQUIRE(tx.ok());
    REQUIRE(project.repository()
                .writeScores(crln, rows, std::vector<double>(rows.size() * crln.indexCount(), 0.0))
                .ok());
    REQUIRE((*tx)->commit().ok());
    auto after = project.repository().scoreTimeline(crln);
    REQUIRE(after.ok());
    REQUIRE(after->entries.size() == 1);
    CHECK(after->entries[0].percent == 99);
    CHECK(after->entries[0].level == RiskLevel::VeryHigh);
    CHECK(after->entries[0].day == before->entries[0].day);
}

TEST_CASE("a score block whose scores lie outside its stated range is refused") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    Project project = projectWith(path, threeFactories());
    AssessmentImportRequest request;
    request.fallback = criteriaFrom(kCrlnFile);
    REQUIRE(
        importAssessments(project, assessmentsOn({{"9900000001", "2021-06-14"}}), request).ok());
    sqlExec(path,
            "UPDATE score_blocks SET first_assessment = first_assessment + 1, "
            "last_assessment = last_assessment + 1");
    auto read = project.repository().scoreTimeline(compileCriteria(*criteriaFrom(kCrlnFile)));
    REQUIRE_FALSE(read.ok());
    CHECK(read.error().code == "project.score_block_bad");
}

TEST_CASE("a version-4 project's scores move into blocks and read back as scored") {
    TempDir dir;
    const auto path = copyOfV4Sample(dir);
    const auto crlnRows = sqlInt(path, "SELECT count(*) FROM scores WHERE set_id = 'crln-1203'");
    const auto extendedRows =
        sqlInt(path, "SELECT count(*) FROM scores WHERE set_id = 'extended-letters'");
    REQUIRE(crlnRows == 480);
    REQUIRE(extendedRows == 480);

    auto project = Project::open(path);
    REQUIRE(project.ok());
    CHECK(project->repository().schemaVersion() == latestSchemaVersion());
    CHECK(sqlText(path, "SELECT value FROM safemap_meta WHERE key = 'schema_version'") ==
          std::to_string(latestSchemaVersion()));
    CHECK_FALSE(sqlInt(path, "SELECT 1 FROM sqlite_master WHERE name = 'scores'"));
    CHECK_FALSE(sqlInt(path, "SELECT 1 FROM gpkg_contents WHERE table_name = 'scores'"));
    CHECK(sqlInt(path, "SELECT 1 FROM gpkg_contents WHERE table_name = 'score_blocks'") == 1);
    CHECK(sqlInt(path, "SELECT sum(scores) FROM score_blocks WHERE set_id = 'crln-1203'") ==
          crlnRows);
    CHECK(sqlInt(path, "SELECT sum(scores) FROM score_blocks WHERE set_id = 'extended-letters'") ==
          extendedRows);
    // What was stored is what scoring the assessments afresh gives, for both sets.
    for (const auto& file : {kCrlnFile, kExtendedFile}) {
        INFO(file);
        const auto compiled = compileCriteria(*criteriaFrom(file));
        auto stored = project->repository().scoreTimeline(compiled);
        auto fresh = scoreTimelineInMemory(project->repository(), compiled);
        REQUIRE(stored.ok());
        REQUIRE(fresh.ok());
        CHECK(stored->entries.size() == 480);
        checkSameEntries(*stored, *fresh);
    }
}

TEST_CASE("scores of a set the project no longer holds stay in their table") {
    TempDir dir;
    const auto path = copyOfV4Sample(dir);
    sqlExec(path, "DELETE FROM criteria_sets WHERE set_id = 'extended-letters'");
    auto project = Project::open(path);
    REQUIRE(project.ok());
    CHECK(sqlInt(path, "SELECT count(*) FROM scores WHERE set_id = 'extended-letters'") == 480);
    CHECK(sqlInt(path, "SELECT count(*) FROM scores WHERE set_id = 'crln-1203'") == 0);
    CHECK(sqlInt(path, "SELECT sum(scores) FROM score_blocks WHERE set_id = 'crln-1203'") == 480);
    CHECK_FALSE(sqlInt(path, "SELECT 1 FROM score_blocks WHERE set_id = 'extended-letters'"));
}

TEST_CASE("a new project keeps no table of one row per score") {
    TempDir dir;
    const auto path = dir.file("new.gpkg");
    Project project = projectWith(path, threeFactories());
    CHECK_FALSE(sqlInt(path, "SELECT 1 FROM sqlite_master WHERE name = 'scores'"));
    CHECK(sqlText(path, "SELECT type FROM pragma_table_info('score_blocks') WHERE pk = 1") ==
          "INTEGER");
}

namespace {

// The sample project's facilities have one or two assessments each; a third and fourth for
// some of them (one all good, one all worst) make histories longer than the newest two.
void addNewerAssessments(Project& project) {
    auto factories = project.repository().factories();
    REQUIRE(factories.ok());
    std::vector<std::pair<std::string, std::string>> good, worst;
    for (size_t i = 0; i < factories->size() && good.size() < 60; ++i) {
        const std::string& tax = (*factories)[i].taxCode;
        if (tax.empty())
            continue;
        good.emplace_back(tax, i % 2 ? "2021-07-05" : "2021-07-12");
        worst.emplace_back(tax, i % 3 ? "2021-07-09" : "2021-07-12");
    }
    AssessmentImportRequest request;
    for (const auto& table : {assessmentsOn(good), assessmentsOn(worst, true)}) {
        auto imported = importAssessments(project, table, request);
        INFO((imported.ok() ? std::string() : imported.error().describe()));
        REQUIRE(imported.ok());
    }
}

}  // namespace

TEST_CASE("each facility's newest scores read alone are the newest of its whole timeline") {
    TempDir dir;
    const auto path = copyOfV4Sample(dir);
    auto project = Project::open(path);
    REQUIRE(project.ok());
    addNewerAssessments(*project);
    for (const auto& file : {kCrlnFile, kExtendedFile}) {
        const auto compiled = compileCriteria(*criteriaFrom(file));
        auto whole = project->repository().scoreTimeline(compiled);
        REQUIRE(whole.ok());
        for (size_t perSite : {size_t{1}, size_t{2}, size_t{3}}) {
            INFO(file << ", " << perSite << " per facility");
            auto latest = project->repository().latestScores(compiled, perSite);
            REQUIRE(latest.ok());
            const ScoreTimeline expected = keepNewest(*whole, perSite);
            // The new assessments are scored under the active set only: under the other
            // one the stored newest are unscored and the whole timeline is trimmed instead.
            if (file == kCrlnFile)
                CHECK(latest->entries.size() < whole->entries.size());
            checkSameEntries(*latest, expected);
        }
    }
}

TEST_CASE("the newest scores come out right where the short way cannot be sure") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    Project project = projectWith(path, threeFactories());
    AssessmentImportRequest request;
    request.fallback = criteriaFrom(kCrlnFile);
    // Facility 1: two assessments on one day (the later id counts as newer) and an older one.
    REQUIRE(importAssessments(project,
                              assessmentsOn({{"9900000001", "2021-06-14"},
                                             {"9900000001", "2021-06-01"},
                                             {"9900000002", "2021-06-10"},
                                             {"9900000002", "2021-06-12"}}),
                              request)
                .ok());
    REQUIRE(importAssessments(project, assessmentsOn({{"9900000001", "2021-06-14"}}, true), request)
                .ok());
    const auto crln = compileCriteria(*criteriaFrom(kCrlnFile));
    auto& repo = project.repository();
    auto check = [&] {
        auto whole = repo.scoreTimeline(crln);
        auto latest = repo.latestScores(crln, 2);
        REQUIRE(whole.ok());
        REQUIRE(latest.ok());
        checkSameEntries(*latest, keepNewest(*whole, 2));
        return *latest;
    };
    SECTION("two on the newest day") {
        const ScoreTimeline t = check();
        const auto one = t.of("MST-9900000001");
        REQUIRE(one.size() == 2);
        CHECK(one[0].day == one[1].day);
        CHECK(one[0].assessmentId < one[1].assessmentId);
        CHECK(one[1].level == RiskLevel::VeryHigh);  // the one imported last
        CHECK(t.of("MST-9900000003").empty());
    }
    SECTION("a date kept in another form") {
        sqlExec(path,
                "UPDATE assessments SET assessed_on = '12/06/2021' "
                "WHERE assessed_on = '2021-06-12'");
        const ScoreTimeline t = check();
        REQUIRE(t.of("MST-9900000002").size() == 2);
        CHECK(t.of("MST-9900000002")[1].date() == *parseDate("2021-06-12"));
    }
    SECTION("a newest assessment without a score under the set") {
        const auto newest = sqlInt(path, "SELECT max(fid) FROM assessments");
        auto whole = repo.scoreTimeline(crln);
        REQUIRE(whole.ok());
        std::vector<ScoreRow> rows;
        for (const auto& e : whole->entries)
            if (e.assessmentId != newest)
                rows.push_back(scoreRowOf(e.assessmentId, e.percent, e.level, e.worstIndex,
                                          e.mandatoryFailedMask, e.vetoMask, e.safeToOperate));
        auto tx = repo.beginWrite();
        REQUIRE(tx.ok());
        REQUIRE(repo.clearScores(crln).ok());
        REQUIRE(
            repo.writeScores(crln, rows, std::vector<double>(rows.size() * crln.indexCount(), 0.0))
                .ok());
        REQUIRE((*tx)->commit().ok());
        const ScoreTimeline t = check();
        const auto one = t.of("MST-9900000001");
        REQUIRE(one.size() == 2);
        CHECK(one[1].assessmentId != newest);
        CHECK(one[0].day < one[1].day);
    }
}

TEST_CASE("the data dates read off the index are the dates the whole history holds") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    Project project = projectWith(path, threeFactories());
    AssessmentImportRequest request;
    request.fallback = criteriaFrom(kCrlnFile);
    REQUIRE(importAssessments(project,
                              assessmentsOn({{"9900000001", "2021-06-14"},
                                             {"9900000001", "2021-06-01"},
                                             {"9900000002", "2021-06-10"},
                                             {"9900000002", "2021-06-12"},
                                             {"9900000003", "2021-06-14"}}),
                              request)
                .ok());
    const auto& repo = project.repository();
    auto dates = repo.assessmentDates();
    REQUIRE(dates.ok());
    // The store's own read against the default, which reads every assessment.
    auto everyRow = repo.ProjectRepository::assessmentDates();
    REQUIRE(everyRow.ok());
    CHECK(*dates == *everyRow);
    CHECK(dates->size() == 4);
    CHECK(std::is_sorted(dates->begin(), dates->end()));

    FactsRequest latest;
    latest.history = ScoreHistory::Latest;
    auto short_ = loadProjectFacts(project, latest);
    auto whole = loadProjectFacts(project);
    REQUIRE(short_.ok());
    REQUIRE(whole.ok());
    REQUIRE(short_->history == ScoreHistory::Latest);
    auto fromIndex = loadDataDates(project, *short_);
    REQUIRE(fromIndex.ok());
    CHECK(*fromIndex == dataDates(*whole));

    SECTION("a date kept in another form is the same day") {
        sqlExec(path,
                "UPDATE assessments SET assessed_on = '12/06/2021' "
                "WHERE assessed_on = '2021-06-12'");
        auto again = repo.assessmentDates();
        REQUIRE(again.ok());
        CHECK(*again == *dates);
    }
    SECTION("a date that is none is an error naming the assessment") {
        sqlExec(path, "UPDATE assessments SET assessed_on = 'hôm qua' WHERE fid = 2");
        auto bad = repo.assessmentDates();
        REQUIRE_FALSE(bad.ok());
        CHECK(bad.error().code == "project.assessment_bad_date");
        CHECK(bad.error().args.at(0) == "2");
        CHECK(bad.error().message.find("hôm qua") != std::string::npos);
    }
}

namespace {

// The status of every facility as the map and the lists show it, compared field by field.
size_t statusDifferences(const ProjectStatus& a, const ProjectStatus& b) {
    size_t differ = a.sites.size() == b.sites.size() ? 0 : 1;
    for (size_t i = 0; i < std::min(a.sites.size(), b.sites.size()); ++i) {
        const SiteStatus& x = a.sites[i];
        const SiteStatus& y = b.sites[i];
        differ +=
            !(x.siteId == y.siteId && x.level == y.level && x.stale == y.stale &&
              x.rising == y.rising && x.toSuspend == y.toSuspend && x.toInspect == y.toInspect);
    }
    return differ + (a.suspendOrder != b.suspendOrder) + (a.inspectOrder != b.inspectOrder) +
           (a.asOf != b.asOf);
}

}  // namespace

TEST_CASE("the lists from the newest scores alone are the lists from the whole history") {
    TempDir dir;
    const auto path = copyOfV4Sample(dir);
    auto project = Project::open(path);
    REQUIRE(project.ok());
    addNewerAssessments(*project);
    auto whole = evaluateScenario(*project, Scenario{});
    auto latest = evaluateScenario(*project, Scenario{}, {}, ScoreHistory::Latest);
    REQUIRE(whole.ok());
    REQUIRE(latest.ok());
    CHECK(whole->facts->history == ScoreHistory::Full);
    CHECK(latest->facts->history == ScoreHistory::Latest);
    CHECK(latest->facts->scores.entries.size() < whole->facts->scores.entries.size());
    CHECK_FALSE(whole->status.suspendOrder.empty());
    CHECK_FALSE(whole->status.inspectOrder.empty());
    CHECK(statusDifferences(whole->status, latest->status) == 0);

    // An earlier date needs what the newest scores do not hold: the whole history is read.
    const std::vector<Date> dates = dataDates(*whole->facts);
    REQUIRE(dates.size() >= 3);
    CHECK_FALSE(coversAsOf(*latest->facts, dates[dates.size() - 2]));
    size_t changedFromToday = 0;
    for (size_t i = 0; i + 1 < dates.size(); i += std::max<size_t>(1, dates.size() / 5)) {
        INFO(formatDate(dates[i]));
        Scenario back;
        back.rules.asOf = dates[i];
        auto full = evaluateScenario(*project, back);
        auto asked = evaluateScenario(*project, back, {}, ScoreHistory::Latest);
        REQUIRE(full.ok());
        REQUIRE(asked.ok());
        CHECK(asked->facts->history == ScoreHistory::Full);
        CHECK(statusDifferences(full->status, asked->status) == 0);
        changedFromToday += statusDifferences(full->status, whole->status) > 1;
    }
    CHECK(changedFromToday > 0);  // the earlier dates do look different
}

TEST_CASE("newest scores given their whole history are the facts read whole") {
    TempDir dir;
    const auto path = copyOfV4Sample(dir);
    auto project = Project::open(path);
    REQUIRE(project.ok());
    addNewerAssessments(*project);
    auto whole = loadProjectFacts(*project);
    auto latest =
        loadProjectFacts(*project, FactsRequest{nullptr, {}, nullptr, ScoreHistory::Latest});
    REQUIRE(whole.ok());
    REQUIRE(latest.ok());
    REQUIRE(latest->history == ScoreHistory::Latest);

    auto deeper = withFullHistory(*project, *latest);
    REQUIRE(deeper.ok());
    CHECK(deeper->history == ScoreHistory::Full);
    CHECK(deeper->factories == whole->factories);
    CHECK(deeper->index == latest->index);  // the sites were not read again
    CHECK(deeper->idRank == whole->idRank);
    CHECK(deeper->scoreSite == whole->scoreSite);
    CHECK(timelineDifferences(deeper->scores, whole->scores) == 0);
    for (const Date& day : dataDates(*whole)) {
        INFO(formatDate(day));
        RuleSettings rules;
        rules.asOf = day;
        CHECK(statusDifferences(computeStatus(*deeper, rules), computeStatus(*whole, rules)) == 0);
    }
    // Whole facts come back as they are.
    auto again = withFullHistory(*project, *whole);
    REQUIRE(again.ok());
    CHECK(timelineDifferences(again->scores, whole->scores) == 0);

    SECTION("the active set changed meanwhile: the facts' own set scores them in memory") {
        auto other = std::make_shared<CriteriaSet>(*latest->criteria);
        other->version += 1;
        REQUIRE(activateCriteriaSet(*project, *other).ok());
        auto moved = withFullHistory(*project, *latest);
        REQUIRE(moved.ok());
        CHECK(moved->history == ScoreHistory::Full);
        CHECK(moved->criteria->version == latest->criteria->version);
        CHECK(moved->scoredInMemory);
        CHECK(moved->index != latest->index);  // the sites were read again
        CHECK(timelineDifferences(moved->scores, whole->scores) == 0);
    }
}

TEST_CASE("facts read with the scores on a second connection are the facts read on one") {
    TempDir dir;
    const auto path = copyOfV4Sample(dir);
    auto project = Project::open(path);
    REQUIRE(project.ok());
    addNewerAssessments(*project);
    int opened = 0;
    for (const ScoreHistory history : {ScoreHistory::Latest, ScoreHistory::Full}) {
        INFO((history == ScoreHistory::Latest ? "latest" : "full"));
        FactsRequest one;
        one.history = history;
        FactsRequest two = one;
        two.reopen = [&] {
            ++opened;
            return Project::open(path, Project::Access::ReadOnly);
        };
        auto a = loadProjectFacts(*project, one);
        auto b = loadProjectFacts(*project, two);
        REQUIRE(a.ok());
        REQUIRE(b.ok());
        CHECK(b->history == history);
        CHECK(b->factories.size() == a->factories.size());
        CHECK(b->scores.siteIds == a->scores.siteIds);
        CHECK(b->scores.siteBegin == a->scores.siteBegin);
        REQUIRE(b->scores.entries.size() == a->scores.entries.size());
        CHECK_FALSE(a->scores.entries.empty());
        size_t differ = 0;
        for (size_t i = 0; i < a->scores.entries.size(); ++i) {
            const TimelineEntry& x = a->scores.entries[i];
            const TimelineEntry& y = b->scores.entries[i];
            differ += x.assessmentId != y.assessmentId || x.day != y.day ||
                      x.percent != y.percent || x.level != y.level;
        }
        CHECK(differ == 0);
        CHECK(b->scoreSite == a->scoreSite);
    }
    CHECK(opened == 2);

    SECTION("a second connection that cannot be opened is the load's error") {
        FactsRequest failing;
        failing.reopen = [&] {
            return Project::open(dir.file("missing.gpkg"), Project::Access::ReadOnly);
        };
        auto facts = loadProjectFacts(*project, failing);
        REQUIRE_FALSE(facts.ok());
        CHECK(facts.error().describe().find("missing.gpkg") != std::string::npos);
    }
}
