// A re-score that reads the newer part of the assessments on a second connection and thread
// (core/project/scoring_run.h): it stores the scores a re-score on one connection stores, in
// the order of their assessments; it reads everything here when the second connection
// cannot be opened, and stops cleanly when cancelled. A re-score writes only the blocks
// whose scores changed.
#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "core/project/project.h"
#include "core/project/scoring_run.h"
#include "core/scoring/compiled_criteria.h"
#include "project_fixture.h"
#include "test_support.h"

using namespace safemap;
using namespace safemap::test;

namespace {

// More than the 8,192 ids below which one connection reads all (scoring_run.cpp), with
// answers of every kind the reader meets.
constexpr int kAssessments = 12000;

std::string projectWithAssessments(const TempDir& dir) {
    const auto path = dir.file("p.gpkg");
    Project project = projectWith(path, threeFactories());
    const auto sites = threeFactories();
    std::vector<Assessment> list;
    for (int i = 0; i < kAssessments; ++i) {
        Assessment a;
        a.siteId = sites[static_cast<size_t>(i % 3)].id;
        a.date = *parseDate(i % 2 ? "2021-06-14" : "2021-06-15");
        a.submitter = "Người nộp " + std::to_string(i);  // each one stored: none is a repeat
        auto& x = a.answers;
        x["workers_concurrent"] = AnswerValue(double(i % 900));
        x["floor_area_per_worker"] = i % 4 == 0 ? AnswerValue(12.75) : AnswerValue(double(i % 9));
        x["hand_washing"] = i % 3 == 0 ? AnswerValue(i % 2 == 0) : AnswerValue(std::string("có"));
        x["masks_worn"] = AnswerValue(double(i % 5 == 0 ? 2 : 1));
        x["canteen_distancing"] = AnswerValue(std::string(i % 7 ? "vach_ngan" : "khong"));
        x["dormitory"] = AnswerValue(std::string(i % 2 ? "dat_chuan" : "chua_dat"));
        list.push_back(std::move(a));
    }
    auto tx = project.repository().beginWrite();
    REQUIRE(tx.ok());
    std::vector<int64_t> ids;
    REQUIRE(project.repository().appendAssessments(list, {}, 0, ids).ok());
    REQUIRE((*tx)->commit().ok());
    return path;
}

// Re-scores the project at `path` and commits; what rescoreAll returned.
Result<long long> rescore(const std::string& path, const CompiledCriteria& criteria,
                          const ReopenProject& aside, const std::atomic<bool>* cancel = nullptr) {
    auto project = Project::open(path);
    REQUIRE(project.ok());
    auto tx = project->repository().beginWrite();
    REQUIRE(tx.ok());
    auto scored = rescoreAll(project->repository(), criteria, {}, cancel, aside);
    if (scored)
        REQUIRE((*tx)->commit().ok());
    return scored;
}

ScoreTimeline timelineOf(const std::string& path, const CompiledCriteria& criteria) {
    auto project = Project::open(path, Project::Access::ReadOnly);
    REQUIRE(project.ok());
    auto timeline = project->repository().scoreTimeline(criteria);
    REQUIRE(timeline.ok());
    return std::move(timeline).value();
}

}  // namespace

TEST_CASE("a re-score with half read on a second connection stores what one connection does") {
    TempDir dir;
    const auto one = projectWithAssessments(dir);
    const auto two = dir.file("two.gpkg");
    std::filesystem::copy_file(one, two);
    const auto criteria = compileCriteria(*criteriaFrom(kCrlnFile));

    int opened = 0;
    auto scored = rescore(two, criteria, [&] {
        ++opened;
        return Project::open(two, Project::Access::ReadOnly);
    });
    REQUIRE(scored.ok());
    CHECK(*scored == kAssessments);
    CHECK(opened == 1);
    auto alone = rescore(one, criteria, nullptr);
    REQUIRE(alone.ok());
    CHECK(*alone == kAssessments);

    const ScoreTimeline split = timelineOf(two, criteria);
    const ScoreTimeline single = timelineOf(one, criteria);
    CHECK(split.entries.size() == static_cast<size_t>(kAssessments));
    CHECK(timelineDifferences(split, single) == 0);
    // The scores mean something: more than one level among them.
    bool levels[5] = {};
    for (const auto& e : split.entries)
        levels[static_cast<size_t>(e.level)] = true;
    CHECK(std::count(std::begin(levels), std::end(levels), true) > 1);
    CHECK(sqlText(two, "PRAGMA integrity_check") == "ok");
    // Stored in the order of their assessments, whichever thread made them: the same
    // project re-scored the same way is the same file content, run after run.
    CHECK(sqlInt(two,
                 "SELECT count(*) FROM score_blocks b JOIN score_blocks a ON a.fid < b.fid "
                 "WHERE a.last_assessment >= b.first_assessment") == 0);
    const auto three = dir.file("three.gpkg");
    std::filesystem::copy_file(one, three);
    REQUIRE(rescore(three, criteria, [&] {
                return Project::open(three, Project::Access::ReadOnly);
            }).ok());
    const std::string blocks =
        "SELECT group_concat(first_assessment || ':' || last_assessment || ':' || hex(entries)) "
        "FROM (SELECT * FROM score_blocks ORDER BY fid)";
    CHECK(sqlText(three, blocks) == sqlText(two, blocks));
}

TEST_CASE("a re-score whose second connection does not open reads everything on its own") {
    TempDir dir;
    const auto path = projectWithAssessments(dir);
    const auto criteria = compileCriteria(*criteriaFrom(kCrlnFile));
    auto scored = rescore(path, criteria, [&]() -> Result<Project> {
        return Project::open(dir.file("missing.gpkg"), Project::Access::ReadOnly);
    });
    REQUIRE(scored.ok());
    CHECK(*scored == kAssessments);
    CHECK(timelineOf(path, criteria).entries.size() == static_cast<size_t>(kAssessments));
}

TEST_CASE("a re-score cancelled with its second connection open stops and keeps nothing") {
    TempDir dir;
    const auto path = projectWithAssessments(dir);
    const auto criteria = compileCriteria(*criteriaFrom(kCrlnFile));
    REQUIRE(rescore(path, criteria, nullptr).ok());
    const auto before = timelineOf(path, criteria);
    std::atomic<bool> cancel{true};
    auto scored = rescore(
        path, criteria, [&] { return Project::open(path, Project::Access::ReadOnly); }, &cancel);
    REQUIRE_FALSE(scored.ok());
    CHECK(scored.error().code == "scoring.cancelled");
    // Not committed: the scores are those of the re-score before.
    CHECK(timelineDifferences(timelineOf(path, criteria), before) == 0);
}

TEST_CASE("a range of assessments and their span read the same through the defaults") {
    TempDir dir;
    const auto path = projectWithAssessments(dir);
    const auto criteria = compileCriteria(*criteriaFrom(kCrlnFile));
    auto project = Project::open(path, Project::Access::ReadOnly);
    REQUIRE(project.ok());
    const ProjectRepository& repo = project->repository();
    // The GeoPackage's own readers against the repository's defaults, which read every
    // assessment through forEachAssessment (what a store without its own form gets).
    auto own = repo.assessmentIdSpan();
    auto generic = repo.ProjectRepository::assessmentIdSpan();
    REQUIRE(own.ok());
    REQUIRE(generic.ok());
    CHECK(own->after == 0);
    CHECK(own->upTo == kAssessments);
    CHECK(generic->after == own->after);
    CHECK(generic->upTo == own->upTo);
    const AssessmentIds middle{4000, 7000};
    auto collect = [](std::vector<int64_t>& ids, std::vector<double>& rows) {
        return [&](std::span<const int64_t> i, std::span<const double> r) -> Status {
            ids.insert(ids.end(), i.begin(), i.end());
            rows.insert(rows.end(), r.begin(), r.end());
            return {};
        };
    };
    std::vector<int64_t> ownIds, genericIds;
    std::vector<double> ownRows, genericRows;
    REQUIRE(repo.forEachAnswerRow(criteria, middle, collect(ownIds, ownRows)).ok());
    REQUIRE(
        repo.ProjectRepository::forEachAnswerRow(criteria, middle, collect(genericIds, genericRows))
            .ok());
    REQUIRE(ownIds.size() == 3000);
    CHECK(ownIds.front() == 4001);
    CHECK(ownIds.back() == 7000);
    CHECK(genericIds == ownIds);
    CHECK(genericRows.size() == ownRows.size());
    CHECK(
        std::equal(genericRows.begin(), genericRows.end(), ownRows.begin(),
                   [](double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }));
}

namespace {

// Each block of the project's scores as "fid:first:last", in fid order.
std::string blockList(const std::string& path) {
    return *sqlText(path,
                    "SELECT group_concat(fid || ':' || first_assessment || ':' || last_assessment) "
                    "FROM (SELECT * FROM score_blocks ORDER BY fid)");
}

}  // namespace

TEST_CASE("a re-score writes only the blocks whose scores changed") {
    TempDir dir;
    const auto path = projectWithAssessments(dir);
    const auto crln = compileCriteria(*criteriaFrom(kCrlnFile));
    auto aside = [&] { return Project::open(path, Project::Access::ReadOnly); };
    REQUIRE(rescore(path, crln, aside).ok());
    const std::string blocks = blockList(path);
    const auto blockCount = *sqlInt(path, "SELECT count(*) FROM score_blocks");
    REQUIRE(blockCount > 1);
    const ScoreTimeline scored = timelineOf(path, crln);

    SECTION("again under the same set: every block is kept, none written") {
        REQUIRE(rescore(path, crln, aside).ok());
        CHECK(blockList(path) == blocks);
        REQUIRE(rescore(path, crln, nullptr).ok());  // on one connection too
        CHECK(blockList(path) == blocks);
        CHECK(timelineDifferences(timelineOf(path, crln), scored) == 0);
    }
    SECTION("a damaged block and a missing one are written anew, the rest kept") {
        const auto firstFid = *sqlInt(path, "SELECT min(fid) FROM score_blocks");
        const auto lastFid = *sqlInt(path, "SELECT max(fid) FROM score_blocks");
        sqlExec(path, "UPDATE score_blocks SET entries = zeroblob(length(entries)) WHERE fid = " +
                          std::to_string(firstFid));
        sqlExec(path, "DELETE FROM score_blocks WHERE fid = " + std::to_string(lastFid));
        REQUIRE(rescore(path, crln, aside).ok());
        CHECK(sqlInt(path, "SELECT count(*) FROM score_blocks") == blockCount);
        CHECK(sqlInt(path, "SELECT count(*) FROM score_blocks WHERE fid = " +
                               std::to_string(firstFid)) == 0);
        CHECK(sqlInt(path, "SELECT count(*) FROM score_blocks WHERE fid > " +
                               std::to_string(lastFid)) == 2);
        CHECK(sqlInt(path, "SELECT count(*) FROM score_blocks WHERE fid > " +
                               std::to_string(firstFid) + " AND fid < " +
                               std::to_string(lastFid)) == blockCount - 2);
        CHECK(timelineDifferences(timelineOf(path, crln), scored) == 0);
        CHECK(sqlText(path, "PRAGMA integrity_check") == "ok");
    }
    SECTION("another set's scores and back: the first set's blocks are still its own") {
        const auto extended = compileCriteria(*criteriaFrom(kExtendedFile));
        REQUIRE(rescore(path, extended, aside).ok());
        const std::string theirs =
            "SELECT count(*) FROM score_blocks WHERE set_id = '" + extended.set.id + "'";
        CHECK(sqlInt(path, theirs) > 0);
        REQUIRE(rescore(path, crln, aside).ok());
        CHECK(sqlText(path,
                      "SELECT group_concat(fid || ':' || first_assessment || ':' || "
                      "last_assessment) FROM (SELECT * FROM score_blocks WHERE set_id = '" +
                          crln.set.id + "' ORDER BY fid)") == blocks);
        CHECK(sqlInt(path, theirs) > 0);  // kept as well: scores per set
        CHECK(timelineDifferences(timelineOf(path, crln), scored) == 0);
    }
}
