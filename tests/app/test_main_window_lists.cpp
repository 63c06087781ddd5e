// The risk map as officials use it: lists linked to the map, filters applied to both.
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <catch2/catch.hpp>

#include "app/gui/action_table.h"
#include "app/gui/filter_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/map_canvas.h"
#include "core/scoring/compiled_criteria.h"
#include "core/storage/assessment_store.h"
#include "core/storage/criteria_choice.h"
#include "core/storage/project_store.h"
#include "core/storage/site_store.h"
#include "gis/render/web_mercator.h"
#include "test_support.h"

using namespace safemap;

namespace {

// Three facilities: A very high risk (on the suspend list), B low risk, C never assessed.
std::string makeScoredProject(const TempDir& dir) {
    const std::string path = dir.file("p.gpkg");
    auto store = ProjectStore::create(path);
    REQUIRE(store.ok());
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
    REQUIRE(upsertSites(store->database(), b, "test").ok());
    auto choice =
        chooseCriteria(store->database(), "", sourcePath("resources/criteria/crln-1203-v1.json"));
    REQUIRE(choice.ok());
    const auto compiled = compileCriteria(choice->set);
    Assessment worst, good;
    worst.siteId = "MST-9900000000";
    worst.date = *parseDate("2021-06-20");
    for (const auto& c : choice->set.indices)
        worst.answers[c.id] = std::string();  // all missing
    good.siteId = "MST-9900000001";
    good.date = *parseDate("2021-06-20");
    good.answers = {{"workers_concurrent", 50.0}, {"floor_area_per_worker", 20.0},
                    {"hand_washing", true},       {"masks_worn", true},
                    {"temperature_check", 100.0}, {"canteen_distancing", std::string("vach_ngan")},
                    {"shuttle_bus_share", 0.0},   {"residential_areas", 1.0},
                    {"daily_masks", true},        {"night_shift", std::string("khong")}};
    REQUIRE(insertAssessments(store->database(), {worst, good}, {2, 3}, "a.csv", &compiled).ok());
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
        CHECK(w.visibleFactoryCount() == 3);
        SiteFilter f;
        f.query = "dong van";  // accents ignored: finds "Công ty Đồng Văn A"
        w.setFilter(f);
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
    CHECK(again.filter().query == "dong van");
    CHECK(again.filterPanel()->filter().query == "dong van");
    CHECK(again.visibleFactoryCount() == 1);
}
