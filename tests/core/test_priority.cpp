// The priority of list entries (docs/rules.md, "Priority"), on hand-made facilities whose
// scores are worked out by hand in the comments.
#include <catch2/catch.hpp>

#include "core/project/list_rows.h"
#include "core/rules/action_lists.h"
#include "core/rules/site_status.h"

using namespace safemap;

namespace {
Date d(const char* iso) {
    return *parseDate(iso);
}

ScoredAssessment scored(const char* date, double percent, RiskLevel level, bool safe,
                        double maxIndex = 2) {
    ScoredAssessment a;
    a.date = d(date);
    a.percent = percent;
    a.level = level;
    a.safeToOperate = safe;
    a.maxIndexPoints = maxIndex;
    a.worstIndex = 0;  // workers_concurrent
    return a;
}

// A low-risk, mid-sized facility assessed on the list date and inspected the day before:
// level 5, workforce 10·log10(2) = 3.0103, inspection 0.1 → 8.1.
SiteFacts calm(const char* id) {
    SiteFacts f;
    f.siteId = id;
    f.workers = 200;
    f.accountIssued = d("2021-05-01");
    f.latest = scored("2021-06-30", 20, RiskLevel::Low, true);
    f.lastInspection = InspectionFact{d("2021-06-29"), true, ""};
    return f;
}

RuleSettings at(const char* date) {
    RuleSettings s;
    s.asOf = d(date);
    return s;
}

std::vector<std::string> ids(const std::vector<ListEntry>& list) {
    std::vector<std::string> out;
    for (const auto& e : list)
        out.push_back(e.siteId);
    return out;
}
}  // namespace

TEST_CASE("priority parts add up as documented") {
    SiteFacts f = calm("A");
    const RuleSettings s = at("2021-06-30");
    Priority p = priorityOf(f, d("2021-06-30"), s);
    CHECK(p.level == 5);
    CHECK(p.measures == 0);
    CHECK(p.indices == 0);
    CHECK(p.workforce == Approx(3.0103).epsilon(1e-4));
    CHECK(p.assessmentAge == 0);
    CHECK(p.rise == 0);
    CHECK(p.inspectionAge == Approx(0.1));
    CHECK(p.total() == Approx(8.1));

    // High (30); one failed mandatory measure and one fired veto (2 × 10); worst index 9
    // against the threshold 7 (2 + 2 = 4); 1,000 workers (10); assessed 10 days before
    // (10 × 0.5 = 5); up 12 points since the previous one (12 × 0.5 = 6); inspected 30 days
    // before (30 × 0.1 = 3). Total 78.
    f.workers = 1000;
    f.latest = scored("2021-06-20", 62, RiskLevel::High, false, 9);
    f.latest->failedMandatory = 1u << 2;  // hand_washing
    f.latest->firedVetoes = 1u;           // medium_any_index_7
    f.previous = scored("2021-06-10", 50, RiskLevel::High, false, 9);
    f.lastInspection = InspectionFact{d("2021-05-31"), true, ""};
    p = priorityOf(f, d("2021-06-30"), s);
    CHECK(p.level == 30);
    CHECK(p.measures == 20);
    CHECK(p.indices == 4);
    CHECK(p.workforce == Approx(10));
    CHECK(p.assessmentAge == 5);
    CHECK(p.rise == 6);
    CHECK(p.inspectionAge == Approx(3));
    CHECK(p.total() == Approx(78));
    CHECK(describePriority(p) ==
          "level 30 + measures 20 + workforce 10 + rise 6 + days since assessment 5 + index 4 + "
          "days since inspection 3");
    CHECK(describePriority(p, true).rfind("mức nguy cơ 30 + biện pháp 20", 0) == 0);

    // A failed inspection after the latest assessment is one more measure point block.
    f.lastInspection = InspectionFact{d("2021-06-25"), false, "không có phòng cách ly"};
    CHECK(priorityOf(f, d("2021-06-30"), s).measures == 30);
    // ... but not one from before it (the assessment since then says what is in place).
    f.lastInspection = InspectionFact{d("2021-06-15"), false, ""};
    CHECK(priorityOf(f, d("2021-06-30"), s).measures == 20);
    // A falling risk adds nothing (and takes nothing away).
    f.previous->percent = 70;
    CHECK(priorityOf(f, d("2021-06-30"), s).rise == 0);
    // A higher veto threshold: index 9 against 8 gives 2 + 1.
    RuleSettings strict = s;
    strict.mediumIndexThreshold = 8;
    CHECK(priorityOf(f, d("2021-06-30"), strict).indices == 3);
}

TEST_CASE("each priority part is capped, and a missing assessment counts as documented") {
    SiteFacts f = calm("A");
    f.workers = 1000000;
    f.latest = scored("2021-03-01", 95, RiskLevel::VeryHigh, false, 10);
    f.latest->failedMandatory = 0b1111u;  // four measures
    f.previous = scored("2021-02-01", 20, RiskLevel::Low, true);
    f.lastInspection.reset();
    const Priority p = priorityOf(f, d("2021-06-30"), at("2021-06-30"));
    CHECK(p.level == 40);
    CHECK(p.measures == 30);
    CHECK(p.indices == 5);
    CHECK(p.workforce == 20);
    CHECK(p.assessmentAge == 15);
    CHECK(p.rise == 10);
    CHECK(p.inspectionAge == 10);
    CHECK(p.total() == 130);

    // Never assessed: 25 for the unknown level, the full 15 for the age; unknown workforce 0.
    SiteFacts none = calm("B");
    none.latest.reset();
    none.workers.reset();
    none.lastInspection = InspectionFact{d("2021-06-20"), false, ""};
    const Priority q = priorityOf(none, d("2021-06-30"), at("2021-06-30"));
    CHECK(q.level == 25);
    CHECK(q.assessmentAge == 15);
    CHECK(q.workforce == 0);
    CHECK(q.measures == 10);  // the failed inspection
    CHECK(q.inspectionAge == Approx(1));
    CHECK(q.total() == Approx(51));
}

TEST_CASE("lists are ordered by priority, ties by site id, whatever the input order") {
    // All four are due for inspection (large workforce). D and B tie exactly.
    std::vector<SiteFacts> facts;
    for (const char* id : {"D", "C", "B", "A"}) {
        SiteFacts f = calm(id);
        f.workers = 2000;
        facts.push_back(f);
    }
    facts[1].latest = scored("2021-06-30", 40, RiskLevel::Medium, true);  // C: +10 for the level
    facts[3].lastInspection.reset();  // A: never inspected, +9.9 and a second reason
    const RuleSettings s = at("2021-06-30");
    const auto list = inspectionList(facts, s);
    CHECK(ids(list) == std::vector<std::string>{"C", "A", "B", "D"});
    CHECK(list[0].priority.total() > list[1].priority.total());
    CHECK(list[1].priority.total() > list[2].priority.total());
    CHECK(list[2].priority.total() == list[3].priority.total());
    for (std::size_t i = 0; i < list.size(); ++i)
        CHECK(list[i].rank == static_cast<int>(i) + 1);

    std::vector<SiteFacts> reversed(facts.rbegin(), facts.rend());
    CHECK(inspectionList(reversed, s) == list);
}

TEST_CASE("the inspection capacity marks the top of the list, on the list and in the status") {
    std::vector<SiteFacts> facts;
    for (int i = 0; i < 5; ++i) {
        SiteFacts f = calm(("S" + std::to_string(i)).c_str());
        f.workers = 1500 + 1000 * i;  // large: on the list; more workers, higher priority
        facts.push_back(f);
    }
    facts.push_back(calm("quiet"));  // on no list
    RuleSettings s = at("2021-06-30");
    s.inspectionCapacity = 2;
    const auto list = inspectionList(facts, s);
    REQUIRE(list.size() == 5);
    CHECK(ids(list) == std::vector<std::string>{"S4", "S3", "S2", "S1", "S0"});
    CHECK(list[0].withinCapacity);
    CHECK(list[1].withinCapacity);
    CHECK_FALSE(list[2].withinCapacity);
    CHECK_FALSE(list[4].withinCapacity);

    const auto status = computeSiteStatus(facts, s);
    REQUIRE(status.size() == 6);
    for (const SiteStatus& st : status) {
        INFO(st.siteId);
        CHECK(st.toInspect == (st.siteId != "quiet"));
        CHECK(st.inspectTop == (st.siteId == "S4" || st.siteId == "S3"));
        CHECK(st.priority ==
              priorityOf(facts[static_cast<std::size_t>(&st - status.data())], d("2021-06-30"), s));
    }
    CHECK(status[4].inspectRank == 1);
    CHECK(status[0].inspectRank == 5);
    CHECK(status[5].inspectRank == 0);

    // 0 = no limit: every entry is this week's.
    s.inspectionCapacity = 0;
    for (const auto& e : inspectionList(facts, s))
        CHECK(e.withinCapacity);
    // The suspension list has no capacity.
    facts[0].latest = scored("2021-06-30", 90, RiskLevel::VeryHigh, false);
    facts[1].latest = scored("2021-06-30", 90, RiskLevel::VeryHigh, false);
    facts[2].latest = scored("2021-06-30", 90, RiskLevel::VeryHigh, false);
    s.inspectionCapacity = 1;
    const auto suspend = suspensionList(facts, s);
    REQUIRE(suspend.size() == 3);
    for (const auto& e : suspend)
        CHECK(e.withinCapacity);
}

TEST_CASE("inspection-capacity is a rule setting, and the exports carry rank and priority") {
    RuleSettings s;
    CHECK(s.inspectionCapacity == 10);
    CHECK(applyRuleSetting(s, "inspection-capacity", "25").ok());
    CHECK(s.inspectionCapacity == 25);
    auto bad = applyRuleSetting(s, "inspection-capacity", "-3");
    REQUIRE_FALSE(bad.ok());
    CHECK_THAT(bad.error().message, Catch::Contains("inspection-capacity"));
    CHECK_THAT(describeRuleSettings(s), Catch::Contains("inspection-capacity=25\n"));

    SiteFacts big = calm("B");
    big.workers = 3000;
    SiteFacts bigger = calm("A");
    bigger.workers = 6000;
    s = at("2021-06-30");
    s.inspectionCapacity = 1;
    const auto list = inspectionList({big, bigger}, s);
    std::vector<ListRow> rows;
    for (const auto& e : list) {
        ListRow r;
        r.siteId = r.name = e.siteId;
        r.reasons = e.reasons;
        r.priority = e.priority;
        r.rank = e.rank;
        r.thisWeek = e.withinCapacity;
        rows.push_back(r);
    }
    const std::string csv = listRowsToCsv(rows, false);
    CHECK(csv.rfind("rank,priority,this_week,site_id,tax_code,name,", 0) == 0);
    // A: 5 + 10·log10(60) = 17.78 + 0.1 → 22.9; B: 5 + 14.77 + 0.1 → 19.9.
    CHECK_THAT(csv, Catch::Contains("\r\n1,22.9,yes,A,,A,"));
    CHECK_THAT(csv, Catch::Contains("\r\n2,19.9,no,B,,B,"));
    ListProvenance provenance;
    provenance.list = ActionList::ToInspect;
    provenance.criteria = CriteriaRef{"crln", 1};
    provenance.asOf = d("2021-06-30");
    provenance.settings = s;
    const std::string json = listRowsToJson(rows, provenance);
    CHECK_THAT(json, Catch::Contains("\"priority\": 22.9"));
    CHECK_THAT(json, Catch::Contains("\"workforce\": 17.8"));
    CHECK_THAT(json, Catch::Contains("\"this_week\": false"));
    CHECK_THAT(json, Catch::Contains("\"inspection-capacity\": \"1\""));
}
