// Context layers as project settings (issue 11): saved in the project with their style, read
// back as saved, hand-edited damage reported, paths kept relative to the project where they
// can be, and new layers entering the drawing order below the zones.
#include <catch2/catch.hpp>

#include "core/project/project_settings.h"
#include "project_fixture.h"

using namespace safemap;
using namespace safemap::test;

namespace {

ContextLayer roads() {
    ContextLayer l;
    l.id = "context-1";
    l.title = "Quốc lộ, tỉnh lộ";
    l.path = "../du_lieu/duong.shp";
    l.layerName = "duong";
    l.sourceCrs = "VN2000:Hà Nam";
    l.style.lineColour = "#aa3300";
    l.style.fillColour = "#ffcc0080";
    l.style.lineWidth = 2.5;
    l.style.labelField = "ten_duong";
    return l;
}

}  // namespace

TEST_CASE("context layers are saved with their style and read back as saved", "[context]") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    Project project = projectWith(path, threeFactories());
    ProjectSettings s;
    ContextLayer rivers;
    rivers.id = "context-2";
    rivers.title = "Sông";
    rivers.path = "/srv/gis/song.geojson";
    s.contextLayers = {roads(), rivers};
    REQUIRE(saveProjectSettings(project, s).ok());
    auto loaded = loadProjectSettings(project);
    REQUIRE(loaded.ok());
    CHECK(loaded->problems.empty());
    REQUIRE(loaded->contextLayers.size() == 2);
    CHECK(loaded->contextLayers[0] == roads());
    CHECK(loaded->contextLayers[1] == rivers);  // defaults stay defaults

    // Removing every layer is saved too.
    s.contextLayers.clear();
    REQUIRE(saveProjectSettings(project, s).ok());
    CHECK(loadProjectSettings(project)->contextLayers.empty());
}

TEST_CASE("damaged context layer settings are reported and the rest is read", "[context]") {
    TempDir dir;
    const auto path = dir.file("p.gpkg");
    Project project = projectWith(path, threeFactories());
    sqlExec(path,
            "INSERT OR REPLACE INTO safemap_meta(key, value) VALUES ('context.layers', '["
            "{\"id\":\"context-1\",\"path\":\"a.shp\",\"line_colour\":\"red\",\"line_width\":99},"
            "{\"id\":\"context-1\",\"path\":\"b.shp\"},"
            "{\"path\":\"c.shp\"},"
            "{\"id\":\"context-3\",\"path\":\"d/e.gpkg\",\"title\":\"\"}]')");
    auto loaded = loadProjectSettings(project);
    REQUIRE(loaded.ok());
    REQUIRE(loaded->contextLayers.size() == 2);
    CHECK(loaded->contextLayers[0].path == "a.shp");
    CHECK(loaded->contextLayers[0].style.lineColour == ContextLayerStyle{}.lineColour);
    CHECK(loaded->contextLayers[0].style.lineWidth == ContextLayerStyle{}.lineWidth);
    CHECK(loaded->contextLayers[1].title == "e");  // no title: the file's name
    // A bad colour, a bad width, a duplicate id and a missing id: four problems.
    CHECK(loaded->problems.size() == 4);

    sqlExec(path, "UPDATE safemap_meta SET value = '{}' WHERE key = 'context.layers'");
    auto notList = loadProjectSettings(project);
    REQUIRE(notList.ok());
    CHECK(notList->contextLayers.empty());
    CHECK(notList->problems.size() == 1);
}

TEST_CASE("context paths are relative to the project where they share a folder", "[context]") {
    CHECK(storedContextPath("/home/an/du_an/p.gpkg", "/home/an/du_lieu/duong.shp") ==
          "../du_lieu/duong.shp");
    CHECK(storedContextPath("/home/an/p.gpkg", "/home/an/duong.shp") == "duong.shp");
    CHECK(storedContextPath("/home/an/p.gpkg", "/media/usb/duong.shp") == "/media/usb/duong.shp");
    CHECK(resolveContextPath("/home/an/du_an/p.gpkg", "../du_lieu/duong.shp") ==
          "/home/an/du_lieu/duong.shp");
    CHECK(resolveContextPath("/home/an/p.gpkg", "/media/usb/duong.shp") == "/media/usb/duong.shp");
    CHECK(newContextLayerId({}) == "context-1");
    ContextLayer second = roads();
    second.id = "context-2";
    CHECK(newContextLayerId({second}) == "context-1");
    CHECK(newContextLayerId({roads(), second}) == "context-3");
}

TEST_CASE("a new context layer enters the saved order below the zones; a removed one leaves it",
          "[context]") {
    ProjectSettings s;
    // No saved order: the default order already places context layers; nothing is added.
    CHECK(replaceContextLayers(s, {roads()}, "zones"));
    CHECK(s.view.layers.empty());
    CHECK_FALSE(replaceContextLayers(s, {roads()}, "zones"));  // nothing changed

    s.view.layers = {
        {"basemap-provinces", true}, {"context-1", false}, {"zones", true}, {"factories", true}};
    ContextLayer rivers;
    rivers.id = "context-2";
    rivers.path = "song.geojson";
    REQUIRE(replaceContextLayers(s, {roads(), rivers}, "zones"));
    CHECK(s.view.layers == std::vector<LayerState>{{"basemap-provinces", true},
                                                   {"context-1", false},
                                                   {"context-2", true},
                                                   {"zones", true},
                                                   {"factories", true}});
    REQUIRE(replaceContextLayers(s, {rivers}, "zones"));
    CHECK(s.view.layers == std::vector<LayerState>{{"basemap-provinces", true},
                                                   {"context-2", true},
                                                   {"zones", true},
                                                   {"factories", true}});
    CHECK(s.contextLayers == std::vector<ContextLayer>{rivers});
}
