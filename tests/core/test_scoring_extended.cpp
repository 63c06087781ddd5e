#include <catch2/catch.hpp>

#include <array>
#include <map>

#include "core/criteria/criteria_io.h"
#include "core/scoring/score.h"
#include "test_support.h"

using namespace safemap;

namespace {

const CompiledCriteria& extendedCompiled() {
    static const CompiledCriteria c = compileCriteria(
        loadCriteriaSet(sourcePath("resources/criteria/extended-letters-v1.json")).value());
    return c;
}

using ExtendedAnswers = std::map<double, AnswerValue>;
AnswerValue t(const char* s) {
    return std::string(s);
}

// A raw answer for each score each index can get, read off the shipped file's bands.
const std::array<std::pair<const char*, ExtendedAnswers>, 16> kExtendedByPoints{{
    {"workers_concurrent", {{1, 50.0}, {2, 200.0}, {5, 700.0}, {7, 2000.0}, {10, 6000.0}}},
    {"floor_area_per_worker", {{1, 20.0}, {2, 10.0}, {6, 5.0}, {8, 3.0}, {10, 2.0}}},
    {"hand_washing", {{1, t("có")}, {10, t("không")}}},
    {"masks_worn", {{1, t("có")}, {10, t("không")}}},
    {"temperature_check", {{1, 100.0}, {4, 90.0}, {7, 60.0}, {10, 30.0}}},
    {"canteen_distancing",
     {{1, t("vach_ngan")}, {4, t("cach_1m")}, {7, t("duoi_1m")}, {10, t("khong")}}},
    {"shuttle_bus_share", {{1, 0.0}, {2, 10.0}, {5, 30.0}, {7, 60.0}, {10, 90.0}}},
    {"residential_areas", {{1, 1.0}, {3, 3.0}, {5, 5.0}, {7, 8.0}, {10, 12.0}}},
    {"daily_masks", {{1, t("có")}, {10, t("không")}}},
    {"night_shift", {{1, t("khong")}, {5, t("co_it")}, {10, t("co")}}},
    {"isolation_room", {{1, t("có")}, {10, t("không")}}},
    {"out_of_province_share", {{1, 2.0}, {3, 10.0}, {5, 30.0}, {7, 50.0}, {10, 80.0}}},
    {"dormitory", {{1, t("khong")}, {4, t("dat_chuan")}, {10, t("chua_dat")}}},
    {"testing_interval_days", {{1, 7.0}, {4, 14.0}, {7, 30.0}, {10, 0.0}}},
    {"vaccinated_share", {{1, 80.0}, {3, 60.0}, {5, 40.0}, {7, 20.0}, {10, 5.0}}},
    {"shifts_by_residence", {{1, t("toan_bo")}, {5, t("mot_phan")}, {10, t("khong")}}},
}};

using ExtendedPoints = std::array<double, 16>;
const ExtendedPoints kExtendedBest{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

Assessment scoring(const ExtendedPoints& points) {
    Assessment a;
    a.siteId = "MST-0700000001";
    for (std::size_t i = 0; i < points.size(); ++i)
        a.answers[kExtendedByPoints[i].first] = kExtendedByPoints[i].second.at(points[i]);
    return a;
}

double extendedPointsFor(const char* id, AnswerValue value) {
    Assessment a = scoring(kExtendedBest);
    a.answers[id] = std::move(value);
    const ScoreResult r = scoreAssessment(extendedCompiled(), a);
    const auto k = static_cast<std::size_t>(extendedCompiled().positionOf(id));
    CHECK(r.points == 15 + r.indices[k].points);
    return r.indices[k].points;
}

}  // namespace

TEST_CASE("extended set: the answer table gives the points it claims") {
    REQUIRE(extendedCompiled().indexCount() == 16);
    for (const auto& [id, answers] : kExtendedByPoints)
        for (const auto& [points, value] : answers) {
            INFO(id << " → " << points);
            CHECK(extendedPointsFor(id, value) == points);
        }
}

TEST_CASE("extended set: band edges of the added indices") {
    CHECK(extendedPointsFor("testing_interval_days", 0.0) == 10);  // no periodic testing
    CHECK(extendedPointsFor("testing_interval_days", 0.5) == 1);
    CHECK(extendedPointsFor("testing_interval_days", 5.0) == 1);  // 2787/QĐ-BYT: every 5–7 days
    CHECK(extendedPointsFor("testing_interval_days", 7.0) == 1);
    CHECK(extendedPointsFor("testing_interval_days", 7.5) == 4);
    CHECK(extendedPointsFor("testing_interval_days", 14.0) == 4);
    CHECK(extendedPointsFor("testing_interval_days", 15.0) == 7);
    CHECK(extendedPointsFor("testing_interval_days", 30.0) == 7);
    CHECK(extendedPointsFor("testing_interval_days", 31.0) == 10);
    CHECK(extendedPointsFor("testing_interval_days", -1.0) == 10);  // invalid

    CHECK(extendedPointsFor("vaccinated_share", 0.0) == 10);
    CHECK(extendedPointsFor("vaccinated_share", 9.9) == 10);
    CHECK(extendedPointsFor("vaccinated_share", 10.0) == 7);
    CHECK(extendedPointsFor("vaccinated_share", 30.0) == 5);
    CHECK(extendedPointsFor("vaccinated_share", 50.0) == 3);
    CHECK(extendedPointsFor("vaccinated_share", 70.0) == 1);
    CHECK(extendedPointsFor("vaccinated_share", 100.0) == 1);
    CHECK(extendedPointsFor("vaccinated_share", 101.0) == 10);  // invalid

    CHECK(extendedPointsFor("out_of_province_share", 0.0) == 1);
    CHECK(extendedPointsFor("out_of_province_share", 4.9) == 1);
    CHECK(extendedPointsFor("out_of_province_share", 5.0) == 3);
    CHECK(extendedPointsFor("out_of_province_share", 20.0) == 5);
    CHECK(extendedPointsFor("out_of_province_share", 40.0) == 7);
    CHECK(extendedPointsFor("out_of_province_share", 60.0) == 10);
    CHECK(extendedPointsFor("out_of_province_share", 100.0) == 10);

    CHECK(extendedPointsFor("isolation_room", t("x")) == 1);
    CHECK(extendedPointsFor("isolation_room", t("Không")) == 10);
    CHECK(extendedPointsFor("dormitory", t("Có ký túc xá, thực hiện theo hướng dẫn 3836/CV-BCĐ")) ==
          4);
    CHECK(extendedPointsFor("shifts_by_residence", t("Một phần")) == 5);
}

TEST_CASE("extended set: percentages over 160 points and the level boundaries") {
    struct Case {
        ExtendedPoints points;
        double sum;
        double percent;
        RiskLevel level;
        bool safe;
    };
    const std::vector<Case> cases{
        {kExtendedBest, 16, 10, RiskLevel::VeryLow, true},
        {{1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 17, 10.625, RiskLevel::Low, true},
        {{5, 6, 1, 1, 4, 4, 2, 5, 1, 5, 1, 5, 4, 1, 1, 1}, 47, 29.375, RiskLevel::Low, true},
        {{5, 6, 1, 1, 4, 4, 5, 5, 1, 5, 1, 3, 4, 1, 1, 1}, 48, 30, RiskLevel::Medium, true},
        {{7, 8, 10, 10, 1, 1, 2, 1, 1, 1, 10, 1, 1, 10, 10, 5},
         79,
         49.375,
         RiskLevel::Medium,
         false},
        {{7, 8, 10, 10, 1, 1, 1, 1, 1, 1, 10, 3, 1, 10, 10, 5}, 80, 50, RiskLevel::High, false},
        {{10, 10, 10, 10, 10, 10, 7, 7, 1, 1, 10, 10, 1, 10, 10, 10},
         127,
         79.375,
         RiskLevel::High,
         false},
        {{10, 10, 10, 10, 10, 10, 10, 5, 1, 1, 10, 10, 1, 10, 10, 10},
         128,
         80,
         RiskLevel::VeryHigh,
         false},
    };
    for (const Case& c : cases) {
        const ScoreResult r = scoreAssessment(extendedCompiled(), scoring(c.points));
        INFO("expected " << c.sum << " points");
        CHECK(r.points == c.sum);
        CHECK(r.pointsMax == 160);
        CHECK(r.percent == c.percent);
        CHECK(r.level == c.level);
        CHECK(r.safeToOperate == c.safe);
        CHECK(r.criteriaSetId == "extended-letters");
    }
}

TEST_CASE("extended set: mandatory measures from the letters") {
    const ScoreResult r = scoreAssessment(
        extendedCompiled(), scoring({7, 8, 10, 10, 1, 1, 1, 1, 1, 1, 10, 3, 1, 10, 10, 5}));
    CHECK(r.mandatoryFailed ==
          std::vector<std::string>{"hand_washing", "masks_worn", "isolation_room"});

    Assessment a = scoring(kExtendedBest);
    a.answers["shifts_by_residence"] = t("mot_phan");  // partly: 5 points, not a failure
    CHECK(scoreAssessment(extendedCompiled(), a).measuresImplemented());
    a.answers["shifts_by_residence"] = t("khong");
    CHECK(scoreAssessment(extendedCompiled(), a).mandatoryFailed ==
          std::vector<std::string>{"shifts_by_residence"});
    a.answers.erase("isolation_room");
    const ScoreResult missing = scoreAssessment(extendedCompiled(), a);
    CHECK(missing.mandatoryFailed ==
          std::vector<std::string>{"isolation_room", "shifts_by_residence"});
    CHECK(missing.missing == std::vector<std::string>{"isolation_room"});
}

TEST_CASE("a set's own fail threshold, restricted veto and four levels") {
    const CompiledCriteria c =
        compileCriteria(loadCriteriaSet(SAFEMAP_TEST_DATA "/criteria/minimal-v1.json").value());
    auto score = [&](double crowd, const char* plan) {
        Assessment a;
        a.answers["crowd"] = crowd;
        a.answers["plan"] = std::string(plan);
        return scoreAssessment(c, a);
    };
    // crowd: ≤10 → 0, (10, 20) → 2.5, ≥20 → 5; plan: du 0, chua_du 3, khong 5; of 10 points.
    const ScoreResult none = score(10, "du");
    CHECK(none.percent == 0);
    CHECK(none.level == RiskLevel::Low);
    CHECK(none.safeToOperate);

    CHECK(score(-5, "du").points == 0);  // the first band has no lower bound
    CHECK(score(10.001, "du").points == 2.5);

    const ScoreResult quarter = score(15, "du");
    CHECK(quarter.percent == 25);
    CHECK(quarter.level == RiskLevel::Medium);  // "low" ends before 25, exclusive

    const ScoreResult half = score(20, "du");
    CHECK(half.percent == 50);
    CHECK(half.level == RiskLevel::Medium);  // "medium" includes 50
    CHECK_FALSE(half.safeToOperate);
    CHECK(half.vetoesFired == std::vector<std::string>{"medium_crowd"});

    // Same 50 %, but from the plan: the veto looks at crowd only.
    const ScoreResult plan = score(10, "khong");
    CHECK(plan.level == RiskLevel::Medium);
    CHECK(plan.safeToOperate);
    CHECK(plan.vetoesFired.empty());
    CHECK(plan.mandatoryFailed == std::vector<std::string>{"plan"});

    const ScoreResult partial = score(15, "Chưa đủ");
    CHECK(partial.percent == 55);
    CHECK(partial.level == RiskLevel::High);
    CHECK(partial.mandatoryFailed == std::vector<std::string>{"plan"});  // 3 ≥ fail-at 3

    CHECK(score(25, "khong").level == RiskLevel::VeryHigh);
    CHECK(score(25, "khong").criteriaSetVersion == 3);
}
