// The window's map report (issue 9): Project → Export map as PDF / image and Print (Ctrl+P)
// draw the report of what the window shows, on a worker thread.
#include <QAction>
#include <QImage>
#include <QProcess>
#include <catch2/catch.hpp>

#include "app/gui/main_window.h"
#include "app/gui/map_canvas.h"
#include "app/gui/project_session.h"
#include "app/gui/report_actions.h"
#include "cli_fixture.h"
#include "core/project/export_heading.h"
#include "core/project/list_rows.h"
#include "sample_window.h"

using namespace safemap;
using namespace safemap::test;

TEST_CASE("the window exports the report of what it shows as PDF and PNG", "[app][report]") {
    SampleWindow sample;
    MainWindow& w = sample.w;
    TempDir& dir = sample.dir;

    // The actions are in the window's menu, Print on Ctrl+P.
    auto* print = w.findChild<QAction*>(QStringLiteral("printAction"));
    REQUIRE(print);
    CHECK(print->shortcut() == QKeySequence(QKeySequence::Print));
    CHECK(w.findChild<QAction*>(QStringLiteral("exportPdfAction")));
    CHECK(w.findChild<QAction*>(QStringLiteral("exportImageAction")));

    const auto data = w.reports()->currentReport();
    REQUIRE(data);
    CHECK(data->projectName == "Hà Nam");
    CHECK(data->extent == w.canvas()->visibleExtent());

    const QString pdf = QString::fromStdString(dir.file("report.pdf"));
    auto future = w.reports()->writePdf(pdf, ReportPaper::A4);
    future.waitForFinished();
    INFO((future.result().ok() ? std::string() : future.result().error().describe()));
    REQUIRE(future.result().ok());
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    REQUIRE(text.waitForFinished(60000));
    const QString words = QString::fromUtf8(text.readAllStandardOutput());
    const bool vi = w.reports()->currentOptions().language == MapLanguage::Vietnamese;
    CHECK(words.contains(QString::fromStdString(listTitle(ActionList::ToSuspend, vi))));
    CHECK(words.contains(QStringLiteral("Hà Nam")));
    const auto suspend = listRows(ActionList::ToSuspend, *data->facts, *data->status, data->filter);
    REQUIRE_FALSE(suspend.empty());
    CHECK(words.contains(QString::fromStdString(suspend.front().name).left(20)));

    const QString png = QString::fromStdString(dir.file("map.png"));
    auto image = w.reports()->writePng(png, 100);
    image.waitForFinished();
    REQUIRE(image.result().ok());
    CHECK(QImage(png).size() == QSize(1169, 827));
}
