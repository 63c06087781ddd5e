// push / pull (copyProject): a project copied to another store, and back, has the same
// contents: settings, sites, criteria sets, the active set, assessments, every set's scores
// and inspections. Runs file → file always, and file → server → file on the test cluster.
#include <catch2/catch.hpp>

#include <algorithm>
#include <tuple>

#include "core/project/criteria_use.h"
#include "core/project/field_inspection.h"
#include "core/project/imports.h"
#include "core/project/project_copy.h"
#include "core/project/project_settings.h"
#include "core/scoring/compiled_criteria.h"
#include "pg_fixture.h"
#include "project_fixture.h"

using namespace safemap;
using namespace safemap::test;

namespace {

/// Everything a project holds that a copy must keep, in a comparable form (ids of rows
/// are the store's own and may differ; what they point at may not).
struct Contents {
    std::map<std::string, std::string> settings;
    std::vector<Zone> zones;
    std::vector<Factory> factories;
    std::vector<std::pair<CriteriaRef, std::string>> sets;
    std::optional<CriteriaRef> active;
    std::vector<Assessment> assessments;
    /// Per set: (site, day, percent, level, safe, worst index, mandatory mask, veto mask).
    std::vector<
        std::tuple<std::string, std::string, int32_t, double, int, bool, int, uint64_t, uint32_t>>
        scores;
    std::vector<Inspection> inspections;
    std::vector<InspectionRecord> records;  ///< by id, with their photos' bytes below
    std::map<std::string, std::vector<std::uint8_t>> photos;
    std::vector<MergeLogEntry> mergeLog;
};

template <class T>
T valueOf(Result<T> r) {
    INFO((r.ok() ? std::string() : r.error().describe()));
    REQUIRE(r.ok());
    return std::move(r).value();
}

Contents contentsOf(const Project& project) {
    const auto& repo = project.repository();
    Contents c;
    c.settings = valueOf(repo.settings());
    c.settings.erase("schema_version");  // the store's own
    c.zones = valueOf(repo.zones());
    c.factories = valueOf(repo.factories());
    auto byId = [](const auto& a, const auto& b) { return a.id < b.id; };
    std::sort(c.factories.begin(), c.factories.end(), byId);
    std::sort(c.zones.begin(), c.zones.end(), byId);
    for (const auto& s : valueOf(repo.criteriaSets())) {
        auto set = valueOf(repo.criteriaSet(s.ref));
        REQUIRE(set.has_value());
        c.sets.emplace_back(s.ref, s.name);
        const CompiledCriteria compiled = compileCriteria(*set);
        const ScoreTimeline t = valueOf(repo.scoreTimeline(compiled));
        for (size_t i = 0; i < t.siteIds.size(); ++i)
            for (const auto& e : t.of(t.siteIds[i]))
                c.scores.emplace_back(s.ref.key(), t.siteIds[i], e.day, e.percent,
                                      static_cast<int>(e.level), e.safeToOperate, e.worstIndex,
                                      e.mandatoryFailedMask, e.vetoMask);
    }
    c.active = valueOf(repo.activeCriteria());
    REQUIRE(repo.forEachAssessment([&](std::span<const StoredAssessment> batch) -> Status {
                    for (const auto& s : batch)
                        c.assessments.push_back(s.assessment);
                    return {};
                })
                .ok());
    c.inspections = valueOf(repo.inspections());
    c.records = valueOf(repo.inspectionRecords());
    std::sort(c.records.begin(), c.records.end(),
              [](const auto& a, const auto& b) { return a.recordId < b.recordId; });
    for (const auto& r : c.records)
        for (const auto& p : r.photos)
            c.photos[p.photoId] = valueOf(repo.photoData(p.photoId));
    c.mergeLog = valueOf(repo.mergeLog());
    return c;
}

void requireSame(const Contents& a, const Contents& b) {
    CHECK(a.settings == b.settings);
    CHECK(a.zones == b.zones);
    CHECK(a.factories == b.factories);
    CHECK(a.sets == b.sets);
    CHECK(a.active == b.active);
    CHECK(a.assessments == b.assessments);
    CHECK(a.scores == b.scores);
    CHECK(a.inspections == b.inspections);
    CHECK(a.records == b.records);
    CHECK(a.photos == b.photos);
    CHECK(a.mergeLog == b.mergeLog);
}

/// A project with every kind of fact: a zone, three facilities in two districts, two
/// criteria sets (both with scores), assessments, inspections and settings.
Project sampleProject(const std::string& path) {
    auto factories = threeFactories();
    factories[0].district = "Duy Tiên";
    factories[1].district = "Duy Tiên";
    factories[2].district = "Kim Bảng";
    factories[0].zoneId = "KCN-DV";
    Project project = projectWith(path, factories);
    Zone z;
    z.id = "KCN-DV";
    z.name = "Khu công nghiệp Đồng Văn";
    z.district = "Duy Tiên";
    z.area = {Polygon{{{{105.8, 20.9}, {105.9, 20.9}, {105.9, 21.0}, {105.8, 20.9}}}}};
    SiteBatch zones;
    zones.zones = {z};
    REQUIRE(importSites(project, zones, "kcn.geojson").ok());
    AssessmentImportRequest request;
    request.fallback = criteriaFrom(kCrlnFile);
    REQUIRE(importAssessments(project,
                              assessmentsOn({{"9900000001", "2021-06-01"},
                                             {"9900000002", "2021-06-03"},
                                             {"9900000003", "2021-06-04"}}),
                              request)
                .ok());
    REQUIRE(importAssessments(project, assessmentsOn({{"9900000001", "2021-06-20"}}, true), request)
                .ok());
    REQUIRE(activateCriteriaSet(project, *criteriaFrom(kExtendedFile)).ok());
    const std::vector<std::string> header = {"ma_so_thue", "ngay_kiem_tra", "nguoi_kiem_tra",
                                             "dat_yeu_cau", "ket_luan"};
    REQUIRE(importInspections(project,
                              tableOf(header, {{"9900000001", "2021-06-22", "Đoàn 1", "không",
                                                "Chưa đo thân nhiệt"},
                                               {"9900000003", "2021-06-23", "Đoàn 2", "có", ""}}))
                .ok());
    // A field inspection record with a photo, and a merge audit log line.
    InspectionDraft draft;
    draft.record.siteId = "MST-9900000002";
    draft.record.date = *parseDate("2021-06-24");
    draft.record.inspector = "Trần Thị Bình";
    draft.record.findings = "Nhà ăn có vách ngăn";
    draft.record.position = GeoPoint{105.82, 21.0};
    draft.record.positionSource = PositionSource::Map;
    std::vector<std::uint8_t> jpeg(3000, 0x5A);
    jpeg[0] = 0xFF;
    jpeg[1] = 0xD8;
    jpeg[2] = 0xFF;
    auto photo = photoFromBytes("anh_nha_an.jpg", jpeg);
    REQUIRE(photo.has_value());
    draft.record.photos = {photo->info};
    draft.newPhotos = {*photo};
    auto saved = saveInspection(project, draft);
    INFO((saved.ok() ? std::string() : saved.error().describe()));
    REQUIRE(saved.ok());
    {
        auto tx = project.repository().beginWrite();
        REQUIRE(tx.ok());
        const MergeLogEntry line{"2021-06-25T08:00:00Z",
                                 "pkg-1",
                                 "goi_thang_6.gpkg",
                                 "Nguyễn Văn An",
                                 "inspection",
                                 saved->recordId,
                                 "added",
                                 "Cơ sở 2",
                                 "abc"};
        REQUIRE(project.repository().appendMergeLog({&line, 1}).ok());
        REQUIRE((*tx)->commit().ok());
    }
    ProjectSettings s;
    s.filter.districts = {"Duy Tiên"};
    s.rules.largeWorkforce = 700;
    REQUIRE(saveProjectSettings(project, s).ok());
    return project;
}

}  // namespace

TEST_CASE(
    "a project copied to another file has the same contents, and a second copy adds "
    "nothing") {
    TempDir dir;
    Project original = sampleProject(dir.file("a.gpkg"));
    Project copy = Project::create(dir.file("b.gpkg")).value();
    auto outcome = copyProject(original, copy);
    REQUIRE(outcome.ok());
    CHECK(outcome->factories == 3);
    CHECK(outcome->assessments == 4);
    CHECK(outcome->inspections == 2);  // the record's own row comes with the record
    CHECK(outcome->records == 1);
    CHECK(outcome->photos == 1);
    CHECK(outcome->mergeLogLines == 1);
    CHECK(outcome->criteriaSets == 2);
    CHECK(outcome->scored == 8);  // 4 assessments under each of the two sets
    const Contents before = contentsOf(original);
    CHECK(before.scores.size() == 8);
    requireSame(before, contentsOf(copy));
    auto again = copyProject(original, copy);
    REQUIRE(again.ok());
    CHECK(again->assessments == 0);
    CHECK(again->inspections == 0);
    CHECK(again->records == 0);
    CHECK(again->mergeLogLines == 0);
    requireSame(before, contentsOf(copy));
}

TEST_CASE("a copy of some districts holds their facilities, zones and facts only") {
    TempDir dir;
    Project original = sampleProject(dir.file("a.gpkg"));
    Project part = Project::create(dir.file("b.gpkg")).value();
    CopyOptions options;
    options.districts = {"Kim Bảng"};
    auto outcome = copyProject(original, part, options);
    REQUIRE(outcome.ok());
    const Contents c = contentsOf(part);
    REQUIRE(c.factories.size() == 1);
    CHECK(c.factories[0].id == "MST-9900000003");
    CHECK(c.zones.empty());
    CHECK(c.assessments.size() == 1);
    REQUIRE(c.inspections.size() == 1);
    CHECK(c.inspections[0].siteId == "MST-9900000003");
}

TEST_CASE("a project pushed to the server and pulled back is the same project", "[postgresql]") {
    if (!postgresAvailable()) {
        WARN(kNoPostgres);
        return;
    }
    TempDir dir;
    PgDatabases databases;
    const std::string url = pgAdminUrl(databases.create());
    Project original = sampleProject(dir.file("a.gpkg"));
    const Contents before = contentsOf(original);
    {
        Project server = Project::create(url).value();
        REQUIRE(copyProject(original, server).ok());
        requireSame(before, contentsOf(server));
    }
    Project server = Project::open(url, Project::Access::ReadOnly).value();
    Project back = Project::create(dir.file("back.gpkg")).value();
    REQUIRE(copyProject(server, back).ok());
    requireSame(before, contentsOf(back));
    CHECK(before.records.size() == 1);
    CHECK(before.photos.size() == 1);
    CHECK(before.mergeLog.size() == 1);
}
