// safemap package sheets (issue 10): one printable page per facility of a field package,
// checked as a user would (pdfinfo, pdffonts, pdftotext).
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <catch2/catch.hpp>

#include "cli_fixture.h"
#include "core/project/facility_sheets.h"
#include "core/project/project.h"
#include "gis/report/facility_sheets_pdf.h"

using namespace safemap;
using namespace safemap::test;

namespace {

QString toolOutput(const QString& tool, const QStringList& args) {
    QProcess p;
    p.start(tool, args);
    REQUIRE(p.waitForFinished(60000));
    return QString::fromUtf8(p.readAllStandardOutput());
}

}  // namespace

TEST_CASE("safemap package sheets prints one page per facility, in route order",
          "[cli][field][sheets]") {
    TempDir dir;
    const QString master = QString::fromStdString(dir.file("tinh.gpkg"));
    makeSampleProject(master);
    const QString package = QString::fromStdString(dir.file("duy_tien.gpkg"));
    REQUIRE(runCli({"package", "create", master, "--out", package, "--list", "inspect",
                    "--district", "Duy Tien", "--top", "4", "--start", "105.9120,20.5410"})
                .exitCode == 0);
    // One facility already inspected in the field: the sheet lists it among past inspections.
    const CliRun listed = runCli({"list", package, "--inspect", "--no-filter"});
    REQUIRE(listed.exitCode == 0);
    const QString site = listed.out.split('\n').at(1).split(',').at(3);
    REQUIRE(runCli({"inspect", package, "--site", site, "--date", "2021-07-02", "--inspector",
                    "Trần Thị Bình", "--outcome", "fix", "--fix-by", "2021-07-16"})
                .exitCode == 0);
    const QByteArray before = digest(package);

    const QString pdf = QString::fromStdString(dir.file("phiếu.pdf"));
    const CliRun sheets = runCli({"package", "sheets", package, "--out", pdf, "--language", "vi"});
    INFO(sheets.err.toStdString());
    REQUIRE(sheets.exitCode == 0);
    CHECK(sheets.out.contains("4 facility sheets"));
    CHECK(digest(package) == before);

    CHECK(toolOutput("pdfinfo", {pdf}).contains(QRegularExpression("Pages:\\s+4\\b")));
    const QString fonts = toolOutput("pdffonts", {pdf});
    CHECK(fonts.contains("NotoSans"));
    // Every font is embedded (the "emb" column of each font line says yes).
    for (const QString& line : fonts.split('\n').mid(2))
        if (!line.trimmed().isEmpty())
            CHECK(line.contains(
                QRegularExpression("\\byes\\s+(yes|no)\\s+(yes|no)\\s+\\d+\\s+\\d+\\s*$")));

    auto project = Project::open(package.toStdString(), Project::Access::ReadOnly);
    REQUIRE(project);
    auto data = facilitySheetsOf(*project, Language::Vietnamese);
    REQUIRE(data);
    REQUIRE(data->sheets.size() == 4);
    // Stops 1, 2, 3, 4 in order, each on its own page with its name.
    for (std::size_t i = 0; i < 4; ++i) {
        REQUIRE(data->sheets[i].stop);
        CHECK(*data->sheets[i].stop == static_cast<int>(i) + 1);
        const QString page = toolOutput(
            "pdftotext", {"-f", QString::number(i + 1), "-l", QString::number(i + 1), pdf, "-"});
        INFO(page.toStdString());
        CHECK(page.contains(QString::fromStdString(data->sheets[i].factory.name)));
        CHECK(page.contains(QStringLiteral("Điểm dừng %1").arg(i + 1)));
        CHECK(page.contains(QStringLiteral("KẾT QUẢ KIỂM TRA")));
        CHECK(page.contains(QStringLiteral("Đề xuất tạm dừng hoạt động")));
        CHECK(page.contains(QStringLiteral("ĐẠI DIỆN CƠ SỞ")));
        // The findings form asks about the set's mandatory measures, by their labels.
        REQUIRE(data->measures.size() == 2);
        for (const std::string& m : data->measures)
            CHECK(page.contains(QString::fromStdString(m).left(30)));
        if (data->sheets[i].latest) {
            // The latest assessment, index by index, in the set's words.
            CHECK(page.contains(QStringLiteral("Số người lao động làm việc cùng thời điểm")));
            for (const SheetIndexRow& r : data->sheets[i].latest->rows)
                if (!r.answer.empty())
                    CHECK(page.contains(QString::fromStdString(r.answer).left(20)));
        }
    }
    // The inspection recorded in the field is on its facility's sheet.
    bool found = false;
    for (std::size_t i = 0; i < 4; ++i)
        if (QString::fromStdString(data->sheets[i].factory.id) == site) {
            REQUIRE(!data->sheets[i].inspections.empty());
            CHECK(data->sheets[i].inspections.front().inspector == "Trần Thị Bình");
            CHECK(data->sheets[i].inspections.front().outcome == "khắc phục");
            const QString page = toolOutput("pdftotext", {"-f", QString::number(i + 1), "-l",
                                                          QString::number(i + 1), pdf, "-"});
            CHECK(page.contains(QStringLiteral("Trần Thị Bình — khắc phục")));
            found = true;
        }
    CHECK(found);

    SECTION("in English") {
        const QString en = QString::fromStdString(dir.file("sheets_en.pdf"));
        REQUIRE(runCli({"package", "sheets", package, "--out", en, "--language", "en"}).exitCode ==
                0);
        const QString words = toolOutput("pdftotext", {en, "-"});
        CHECK(words.contains("FACILITY INSPECTION SHEET"));
        CHECK(words.contains("Propose suspension"));
    }
    SECTION("usage errors and a missing package") {
        CHECK(runCli({"package", "sheets", package}).exitCode == 2);
        CHECK(runCli({"package", "sheets", package, "--out", pdf, "--language", "fr"}).exitCode ==
              2);
        CHECK(runCli({"package", "sheets", QString::fromStdString(dir.file("none.gpkg")), "--out",
                      QString::fromStdString(dir.file("x.pdf"))})
                  .exitCode == 1);
        CHECK_FALSE(QFile::exists(QString::fromStdString(dir.file("x.pdf"))));
    }
    SECTION("no facility, no file") {
        const std::string empty = dir.file("empty.pdf");
        auto st = writeFacilitySheetsPdf(empty, FacilitySheets{}, {}, FacilitySheetsOptions{});
        REQUIRE_FALSE(st);
        CHECK(st.error().code == "sheets.no_facilities");
        CHECK_FALSE(QFile::exists(QString::fromStdString(empty)));
    }
}
