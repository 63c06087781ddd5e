// Every `safemap` command as a script runs it: output, exit codes (0 done, 1 failed, 2 bad
// usage), and what it does or does not change in the project.
#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <catch2/catch.hpp>

#include "cli_fixture.h"
#include "core/storage/schema.h"

using namespace safemap;
using namespace safemap::test;

namespace {

struct Sample {
    TempDir dir;
    QString project = QString::fromStdString(dir.file("sample.gpkg"));
    Sample() { makeSampleProject(project); }
    QString file(const std::string& name) const { return QString::fromStdString(dir.file(name)); }
};

int dataLines(const QString& csv) {
    return static_cast<int>(csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts).size()) - 1;
}

}  // namespace

TEST_CASE("safemap --help lists every command, and each has its own help", "[cli]") {
    const CliRun help = runCli({"--help"});
    CHECK(help.exitCode == 0);
    const QStringList commands = {"import",
                                  "import-assessments",
                                  "import-inspections",
                                  "score",
                                  "list",
                                  "compare",
                                  "info",
                                  "render",
                                  "generate",
                                  "export"};
    for (const QString& c : commands) {
        INFO(c.toStdString());
        CHECK(help.out.contains(QStringLiteral("  ") + c + QLatin1Char(' ')));
        const CliRun own = runCli({c, "--help"});
        CHECK(own.exitCode == 0);
        CHECK(own.out.startsWith(QStringLiteral("Usage: safemap ") + c));
        const CliRun bad = runCli({c, "--no-such-option", "x.gpkg"});
        CHECK(bad.exitCode == 2);
        CHECK(bad.err.contains(QStringLiteral("--no-such-option")));
    }
    CHECK(runCli({"--version"}).out.startsWith(QStringLiteral("safemap ")));
    CHECK(runCli({"frobnicate"}).exitCode == 2);
    CHECK(runCli({"list"}).exitCode == 2);  // no project
}

TEST_CASE("import refuses a bad file naming row and column and creates no project", "[cli]") {
    TempDir dir;
    const QString project = QString::fromStdString(dir.file("p.gpkg"));
    const QString bad = QString::fromStdString(dir.file("loi.csv"));
    QFile f(bad);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(
        "ma_so_thue,ten_co_so,kinh_do,vi_do,so_lao_dong\n"
        "9922222222,Công ty A,105.9,21.1,250\n"
        "9933333333,Công ty B,105.9,21.1,nhiều\n");
    f.close();
    const CliRun r = runCli({"import", project, bad});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("row 3")));
    CHECK(r.err.contains(QStringLiteral("so_lao_dong")));
    CHECK_FALSE(QFile::exists(project));
}

TEST_CASE("a refused assessment import leaves the project byte for byte as it was", "[cli]") {
    Sample s;
    const QByteArray before = digest(s.project);
    // The broken sample, with a criteria set that would otherwise become active.
    const CliRun r = runCli({"import-assessments", s.project, src("data/assessments/loi_mau.csv"),
                             "--criteria", src("resources/criteria/extended-letters-v1.json")});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("row 3")));
    CHECK(digest(s.project) == before);
    // The same file again adds nothing, and says so.
    const CliRun again =
        runCli({"import-assessments", s.project, src("data/assessments/danh_gia_2021-06.csv")});
    CHECK(again.exitCode == 0);
    CHECK(again.out.contains(
        QStringLiteral("0 new assessments, %1 already present").arg(sampleAssessmentRows())));
}

TEST_CASE("list, compare, render and info only read the project", "[cli]") {
    Sample s;
    const QByteArray before = digest(s.project);

    const CliRun suspend = runCli({"list", s.project, "--suspend"});
    REQUIRE(suspend.exitCode == 0);
    CHECK(suspend.out.startsWith(
        QStringLiteral("rank,priority,this_week,site_id,tax_code,name,zone,district,workers,level,"
                       "percent,assessed_on,reason_codes,reasons,reasons_en,reason_indices\r\n")));
    const int suspendNow = dataLines(suspend.out);
    CHECK(suspendNow > 0);
    CHECK(suspend.out.contains(QStringLiteral("(dữ liệu mẫu)")));

    // As of an earlier day the list is what it was then: no later assessment counts.
    const CliRun earlier =
        runCli({"list", s.project, "--suspend", "--as-of", "2021-06-10", "--format", "json"});
    REQUIRE(earlier.exitCode == 0);
    const QJsonObject json = QJsonDocument::fromJson(earlier.out.toUtf8()).object();
    CHECK(json.value("as_of").toString() == QStringLiteral("2021-06-10"));
    CHECK(json.value("criteria_set").toObject().value("id").toString() ==
          QStringLiteral("crln-1203"));
    const QJsonArray sites = json.value("sites").toArray();
    CHECK(json.value("count").toInt() == sites.size());
    CHECK(sites.size() != suspendNow);
    for (const auto& site : sites) {
        const QString on = site.toObject().value("assessed_on").toString();
        if (!on.isEmpty())
            CHECK(on <= QStringLiteral("2021-06-10"));
    }

    const QString out = s.file("inspect.csv");
    const CliRun inspect =
        runCli({"list", s.project, "--inspect", "--large-workforce", "500", "--out", out});
    CHECK(inspect.exitCode == 0);
    QFile written(out);
    REQUIRE(written.open(QIODevice::ReadOnly));
    CHECK(written.read(3) == QByteArray("\xEF\xBB\xBF"));  // Excel sees UTF-8

    const CliRun compare = runCli(
        {"compare", s.project, "--criteria", src("resources/criteria/extended-letters-v1.json")});
    REQUIRE(compare.exitCode == 0);
    CHECK(compare.out.startsWith(QStringLiteral(
        "site_id,name,level_before,level_after,percent_before,percent_after,suspend_before,"
        "suspend_after,inspect_before,inspect_after\r\n")));
    CHECK(dataLines(compare.out) > 0);
    CHECK(compare.err.contains(QStringLiteral("crln-1203 v1 → extended-letters v1")));

    const QString png = s.file("map.png");
    const CliRun render = runCli({"render", s.project, "--out", png, "--size", "640x400"});
    REQUIRE(render.exitCode == 0);
    const QImage image(png);
    CHECK(image.size() == QSize(640, 400));
    CHECK(runCli({"render", s.project, "--out", png, "--size", "huge"}).exitCode == 2);

    const CliRun info = runCli({"info", s.project});
    CHECK(info.exitCode == 0);
    CHECK(info.out.contains(
        QStringLiteral("Schema version: %1 (this SafeMap writes %1)").arg(latestSchemaVersion())));
    CHECK(info.out.contains(QStringLiteral("Active criteria set: crln-1203@1")));

    CHECK(digest(s.project) == before);  // nothing above wrote to the project
    CHECK(QDir(s.dir.path().c_str()).entryList({"*.partial*", "*-journal"}).isEmpty());
}

TEST_CASE("list reads an older project in memory as it reads a copy upgraded on disk", "[cli]") {
    // The older file is upgraded in memory and read on one connection; the upgraded copy
    // reads its scores on a second connection beside the sites. Same rows either way.
    TempDir dir;
    const QString older = QString::fromStdString(dir.file("older.gpkg"));
    const QString upgraded = QString::fromStdString(dir.file("upgraded.gpkg"));
    const std::string v7 = std::string(SAFEMAP_TEST_DATA) + "/projects/v7-sample.gpkg";
    QFile::copy(QString::fromStdString(v7), older);
    QFile::copy(QString::fromStdString(v7), upgraded);
    const QByteArray before = digest(older);
    REQUIRE(runCli({"score", upgraded}).exitCode == 0);  // its own active set, on disk
    for (const char* list : {"--suspend", "--inspect"}) {
        INFO(list);
        const CliRun inMemory = runCli({"list", older, list});
        const CliRun onDisk = runCli({"list", upgraded, list});
        REQUIRE(inMemory.exitCode == 0);
        REQUIRE(onDisk.exitCode == 0);
        CHECK(inMemory.err.contains(QStringLiteral("older SafeMap")));
        CHECK_FALSE(onDisk.err.contains(QStringLiteral("older SafeMap")));
        CHECK(dataLines(inMemory.out) > 0);
        CHECK(inMemory.out == onDisk.out);
    }
    CHECK(digest(older) == before);
}

TEST_CASE("score makes another set active and prints facilities per level", "[cli]") {
    Sample s;
    const CliRun r = runCli(
        {"score", s.project, "--criteria", src("resources/criteria/extended-letters-v1.json")});
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.contains(QStringLiteral("Scored %1 assessments with extended-letters v1")
                             .arg(sampleAssessmentRows())));
    int total = 0;
    for (const QString& line : r.out.split('\n'))
        if (line.startsWith(QStringLiteral("  ")))
            total += line.section(' ', -1).toInt();
    CHECK(total == 300);  // every facility counted once (the sample has 300)
    CHECK(runCli({"info", s.project}).out.contains(QStringLiteral("extended-letters@1")));
    // A criteria file that is not valid changes nothing.
    const QByteArray before = digest(s.project);
    CHECK(runCli({"score", s.project, "--criteria", src("tests/data/criteria/bad-syntax.json")})
              .exitCode == 1);
    CHECK(digest(s.project) == before);
}

TEST_CASE("generate makes a synthetic project the other commands read", "[cli]") {
    TempDir dir;
    const QString p = QString::fromStdString(dir.file("gen.gpkg"));
    const CliRun r = runCli({"generate", p, "--factories", "500", "--zones", "10"});
    REQUIRE(r.exitCode == 0);
    CHECK(runCli({"info", p}).out.contains(QStringLiteral("factories")));
    CHECK(runCli({"generate", p}).exitCode == 1);  // never overwrites without --force
}
