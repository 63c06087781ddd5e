// Assessments arrive as spreadsheets too: XLSX and ODS read through GDAL into the same
// Table as CSV, with the sheet's own row numbers in errors, and TCVN3 CSV converted.
#include <catch2/catch.hpp>
#include <fstream>

#include "core/scoring/compiled_criteria.h"
#include "core/storage/assessment_store.h"
#include "core/storage/criteria_choice.h"
#include "core/storage/project_store.h"
#include "core/storage/site_store.h"
#include "core/text/legacy_encodings.h"
#include "gis/io/assessment_import.h"
#include "test_import_fixtures.h"
#include "test_support.h"

using namespace safemap;
using fixtures::Feature;
using fixtures::Field;

namespace {

struct Project {
    TempDir dir;
    std::optional<ProjectStore> store;
    std::optional<CompiledCriteria> criteria;
    Project() {
        auto s = ProjectStore::create(dir.file("p.gpkg"));
        REQUIRE(s.ok());
        store.emplace(std::move(s).value());
        SiteBatch b;
        for (int i = 1; i <= 2; ++i) {
            Factory f;
            f.taxCode = "990000000" + std::to_string(i);
            f.id = factoryIdFor(f.taxCode, "", "", "");
            f.name = "Cơ sở " + std::to_string(i);
            f.location = {105.9, 21.0};
            b.factories.push_back(f);
        }
        REQUIRE(upsertSites(store->database(), b, "sites").ok());
        auto choice = chooseCriteria(store->database(), "",
                                     sourcePath("resources/criteria/crln-1203-v1.json"));
        REQUIRE(choice.ok());
        criteria = compileCriteria(choice->set);
    }
};

const std::vector<Field> kColumns = {
    {"ma_so_thue"}, {"ngay_danh_gia"}, {"nguoi_nop"}, {"workers_concurrent"}, {"hand_washing"}};

}  // namespace

TEST_CASE("assessments import from XLSX and ODS, with sheet rows in errors") {
    for (const char* driver : {"XLSX", "ODS"}) {
        SECTION(driver) {
            Project p;
            const std::string ext = driver[0] == 'X' ? ".xlsx" : ".ods";
            const auto good = p.dir.file("danh_gia" + ext);
            fixtures::writeLayer(
                good, driver, "Sheet1", "", wkbNone, kColumns,
                {Feature{{"9900000001", "2021-06-20", "Nguyễn Thị Hà", "350", "có"}, ""},
                 Feature{{"9900000002", "21/06/2021", "Trần Văn Bình", "1200", "không"}, ""}});
            auto result = importAssessments(*p.store, good, *p.criteria);
            INFO((result.ok() ? std::string() : result.error().describe()));
            REQUIRE(result.ok());
            CHECK(result->summary.inserted == 2);
            const auto stored = loadAssessments(p.store->database(), "MST-9900000002");
            REQUIRE(stored.size() == 1);
            CHECK(stored[0].assessment.submitter == "Trần Văn Bình");
            CHECK(std::get<double>(stored[0].assessment.answers.at("workers_concurrent")) == 1200);
            CHECK(std::get<bool>(stored[0].assessment.answers.at("hand_washing")) == false);

            const auto bad = p.dir.file("loi" + ext);
            fixtures::writeLayer(bad, driver, "Sheet1", "", wkbNone, kColumns,
                                 {Feature{{"9900000001", "2021-06-22", "A", "350", "có"}, ""},
                                  Feature{{"9900000002", "2021-06-22", "B", "nhiều", "có"}, ""}});
            auto refused = importAssessments(*p.store, bad, *p.criteria);
            REQUIRE_FALSE(refused.ok());
            CHECK(refused.error().row == 3);  // header is row 1 of the sheet
            CHECK(refused.error().column == "workers_concurrent");
            CHECK(p.store->database().queryInt("SELECT count(*) FROM assessments") == 2);
        }
    }
}

TEST_CASE("a TCVN3 CSV imports the same assessments as its UTF-8 original") {
    Project p;
    const std::string utf8 =
        "ma_so_thue,ngay_danh_gia,nguoi_nop,workers_concurrent,hand_washing\n"
        "9900000001,2021-06-20,Nguyễn Thị Hà,350,có\n"
        "9900000002,2021-06-20,Trần Văn Bình,80,không\n";
    const auto utfPath = p.dir.file("utf8.csv");
    const auto abcPath = p.dir.file("tcvn3.csv");
    std::ofstream(utfPath, std::ios::binary) << utf8;
    std::ofstream(abcPath, std::ios::binary) << encodeFromUtf8(utf8, TextEncoding::Tcvn3);
    auto first = importAssessments(*p.store, abcPath, *p.criteria);
    REQUIRE(first.ok());
    CHECK(first->encoding == "tcvn3");
    CHECK(first->summary.inserted == 2);
    CHECK(loadAssessments(p.store->database(), "MST-9900000001")[0].assessment.submitter ==
          "Nguyễn Thị Hà");
    // Decoded right, the UTF-8 file is the very same content: nothing new is added.
    auto second = importAssessments(*p.store, utfPath, *p.criteria);
    REQUIRE(second.ok());
    CHECK(second->summary.inserted == 0);
    CHECK(second->summary.alreadyPresent == 2);
}
