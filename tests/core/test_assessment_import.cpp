// Assessment rows → project: matching, validation with row/column, idempotence, history,
// all-or-nothing, and lists made from what was stored.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <random>

#include "core/assessments/assessment_table.h"
#include "core/assessments/inspection_table.h"
#include "core/criteria/criteria_io.h"
#include "core/project/criteria_use.h"
#include "core/project/imports.h"
#include "core/project/project_facts.h"
#include "core/project/project_status.h"
#include "core/rules/action_lists.h"
#include "core/storage/assessment_store.h"
#include "core/tabular/csv_chunks.h"
#include "core/tabular/csv_reader.h"
#include "project_fixture.h"

using namespace safemap;
using namespace safemap::test;

TEST_CASE("assessment rows are matched by tax code, read and validated with row and column") {
    auto set = criteriaFrom(kCrlnFile);
    const auto lookup = SiteLookup::from(threeFactories());
    SECTION("good rows; Vietnamese headers and answers are understood") {
        auto t =
            tableOf(kAssessmentHeader, {{"9900000001", "14/06/2021", "Trần Thị B", "350", "10",
                                         "có", "có", "100", "vach_ngan", "0", "1", "có", "khong"}});
        auto parsed = parseAssessmentTable(t, *set, lookup);
        INFO((parsed.ok() ? std::string() : parsed.error().describe()));
        REQUIRE(parsed.ok());
        REQUIRE(parsed->assessments.size() == 1);
        const Assessment& a = parsed->assessments[0];
        CHECK(a.siteId == "MST-9900000001");
        CHECK(a.date == *parseDate("2021-06-14"));
        CHECK(a.submitter == "Trần Thị B");
        CHECK(std::get<double>(a.answers.at("workers_concurrent")) == 350);
        CHECK(std::get<bool>(a.answers.at("hand_washing")) == true);
        CHECK(std::get<std::string>(a.answers.at("night_shift")) == "khong");
        CHECK(parsed->rows == std::vector<long>{2});
    }
    SECTION("an unknown tax code names row and column") {
        auto t = tableOf(kAssessmentHeader, {{"9900000001", "2021-06-14", "", "350"},
                                             {"1234567890", "2021-06-14", "", "350"}});
        auto parsed = parseAssessmentTable(t, *set, lookup);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().row == 3);
        CHECK(parsed.error().column == "Mã số thuế");
        CHECK(parsed.error().file == "danh_gia.csv");
    }
    SECTION("a bad date and an unreadable answer are refused") {
        auto badDate = parseAssessmentTable(
            tableOf(kAssessmentHeader, {{"9900000001", "32/13/2021"}}), *set, lookup);
        REQUIRE_FALSE(badDate.ok());
        CHECK(badDate.error().column == "Ngày đánh giá");
        auto badAnswer = parseAssessmentTable(
            tableOf(kAssessmentHeader, {{"9900000001", "2021-06-14", "", "nhiều"}}), *set, lookup);
        REQUIRE_FALSE(badAnswer.ok());
        CHECK(badAnswer.error().row == 2);
        CHECK(badAnswer.error().column == "workers_concurrent");
    }
    SECTION("a table with no index column is refused as a whole") {
        auto t = tableOf({"ma_so_thue", "ngay_danh_gia", "ghi_chu"},
                         {{"9900000001", "2021-06-14", "x"}});
        auto parsed = parseAssessmentTable(t, *set, lookup);
        REQUIRE_FALSE(parsed.ok());
        CHECK_THAT(parsed.error().message, Catch::Contains("no column matches"));
    }
}

namespace {
// Site 1: safe twice. Site 2: every index at its worst (100 % → very high). Site 3: none.
Table threeAssessments() {
    return tableOf(kAssessmentHeader, {{"9900000001", "2021-06-01", "A", "50", "20", "có", "có",
                                        "100", "vach_ngan", "0", "1", "có", "khong"},
                                       {"9900000001", "2021-06-14", "A", "50", "20", "có", "có",
                                        "100", "vach_ngan", "0", "1", "có", "khong"},
                                       {"9900000002", "2021-06-14", "B", "6000", "1", "không",
                                        "không", "0", "khong", "100", "20", "không", "co"}});
}
}  // namespace

TEST_CASE("assessments are appended with their scores, once, and lists follow from them") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    Project project = projectWith(path, threeFactories());
    AssessmentImportRequest request;
    request.fallback = criteriaFrom(kCrlnFile);
    auto first = importAssessments(project, threeAssessments(), request);
    INFO((first.ok() ? std::string() : first.error().describe()));
    REQUIRE(first.ok());
    CHECK(first->inserted == 3);
    CHECK(first->criteriaChanged);  // the project had no set: the fallback became active
    CHECK(first->scoredWith == CriteriaRef{"crln-1203", 1});
    auto again = importAssessments(project, threeAssessments(), request);
    REQUIRE(again.ok());
    CHECK(again->inserted == 0);
    CHECK(again->alreadyPresent == 3);
    CHECK_FALSE(again->criteriaChanged);
    CHECK(sqlInt(path, "SELECT count(*) FROM assessments") == 3);
    CHECK(sqlInt(path, "SELECT coalesce(sum(scores), 0) FROM score_blocks") == 3);
    CHECK(project.repository().assessmentsOf("MST-9900000001").value().size() == 2);

    auto facts = loadProjectFacts(project);
    REQUIRE(facts.ok());
    const ProjectStatus status = computeStatus(*facts, RuleSettings{});
    CHECK(status.asOf == *parseDate("2021-06-14"));  // the newest assessment
    const auto siteFacts = factsAsOf(*facts, status.asOf);
    REQUIRE(siteFacts.size() == 3);
    const auto& worst = siteFacts[1];
    REQUIRE(worst.latest);
    CHECK(worst.latest->percent == Approx(100.0));
    CHECK(worst.latest->level == RiskLevel::VeryHigh);
    CHECK_FALSE(worst.latest->safeToOperate);
    CHECK(siteFacts[0].previous.has_value());
    REQUIRE(status.suspendOrder.size() == 2);
    // Very high risk with the measures missing outranks "never assessed" (priority order).
    const SiteStatus& top = status.sites[status.suspendOrder[0]];
    const SiteStatus& next = status.sites[status.suspendOrder[1]];
    CHECK(top.siteId == "MST-9900000002");
    CHECK(next.siteId == "MST-9900000003");
    CHECK(top.priority.level == 40);
    CHECK(next.priority.level == 25);
    CHECK(next.suspendReasons[0].code == ReasonCode::NoAssessment);
}

TEST_CASE("an inspection newer than every assessment moves the default list date to it") {
    // A field inspection merged after the newest assessment must show without moving the
    // as-of slider by hand.
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    Project project = projectWith(path, threeFactories());
    AssessmentImportRequest request;
    request.fallback = criteriaFrom(kCrlnFile);
    REQUIRE(importAssessments(project, threeAssessments(), request).ok());
    const std::vector<std::string> header = {"ma_so_thue", "ngay_kiem_tra", "nguoi_kiem_tra",
                                             "dat_yeu_cau", "ket_luan"};
    SECTION("an older inspection leaves it at the newest assessment") {
        REQUIRE(importInspections(
                    project, tableOf(header, {{"9900000002", "2021-06-10", "Đoàn 1", "không", ""}}))
                    .ok());
        auto facts = loadProjectFacts(project);
        REQUIRE(facts.ok());
        CHECK(defaultAsOf(*facts) == *parseDate("2021-06-14"));
    }
    SECTION("a newer inspection becomes the default date, and counts in the lists") {
        REQUIRE(importInspections(
                    project, tableOf(header, {{"9900000002", "2021-07-02", "Đoàn 1", "không", ""}}))
                    .ok());
        auto facts = loadProjectFacts(project);
        REQUIRE(facts.ok());
        CHECK(defaultAsOf(*facts) == *parseDate("2021-07-02"));
        const ProjectStatus status = computeStatus(*facts, RuleSettings{});
        CHECK(status.asOf == *parseDate("2021-07-02"));
        const auto siteFacts = factsAsOf(*facts, status.asOf);
        REQUIRE(siteFacts.size() == 3);
        REQUIRE(siteFacts[1].lastInspection.has_value());
        CHECK(siteFacts[1].lastInspection->date == *parseDate("2021-07-02"));
        CHECK_FALSE(siteFacts[1].lastInspection->measuresOk);
    }
}

TEST_CASE("a refused or cancelled assessment import changes nothing, not even the criteria set") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    Project project = projectWith(path, threeFactories());
    AssessmentImportRequest request;
    request.fallback = criteriaFrom(kCrlnFile);
    SECTION("a bad row in a project without a set stores no set") {
        auto bad = tableOf(kAssessmentHeader, {{"9900000001", "2021-06-01", "A", "50"},
                                               {"9900000002", "2021-06-01", "B", "nhiều"}});
        auto r = importAssessments(project, bad, request);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().row == 3);
        CHECK(sqlInt(path, "SELECT count(*) FROM criteria_sets") == 0);
        CHECK_FALSE(project.repository().activeCriteria().value().has_value());
    }
    SECTION("a bad row with an explicit set leaves the active set and its scores") {
        REQUIRE(importAssessments(project, threeAssessments(), request).ok());
        AssessmentImportRequest withSet;
        withSet.criteria = criteriaFrom(kExtendedFile);
        auto bad = tableOf(kAssessmentHeader, {{"9900000002", "2021-06-20", "B", "nhiều"}});
        REQUIRE_FALSE(importAssessments(project, bad, withSet).ok());
        CHECK(project.repository().activeCriteria().value() == CriteriaRef{"crln-1203", 1});
        CHECK(sqlInt(path, "SELECT count(*) FROM criteria_sets") == 1);
        CHECK(sqlInt(path, "SELECT coalesce(sum(scores), 0) FROM score_blocks") == 3);
        CHECK(sqlInt(path, "SELECT count(*) FROM import_log WHERE kind='assessments'") == 1);
    }
    SECTION("cancel rolls everything back") {
        // 9,000 distinct rows: more than two batches, so cancel lands after one is written.
        std::vector<std::string> submitters;
        for (int i = 0; i < 9000; ++i)
            submitters.push_back(std::string("S").append(std::to_string(i)));
        std::vector<std::vector<std::string_view>> rows;
        for (const auto& s : submitters)
            rows.push_back({"9900000001", "2021-06-01", s, "50"});
        std::atomic<bool> cancel{false};
        request.cancel = &cancel;
        request.progress = [&](long long done, long long) {
            if (done >= 4096)
                cancel = true;
        };
        auto r = importAssessments(project, tableOf(kAssessmentHeader, rows), request);
        REQUIRE_FALSE(r.ok());
        CHECK_THAT(r.error().message, Catch::Contains("cancelled"));
        CHECK(sqlInt(path, "SELECT count(*) FROM assessments") == 0);
        CHECK(sqlInt(path, "SELECT coalesce(sum(scores), 0) FROM score_blocks") == 0);
        CHECK(sqlInt(path, "SELECT count(*) FROM criteria_sets") == 0);
        CHECK(sqlInt(path, "SELECT count(*) FROM import_log WHERE kind='assessments'") == 0);
    }
}

TEST_CASE("an import finds each assessment stored already, before or after a facility's newest") {
    // An import looks for a row only where it could be stored: on or before the newest
    // day its facility has (NewestDays). Dated after it, a row cannot be stored. Rows in
    // every position, across slices of 4,096 and across imports.
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    Project project = projectWith(path, threeFactories());
    AssessmentImportRequest request;
    request.fallback = criteriaFrom(kCrlnFile);
    auto first =
        importAssessments(project,
                          tableOf(kAssessmentHeader, {{"9900000001", "2021-06-10", "A", "50"},
                                                      {"9900000001", "2021-06-12", "A", "50"},
                                                      {"9900000002", "2021-06-11", "B", "60"},
                                                      // Into a project with none stored, the
                                                      // import's own rows are found.
                                                      {"9900000001", "2021-06-10", "A", "50"},
                                                      {"9900000001", "2021-06-12", "A", "50"}}),
                          request);
    REQUIRE(first.ok());
    REQUIRE(first->inserted == 3);
    REQUIRE(first->alreadyPresent == 2);
    // 5,000 days of the third facility, oldest first, then the rows that matter in the
    // second slice.
    std::vector<std::string> days;
    for (int i = 0; i < 5000; ++i)
        days.push_back(formatDate(
            Date{std::chrono::sys_days{std::chrono::year{2000} / 1 / 1} + std::chrono::days{i}}));
    std::vector<std::vector<std::string_view>> rows;
    for (const auto& d : days)
        rows.push_back({"9900000003", d, "C", "40"});
    rows.push_back({"9900000001", "2021-06-12", "A", "50"});  // stored: the newest day
    rows.push_back({"9900000001", "2021-06-10", "A", "50"});  // stored: before the newest
    rows.push_back({"9900000001", "2021-06-11", "A", "50"});  // new, before the newest
    rows.push_back({"9900000001", "2021-06-13", "A", "50"});  // new, after it
    rows.push_back({"9900000001", "2021-06-13", "A", "50"});  // the same again in the file
    rows.push_back({"9900000002", "2021-06-11", "B", "61"});  // the same day, other answers
    rows.push_back({"9900000003", days[17], "C", "40"});      // in the first slice already
    rows.push_back({"9900000003", days[4999], "C", "40"});    // the newest, written just now
    auto second = importAssessments(project, tableOf(kAssessmentHeader, rows), request);
    INFO((second.ok() ? std::string() : second.error().describe()));
    REQUIRE(second.ok());
    CHECK(second->inserted == 5000 + 3);
    CHECK(second->alreadyPresent == 5);
    CHECK(sqlInt(path, "SELECT count(*) FROM assessments") == 3 + 5003);
    CHECK(sqlInt(path,
                 "SELECT count(*) FROM (SELECT 1 FROM assessments GROUP BY site_id, assessed_on, "
                 "answers HAVING count(*) > 1)") == 0);
    // And the whole file again: every row is found.
    auto again = importAssessments(project, tableOf(kAssessmentHeader, rows), request);
    REQUIRE(again.ok());
    CHECK(again->inserted == 0);
    CHECK(again->alreadyPresent == static_cast<int>(rows.size()));
}

TEST_CASE("a streamed import stores nothing when a row far into the file is bad") {
    // Issue 8: rows are parsed, stored and scored slice by slice; a bad row after several
    // slices have been written must still leave the project as it was.
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    Project project = projectWith(path, threeFactories());
    AssessmentImportRequest request;
    request.fallback = criteriaFrom(kCrlnFile);
    REQUIRE(importAssessments(project, threeAssessments(), request).ok());
    std::vector<std::string> submitters;
    for (int i = 0; i < 10000; ++i)
        submitters.push_back(std::string("S").append(std::to_string(i)));
    std::vector<std::vector<std::string_view>> rows;
    for (const auto& s : submitters)
        rows.push_back({"9900000001", "2021-06-02", s, "50"});
    rows[9500] = {"9900000002", "2021-06-02", "X", "nhiều"};
    auto r = importAssessments(project, tableOf(kAssessmentHeader, rows), request);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().row == 9502);  // header is row 1, the first data row 2
    CHECK(r.error().column == "workers_concurrent");
    CHECK(sqlInt(path, "SELECT count(*) FROM assessments") == 3);
    CHECK(sqlInt(path, "SELECT coalesce(sum(scores), 0) FROM score_blocks") == 3);
    CHECK(sqlInt(path, "SELECT count(*) FROM import_log WHERE kind='assessments'") == 1);

    // The same rows without the bad one: all stored and scored, the log counts them.
    rows[9500] = {"9900000002", "2021-06-02", "X", "60"};
    auto good = importAssessments(project, tableOf(kAssessmentHeader, rows), request);
    INFO((good.ok() ? std::string() : good.error().describe()));
    REQUIRE(good.ok());
    CHECK(good->rows == 10000);
    CHECK(good->inserted == 10000);
    CHECK(sqlInt(path, "SELECT count(*) FROM assessments") == 10003);
    CHECK(sqlInt(path, "SELECT coalesce(sum(scores), 0) FROM score_blocks") == 10003);
    CHECK(sqlInt(path, "SELECT rows FROM import_log ORDER BY fid DESC LIMIT 1") == 10000);
}

TEST_CASE("reading an assessment table in slices gives what reading it whole gives") {
    auto set = criteriaFrom(kCrlnFile);
    const auto lookup = SiteLookup::from(threeFactories());
    const Table t = tableOf(kAssessmentHeader, {{"9900000001", "2021-06-01", "A", "50"},
                                                {"Tổng cộng", "", "", ""},
                                                {"9900000002", "2021-06-03", "B", "60", "5"},
                                                {"9900000003", "2021-06-04", "C", "", "7", "có"}});
    auto whole = parseAssessmentTable(t, *set, lookup);
    REQUIRE(whole.ok());
    auto reader = AssessmentRowReader::open(t, *set, lookup);
    REQUIRE(reader.ok());
    REQUIRE(reader->rowCount() == 4);
    ParsedAssessments sliced;
    sliced.warnings = reader->headerWarnings();
    for (size_t first = 0; first < reader->rowCount(); first += 3)
        REQUIRE(reader->read(first, 3, sliced).ok());
    REQUIRE(sliced.assessments.size() == 3);
    CHECK(sliced.rows == whole->rows);
    CHECK(sliced.rows == std::vector<long>{2, 4, 5});
    for (size_t i = 0; i < sliced.assessments.size(); ++i) {
        CHECK(sliced.assessments[i].siteId == whole->assessments[i].siteId);
        CHECK(sliced.assessments[i].answers == whole->assessments[i].answers);
    }
    REQUIRE(sliced.warnings.size() == whole->warnings.size());
    for (size_t i = 0; i < sliced.warnings.size(); ++i)
        CHECK(sliced.warnings[i].message == whole->warnings[i].message);
    CHECK(reader->read(10, 5, sliced).ok());  // past the end reads nothing
    CHECK(sliced.assessments.size() == 3);
}

TEST_CASE("slices read into the assessments of the slice before give what reading whole gives") {
    // Rows answering different indexes, some with no submitter, next to rows answering the
    // same ones: a spare assessment is filled in place only where its indexes match.
    auto set = criteriaFrom(kExtendedFile);
    const auto lookup = SiteLookup::from(threeFactories());
    const std::vector<std::string> full = {
        "", "", "", "120", "4", "có", "không", "100", "vach_ngan", "30", "1", "có", "mien_tru"};
    std::mt19937 random(5);
    std::vector<std::vector<std::string>> rows;
    for (int r = 0; r < 60; ++r) {
        std::vector<std::string> row = full;
        row[0] = "990000000" + std::to_string(1 + r % 3);
        row[1] = "2021-06-" + std::to_string(10 + r % 19);
        row[2] = r % 4 == 0 ? "" : "Người nộp " + std::to_string(r);
        row[3] = std::to_string(50 + r);
        if (r % 3 == 1)  // one index left blank, another each time
            row[4 + random() % (full.size() - 4)].clear();
        rows.push_back(row);
    }
    std::vector<std::vector<std::string_view>> cells;
    for (const auto& row : rows)
        cells.emplace_back(row.begin(), row.end());
    const Table t = tableOf(kAssessmentHeader, cells);
    auto whole = parseAssessmentTable(t, *set, lookup);
    REQUIRE(whole.ok());
    REQUIRE(whole->assessments.size() == 60);
    auto reader = AssessmentRowReader::open(t, *set, lookup);
    REQUIRE(reader.ok());
    ParsedAssessments slice;
    for (size_t first = 0; first < reader->rowCount(); first += 4) {
        slice.startNextSlice();
        CHECK(slice.assessments.empty());
        REQUIRE(reader->read(first, 4, slice).ok());
        REQUIRE(slice.assessments.size() == 4);
        for (size_t i = 0; i < 4; ++i) {
            INFO("row " << first + i);
            CHECK(slice.assessments[i] == whole->assessments[first + i]);
        }
        if (first > 0)
            CHECK(slice.spare.empty());  // the four of the slice before were filled again
    }
    // A table without a submitter column, read into the same assessments: none keeps the
    // submitter it had.
    std::vector<std::string> header = kAssessmentHeader;
    header.erase(header.begin() + 2);
    for (auto& row : cells)
        row.erase(row.begin() + 2);
    const Table nameless = tableOf(header, cells);
    auto wholeNameless = parseAssessmentTable(nameless, *set, lookup);
    REQUIRE(wholeNameless.ok());
    auto second = AssessmentRowReader::open(nameless, *set, lookup);
    REQUIRE(second.ok());
    slice.startNextSlice();
    REQUIRE(second->read(0, 8, slice).ok());
    REQUIRE(slice.assessments.size() == 8);
    for (size_t i = 0; i < 8; ++i) {
        CHECK(slice.assessments[i].submitter.empty());
        CHECK(slice.assessments[i] == wholeNameless->assessments[i]);
    }
}

TEST_CASE("switching criteria sets re-scores under the new id and keeps the old scores apart") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    Project project = projectWith(path, threeFactories());
    AssessmentImportRequest request;
    request.fallback = criteriaFrom(kCrlnFile);
    REQUIRE(importAssessments(project, threeAssessments(), request).ok());
    auto extended = activateCriteriaSet(project, *criteriaFrom(kExtendedFile));
    REQUIRE(extended.ok());
    CHECK(extended->changed);
    CHECK(extended->scored == 3);
    CHECK(sqlInt(path, "SELECT count(DISTINCT set_id) FROM score_blocks") == 2);
    CHECK(project.repository().activeCriteria().value() == CriteriaRef{"extended-letters", 1});
    // A later import scores under the active set, not the fallback.
    auto later = importAssessments(
        project,
        tableOf(kAssessmentHeader, {{"9900000003", "2021-06-15", "C", "50", "20", "có", "có", "100",
                                     "vach_ngan", "0", "1", "có", "khong"}}),
        request);
    REQUIRE(later.ok());
    CHECK(later->scoredWith == CriteriaRef{"extended-letters", 1});
    CHECK_FALSE(later->criteriaChanged);
    CHECK(sqlInt(path, "SELECT sum(scores) FROM score_blocks WHERE set_id = 'extended-letters'") ==
          4);
}

TEST_CASE("a changed criteria set under the same id and version is refused") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    Project project = projectWith(path, threeFactories());
    AssessmentImportRequest request;
    request.fallback = criteriaFrom(kCrlnFile);
    REQUIRE(importAssessments(project, threeAssessments(), request).ok());
    CriteriaSet edited = *criteriaFrom(kCrlnFile);
    edited.indices[0].bands[0].points += 1;  // the same id and version, another definition
    auto r = activateCriteriaSet(project, edited);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.error().message, Catch::Contains("new version"));
    ++edited.version;
    auto ok = activateCriteriaSet(project, edited);
    REQUIRE(ok.ok());
    CHECK(ok->set == CriteriaRef{"crln-1203", 2});
}

TEST_CASE("inspections are read with row/column errors, added once, and feed the rules") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    Project project = projectWith(path, threeFactories());
    const auto lookup = SiteLookup::from(threeFactories());
    const std::vector<std::string> header = {"ma_so_thue", "ngay_kiem_tra", "nguoi_kiem_tra",
                                             "dat_yeu_cau", "ket_luan"};
    auto bad = parseInspectionTable(
        tableOf(header, {{"9900000001", "2021-06-10", "Đoàn 1", "có", ""},
                         {"9900000002", "2021-06-11", "Đoàn 1", "chưa rõ", ""}}),
        lookup);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().row == 3);
    CHECK(bad.error().column == "dat_yeu_cau");

    const auto good =
        tableOf(header,
                {{"9900000001", "10/06/2021", "Đoàn 1", "có", "Đủ điều kiện"},
                 {"9900000002", "2021-06-11", "Đoàn 2", "không", "Không có phòng cách ly"}},
                "kiem_tra.csv");
    auto first = importInspections(project, good);
    REQUIRE(first.ok());
    CHECK(first->inserted == 2);
    auto second = importInspections(project, good);
    REQUIRE(second.ok());
    CHECK(second->inserted == 0);
    CHECK(second->alreadyPresent == 2);
    CHECK(project.repository().inspections().value().size() == 2);
    CHECK(sqlInt(path, "SELECT count(*) FROM import_log WHERE kind = 'inspections'") == 2);

    auto facts = loadProjectFacts(project);
    REQUIRE(facts.ok());
    RuleSettings settings;
    settings.asOf = parseDate("2021-06-12");
    const ProjectStatus status = computeStatus(*facts, settings);
    // Site 2 failed its inspection (measures not implemented) and never assessed; sites 1
    // and 3 were never assessed either.
    REQUIRE(status.suspendOrder.size() == 3);
    const SiteStatus* two = status.site("MST-9900000002");
    REQUIRE(two);
    CHECK(two->suspendReasons[0].code == ReasonCode::MeasuresNotImplemented);
    CHECK_THAT(reasonText(two->suspendReasons[0], nullptr, true),
               Catch::Contains("Không có phòng cách ly"));
    // Its failed inspection puts it above site 1 (passed, same facts otherwise but fewer
    // workers); site 3, never inspected and the largest, comes first.
    std::vector<std::string> order;
    for (const auto i : status.suspendOrder)
        order.push_back(status.sites[i].siteId);
    CHECK(order == std::vector<std::string>{"MST-9900000003", "MST-9900000002", "MST-9900000001"});
    for (const auto& id : {"MST-9900000001", "MST-9900000002"})
        for (const auto& r : status.site(id)->inspectReasons)
            CHECK(r.code != ReasonCode::NeverInspected);
}

TEST_CASE("stored answers are canonical JSON that reads back exactly") {
    Assessment a;
    a.siteId = "MST-1";
    a.answers = {{"b_yes", true},
                 {"a_num", 2.5},
                 {"c_text", std::string("Ngồi \"cách\" nhau\\1m")},
                 {"d_int", 350.0}};
    const std::string text = answersToJson(a);
    CHECK(text == R"({"a_num":2.5,"b_yes":true,"c_text":"Ngồi \"cách\" nhau\\1m","d_int":350})");
    CHECK(answersFromJson(text) == a.answers);  // escapes fall back to the full parser
    a.answers.erase("c_text");
    CHECK(answersFromJson(answersToJson(a)) == a.answers);  // the fast path
    // The key changes with any answer, and not with the order answers were added.
    Assessment b = a;
    CHECK(assessmentContentKey(a) == assessmentContentKey(b));
    b.answers["a_num"] = 2.0;
    CHECK(assessmentContentKey(a) != assessmentContentKey(b));
}

TEST_CASE("an assessment sheet laid out as offices do: header below titles, totals skipped") {
    auto set = criteriaFrom(kCrlnFile);
    // Two-block title row (two cells, as wide as the header could be): only the known
    // column names tell it from the header.
    const std::string csv =
        "BAN QUẢN LÝ CÁC KCN;;CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "STT;Mã số thuế;Ngày đánh giá;workers_concurrent\n"
        "(1);(2);(3);(4)\n"
        "1;9900000001;14/06/2021;350\n"
        "2;9900000002;14/06/2021;120\n"
        ";Tổng cộng;;470\n"
        ";;Người lập biểu;\n"
        ";;Nguyễn Văn An;\n";
    CsvOptions options;
    options.headerNames = assessmentHeaderNames(*set);
    auto t = parseCsv(csv, "danh_gia.csv", options);
    REQUIRE(t.ok());
    CHECK(t->headerRow == 2);
    auto parsed = parseAssessmentTable(*t, *set, SiteLookup::from(threeFactories()));
    INFO((parsed.ok() ? std::string() : parsed.error().describe()));
    REQUIRE(parsed.ok());
    CHECK(parsed->rows == std::vector<long>{4, 5});
    auto warned = [&](const std::string& what) {
        for (const auto& w : parsed->warnings)
            if (w.message.find(what) != std::string::npos)
                return true;
        return false;
    };
    CHECK(warned("row 1 above the header is a title"));
    CHECK(warned("row 3 only numbers the columns"));
    CHECK(warned("row 6 is a total"));
    CHECK(warned("row 7 is part of a signature block"));
    CHECK(warned("row 8 is part of a signature block"));
    // Without the names the two-cell title cannot be told from a header: it is taken as one,
    // and the first wider row says so (why assessment imports should pass the names).
    auto plain = parseCsv(csv, "danh_gia.csv");
    REQUIRE_FALSE(plain.ok());
    CHECK(plain.error().row == 2);
    CHECK(plain.error().message.find("the header has 3 columns") != std::string::npos);
}

TEST_CASE("an assessment CSV imported in chunks stores what it stores read whole, or nothing") {
    // Issue 8: the file arrives a few kilobytes at a time here (CsvChunks), so the rows of
    // one import span many pieces; the result, the row numbers of errors and the
    // all-or-nothing rule are those of the whole table.
    TempDir dir;
    std::string csv =
        "Mã số thuế,Ngày đánh giá,Người nộp,workers_concurrent,floor_area_per_worker\n";
    for (int i = 0; i < 40000; ++i) {
        csv += i % 3 == 0 ? "9900000001" : i % 3 == 1 ? "9900000002" : "9900000003";
        csv += ",2021-06-02,Trần Thị Ánh ";
        csv += std::to_string(i);
        csv += ",";
        csv += std::to_string(50 + i % 400);
        csv += ",20\n";
    }
    const std::string good = dir.file("tot.csv");
    { std::ofstream(good, std::ios::binary) << csv; }
    const std::string bad = dir.file("xau.csv");
    { std::ofstream(bad, std::ios::binary) << csv << "9900000002,2021-06-03,X,nhiều,20\n"; }
    AssessmentImportRequest request;
    request.fallback = criteriaFrom(kCrlnFile);
    auto whole = readCsvFile(good);
    REQUIRE(whole.ok());

    const auto wholePath = dir.file("whole.gpkg");
    Project wholeProject = projectWith(wholePath, threeFactories());
    auto byTable = importAssessments(wholeProject, *whole, request);
    REQUIRE(byTable.ok());

    const auto path = dir.file("p.gpkg");
    Project project = projectWith(path, threeFactories());
    auto failing = CsvChunks::open(bad, {}, 8192);
    REQUIRE(failing.ok());
    REQUIRE((*failing)->streamed());
    auto refused = importAssessments(project, **failing, request);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().row == 40002);
    CHECK(refused.error().column == "workers_concurrent");
    CHECK(sqlInt(path, "SELECT count(*) FROM assessments") == 0);
    CHECK(sqlInt(path, "SELECT coalesce(sum(scores), 0) FROM score_blocks") == 0);

    auto chunks = CsvChunks::open(good, {}, 8192);
    REQUIRE(chunks.ok());
    REQUIRE((*chunks)->streamed());
    long long lastDone = 0;
    request.progress = [&](long long done, long long total) {
        CHECK(done >= lastDone);
        CHECK(done <= total);
        lastDone = done;
    };
    auto streamed = importAssessments(project, **chunks, request);
    INFO((streamed.ok() ? std::string() : streamed.error().describe()));
    REQUIRE(streamed.ok());
    CHECK(lastDone == (*chunks)->total());
    CHECK(streamed->rows == 40000);
    CHECK(streamed->inserted == byTable->inserted);
    CHECK(streamed->warnings.size() == byTable->warnings.size());
    const char* digest =
        "SELECT count(*) || '/' || sum(length(answers)) || '/' || max(source_row) "
        "FROM assessments";
    CHECK(sqlInt(path, "SELECT count(*) FROM assessments") == 40000);
    CHECK(sqlText(path, digest) == sqlText(wholePath, digest));
    // The same scores, whatever the pieces the rows arrived in.
    const auto crln = compileCriteria(*criteriaFrom(kCrlnFile));
    auto streamedScores = project.repository().scoreTimeline(crln);
    auto wholeScores = wholeProject.repository().scoreTimeline(crln);
    REQUIRE(streamedScores.ok());
    REQUIRE(wholeScores.ok());
    CHECK(streamedScores->siteIds == wholeScores->siteIds);
    REQUIRE(streamedScores->entries.size() == wholeScores->entries.size());
    for (size_t i = 0; i < wholeScores->entries.size(); ++i) {
        const auto& x = streamedScores->entries[i];
        const auto& y = wholeScores->entries[i];
        CHECK((x.assessmentId == y.assessmentId && x.day == y.day && x.percent == y.percent &&
               x.level == y.level));
    }
}

TEST_CASE(
    "an assessment is stored once by site, day, submitter and answers; any difference is new") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    Project project = projectWith(path, threeFactories());
    AssessmentImportRequest request;
    request.fallback = criteriaFrom(kCrlnFile);
    const std::vector<std::string_view> good = {
        "9900000001", "2021-06-10", "X", "50", "20", "có",   "có",
        "100",        "vach_ngan",  "0", "1",  "có", "khong"};
    auto changed = [&](size_t column, std::string_view value) {
        auto row = good;
        row[column] = value;
        return row;
    };
    const Table table = tableOf(kAssessmentHeader, {
                                                       good,
                                                       good,              // twice in one file
                                                       changed(2, "Y"),   // another submitter
                                                       changed(2, ""),    // none
                                                       changed(3, "51"),  // one answer
                                                       changed(1, "2021-06-11"),  // another day
                                                       changed(0, "9900000002"),  // another site
                                                   });
    auto first = importAssessments(project, table, request);
    INFO((first.ok() ? std::string() : first.error().describe()));
    REQUIRE(first.ok());
    CHECK(first->inserted == 6);
    CHECK(first->alreadyPresent == 1);
    auto again = importAssessments(project, table, request);
    REQUIRE(again.ok());
    CHECK(again->inserted == 0);
    CHECK(again->alreadyPresent == 7);
    CHECK(sqlInt(path, "SELECT count(*) FROM assessments") == 6);
    CHECK(sqlInt(path, "SELECT coalesce(sum(scores), 0) FROM score_blocks") == 6);

    // Schema 8 keeps no key per row and no unique index beside the (site, day) one; the
    // triggers that keep the newest scores honest are on the rebuilt table.
    CHECK(sqlInt(path,
                 "SELECT count(*) FROM pragma_table_info('assessments') WHERE name = "
                 "'content_key'") == 0);
    CHECK(sqlInt(path, "SELECT count(*) FROM pragma_index_list('assessments')") == 1);
    CHECK(sqlInt(path,
                 "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND "
                 "tbl_name = 'assessments'") == 2);
}
