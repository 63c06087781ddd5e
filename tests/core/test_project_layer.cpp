// The project layer: scenarios (criteria set, thresholds, as-of date, filter) as values,
// facts bounded by the as-of date, what-if without writing, migrations from released
// projects, and one transaction per use case.
#include <catch2/catch.hpp>

#include <deque>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/project/compare.h"
#include "core/project/criteria_use.h"
#include "core/project/list_rows.h"
#include "core/project/project_settings.h"
#include "core/project/scenario.h"
#include "core/storage/gpkg_repository.h"
#include "core/storage/schema.h"
#include "core/tabular/csv_reader.h"
#include "project_fixture.h"

using namespace safemap;
using namespace safemap::test;

namespace {

std::string fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

Table assessmentsOn(const std::vector<std::pair<std::string, std::string>>& siteDates,
                    bool worst = false) {
    // A deque: push_back keeps earlier elements in place, so the views below stay valid (a
    // vector moves short strings' inline buffers when it grows).
    static std::deque<std::string> keep;
    std::vector<std::vector<std::string_view>> rows;
    for (const auto& [tax, date] : siteDates) {
        keep.push_back(tax);
        std::string_view t = keep.back();
        keep.push_back(date);
        std::string_view d = keep.back();
        if (worst)
            rows.push_back({t, d, "X", "6000", "1", "không", "không", "0", "khong", "100", "20",
                            "không", "co"});
        else
            rows.push_back(
                {t, d, "X", "50", "20", "có", "có", "100", "vach_ngan", "0", "1", "có", "khong"});
    }
    return tableOf(kAssessmentHeader, rows);
}

ProjectStatus statusOf(const Project& project, const Scenario& scenario) {
    auto r = evaluateScenario(project, scenario);
    INFO((r.ok() ? std::string() : r.error().describe()));
    REQUIRE(r.ok());
    return r->status;
}

// The assessments the released projects were made from (the sample of that time).
const std::string kSampleAssessments =
    std::string(SAFEMAP_TEST_DATA) + "/projects/danh_gia_2021-06.csv";

}  // namespace

TEST_CASE(
    "facts are bounded by the as-of date: later assessments, inspections and accounts "
    "do not exist") {
    TempDir dir;
    auto factories = threeFactories();
    factories[2].accountIssued = parseDate("2021-06-20");  // site 3's account comes later
    Project project = projectWith(dir.file("p.gpkg"), factories);
    AssessmentImportRequest request;
    request.fallback = criteriaFrom(kCrlnFile);
    REQUIRE(
        importAssessments(project, assessmentsOn({{"9900000001", "2021-06-01"}}), request).ok());
    REQUIRE(importAssessments(project, assessmentsOn({{"9900000001", "2021-06-25"}}, true), request)
                .ok());
    const std::vector<std::string> header = {"ma_so_thue", "ngay_kiem_tra", "nguoi_kiem_tra",
                                             "dat_yeu_cau", "ket_luan"};
    REQUIRE(importInspections(
                project, tableOf(header, {{"9900000002", "2021-06-22", "Đoàn 1", "không", ""}}))
                .ok());

    Scenario latest;
    const ProjectStatus now = statusOf(project, latest);
    CHECK(now.asOf == *parseDate("2021-06-25"));
    CHECK(now.site("MST-9900000001")->level == RiskLevel::VeryHigh);
    CHECK(now.site("MST-9900000002")->toSuspend);  // the failed inspection

    Scenario past;
    past.rules.asOf = parseDate("2021-06-10");
    const ProjectStatus then = statusOf(project, past);
    const SiteStatus* one = then.site("MST-9900000001");
    REQUIRE(one);
    CHECK(one->level != RiskLevel::VeryHigh);  // the 25/06 assessment does not exist yet
    CHECK(one->assessedOn == parseDate("2021-06-01"));
    CHECK(one->ageDays == 9);
    for (const auto& s : then.sites)
        CHECK(s.ageDays >= -1);  // never a negative age
    // Site 2's inspection (22/06) has not happened; its reasons are "no assessment" only.
    for (const auto& r : then.site("MST-9900000002")->suspendReasons)
        CHECK(r.code != ReasonCode::MeasuresNotImplemented);
    // Site 3 had no account on 10/06: nothing required of it yet.
    CHECK_FALSE(then.site("MST-9900000003")->toSuspend);
    CHECK(now.site("MST-9900000003")->toSuspend);

    auto facts = loadProjectFacts(project);
    REQUIRE(facts.ok());
    CHECK(dataDates(*facts) == std::vector<Date>{*parseDate("2021-06-01"), *parseDate("2021-06-22"),
                                                 *parseDate("2021-06-25")});
}

TEST_CASE("what-if under another criteria set changes nothing in the project") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    Project project = projectWith(path, threeFactories());
    AssessmentImportRequest request;
    request.fallback = criteriaFrom(kCrlnFile);
    // Site 1 good; site 2 fails only what the extended set adds on top of CRLN.
    REQUIRE(importAssessments(
                project,
                assessmentsOn({{"9900000001", "2021-06-14"}, {"9900000002", "2021-06-14"}}),
                request)
                .ok());
    const std::string before = fileBytes(path);
    Scenario current;
    Scenario other;
    other.criteria = criteriaFrom(kExtendedFile);
    other.rules.largeWorkforce = 500;  // site 2 (600 workers) becomes "large"
    auto comparison = compareScenarios(project, current, other);
    REQUIRE(comparison.ok());
    CHECK(comparison->before.status.criteria->id == "crln-1203");
    CHECK(comparison->after.status.criteria->id == "extended-letters");
    CHECK(comparison->after.facts->scoredInMemory);
    REQUIRE_FALSE(comparison->changes.empty());
    bool twoChanged = false;
    for (const auto& c : comparison->changes) {
        const SiteStatus* a = comparison->before.status.site(c.siteId);
        const SiteStatus* b = comparison->after.status.site(c.siteId);
        // Every row is a real difference, reported as it is.
        CHECK(
            (a->level != b->level || a->toSuspend != b->toSuspend || a->toInspect != b->toInspect));
        CHECK(c.inspectAfter == b->toInspect);
        twoChanged |= c.siteId == "MST-9900000002";
    }
    CHECK(twoChanged);
    const std::string csv = changesToCsv(comparison->changes);
    CHECK(csv.rfind("site_id,name,level_before,level_after,percent_before,percent_after,"
                    "suspend_before,suspend_after,inspect_before,inspect_after\r\n",
                    0) == 0);
    CHECK(fileBytes(path) == before);
    CHECK(project.repository().activeCriteria().value() == CriteriaRef{"crln-1203", 1});
}

TEST_CASE("activating a criteria set is one transaction: a failure keeps the old set and scores") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    Project project = projectWith(path, threeFactories());
    AssessmentImportRequest request;
    request.fallback = criteriaFrom(kCrlnFile);
    REQUIRE(importAssessments(
                project,
                assessmentsOn({{"9900000001", "2021-06-14"}, {"9900000002", "2021-06-14"}}),
                request)
                .ok());
    // The second score written under the new set fails, as a full disk would.
    sqlExec(path,
            "CREATE TRIGGER full BEFORE INSERT ON scores WHEN NEW.set_id = 'extended-letters' "
            "AND (SELECT count(*) FROM scores WHERE set_id = 'extended-letters') >= 1 "
            "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
    auto r = activateCriteriaSet(project, *criteriaFrom(kExtendedFile));
    REQUIRE_FALSE(r.ok());
    CHECK(project.repository().activeCriteria().value() == CriteriaRef{"crln-1203", 1});
    CHECK(sqlInt(path, "SELECT count(*) FROM scores WHERE set_id = 'crln-1203'") == 2);
    CHECK(sqlInt(path, "SELECT count(*) FROM scores WHERE set_id = 'extended-letters'") == 0);
    CHECK(sqlInt(path, "SELECT count(*) FROM criteria_sets") == 1);
    // Every facility still reads its level: nothing "unassessed" was left behind.
    const ProjectStatus st = statusOf(project, Scenario{});
    CHECK(st.site("MST-9900000001")->level.has_value());
}

TEST_CASE("a second writer waits, then refuses with a message naming the project") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    Project first = projectWith(path, threeFactories());
    auto second = Project::open(path);
    REQUIRE(second.ok());
    dynamic_cast<GpkgRepository&>(second->repository()).setBusyTimeout(200);
    auto held = first.repository().beginWrite();
    REQUIRE(held.ok());
    SiteBatch batch;
    batch.factories = threeFactories();
    batch.factories[0].name = "đổi tên";
    auto r = importSites(*second, batch, "b.csv");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().file == path);
    CHECK_THAT(r.error().message, Catch::Contains("another program is writing"));
    REQUIRE((*held)->commit().ok());
    // Once the first has finished, the second goes through.
    CHECK(importSites(*second, batch, "b.csv").ok());
}

TEST_CASE("settings are typed, saved in one transaction, and bad stored values are reported") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    Project project = projectWith(path, threeFactories());
    ProjectSettings s;
    s.view.extent = BBox{11700000.5, 2300000.25, 11800000, 2400000};
    s.view.layers = {{"basemap", true}, {"factories", false}, {"zones", true}};
    s.style.zoneColouring = ZoneColouring::UnsafeShare;
    s.style.facilityLabels = true;
    s.filter.districts = {"Duy Tiên"};
    s.rules.largeWorkforce = 700;
    s.rules.inspectNeverInspected = false;
    REQUIRE(saveProjectSettings(project, s).ok());
    auto loaded = loadProjectSettings(project);
    REQUIRE(loaded.ok());
    CHECK(loaded->problems.empty());
    CHECK(loaded->view.layers == s.view.layers);
    CHECK(loaded->view.extent->minX == Approx(11700000.5));
    CHECK(loaded->style == s.style);
    CHECK(loaded->filter == s.filter);
    CHECK(loaded->rules.largeWorkforce == 700);
    CHECK_FALSE(loaded->rules.inspectNeverInspected);
    CHECK(savedScenario(*loaded).filter == s.filter);

    sqlExec(path, "UPDATE safemap_meta SET value = 'lots' WHERE key = 'rules.large-workforce'");
    sqlExec(path, "UPDATE safemap_meta SET value = 'x,y' WHERE key = 'view.extent'");
    auto damaged = loadProjectSettings(project);
    REQUIRE(damaged.ok());
    REQUIRE(damaged->problems.size() == 2);
    CHECK(damaged->rules.largeWorkforce == RuleSettings{}.largeWorkforce);
    CHECK_FALSE(damaged->view.extent.has_value());
    CHECK(damaged->filter == s.filter);  // the rest is read as saved
}

TEST_CASE("list rows follow the scenario's filter and export in the one CSV form") {
    TempDir dir;
    Project project = projectWith(dir.file("p.gpkg"), threeFactories());
    AssessmentImportRequest request;
    request.fallback = criteriaFrom(kCrlnFile);
    REQUIRE(importAssessments(project, assessmentsOn({{"9900000002", "2021-06-14"}}, true), request)
                .ok());
    Scenario scenario;
    auto r = evaluateScenario(project, scenario);
    REQUIRE(r.ok());
    const auto all = listRows(ActionList::ToSuspend, *r->facts, r->status);
    CHECK(all.size() == 3);
    SiteFilter veryHigh;
    veryHigh.levels.reset();
    veryHigh.setLevel(RiskLevel::VeryHigh, true);
    const auto filtered = listRows(ActionList::ToSuspend, *r->facts, r->status, veryHigh);
    REQUIRE(filtered.size() == 1);
    CHECK(filtered[0].siteId == "MST-9900000002");
    CHECK(filtered[0].level == RiskLevel::VeryHigh);
    const std::string csv = listRowsToCsv(filtered, false);
    CHECK(csv.rfind("rank,priority,this_week,site_id,tax_code,name,zone,district,workers,level,"
                    "percent,assessed_on,reason_codes,reasons,reasons_en,reason_indices\r\n",
                    0) == 0);
    CHECK_THAT(csv, Catch::Contains(",no,MST-9900000002,9900000002,Cơ sở 2,,,600,very_high,100.0,"
                                    "2021-06-14,measures_not_implemented; unsafe_level"));
}

TEST_CASE("a score timeline groups and orders entries whatever order they arrive in") {
    ScoreTimelineBuilder b(CriteriaRef{"s", 1});
    auto entry = [](int64_t id, int day) {
        TimelineEntry e;
        e.assessmentId = id;
        e.day = day;
        return e;
    };
    b.add("B", entry(5, 20));
    b.add("A", entry(3, 10));
    b.add("B", entry(2, 10));
    b.add("A", entry(1, 10));
    b.add("B", entry(4, 20));
    const ScoreTimeline t = std::move(b).finish();
    CHECK(t.siteIds == std::vector<std::string>{"A", "B"});
    const auto a = t.of("A");
    REQUIRE(a.size() == 2);
    CHECK(a[0].assessmentId == 1);
    CHECK(a[1].assessmentId == 3);
    const auto bs = t.of("B");
    REQUIRE(bs.size() == 3);
    CHECK(bs[0].assessmentId == 2);
    CHECK(bs[1].assessmentId == 4);
    CHECK(bs[2].assessmentId == 5);
    CHECK(t.of("C").empty());
    CHECK(t.newest() == fromDayNumber(20));
}

TEST_CASE("projects written by the released version-2 code open with their scores") {
    for (const char* name : {"v2-early.gpkg", "v2-final.gpkg"}) {
        INFO(name);
        TempDir dir;
        const auto path = dir.file(name);
        std::filesystem::copy_file(std::string(SAFEMAP_TEST_DATA) + "/projects/" + name, path);
        const std::string original = fileBytes(path);

        // Read-only: answered from an upgraded copy in memory; the file is not touched.
        auto readOnly = Project::open(path, Project::Access::ReadOnly);
        REQUIRE(readOnly.ok());
        REQUIRE(readOnly->notes().size() == 1);
        const ProjectStatus seen = statusOf(*readOnly, Scenario{});
        CHECK(fileBytes(path) == original);

        auto project = Project::open(path);
        REQUIRE(project.ok());
        CHECK(project->repository().schemaVersion() == latestSchemaVersion());
        CHECK(sqlInt(path, "SELECT count(*) FROM scores") == 381);
        CHECK_FALSE(sqlInt(path, "SELECT 1 FROM sqlite_master WHERE name = 'latest_scores'"));
        const ProjectStatus status = statusOf(*project, Scenario{});
        size_t assessed = 0;
        for (const auto& s : status.sites)
            assessed += s.level.has_value();
        CHECK(assessed > 200);  // the scores were found: facilities are not "unassessed"
        CHECK(status.suspendOrder == seen.suspendOrder);
        CHECK(status.inspectOrder == seen.inspectOrder);
        // Re-importing the same file adds nothing: the content keys were carried over.
        auto table = readCsvFile(kSampleAssessments, std::nullopt);
        REQUIRE(table.ok());
        auto again = importAssessments(*project, *table, AssessmentImportRequest{});
        REQUIRE(again.ok());
        CHECK(again->inserted == 0);
        CHECK(again->alreadyPresent == 381);
        CHECK(sqlText(path, "PRAGMA integrity_check") == "ok");
    }
}
