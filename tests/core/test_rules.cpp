#include <catch2/catch.hpp>

#include "core/criteria/criteria_set.h"
#include "core/rules/action_lists.h"

using namespace safemap;

namespace {
Date day(const char* iso) {
    return *parseDate(iso);
}

ScoredAssessment scoredOn(const char* date, double percent, RiskLevel level, bool safe,
                          double maxIndex = 2) {
    ScoredAssessment a;
    a.date = day(date);
    a.percent = percent;
    a.level = level;
    a.safeToOperate = safe;
    a.maxIndexPoints = maxIndex;
    a.worstIndex = 0;  // "workers_concurrent" in twoIndices()
    return a;
}

SiteFacts site(const char* id) {
    SiteFacts f;
    f.siteId = id;
    f.workers = 200;
    f.accountIssued = day("2021-05-01");
    f.lastInspection = InspectionFact{day("2021-06-01"), true, ""};
    return f;
}

std::vector<ReasonCode> codes(const std::vector<ListEntry>& list, const std::string& id) {
    for (const auto& e : list)
        if (e.siteId == id) {
            std::vector<ReasonCode> out;
            for (const auto& r : e.reasons)
                out.push_back(r.code);
            return out;
        }
    return {};
}

// The set the reasons name their indices from: position 0 and 1.
const CriteriaSet& twoIndices() {
    static const CriteriaSet set = [] {
        CriteriaSet s;
        s.indices.resize(2);
        s.indices[0].id = "workers_concurrent";
        s.indices[1].id = "isolation_room";
        return s;
    }();
    return set;
}

std::string text(const Reason& r, bool vietnamese = true) {
    return reasonText(r, &twoIndices(), vietnamese);
}

RuleSettings settingsAt(const char* date) {
    RuleSettings s;
    s.asOf = day(date);
    return s;
}
}  // namespace

TEST_CASE("a safe, recent, inspected, mid-sized facility is on neither list") {
    auto f = site("A");
    f.latest = scoredOn("2021-06-14", 20, RiskLevel::Low, true);
    CHECK(suspensionList({f}, settingsAt("2021-06-15")).empty());
    CHECK(inspectionList({f}, settingsAt("2021-06-15")).empty());
}

TEST_CASE("suspension reason (i): a mandatory measure failed, or an inspection found so") {
    auto f = site("A");
    f.latest = scoredOn("2021-06-14", 20, RiskLevel::Low, true);
    f.latest->failedMandatory = 1u << 1;  // isolation_room
    auto list = suspensionList({f}, settingsAt("2021-06-15"));
    REQUIRE(list.size() == 1);
    CHECK(codes(list, "A") == std::vector{ReasonCode::MeasuresNotImplemented});
    CHECK_THAT(text(list[0].reasons[0]), Catch::Contains("isolation_room"));

    auto g = site("B");
    g.latest = scoredOn("2021-06-10", 20, RiskLevel::Low, true);
    g.lastInspection = InspectionFact{day("2021-06-12"), false, "không có phòng cách ly"};
    CHECK(codes(suspensionList({g}, settingsAt("2021-06-15")), "B") ==
          std::vector{ReasonCode::MeasuresNotImplemented});
    // An inspection older than the newest assessment is superseded by it.
    g.lastInspection->date = day("2021-06-01");
    CHECK(suspensionList({g}, settingsAt("2021-06-15")).empty());
}

TEST_CASE("suspension reason (ii): latest assessment at an unsafe level") {
    auto f = site("A");
    f.previous = scoredOn("2021-06-01", 85, RiskLevel::VeryHigh, false);
    f.latest = scoredOn("2021-06-14", 62, RiskLevel::High, false);
    auto list = suspensionList({f}, settingsAt("2021-06-15"));
    CHECK(codes(list, "A") == std::vector{ReasonCode::UnsafeLevel});
    CHECK_THAT(text(list[0].reasons[0]), Catch::Contains("14/06/2021"));
    // Only the latest counts: an unsafe past with a safe present is not a reason.
    f.previous = f.latest;
    f.latest = scoredOn("2021-06-15", 25, RiskLevel::Low, true);
    CHECK(suspensionList({f}, settingsAt("2021-06-15")).empty());
}

TEST_CASE("suspension reason (iii): account but no assessment, or none within N days") {
    auto never = site("A");
    CHECK(codes(suspensionList({never}, settingsAt("2021-06-15")), "A") ==
          std::vector{ReasonCode::NoAssessment});
    auto noAccount = site("B");
    noAccount.accountIssued.reset();
    CHECK(suspensionList({noAccount}, settingsAt("2021-06-15")).empty());

    auto old = site("C");
    old.latest = scoredOn("2021-06-07", 20, RiskLevel::Low, true);
    // 8 days old with N = 7 is overdue; exactly 7 days is not.
    CHECK(codes(suspensionList({old}, settingsAt("2021-06-15")), "C") ==
          std::vector{ReasonCode::AssessmentOverdue});
    CHECK(suspensionList({old}, settingsAt("2021-06-14")).empty());
    RuleSettings longer = settingsAt("2021-06-15");
    longer.suspendNoAssessmentDays = 8;
    CHECK(suspensionList({old}, longer).empty());
}

TEST_CASE("inspection reasons, each on its own and with its threshold") {
    const RuleSettings s = settingsAt("2021-06-15");
    auto big = site("A");
    big.latest = scoredOn("2021-06-14", 20, RiskLevel::Low, true);
    big.workers = 1001;
    CHECK(codes(inspectionList({big}, s), "A") == std::vector{ReasonCode::LargeWorkforce});
    big.workers = 1000;  // "above a threshold": exactly 1000 is not large
    CHECK(inspectionList({big}, s).empty());

    auto medium = site("B");
    medium.latest = scoredOn("2021-06-14", 40, RiskLevel::Medium, false, 7);
    CHECK(codes(inspectionList({medium}, s), "B") == std::vector{ReasonCode::MediumWithHighIndex});
    medium.latest->maxIndexPoints = 6;
    medium.latest->safeToOperate = true;
    CHECK(inspectionList({medium}, s).empty());

    auto stale = site("C");
    stale.latest = scoredOn("2021-06-09", 20, RiskLevel::Low, true);  // 6 days > 5
    CHECK(codes(inspectionList({stale}, s), "C") == std::vector{ReasonCode::StaleAssessment});
    stale.latest->date = day("2021-06-10");  // exactly 5 days
    CHECK(inspectionList({stale}, s).empty());

    auto rising = site("D");
    rising.previous = scoredOn("2021-06-01", 20, RiskLevel::Low, true);
    rising.latest = scoredOn("2021-06-14", 25, RiskLevel::Low, true);
    CHECK(codes(inspectionList({rising}, s), "D") == std::vector{ReasonCode::RiskRising});
    rising.latest->percent = 24.9;
    CHECK(inspectionList({rising}, s).empty());

    auto fresh = site("E");
    fresh.latest = scoredOn("2021-06-14", 20, RiskLevel::Low, true);
    fresh.lastInspection.reset();
    CHECK(codes(inspectionList({fresh}, s), "E") == std::vector{ReasonCode::NeverInspected});
    RuleSettings skip = s;
    skip.inspectNeverInspected = false;
    CHECK(inspectionList({fresh}, skip).empty());
}

TEST_CASE("lists are sorted, reproducible, and default to the newest assessment date") {
    auto a = site("Z");
    a.latest = scoredOn("2021-06-14", 62, RiskLevel::High, false);
    auto b = site("M");
    b.latest = scoredOn("2021-06-01", 20, RiskLevel::Low, true);
    const std::vector<SiteFacts> facts{a, b};
    RuleSettings s;  // no as-of: the newest assessment (14/06) is "today"
    CHECK(effectiveAsOf(facts, s) == day("2021-06-14"));
    const auto list = suspensionList(facts, s);
    REQUIRE(list.size() == 2);
    // Highest priority first (test_priority.cpp): Z, assessed high, before M, low but 13 days
    // without an assessment.
    CHECK(list[0].siteId == "Z");
    CHECK(list[1].siteId == "M");
    CHECK(list[0].priority.total() > list[1].priority.total());
    CHECK(codes(list, "M") == std::vector{ReasonCode::AssessmentOverdue});
    CHECK(suspensionList(facts, s) == list);
    CHECK(suspensionList({b, a}, s) == list);  // input order does not matter
}

TEST_CASE("rule settings are read from key=value with errors naming the key") {
    RuleSettings s;
    CHECK(applyRuleSetting(s, "suspend-no-assessment-days", "10").ok());
    CHECK(s.suspendNoAssessmentDays == 10);
    CHECK(applyRuleSetting(s, "as-of", "2021-06-20").ok());
    CHECK(s.asOf == day("2021-06-20"));
    auto bad = applyRuleSetting(s, "large-workforce", "many");
    REQUIRE_FALSE(bad.ok());
    CHECK_THAT(bad.error().message, Catch::Contains("large-workforce"));
    CHECK_FALSE(applyRuleSetting(s, "colour", "red").ok());
    CHECK_THAT(describeRuleSettings(s), Catch::Contains("suspend-no-assessment-days=10"));
}
