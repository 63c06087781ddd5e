// The window an official works in (issue 11): it fits a 1280 × 720 screen, the lists show
// at least 15 rows at 1600 × 1000 and can take the full height, "zoom to filter" shows only
// the filtered facilities, the search goes to districts, zones and addresses, the record
// drops a facility the filter hides, the cordon tool follows the selection beside the map,
// and context layers load, draw and are listed (a missing file is a message, not a crash).
#include <QAction>
#include <QDockWidget>
#include <QHeaderView>
#include <QMessageBox>
#include <QTableView>
#include <QTest>
#include <catch2/catch.hpp>
#include <filesystem>

#include "app/gui/action_table.h"
#include "app/gui/context_layers_dialog.h"
#include "app/gui/context_legend.h"
#include "app/gui/cordon_dialog.h"
#include "app/gui/identify_panel.h"
#include "app/gui/layer_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/map_canvas.h"
#include "app/gui/project_session.h"
#include "app/gui/search_box.h"
#include "app/gui/window_layout.h"
#include "cli_fixture.h"
#include "core/project/project.h"
#include "core/project/project_settings.h"
#include "gis/render/web_mercator.h"

using namespace safemap;
using namespace safemap::test;

namespace {

const std::string kVn2000Shapefile =
    src("data/sites/lang_son_ccn_vn2000/lang_son_ccn_vn2000.shp").toStdString();

// The sample project, made once per run (the CLI imports take a few seconds).
QString sampleProject(const TempDir& dir) {
    static TempDir shared;
    static const QString made = [] {
        const QString path = QString::fromStdString(shared.file("sample.gpkg"));
        makeSampleProject(path);
        return path;
    }();
    const QString copy = QString::fromStdString(dir.file("sample.gpkg"));
    REQUIRE(QFile::copy(made, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    return copy;
}

void addContextLayers(const QString& project, const std::vector<ContextLayer>& layers) {
    auto p = Project::open(project.toStdString());
    REQUIRE(p.ok());
    auto settings = loadProjectSettings(*p);
    REQUIRE(settings.ok());
    settings->contextLayers = layers;
    REQUIRE(saveProjectSettings(*p, *settings).ok());
}

// Rows a table shows in full.
int visibleRows(const QTableView& table) {
    return table.viewport()->height() / table.verticalHeader()->defaultSectionSize();
}

void openIn(MainWindow& w, const QString& path, QSize size) {
    w.resize(size);
    w.show();
    REQUIRE(w.openProject(path, true));
    w.waitForIdle();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
}

bool hasLayer(const MapCanvas& canvas, const std::string& id) {
    for (const auto& l : canvas.layers())
        if (l.data->id == id)
            return true;
    return false;
}

}  // namespace

TEST_CASE("the window fits a 1280 x 720 screen with its panels", "[layout]") {
    TempDir dir;
    MainWindow w;
    openIn(w, sampleProject(dir), roomOnScreen(kSmallestScreen));
    const QSize room = roomOnScreen(kSmallestScreen);
    INFO("minimum " << w.minimumSizeHint().width() << " x " << w.minimumSizeHint().height());
    CHECK(w.minimumSizeHint().width() <= room.width());
    CHECK(w.minimumSizeHint().height() <= room.height());
    CHECK(w.minimumWidth() <= room.width());
    CHECK(w.minimumHeight() <= room.height());
    // The window took the size it was given: no panel pushed it past the screen.
    CHECK(w.width() <= room.width());
    CHECK(w.height() <= room.height());
    // The map keeps a usable part of it.
    CHECK(w.canvas()->width() >= 300);
    CHECK(w.canvas()->height() >= 200);
}

TEST_CASE("the lists show 15 rows at 1600 x 1000 and can take the full height", "[layout]") {
    TempDir dir;
    MainWindow w;
    openIn(w, sampleProject(dir), roomOnScreen(QSize(1600, 1000)));
    // As on a first start at that size (the constructor ran before the window had it).
    placeDocksForFirstStart(w, w.findChild<QDockWidget*>(QStringLiteral("identifyDock")), 440,
                            w.findChild<QDockWidget*>(QStringLiteral("suspendDock")),
                            *w.suspendTable()->view());
    QTest::qWait(50);
    INFO("rows shown: " << visibleRows(*w.suspendTable()->view()));
    CHECK(visibleRows(*w.suspendTable()->view()) >= kDefaultListRows);
    CHECK(w.canvas()->height() >= 300);

    // Lists at full height: the map steps aside, the lists take (nearly) the window's height.
    ListsMode* mode = w.listsMode();
    mode->action()->trigger();
    QTest::qWait(50);
    CHECK(mode->isOn());
    CHECK_FALSE(w.canvas()->isVisible());
    CHECK(visibleRows(*w.suspendTable()->view()) >= 30);
    // Again: the map and the layout come back.
    mode->action()->trigger();
    QTest::qWait(50);
    CHECK_FALSE(mode->isOn());
    CHECK(w.canvas()->isVisible());
    CHECK(w.canvas()->height() >= 300);
}

TEST_CASE("zoom to filter shows the filtered facilities, zoom to all the sites", "[navigation]") {
    TempDir dir;
    MainWindow w;
    openIn(w, sampleProject(dir), QSize(1200, 800));
    SiteFilter filter;
    filter.districts = {"Kim Bảng"};
    w.setFilter(filter);
    w.waitForIdle();
    REQUIRE(w.visibleFactoryCount() > 0);
    REQUIRE(w.visibleFactoryCount() < w.factoryCount());

    w.zoomToFilter();
    const BBox filtered = w.canvas()->extent();
    BBox kept;  // every facility the filter keeps, from the map itself
    for (const auto& l : w.canvas()->layers())
        if (l.data->kind == LayerKind::Factories)
            for (size_t i = 0; i < l.data->featureCount(); ++i)
                if (!l.data->isHidden(i))
                    kept.extend(l.data->geometry->points[i].x(), l.data->geometry->points[i].y());
    CHECK(filtered.contains(kept.minX, kept.minY));
    CHECK(filtered.contains(kept.maxX, kept.maxY));

    w.zoomToSites();
    const BBox all = w.canvas()->extent();
    // A district is a small part of the three provinces' sites.
    CHECK((filtered.maxX - filtered.minX) * 3 < all.maxX - all.minX);

    // A filter that keeps nothing leaves the view as it is.
    filter.districts = {"Không có huyện này"};
    w.setFilter(filter);
    w.waitForIdle();
    w.zoomToFilter();
    CHECK(w.canvas()->extent().minX == Approx(all.minX));
}

TEST_CASE("the search box goes to a district, a zone and an address", "[navigation]") {
    TempDir dir;
    MainWindow w;
    openIn(w, sampleProject(dir), QSize(1200, 800));
    SearchBox* search = w.searchBox();

    search->setText(QStringLiteral("kim bang"));
    search->searchNow();
    REQUIRE_FALSE(search->results().empty());
    CHECK(search->resultLines().front().startsWith(QStringLiteral("Kim Bảng")));
    search->choose(0);
    const BBox view = w.canvas()->extent();
    const QPointF kimBang = toMercator(GeoPoint{105.85, 20.55});
    CHECK(view.contains(kimBang.x(), kimBang.y()));
    CHECK(view.maxX - view.minX < 60000);  // the district, not the province

    // A zone: selected, its record shown.
    search->setText(QStringLiteral("dong van ii"));
    search->searchNow();
    REQUIRE_FALSE(search->results().empty());
    REQUIRE(search->results().front().kind == PlaceKind::Zone);
    const std::string zone = search->results().front().siteId;
    search->choose(0);
    CHECK(w.canvas()->selection().count(zone) == 1);
    CHECK(w.identifyPanel()->rows().join('\n').contains(QString::fromStdString(zone)));

    // An address: its facility is selected.
    search->setText(QStringLiteral("tay dang ba vi"));
    search->searchNow();
    REQUIRE_FALSE(search->results().empty());
    const Place first = search->results().front();
    CHECK(first.kind == PlaceKind::Address);
    search->choose(0);
    CHECK(w.canvas()->selection().count(first.siteId) == 1);
}

TEST_CASE("the record never shows a facility the filter hides", "[navigation]") {
    TempDir dir;
    MainWindow w;
    openIn(w, sampleProject(dir), QSize(1200, 800));
    const std::string id = "MST-9965230100";  // in Ba Vì, Hà Nội
    w.selectSite(id, false);
    REQUIRE(w.identifyPanel()->rows().join('\n').contains(QStringLiteral("9965230100")));
    SiteFilter filter;
    filter.provinces = {"Hà Nam"};
    w.setFilter(filter);
    w.waitForIdle();
    CHECK(w.identifyPanel()->rows().isEmpty());
    CHECK(w.canvas()->selection().empty());
    // A facility the filter keeps stays shown across a filter change.
    const std::string kept = [&] {
        for (const auto& l : w.canvas()->layers())
            if (l.data->kind == LayerKind::Factories)
                for (size_t i = 0; i < l.data->featureCount(); ++i)
                    if (!l.data->isHidden(i))
                        return l.data->featureIds[i];
        return std::string();
    }();
    REQUIRE_FALSE(kept.empty());
    w.selectSite(kept, false);
    filter.minWorkers = 0;
    w.setFilter(filter);
    w.waitForIdle();
    CHECK_FALSE(w.identifyPanel()->rows().isEmpty());
}

TEST_CASE("the cordon tool follows the selection beside the map", "[navigation]") {
    TempDir dir;
    MainWindow w;
    openIn(w, sampleProject(dir), QSize(1264, 640));
    w.findChild<QAction*>(QStringLiteral("cordonAction"))->trigger();
    QTest::qWait(50);
    auto* dock = w.findChild<QDockWidget*>(QStringLiteral("cordonDock"));
    REQUIRE(dock);
    CHECK(dock->isVisible());
    CHECK_FALSE(dock->isFloating());
    // Beside the map, not over it.
    const QRect map(w.canvas()->mapTo(&w, QPoint(0, 0)), w.canvas()->size());
    const QRect tool(dock->mapTo(&w, QPoint(0, 0)), dock->size());
    CHECK_FALSE(map.intersects(tool));

    w.selectSite("MST-9965230100", false);
    CHECK(w.cordonDialog()->caseSiteId() == QStringLiteral("MST-9965230100"));
    w.selectSite("MST-9919731074", false);
    CHECK(w.cordonDialog()->caseSiteId() == QStringLiteral("MST-9919731074"));
    // Closed, it follows nothing.
    dock->close();
    w.selectSite("MST-9965230100", false);
    CHECK(w.cordonDialog()->caseSiteId() == QStringLiteral("MST-9919731074"));
}

TEST_CASE("a context layer is drawn, listed in the layer panel and the legend", "[context]") {
    TempDir dir;
    const QString project = sampleProject(dir);
    ContextLayer layer;
    layer.id = "context-1";
    layer.title = "Cụm công nghiệp Lạng Sơn (VN-2000)";
    layer.path = kVn2000Shapefile;
    layer.style.lineColour = "#c0109a";
    layer.style.labelField = "name";
    addContextLayers(project, {layer});

    MainWindow w;
    openIn(w, project, QSize(1200, 800));
    CHECK(hasLayer(*w.canvas(), "context-1"));
    QStringList ids;
    for (const auto& e : w.layerPanel()->entries())
        ids << e.id;
    CHECK(ids.contains(QStringLiteral("context-1")));
    // Under the zones and the facilities.
    CHECK(ids.indexOf(QStringLiteral("context-1")) > ids.indexOf(QStringLiteral("zones")));
    CHECK(w.contextLegend()->titles() ==
          QStringList{QStringLiteral("Cụm công nghiệp Lạng Sơn (VN-2000)")});
    CHECK(w.findChild<QMessageBox*>(QStringLiteral("contextProblemsBox")) == nullptr);

    // Hidden in the layer panel: gone from the legend.
    auto entries = w.layerPanel()->entries();
    for (auto& e : entries)
        if (e.id == QLatin1String("context-1"))
            e.visible = false;
    w.layerPanel()->setEntries(entries);
    emit w.layerPanel()->entriesChanged();
    w.waitForIdle();
    CHECK(w.contextLegend()->titles().isEmpty());

    // Removed (what the dialog's OK does): saved, and no longer drawn.
    w.session().setContextLayers({});
    w.waitForIdle();
    CHECK_FALSE(hasLayer(*w.canvas(), "context-1"));
    auto p = Project::open(project.toStdString(), Project::Access::ReadOnly);
    REQUIRE(p.ok());
    CHECK(loadProjectSettings(*p)->contextLayers.empty());
}

TEST_CASE("a context layer whose file is missing is a message; the project opens", "[context]") {
    TempDir dir;
    const QString project = sampleProject(dir);
    ContextLayer gone;
    gone.id = "context-1";
    gone.title = "Đường tỉnh";
    gone.path = "ban_do/duong_tinh.shp";
    ContextLayer kept;
    kept.id = "context-2";
    kept.title = "Cụm công nghiệp";
    kept.path = kVn2000Shapefile;
    addContextLayers(project, {gone, kept});

    MainWindow w;
    openIn(w, project, QSize(1200, 800));
    CHECK(w.factoryCount() == 300);
    CHECK_FALSE(hasLayer(*w.canvas(), "context-1"));
    CHECK(hasLayer(*w.canvas(), "context-2"));
    auto* box = w.findChild<QMessageBox*>(QStringLiteral("contextProblemsBox"));
    REQUIRE(box);
    CHECK(box->text().contains(QStringLiteral("Đường tỉnh")));
    CHECK(box->text().contains(QStringLiteral("duong_tinh.shp")));
    CHECK_FALSE(box->isModal());
}

TEST_CASE("the context layer editor reads a VN-2000 file and stores it relative", "[context]") {
    TempDir dir;
    const std::string project = dir.file("du_an/p.gpkg");
    // The data in a folder beside the project's.
    std::filesystem::create_directories(dir.file("du_lieu"));
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"})
        std::filesystem::copy_file(std::filesystem::path(kVn2000Shapefile).replace_extension(ext),
                                   dir.file(std::string("du_lieu/cum_cn") + ext));
    const std::string file = dir.file("du_lieu/cum_cn.shp");
    ContextLayer fresh;
    fresh.id = "context-1";
    ContextLayerEditor editor(project, fresh);
    editor.setFile(QString::fromStdString(file));
    editor.waitForFile();
    CHECK(editor.fileText().contains(QStringLiteral("5")));
    editor.setLabelField(QStringLiteral("name"));
    editor.setLineColour(QColor(0xaa, 0x33, 0x00));
    const ContextLayer layer = editor.layer();
    CHECK(layer.id == "context-1");
    CHECK(layer.style.labelField == "name");
    CHECK(layer.style.lineColour == "#aa3300");
    CHECK(layer.title == "cum_cn");
    CHECK(layer.path == "../du_lieu/cum_cn.shp");
    CHECK(resolveContextPath(project, layer.path) == file);
}
