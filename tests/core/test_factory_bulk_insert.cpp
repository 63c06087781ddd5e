// A province's first import writes its new facilities in bulk (core/storage/
// factory_bulk_insert.h): the same rows, change-log lines and indexes as the row-by-row
// upsert, in site-id order whatever the file's order, and nothing at all when it fails.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "core/project/imports.h"
#include "core/project/project.h"
#include "project_fixture.h"

using namespace safemap;
using namespace safemap::test;

namespace {

// 3,000 facilities (over the bulk threshold, not a multiple of the rows per statement) with
// every kind of column filled or left empty.
std::vector<Factory> varied(int n) {
    std::vector<Factory> out;
    for (int i = 0; i < n; ++i) {
        Factory f;
        f.taxCode = i % 7 == 0 ? "" : std::to_string(9600000000LL + i);
        f.id = f.taxCode.empty() ? "CS-" + std::to_string(i) : factoryIdFor(f.taxCode, "", "", "");
        f.name = "Cơ sở sản xuất số " + std::to_string(i) + (i % 11 == 0 ? ", \"mẫu\"" : "");
        f.zoneId = i % 3 == 0 ? "KCN-" + std::to_string(i % 5) : "";
        f.province = "Hà Nam";
        f.district = i % 2 ? "Duy Tiên" : "";
        f.address = i % 5 ? "Lô " + std::to_string(i) : "";
        f.sector = i % 4 ? "may mặc" : "";
        if (i % 6)
            f.workforce.total = 50 + i;
        if (i % 9 == 0)
            f.workforce.outOfProvince = i % 40;
        if (i % 10 == 0)
            f.workforce.largestShift = 20 + i % 70;
        if (i % 8)
            f.accountIssued = parseDate("2021-05-0" + std::to_string(1 + i % 9));
        f.location = {105.7 + (i % 100) * 0.005, 20.3 + (i / 100) * 0.004};
        f.approximatePosition = i % 13 == 0;
        out.push_back(f);
    }
    return out;
}

std::string rowsOf(const std::string& path, const std::string& select) {
    return sqlText(path, "SELECT count(*) || ';' || group_concat(r, '|') FROM (" + select + ")")
        .value_or("none");
}

// Each facility's row without its fid, in site-id order.
const std::string kFactoryRows =
    "SELECT hex(geom) || ',' || site_id || ',' || quote(tax_code) || ',' || name "
    "|| ',' || quote(zone_id) || ',' || quote(province) || ',' || quote(district) || ',' || "
    "quote(address) || ',' || quote(sector) || ',' || quote(workers_total) || ',' || "
    "quote(workers_out_of_province) || ',' || quote(workers_largest_shift) || ',' || "
    "quote(account_issued) || ',' || approximate_position AS r FROM factories ORDER BY site_id";
const std::string kLogLines =
    "SELECT table_name || ',' || row_key || ',' || action || ',' || quote(detail) "
    "AS r FROM change_log ORDER BY row_key";
// How many rows (of a table with a text key) come after a row whose key is larger: 0 when
// the fids follow the keys.
int64_t outOfKeyOrder(const std::string& path, const std::string& table, const std::string& key) {
    return sqlInt(path, "SELECT count(*) FROM " + table + " a JOIN " + table +
                            " b ON b.fid = (SELECT min(fid) FROM " + table +
                            " WHERE fid > a.fid) WHERE b." + key + " < a." + key)
        .value_or(-1);
}
const std::string kSchema =
    "SELECT type || ',' || name || ',' || quote(sql) AS r FROM sqlite_master ORDER BY name";

}  // namespace

TEST_CASE("a first import of many facilities writes in bulk what row by row would", "[storage]") {
    TempDir dir;
    const auto sites = varied(3000);
    const std::string bulk = dir.file("bulk.gpkg");
    projectWith(bulk, sites);
    // The same facilities in batches of 500, under the bulk threshold: row by row.
    const std::string rows = dir.file("rows.gpkg");
    projectInBatches(rows, sites, 500);
    CHECK(sqlInt(bulk, "SELECT count(*) FROM factories") == 3000);
    CHECK(rowsOf(bulk, kFactoryRows) == rowsOf(rows, kFactoryRows));
    CHECK(rowsOf(bulk, kLogLines) == rowsOf(rows, kLogLines));
    // The facilities and their log lines stored in site-id order, not the list's (whose ids
    // "CS-…" come between the tax codes): the indexes are then appended to in order.
    CHECK(outOfKeyOrder(rows, "factories", "site_id") > 0);
    CHECK(outOfKeyOrder(bulk, "factories", "site_id") == 0);
    CHECK(outOfKeyOrder(bulk, "change_log", "row_key") == 0);
    CHECK(sqlInt(bulk, "SELECT count(DISTINCT import_id) FROM change_log") == 1);
    CHECK(sqlInt(bulk,
                 "SELECT count(*) FROM change_log WHERE changed_at IS NULL OR "
                 "changed_at <> (SELECT updated_at FROM factories LIMIT 1)") == 0);
    // The same schema, indexes word for word, and the indexes answer.
    CHECK(rowsOf(bulk, kSchema) == rowsOf(rows, kSchema));
    CHECK(sqlText(bulk, "PRAGMA integrity_check") == "ok");
    CHECK(sqlInt(bulk,
                 "SELECT count(*) FROM factories INDEXED BY factories_zone WHERE "
                 "zone_id = 'KCN-3'") == 200);
    CHECK(sqlInt(bulk,
                 "SELECT count(*) FROM factories INDEXED BY factories_tax WHERE "
                 "tax_code = '9600000001'") == 1);
    CHECK(sqlInt(bulk, "SELECT seq FROM sqlite_sequence WHERE name = 'factories'") == 3000);
    CHECK(sqlInt(bulk, "SELECT inserted FROM import_log") == 3000);
}

TEST_CASE("a first import stores the same facilities whatever order the file lists them in",
          "[storage]") {
    TempDir dir;
    auto sites = varied(2500);
    const std::string listed = dir.file("listed.gpkg");
    projectWith(listed, sites);
    std::shuffle(sites.begin(), sites.end(), std::mt19937(7));
    const std::string shuffled = dir.file("shuffled.gpkg");
    projectWith(shuffled, sites);
    const std::string withFids =
        "SELECT fid || ',' || site_id || ',' || name || ',' || hex(geom) AS r FROM factories "
        "ORDER BY fid";
    CHECK(rowsOf(shuffled, withFids) == rowsOf(listed, withFids));
    CHECK(sqlText(shuffled, "PRAGMA integrity_check") == "ok");
    CHECK(sqlText(shuffled, "SELECT rtreecheck('rtree_factories_geom')") == "ok");
}

TEST_CASE("a bulk import that fails leaves the project as it was, indexes and all", "[storage]") {
    TempDir dir;
    const std::string path = dir.file("p.gpkg");
    Project project = projectWith(path, threeFactories());
    const std::string schemaBefore = rowsOf(path, kSchema);
    const std::string rowsBefore = rowsOf(path, kFactoryRows);
    auto sites = varied(2000);
    sites[1500].id = sites[20].id;  // one site id twice: the UNIQUE constraint refuses it
    SiteBatch batch;
    batch.factories = sites;
    const auto result = importSites(project, batch, "sites.csv");
    REQUIRE_FALSE(result.ok());
    INFO(result.error().describe());
    CHECK(rowsOf(path, kFactoryRows) == rowsBefore);
    CHECK(rowsOf(path, kSchema) == schemaBefore);
    CHECK(sqlInt(path, "SELECT count(*) FROM change_log") == 3);
    CHECK(sqlText(path, "PRAGMA integrity_check") == "ok");
    CHECK(sqlText(path, "SELECT rtreecheck('rtree_factories_geom')") == "ok");
    // And the project takes the same facilities once the duplicate is gone.
    batch.factories.erase(batch.factories.begin() + 1500);
    const auto again = importSites(project, batch, "sites.csv");
    REQUIRE(again.ok());
    CHECK(again->inserted == 1999);
    CHECK(sqlInt(path, "SELECT count(*) FROM rtree_factories_geom") == 2002);
}
