// What each login role is offered in the window (the server enforces it: test_server_roles).
#include <catch2/catch.hpp>

#include "core/project/login_role.h"
#include "project_fixture.h"

using namespace safemap;
using namespace safemap::test;

TEST_CASE("a file's user may start everything; a server role only what it may do",
          "[project][roles]") {
    TempDir dir;
    Project file = projectWith(dir.file("tep.gpkg"), {});
    auto role = loginRole(file);
    REQUIRE(role.ok());
    CHECK(*role == LoginRole::FileUser);
    CHECK(roleLabel(*role, Language::Vietnamese).empty());

    const RoleAllows all = allowedTo(LoginRole::FileUser);
    CHECK((all.importSites && all.importAssessments && all.importInspections &&
           all.chooseCriteria && all.changeRules));
    const RoleAllows official = allowedTo(LoginRole::Official);
    CHECK((official.chooseCriteria && official.changeRules && official.importSites));

    const RoleAllows analyst = allowedTo(LoginRole::Analyst);
    CHECK((analyst.importSites && analyst.importAssessments && analyst.importInspections));
    CHECK_FALSE(analyst.chooseCriteria);
    CHECK_FALSE(analyst.changeRules);

    const RoleAllows inspector = allowedTo(LoginRole::Inspector);
    CHECK(inspector.importInspections);
    CHECK_FALSE(inspector.importSites);
    CHECK_FALSE(inspector.importAssessments);
    CHECK_FALSE(inspector.chooseCriteria);

    const RoleAllows none = allowedTo(LoginRole::NoRole);
    CHECK_FALSE((none.importSites || none.importAssessments || none.importInspections ||
                 none.chooseCriteria || none.changeRules));

    CHECK(roleLabel(LoginRole::Inspector, Language::Vietnamese) == "thanh tra viên");
    CHECK(roleLabel(LoginRole::Analyst, Language::English) == "analyst");
}
