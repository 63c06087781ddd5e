// safemap list --heading and safemap report (issue 9), run as a user would.
#include <QFile>
#include <QImage>
#include <QProcess>
#include <catch2/catch.hpp>

#include "cli_fixture.h"

using namespace safemap;
using namespace safemap::test;

namespace {

struct ReportSample {
    TempDir dir;
    QString project = QString::fromStdString(dir.file("sample.gpkg"));
    ReportSample() { makeSampleProject(project); }
    QString file(const std::string& name) const { return QString::fromStdString(dir.file(name)); }
};

}  // namespace

TEST_CASE("safemap list --heading writes as of, criteria set and filter above the table",
          "[cli][report]") {
    ReportSample s;
    const CliRun plain = runCli(
        {"list", s.project, "--suspend", "--filter", R"({"version":1,"districts":["Duy Tiên"]})"});
    REQUIRE(plain.exitCode == 0);
    const CliRun headed =
        runCli({"list", s.project, "--suspend", "--filter",
                R"({"version":1,"districts":["Duy Tiên"]})", "--as-of", "2021-06-20", "--heading"});
    REQUIRE(headed.exitCode == 0);
    const QStringList lines = headed.out.split(QStringLiteral("\r\n"));
    REQUIRE(lines.size() > 8);
    CHECK(lines[0] == QStringLiteral("Danh sách cơ sở cần tạm dừng hoạt động"));
    CHECK(headed.out.contains(QStringLiteral("Tính đến ngày,20/06/2021\r\n")));
    CHECK(headed.out.contains(QStringLiteral("Bộ tiêu chí,")));
    CHECK(headed.out.contains(QStringLiteral("crln-1203, phiên bản 1")));
    CHECK(headed.out.contains(QStringLiteral("Bộ lọc,")));
    CHECK(lines.filter(QStringLiteral("Bộ lọc,")).first().contains(QStringLiteral("Duy Tiên")));
    // The table follows the first empty row, in the same form as without the heading.
    const qsizetype blank = headed.out.indexOf(QStringLiteral("\r\n\r\n"));
    REQUIRE(blank > 0);
    CHECK(headed.out.mid(blank + 4).startsWith(QStringLiteral("rank,priority,this_week,")));

    const CliRun english =
        runCli({"list", s.project, "--inspect", "--heading", "--language", "en"});
    REQUIRE(english.exitCode == 0);
    CHECK(english.out.startsWith(QStringLiteral("Facilities due for inspection\r\nAs of,")));
    CHECK(runCli({"list", s.project, "--inspect", "--language", "fr"}).exitCode == 2);
}
