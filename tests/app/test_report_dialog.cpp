// The report dialog (issue 9): a live preview drawn on a worker that follows the paper and
// orientation, "Save as template" that --template reads back, and the window's exports of
// the map view and the tables.
#include <QAction>
#include <QComboBox>
#include <QImage>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <catch2/catch.hpp>

#include "app/gui/main_window.h"
#include "app/gui/project_session.h"
#include "app/gui/report_actions.h"
#include "app/gui/report_dialog.h"
#include "cli_fixture.h"
#include "core/report/report_template.h"
#include "gis/report/report_charts.h"
#include "sample_window.h"

using namespace safemap;
using namespace safemap::test;

namespace {

bool waitPreview(ReportDialog& d) {
    for (int i = 0; i < 600 && d.previewPending(); ++i)
        QTest::qWait(50);
    return !d.previewPending() && !d.previewImage().isNull();
}

}  // namespace

TEST_CASE("the report dialog previews the page, follows orientation and saves templates",
          "[app][report]") {
    SampleWindow sample;
    MainWindow& w = sample.w;
    const QString& project = sample.project;
    TempDir& dir = sample.dir;
    CHECK(w.findChild<QAction*>(QStringLiteral("reportDialogAction")));

    ReportDialog d(w.reports(), &w);
    d.show();
    REQUIRE(waitPreview(d));
    const QImage landscape = d.previewImage();
    // The overview: A4 landscape.
    CHECK(landscape.width() == Approx(landscape.height() * 297.0 / 210).epsilon(0.01));

    auto* orientation = d.findChild<QComboBox*>(QStringLiteral("orientationCombo"));
    REQUIRE(orientation);
    orientation->setCurrentIndex(
        orientation->findData(static_cast<int>(TemplateOrientation::Portrait)));
    QTest::qWait(10);
    REQUIRE(waitPreview(d));
    const QImage portrait = d.previewImage();
    // The sheet turned: the preview is taller than wide, in A4's proportions.
    CHECK(portrait.size() != landscape.size());
    CHECK(portrait.height() == Approx(portrait.width() * 297.0 / 210).epsilon(0.01));
    auto* paper = d.findChild<QComboBox*>(QStringLiteral("paperCombo"));
    paper->setCurrentIndex(paper->findData(static_cast<int>(TemplatePaper::A3)));
    QTest::qWait(10);
    REQUIRE(waitPreview(d));
    CHECK(d.currentOptions().paper == ReportPaper::A3);
    CHECK(d.previewImage().height() > d.previewImage().width());
    // The preview is the report's page: not blank.
    int painted = 0, samples = 0;
    const QImage page = d.previewImage();
    for (int y = 0; y < page.height(); y += 3)
        for (int x = 0; x < page.width(); x += 3, ++samples)
            painted += page.pixel(x, y) != qRgb(255, 255, 255);
    CHECK(painted > samples / 5);  // the map alone covers more than a fifth of the sheet

    auto* title = d.findChild<QLineEdit*>(QStringLiteral("titleEdit"));
    title->setText(QStringLiteral("Họp giao ban thứ Hai"));
    const ReportTemplate chosen = d.currentTemplate();
    CHECK(chosen.title == "Họp giao ban thứ Hai");
    CHECK(chosen.paper == TemplatePaper::A3);
    CHECK(chosen.orientation == TemplateOrientation::Portrait);

    // Save as template, then read it back: in a fresh dialog and with --template.
    const QString file = QString::fromStdString(dir.file("mẫu họp.json"));
    REQUIRE(d.saveTemplateTo(file).ok());
    ReportDialog other(w.reports(), &w);
    REQUIRE(other.loadTemplateFrom(file).ok());
    CHECK(other.currentTemplate() == chosen);
    auto loaded = loadReportTemplate(file.toStdString());
    REQUIRE(loaded.ok());
    CHECK(*loaded == chosen);
    REQUIRE(waitPreview(other));

    const QString pdf = QString::fromStdString(dir.file("from_template.pdf"));
    const CliRun r = runCli({"report", project, pdf, "--template", file});
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 0);

    // The dialog's options make the PDF it exports.
    const QString dialogPdf = QString::fromStdString(dir.file("dialog.pdf"));
    auto written = w.reports()->writePdfWith(dialogPdf, d.currentOptions());
    written.waitForFinished();
    REQUIRE(written.result().ok());
    CHECK(QFileInfo(dialogPdf).size() > 10000);
}

TEST_CASE("the window exports its map view and its tables", "[app][export]") {
    SampleWindow sample;
    MainWindow& w = sample.w;
    TempDir& dir = sample.dir;
    CHECK(w.findChild<QAction*>(QStringLiteral("exportViewAction")));
    CHECK(w.findChild<QAction*>(QStringLiteral("exportTablesAction")));

    const QString svg = QString::fromStdString(dir.file("view.svg"));
    MapViewOptions view;
    view.pixels = QSize(900, 600);
    view.legend = true;
    auto drawn = w.reports()->writeView(svg, MapViewFormat::Svg, view);
    drawn.waitForFinished();
    REQUIRE(drawn.result().ok());
    QFile file(svg);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.readAll().contains("<path"));

    const QString name = w.reports()->defaultFileName(ExportKind::SuspendList, "xlsx");
    CHECK(name.endsWith(QStringLiteral("_2021-06-30.xlsx")));
    CHECK((name.startsWith(QStringLiteral("danh_sach_dinh_chi_")) ||
           name.startsWith(QStringLiteral("suspend_list_"))));
    const QString gpkg = QString::fromStdString(dir.file("co_so.gpkg"));
    auto written = w.reports()->writeTable(gpkg, ExportKind::Facilities, ExportFormat::GeoPackage);
    written.waitForFinished();
    REQUIRE(written.result().ok());
    CHECK(QFileInfo(gpkg).size() > 0);
}

TEST_CASE("the window's report shows the same trend as a report of the whole history",
          "[app][report]") {
    // The window reads each facility's newest scores only; the trend chart needs how
    // things stood on every earlier date, which the report reads when it is drawn.
    SampleWindow sample;
    MainWindow& w = sample.w;
    const QString& project = sample.project;
    auto shown = w.reports()->currentReport();
    REQUIRE(shown);
    REQUIRE(shown->facts->history == ScoreHistory::Latest);
    REQUIRE(shown->fullHistory);

    auto opened = Project::open(project.toStdString(), Project::Access::ReadOnly);
    REQUIRE(opened.ok());
    auto whole = evaluateScenario(*opened, w.session().scenario());
    REQUIRE(whole.ok());
    REQUIRE(whole->facts->history == ScoreHistory::Full);
    MapReportData full = *shown;
    full.facts = whole->facts;
    full.fullHistory = nullptr;

    const report::Words vi{true};
    const report::ChartData fromWindow = report::chartData(*shown, vi);
    const report::ChartData fromFull = report::chartData(full, vi);
    REQUIRE(fromFull.trend.size() >= 2);
    REQUIRE(fromWindow.trend.size() == fromFull.trend.size());
    for (std::size_t i = 0; i < fromFull.trend.size(); ++i) {
        CHECK(fromWindow.trend[i].date == fromFull.trend[i].date);
        CHECK(fromWindow.trend[i].byCategory == fromFull.trend[i].byCategory);
    }
    CHECK(fromWindow.levels == fromFull.levels);
    // Read once: a second drawing (the preview again, then the PDF) reuses it.
    const auto first = shown->fullHistory();
    CHECK(first == shown->fullHistory());
    CHECK(first == w.reports()->currentReport()->fullHistory());
}
