#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "gis/io/site_import.h"
#include "gis/io/source_info.h"
#include "test_import_fixtures.h"
#include "test_support.h"

using namespace safemap;

namespace {

// Area-weighted centroid of the outer rings (shoelace), in degrees; planar is fine at the
// size of an industrial zone.
GeoPoint centroid(const MultiPolygon& mp) {
    double a = 0, cx = 0, cy = 0;
    for (const auto& polygon : mp) {
        const Ring& r = polygon.rings.at(0);
        for (size_t i = 0; i + 1 < r.size(); ++i) {
            const double cross = r[i].lon * r[i + 1].lat - r[i + 1].lon * r[i].lat;
            a += cross;
            cx += (r[i].lon + r[i + 1].lon) * cross;
            cy += (r[i].lat + r[i + 1].lat) * cross;
        }
    }
    return {cx / (3 * a), cy / (3 * a)};
}

double metresBetween(GeoPoint a, GeoPoint b) {
    constexpr double kPi = 3.14159265358979323846;
    const double r = 6371000.0, lat = (a.lat + b.lat) / 2 * kPi / 180;
    return std::hypot((a.lon - b.lon) * kPi / 180 * std::cos(lat) * r,
                      (a.lat - b.lat) * kPi / 180 * r);
}

}  // namespace

TEST_CASE("the Lạng Sơn VN-2000 shapefile lands on the zones of zones.geojson") {
    const auto shp = sourcePath("data/sites/lang_son_ccn_vn2000/lang_son_ccn_vn2000.shp");
    auto info = describeSource(shp);
    REQUIRE_OK(info);
    CHECK(info->layers.at(0).crsId == "EPSG:9215");

    auto local = readSites(shp);
    REQUIRE_OK(local);
    auto reference = readSites(sourcePath("data/sites/zones.geojson"));
    REQUIRE_OK(reference);
    std::map<std::string, const Zone*> byId;
    for (const auto& z : reference->zones)
        byId[z.id] = &z;

    REQUIRE(local->zones.size() == 5);
    for (const auto& z : local->zones) {
        INFO(z.id);
        REQUIRE(byId.count(z.id) == 1);
        const Zone& ref = *byId[z.id];
        CHECK(z.name == ref.name);
        CHECK(z.kind == ref.kind);
        CHECK(z.province == "Lạng Sơn");
        // Without the VN-2000 datum shift the two would be ~220 m apart; with the wrong
        // central meridian, kilometres.
        CHECK(metresBetween(centroid(z.area), centroid(ref.area)) < 5.0);
    }
}

TEST_CASE("the shipped sample factories import cleanly") {
    auto batch = readSites(sourcePath("data/sites/factories.csv"));
    REQUIRE_OK(batch);
    CHECK(batch->factories.size() > 100);
    CHECK(batch->zones.empty());
}
