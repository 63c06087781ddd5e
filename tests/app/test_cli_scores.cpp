// safemap scores: one row per facility, agreeing with the suspension list and the as-of date.
#include <QSet>
#include <QStringList>
#include <catch2/catch.hpp>

#include "cli_fixture.h"

using namespace safemap;
using namespace safemap::test;

namespace {

QStringList lines(const QString& csv) {
    return csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
}

// Column `c` of a CSV line without quoted commas (site ids, levels, dates).
QString field(const QString& line, int c) {
    return line.split(QLatin1Char(',')).value(c);
}

}  // namespace

TEST_CASE(
    "safemap scores prints one row per facility; may_operate is no exactly on the "
    "suspension list",
    "[cli]") {
    TempDir dir;
    const QString project = QString::fromStdString(dir.file("sample.gpkg"));
    makeSampleProject(project);
    const QByteArray before = digest(project);

    const CliRun scores = runCli({"scores", project});
    REQUIRE(scores.exitCode == 0);
    const QStringList rows = lines(scores.out);
    REQUIRE(rows.size() > 1);
    CHECK(rows[0] ==
          "site_id,name,percent,level,may_operate,criteria_set,criteria_version,assessed_on");

    const CliRun list = runCli({"list", project, "--suspend", "--no-filter"});
    REQUIRE(list.exitCode == 0);
    QSet<QString> suspended;
    for (const QString& l : lines(list.out).mid(1))
        suspended.insert(field(l, 3));
    REQUIRE_FALSE(suspended.isEmpty());

    QSet<QString> ids;
    int assessed = 0;
    QString previous;
    for (const QString& row : rows.mid(1)) {
        // Names may hold commas (quoted): read the id from the front and the rest from the end.
        const QString id = field(row, 0);
        const QStringList parts = row.split(QLatin1Char(','));
        const int n = static_cast<int>(parts.size());
        const QString percent = parts[n - 6], level = parts[n - 5], mayOperate = parts[n - 4],
                      set = parts[n - 3], version = parts[n - 2], date = parts[n - 1];
        INFO(row.toStdString());
        CHECK(previous < id);  // site id order, each once
        previous = id;
        ids.insert(id);
        CHECK(mayOperate == (suspended.contains(id) ? "no" : "yes"));
        if (!level.isEmpty()) {
            ++assessed;
            CHECK(percent.contains(QLatin1Char('.')));
            CHECK_FALSE(set.isEmpty());
            CHECK(version.toInt() >= 1);
            CHECK(date.size() == 10);
            CHECK(date <= "2021-06-30");
        } else {
            CHECK(percent.isEmpty());
            CHECK(set.isEmpty());
        }
    }
    CHECK(assessed > 0);
    CHECK(ids.size() == rows.size() - 1);
    CHECK(suspended.size() < ids.size());

    // An earlier date sees fewer (or older) assessments: none after it.
    const CliRun early = runCli({"scores", project, "--as-of", "2021-06-05"});
    REQUIRE(early.exitCode == 0);
    const QStringList earlyRows = lines(early.out);
    CHECK(earlyRows.size() == rows.size());
    int earlyAssessed = 0;
    for (const QString& row : earlyRows.mid(1)) {
        const QString date = row.section(QLatin1Char(','), -1);
        if (!date.isEmpty()) {
            ++earlyAssessed;
            CHECK(date <= "2021-06-05");
        }
    }
    CHECK(earlyAssessed < assessed);

    CHECK(digest(project) == before);  // only read
}
