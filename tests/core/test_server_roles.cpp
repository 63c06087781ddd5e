// Roles enforced by PostgreSQL itself (grants and row-level security, migration 2 of
// core/storage/pg/pg_schema.cpp): each test logs in as an official, an analyst or an
// inspector with a real password over TCP, and shows that a forbidden row can be neither
// read nor written, through SafeMap or by hand-written SQL. Skipped without SAFEMAP_TEST_PG.
#include <catch2/catch.hpp>

#include "core/project/criteria_use.h"
#include "core/project/imports.h"
#include "core/project/project.h"
#include "core/project/project_facts.h"
#include "core/project/project_settings.h"
#include "core/project/scenario.h"
#include "core/scoring/compiled_criteria.h"
#include "pg_fixture.h"
#include "project_fixture.h"

using namespace safemap;
using namespace safemap::test;

namespace {

const std::vector<std::string> kInspectionHeader = {"ma_so_thue", "ngay_kiem_tra", "nguoi_kiem_tra",
                                                    "dat_yeu_cau", "ket_luan"};

/// A province's server project: facility 1 in Duy Tiên, 2 in Kim Bảng, 3 in Phủ Lý, each
/// assessed and inspected once; three people who log in with their own passwords.
struct Province {
    PgLogins logins;
    PgDatabases databases;
    std::string db = databases.create();
    std::string official = logins.add("official", "safemap_official", "mk-chinh-thuc");
    std::string analyst = logins.add("analyst", "safemap_analyst", "mk-phan-tich");
    std::string inspector = logins.add("inspector", "safemap_inspector", "mk-kiem-tra");

    Province() {
        auto factories = threeFactories();
        factories[0].district = "Duy Tiên";
        factories[1].district = "Kim Bảng";
        factories[2].district = "Phủ Lý";
        Project project = projectWith(pgAdminUrl(db), factories);
        AssessmentImportRequest request;
        request.fallback = criteriaFrom(kCrlnFile);
        REQUIRE(importAssessments(project,
                                  assessmentsOn({{"9900000001", "2021-06-01"},
                                                 {"9900000002", "2021-06-01"},
                                                 {"9900000003", "2021-06-01"}}),
                                  request)
                    .ok());
        REQUIRE(importInspections(project,
                                  tableOf(kInspectionHeader,
                                          {{"9900000001", "2021-06-10", "Đoàn 1", "có", ""},
                                           {"9900000002", "2021-06-10", "Đoàn 2", "không", ""}}))
                    .ok());
        pgAdminExec(db, "INSERT INTO inspector_districts VALUES ('" + inspector + "', 'Duy Tiên')");
    }
    std::string url(const std::string& who) const {
        const std::string password = who == official  ? "mk-chinh-thuc"
                                     : who == analyst ? "mk-phan-tich"
                                                      : "mk-kiem-tra";
        return pgUserUrl(db, who, password);
    }
    /// One number as the server's administrator sees it (row security does not apply).
    long long adminCount(const std::string& sql) const {
        auto c = pgConnect(pgAdminUrl(db));
        auto r = c.query(sql);
        INFO((r.ok() ? std::string() : r.error().describe()));
        REQUIRE(r.ok());
        return r->integer(0, 0);
    }
};

/// Runs hand-written SQL as a role and returns its SQLSTATE ("" when it went through).
std::string refusal(const PgConnection& c, const std::string& sql) {
    auto st = c.exec(sql);
    return st.ok() ? std::string() : sqlState(st.error());
}

}  // namespace

TEST_CASE("an inspector reads and records only in its own districts, even by hand-written SQL",
          "[postgresql][roles]") {
    if (!postgresAvailable()) {
        WARN(kNoPostgres);
        return;
    }
    Province p;
    auto project = Project::open(p.url(p.inspector));
    REQUIRE(project.ok());
    auto& repo = project->repository();
    const auto factories = repo.factories();
    REQUIRE(factories.ok());
    REQUIRE(factories->size() == 1);
    CHECK(factories->front().id == "MST-9900000001");
    CHECK(repo.inspections().value().size() == 1);
    CHECK(repo.assessmentsOf("MST-9900000002").value().empty());
    CHECK(repo.assessmentCount().value() == 1);
    auto timeline = repo.scoreTimeline(compileCriteria(*criteriaFrom(kCrlnFile)));
    REQUIRE(timeline.ok());
    CHECK(timeline->of("MST-9900000002").empty());
    CHECK(timeline->of("MST-9900000001").size() == 1);
    // The lists are made from what the inspector may see.
    auto evaluated = evaluateScenario(*project, Scenario{});
    REQUIRE(evaluated.ok());
    CHECK(evaluated->status.sites.size() == 1);

    // Recording in its district goes through; a facility elsewhere does not exist for it.
    auto mine = importInspections(
        *project,
        tableOf(kInspectionHeader, {{"9900000001", "2021-06-20", "Kiểm tra viên", "có", ""}}));
    INFO((mine.ok() ? std::string() : mine.error().describe()));
    REQUIRE(mine.ok());
    CHECK(mine->inserted == 1);
    auto elsewhere = importInspections(
        *project, tableOf(kInspectionHeader, {{"9900000002", "2021-06-20", "KTV", "có", ""}}));
    CHECK_FALSE(elsewhere.ok());

    // Hand-written SQL with the inspector's own login.
    auto sql = pgConnect(p.url(p.inspector));
    CHECK(sql.query("SELECT count(*) FROM factories")->integer(0, 0) == 1);
    CHECK(sql.query("SELECT count(*) FROM inspections WHERE site_id <> 'MST-9900000001'")
              ->integer(0, 0) == 0);
    CHECK(sql.query("SELECT count(*) FROM assessments")->integer(0, 0) == 1);
    CHECK(sql.query("SELECT count(*) FROM scores")->integer(0, 0) == 1);
    CHECK(sql.query("SELECT count(*) FROM inspector_districts")->integer(0, 0) == 1);
    CHECK(refusal(sql,
                  "INSERT INTO inspections (site_id, inspected_on, measures_ok) VALUES "
                  "('MST-9900000002', '2021-07-01', true)") == "42501");
    CHECK(refusal(sql, "UPDATE factories SET name = 'x'") == "42501");
    // An inspector corrects and removes its own records' rows (schema 3): the server lets
    // it update and delete inspections, but row security leaves it none of the others.
    CHECK(sql.query("UPDATE inspections SET finding = 'x' RETURNING 1")->rows() == 0);
    CHECK(sql.query("DELETE FROM inspections RETURNING 1")->rows() == 0);
    CHECK(refusal(sql, "DELETE FROM assessments") == "42501");
    CHECK(refusal(sql, "INSERT INTO inspector_districts VALUES (current_user, 'Kim Bảng')") ==
          "42501");
    CHECK(refusal(sql, "SELECT * FROM change_log") == "42501");
    CHECK(refusal(sql, "ALTER TABLE factories DISABLE ROW LEVEL SECURITY") == "42501");
    CHECK(refusal(sql, "UPDATE safemap_meta SET value = 'x'") == "42501");
    // Nothing of the other districts changed.
    CHECK(p.adminCount("SELECT count(*) FROM inspections") == 3);
    CHECK(p.adminCount("SELECT count(*) FROM inspections WHERE site_id = 'MST-9900000002'") == 1);
    CHECK(p.adminCount("SELECT count(*) FROM factories WHERE name = 'x'") == 0);
}

TEST_CASE("an analyst imports and reads everything but does not choose criteria or rules",
          "[postgresql][roles]") {
    if (!postgresAvailable()) {
        WARN(kNoPostgres);
        return;
    }
    Province p;
    auto project = Project::open(p.url(p.analyst));
    REQUIRE(project.ok());
    auto& repo = project->repository();
    CHECK(repo.factories().value().size() == 3);
    CHECK(repo.inspections().value().size() == 2);

    SiteBatch renamed;
    renamed.factories = repo.factories().value();
    renamed.factories[2].name = "Cơ sở 3 (đổi tên)";
    auto sites = importSites(*project, renamed, "co_so.csv");
    INFO((sites.ok() ? std::string() : sites.error().describe()));
    REQUIRE(sites.ok());
    CHECK(sites->updated == 1);
    AssessmentImportRequest request;  // under the active set, chosen by the official
    auto assessed =
        importAssessments(*project, assessmentsOn({{"9900000002", "2021-06-15"}}, true), request);
    INFO((assessed.ok() ? std::string() : assessed.error().describe()));
    REQUIRE(assessed.ok());
    CHECK(p.adminCount("SELECT count(*) FROM scores") == 4);
    CHECK(p.adminCount("SELECT count(*) FROM import_log WHERE imported_by = '" + p.analyst + "'") ==
          2);

    // Choosing the criteria set or the rules of the lists is refused by the server.
    auto activated = activateCriteriaSet(*project, *criteriaFrom(kExtendedFile));
    REQUIRE_FALSE(activated.ok());
    CHECK(sqlState(activated.error()) == "42501");
    CHECK(repo.activeCriteria().value() == CriteriaRef{"crln-1203", 1});
    ProjectSettings rules;
    rules.rules.largeWorkforce = 10;
    CHECK_FALSE(saveProjectSettings(*project, rules).ok());
    CHECK(p.adminCount("SELECT count(*) FROM safemap_meta WHERE key LIKE 'rules.%'") == 0);

    auto sql = pgConnect(p.url(p.analyst));
    CHECK(refusal(sql,
                  "INSERT INTO criteria_sets (set_id, version, definition) VALUES "
                  "('x', 1, '{}')") == "42501");
    CHECK(refusal(sql, "DELETE FROM scores") == "42501");
    CHECK(refusal(sql, "INSERT INTO safemap_meta VALUES ('rules.large-workforce', '1')") ==
          "42501");
    // The active set's row is not the analyst's to change: the update finds nothing.
    CHECK(sql.query("UPDATE safemap_meta SET value = 'x@1' WHERE key = 'criteria.active' "
                    "RETURNING 1")
              ->rows() == 0);
    CHECK(refusal(sql,
                  "UPDATE import_log SET source_file = 'x' WHERE imported_by <> "
                  "current_user RETURNING 1") == "");
    CHECK(p.adminCount("SELECT count(*) FROM import_log WHERE source_file = 'x'") == 0);
    CHECK(p.adminCount("SELECT count(*) FROM safemap_meta WHERE key = 'criteria.active' AND "
                       "value = 'crln-1203@1'") == 1);
}

TEST_CASE("an official chooses criteria sets and rules, and assigns districts to inspectors",
          "[postgresql][roles]") {
    if (!postgresAvailable()) {
        WARN(kNoPostgres);
        return;
    }
    Province p;
    auto project = Project::open(p.url(p.official));
    REQUIRE(project.ok());
    auto activated = activateCriteriaSet(*project, *criteriaFrom(kExtendedFile));
    INFO((activated.ok() ? std::string() : activated.error().describe()));
    REQUIRE(activated.ok());
    CHECK(project->repository().activeCriteria().value() == CriteriaRef{"extended-letters", 1});
    ProjectSettings rules;
    rules.rules.largeWorkforce = 700;
    REQUIRE(saveProjectSettings(*project, rules).ok());
    CHECK(loadProjectSettings(*project)->rules.largeWorkforce == 700);

    auto sql = pgConnect(p.url(p.official));
    REQUIRE(sql.exec("INSERT INTO inspector_districts VALUES ('" + p.inspector + "', 'Kim Bảng')")
                .ok());
    auto inspector = Project::open(p.url(p.inspector));
    REQUIRE(inspector.ok());
    CHECK(inspector->repository().factories().value().size() == 2);
}
