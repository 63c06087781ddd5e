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

std::string bytesOf(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The assessments the released projects were made from (the sample of that time).
const std::string kSampleAssessments =
    std::string(SAFEMAP_TEST_DATA) + "/projects/danh_gia_2021-06.csv";

}  // namespace

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
    const std::string before = bytesOf(path);
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
    CHECK(bytesOf(path) == before);
    CHECK(project.repository().activeCriteria().value() == CriteriaRef{"crln-1203", 1});
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
        const std::string original = bytesOf(path);

        // Read-only: answered from an upgraded copy in memory; the file is not touched.
        auto readOnly = Project::open(path, Project::Access::ReadOnly);
        REQUIRE(readOnly.ok());
        REQUIRE(readOnly->notes().size() == 1);
        const ProjectStatus seen = statusOf(*readOnly, Scenario{});
        CHECK(bytesOf(path) == original);

        auto project = Project::open(path);
        REQUIRE(project.ok());
        CHECK(project->repository().schemaVersion() == latestSchemaVersion());
        CHECK(sqlInt(path, "SELECT sum(scores) FROM score_blocks") == 381);
        CHECK_FALSE(sqlInt(path, "SELECT 1 FROM sqlite_master WHERE name = 'scores'"));
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
