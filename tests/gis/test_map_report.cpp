// Map reports (issue 9): the PDF holds both pages with Vietnamese text that poppler reads
// back, embeds Noto Sans, and its map is the plain render of the same scenario.
#include <QProcess>
#include <QRegularExpression>
#include <catch2/catch.hpp>
#include <cmath>

#include "core/criteria/criteria_io.h"
#include "core/project/list_rows.h"
#include "core/project/project.h"
#include "core/project/scenario.h"
#include "gis/io/assessment_import.h"
#include "gis/io/site_import.h"
#include "gis/render/map_renderer.h"
#include "gis/report/map_report.h"
#include "sample_report.h"
#include "test_support.h"

using namespace safemap;
using namespace safemap::test;

namespace {

QString run(const QString& program, const QStringList& args) {
    QProcess p;
    p.start(program, args);
    REQUIRE(p.waitForFinished(60000));
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput());
}

int pageCount(const QString& pdf) {
    const auto m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)\\n"))
                       .match(run(QStringLiteral("pdfinfo"), {pdf}));
    REQUIRE(m.hasMatch());
    return m.captured(1).toInt();
}

// Mean absolute difference per channel (0–255) of two images of one size.
double meanDifference(const QImage& a, const QImage& b) {
    REQUIRE(a.size() == b.size());
    const QImage x = a.convertToFormat(QImage::Format_RGB32);
    const QImage y = b.convertToFormat(QImage::Format_RGB32);
    double sum = 0;
    for (int r = 0; r < x.height(); ++r) {
        const auto* p = reinterpret_cast<const QRgb*>(x.constScanLine(r));
        const auto* q = reinterpret_cast<const QRgb*>(y.constScanLine(r));
        for (int c = 0; c < x.width(); ++c)
            sum += std::abs(qRed(p[c]) - qRed(q[c])) + std::abs(qGreen(p[c]) - qGreen(q[c])) +
                   std::abs(qBlue(p[c]) - qBlue(q[c]));
    }
    return sum / (3.0 * x.width() * x.height());
}

}  // namespace

TEST_CASE("the PDF report has the map and list pages with searchable Vietnamese text", "[report]") {
    SampleReport fx;
    const std::string pdf = fx.dir.file("báo cáo.pdf");
    MapReportOptions options;
    options.generatedAt = 1625097600;
    REQUIRE(writeMapReportPdf(pdf, fx.data, options).ok());
    const QString file = QString::fromStdString(pdf);
    const int pages = pageCount(file);
    // The map page and the two full lists (18 and 55 rows with wrapped reasons).
    CHECK(pages >= 3);
    const QString fonts = run(QStringLiteral("pdffonts"), {file});
    INFO(fonts.toStdString());
    CHECK(fonts.contains(QStringLiteral("NotoSans-Regular")));
    CHECK(fonts.contains(QStringLiteral("NotoSans-Bold")));
    // Every font embedded: the "emb" column (after type and encoding) says yes on each line.
    const QStringList lines = fonts.split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(2);
    REQUIRE_FALSE(lines.isEmpty());
    for (const QString& line : lines)
        CHECK(line.contains(QRegularExpression(
            QStringLiteral("Identity-H\\s+yes\\s+(yes|no)\\s+(yes|no)\\s+\\d+"))));

    const QString page1 = run(QStringLiteral("pdftotext"),
                              {QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                               QStringLiteral("1"), file, QStringLiteral("-")});
    CHECK(page1.contains(QString::fromStdString(mapReportDefaultTitle(MapLanguage::Vietnamese))));
    CHECK(page1.contains(QStringLiteral("Tính đến ngày: 30/06/2021")));
    CHECK(page1.contains(QStringLiteral("crln-1203, phiên bản 1")));
    CHECK(page1.contains(QStringLiteral("Chú giải")));
    CHECK(page1.contains(QStringLiteral("Nguy cơ rất cao")));
    // The basemap attribution (the footer may wrap it anywhere).
    CHECK(page1.simplified().contains(QStringLiteral("Open Development Mekong")));
    CHECK(page1.contains(QStringLiteral("Trang 1/") + QString::number(pages)));

    const QString page2 = run(QStringLiteral("pdftotext"),
                              {QStringLiteral("-f"), QStringLiteral("2"), QStringLiteral("-l"),
                               QStringLiteral("2"), file, QStringLiteral("-")});
    CHECK(page2.contains(QStringLiteral("Danh sách cơ sở cần tạm dừng hoạt động")));
    const QString all = run(QStringLiteral("pdftotext"), {file, QStringLiteral("-")});
    CHECK(all.contains(QStringLiteral("Danh sách cơ sở cần kiểm tra")));
    // The first facilities of both lists, diacritics and all.
    const auto suspend = listRows(ActionList::ToSuspend, *fx.data.facts, *fx.data.status);
    const auto inspect = listRows(ActionList::ToInspect, *fx.data.facts, *fx.data.status);
    REQUIRE(suspend.size() >= 2);
    REQUIRE(inspect.size() >= 2);
    // Names may be elided in their column; their first words are not.
    for (std::size_t i = 0; i < 2; ++i) {
        for (const auto* rows : {&suspend, &inspect}) {
            const QString name = QString::fromStdString((*rows)[i].name);
            INFO(name.toStdString());
            CHECK(all.contains(name.left(20)));
        }
        CHECK(page2.contains(QString::fromStdString(suspend[i].name).left(20)));
    }
    CHECK(page2.contains(QStringLiteral("Trang 2/") + QString::number(pages)));
}

TEST_CASE("the report's map is the plain render of the same scenario", "[report]") {
    SampleReport fx;
    MapReportOptions options;
    // 254 dpi: 10 dots a millimetre, so the map frame starts on whole pixels.
    const double dpi = 254;
    const QImage page = mapReportImage(fx.data, options, dpi);
    const MapReportLayout layout = mapReportLayout(reportPaperSize(options.paper));
    CHECK(page.size() == QSize(2970, 2100));
    MapSettings plain = mapReportMapSettings(fx.data, layout.map);
    const QRect frame(static_cast<int>(std::lround(layout.map.x() * 10)),
                      static_cast<int>(std::lround(layout.map.y() * 10)),
                      static_cast<int>(std::lround(layout.map.width() * 10)),
                      static_cast<int>(std::lround(layout.map.height() * 10)));
    plain.devicePixelRatio = static_cast<double>(frame.width()) / plain.outputSize.width();
    const QImage render = renderMap(plain);
    // The middle of the frame: no frame line, scale bar or north arrow.
    const QRect inner(frame.width() / 5, frame.height() / 5, frame.width() * 3 / 5,
                      frame.height() * 3 / 5);
    const QImage fromReport = page.copy(inner.translated(frame.topLeft()));
    const QImage fromRender = render.copy(inner);
    const double same = meanDifference(fromReport, fromRender);
    // A map moved by a quarter of its width differs clearly, so the check can fail.
    MapSettings moved = plain;
    const double shift = (plain.extent.maxX - plain.extent.minX) / 4;
    moved.extent.minX += shift;
    moved.extent.maxX += shift;
    const double other = meanDifference(fromReport, renderMap(moved).copy(inner));
    if (qEnvironmentVariableIsSet("SAFEMAP_REPORT_DEBUG")) {
        fromReport.save(QStringLiteral("/tmp/report/cmp_report.png"));
        fromRender.save(QStringLiteral("/tmp/report/cmp_render.png"));
    }
    INFO("same " << same << ", moved " << other);
    CHECK(same < 0.6);
    CHECK(other > 4 * same);
    CHECK(other > 0.5);
}

TEST_CASE("the report in English, on A3, with a title of one's own", "[report]") {
    SampleReport fx;
    MapReportOptions options;
    options.language = MapLanguage::English;
    options.paper = ReportPaper::A3;
    options.title = "Hà Nam — họp ban chỉ đạo 01/07";
    const std::string pdf = fx.dir.file("a3.pdf");
    REQUIRE(writeMapReportPdf(pdf, fx.data, options).ok());
    const QString file = QString::fromStdString(pdf);
    CHECK(run(QStringLiteral("pdfinfo"), {file}).contains(QStringLiteral("1191 x 842 pts (A3)")));
    const QString text = run(QStringLiteral("pdftotext"), {file, QStringLiteral("-")});
    CHECK(text.contains(QStringLiteral("Hà Nam — họp ban chỉ đạo 01/07")));
    CHECK(text.contains(QStringLiteral("As of: 2021-06-30")));
    CHECK(text.contains(QStringLiteral("Facilities to suspend")));
    CHECK(text.contains(QStringLiteral("Page 2/")));
}

TEST_CASE("a report that cannot be written says where, and leaves nothing", "[report]") {
    SampleReport fx;
    const std::string bad = fx.dir.file("no/such/folder/r.pdf");
    const Status st = writeMapReportPdf(bad, fx.data, {});
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().file.find("no/such/folder") != std::string::npos);
    CHECK_FALSE(writeMapReportPng(fx.dir.file("x.png"), fx.data, {}, 5).ok());
}
