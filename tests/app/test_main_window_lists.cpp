// The risk map as officials use it: lists linked to the map, filters applied to both.
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <catch2/catch.hpp>

#include "app/gui/action_table.h"
#include "app/gui/filter_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/map_canvas.h"
#include "core/criteria/criteria_io.h"
#include "core/project/imports.h"
#include "core/project/project.h"
#include "gis/render/web_mercator.h"
#include "test_support.h"

using namespace safemap;

namespace {

// Three facilities: A very high risk (on the suspend list), B low risk, C never assessed.
std::string makeScoredProject(const TempDir& dir) {
    const std::string path = dir.file("p.gpkg");
    auto project = Project::create(path);
    REQUIRE(project.ok());
    SiteBatch b;
    const char* names[] = {"Công ty Đồng Văn A", "Công ty Hòa Mạc B", "Công ty Châu Sơn C"};
    for (int i = 0; i < 3; ++i) {
        Factory f;
        f.taxCode = "990000000" + std::to_string(i);
        f.id = factoryIdFor(f.taxCode, "", "", "");
        f.name = names[i];
        f.workforce.total = 200;
        f.accountIssued = parseDate("2021-05-01");
        f.location = {105.90 + 0.01 * i, 20.60};
        b.factories.push_back(f);
    }
    REQUIRE(importSites(*project, b, "test").ok());
    auto set = loadCriteriaSet(sourcePath("resources/criteria/crln-1203-v1.json"));
    REQUIRE(set.ok());
    // A answers nothing (every index at its worst); B answers everything well.
    Table t;
    t.fileName = "a.csv";
    t.header = {"ma_so_thue", "ngay_danh_gia"};
    for (const auto& c : set->indices)
        t.header.push_back(c.id);
    t.addRow(2, 2, {"9900000000", "2021-06-20"});
    t.addRow(3, 3,
             {"9900000001", "2021-06-20", "50", "20", "có", "có", "100", "vach_ngan", "0", "1",
              "có", "khong"});
    AssessmentImportRequest request;
    request.criteria = std::make_shared<CriteriaSet>(std::move(*set));
    auto imported = importAssessments(*project, t, request);
    INFO((imported.ok() ? std::string() : imported.error().describe()));
    REQUIRE(imported.ok());
    REQUIRE(imported->inserted == 2);
    return path;
}

int rowOf(ActionTable* table, const QString& id) {
    return static_cast<int>(table->visibleSiteIds().indexOf(id));
}

}  // namespace

TEST_CASE("selecting a row selects the site on the map, and a map click selects the row") {
    TempDir dir;
    const auto path = makeScoredProject(dir);
    MainWindow w;
    w.resize(1200, 800);
    w.show();
    REQUIRE(w.openProject(QString::fromStdString(path), true));
    w.waitForIdle();
    ActionTable* suspend = w.suspendTable();
    // A (very high risk) and C (account, no assessment) are to suspend; B is not.
    REQUIRE(suspend->rowCount() == 2);
    CHECK(rowOf(suspend, QStringLiteral("MST-9900000001")) < 0);

    const int row = rowOf(suspend, QStringLiteral("MST-9900000000"));
    REQUIRE(row >= 0);
    QTableView* view = suspend->view();
    const QRect cell = view->visualRect(view->model()->index(row, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, cell.center());
    CHECK(w.canvas()->selection().count("MST-9900000000") == 1);
    const QPointF a = toMercator(GeoPoint{105.90, 20.60});
    CHECK(w.canvas()->visibleExtent().contains(a.x(), a.y()));  // zoomed to it

    // Back on the map: click facility C; its row becomes the selected one.
    REQUIRE(QTest::qWaitFor([&] { return !w.canvas()->isRendering(); }, 5000));
    w.canvas()->zoomToExtent(
        BBox{toMercator(GeoPoint{105.88, 20.58}).x(), toMercator(GeoPoint{105.88, 20.58}).y(),
             toMercator(GeoPoint{105.94, 20.62}).x(), toMercator(GeoPoint{105.94, 20.62}).y()});
    const QPoint c = w.canvas()->mapToPixel(toMercator(GeoPoint{105.92, 20.60})).toPoint();
    QTest::mouseClick(w.canvas(), Qt::LeftButton, Qt::NoModifier, c);
    CHECK(suspend->selectedSiteId() == QStringLiteral("MST-9900000002"));
}

TEST_CASE("a filter applies to the map and to both tables, and is kept in the project") {
    TempDir dir;
    const auto path = makeScoredProject(dir);
    {
        MainWindow w;
        w.resize(1200, 800);
        w.show();
        REQUIRE(w.openProject(QString::fromStdString(path), true));
        w.waitForIdle();
        CHECK(w.visibleFactoryCount() == 3);
        SiteFilter f;
        f.query = "dong van";  // accents ignored: finds "Công ty Đồng Văn A"
        w.setFilter(f);
        w.waitForIdle();
        CHECK(w.visibleFactoryCount() == 1);
        CHECK(w.suspendTable()->rowCount() == 1);
        CHECK(w.suspendTable()->visibleSiteIds() == QStringList{QStringLiteral("MST-9900000000")});
        // On the map, B and C are hidden: identify finds nothing where C is drawn.
        for (const auto& l : w.canvas()->layers()) {
            if (l.data->kind != LayerKind::Factories)
                continue;
            for (size_t i = 0; i < l.data->featureCount(); ++i)
                CHECK(l.data->isHidden(i) == (l.data->featureIds[i] != "MST-9900000000"));
        }
    }
    MainWindow again;
    again.show();
    REQUIRE(again.openProject(QString::fromStdString(path), true));
    again.waitForIdle();
    CHECK(again.filter().query == "dong van");
    CHECK(again.filterPanel()->filter().query == "dong van");
    CHECK(again.visibleFactoryCount() == 1);
}
