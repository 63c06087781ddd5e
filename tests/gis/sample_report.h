#pragma once
// The README's sample province as a map report's data: imported, scored with the shipped
// CRLN set and evaluated with the project's saved scenario. No basemap: it lives in the
// application's data; the sites are what the report tests check.
#include <catch2/catch.hpp>

#include <memory>

#include "core/criteria/criteria_io.h"
#include "core/project/project.h"
#include "core/project/scenario.h"
#include "gis/io/assessment_import.h"
#include "gis/io/site_import.h"
#include "gis/report/map_report.h"
#include "test_support.h"

namespace safemap::test {

struct SampleReport {
    TempDir dir;
    MapReportData data;
    SampleReport() {
        auto project = Project::create(dir.file("Hà Nam.gpkg"));
        REQUIRE(project.ok());
        REQUIRE(importSitesFile(*project, sourcePath("data/sites/zones.geojson")).ok());
        REQUIRE(importSitesFile(*project, sourcePath("data/sites/factories.csv")).ok());
        AssessmentImportRequest request;
        auto set = loadCriteriaSet(sourcePath("resources/criteria/crln-1203-v1.json"));
        REQUIRE(set.ok());
        request.criteria = std::make_shared<CriteriaSet>(std::move(*set));
        REQUIRE(importAssessmentsFile(*project, sourcePath("data/assessments/danh_gia_2021-06.csv"),
                                      {}, request)
                    .ok());
        REQUIRE(importInspectionsFile(*project, sourcePath("data/inspections/kiem_tra_2021-06.csv"))
                    .ok());
        auto result = evaluateScenario(*project, Scenario{});
        REQUIRE(result.ok());
        auto status = std::make_shared<const ProjectStatus>(std::move(result->status));
        data = mapReportData("Hà Nam", result->facts, status, buildMapGeometry(*result->facts, {}),
                             ProjectSettings{}, {});
    }
};

}  // namespace safemap::test
