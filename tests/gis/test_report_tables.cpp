// Report tables (issue 9): the action lists continue over as many pages as they need, with
// the table's title and column header repeated, numbered pages and the sources in the
// footer, on A4 and A3, portrait and landscape.
#include <QProcess>
#include <QRegularExpression>
#include <catch2/catch.hpp>

#include "core/criteria/criteria_io.h"
#include "core/project/list_rows.h"
#include "core/project/project.h"
#include "core/project/scenario.h"
#include "core/report/report_template.h"
#include "gis/io/assessment_import.h"
#include "gis/io/site_import.h"
#include "gis/report/map_report.h"
#include "gis/report/report_charts.h"
#include "gis/report/report_tables.h"
#include "sample_report.h"
#include "test_support.h"

using namespace safemap;
using namespace safemap::test;

namespace {

QString run(const QStringList& args) {
    QProcess p;
    p.start(args.front(), args.mid(1));
    REQUIRE(p.waitForFinished(60000));
    REQUIRE(p.exitCode() == 0);
    return QString::fromUtf8(p.readAllStandardOutput());
}

int tablePageCount(const QString& pdf) {
    const auto m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)\\n"))
                       .match(run({QStringLiteral("pdfinfo"), pdf}));
    REQUIRE(m.hasMatch());
    return m.captured(1).toInt();
}

QString pageText(const QString& pdf, int page) {
    const QString n = QString::number(page);
    return run({QStringLiteral("pdftotext"), QStringLiteral("-f"), n, QStringLiteral("-l"), n, pdf,
                QStringLiteral("-")});
}

// The first words of a name (a long one wraps inside its cell).
QString startOf(const std::string& name) {
    return QString::fromStdString(name).section(QLatin1Char(' '), 0, 2);
}

// A table of `n` rows of the given heights (mm), cycled.
report::ReportTable tableOf(std::size_t n, std::vector<double> heights, std::size_t total = 0) {
    report::ReportTable t;
    t.headerMm = 5;
    t.total = total == 0 ? n : total;
    for (std::size_t i = 0; i < n; ++i) {
        report::TableRow row;
        row.cells[0] = QString::number(i + 1);
        row.heightMm = heights[i % heights.size()];
        t.rows.push_back(row);
    }
    return t;
}

}  // namespace

TEST_CASE("table pages hold every row once, in order, within the page", "[report]") {
    const std::vector<report::ReportTable> tables{tableOf(95, {4.4, 8, 12.5}), tableOf(0, {4}),
                                                  tableOf(40, {4.4}, 500)};
    const double body = 150;
    const auto pages = report::paginateTables(tables, body);
    REQUIRE(pages.size() > 3);
    std::vector<std::size_t> next(tables.size(), 0);
    std::vector<int> closes(tables.size(), 0);
    for (std::size_t pg = 0; pg < pages.size(); ++pg) {
        INFO("page " << pg);
        REQUIRE_FALSE(pages[pg].empty());
        double used = 0;
        for (std::size_t s = 0; s < pages[pg].size(); ++s) {
            const report::TableSlice& slice = pages[pg][s];
            // Rows follow on from where the table stopped; a continued table says so.
            CHECK(slice.first == next[slice.table]);
            CHECK(slice.continued == (slice.first > 0));
            used += (s > 0 ? 6 : 0) + 7 + tables[slice.table].headerMm;
            for (std::size_t i = slice.first; i < slice.first + slice.count; ++i)
                used += tables[slice.table].rows[i].heightMm;
            next[slice.table] += slice.count;
            closes[slice.table] += slice.closes ? 1 : 0;
            if (slice.closes)
                CHECK(next[slice.table] == tables[slice.table].rows.size());
        }
        CHECK(used <= body + 1e-9);
    }
    for (std::size_t t = 0; t < tables.size(); ++t) {
        CHECK(next[t] == tables[t].rows.size());
        CHECK(closes[t] == 1);
    }
}

TEST_CASE("the action lists continue over as many pages as they need", "[report]") {
    SampleReport fx;
    const auto suspend = listRows(ActionList::ToSuspend, *fx.data.facts, *fx.data.status);
    const auto inspect = listRows(ActionList::ToInspect, *fx.data.facts, *fx.data.status);
    REQUIRE(inspect.size() > 40);
    MapReportOptions options;
    options.generatedAt = 1625097600;

    options.listRowLimit = 3;
    const QString shortPdf = QString::fromStdString(fx.dir.file("short.pdf"));
    REQUIRE(writeMapReportPdf(shortPdf.toStdString(), fx.data, options).ok());
    const int shortPages = tablePageCount(shortPdf);
    CHECK(shortPages == 2);
    CHECK(run({QStringLiteral("pdftotext"), shortPdf, QStringLiteral("-")})
              .contains(QStringLiteral("… và ") + QString::number(inspect.size() - 3) +
                        QStringLiteral(" cơ sở khác")));

    options.listRowLimit = 0;
    const QString fullPdf = QString::fromStdString(fx.dir.file("full.pdf"));
    REQUIRE(writeMapReportPdf(fullPdf.toStdString(), fx.data, options).ok());
    const int pages = tablePageCount(fullPdf);
    CHECK(pages > shortPages + 1);
    // The last rows of both lists are printed, and the last page holds the last row.
    CHECK(run({QStringLiteral("pdftotext"), fullPdf, QStringLiteral("-")})
              .contains(startOf(suspend.back().name)));
    const QString last = pageText(fullPdf, pages);
    CHECK(last.contains(startOf(inspect.back().name)));
    CHECK(last.contains(QStringLiteral("Danh sách cơ sở cần kiểm tra (55 cơ sở) — tiếp theo")));
    // Every page of tables repeats the column header; every page is numbered of all and
    // names its sources.
    for (int page = 1; page <= pages; ++page) {
        INFO("page " << page);
        const QString text = pageText(fullPdf, page);
        if (page > 1)
            CHECK(text.contains(QStringLiteral("Lý do")));
        CHECK(text.contains(QStringLiteral("Trang %1/%2").arg(page).arg(pages)));
        CHECK(text.contains(QStringLiteral("Nguồn: dữ liệu dự án «Hà Nam»")));
    }
}

TEST_CASE("the report on A4 and A3, portrait and landscape", "[report]") {
    SampleReport fx;
    const auto inspect = listRows(ActionList::ToInspect, *fx.data.facts, *fx.data.status);
    struct Case {
        ReportPaper paper;
        ReportOrientation orientation;
        const char* size;
    };
    int a4Portrait = 0, a3Landscape = 0, n = 0;
    for (const Case& c :
         {Case{ReportPaper::A4, ReportOrientation::Portrait, "595 x 842 pts (A4)"},
          Case{ReportPaper::A4, ReportOrientation::Landscape, "842 x 595 pts (A4)"},
          Case{ReportPaper::A3, ReportOrientation::Portrait, "842 x 1191 pts (A3)"},
          Case{ReportPaper::A3, ReportOrientation::Landscape, "1191 x 842 pts (A3)"}}) {
        INFO(c.size);
        MapReportOptions options;
        options.paper = c.paper;
        options.orientation = c.orientation;
        options.language = MapLanguage::English;
        const QString pdf = QString::fromStdString(fx.dir.file(numbered("r", ++n) + ".pdf"));
        REQUIRE(writeMapReportPdf(pdf.toStdString(), fx.data, options).ok());
        CHECK(run({QStringLiteral("pdfinfo"), pdf}).contains(QString::fromLatin1(c.size)));
        const int pages = tablePageCount(pdf);
        CHECK(pages >= 2);
        const QString last = pageText(pdf, pages);
        CHECK(last.contains(startOf(inspect.back().name)));
        CHECK(last.contains(QStringLiteral("Page %1/%1").arg(pages)));
        CHECK(pageText(pdf, 1).contains(QStringLiteral("Legend")));
        if (c.paper == ReportPaper::A4 && c.orientation == ReportOrientation::Portrait)
            a4Portrait = pages;
        if (c.paper == ReportPaper::A3 && c.orientation == ReportOrientation::Landscape)
            a3Landscape = pages;
    }
    // A bigger sheet holds more rows a page.
    CHECK(a3Landscape < a4Portrait);
}

TEST_CASE("the overview template draws the charts as vectors with their numbers", "[report]") {
    SampleReport fx;
    const auto overview = builtInReportTemplate("overview");
    REQUIRE(overview);
    MapReportOptions options;
    applyReportTemplate(options, *overview);
    const QString pdf = QString::fromStdString(fx.dir.file("overview.pdf"));
    REQUIRE(writeMapReportPdf(pdf.toStdString(), fx.data, options).ok());
    CHECK(tablePageCount(pdf) == 1);
    const QString text = pageText(pdf, 1);
    CHECK(text.contains(QStringLiteral("Cơ sở theo mức nguy cơ")));
    CHECK(text.contains(QStringLiteral("Cơ sở theo huyện")));
    CHECK(text.contains(QStringLiteral("Mức nguy cơ theo ngày dữ liệu")));
    // The inset names both archipelagos as Viet Nam's.
    CHECK(text.contains(QStringLiteral("Vị trí trong cả nước")));
    CHECK(text.contains(QStringLiteral("Quần đảo Hoàng Sa")));
    CHECK(text.contains(QStringLiteral("Quần đảo Trường Sa")));
    const report::ChartData charts = report::chartData(fx.data, report::Words{true});
    // Every facility is counted once by level and once by district.
    long long byLevel = 0, byDistrict = 0;
    for (const long long n : charts.levels)
        byLevel += n;
    for (const auto& d : charts.districts)
        byDistrict += d.total;
    CHECK(byLevel == static_cast<long long>(fx.data.facts->factories.size()));
    CHECK(byDistrict == byLevel);
    REQUIRE_FALSE(charts.districts.empty());
    CHECK(text.contains(charts.districts.front().name));
    // The trend ends at the report's date with today's counts, and starts earlier.
    REQUIRE(charts.trend.size() >= 2);
    CHECK(charts.trend.back().date == fx.data.status->asOf);
    CHECK(charts.trend.back().byCategory == charts.levels);
    CHECK(charts.trend.front().date < charts.trend.back().date);
    CHECK(charts.trend.size() <= report::kTrendPoints);
    // Nothing on the page is a raster image: map, legend and charts are vectors.
    const QString images = run({QStringLiteral("pdfimages"), QStringLiteral("-list"), pdf});
    CHECK(images.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size() == 2);  // the header
}
