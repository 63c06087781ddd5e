// Field packages: made from a master project, inspections recorded in them, merged back with
// nothing lost (docs/field.md).
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>
#include <csignal>

#include "core/project/merge.h"
#include "core/storage/schema.h"
#include "field_fixture.h"

using namespace safemap;
using namespace safemap::test;

namespace {

/// Opens a package for merging and merges it; the outcome or the error.
Result<MergeOutcome> mergeFile(Project& master, const std::string& packagePath,
                               const Resolutions& resolutions = {}) {
    auto package = openPackageForMerge(packagePath);
    if (!package)
        return package.error();
    return mergePackage(master, *package, resolutions);
}

std::string describe(const Status& st) {
    return st ? std::string() : st.error().describe();
}

}  // namespace

TEST_CASE("a field package holds the chosen facilities, their zones, scores and criteria",
          "[field]") {
    TempDir dir;
    const auto masterPath = dir.file("master.gpkg");
    const auto packagePath = dir.file("package.gpkg");
    {
        Project master = fieldMaster(masterPath);
        const std::string before = fileBytes(masterPath);
        PackageRequest request;
        request.siteIds = {siteId(2), siteId(1)};
        request.start = GeoPoint{105.79, 21.0};
        request.createdBy = "Nguyễn Văn An";
        auto made = createFieldPackage(master, request, packagePath);
        INFO(describe(made ? Status{} : Status{made.error()}));
        REQUIRE(made.ok());
        CHECK(made->facilities == 2);
        CHECK(made->zones == 1);
        CHECK(made->assessments == 4);
        CHECK(made->inspections == 1);
        CHECK(made->routeMetres > 0);
        CHECK(made->info.packageId.size() == 32);
        CHECK(fileBytes(masterPath) == before);  // the master is only read
    }
    CHECK(sqlInt(packagePath, "SELECT count(*) FROM factories") == 2);
    CHECK(sqlInt(packagePath,
                 "SELECT count(*) FROM factories WHERE site_id = '" + siteId(3) + "'") == 0);
    CHECK(sqlInt(packagePath, "SELECT count(*) FROM zones") == 1);
    CHECK(sqlInt(packagePath, "SELECT count(*) FROM assessments") == 4);
    CHECK(sqlInt(packagePath, "SELECT sum(scores) FROM score_blocks") == 4);
    CHECK(sqlInt(packagePath, "SELECT count(*) FROM criteria_sets") >= 1);
    CHECK(sqlInt(packagePath, "SELECT count(*) FROM package_sites") == 2);
    CHECK(sqlInt(packagePath,
                 "SELECT route_order FROM package_sites WHERE site_id = '" + siteId(2) + "'") == 1);
    CHECK(sqlInt(packagePath, "SELECT count(*) FROM package_route") == 1);

    auto package = Project::open(packagePath, Project::Access::ReadOnly);
    REQUIRE(package.ok());
    CHECK(package->repository().schemaVersion() == latestSchemaVersion());
    auto info = packageInfo(*package);
    REQUIRE(info.ok());
    REQUIRE(info->has_value());
    CHECK((*info)->createdBy == "Nguyễn Văn An");
    CHECK((*info)->format == kPackageFormat);
    auto master = Project::open(masterPath, Project::Access::ReadOnly);
    REQUIRE(master.ok());
    auto masterInfo = packageInfo(*master);
    REQUIRE(masterInfo.ok());
    CHECK_FALSE(masterInfo->has_value());
    CHECK((*info)->sourceProjectId == master->repository().settings()->at(kProjectIdKey));
    auto sites = package->repository().packageSites();
    REQUIRE(sites.ok());
    REQUIRE(sites->size() == 2);
    CHECK(sites->at(0).base.name == "Cơ sở 2");  // the base copy a merge compares with
}

TEST_CASE("a package's default name is worded in the language asked for", "[field]") {
    TempDir dir;
    Project master = fieldMaster(dir.file("master.gpkg"));
    PackageRequest request;
    request.siteIds = {siteId(1), siteId(2)};
    request.language = Language::Vietnamese;
    auto vi = createFieldPackage(master, request, dir.file("vi.gpkg"));
    REQUIRE(vi.ok());
    CHECK(vi->info.name == "2 cơ sở — master.gpkg");
    request.language = Language::English;
    auto en = createFieldPackage(master, request, dir.file("en.gpkg"));
    REQUIRE(en.ok());
    CHECK(en->info.name == "2 facilities — master.gpkg");
    request.name = "Kim Bảng, tháng 7";
    auto named = createFieldPackage(master, request, dir.file("named.gpkg"));
    REQUIRE(named.ok());
    CHECK(named->info.name == "Kim Bảng, tháng 7");
}

TEST_CASE("a package is not made over its own project, nor of unknown facilities", "[field]") {
    TempDir dir;
    const auto masterPath = dir.file("master.gpkg");
    Project master = fieldMaster(masterPath);
    PackageRequest request;
    request.siteIds = {siteId(1)};
    CHECK_FALSE(createFieldPackage(master, request, masterPath).ok());
    request.siteIds = {"no-such-site"};
    auto bad = createFieldPackage(master, request, dir.file("p.gpkg"));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.find("no-such-site") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.file("p.gpkg")));
    request.siteIds = {};
    CHECK_FALSE(createFieldPackage(master, request, dir.file("p.gpkg")).ok());
}

TEST_CASE("inspections recorded in a package merge back once, the package unchanged", "[field]") {
    TempDir dir;
    const auto masterPath = dir.file("master.gpkg");
    const auto packagePath = dir.file("package.gpkg");
    Project master = fieldMaster(masterPath);
    makePackage(master, packagePath);
    std::string recordId;
    {
        auto package = Project::open(packagePath);
        REQUIRE(package.ok());
        InspectionDraft withPhoto = draftFor(siteId(1), "2021-07-02", InspectionOutcome::Fix);
        withPhoto.record.fixBy = parseDate("2021-07-20");
        withPhoto.newPhotos = {photoOf(5000, 7, "nha_an.jpg")};
        recordId = record(*package, withPhoto).recordId;
        record(*package, draftFor(siteId(2), "2021-07-02", InspectionOutcome::Suspend));
    }
    const std::string packageBytes = fileBytes(packagePath);
    const long long inspectionsBefore = *sqlInt(masterPath, "SELECT count(*) FROM inspections");

    auto merged = mergeFile(master, packagePath);
    INFO(describe(merged ? Status{} : Status{merged.error()}));
    REQUIRE(merged.ok());
    CHECK(merged->added == 2);
    CHECK(merged->photos == 1);
    CHECK(merged->conflicts.empty());
    CHECK(fileBytes(packagePath) == packageBytes);  // the package is never changed
    CHECK(sqlInt(masterPath, "SELECT count(*) FROM inspection_records") == 2);
    CHECK(sqlInt(masterPath, "SELECT count(*) FROM inspections") == inspectionsBefore + 2);
    CHECK(sqlInt(masterPath, "SELECT count(*) FROM inspection_photos") == 1);
    CHECK(sqlText(masterPath,
                  "SELECT outcome FROM inspections WHERE record_id = '" + recordId + "'") == "fix");
    auto records = master.repository().inspectionRecords(siteId(1));
    REQUIRE(records.ok());
    REQUIRE(records->size() == 1);
    CHECK(records->front().findings == "Nhà ăn có vách ngăn");
    REQUIRE(records->front().photos.size() == 1);
    auto photo = master.repository().photoData(records->front().photos.front().photoId);
    REQUIRE(photo.ok());
    CHECK(*photo == jpegBytes(5000, 7));
    auto log = master.repository().mergeLog();
    REQUIRE(log.ok());
    CHECK(std::count_if(log->begin(), log->end(), [](const MergeLogEntry& e) {
              return e.item == "inspection" && e.action == "added";
          }) == 2);

    // Twice: nothing new, nothing written.
    const std::string masterBytes = fileBytes(masterPath);
    auto again = mergeFile(master, packagePath);
    REQUIRE(again.ok());
    CHECK(again->nothingNew);
    CHECK(again->added == 0);
    CHECK(fileBytes(masterPath) == masterBytes);
}

TEST_CASE("the same inspection entered in the office and in the field is merged once", "[field]") {
    TempDir dir;
    const auto masterPath = dir.file("master.gpkg");
    const auto packagePath = dir.file("package.gpkg");
    Project master = fieldMaster(masterPath);
    makePackage(master, packagePath);
    {
        auto package = Project::open(packagePath);
        REQUIRE(package.ok());
        InspectionDraft d = draftFor(siteId(1), "2021-07-03");
        d.newPhotos = {photoOf(4000, 5)};
        record(*package, d);
        record(*package, draftFor(siteId(3), "2021-07-03"));
    }
    // Typed in from the paper form too, with the same photo (uploaded again: a new photo id).
    InspectionDraft typed = draftFor(siteId(1), "2021-07-03");
    typed.newPhotos = {photoOf(4000, 5)};
    record(master, typed);
    auto merged = mergeFile(master, packagePath);
    REQUIRE(merged.ok());
    CHECK(merged->added == 1);
    CHECK(merged->duplicates == 1);
    CHECK(sqlInt(masterPath, "SELECT count(*) FROM inspection_records") == 2);
    CHECK(sqlInt(masterPath, "SELECT count(*) FROM inspection_photos") == 1);
}

TEST_CASE("an inspection edited in the office and in the field keeps both, reported", "[field]") {
    TempDir dir;
    const auto masterPath = dir.file("master.gpkg");
    const auto packagePath = dir.file("package.gpkg");
    Project master = fieldMaster(masterPath);
    makePackage(master, packagePath);
    InspectionRecord inField;
    {
        auto package = Project::open(packagePath);
        REQUIRE(package.ok());
        InspectionDraft d = draftFor(siteId(2), "2021-07-04");
        d.newPhotos = {photoOf(3000, 3)};
        inField = record(*package, d);
    }
    REQUIRE(mergeFile(master, packagePath).ok());
    // Both sides edit the same record after the first merge.
    auto officeCopy = master.repository().inspectionRecords(siteId(2));
    REQUIRE(officeCopy.ok());
    InspectionDraft officeEdit;
    officeEdit.record = officeCopy->back();
    officeEdit.record.findings = "Sửa tại văn phòng";
    record(master, officeEdit);
    {
        auto package = Project::open(packagePath);
        REQUIRE(package.ok());
        InspectionDraft fieldEdit;
        fieldEdit.record = inField;
        fieldEdit.record.outcome = InspectionOutcome::Suspend;
        fieldEdit.record.findings = "Không có vách ngăn";
        record(*package, fieldEdit);
    }
    auto plan = [&] {
        auto package = openPackageForMerge(packagePath);
        REQUIRE(package.ok());
        auto p = planMerge(master, *package);
        REQUIRE(p.ok());
        return *p;
    }();
    REQUIRE(plan.conflicts.size() == 1);
    CHECK(plan.conflicts[0].kind == ConflictKind::Inspection);
    CHECK(std::any_of(plan.conflicts[0].values.begin(), plan.conflicts[0].values.end(),
                      [](const ConflictValue& v) {
                          return v.field == "findings" && v.office == "Sửa tại văn phòng" &&
                                 v.inField == "Không có vách ngăn";
                      }));

    auto merged = mergeFile(master, packagePath);
    REQUIRE(merged.ok());
    CHECK(merged->keptBoth == 1);
    REQUIRE(merged->conflicts.size() == 1);
    CHECK(merged->conflicts[0].second == Resolution::KeepBoth);
    auto records = master.repository().inspectionRecords(siteId(2));
    REQUIRE(records.ok());
    REQUIRE(records->size() == 2);
    std::set<std::string> findings;
    for (const auto& r : *records)
        findings.insert(r.findings);
    CHECK(findings == std::set<std::string>{"Sửa tại văn phòng", "Không có vách ngăn"});
    CHECK(sqlInt(masterPath, "SELECT count(*) FROM inspection_photos") == 2);

    // Again: the conflict was settled; nothing more is added.
    const std::string masterBytes = fileBytes(masterPath);
    auto again = mergeFile(master, packagePath);
    REQUIRE(again.ok());
    CHECK(again->nothingNew);
    CHECK(fileBytes(masterPath) == masterBytes);
}

TEST_CASE("a facility corrected in the office and in the field needs a decision", "[field]") {
    TempDir dir;
    const auto masterPath = dir.file("master.gpkg");
    const auto packagePath = dir.file("package.gpkg");
    Project master = fieldMaster(masterPath);
    makePackage(master, packagePath);
    {
        auto package = Project::open(packagePath);
        REQUIRE(package.ok());
        Factory f = threeFactories()[0];
        f.name = "Cơ sở 1 (tên mới ở hiện trường)";
        REQUIRE(correctFacility(*package, f, {SiteField::Name}).ok());
        Factory g = threeFactories()[2];
        g.address = "Số 5 đường Lê Lợi";
        REQUIRE(correctFacility(*package, g, {SiteField::Address}).ok());
        record(*package, draftFor(siteId(1), "2021-07-05"));
    }
    Factory f = threeFactories()[0];
    f.name = "Cơ sở 1 (tên mới ở văn phòng)";
    REQUIRE(correctFacility(master, f, {SiteField::Name}).ok());

    const std::string masterBytes = fileBytes(masterPath);
    auto refused = mergeFile(master, packagePath);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.find("Nothing was merged") != std::string::npos);
    CHECK(fileBytes(masterPath) == masterBytes);  // all or nothing: not even the inspection

    const std::string key = "facility:" + siteId(1);
    auto merged = mergeFile(master, packagePath, {{key, Resolution::TakeField}});
    REQUIRE(merged.ok());
    CHECK(merged->tookField == 1);
    CHECK(merged->facilities == 1);  // the address only the field changed
    CHECK(merged->added == 1);
    CHECK(sqlText(masterPath, "SELECT name FROM factories WHERE site_id = '" + siteId(1) + "'") ==
          "Cơ sở 1 (tên mới ở hiện trường)");
    CHECK(sqlText(masterPath, "SELECT address FROM factories WHERE site_id = '" + siteId(3) +
                                  "'") == "Số 5 đường Lê Lợi");
}

TEST_CASE("packages from elsewhere, damaged or cut short are refused before any write", "[field]") {
    TempDir dir;
    const auto masterPath = dir.file("master.gpkg");
    const auto packagePath = dir.file("package.gpkg");
    Project master = fieldMaster(masterPath);
    makePackage(master, packagePath);
    {
        auto package = Project::open(packagePath);
        REQUIRE(package.ok());
        InspectionDraft d = draftFor(siteId(1), "2021-07-06");
        d.newPhotos = {photoOf(200000, 9)};
        record(*package, d);
    }
    const std::string masterBytes = fileBytes(masterPath);

    SECTION("another project") {
        Project other = fieldMaster(dir.file("other.gpkg"));
        auto merged = mergeFile(other, packagePath);
        REQUIRE_FALSE(merged.ok());
        CHECK(merged.error().message.find("another project") != std::string::npos);
    }
    SECTION("a newer package format") {
        const auto newer = dir.file("newer.gpkg");
        std::filesystem::copy_file(packagePath, newer);
        sqlExec(newer, "UPDATE safemap_meta SET value = '99' WHERE key = 'package.format'");
        auto merged = mergeFile(master, newer);
        REQUIRE_FALSE(merged.ok());
        CHECK(merged.error().message.find("newer SafeMap") != std::string::npos);
    }
    SECTION("a master project is not a package") {
        auto merged = mergeFile(master, dir.file("master.gpkg"));
        CHECK_FALSE(merged.ok());
    }
    SECTION("cut short") {
        const auto cut = dir.file("cut.gpkg");
        const std::string bytes = fileBytes(packagePath);
        std::ofstream(cut, std::ios::binary)
            .write(bytes.data(), static_cast<std::streamsize>(bytes.size() / 2));
        CHECK_FALSE(mergeFile(master, cut).ok());
    }
    SECTION("a damaged photo") {
        const auto damaged = dir.file("damaged.gpkg");
        std::filesystem::copy_file(packagePath, damaged);
        sqlExec(damaged, "UPDATE inspection_photos SET data = zeroblob(bytes)");
        auto merged = mergeFile(master, damaged);
        REQUIRE_FALSE(merged.ok());
        CHECK(merged.error().message.find("damaged") != std::string::npos);
    }
    CHECK(fileBytes(masterPath) == masterBytes);
}

TEST_CASE("a merge killed midway leaves the project as it was", "[field]") {
    TempDir dir;
    const auto masterPath = dir.file("master.gpkg");
    const auto packagePath = dir.file("package.gpkg");
    {
        Project master = fieldMaster(masterPath);
        makePackage(master, packagePath);
        auto package = Project::open(packagePath);
        REQUIRE(package.ok());
        for (int day = 1; day <= 9; ++day) {
            InspectionDraft d = draftFor(siteId(1 + day % 3), "2021-07-0" + std::to_string(day));
            d.newPhotos = {photoOf(20000, static_cast<unsigned>(day))};
            record(*package, d);
        }
    }
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // The child merges and is killed after the fifth record is written, inside the
        // transaction (no destructor, no rollback runs: as if the power went off).
        auto master = Project::open(masterPath);
        auto package = openPackageForMerge(packagePath);
        if (!master || !package)
            _exit(3);
        auto merged = mergePackage(*master, *package, {}, [](long long done, long long) {
            if (done == 5)
                raise(SIGKILL);
        });
        _exit(merged.ok() ? 0 : 4);
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGKILL);

    auto master = Project::open(masterPath);
    REQUIRE(master.ok());
    CHECK(sqlInt(masterPath, "SELECT count(*) FROM inspection_records") == 0);
    CHECK(sqlInt(masterPath, "SELECT count(*) FROM merge_log") == 0);
    // And the merge then runs in full.
    auto merged = mergeFile(*master, packagePath);
    REQUIRE(merged.ok());
    CHECK(merged->added == 9);
    CHECK(merged->photos == 9);
}

TEST_CASE("a project written by schema 3 gains the field tables and goes to the field", "[field]") {
    TempDir dir;
    const auto path = dir.file("v3.gpkg");
    std::filesystem::copy_file(std::string(SAFEMAP_TEST_DATA) + "/projects/v3-sample.gpkg", path);
    const long long inspections = *sqlInt(path, "SELECT count(*) FROM inspections");
    const std::string original = fileBytes(path);
    {
        auto readOnly = Project::open(path, Project::Access::ReadOnly);
        REQUIRE(readOnly.ok());
        CHECK(fileBytes(path) == original);  // upgraded in memory only
    }
    auto project = Project::open(path);
    REQUIRE(project.ok());
    CHECK(project->repository().schemaVersion() == latestSchemaVersion());
    CHECK(sqlInt(path, "SELECT count(*) FROM inspections") == inspections);
    CHECK(sqlInt(path, "SELECT count(*) FROM inspections WHERE outcome IS NOT NULL") == 0);
    CHECK(sqlInt(path, "SELECT count(*) FROM inspection_records") == 0);
    auto old = project->repository().inspections();
    REQUIRE(old.ok());
    CHECK(static_cast<long long>(old->size()) == inspections);

    auto factories = project->repository().factories();
    REQUIRE(factories.ok());
    REQUIRE(factories->size() > 2);
    PackageRequest request;
    request.siteIds = {factories->at(0).taxCode, factories->at(1).id};  // a tax code names one
    const auto packagePath = dir.file("p.gpkg");
    auto made = createFieldPackage(*project, request, packagePath);
    REQUIRE(made.ok());
    CHECK(made->facilities == 2);
    {
        auto package = Project::open(packagePath);
        REQUIRE(package.ok());
        record(*package, draftFor(factories->at(0).id, "2021-07-02"));
    }
    auto merged = mergeFile(*project, packagePath);
    REQUIRE(merged.ok());
    CHECK(merged->added == 1);
    CHECK(sqlInt(path, "SELECT count(*) FROM inspections") == inspections + 1);
}
