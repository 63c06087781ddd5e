// The spatial index written in one pass by a large site import (core/storage/rtree_bulk.h)
// is the index SQLite's own inserts build: the same boxes for the same features, a tree that
// rtreecheck() passes, the same answers to queries, and the triggers back for later edits.
#include <catch2/catch.hpp>

#include <array>
#include <random>

#include "core/project/imports.h"
#include "core/project/project.h"
#include "project_fixture.h"

using namespace safemap;
using namespace safemap::test;

namespace {

/// `n` facilities scattered over Hà Nam, a few of them on the same spot.
std::vector<Factory> scattered(int n) {
    std::mt19937 rng(20211);
    std::uniform_real_distribution<double> lon(105.70, 106.20);
    std::uniform_real_distribution<double> lat(20.30, 20.70);
    std::vector<Factory> out;
    for (int i = 0; i < n; ++i) {
        Factory f;
        f.taxCode = std::to_string(9700000000LL + i);
        f.id = factoryIdFor(f.taxCode, "", "", "");
        f.name = "Cơ sở " + std::to_string(i);
        f.workforce.total = 10 + i % 500;
        f.location = i % 97 == 0 && i > 0 ? out.back().location : GeoPoint{lon(rng), lat(rng)};
        out.push_back(f);
    }
    return out;
}

/// Every box of the index, in id order, as text.
std::string boxes(const std::string& path) {
    return sqlText(path,
                   "SELECT count(*) || ';' || group_concat(b, ',') FROM (SELECT id || ':' || "
                   "minx || ':' || maxx || ':' || miny || ':' || maxy AS b FROM "
                   "rtree_factories_geom ORDER BY id)")
        .value_or("none");
}

/// The ids the index finds in a box.
std::string found(const std::string& path, double x0, double x1, double y0, double y1) {
    return sqlText(path,
                   "SELECT count(*) || ';' || ifnull(group_concat(id, ','), '') FROM "
                   "(SELECT id FROM rtree_factories_geom WHERE maxx >= " +
                       std::to_string(x0) + " AND minx <= " + std::to_string(x1) + " AND maxy >= " +
                       std::to_string(y0) + " AND miny <= " + std::to_string(y1) + " ORDER BY id)")
        .value_or("none");
}

std::string triggers(const std::string& path) {
    return sqlText(path,
                   "SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_master "
                   "WHERE type = 'trigger' AND tbl_name = 'factories' ORDER BY name)")
        .value_or("none");
}

}  // namespace

TEST_CASE("a large site import writes the spatial index SQLite's inserts would", "[storage]") {
    TempDir dir;
    const auto sites = scattered(6000);

    // One batch of 6,000: the index is written in one pass.
    const std::string bulk = dir.file("bulk.gpkg");
    projectWith(bulk, sites);
    // The same sites in batches of 500, each under the bulk threshold: row by row through
    // the triggers, as before.
    const std::string rows = dir.file("rows.gpkg");
    projectInBatches(rows, sites, 500);

    CHECK(sqlText(bulk, "SELECT rtreecheck('rtree_factories_geom')") == "ok");
    CHECK(sqlText(rows, "SELECT rtreecheck('rtree_factories_geom')") == "ok");
    CHECK(sqlInt(bulk, "SELECT count(*) FROM rtree_factories_geom") == 6000);
    // The same box for every feature, rounded outwards to float the same way.
    CHECK(boxes(bulk) == boxes(rows));
    // A packed tree: 6,000 leaves' worth of cells in full nodes, far fewer than the
    // incremental splits leave.
    const auto bulkNodes = sqlInt(bulk, "SELECT count(*) FROM rtree_factories_geom_node");
    const auto rowNodes = sqlInt(rows, "SELECT count(*) FROM rtree_factories_geom_node");
    REQUIRE(bulkNodes);
    REQUIRE(rowNodes);
    CHECK(*bulkNodes < *rowNodes);
    CHECK(*bulkNodes >= 6000 / 51 + 1);
    // Queries find the same features, from a point to the whole province.
    for (const auto& [x0, x1, y0, y1] :
         std::vector<std::array<double, 4>>{{105.80, 105.85, 20.40, 20.45},
                                            {105.70, 106.20, 20.30, 20.70},
                                            {106.0, 106.001, 20.5, 20.501},
                                            {104.0, 104.5, 20.0, 20.1}}) {
        INFO(x0 << " " << x1 << " " << y0 << " " << y1);
        CHECK(found(bulk, x0, x1, y0, y1) == found(rows, x0, x1, y0, y1));
    }
    CHECK(found(bulk, 105.70, 106.20, 20.30, 20.70).rfind("6000;", 0) == 0);
    // The triggers are back, word for word.
    CHECK(triggers(bulk) == triggers(rows));
    CHECK(sqlInt(bulk,
                 "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND "
                 "name LIKE 'rtree_factories_geom_%'") == 6);

    SECTION("later small edits go through the triggers into the packed tree") {
        auto project = Project::open(bulk);
        REQUIRE(project.ok());
        SiteBatch batch;
        batch.factories = threeFactories();
        Factory moved = sites[10];
        moved.location = {106.15, 20.65};
        batch.factories.push_back(moved);
        REQUIRE(importSites(*project, batch, "corrections.csv").ok());
        CHECK(sqlText(bulk, "SELECT rtreecheck('rtree_factories_geom')") == "ok");
        CHECK(sqlInt(bulk, "SELECT count(*) FROM rtree_factories_geom") == 6003);
        const auto fid =
            sqlInt(bulk, "SELECT fid FROM factories WHERE site_id = '" + moved.id + "'");
        REQUIRE(fid);
        CHECK(found(bulk, 106.149, 106.151, 20.649, 20.651).find(std::to_string(*fid)) !=
              std::string::npos);
    }
    SECTION("re-importing every site rebuilds the index to the same boxes") {
        auto project = Project::open(bulk);
        REQUIRE(project.ok());
        SiteBatch batch;
        batch.factories = sites;
        REQUIRE(importSites(*project, batch, "sites.csv").ok());
        CHECK(sqlText(bulk, "SELECT rtreecheck('rtree_factories_geom')") == "ok");
        CHECK(boxes(bulk) == boxes(rows));
    }
}
