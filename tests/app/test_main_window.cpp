// The main window as a user drives it: open a project, see its layers, click a site,
// hide a layer, import a file (and a bad one), save and restore the view.
#include <QAction>
#include <QDateEdit>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <memory>

#include "app/gui/as_of_bar.h"
#include "app/gui/identify_panel.h"
#include "app/gui/import_dialog.h"
#include "app/gui/layer_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/map_canvas.h"
#include "app/gui/project_session.h"
#include "app/gui/table_import_dialog.h"
#include "core/project/imports.h"
#include "core/project/project.h"
#include "gis/io/site_import.h"
#include "gis/render/web_mercator.h"
#include "test_support.h"

using namespace safemap;

namespace {

std::string makeWindowProject(const TempDir& dir) {
    const std::string path = dir.file("p.gpkg");
    auto project = Project::create(path);
    REQUIRE(project.ok());
    SiteBatch b;
    Zone z;
    z.id = "Z1";
    z.name = "Khu công nghiệp Thử";
    z.area = {Polygon{
        {{{105.80, 21.00}, {105.82, 21.00}, {105.82, 21.02}, {105.80, 21.02}, {105.80, 21.00}}}}};
    b.zones.push_back(z);
    for (int i = 0; i < 3; ++i) {
        Factory f;
        f.taxCode = "990000000" + std::to_string(i);
        f.id = factoryIdFor(f.taxCode, "", "", "");
        f.name = "Cơ sở thử " + std::to_string(i);
        f.zoneId = i < 2 ? "Z1" : "";
        f.workforce.total = 100 * (i + 1);
        f.location = {105.805 + 0.005 * i, 21.01};
        b.factories.push_back(f);
    }
    REQUIRE(importSites(*project, b, "test").ok());
    return path;
}

bool waitWindowRendered(MapCanvas* canvas) {
    return QTest::qWaitFor([&] { return !canvas->isRendering() && !canvas->lastImage().isNull(); },
                           5000);
}

}  // namespace

TEST_CASE("the main window opens a project and shows its layers and counts") {
    TempDir dir;
    const auto path = makeWindowProject(dir);
    MainWindow w;
    w.resize(1000, 700);
    w.show();
    REQUIRE(w.openProject(QString::fromStdString(path), true));
    w.waitForIdle();
    CHECK(w.factoryCount() == 3);
    CHECK(w.zoneCount() == 1);
    const auto entries = w.layerPanel()->entries();
    QStringList ids;
    for (const auto& e : entries)
        ids << e.id;
    CHECK(ids.contains(QStringLiteral("factories")));
    CHECK(ids.contains(QStringLiteral("zones")));
    CHECK(ids.indexOf(QStringLiteral("factories")) <
          ids.indexOf(QStringLiteral("zones")));  // top first
    CHECK(w.windowTitle().contains(QStringLiteral("p.gpkg")));
    // No assessment yet: the as-of bar is off and its date field empty, not 01/01/1970.
    CHECK_FALSE(w.asOfBar()->isEnabled());
    CHECK(w.asOfBar()->dateEdit()->text().trimmed().isEmpty());
    // The view was zoomed to the sites: the zone's centre is inside the visible extent.
    REQUIRE(waitWindowRendered(w.canvas()));
    const QPointF centre = toMercator(GeoPoint{105.81, 21.01});
    CHECK(w.canvas()->visibleExtent().contains(centre.x(), centre.y()));
}

namespace {

/// The canvas's facilities layer, or null.
const LayerRender* facilityLayer(const MapCanvas* canvas) {
    for (const LayerRender& l : canvas->layers())
        if (l.data->kind == LayerKind::Factories)
            return &l;
    return nullptr;
}

/// The style classes the canvas draws the facilities with (empty if it has none).
std::vector<CategoryStyle> facilityClasses(const MapCanvas* canvas) {
    const LayerRender* l = facilityLayer(canvas);
    return l ? l->style.categories : std::vector<CategoryStyle>{};
}

}  // namespace

TEST_CASE("a project just opened shows its sites at once, then coloured before its lists") {
    TempDir dir;
    const auto path = makeWindowProject(dir);
    MainWindow w;
    w.resize(1000, 700);
    w.show();
    // What the canvas holds each time a job's map arrives, before frameReady.
    struct Seen {
        bool pending;
        size_t facilities;
        std::vector<CategoryStyle> classes;
        bool inView;
        bool listsMade;
    };
    std::vector<Seen> seen;
    bool framed = false;
    const QPointF centre = toMercator(GeoPoint{105.81, 21.01});
    QObject::connect(&w.session(), &ProjectSession::frameReady, [&] { framed = true; });
    QObject::connect(&w.session(), &ProjectSession::mapReady, [&] {
        if (framed)
            return;
        const LayerRender* layer = facilityLayer(w.canvas());
        const size_t facilities = layer ? layer->data->featureCount() : 0;
        seen.push_back({w.session().earlyFrame().statusPending, facilities,
                        facilityClasses(w.canvas()),
                        w.canvas()->visibleExtent().contains(centre.x(), centre.y()),
                        w.session().frame().facts != nullptr});
    });
    REQUIRE(w.openProject(QString::fromStdString(path), true));
    w.waitForIdle();
    REQUIRE(seen.size() == 2);
    // First the sites alone, in view, in the one "status pending" look.
    CHECK(seen[0].pending);
    CHECK(seen[0].facilities == 3);
    CHECK(seen[0].inView);
    CHECK(seen[0].classes == std::vector<CategoryStyle>{statusPendingStyle(LayerKind::Factories)});
    // Then coloured by risk, still before the lists.
    CHECK_FALSE(seen[1].pending);
    CHECK(seen[1].facilities == 3);
    CHECK(seen[1].classes == riskCategoryStyles(255));
    CHECK_FALSE(seen[0].listsMade);
    CHECK_FALSE(seen[1].listsMade);
    // The finished frame keeps the view the first map placed, and the risk colours.
    REQUIRE(waitWindowRendered(w.canvas()));
    CHECK(w.canvas()->visibleExtent().contains(centre.x(), centre.y()));
    CHECK(facilityClasses(w.canvas()) == riskCategoryStyles(255));
    CHECK(w.factoryCount() == 3);
}

TEST_CASE("a project opened with a saved filter is drawn coloured only, never unfiltered") {
    TempDir dir;
    const auto path = makeWindowProject(dir);
    {
        MainWindow first;
        REQUIRE(first.openProject(QString::fromStdString(path), true));
        first.waitForIdle();
        SiteFilter keepOne;
        keepOne.query = "thử 1";
        first.setFilter(keepOne);
        first.waitForIdle();
    }
    MainWindow w;
    w.resize(1000, 700);
    w.show();
    std::vector<bool> pending;
    QObject::connect(&w.session(), &ProjectSession::mapReady,
                     [&] { pending.push_back(w.session().earlyFrame().statusPending); });
    REQUIRE(w.openProject(QString::fromStdString(path), true));
    w.waitForIdle();
    CHECK(pending == std::vector<bool>{false});
    REQUIRE(waitWindowRendered(w.canvas()));
    CHECK(w.canvas()->lastStats().featuresDrawn > 0);
}

TEST_CASE("clicking a facility shows its record and selects it; a miss clears it") {
    TempDir dir;
    const auto path = makeWindowProject(dir);
    MainWindow w;
    w.resize(1000, 700);
    w.show();
    REQUIRE(w.openProject(QString::fromStdString(path), true));
    w.waitForIdle();
    REQUIRE(waitWindowRendered(w.canvas()));
    QSignalSpy selected(&w, &MainWindow::siteSelected);
    const QPointF site = toMercator(GeoPoint{105.810, 21.01});  // factory 1
    const QPoint pixel = w.canvas()->mapToPixel(site).toPoint();
    QTest::mouseClick(w.canvas(), Qt::LeftButton, Qt::NoModifier, pixel);
    REQUIRE(selected.count() == 1);
    CHECK(selected.at(0).at(0).toString() == QStringLiteral("MST-9900000001"));
    CHECK(w.identifyPanel()->rows().join(QLatin1Char('\n')).contains(QStringLiteral("9900000001")));
    CHECK(w.identifyPanel()
              ->rows()
              .join(QLatin1Char('\n'))
              .contains(QStringLiteral("Khu công nghiệp Thử")));
    CHECK(w.canvas()->selection().count("MST-9900000001") == 1);
    // Far from everything: the record is cleared.
    QTest::mouseClick(w.canvas(), Qt::LeftButton, Qt::NoModifier, QPoint(3, 3));
    CHECK(w.canvas()->selection().empty());
}

TEST_CASE("unticking a layer hides it on the canvas, and the view is saved in the project") {
    TempDir dir;
    const auto path = makeWindowProject(dir);
    BBox saved;
    {
        MainWindow w;
        w.resize(1000, 700);
        w.show();
        REQUIRE(w.openProject(QString::fromStdString(path), true));
        w.waitForIdle();
        auto entries = w.layerPanel()->entries();
        for (auto& e : entries)
            if (e.id == QLatin1String("zones"))
                e.visible = false;
        w.layerPanel()->setEntries(entries);
        emit w.layerPanel()->entriesChanged();
        w.waitForIdle();
        bool zonesVisible = true;
        for (const auto& l : w.canvas()->layers())
            if (l.data->id == "zones")
                zonesVisible = l.visible;
        CHECK_FALSE(zonesVisible);
        w.canvas()->zoomIn();
        saved = w.canvas()->extent();
        w.saveViewState();
    }
    MainWindow again;
    again.resize(1000, 700);
    again.show();
    REQUIRE(again.openProject(QString::fromStdString(path), true));
    again.waitForIdle();
    for (const auto& l : again.canvas()->layers())
        if (l.data->id == "zones")
            CHECK_FALSE(l.visible);
    CHECK(again.canvas()->extent().minX == Approx(saved.minX).margin(0.01));
    CHECK(again.canvas()->extent().maxY == Approx(saved.maxY).margin(0.01));
}

TEST_CASE("the import dialog imports a CSV, and refuses a bad one naming row and column") {
    TempDir dir;
    const auto path = makeWindowProject(dir);
    auto project = Project::open(path);
    REQUIRE(project.ok());
    const std::string good = dir.file("co_so.csv");
    std::ofstream(good) << "ma_so_thue,ten_co_so,kinh_do,vi_do,so_lao_dong\n"
                           "9911111111,Công ty Mới (dữ liệu mẫu),105.9,21.1,250\n";
    const std::string bad = dir.file("loi.csv");
    std::ofstream(bad) << "ma_so_thue,ten_co_so,kinh_do,vi_do,so_lao_dong\n"
                          "9922222222,Công ty A,105.9,21.1,250\n"
                          "9933333333,Công ty B,105.9,21.1,nhiều\n";
    {
        ImportDialog dialog(path);
        dialog.setSourceFile(QString::fromStdString(bad));
        dialog.startImport();
        REQUIRE(QTest::qWaitFor([&] { return !dialog.isRunning(); }, 10000));
        const QString error = dialog.errorText();
        INFO(error.toStdString());
        CHECK(error.contains(QStringLiteral("row 3")));
        CHECK(error.contains(QStringLiteral("so_lao_dong")));
        CHECK(project->repository().factories().value().size() == 3);  // nothing written
    }
    ImportDialog dialog(path);
    dialog.setSourceFile(QString::fromStdString(good));
    dialog.startImport();
    REQUIRE(QTest::qWaitFor([&] { return !dialog.isRunning(); }, 10000));
    CHECK(dialog.errorText().isEmpty());
    CHECK(dialog.summaryText().contains(QStringLiteral("1 new")));
    CHECK(project->repository().factories().value().size() == 4);
}

TEST_CASE(
    "the assessment import dialog imports the sample, refuses the broken one, adds nothing twice") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    auto project = Project::create(path);
    REQUIRE(project.ok());
    REQUIRE(importSitesFile(*project, sourcePath("data/sites/factories.csv")).ok());
    auto run = [&](const std::string& file) {
        auto dialog = std::make_unique<TableImportDialog>(TableImportDialog::Kind::Assessments,
                                                          path, nullptr);
        dialog->setSourceFile(QString::fromStdString(sourcePath(file)));
        dialog->startImport();
        REQUIRE(QTest::qWaitFor([&] { return !dialog->isRunning(); }, 20000));
        return dialog;
    };
    auto broken = run("data/assessments/loi_mau.csv");
    CHECK(broken->errorText().contains(QStringLiteral("row 3")));
    CHECK(broken->errorText().contains(QStringLiteral("workers_concurrent")));
    CHECK(project->repository().assessmentCount().value() == 0);
    CHECK(project->repository().criteriaSets().value().empty());  // not even the set
    // One assessment per data row of the sample (CRLF lines, no line breaks inside cells).
    std::ifstream in(sourcePath("data/assessments/danh_gia_2021-06.csv"), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto rows = std::count(text.begin(), text.end(), '\n') - 1;
    REQUIRE(rows > 100);
    auto sample = run("data/assessments/danh_gia_2021-06.csv");
    CHECK(sample->errorText().isEmpty());
    CHECK(sample->summaryText().contains(QString::number(rows)));
    CHECK(project->repository().assessmentCount().value() == rows);
    auto again = run("data/assessments/danh_gia_2021-06_tcvn3.csv");  // same content, TCVN3
    CHECK(again->errorText().isEmpty());
    CHECK(project->repository().assessmentCount().value() == rows);
}
