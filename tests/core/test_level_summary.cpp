// Facilities by the level of their newest assessment (what `safemap score` prints): read
// from the kept newest scores, the same counts as the status of the rules.
#include <catch2/catch.hpp>

#include <numeric>

#include "core/project/level_summary.h"
#include "project_fixture.h"

using namespace safemap;
using namespace safemap::test;

namespace {

LevelSummary summaryOf(const Project& project) {
    auto summary = latestLevelSummary(project);
    INFO((summary.ok() ? std::string() : summary.error().describe()));
    REQUIRE(summary.ok());
    return *summary;
}

long long assessed(const LevelSummary& s) {
    return std::accumulate(s.facilities.begin(), s.facilities.end(), 0LL);
}

}  // namespace

TEST_CASE("the level summary counts each facility by its newest assessment, as the status does") {
    TempDir dir;
    Project project = projectWith(dir.file("p.gpkg"), threeFactories());

    // Nothing assessed yet: all three without an assessment, as of their accounts.
    LevelSummary none = summaryOf(project);
    CHECK(none == levelSummaryOf(statusOf(project, Scenario{})));
    CHECK(none.noAssessment == 3);
    CHECK(assessed(none) == 0);
    CHECK(none.asOf == *parseDate("2021-05-01"));

    AssessmentImportRequest request;
    request.fallback = criteriaFrom(kCrlnFile);
    // Site 2 was at the worst level, then its newest assessment is good; site 1 is good;
    // site 3 has none.
    REQUIRE(importAssessments(project, assessmentsOn({{"9900000002", "2021-06-10"}}, true), request)
                .ok());
    REQUIRE(importAssessments(
                project,
                assessmentsOn({{"9900000001", "2021-06-14"}, {"9900000002", "2021-06-12"}}),
                request)
                .ok());
    const LevelSummary two = summaryOf(project);
    CHECK(two == levelSummaryOf(statusOf(project, Scenario{})));
    CHECK(two.noAssessment == 1);
    CHECK(assessed(two) == 2);
    CHECK(two.asOf == *parseDate("2021-06-14"));
    const auto good = std::max_element(two.facilities.begin(), two.facilities.end());
    CHECK(*good == 2);  // both newest assessments are the same good one
    const auto goodLevel = good - two.facilities.begin();

    // Site 3's first assessment, at the worst level and newer than the rest: the date moves.
    REQUIRE(importAssessments(project, assessmentsOn({{"9900000003", "2021-06-20"}}, true), request)
                .ok());
    const LevelSummary three = summaryOf(project);
    CHECK(three == levelSummaryOf(statusOf(project, Scenario{})));
    CHECK(three.noAssessment == 0);
    CHECK(three.asOf == *parseDate("2021-06-20"));
    CHECK(three.facilities[static_cast<size_t>(goodLevel)] == 2);
    CHECK(three.facilities[static_cast<size_t>(RiskLevel::VeryHigh)] == 1);
}
