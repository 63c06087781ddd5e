// The basemap a field package carries (issue 10): cut to the package's area, written as
// GeoPackage layers QGIS sees, and drawn by field mode on a laptop whose SafeMap has no
// basemap of its own.
#include <QProcess>
#include <catch2/catch.hpp>

#include "app/gui/field_mode.h"
#include "app/gui/main_window.h"
#include "app/gui/map_canvas.h"
#include "app/gui/project_session.h"
#include "cli_fixture.h"
#include "core/project/field_package.h"
#include "core/project/project.h"
#include "gis/render/basemap_layers.h"
#include "gis/render/web_mercator.h"

using namespace safemap;
using namespace safemap::test;

namespace {

std::size_t featuresOf(const std::vector<LayerRender>& layers, const char* id) {
    for (const auto& l : layers)
        if (l.data && l.data->id == id)
            return l.data->featureCount();
    return 0;
}

}  // namespace

TEST_CASE("a field package carries the basemap cut to its area", "[app][field][basemap]") {
    TempDir dir;
    const QString master = QString::fromStdString(dir.file("tinh.gpkg"));
    const QString package = QString::fromStdString(dir.file("kim_bang.gpkg"));
    makeSampleProject(master);
    const CliRun made = runCli({"package", "create", master, "--out", package, "--list", "inspect",
                                "--district", "Kim Bảng", "--route"});
    INFO(made.err.toStdString());
    REQUIRE(made.exitCode == 0);
    CHECK(validatorSays(package).isEmpty());

    // QGIS sees the layers: they are registered GeoPackage feature tables.
    QProcess ogr;
    ogr.start(QStringLiteral("ogrinfo"), {"-q", "-ro", package});
    REQUIRE(ogr.waitForFinished(60000));
    const QString layers = QString::fromUtf8(ogr.readAllStandardOutput());
    for (const char* name : {"basemap_countries", "basemap_provinces", "basemap_districts",
                             "basemap_rivers", "basemap_places"})
        CHECK(layers.contains(QString::fromLatin1(name)));

    // Only the package's area, with its margin: a few provinces, not the country's 63.
    auto project = Project::open(package.toStdString(), Project::Access::ReadOnly);
    REQUIRE(project);
    auto facts = project->repository().factories();
    REQUIRE(facts);
    auto zones = project->repository().zones();
    REQUIRE(zones);
    const BBox area = packageArea(*facts, *zones);
    auto own = loadPackageBasemapLayers(package.toStdString(), MapLanguage::Vietnamese);
    REQUIRE(own);
    const std::size_t provinces = featuresOf(*own, kBasemapProvincesId);
    CHECK(provinces >= 1);
    CHECK(provinces < 10);
    CHECK(featuresOf(*own, kBasemapDistrictsId) >= 1);
    for (const auto& l : *own) {
        if (!l.data || l.data->featureCount() == 0)
            continue;
        const BBox b = l.data->extent();
        INFO(l.data->id);
        // Cut at the area's edge (Web Mercator metres; a metre of slack for rounding).
        BBox m = toMercator(area);
        m = BBox{m.minX - 1, m.minY - 1, m.maxX + 1, m.maxY + 1};
        CHECK(b.minX >= m.minX);
        CHECK(b.maxX <= m.maxX);
        CHECK(b.minY >= m.minY);
        CHECK(b.maxY <= m.maxY);
    }
    // The package is still a project the commands read.
    CHECK(runCli({"list", package, "--inspect", "--no-filter"}).exitCode == 0);
    // A project has no basemap of its own.
    CHECK_FALSE(loadPackageBasemapLayers(master.toStdString(), MapLanguage::Vietnamese));

    SECTION("field mode draws it when SafeMap's own basemap is missing") {
        MainWindow window;
        window.resize(1366, 768);
        window.show();
        window.session().setBasemap({});
        REQUIRE(window.openProject(package, true));
        window.waitForIdle();
        REQUIRE(window.fieldMode()->active());
        std::vector<LayerRender> drawn;
        for (const auto& l : window.canvas()->layers())
            drawn.push_back(l);
        CHECK(featuresOf(drawn, kBasemapProvincesId) == provinces);
        CHECK(featuresOf(drawn, kBasemapRiversId) == featuresOf(*own, kBasemapRiversId));
        // The office's project has none: nothing drawn under it.
        REQUIRE(window.openProject(master, true));
        window.waitForIdle();
        drawn.clear();
        for (const auto& l : window.canvas()->layers())
            drawn.push_back(l);
        CHECK(featuresOf(drawn, kBasemapProvincesId) == 0);
    }
}
