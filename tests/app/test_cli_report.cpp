// safemap list --heading and safemap report (issue 9), run as a user would.
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
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

TEST_CASE("safemap report writes the PDF and the PNG of the map page, and only reads",
          "[cli][report]") {
    ReportSample s;
    const QByteArray before = digest(s.project);
    const QString pdf = s.file("báo cáo.pdf");
    const CliRun report = runCli({"report", s.project, pdf, "--title", "Họp ban chỉ đạo tỉnh",
                                  "--as-of", "2021-06-20", "--paper", "a3"});
    INFO(report.err.toStdString());
    REQUIRE(report.exitCode == 0);
    CHECK(report.out.contains(QStringLiteral("as of 2021-06-20")));
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    REQUIRE(text.waitForFinished(60000));
    const QString words = QString::fromUtf8(text.readAllStandardOutput());
    CHECK(words.contains(QStringLiteral("Họp ban chỉ đạo tỉnh")));
    CHECK(words.contains(QStringLiteral("20/06/2021")));
    CHECK(words.contains(QStringLiteral("Danh sách cơ sở cần kiểm tra")));
    QProcess info;
    info.start(QStringLiteral("pdfinfo"), {pdf});
    REQUIRE(info.waitForFinished(60000));
    CHECK(QString::fromUtf8(info.readAllStandardOutput()).contains(QStringLiteral("(A3)")));

    const QString png = s.file("map.png");
    REQUIRE(runCli({"report", s.project, "--out", png, "--dpi", "100"}).exitCode == 0);
    const QImage image(png);
    // A4 landscape at 100 dpi: 297 × 210 mm.
    CHECK(image.width() == 1169);
    CHECK(image.height() == 827);
    CHECK(digest(s.project) == before);

    CHECK(runCli({"report", s.project, s.file("r.docx")}).exitCode == 2);
    CHECK(runCli({"report", s.project, pdf, "--paper", "a5"}).exitCode == 2);
    CHECK(runCli({"report", s.project, png, "--dpi", "5"}).exitCode == 2);
    const CliRun missing = runCli({"report", s.file("none.gpkg"), pdf});
    CHECK(missing.exitCode == 1);
    CHECK(runCli({"report", s.project, pdf, "--orientation", "sideways"}).exitCode == 2);
    CHECK(runCli({"report", s.project, pdf, "--rows", "0"}).exitCode == 2);
    CHECK(runCli({"report", s.project, pdf, "--rows", "-3"}).exitCode == 2);
}

TEST_CASE("safemap report on a portrait sheet, with a few rows of each list", "[cli][report]") {
    ReportSample s;
    const QString pdf = s.file("portrait.pdf");
    const CliRun report =
        runCli({"report", s.project, pdf, "--orientation", "portrait", "--rows", "2"});
    INFO(report.err.toStdString());
    REQUIRE(report.exitCode == 0);
    // Two rows of each list fit on the page after the map.
    CHECK(report.out.contains(QStringLiteral("2 pages")));
    QProcess info;
    info.start(QStringLiteral("pdfinfo"), {pdf});
    REQUIRE(info.waitForFinished(60000));
    const QString meta = QString::fromUtf8(info.readAllStandardOutput());
    CHECK(meta.contains(QStringLiteral("595 x 842 pts (A4)")));
    CHECK(meta.contains(QRegularExpression(QStringLiteral("Pages:\\s+2\\n"))));
}

TEST_CASE("safemap report --template: built in or a file; a bad one names its field",
          "[cli][report]") {
    ReportSample s;
    auto textOf = [](const QString& pdf) {
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        REQUIRE(text.waitForFinished(60000));
        return QString::fromUtf8(text.readAllStandardOutput());
    };
    const QString lists = s.file("lists.pdf");
    const CliRun actionLists =
        runCli({"report", s.project, lists, "--template", "action-lists", "--language", "vi"});
    INFO(actionLists.err.toStdString());
    REQUIRE(actionLists.exitCode == 0);
    const QString words = textOf(lists);
    // No map page: the first page is the list to suspend.
    CHECK_FALSE(words.contains(QStringLiteral("Chú giải")));
    CHECK(words.contains(QStringLiteral("Danh sách cơ sở cần tạm dừng hoạt động")));

    // A file of one's own: the inspection list's first 3 rows on an A3 sheet, no map.
    QFile file(s.file("mẫu.json"));
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "safemap-report-template", "version": 1, "name": "ba dòng",
                   "title": "Kiểm tra tuần này", "paper": "a3",
                   "lists": [{"list": "inspect", "rows": 3}]})");
    file.close();
    const QString mine = s.file("mine.pdf");
    const CliRun own = runCli({"report", s.project, mine, "--template", file.fileName()});
    INFO(own.err.toStdString());
    REQUIRE(own.exitCode == 0);
    CHECK(own.out.contains(QStringLiteral("1 page)")));
    const QString ownWords = textOf(mine);
    CHECK(ownWords.contains(QStringLiteral("Kiểm tra tuần này")));
    CHECK_FALSE(ownWords.contains(QStringLiteral("cần tạm dừng")));

    QFile bad(s.file("bad.json"));
    REQUIRE(bad.open(QIODevice::WriteOnly));
    bad.write(R"({"format": "safemap-report-template", "version": 1, "name": "x",
                  "blocks": [{"block": "map", "x": 0.5, "y": 0, "width": 0.6, "height": 1}]})");
    bad.close();
    const CliRun refused =
        runCli({"report", s.project, s.file("bad.pdf"), "--template", bad.fileName()});
    CHECK(refused.exitCode == 1);
    CHECK(refused.err.contains(QStringLiteral("blocks[0].width")));
    CHECK_FALSE(QFile::exists(s.file("bad.pdf")));
}
