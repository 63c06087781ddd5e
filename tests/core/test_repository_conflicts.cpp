// The repository suite's optimistic version checks (both backends): two clients read the
// same facility, record or active criteria set, both edit; the second is refused with a
// coded conflict naming when the first saved, and the store holds the first's value.
#include <catch2/catch.hpp>

#include "core/errors/error_catalogue.h"
#include "core/model/inspection_record.h"
#include "core/project/criteria_use.h"
#include "core/project/field_inspection.h"
#include "core/project/imports.h"
#include "core/project/project.h"
#include "field_fixture.h"
#include "project_fixture.h"
#include "repository_backends.h"

using namespace safemap;
using namespace safemap::test;

namespace {

Factory storedFactory(const Project& project, const std::string& id) {
    auto all = project.repository().factories();
    REQUIRE(all.ok());
    for (const auto& f : *all)
        if (f.id == id)
            return f;
    FAIL("no facility " << id);
    return {};
}

}  // namespace

REPOSITORY_TEST("a stale facility edit is refused with a conflict and changes nothing") {
    const auto location = backend.newLocation();
    const auto factories = threeFactories();
    const std::string id = factories[0].id;
    { Project made = projectWith(location, factories); }

    // Two clients, each with its own connection to the same project.
    auto one = Project::open(location);
    auto two = Project::open(location);
    REQUIRE(one.ok());
    REQUIRE(two.ok());
    auto readByOne = one->repository().facilityVersion(id);
    auto readByTwo = two->repository().facilityVersion(id);
    REQUIRE(readByOne.ok());
    REQUIRE(readByTwo.ok());
    CHECK(readByOne->version > 0);
    CHECK(readByOne->version == readByTwo->version);
    CHECK(one->repository().facilityVersion("MST-0000000000")->version == 0);

    Factory first = storedFactory(*one, id);
    first.address = "Số 1 đường Lê Lợi";
    auto saved = correctFacility(*one, first, {SiteField::Address}, readByOne->version);
    REQUIRE(saved.ok());
    CHECK(saved->updated == 1);
    auto after = one->repository().facilityVersion(id);
    REQUIRE(after.ok());
    CHECK(after->version != readByOne->version);
    CHECK_FALSE(after->changedAt.empty());

    // The second client still holds what it read before the first saved.
    Factory second = storedFactory(*two, id);
    second.address = "Số 2 đường Trần Phú";
    second.name = "Tên khác";
    auto refused =
        correctFacility(*two, second, {SiteField::Address, SiteField::Name}, readByTwo->version);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "project.facility_conflict");
    const std::string vi = describeError(refused.error(), Language::Vietnamese);
    INFO(vi);
    CHECK(vi.find("đã được người khác sửa lúc " + after->changedAt) != std::string::npos);
    CHECK(vi.find("tải lại rồi sửa lại") != std::string::npos);
    CHECK(vi.find(factories[0].name) != std::string::npos);

    // The store holds the first client's value; nothing of the second's, no import logged.
    auto check = Project::open(location, Project::Access::ReadOnly);
    REQUIRE(check.ok());
    const Factory stored = storedFactory(*check, id);
    CHECK(stored.address == "Số 1 đường Lê Lợi");
    CHECK(stored.name == factories[0].name);
    CHECK(check->repository().facilityVersion(id)->version == after->version);
    auto log = check->repository().importLog(10);
    REQUIRE(log.ok());
    long corrections = 0;
    for (const auto& entry : *log)
        corrections += entry.sourceFile == "correction on site" ? 1 : 0;
    CHECK(corrections == 1);

    // Reloaded, the second client's edit goes through.
    auto reread = two->repository().facilityVersion(id);
    REQUIRE(reread.ok());
    REQUIRE(correctFacility(*two, second, {SiteField::Name}, reread->version).ok());
    CHECK(storedFactory(*check, id).name == "Tên khác");
    // An edit that carries no version (an import, a merge) is not checked.
    REQUIRE(correctFacility(*one, first, {SiteField::Name}).ok());
}

REPOSITORY_TEST("an import between reading and editing a facility makes the edit stale") {
    const auto location = backend.newLocation();
    auto factories = threeFactories();
    Project project = projectWith(location, factories);
    const std::string id = factories[1].id;
    auto read = project.repository().facilityVersion(id);
    REQUIRE(read.ok());

    auto other = Project::open(location);
    REQUIRE(other.ok());
    SiteBatch batch;
    factories[1].workforce.total = 999;
    batch.factories = {factories[1]};
    REQUIRE(importSites(*other, batch, "factories.csv").ok());

    Factory edit = factories[1];
    edit.sector = "Dệt may";
    auto refused = correctFacility(project, edit, {SiteField::Sector}, read->version);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "project.facility_conflict");
    CHECK(storedFactory(project, id).sector.empty());
    CHECK(storedFactory(project, id).workforce.total == 999);
}

REPOSITORY_TEST("choosing a criteria set after someone else chose another is refused") {
    const auto location = backend.newLocation();
    { Project made = projectWith(location, threeFactories()); }
    const CriteriaSet crln = *criteriaFrom(kCrlnFile);
    CriteriaSet other = crln;
    other.version = crln.version + 1;
    CriteriaSet third = crln;
    third.version = crln.version + 2;

    auto one = Project::open(location);
    auto two = Project::open(location);
    REQUIRE(one.ok());
    REQUIRE(two.ok());
    REQUIRE(activateCriteriaSet(*one, crln).ok());
    auto seenByOne = one->repository().activeCriteria();
    auto seenByTwo = two->repository().activeCriteria();
    REQUIRE(seenByOne.ok());
    REQUIRE(seenByTwo.ok());
    REQUIRE(*seenByOne == *seenByTwo);

    REQUIRE(activateCriteriaSet(*one, other, {}, nullptr, *seenByOne).ok());
    auto refused = activateCriteriaSet(*two, third, {}, nullptr, *seenByTwo);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "project.criteria_conflict");
    const std::string vi = describeError(refused.error(), Language::Vietnamese);
    INFO(vi);
    CHECK(vi.find(CriteriaRef{other.id, other.version}.key()) != std::string::npos);

    auto check = Project::open(location, Project::Access::ReadOnly);
    REQUIRE(check.ok());
    auto active = check->repository().activeCriteria();
    REQUIRE(active.ok());
    REQUIRE(active->has_value());
    CHECK(**active == (CriteriaRef{other.id, other.version}));
    // The refused set was not even stored: the whole activation was rolled back.
    auto stored = check->repository().criteriaSet({third.id, third.version});
    REQUIRE(stored.ok());
    CHECK_FALSE(stored->has_value());
}

REPOSITORY_TEST("a stale correction of an inspection record is refused and changes nothing") {
    const auto location = backend.newLocation();
    { Project made = fieldMaster(location); }
    auto one = Project::open(location);
    auto two = Project::open(location);
    REQUIRE(one.ok());
    REQUIRE(two.ok());
    auto draft = draftFor(siteId(1), "2021-07-01");
    draft.newPhotos = {photoOf(2000, 3)};
    const InspectionRecord stored = record(*one, draft);

    // Both read the record, both correct it.
    auto readByTwo = two->repository().inspectionRecords(siteId(1));
    REQUIRE(readByTwo.ok());
    REQUIRE(readByTwo->size() == 1);
    InspectionDraft first;
    first.record = stored;
    first.readHash = recordContentHash(stored);
    first.record.findings = "Đã sửa lần 1";
    InspectionDraft second;
    second.record = readByTwo->front();
    second.readHash = recordContentHash(readByTwo->front());
    second.record.findings = "Đã sửa lần 2";
    second.record.photos.clear();  // and drops the photo

    auto saved = saveInspection(*one, first);
    REQUIRE(saved.ok());
    auto refused = saveInspection(*two, second);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "project.record_conflict");
    const std::string vi = describeError(refused.error(), Language::Vietnamese);
    INFO(vi);
    CHECK(vi.find("đã được người khác sửa lúc " + saved->updatedAt) != std::string::npos);

    auto now = two->repository().inspectionRecords(siteId(1));
    REQUIRE(now.ok());
    REQUIRE(now->size() == 1);
    CHECK(now->front().findings == "Đã sửa lần 1");
    CHECK(now->front().photos.size() == 1);  // the photo the second wanted gone is kept
    CHECK(two->repository().photoData(stored.photos.at(0).photoId).ok());
    // Reloaded, the second correction goes through.
    second.readHash = recordContentHash(now->front());
    REQUIRE(saveInspection(*two, second).ok());
    CHECK(two->repository().inspectionRecords(siteId(1))->front().findings == "Đã sửa lần 2");
}
