// Assessment rows → store: matching, validation with row/column, idempotence, history,
// all-or-nothing, and lists made from what was stored.
#include <algorithm>
#include <catch2/catch.hpp>

#include "core/assessments/assessment_table.h"
#include "core/assessments/inspection_table.h"
#include "core/criteria/criteria_io.h"
#include "core/rules/action_lists.h"
#include "core/scoring/compiled_criteria.h"
#include "core/storage/assessment_store.h"
#include "core/storage/criteria_choice.h"
#include "core/storage/project_store.h"
#include "core/storage/site_facts_store.h"
#include "core/storage/site_store.h"
#include "test_support.h"

using namespace safemap;

namespace {

const std::string kCrln = sourcePath("resources/criteria/crln-1203-v1.json");

Table table(const std::vector<std::string>& header,
            const std::vector<std::vector<std::string_view>>& rows) {
    Table t;
    t.fileName = "danh_gia.csv";
    t.header = header;
    long r = 2;
    for (const auto& cells : rows) {
        t.addRow(r, r, cells);
        ++r;
    }
    return t;
}

std::vector<Factory> sites() {
    std::vector<Factory> out;
    for (int i = 1; i <= 3; ++i) {
        Factory f;
        f.taxCode = "990000000" + std::to_string(i);
        f.id = factoryIdFor(f.taxCode, "", "", "");
        f.name = "Cơ sở " + std::to_string(i);
        f.workforce.total = 300 * i;
        f.accountIssued = parseDate("2021-05-01");
        f.location = {105.8 + i * 0.01, 21.0};
        out.push_back(f);
    }
    return out;
}

const std::vector<std::string> kHeader = {
    "Mã số thuế",         "Ngày đánh giá",         "Người nộp",
    "workers_concurrent", "floor_area_per_worker", "hand_washing",
    "masks_worn",         "temperature_check",     "canteen_distancing",
    "shuttle_bus_share",  "residential_areas",     "daily_masks",
    "night_shift"};

}  // namespace

TEST_CASE("assessment rows are matched by tax code, read and validated with row and column") {
    auto set = loadCriteriaSet(kCrln);
    REQUIRE(set.ok());
    const auto lookup = SiteLookup::from(sites());
    SECTION("good rows; Vietnamese headers and answers are understood") {
        auto t = table(kHeader, {{"9900000001", "14/06/2021", "Trần Thị B", "350", "10", "có", "có",
                                  "100", "vach_ngan", "0", "1", "có", "khong"}});
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
        auto t = table(kHeader, {{"9900000001", "2021-06-14", "", "350"},
                                 {"1234567890", "2021-06-14", "", "350"}});
        auto parsed = parseAssessmentTable(t, *set, lookup);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().row == 3);
        CHECK(parsed.error().column == "Mã số thuế");
        CHECK(parsed.error().file == "danh_gia.csv");
    }
    SECTION("a bad date and an unreadable answer are refused") {
        auto badDate =
            parseAssessmentTable(table(kHeader, {{"9900000001", "32/13/2021"}}), *set, lookup);
        REQUIRE_FALSE(badDate.ok());
        CHECK(badDate.error().column == "Ngày đánh giá");
        auto badAnswer = parseAssessmentTable(
            table(kHeader, {{"9900000001", "2021-06-14", "", "nhiều"}}), *set, lookup);
        REQUIRE_FALSE(badAnswer.ok());
        CHECK(badAnswer.error().row == 2);
        CHECK(badAnswer.error().column == "workers_concurrent");
    }
    SECTION("a table with no index column is refused as a whole") {
        auto t =
            table({"ma_so_thue", "ngay_danh_gia", "ghi_chu"}, {{"9900000001", "2021-06-14", "x"}});
        auto parsed = parseAssessmentTable(t, *set, lookup);
        REQUIRE_FALSE(parsed.ok());
        CHECK_THAT(parsed.error().message, Catch::Contains("no column matches"));
    }
}

TEST_CASE("assessments are appended with their scores, once, and lists follow from them") {
    TempDir dir;
    auto store = ProjectStore::create(dir.file("p.gpkg"));
    REQUIRE(store.ok());
    SiteBatch batch;
    batch.factories = sites();
    REQUIRE(upsertSites(store->database(), batch, "sites.csv").ok());
    auto choice = chooseCriteria(store->database(), "", kCrln);
    REQUIRE(choice.ok());
    CHECK(choice->changed);
    const CompiledCriteria criteria = compileCriteria(choice->set);
    const auto lookup = SiteLookup::from(loadFactories(store->database()));

    // Site 1: safe then still safe. Site 2: every index at its worst (100 % → very high).
    // Site 3: no assessment at all.
    auto t = table(kHeader, {{"9900000001", "2021-06-01", "A", "50", "20", "có", "có", "100",
                              "vach_ngan", "0", "1", "có", "khong"},
                             {"9900000001", "2021-06-14", "A", "50", "20", "có", "có", "100",
                              "vach_ngan", "0", "1", "có", "khong"},
                             {"9900000002", "2021-06-14", "B", "6000", "1", "không", "không", "0",
                              "khong", "100", "20", "không", "co"}});
    auto parsed = parseAssessmentTable(t, choice->set, lookup);
    INFO((parsed.ok() ? std::string() : parsed.error().describe()));
    REQUIRE(parsed.ok());
    auto first = insertAssessments(store->database(), parsed->assessments, parsed->rows,
                                   "danh_gia.csv", &criteria);
    REQUIRE(first.ok());
    CHECK(first->inserted == 3);
    CHECK(first->scored == 3);
    auto again = insertAssessments(store->database(), parsed->assessments, parsed->rows,
                                   "danh_gia.csv", &criteria);
    REQUIRE(again.ok());
    CHECK(again->inserted == 0);
    CHECK(again->alreadyPresent == 3);
    CHECK(store->database().queryInt("SELECT count(*) FROM assessments") == 3);
    CHECK(loadAssessments(store->database(), "MST-9900000001").size() == 2);  // history kept

    const auto facts = loadSiteFacts(store->database(), choice->set.id, choice->set.version);
    REQUIRE(facts.size() == 3);
    const auto& worst = facts[1];
    REQUIRE(worst.latest);
    CHECK(worst.latest->percent == Approx(100.0));
    CHECK(worst.latest->level == RiskLevel::VeryHigh);
    CHECK_FALSE(worst.latest->safeToOperate);
    CHECK(facts[0].previous.has_value());

    RuleSettings settings;  // as of the newest assessment, 14/06/2021
    const auto suspend = suspensionList(facts, settings);
    REQUIRE(suspend.size() == 2);
    // Very high risk with the measures missing outranks "never assessed" (priority order).
    CHECK(suspend[0].siteId == "MST-9900000002");
    CHECK(suspend[1].siteId == "MST-9900000003");
    CHECK(suspend[0].priority.level == 40);
    CHECK(suspend[1].priority.level == 25);
    CHECK(suspend[1].reasons[0].code == ReasonCode::NoAssessment);
}

TEST_CASE("a failing assessment import writes nothing, and cancel does the same") {
    TempDir dir;
    auto store = ProjectStore::create(dir.file("p.gpkg"));
    REQUIRE(store.ok());
    SiteBatch batch;
    batch.factories = sites();
    REQUIRE(upsertSites(store->database(), batch, "sites.csv").ok());
    auto set = loadCriteriaSet(kCrln);
    REQUIRE(set.ok());
    const CompiledCriteria criteria = compileCriteria(*set);
    std::vector<Assessment> many(5000);
    std::vector<long> rows;
    for (size_t i = 0; i < many.size(); ++i) {
        many[i].siteId = "MST-9900000001";
        many[i].date = *parseDate("2021-06-01");
        many[i].answers["workers_concurrent"] = static_cast<double>(i);
        rows.push_back(static_cast<long>(i) + 2);
    }
    std::atomic<bool> cancel{false};
    auto result = insertAssessments(
        store->database(), many, rows, "big.csv", &criteria,
        [&](long long done, long long) {
            if (done > 2000)
                cancel = true;
        },
        &cancel);
    REQUIRE_FALSE(result.ok());
    CHECK_THAT(result.error().message, Catch::Contains("cancelled"));
    CHECK(store->database().queryInt("SELECT count(*) FROM assessments") == 0);
    CHECK(store->database().queryInt("SELECT count(*) FROM scores") == 0);
    CHECK(store->database().queryInt("SELECT count(*) FROM import_log WHERE kind='assessments'") ==
          0);
}

TEST_CASE("switching criteria sets re-scores under the new id and keeps the old scores apart") {
    TempDir dir;
    auto store = ProjectStore::create(dir.file("p.gpkg"));
    REQUIRE(store.ok());
    SiteBatch batch;
    batch.factories = sites();
    REQUIRE(upsertSites(store->database(), batch, "sites.csv").ok());
    auto crln = chooseCriteria(store->database(), "", kCrln);
    REQUIRE(crln.ok());
    const auto compiled = compileCriteria(crln->set);
    Assessment a;
    a.siteId = "MST-9900000001";
    a.date = *parseDate("2021-06-01");
    a.answers["workers_concurrent"] = 50.0;
    REQUIRE(insertAssessments(store->database(), {a}, {2}, "x.csv", &compiled).ok());
    auto extended = chooseCriteria(
        store->database(), sourcePath("resources/criteria/extended-letters-v1.json"), kCrln);
    REQUIRE(extended.ok());
    CHECK(extended->changed);
    REQUIRE(rescoreAll(store->database(), compileCriteria(extended->set)).ok());
    CHECK(store->database().queryInt("SELECT count(DISTINCT set_id) FROM scores") == 2);
    CHECK(activeCriteriaSet(store->database())->id == extended->set.id);
    // Asking again without a file keeps the active set and reports no change.
    auto same = chooseCriteria(store->database(), "", kCrln);
    REQUIRE(same.ok());
    CHECK_FALSE(same->changed);
    CHECK(same->set.id == extended->set.id);
}

TEST_CASE("inspections are read with row/column errors, added once, and feed the rules") {
    TempDir dir;
    auto store = ProjectStore::create(dir.file("p.gpkg"));
    REQUIRE(store.ok());
    SiteBatch batch;
    batch.factories = sites();
    REQUIRE(upsertSites(store->database(), batch, "sites.csv").ok());
    const auto lookup = SiteLookup::from(loadFactories(store->database()));
    const std::vector<std::string> header = {"ma_so_thue", "ngay_kiem_tra", "nguoi_kiem_tra",
                                             "dat_yeu_cau", "ket_luan"};
    auto bad =
        parseInspectionTable(table(header, {{"9900000001", "2021-06-10", "Đoàn 1", "có", ""},
                                            {"9900000002", "2021-06-11", "Đoàn 1", "chưa rõ", ""}}),
                             lookup);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().row == 3);
    CHECK(bad.error().column == "dat_yeu_cau");

    auto good = parseInspectionTable(
        table(header, {{"9900000001", "10/06/2021", "Đoàn 1", "có", "Đủ điều kiện"},
                       {"9900000002", "2021-06-11", "Đoàn 2", "không", "Không có phòng cách ly"}}),
        lookup);
    REQUIRE(good.ok());
    REQUIRE(good->size() == 2);
    CHECK(addInspections(store->database(), *good, "kiem_tra.csv").value() == 2);
    CHECK(addInspections(store->database(), *good, "kiem_tra.csv").value() == 0);
    CHECK(loadInspections(store->database()).size() == 2);

    const auto facts = loadSiteFacts(store->database(), "none", 0);
    RuleSettings settings;
    settings.asOf = parseDate("2021-06-12");
    const auto suspend = suspensionList(facts, settings);
    // Site 2 failed its inspection (measures not implemented) and never assessed; site 1
    // passed but never assessed either; site 3 was never assessed.
    REQUIRE(suspend.size() == 3);
    const auto two = std::find_if(suspend.begin(), suspend.end(),
                                  [](const ListEntry& e) { return e.siteId == "MST-9900000002"; });
    REQUIRE(two != suspend.end());
    CHECK(two->reasons[0].code == ReasonCode::MeasuresNotImplemented);
    CHECK_THAT(two->reasons[0].detail, Catch::Contains("Không có phòng cách ly"));
    // Its failed inspection puts it above site 1 (passed, same facts otherwise but fewer
    // workers); site 3, never inspected and the largest, comes first.
    CHECK(std::vector<std::string>{suspend[0].siteId, suspend[1].siteId, suspend[2].siteId} ==
          std::vector<std::string>{"MST-9900000003", "MST-9900000002", "MST-9900000001"});
    const auto inspect = inspectionList(facts, settings);
    for (const auto& e : inspect)
        for (const auto& r : e.reasons)
            if (e.siteId != "MST-9900000003")
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
