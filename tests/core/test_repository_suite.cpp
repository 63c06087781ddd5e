// The repository suite: the same tests against every ProjectRepository implementation (a
// GeoPackage file, and a database on the PostgreSQL/PostGIS test cluster), through the
// project's use cases and the repository interface. What only one store has (the
// GeoPackage's R-tree tables) is checked where backend.isFile().
#include <catch2/catch.hpp>

#include <algorithm>
#include <mutex>
#include <set>
#include <thread>

#include "core/assessments/assessment_table.h"
#include "core/project/criteria_use.h"
#include "core/project/imports.h"
#include "core/project/list_export.h"
#include "core/project/list_rows.h"
#include "core/project/project.h"
#include "core/project/project_facts.h"
#include "core/project/project_settings.h"
#include "core/project/scenario.h"
#include "core/scoring/compiled_criteria.h"
#include "project_fixture.h"
#include "repository_backends.h"

using namespace safemap;
using namespace safemap::test;

REPOSITORY_TEST(
    "facts are bounded by the as-of date: later assessments, inspections and accounts "
    "do not exist") {
    auto factories = threeFactories();
    factories[2].accountIssued = parseDate("2021-06-20");  // site 3's account comes later
    Project project = projectWith(backend.newLocation(), factories);
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

REPOSITORY_TEST(
    "activating a criteria set is one transaction: a failure keeps the old set and scores") {
    const auto path = backend.newLocation();
    Project project = projectWith(path, threeFactories());
    AssessmentImportRequest request;
    request.fallback = criteriaFrom(kCrlnFile);
    REQUIRE(importAssessments(
                project,
                assessmentsOn({{"9900000001", "2021-06-14"}, {"9900000002", "2021-06-14"}}),
                request)
                .ok());
    // Under the new set, writing the score of the newest assessment fails, as a full disk
    // would: on the server after the first score was written, in a GeoPackage (which writes
    // a batch of scores as one block) with the block that holds it.
    if (backend.isFile())
        backend.exec(path,
                     "CREATE TRIGGER full BEFORE INSERT ON score_blocks WHEN NEW.set_id = "
                     "'extended-letters' AND NEW.last_assessment = (SELECT max(fid) FROM "
                     "assessments) BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
    else
        backend.exec(path,
                     "CREATE FUNCTION full_disk() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                     "IF NEW.set_id = 'extended-letters' AND NEW.assessment_id = (SELECT "
                     "max(fid) FROM assessments) THEN RAISE EXCEPTION 'could not extend file: "
                     "No space left on device'; END IF; RETURN NEW; END $$; "
                     "CREATE TRIGGER disk_full BEFORE INSERT ON scores FOR EACH ROW "
                     "EXECUTE FUNCTION full_disk()");
    auto r = activateCriteriaSet(project, *criteriaFrom(kExtendedFile));
    REQUIRE_FALSE(r.ok());
    CHECK(project.repository().activeCriteria().value() == CriteriaRef{"crln-1203", 1});
    CHECK(backend.scoreCount(path, "crln-1203") == 2);
    CHECK(backend.scoreCount(path, "extended-letters") == 0);
    CHECK(backend.queryInt(path, "SELECT count(*) FROM criteria_sets") == 1);
    // Every facility still reads its level: nothing "unassessed" was left behind.
    const ProjectStatus st = statusOf(project, Scenario{});
    CHECK(st.site("MST-9900000001")->level.has_value());
}

REPOSITORY_TEST(
    "settings are typed, saved in one transaction, and bad stored values are reported") {
    const auto path = backend.newLocation();
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

    backend.exec(path,
                 "UPDATE safemap_meta SET value = 'lots' WHERE key = 'rules.large-workforce'");
    backend.exec(path, "UPDATE safemap_meta SET value = 'x,y' WHERE key = 'view.extent'");
    auto damaged = loadProjectSettings(project);
    REQUIRE(damaged.ok());
    REQUIRE(damaged->problems.size() == 2);
    CHECK(damaged->rules.largeWorkforce == RuleSettings{}.largeWorkforce);
    CHECK_FALSE(damaged->view.extent.has_value());
    CHECK(damaged->filter == s.filter);  // the rest is read as saved
}

REPOSITORY_TEST("list rows follow the scenario's filter and export in the one CSV form") {
    Project project = projectWith(backend.newLocation(), threeFactories());
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

REPOSITORY_TEST(
    "sites round-trip through the project and re-import updates instead of duplicating") {
    const auto path = backend.newLocation();
    auto project = Project::create(path);
    REQUIRE(project.ok());
    SiteBatch batch;
    Zone z;
    z.id = "HN-KCN-A";
    z.kind = ZoneKind::IndustrialCluster;
    z.name = "Cụm công nghiệp Ngọc Hồi";
    z.province = "Hà Nội";
    z.area = {Polygon{{{{105.8, 20.9}, {105.9, 20.9}, {105.9, 21.0}, {105.8, 20.9}}}}};
    batch.zones.push_back(z);
    Factory f;
    f.id = factoryIdFor("9900000001", "", "", "");
    f.taxCode = "9900000001";
    f.name = "Công ty Mẫu (dữ liệu mẫu)";
    f.zoneId = z.id;
    f.workforce.total = 1200;
    f.location = {105.85, 20.95};
    f.accountIssued = parseDate("2021-05-01");
    batch.factories.push_back(f);

    auto first = importSites(*project, batch, "a.csv");
    REQUIRE(first.ok());
    CHECK(first->inserted == 2);
    CHECK(project->repository().zones().value() == std::vector<Zone>{z});
    CHECK(project->repository().factories().value() == std::vector<Factory>{f});

    auto again = importSites(*project, batch, "a.csv");
    REQUIRE(again.ok());
    CHECK(again->inserted == 0);
    CHECK(again->unchanged == 2);

    batch.factories[0].workforce.total = 1300;
    auto changed = importSites(*project, batch, "a.csv");
    REQUIRE(changed.ok());
    CHECK(changed->updated == 1);
    const auto stored = project->repository().factories().value();
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].workforce.total == 1300);
    // The R-tree follows the feature table through the GeoPackage triggers.
    if (backend.isFile())
        CHECK(backend.queryInt(path, "SELECT count(*) FROM rtree_factories_geom") == 1);
    CHECK(backend.queryInt(path, "SELECT count(*) FROM change_log") == 3);
}

REPOSITORY_TEST("writes outside a transaction are refused by the repository") {
    auto project = Project::create(backend.newLocation());
    REQUIRE(project.ok());
    auto st = project->repository().setSetting("view.extent", "1,2,3,4");
    REQUIRE_FALSE(st.ok());
    CHECK_THAT(st.error().message, Catch::Contains("outside a transaction"));
    SiteBatch empty;
    CHECK_FALSE(project->repository().upsertSites(empty, "x").ok());
}

REPOSITORY_TEST("a read-only project refuses writes and leaves the file as it was") {
    const auto path = backend.newLocation();
    (void)projectWith(path, threeFactories());
    const auto before = backend.queryInt(path, "SELECT count(*) FROM import_log");
    auto project = Project::open(path, Project::Access::ReadOnly);
    REQUIRE(project.ok());
    CHECK(project->repository().readOnly());
    auto tx = project->repository().beginWrite();
    REQUIRE_FALSE(tx.ok());
    CHECK_THAT(tx.error().message, Catch::Contains("read-only"));
    CHECK(project->repository().factories().value().size() == 3);
    CHECK(backend.queryInt(path, "SELECT count(*) FROM import_log") == before);
}

REPOSITORY_TEST(
    "a re-import changes only what its source provided, and never an exact position for "
    "an approximate one") {
    const auto path = backend.newLocation();
    auto factories = threeFactories();
    Project project = projectWith(path, factories);
    // A later file with names only (no worker column), e.g. a shapefile that cut the name.
    SiteBatch names;
    names.factories = factories;
    for (auto& f : names.factories) {
        f.name += " (đổi tên)";
        f.workforce.total.reset();
        f.accountIssued.reset();
    }
    names.provided = {SiteField::Name};
    auto r = importSites(project, names, "ten.shp");
    REQUIRE(r.ok());
    CHECK(r->updated == 3);
    CHECK(r->updatedAttributes == std::set<std::string>{"name"});
    const auto stored = project.repository().factories().value();
    REQUIRE(stored.size() == 3);
    CHECK(stored[0].name == "Cơ sở 1 (đổi tên)");
    CHECK(stored[0].workforce.total == 300);  // not erased
    CHECK(stored[0].accountIssued == parseDate("2021-05-01"));
    CHECK(backend.queryInt(path,
                           "SELECT count(*) FROM change_log WHERE action = 'update' AND "
                           "detail = 'name'") == 3);

    // A list without coordinates places facility 1 at its zone: the exact point stays.
    SiteBatch approximate;
    approximate.factories = {stored[0]};
    approximate.factories[0].location = {106.5, 21.5};
    approximate.factories[0].approximatePosition = true;
    auto again = importSites(project, approximate, "khong_toa_do.csv");
    REQUIRE(again.ok());
    CHECK(again->unchanged == 1);
    CHECK(project.repository().factories().value()[0].location == stored[0].location);
    // A new facility placed at its zone keeps the mark, stored with it.
    Factory placed = stored[0];
    placed.id = "F-new";
    placed.approximatePosition = true;
    SiteBatch added;
    added.factories = {placed};
    REQUIRE(importSites(project, added, "moi.csv").ok());
    CHECK(project.repository().factories().value().back().approximatePosition);
}

namespace {

Assessment assessmentNumber(int i) {
    Assessment a;
    a.siteId = "MST-9900000001";
    a.date = *parseDate("2021-01-01");
    a.submitter = "Người nộp " + std::to_string(i % 7);
    a.answers["workers_concurrent"] = static_cast<double>(i);
    a.answers["hand_washing"] = i % 2 == 0;
    a.answers["canteen_distancing"] = std::string("vách ngăn");
    return a;
}

}  // namespace

REPOSITORY_TEST("assessments are stored once, read back in id order across batches, and counted") {
    Project project = projectWith(backend.newLocation(), threeFactories());
    auto& repo = project.repository();
    std::vector<Assessment> all;
    std::vector<long> rows;
    for (int i = 0; i < 5000; ++i) {
        all.push_back(assessmentNumber(i));
        rows.push_back(i + 2);
    }
    all.push_back(all[10]);  // the same assessment twice in one file
    rows.push_back(5002);
    std::vector<int64_t> ids;
    {
        auto tx = repo.beginWrite();
        REQUIRE(tx.ok());
        auto importId = repo.beginImport("assessments", "danh_gia.csv", 5001);
        REQUIRE(importId.ok());
        REQUIRE(repo.appendAssessments(all, rows, *importId, ids).ok());
        REQUIRE((*tx)->commit().ok());
    }
    REQUIRE(ids.size() == 5001);
    CHECK(ids[10] != 0);
    CHECK(ids[5000] == 0);  // the repeat is not stored again
    CHECK(std::set<int64_t>(ids.begin(), ids.begin() + 5000).size() == 5000);
    CHECK(repo.assessmentCount().value() == 5000);

    std::vector<int64_t> seen;
    std::vector<Assessment> read;
    int batches = 0;
    REQUIRE(repo.forEachAssessment([&](std::span<const StoredAssessment> batch) -> Status {
                    ++batches;
                    for (const auto& s : batch) {
                        seen.push_back(s.id);
                        read.push_back(s.assessment);
                    }
                    return {};
                })
                .ok());
    CHECK(batches >= 2);
    REQUIRE(seen.size() == 5000);
    CHECK(std::is_sorted(seen.begin(), seen.end()));
    CHECK(read[4999] == all[4999]);  // Vietnamese text, numbers and flags as written
    CHECK(read[0] == all[0]);

    // A second import of the same rows (another office, the same file) adds nothing.
    std::vector<int64_t> again;
    {
        auto tx = repo.beginWrite();
        REQUIRE(tx.ok());
        auto importId = repo.beginImport("assessments", "danh_gia (2).csv", 5001);
        REQUIRE(importId.ok());
        REQUIRE(repo.appendAssessments(all, rows, *importId, again).ok());
        REQUIRE((*tx)->commit().ok());
    }
    CHECK(std::count(again.begin(), again.end(), 0) == 5001);
    CHECK(repo.assessmentCount().value() == 5000);
    auto of = repo.assessmentsOf("MST-9900000001");
    REQUIRE(of.ok());
    REQUIRE(of->size() == 5000);
    CHECK(of->front().sourceFile == "danh_gia.csv");
    CHECK(of->front().sourceRow == 2);
    CHECK(repo.assessmentsOf("MST-9900000002").value().empty());
}

REPOSITORY_TEST("a write not committed is rolled back, and one write at a time per project") {
    Project project = projectWith(backend.newLocation(), threeFactories());
    auto& repo = project.repository();
    {
        auto tx = repo.beginWrite();
        REQUIRE(tx.ok());
        REQUIRE(repo.setSetting("view.extent", "1,2,3,4").ok());
        CHECK(repo.settings().value().count("view.extent") == 1);  // seen inside
        auto nested = repo.beginWrite();
        REQUIRE_FALSE(nested.ok());
    }  // destroyed uncommitted
    CHECK(repo.settings().value().count("view.extent") == 0);
    CHECK(repo.settings().value().at("project.id").size() == 32);
    {
        auto tx = repo.beginWrite();
        REQUIRE(tx.ok());
        REQUIRE(repo.setSetting("view.extent", "1,2,3,4").ok());
        REQUIRE(repo.setSetting("view.extent", "5,6,7,8").ok());
        REQUIRE((*tx)->commit().ok());
    }
    CHECK(repo.settings().value().at("view.extent") == "5,6,7,8");
    {
        auto tx = repo.beginWrite();
        REQUIRE(tx.ok());
        CHECK_FALSE(repo.removeSetting("project.id").ok());
        REQUIRE(repo.removeSetting("view.extent").ok());
        REQUIRE((*tx)->commit().ok());
    }
    CHECK(repo.settings().value().count("view.extent") == 0);
}

REPOSITORY_TEST("criteria sets are kept by id and version; a changed set needs a new version") {
    Project project = projectWith(backend.newLocation(), threeFactories());
    auto& repo = project.repository();
    const auto crln = criteriaFrom(kCrlnFile);
    {
        auto tx = repo.beginWrite();
        REQUIRE(tx.ok());
        REQUIRE(repo.storeCriteriaSet(*crln).ok());
        REQUIRE(repo.storeCriteriaSet(*crln).ok());  // the same again: nothing to do
        CriteriaSet changed = *crln;
        changed.name += " (sửa)";
        auto st = repo.storeCriteriaSet(changed);
        REQUIRE_FALSE(st.ok());
        CHECK(st.error().code == "criteria.version_conflict");
        REQUIRE(repo.setActiveCriteria({crln->id, crln->version}).ok());
        REQUIRE((*tx)->commit().ok());
    }
    auto sets = repo.criteriaSets();
    REQUIRE(sets.ok());
    REQUIRE(sets->size() == 1);
    CHECK(sets->front().ref == CriteriaRef{crln->id, crln->version});
    CHECK(sets->front().name == crln->name);
    auto stored = repo.criteriaSet({crln->id, crln->version});
    REQUIRE(stored.ok());
    REQUIRE(stored->has_value());
    CHECK(**stored == *crln);
    CHECK_FALSE(repo.criteriaSet({crln->id, crln->version + 1}).value().has_value());
    CHECK(repo.activeCriteria().value() == CriteriaRef{crln->id, crln->version});
}

REPOSITORY_TEST("scores are replaced per set and read back as the rules' timeline") {
    Project project = projectWith(backend.newLocation(), threeFactories());
    AssessmentImportRequest request;
    request.fallback = criteriaFrom(kCrlnFile);
    REQUIRE(importAssessments(project,
                              assessmentsOn({{"9900000001", "2021-06-14"},
                                             {"9900000001", "2021-06-01"},
                                             {"9900000002", "2021-06-14"}},
                                            true),
                              request)
                .ok());
    auto compiled = compileCriteria(*request.fallback);
    auto& repo = project.repository();
    auto timeline = repo.scoreTimeline(compiled);
    REQUIRE(timeline.ok());
    const auto one = timeline->of("MST-9900000001");
    REQUIRE(one.size() == 2);
    CHECK(one[0].day < one[1].day);  // oldest first whatever the import order
    CHECK(one[1].level == RiskLevel::VeryHigh);
    CHECK(one[1].mandatoryFailedMask != 0);
    CHECK(one[1].worstIndex >= 0);
    CHECK(timeline->of("MST-9900000002").size() == 1);
    CHECK(timeline->of("MST-9900000003").empty());
    {
        auto tx = repo.beginWrite();
        REQUIRE(tx.ok());
        REQUIRE(repo.clearScores(compiled).ok());
        REQUIRE((*tx)->commit().ok());
    }
    CHECK(repo.scoreTimeline(compiled).value().of("MST-9900000001").empty());
    // Scoring again (activation) writes them back exactly.
    REQUIRE(activateCriteriaSet(project, *request.fallback).ok());
    const ScoreTimeline rescored = repo.scoreTimeline(compiled).value();
    const auto back = rescored.of("MST-9900000001");
    REQUIRE(back.size() == 2);
    CHECK(back[1].percent == one[1].percent);
    CHECK(back[1].mandatoryFailedMask == one[1].mandatoryFailedMask);
    CHECK(back[1].vetoMask == one[1].vetoMask);
}

REPOSITORY_TEST("inspections are recorded once, per facility, oldest first") {
    Project project = projectWith(backend.newLocation(), threeFactories());
    auto& repo = project.repository();
    Inspection a{"MST-9900000001",
                 *parseDate("2021-06-20"),
                 "Đoàn kiểm tra số 1",
                 false,
                 "Chưa có vách ngăn ở nhà ăn",
                 "kiem_tra.csv",
                 InspectionOutcome::Fix};
    Inspection b{"MST-9900000001", *parseDate("2021-06-02"), "", true, "", "kiem_tra.csv", {}};
    Inspection c{"MST-9900000002", *parseDate("2021-06-03"), "Đoàn 2", true, "", "k.csv", {}};
    {
        auto tx = repo.beginWrite();
        REQUIRE(tx.ok());
        CHECK(repo.addInspections(std::vector<Inspection>{a, b, c}).value() == 3);
        CHECK(repo.addInspections(std::vector<Inspection>{b, a}).value() == 0);
        REQUIRE((*tx)->commit().ok());
    }
    auto one = repo.inspections("MST-9900000001");
    REQUIRE(one.ok());
    CHECK(*one == std::vector<Inspection>{b, a});
    CHECK(repo.inspections().value() == std::vector<Inspection>{b, a, c});
}

REPOSITORY_TEST("zones keep every part and hole, and the project lists its tables and imports") {
    const auto location = backend.newLocation();
    auto project = Project::create(location);
    REQUIRE(project.ok());
    Zone z;
    z.id = "KCN-DONG-VAN";
    z.kind = ZoneKind::IndustrialZone;
    z.name = "Khu công nghiệp Đồng Văn I";
    z.province = "Hà Nam";
    z.district = "Duy Tiên";
    Polygon withHole{{{{105.9, 20.6}, {106.0, 20.6}, {106.0, 20.7}, {105.9, 20.7}, {105.9, 20.6}},
                      {{105.95, 20.65}, {105.96, 20.65}, {105.96, 20.66}, {105.95, 20.65}}}};
    Polygon second{{{{106.1, 20.6}, {106.2, 20.6}, {106.2, 20.61}, {106.1, 20.6}}}};
    z.area = {withHole, second};
    SiteBatch batch;
    batch.zones = {z};
    batch.factories = threeFactories();
    REQUIRE(importSites(*project, batch, "khu_cong_nghiep.geojson").ok());
    CHECK(project->repository().zones().value() == std::vector<Zone>{z});
    CHECK(project->repository().factories().value() == threeFactories());

    auto tables = project->repository().tables();
    REQUIRE(tables.ok());
    bool sawFactories = false;
    for (const auto& t : *tables)
        if (t.name == "factories") {
            sawFactories = true;
            CHECK(t.kind == "features");
            CHECK(t.rows == 3);
            REQUIRE(t.extent.has_value());
            CHECK(t.extent->minX == Approx(105.81));
            CHECK(t.extent->maxX == Approx(105.83));
        }
    CHECK(sawFactories);
    auto log = project->repository().importLog(5);
    REQUIRE(log.ok());
    REQUIRE(log->size() == 1);
    CHECK(log->front().kind == "sites");
    CHECK(log->front().sourceFile == "khu_cong_nghiep.geojson");
    CHECK(log->front().inserted == 4);
    CHECK(log->front().importedAt.size() == 20);
    CHECK(project->repository().checkIntegrity().ok());
}

REPOSITORY_TEST("two clients importing at once lose nothing and duplicate nothing") {
    const auto location = backend.newLocation();
    {
        Project first = projectWith(location, threeFactories());
        AssessmentImportRequest request;
        request.fallback = criteriaFrom(kCrlnFile);
        REQUIRE(
            importAssessments(first, assessmentsOn({{"9900000001", "2021-05-01"}}), request).ok());
    }
    // Two offices with overlapping files: days 1–20 and 11–30 of June for two facilities
    // each (one facility in both), and overlapping inspection lists.
    auto daysOf = [](const std::vector<std::string>& taxes, int from, int to) {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& t : taxes)
            for (int d = from; d <= to; ++d)
                out.emplace_back(t,
                                 "2021-06-" + std::string(d < 10 ? "0" : "") + std::to_string(d));
        return out;
    };
    const Table a = assessmentsOn(daysOf({"9900000001", "9900000002"}, 1, 20));
    const Table b = assessmentsOn(daysOf({"9900000002", "9900000003"}, 11, 30));
    const std::vector<std::string> header = {"ma_so_thue", "ngay_kiem_tra", "nguoi_kiem_tra",
                                             "dat_yeu_cau", "ket_luan"};
    const Table ia = tableOf(header, {{"9900000001", "2021-06-05", "Đoàn 1", "có", ""},
                                      {"9900000002", "2021-06-06", "Đoàn 1", "có", ""}});
    const Table ib = tableOf(header, {{"9900000002", "2021-06-06", "Đoàn 1", "có", ""},
                                      {"9900000003", "2021-06-07", "Đoàn 2", "không", ""}});
    std::vector<std::string> failures;
    std::mutex m;
    auto office = [&](const Table& assessments, const Table& inspections) {
        auto project = Project::open(location);
        if (!project) {
            std::lock_guard lock(m);
            failures.push_back(project.error().describe());
            return;
        }
        AssessmentImportRequest request;
        for (int round = 0; round < 3; ++round) {
            auto r = importAssessments(*project, assessments, request);
            auto i = importInspections(*project, inspections);
            std::lock_guard lock(m);
            if (!r)
                failures.push_back(r.error().describe());
            if (!i)
                failures.push_back(i.error().describe());
        }
    };
    std::thread one(office, std::cref(a), std::cref(ia));
    std::thread two(office, std::cref(b), std::cref(ib));
    one.join();
    two.join();
    INFO((failures.empty() ? std::string() : failures.front()));
    CHECK(failures.empty());
    // 1 + 40 + 40 assessments, 10 of site 2 (11–20 June) in both files.
    CHECK(backend.queryInt(location, "SELECT count(*) FROM assessments") == 71);
    CHECK(backend.scoreCount(location) == 71);
    CHECK(backend.queryInt(location, "SELECT count(*) FROM inspections") == 3);
    auto project = Project::open(location, Project::Access::ReadOnly);
    REQUIRE(project.ok());
    auto timeline = project->repository().scoreTimeline(compileCriteria(*criteriaFrom(kCrlnFile)));
    REQUIRE(timeline.ok());
    CHECK(timeline->of("MST-9900000002").size() == 30);
}

REPOSITORY_TEST("the facilities' positions are the facilities' ids, zones and places, in order") {
    auto project = Project::create(backend.newLocation());
    REQUIRE(project.ok());
    SiteBatch batch;
    Zone z;
    z.id = "KCN-1";
    z.name = "Khu công nghiệp Đồng Văn";
    z.area = {Polygon{{{{105.8, 20.9}, {105.9, 20.9}, {105.9, 21.1}, {105.8, 20.9}}}}};
    batch.zones = {z};
    batch.factories = threeFactories();
    batch.factories[0].zoneId = z.id;
    batch.factories[2].zoneId = z.id;
    REQUIRE(importSites(*project, batch, "sites.csv").ok());
    const auto whole = project->repository().factories();
    const auto positions = project->repository().factoryPositions();
    REQUIRE(whole.ok());
    REQUIRE(positions.ok());
    REQUIRE(positions->size() == whole->size());
    REQUIRE(whole->size() == 3);
    for (size_t i = 0; i < whole->size(); ++i) {
        INFO(i);
        CHECK((*positions)[i].id == (*whole)[i].id);
        CHECK((*positions)[i].zoneId == (*whole)[i].zoneId);
        CHECK((*positions)[i].location == (*whole)[i].location);
    }
    CHECK((*positions)[1].zoneId.empty());
    CHECK_FALSE((*positions)[0].zoneId.empty());
}

REPOSITORY_TEST("the facilities' keys are their ids and tax codes, in order") {
    auto project = Project::create(backend.newLocation());
    REQUIRE(project.ok());
    SiteBatch batch;
    batch.factories = threeFactories();
    batch.factories[1].taxCode.clear();  // a facility known by its site id alone
    batch.factories[1].id = "CS-0002";
    REQUIRE(importSites(*project, batch, "sites.csv").ok());
    const auto whole = project->repository().factories();
    const auto keys = project->repository().factoryKeys();
    REQUIRE(whole.ok());
    REQUIRE(keys.ok());
    REQUIRE(whole->size() == 3);
    REQUIRE(keys->size() == whole->size());
    for (size_t i = 0; i < whole->size(); ++i) {
        INFO(i);
        CHECK((*keys)[i].id == (*whole)[i].id);
        CHECK((*keys)[i].taxCode == (*whole)[i].taxCode);
        CHECK((*keys)[i].name.empty());  // nothing else is read
    }
    CHECK((*keys)[1].taxCode.empty());
    CHECK((*keys)[0].taxCode == "9900000001");
    // What an import matches rows with.
    const SiteLookup lookup = SiteLookup::from(*keys);
    REQUIRE(lookup.siteIdOfTaxCode("9900000003"));
    CHECK(*lookup.siteIdOfTaxCode("9900000003") == (*whole)[2].id);
    CHECK(lookup.hasSiteId("CS-0002"));
    CHECK_FALSE(lookup.hasSiteId("CS-9999"));
    CHECK_FALSE(lookup.siteIdOfTaxCode("0000000000"));
    // The ids alone, sorted: "CS-0002" before the "MST-…" ids stored before it.
    const auto ids = project->repository().factoryIds();
    REQUIRE(ids.ok());
    CHECK(*ids == std::vector<std::string>{"CS-0002", (*whole)[0].id, (*whole)[2].id});
}

REPOSITORY_TEST("a list written from the facts and status is the text written from its rows") {
    auto project = Project::create(backend.newLocation());
    REQUIRE(project.ok());
    SiteBatch batch;
    Zone z;
    z.id = "KCN-1";
    z.name = "Khu công nghiệp Đồng Văn, giai đoạn I";  // a comma: a quoted cell
    z.area = {Polygon{{{{105.8, 20.9}, {105.9, 20.9}, {105.9, 21.1}, {105.8, 20.9}}}}};
    batch.zones = {z};
    batch.factories = threeFactories();
    batch.factories[0].zoneId = z.id;
    batch.factories[1].name = "=Cơ sở \"2\"";  // a formula and quotes
    REQUIRE(importSites(*project, batch, "sites.csv").ok());
    AssessmentImportRequest request;
    request.fallback = criteriaFrom(kCrlnFile);
    REQUIRE(importAssessments(
                *project,
                assessmentsOn({{"9900000001", "2021-06-10"}, {"9900000002", "2021-06-14"}}, true),
                request)
                .ok());
    auto r = evaluateScenario(*project, Scenario{});
    REQUIRE(r.ok());
    const auto facts = r->facts;
    const auto status = std::make_shared<const ProjectStatus>(r->status);
    SiteFilter veryHigh;
    veryHigh.levels.reset();
    veryHigh.setLevel(RiskLevel::VeryHigh, true);
    ListExportOptions options;
    options.generatedAt = 1625097600;
    for (const ActionList list : {ActionList::ToSuspend, ActionList::ToInspect})
        for (const SiteFilter& filter : {SiteFilter{}, veryHigh})
            for (const bool heading : {false, true}) {
                INFO(actionListCode(list)
                     << (filter.isEmpty() ? "" : ", very high") << (heading ? ", heading" : ""));
                options.heading = heading;
                const ListView view = listView(list, facts, status, filter);
                const auto rows = listRows(list, *facts, *status, filter);
                REQUIRE(view.size() == rows.size());
                const std::string text = listExportCsv(view, options);
                CHECK(text == listExportCsv(list, rows, *status, filter, facts->zones, options));
                // In pieces as `safemap list` writes it: the same bytes, whatever the size.
                for (const std::size_t pieceBytes : {std::size_t{1}, std::size_t{200}}) {
                    std::string joined;
                    int pieces = 0;
                    listExportCsvPieces(
                        view, options,
                        [&](std::string_view piece) {
                            CHECK_FALSE(piece.empty());
                            joined += piece;
                            ++pieces;
                        },
                        pieceBytes);
                    CHECK(joined == text);
                    // A piece of one byte is full after each row (the first with the header).
                    if (pieceBytes == 1)
                        CHECK(pieces == std::max(1, static_cast<int>(view.size())));
                }
            }
    const std::string inspect =
        listExportCsv(listView(ActionList::ToInspect, facts, status), ListExportOptions{});
    CHECK_THAT(inspect, Catch::Contains("\"Khu công nghiệp Đồng Văn, giai đoạn I\""));
    CHECK_THAT(inspect, Catch::Contains("\"'=Cơ sở \"\"2\"\"\""));
}
