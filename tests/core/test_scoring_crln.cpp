#include <catch2/catch.hpp>

#include <array>
#include <map>

#include "core/criteria/criteria_io.h"
#include "core/scoring/score.h"
#include "test_support.h"

using namespace safemap;

namespace {

const CompiledCriteria& crlnCompiled() {
    static const CompiledCriteria c = compileCriteria(
        loadCriteriaSet(sourcePath("resources/criteria/crln-1203-v1.json")).value());
    return c;
}

// For each CRLN index, a raw answer (as a form would give it) for each score it can get,
// read off the bands in resources/criteria/crln-1203-v1.json.
using Answers = std::map<double, AnswerValue>;
const std::array<std::pair<const char*, Answers>, 10> kByPoints{{
    {"workers_concurrent", {{1, 50.0}, {2, 200.0}, {5, 700.0}, {7, 2000.0}, {10, 6000.0}}},
    {"floor_area_per_worker", {{1, 20.0}, {2, 10.0}, {6, 5.0}, {8, 3.0}, {10, 2.0}}},
    {"hand_washing", {{1, std::string("có")}, {10, std::string("không")}}},
    {"masks_worn", {{1, std::string("có")}, {10, std::string("không")}}},
    {"temperature_check", {{1, 100.0}, {4, 90.0}, {7, 60.0}, {10, 30.0}}},
    {"canteen_distancing",
     {{1, std::string("vach_ngan")},
      {4, std::string("cach_1m")},
      {7, std::string("duoi_1m")},
      {10, std::string("khong")}}},
    {"shuttle_bus_share", {{1, 0.0}, {2, 10.0}, {5, 30.0}, {7, 60.0}, {10, 90.0}}},
    {"residential_areas", {{1, 1.0}, {3, 3.0}, {5, 5.0}, {7, 8.0}, {10, 12.0}}},
    {"daily_masks", {{1, std::string("có")}, {10, std::string("không")}}},
    {"night_shift",
     {{1, std::string("khong")}, {5, std::string("co_it")}, {10, std::string("co")}}},
}};

Assessment scoring(const std::array<double, 10>& points) {
    Assessment a;
    a.siteId = "MST-0100000001";
    a.date = *parseDate("2021-06-15");
    a.submitter = "Nguyễn Văn An";
    for (std::size_t i = 0; i < 10; ++i)
        a.answers[kByPoints[i].first] = kByPoints[i].second.at(points[i]);
    return a;
}

const std::array<double, 10> kBest{1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

Assessment bestWith(const char* id, AnswerValue value) {
    Assessment a = scoring(kBest);
    a.answers[id] = std::move(value);
    return a;
}

// Points of one index when every other index scores 1.
double pointsFor(const char* id, AnswerValue value) {
    const ScoreResult r = scoreAssessment(crlnCompiled(), bestWith(id, std::move(value)));
    const int k = crlnCompiled().positionOf(id);
    REQUIRE(k >= 0);
    CHECK(r.points == 9 + r.indices[static_cast<std::size_t>(k)].points);
    return r.indices[static_cast<std::size_t>(k)].points;
}

}  // namespace

TEST_CASE("the answer table gives the points it claims") {
    for (const auto& [id, answers] : kByPoints)
        for (const auto& [points, value] : answers) {
            INFO(id << " → " << points);
            CHECK(pointsFor(id, value) == points);
        }
}

TEST_CASE("index 1: workers at the same time, every band edge") {
    const char* id = "workers_concurrent";
    CHECK(pointsFor(id, 0.0) == 1);
    CHECK(pointsFor(id, 99.0) == 1);
    CHECK(pointsFor(id, 99.9) == 1);
    CHECK(pointsFor(id, 100.0) == 2);
    CHECK(pointsFor(id, 499.0) == 2);
    CHECK(pointsFor(id, 500.0) == 5);
    CHECK(pointsFor(id, 999.0) == 5);
    CHECK(pointsFor(id, 1000.0) == 7);
    CHECK(pointsFor(id, 4999.0) == 7);
    CHECK(pointsFor(id, 5000.0) == 10);
    CHECK(pointsFor(id, 250000.0) == 10);
    CHECK(pointsFor(id, std::string("1000")) == 7);
    CHECK(pointsFor(id, -1.0) == 10);  // invalid: worst case
}

TEST_CASE("index 2: floor area per worker, every band edge") {
    const char* id = "floor_area_per_worker";
    CHECK(pointsFor(id, 100.0) == 1);
    CHECK(pointsFor(id, 16.0) == 1);
    CHECK(pointsFor(id, 15.99) == 2);
    CHECK(pointsFor(id, 9.0) == 2);
    CHECK(pointsFor(id, 8.99) == 6);
    CHECK(pointsFor(id, 4.0) == 6);
    CHECK(pointsFor(id, 3.99) == 8);
    CHECK(pointsFor(id, 2.5) == 8);
    CHECK(pointsFor(id, std::string("2,5")) == 8);
    CHECK(pointsFor(id, 2.49) == 10);
    CHECK(pointsFor(id, 0.1) == 10);
    CHECK(pointsFor(id, 0.0) == 10);  // invalid (no band holds 0): worst case
}

TEST_CASE("indices 3 and 4: hand washing and masks, yes or no") {
    for (const char* id : {"hand_washing", "masks_worn"}) {
        CHECK(pointsFor(id, std::string("có")) == 1);
        CHECK(pointsFor(id, std::string("x")) == 1);
        CHECK(pointsFor(id, true) == 1);
        CHECK(pointsFor(id, 1.0) == 1);
        CHECK(pointsFor(id, std::string("không")) == 10);
        CHECK(pointsFor(id, std::string("0")) == 10);
        CHECK(pointsFor(id, false) == 10);
    }
}

TEST_CASE("indices 5 to 10: SafeMap's proposed bands, every edge") {
    CHECK(pointsFor("temperature_check", 100.0) == 1);
    CHECK(pointsFor("temperature_check", 99.9) == 4);
    CHECK(pointsFor("temperature_check", 80.0) == 4);
    CHECK(pointsFor("temperature_check", 79.9) == 7);
    CHECK(pointsFor("temperature_check", 50.0) == 7);
    CHECK(pointsFor("temperature_check", 49.9) == 10);
    CHECK(pointsFor("temperature_check", 0.0) == 10);
    CHECK(pointsFor("temperature_check", std::string("100%")) == 1);

    CHECK(pointsFor("canteen_distancing", std::string("khong_an_tap_trung")) == 1);

    CHECK(pointsFor("shuttle_bus_share", 0.0) == 1);
    CHECK(pointsFor("shuttle_bus_share", 0.1) == 2);
    CHECK(pointsFor("shuttle_bus_share", 19.9) == 2);
    CHECK(pointsFor("shuttle_bus_share", 20.0) == 5);
    CHECK(pointsFor("shuttle_bus_share", 50.0) == 7);
    CHECK(pointsFor("shuttle_bus_share", 80.0) == 10);
    CHECK(pointsFor("shuttle_bus_share", 100.0) == 10);

    CHECK(pointsFor("residential_areas", 1.0) == 1);
    CHECK(pointsFor("residential_areas", 2.0) == 3);
    CHECK(pointsFor("residential_areas", 3.0) == 3);
    CHECK(pointsFor("residential_areas", 4.0) == 5);
    CHECK(pointsFor("residential_areas", 6.0) == 5);
    CHECK(pointsFor("residential_areas", 7.0) == 7);
    CHECK(pointsFor("residential_areas", 9.0) == 7);
    CHECK(pointsFor("residential_areas", 10.0) == 10);
    CHECK(pointsFor("residential_areas", 0.0) == 10);  // invalid

    CHECK(pointsFor("night_shift", std::string("mien_tru")) == 1);
}

TEST_CASE("the percentage is the sum of points over 100") {
    const ScoreResult r = scoreAssessment(crlnCompiled(), scoring({7, 6, 1, 10, 4, 4, 2, 3, 1, 5}));
    CHECK(r.points == 43);
    CHECK(r.pointsMax == 100);
    CHECK(r.percent == 43);
    CHECK(r.level == RiskLevel::Medium);
    CHECK(r.criteriaSetId == "crln-1203");
    CHECK(r.criteriaSetVersion == 1);
    CHECK(r.siteId == "MST-0100000001");
    CHECK(formatDate(r.date) == "2021-06-15");
    CHECK(r.complete());
    CHECK(r.unknownAnswers.empty());
}

TEST_CASE("level boundaries: exactly 10, 30, 50 and 80 %") {
    struct Case {
        std::array<double, 10> points;
        double percent;
        RiskLevel level;
        bool safe;
    };
    const std::vector<Case> cases{
        {kBest, 10, RiskLevel::VeryLow, true},                               // ≤10 %: very low
        {{1, 1, 1, 1, 1, 1, 2, 1, 1, 1}, 11, RiskLevel::Low, true},          // just above
        {{5, 6, 1, 1, 4, 4, 1, 5, 1, 1}, 29, RiskLevel::Low, true},          // just below 30
        {{5, 6, 1, 1, 4, 4, 2, 5, 1, 1}, 30, RiskLevel::Medium, true},       // exactly 30: medium
        {{5, 8, 10, 10, 1, 1, 2, 1, 10, 1}, 49, RiskLevel::Medium, false},   // medium, index 10
        {{7, 8, 10, 10, 1, 1, 1, 1, 10, 1}, 50, RiskLevel::High, false},     // exactly 50: high
        {{7, 10, 10, 10, 10, 4, 10, 7, 1, 10}, 79, RiskLevel::High, false},  // just below 80
        {{10, 10, 10, 10, 10, 4, 10, 5, 1, 10}, 80, RiskLevel::VeryHigh, false},  // exactly 80
        {{10, 10, 10, 10, 10, 10, 10, 10, 10, 10}, 100, RiskLevel::VeryHigh, false},
    };
    for (const Case& c : cases) {
        const ScoreResult r = scoreAssessment(crlnCompiled(), scoring(c.points));
        INFO("expected " << c.percent << " %");
        CHECK(r.percent == c.percent);
        CHECK(r.level == c.level);
        CHECK(r.safeToOperate == c.safe);
    }
}

TEST_CASE("medium risk is unsafe when any index scores 7 or more") {
    // 30 %: medium; the highest index is 6 → may operate.
    const ScoreResult safe =
        scoreAssessment(crlnCompiled(), scoring({5, 6, 1, 1, 4, 4, 2, 5, 1, 1}));
    CHECK(safe.percent == 30);
    CHECK(safe.level == RiskLevel::Medium);
    CHECK(safe.safeToOperate);
    CHECK(safe.vetoesFired.empty());

    // Also 30 %, but workers_concurrent scores 7.
    const ScoreResult vetoed =
        scoreAssessment(crlnCompiled(), scoring({7, 6, 1, 1, 4, 4, 2, 3, 1, 1}));
    CHECK(vetoed.percent == 30);
    CHECK(vetoed.level == RiskLevel::Medium);
    CHECK_FALSE(vetoed.safeToOperate);
    CHECK(vetoed.vetoesFired == std::vector<std::string>{"medium_any_index_7"});

    // The same index at 7 at a low level does not fire the medium-level veto.
    const ScoreResult low =
        scoreAssessment(crlnCompiled(), scoring({7, 1, 1, 1, 1, 1, 1, 1, 1, 1}));
    CHECK(low.percent == 16);
    CHECK(low.level == RiskLevel::Low);
    CHECK(low.safeToOperate);
    CHECK(low.vetoesFired.empty());

    // At high level the veto's level does not match: unsafe because of the level alone.
    const ScoreResult high =
        scoreAssessment(crlnCompiled(), scoring({7, 8, 10, 10, 1, 1, 1, 1, 10, 1}));
    CHECK(high.level == RiskLevel::High);
    CHECK_FALSE(high.safeToOperate);
    CHECK(high.vetoesFired.empty());
}

TEST_CASE("failed mandatory measures are reported apart from the level") {
    const ScoreResult r =
        scoreAssessment(crlnCompiled(), bestWith("hand_washing", std::string("không")));
    CHECK(r.percent == 19);
    CHECK(r.level == RiskLevel::Low);
    CHECK(r.safeToOperate);  // the level's verdict; the failed measure is reason (i) on its own
    CHECK(r.mandatoryFailed == std::vector<std::string>{"hand_washing"});
    CHECK_FALSE(r.measuresImplemented());

    const ScoreResult both =
        scoreAssessment(crlnCompiled(), scoring({1, 1, 10, 10, 1, 1, 1, 1, 10, 1}));
    CHECK(both.mandatoryFailed == std::vector<std::string>{"hand_washing", "masks_worn"});

    // daily_masks is not mandatory: "không" costs points but fails no measure.
    const ScoreResult notMandatory =
        scoreAssessment(crlnCompiled(), bestWith("daily_masks", std::string("không")));
    CHECK(notMandatory.points == 19);
    CHECK(notMandatory.measuresImplemented());
    CHECK(scoreAssessment(crlnCompiled(), scoring(kBest)).measuresImplemented());
}

TEST_CASE("a missing answer scores the index's maximum and is reported") {
    Assessment a = scoring(kBest);
    a.answers.erase("workers_concurrent");
    a.answers["masks_worn"] = std::string("  ");
    a.answers["residential_areas"] = std::string("nhiều");
    a.answers["ghi_chu"] = std::string("đã kiểm tra");
    const ScoreResult r = scoreAssessment(crlnCompiled(), a);
    CHECK(r.points == 10 + 10 + 10 + 7);
    CHECK(r.percent == 37);
    CHECK(r.missing == std::vector<std::string>{"workers_concurrent", "masks_worn"});
    CHECK(r.invalid == std::vector<std::string>{"residential_areas"});
    CHECK(r.indices[7].status == AnswerStatus::Invalid);
    CHECK(r.indices[7].problem == "\"nhiều\" is not a number");
    CHECK(r.indices[0].status == AnswerStatus::Missing);
    CHECK(r.indices[0].points == 10);
    CHECK(r.unknownAnswers == std::vector<std::string>{"ghi_chu"});
    CHECK_FALSE(r.complete());
    // Missing answers count at their worst for vetoes and mandatory measures too.
    CHECK(r.level == RiskLevel::Medium);
    CHECK_FALSE(r.safeToOperate);
    CHECK(r.vetoesFired == std::vector<std::string>{"medium_any_index_7"});
    CHECK(r.mandatoryFailed == std::vector<std::string>{"masks_worn"});

    Assessment empty;
    const ScoreResult none = scoreAssessment(crlnCompiled(), empty);
    CHECK(none.percent == 100);
    CHECK(none.level == RiskLevel::VeryHigh);
    CHECK(none.missing.size() == 10);
}

TEST_CASE("scoring is deterministic and the set overload agrees with the compiled one") {
    const Assessment a = scoring({7, 6, 1, 10, 4, 4, 2, 3, 1, 5});
    const ScoreResult x = scoreAssessment(crlnCompiled(), a);
    const ScoreResult y = scoreAssessment(crlnCompiled().set, a);
    CHECK(x.points == y.points);
    CHECK(x.level == y.level);
    CHECK(x.mandatoryFailed == y.mandatoryFailed);
    CHECK(x.vetoesFired == y.vetoesFired);
    for (std::size_t i = 0; i < x.indices.size(); ++i)
        CHECK(x.indices[i].points == y.indices[i].points);
}

TEST_CASE("level codes and labels") {
    CHECK(riskLevelCode(RiskLevel::VeryLow) == "very_low");
    CHECK(riskLevelCode(RiskLevel::VeryHigh) == "very_high");
    CHECK(riskLevelFromCode("medium") == RiskLevel::Medium);
    CHECK_FALSE(riskLevelFromCode("Medium").has_value());
    CHECK(riskLevelLabelVi(RiskLevel::VeryLow) == "nguy cơ rất thấp");
    CHECK(riskLevelLabelVi(RiskLevel::Low) == "nguy cơ thấp");
    CHECK(riskLevelLabelVi(RiskLevel::Medium) == "nguy cơ trung bình");
    CHECK(riskLevelLabelVi(RiskLevel::High) == "nguy cơ cao");
    CHECK(riskLevelLabelVi(RiskLevel::VeryHigh) == "nguy cơ rất cao");
    CHECK(riskLevelLabelEn(RiskLevel::High) == "high risk");
}
