// Assessments arrive as spreadsheets too: XLSX and ODS read through GDAL into the same
// Table as CSV, with the sheet's own row numbers in errors, and TCVN3 CSV converted.
#include <catch2/catch.hpp>
#include <fstream>

#include "core/criteria/criteria_io.h"
#include "core/project/imports.h"
#include "core/project/project.h"
#include "core/text/legacy_encodings.h"
#include "gis/io/assessment_import.h"
#include "test_import_fixtures.h"
#include "test_support.h"

using namespace safemap;
using fixtures::Feature;
using fixtures::Field;

namespace {

struct TwoSites {
    TempDir dir;
    std::optional<Project> project;
    AssessmentImportRequest request;
    TwoSites() {
        auto created = Project::create(dir.file("p.gpkg"));
        REQUIRE(created.ok());
        project.emplace(std::move(created).value());
        SiteBatch b;
        for (int i = 1; i <= 2; ++i) {
            Factory f;
            f.taxCode = "990000000" + std::to_string(i);
            f.id = factoryIdFor(f.taxCode, "", "", "");
            f.name = "Cơ sở " + std::to_string(i);
            f.location = {105.9, 21.0};
            b.factories.push_back(f);
        }
        REQUIRE(importSites(*project, b, "sites").ok());
        auto set = loadCriteriaSet(sourcePath("resources/criteria/crln-1203-v1.json"));
        REQUIRE(set.ok());
        request.fallback = std::make_shared<CriteriaSet>(std::move(*set));
    }
    std::vector<AssessmentRecord> stored(const std::string& siteId) const {
        return project->repository().assessmentsOf(siteId).value();
    }
};

const std::vector<Field> kColumns = {
    {"ma_so_thue"}, {"ngay_danh_gia"}, {"nguoi_nop"}, {"workers_concurrent"}, {"hand_washing"}};

}  // namespace

TEST_CASE("assessments import from XLSX and ODS, with sheet rows in errors") {
    for (const char* driver : {"XLSX", "ODS"}) {
        SECTION(driver) {
            TwoSites p;
            const std::string ext = driver[0] == 'X' ? ".xlsx" : ".ods";
            const auto good = p.dir.file("danh_gia" + ext);
            fixtures::writeLayer(
                good, driver, "Sheet1", "", wkbNone, kColumns,
                {Feature{{"9900000001", "2021-06-20", "Nguyễn Thị Hà", "350", "có"}, ""},
                 Feature{{"9900000002", "21/06/2021", "Trần Văn Bình", "1200", "không"}, ""}});
            auto result = importAssessmentsFile(*p.project, good, {}, p.request);
            INFO((result.ok() ? std::string() : result.error().describe()));
            REQUIRE(result.ok());
            CHECK(result->outcome.inserted == 2);
            const auto stored = p.stored("MST-9900000002");
            REQUIRE(stored.size() == 1);
            CHECK(stored[0].assessment.submitter == "Trần Văn Bình");
            CHECK(std::get<double>(stored[0].assessment.answers.at("workers_concurrent")) == 1200);
            CHECK(std::get<bool>(stored[0].assessment.answers.at("hand_washing")) == false);

            const auto bad = p.dir.file("loi" + ext);
            fixtures::writeLayer(bad, driver, "Sheet1", "", wkbNone, kColumns,
                                 {Feature{{"9900000001", "2021-06-22", "A", "350", "có"}, ""},
                                  Feature{{"9900000002", "2021-06-22", "B", "nhiều", "có"}, ""}});
            auto refused = importAssessmentsFile(*p.project, bad, {}, p.request);
            REQUIRE_FALSE(refused.ok());
            CHECK(refused.error().row == 3);  // header is row 1 of the sheet
            CHECK(refused.error().column == "workers_concurrent");
            CHECK(p.project->repository().assessmentCount().value() == 2);
        }
    }
}

TEST_CASE("a TCVN3 CSV imports the same assessments as its UTF-8 original") {
    TwoSites p;
    const std::string utf8 =
        "ma_so_thue,ngay_danh_gia,nguoi_nop,workers_concurrent,hand_washing\n"
        "9900000001,2021-06-20,Nguyễn Thị Hà,350,có\n"
        "9900000002,2021-06-20,Trần Văn Bình,80,không\n";
    const auto utfPath = p.dir.file("utf8.csv");
    const auto abcPath = p.dir.file("tcvn3.csv");
    std::ofstream(utfPath, std::ios::binary) << utf8;
    std::ofstream(abcPath, std::ios::binary) << encodeFromUtf8(utf8, TextEncoding::Tcvn3);
    auto first = importAssessmentsFile(*p.project, abcPath, {}, p.request);
    REQUIRE(first.ok());
    CHECK(first->encoding == "tcvn3");
    CHECK(first->outcome.inserted == 2);
    CHECK(p.stored("MST-9900000001")[0].assessment.submitter == "Nguyễn Thị Hà");
    // Decoded right, the UTF-8 file is the very same content: nothing new is added.
    auto second = importAssessmentsFile(*p.project, utfPath, {}, p.request);
    REQUIRE(second.ok());
    CHECK(second->outcome.inserted == 0);
    CHECK(second->outcome.alreadyPresent == 2);
}
