// safemap export and safemap render --format svg (issue 9 item 4), run as a user would: the
// files they write are read back by GDAL's validator and OGR, and the report's default cap
// on long lists says how much it shows.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <catch2/catch.hpp>

#include "cli_fixture.h"

using namespace safemap;
using namespace safemap::test;

namespace {

QString output(const QString& program, const QStringList& args, int* exitCode = nullptr) {
    QProcess p;
    p.start(program, args);
    REQUIRE(p.waitForFinished(120000));
    if (exitCode)
        *exitCode = p.exitCode();
    return QString::fromUtf8(p.readAllStandardOutput()) +
           QString::fromUtf8(p.readAllStandardError());
}

}  // namespace

TEST_CASE("safemap export writes a valid GeoPackage, GeoJSON, XLSX and CSV", "[cli][export]") {
    TempDir dir;
    const QString project = QString::fromStdString(dir.file("sample.gpkg"));
    makeSampleProject(project);
    const QString gpkg = QString::fromStdString(dir.file("co_so.gpkg"));
    const CliRun g = runCli({"export", project, "--list", "all", "--out", gpkg});
    INFO(g.err.toStdString());
    REQUIRE(g.exitCode == 0);
    CHECK(g.out.contains(QStringLiteral("Exported 300 facilities")));
    CHECK(validatorSays(gpkg).isEmpty());
    // ogrinfo reads every facility with its level, Vietnamese names intact.
    const QString info = output(QStringLiteral("ogrinfo"), {"-ro", "-al", "-so", gpkg});
    CHECK(info.contains(QStringLiteral("Feature Count: 300")));
    CHECK(info.contains(QStringLiteral("level: String")));
    const QString sql =
        output(QStringLiteral("ogrinfo"),
               {"-ro", gpkg, "-sql", "SELECT count(*) AS n FROM co_so WHERE level = 'medium'"});
    CHECK(sql.contains(QStringLiteral("n (Integer) = 86")));

    // GeoJSON of the inspection list, its format from the extension.
    const QString geojson = QString::fromStdString(dir.file("kiem_tra.geojson"));
    REQUIRE(runCli({"export", project, "--list", "inspect", "--out", geojson}).exitCode == 0);
    QFile json(geojson);
    REQUIRE(json.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(json.readAll());
    CHECK(text.contains(QStringLiteral("\"type\": \"FeatureCollection\"")));
    CHECK(text.contains(QStringLiteral("Tính đến ngày")));  // the heading as description

    // XLSX under its default, dated Vietnamese name, written in the working directory.
    QProcess p;
    p.setWorkingDirectory(QString::fromStdString(dir.file("")));
    p.start(QStringLiteral(SAFEMAP_BINARY), {"export", project, "--as-of", "2021-06-26"});
    REQUIRE(p.waitForFinished(60000));
    CHECK(p.exitCode() == 0);
    const QString xlsx = QString::fromStdString(dir.file("danh_sach_dinh_chi_2021-06-26.xlsx"));
    REQUIRE(QFile::exists(xlsx));
    const QString sheets = output(QStringLiteral("ogrinfo"), {"-ro", "-q", xlsx});
    CHECK(sheets.indexOf(QStringLiteral("Thông tin")) >= 0);
    CHECK(sheets.indexOf(QStringLiteral("Thông tin")) <
          sheets.indexOf(QStringLiteral("Danh sách")));

    // Wrong format and no such cordon facility: refused, nothing written.
    CHECK(runCli({"export", project, "--format", "shp"}).exitCode == 2);
    const QString none = QString::fromStdString(dir.file("none.xlsx"));
    CHECK(runCli({"export", project, "--cordon", "no-such-site", "--out", none}).exitCode != 0);
    CHECK_FALSE(QFile::exists(none));
    CHECK(QDir(QString::fromStdString(dir.file(""))).entryList({"*.partial*"}).isEmpty());
}

TEST_CASE("safemap render writes an SVG and a PNG of the chosen size and dpi", "[cli][export]") {
    TempDir dir;
    const QString project = QString::fromStdString(dir.file("sample.gpkg"));
    makeSampleProject(project);
    const QString svg = QString::fromStdString(dir.file("map.svg"));
    const CliRun r = runCli({"render", project, "--out", svg, "--width", "1000", "--height", "700",
                             "--legend", "--title-text", "Họp giao ban huyện Duy Tiên"});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    QFile file(svg);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    CHECK(text.contains(QStringLiteral("Họp giao ban huyện Duy Tiên")));
    CHECK(text.contains(QStringLiteral("Chú giải")));
    CHECK(text.count(QStringLiteral("<path")) > 100);
    CHECK_FALSE(text.contains(QStringLiteral("<image")));

    const QString png = QString::fromStdString(dir.file("map.png"));
    REQUIRE(
        runCli({"render", project, "--out", png, "--size", "800x500", "--dpi", "200", "--title"})
            .exitCode == 0);
    const QImage image(png);
    CHECK(image.size() == QSize(800, 500));
    CHECK(std::abs(image.dotsPerMeterX() - 200 / 0.0254) < 2);
    CHECK(runCli({"render", project, "--out", png, "--dpi", "5"}).exitCode == 2);
    CHECK(runCli({"render", project, "--out", png, "--format", "gif"}).exitCode == 2);
}

TEST_CASE("safemap report shows 500 rows of a long list unless told --rows all",
          "[cli][report][export]") {
    TempDir dir;
    const QString project = QString::fromStdString(dir.file("big.gpkg"));
    REQUIRE(runCli({"generate", project, "--factories", "1500", "--zones", "20"}).exitCode == 0);
    const QString pdf = QString::fromStdString(dir.file("r.pdf"));
    const CliRun capped = runCli({"report", project, pdf, "--template", "action-lists"});
    INFO(capped.err.toStdString());
    REQUIRE(capped.exitCode == 0);
    const QString words = output(QStringLiteral("pdftotext"), {pdf, "-"});
    CHECK(words.contains(QStringLiteral("hiển thị 500 trong số")));
    const QString all = QString::fromStdString(dir.file("all.pdf"));
    REQUIRE(
        runCli({"report", project, all, "--template", "action-lists", "--rows", "all"}).exitCode ==
        0);
    CHECK_FALSE(
        output(QStringLiteral("pdftotext"), {all, "-"}).contains(QStringLiteral("hiển thị")));
}
