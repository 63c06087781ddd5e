// The shipped sample province (data/): imported as the README says, its lists single a few
// facilities out (issue 11): to suspend 3–10 % of the facilities, due for inspection at most
// 25 %, under the default criteria set and under the extended one.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/criteria/criteria_io.h"
#include "core/project/project.h"
#include "core/project/project_facts.h"
#include "core/project/project_status.h"
#include "core/rules/action_lists.h"
#include "gis/io/assessment_import.h"
#include "gis/io/site_import.h"
#include "gis/project/project_layers.h"
#include "test_support.h"

using namespace safemap;

namespace {

// The four commands of the README's sample: zones, factories, assessments, inspections.
void importSample(Project& project, const std::string& criteriaFile) {
    REQUIRE(importSitesFile(project, sourcePath("data/sites/zones.geojson")).ok());
    REQUIRE(importSitesFile(project, sourcePath("data/sites/factories.csv")).ok());
    AssessmentImportRequest request;
    auto set = loadCriteriaSet(
        criteriaFile.empty() ? sourcePath("resources/criteria/crln-1203-v1.json") : criteriaFile);
    REQUIRE(set.ok());
    request.criteria = std::make_shared<CriteriaSet>(std::move(*set));
    auto imported = importAssessmentsFile(
        project, sourcePath("data/assessments/danh_gia_2021-06.csv"), {}, request);
    INFO((imported.ok() ? std::string() : imported.error().describe()));
    REQUIRE(imported.ok());
    REQUIRE(
        importInspectionsFile(project, sourcePath("data/inspections/kiem_tra_2021-06.csv")).ok());
}

void checkShares(const std::string& criteriaFile) {
    TempDir dir;
    auto project = Project::create(dir.file("sample.gpkg"));
    REQUIRE(project.ok());
    importSample(*project, criteriaFile);
    const RuleSettings settings;  // the defaults, as the window and `safemap list` use them
    auto facts = loadProjectFacts(*project);
    REQUIRE(facts.ok());
    const ProjectStatus status = computeStatus(*facts, settings);
    const std::vector<SiteFacts> siteFacts = factsAsOf(*facts, status.asOf);
    const auto facilities = static_cast<double>(facts->factories.size());
    REQUIRE(facilities >= 100);

    const auto suspend = suspensionList(siteFacts, status.settings);
    const auto inspect = inspectionList(siteFacts, status.settings);
    const double suspendShare = static_cast<double>(suspend.size()) / facilities;
    const double inspectShare = static_cast<double>(inspect.size()) / facilities;
    INFO("to suspend " << suspend.size() << ", due for inspection " << inspect.size() << " of "
                       << facilities);
    CHECK(suspendShare >= 0.03);
    CHECK(suspendShare <= 0.10);
    CHECK(inspectShare <= 0.25);
    CHECK(inspectShare > 0);
    // The status the map and tables show holds the same lists in the same order.
    REQUIRE(status.suspendOrder.size() == suspend.size());
    REQUIRE(status.inspectOrder.size() == inspect.size());
    for (std::size_t i = 0; i < inspect.size(); ++i)
        CHECK(status.sites[status.inspectOrder[i]].siteId == inspect[i].siteId);
    // computeStatus makes each facility's facts in one reused value as the rules reach it;
    // all of them made at once give the same status, field by field (nothing carried over).
    const std::vector<SiteStatus> whole = computeSiteStatus(siteFacts, status.settings);
    REQUIRE(whole.size() == status.sites.size());
    std::size_t differ = 0;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        const SiteStatus& a = whole[i];
        const SiteStatus& b = status.sites[i];
        differ += !(a.siteId == b.siteId && a.level == b.level && a.percent == b.percent &&
                    a.assessedOn == b.assessedOn && a.ageDays == b.ageDays &&
                    a.rising == b.rising && a.suspendRank == b.suspendRank &&
                    a.inspectRank == b.inspectRank && a.priority.total() == b.priority.total() &&
                    a.suspendReasons.size() == b.suspendReasons.size() &&
                    a.inspectReasons.size() == b.inspectReasons.size());
    }
    CHECK(differ == 0);

    // Most facilities low or medium, a few high or very high (data/README.md).
    int assessed = 0, lowOrMedium = 0, highOrVeryHigh = 0;
    for (const SiteFacts& f : siteFacts) {
        if (!f.latest)
            continue;
        ++assessed;
        lowOrMedium += f.latest->level == RiskLevel::Low || f.latest->level == RiskLevel::Medium;
        highOrVeryHigh += f.latest->level >= RiskLevel::High;
    }
    CHECK(assessed >= 0.8 * facilities);
    CHECK(lowOrMedium >= 0.8 * assessed);
    CHECK(highOrVeryHigh >= 1);
    CHECK(highOrVeryHigh <= 0.1 * assessed);

    // The weekly capacity marks the top of the inspection list, and the map's marks follow it.
    const auto capacity = static_cast<std::size_t>(settings.inspectionCapacity);
    REQUIRE(inspect.size() > capacity);
    std::size_t top = 0, marked = 0;
    for (const auto& st : status.sites) {
        top += st.inspectTop;
        marked += (siteMarkFlags(st) & kFeatureInspect) != 0;
    }
    CHECK(top == capacity);
    CHECK(marked == capacity);
    for (std::size_t i = 0; i < inspect.size(); ++i) {
        CHECK(inspect[i].withinCapacity == (i < capacity));
        CHECK(status.site(inspect[i].siteId)->inspectTop == (i < capacity));
    }
    CHECK(std::is_sorted(inspect.begin(), inspect.end(), [](const auto& a, const auto& b) {
        return a.priority.total() > b.priority.total();
    }));
}

}  // namespace

TEST_CASE("the sample's lists single a few facilities out (default criteria, CRLN 1203)") {
    checkShares("");
}

TEST_CASE("the sample's lists single a few facilities out (extended criteria)") {
    checkShares(sourcePath("resources/criteria/extended-letters-v1.json"));
}
