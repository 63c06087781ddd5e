#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <limits>
#include <random>

#include "core/criteria/criteria_io.h"
#include "core/scoring/score.h"
#include "test_support.h"

using namespace safemap;

namespace {

const CompiledCriteria& crln() {
    static const CompiledCriteria c = compileCriteria(
        loadCriteriaSet(sourcePath("resources/criteria/crln-1203-v1.json")).value());
    return c;
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// Dense CRLN row scoring 1 everywhere: yes/no as 1/0, choices by position
// (canteen: 1 = vach_ngan; night shift: 0 = khong).
const std::vector<double> kBestRow{50, 20, 1, 1, 100, 1, 0, 1, 1, 0};

}  // namespace

TEST_CASE("batch: hand-computed rows") {
    std::vector<double> rows;
    auto add = [&](std::vector<double> r) { rows.insert(rows.end(), r.begin(), r.end()); };
    add(kBestRow);                                // 0: 10 points
    add({kNaN, 20, 1, 1, 100, 1, 0, 1, 1, 0});    // 1: missing workers → 10 + 9
    add({kInf, 20, 2, 1, 100, 5, 0, 0, 1, 1.5});  // 2: five invalid answers
    add({1000, 5, 1, 0, 90, 2, 10, 3, 1, 0});     // 3: 7+6+1+10+4+4+2+3+1+1 = 39
    add({500, 5, 1, 1, 90, 2, 10, 5, 1, 0});      // 4: 5+6+1+1+4+4+2+5+1+1 = 30
    std::vector<ScoreSummary> out(5);
    REQUIRE(scoreBatch(crln(), rows, out).ok());

    CHECK(out[0].points == 10);
    CHECK(out[0].percent == 10);
    CHECK(out[0].level == RiskLevel::VeryLow);
    CHECK(out[0].safeToOperate);
    CHECK(out[0].missingMask == 0);
    CHECK(out[0].invalidMask == 0);

    CHECK(out[1].points == 19);
    CHECK(out[1].missingMask == 0b1);
    CHECK(out[1].level == RiskLevel::Low);

    // workers +inf, hand_washing 2, canteen 5 (no sixth option), residential 0, night 1.5.
    CHECK(out[2].invalidMask == ((1u << 0) | (1u << 2) | (1u << 5) | (1u << 7) | (1u << 9)));
    CHECK(out[2].points == 10 + 1 + 10 + 1 + 1 + 10 + 1 + 10 + 1 + 10);
    CHECK(out[2].mandatoryFailedMask == (1u << 2));  // hand_washing unreadable counts as failed

    CHECK(out[3].points == 39);
    CHECK(out[3].level == RiskLevel::Medium);
    CHECK_FALSE(out[3].safeToOperate);
    CHECK(out[3].vetoMask == 1);
    CHECK(out[3].mandatoryFailedMask == (1u << 3));

    CHECK(out[4].percent == 30);
    CHECK(out[4].level == RiskLevel::Medium);
    CHECK(out[4].safeToOperate);
    CHECK(out[4].vetoMask == 0);
}

TEST_CASE("batch: a mismatched answer array is refused and nothing is written") {
    std::vector<double> rows(kBestRow);
    rows.push_back(1);
    std::vector<ScoreSummary> out(1);
    out[0].points = -1;
    Status s = scoreBatch(crln(), rows, out);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().message == "scoreBatch: 11 answers for 1 assessments of 10 indices");
    CHECK(out[0].points == -1);
    CHECK(scoreBatch(crln(), {}, {}).ok());
}

TEST_CASE("scoreRow fills per-index points") {
    std::vector<double> pts(10);
    const ScoreSummary s =
        scoreRow(crln(), std::vector<double>{1000, 5, 1, 0, 90, 2, 10, 3, 1, 0}, pts);
    CHECK(pts == std::vector<double>{7, 6, 1, 10, 4, 4, 2, 3, 1, 1});
    CHECK(s.points == 39);
}

TEST_CASE("batch and per-assessment scoring agree on random assessments") {
    const CompiledCriteria c = compileCriteria(
        loadCriteriaSet(sourcePath("resources/criteria/extended-letters-v1.json")).value());
    const std::size_t k = c.indexCount();
    std::mt19937 rng(20210624);
    std::uniform_real_distribution<double> unit(0, 1);
    std::vector<Assessment> assessments;
    for (int n = 0; n < 3000; ++n) {
        Assessment a;
        a.siteId = numbered("S", n);
        for (const Criterion& crit : c.set.indices) {
            const double u = unit(rng);
            if (u < 0.05)
                continue;  // missing
            if (u < 0.08) {
                a.answers[crit.id] = std::string("?");  // invalid
                continue;
            }
            switch (crit.input) {
                case InputType::YesNo:
                    a.answers[crit.id] = unit(rng) < 0.7;
                    break;
                case InputType::Choice:
                    a.answers[crit.id] = crit.choices[rng() % crit.choices.size()].value;
                    break;
                case InputType::Percent:
                    a.answers[crit.id] = std::floor(unit(rng) * 101);
                    break;
                case InputType::Bands:
                    a.answers[crit.id] = std::floor(unit(rng) * 40) / 2;  // hits edges
                    break;
            }
        }
        // Answers to no index of the set, sorting before, between and after the set's ids:
        // read by nobody.
        if (n % 3 == 0)
            a.answers["0_khong_co"] = 1.0;
        if (n % 5 == 0)
            a.answers[c.set.indices.front().id + "_x"] = std::string("có");
        if (n % 7 == 0)
            a.answers["~khong_co"] = true;
        assessments.push_back(std::move(a));
    }
    std::vector<double> dense;
    for (const Assessment& a : assessments)
        for (const AnswerReading& r : readAnswers(c, a))
            dense.push_back(r.value);
    // readAnswerValues (what an import scores with) gives the same values, bit for bit.
    std::vector<double> values(k);
    std::size_t differ = 0;
    for (std::size_t n = 0; n < assessments.size(); ++n) {
        readAnswerValues(c, assessments[n], values);
        for (std::size_t j = 0; j < k; ++j)
            differ += std::bit_cast<std::uint64_t>(values[j]) !=
                      std::bit_cast<std::uint64_t>(dense[n * k + j]);
    }
    CHECK(differ == 0);
    std::vector<ScoreSummary> out(assessments.size());
    REQUIRE(scoreBatch(c, dense, out).ok());

    int levelsSeen[kRiskLevelCount] = {};
    for (std::size_t n = 0; n < assessments.size(); ++n) {
        const ScoreResult r = scoreAssessment(c, assessments[n]);
        const ScoreSummary& s = out[n];
        CHECK(s.points == r.points);
        CHECK(s.percent == r.percent);
        CHECK(s.level == r.level);
        CHECK(s.safeToOperate == r.safeToOperate);
        CHECK(static_cast<std::size_t>(std::popcount(s.missingMask)) == r.missing.size());
        CHECK(static_cast<std::size_t>(std::popcount(s.invalidMask)) == r.invalid.size());
        CHECK(static_cast<std::size_t>(std::popcount(s.mandatoryFailedMask)) ==
              r.mandatoryFailed.size());
        CHECK(static_cast<std::size_t>(std::popcount(s.vetoMask)) == r.vetoesFired.size());
        double sum = 0;
        for (std::size_t j = 0; j < k; ++j)
            sum += r.indices[j].points;
        CHECK(sum == r.points);
        ++levelsSeen[static_cast<int>(r.level)];
    }
    // The random answers are spread enough to exercise more than one level.
    CHECK(levelsSeen[static_cast<int>(RiskLevel::Medium)] > 0);
    CHECK(levelsSeen[static_cast<int>(RiskLevel::High)] > 0);
}
