#pragma once
// Helpers for tests of the project layer: a fresh project with a few facilities, and a way
// to look at the stored tables directly (tests may; product code goes through the
// repository).

#include <catch2/catch.hpp>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <optional>
#include <string>

#include "core/criteria/criteria_io.h"
#include "core/project/imports.h"
#include "core/project/project.h"
#include "core/project/scenario.h"
#include "core/project/score_timeline.h"
#include "core/storage/database.h"
#include "test_support.h"

namespace safemap::test {

inline const std::string kCrlnFile = sourcePath("resources/criteria/crln-1203-v1.json");
inline const std::string kExtendedFile = sourcePath("resources/criteria/extended-letters-v1.json");

inline std::shared_ptr<const CriteriaSet> criteriaFrom(const std::string& file) {
    auto set = loadCriteriaSet(file);
    REQUIRE(set.ok());
    return std::make_shared<CriteriaSet>(std::move(*set));
}

/// Three facilities with tax codes 9900000001..3, accounts issued 01/05/2021.
inline std::vector<Factory> threeFactories() {
    std::vector<Factory> out;
    for (int i = 1; i <= 3; ++i) {
        Factory f;
        f.taxCode = "990000000" + std::to_string(i);
        f.id = factoryIdFor(f.taxCode, "", "", "");
        f.name = "Cơ sở " + std::to_string(i);
        f.workforce.total = 300 * i;
        f.accountIssued = parseDate("2021-05-01");
        f.location = {105.8 + i * 0.01, 21.0};
        out.push_back(f);
    }
    return out;
}

/// A new project at `path` holding `factories`.
inline Project projectWith(const std::string& path, const std::vector<Factory>& factories) {
    auto project = Project::create(path);
    REQUIRE(project.ok());
    SiteBatch batch;
    batch.factories = factories;
    REQUIRE(importSites(*project, batch, "sites.csv").ok());
    return std::move(project).value();
}

/// A new project at `path` holding `factories`, imported in batches of `batchSize`. Batches
/// under 1,000 facilities stay under a site import's bulk threshold: written row by row.
inline void projectInBatches(const std::string& path, const std::vector<Factory>& factories,
                             std::size_t batchSize) {
    auto project = Project::create(path);
    REQUIRE(project.ok());
    for (std::size_t from = 0; from < factories.size(); from += batchSize) {
        SiteBatch batch;
        const auto to = std::min(factories.size(), from + batchSize);
        batch.factories.assign(factories.begin() + static_cast<std::ptrdiff_t>(from),
                               factories.begin() + static_cast<std::ptrdiff_t>(to));
        REQUIRE(importSites(*project, batch, "sites.csv").ok());
    }
}

/// A table as a CSV reader would give it (row numbers from 2).
inline Table tableOf(const std::vector<std::string>& header,
                     const std::vector<std::vector<std::string_view>>& rows,
                     const std::string& fileName = "danh_gia.csv") {
    Table t;
    t.fileName = fileName;
    t.header = header;
    long r = 2;
    for (const auto& cells : rows) {
        t.addRow(r, r, cells);
        ++r;
    }
    return t;
}

/// The CRLN index columns, after a tax code, a date and a submitter.
inline const std::vector<std::string> kAssessmentHeader = {
    "Mã số thuế",         "Ngày đánh giá",         "Người nộp",
    "workers_concurrent", "floor_area_per_worker", "hand_washing",
    "masks_worn",         "temperature_check",     "canteen_distancing",
    "shuttle_bus_share",  "residential_areas",     "daily_masks",
    "night_shift"};

/// Assessments of the CRLN set on (tax code, date): all good, or all worst.
inline Table assessmentsOn(const std::vector<std::pair<std::string, std::string>>& siteDates,
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

inline ProjectStatus statusOf(const Project& project, const Scenario& scenario) {
    auto r = evaluateScenario(project, scenario);
    INFO((r.ok() ? std::string() : r.error().describe()));
    REQUIRE(r.ok());
    return r->status;
}

/// One number from the stored tables, read through a separate read-only connection.
inline std::optional<long long> sqlInt(const std::string& path, const std::string& sql) {
    auto db = Database::open(path, OpenMode::ReadOnly);
    REQUIRE(db.ok());
    auto v = db->queryInt(sql);
    return v ? std::optional<long long>(*v) : std::nullopt;
}

inline std::optional<std::string> sqlText(const std::string& path, const std::string& sql) {
    auto db = Database::open(path, OpenMode::ReadOnly);
    REQUIRE(db.ok());
    return db->queryText(sql);
}

/// Runs SQL on the file directly (to damage or prepare it as a user or another tool might).
inline void sqlExec(const std::string& path, const std::string& sql) {
    auto db = Database::open(path, OpenMode::Create);
    REQUIRE(db.ok());
    auto st = db->exec(sql);
    INFO(sql);
    REQUIRE(st.ok());
}

/// A copy in `dir` of the project a version-4 SafeMap wrote (tests/data/projects/README.md).
inline std::string copyOfV4Sample(const TempDir& dir) {
    auto path = dir.file("v4.gpkg");
    std::filesystem::copy_file(std::string(SAFEMAP_TEST_DATA) + "/projects/v4-sample.gpkg", path);
    return path;
}

/// How many entries of two timelines differ in a field the rules read (TimelineEntry has no
/// operator==); facilities or entry counts that differ count as every entry differing.
inline size_t timelineDifferences(const ScoreTimeline& a, const ScoreTimeline& b) {
    if (a.siteIds != b.siteIds || a.siteBegin != b.siteBegin ||
        a.entries.size() != b.entries.size())
        return std::max<size_t>(1, std::max(a.entries.size(), b.entries.size()));
    size_t differ = 0;
    for (size_t i = 0; i < a.entries.size(); ++i) {
        const TimelineEntry& x = a.entries[i];
        const TimelineEntry& y = b.entries[i];
        differ += !(x.assessmentId == y.assessmentId && x.day == y.day && x.percent == y.percent &&
                    x.maxIndexPoints == y.maxIndexPoints &&
                    x.mandatoryFailedMask == y.mandatoryFailedMask && x.vetoMask == y.vetoMask &&
                    x.worstIndex == y.worstIndex && x.level == y.level &&
                    x.safeToOperate == y.safeToOperate);
    }
    return differ;
}

}  // namespace safemap::test
