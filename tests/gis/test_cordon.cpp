#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "gis/analysis/cordon.h"
#include "gis/analysis/cordon_layer.h"
#include "gis/analysis/utm.h"
#include "test_support.h"

using namespace safemap;

namespace {

constexpr double kPi = 3.14159265358979323846;

// WGS 84 radii of curvature, written here independently of PROJ and GEOS so that positions
// "d metres from the case" do not come from the code under test.
constexpr double kA = 6378137.0;
constexpr double kF = 1 / 298.257223563;
constexpr double kE2 = kF * (2 - kF);
double meridianRadius(double phi) {
    return kA * (1 - kE2) / std::pow(1 - kE2 * std::sin(phi) * std::sin(phi), 1.5);
}
double primeVerticalRadius(double phi) {
    return kA / std::sqrt(1 - kE2 * std::sin(phi) * std::sin(phi));
}

// The point `east` and `north` ground metres from `from`, by the mid-latitude formula.
// Checked against PROJ's `geod -I` (a geodesic inverse): 999.500 m at 45° and 1000.000 m at
// 0° and 90° from (105.85, 21.03); 19 999.997–20 000.000 m for 20 km from (108.2, 16.05).
// So its error is under 3 mm at 20 km, far inside the margins the tests below leave.
GeoPoint offset(GeoPoint from, double east, double north) {
    const double phi0 = from.lat * kPi / 180;
    double dphi = north / meridianRadius(phi0);
    for (int i = 0; i < 3; ++i)
        dphi = north / meridianRadius(phi0 + dphi / 2);
    const double mid = phi0 + dphi / 2;
    const double dlambda = east / (primeVerticalRadius(mid) * std::cos(mid));
    return {from.lon + dlambda * 180 / kPi, from.lat + dphi * 180 / kPi};
}
GeoPoint towards(GeoPoint from, double metres, double bearingDegrees) {
    const double b = bearingDegrees * kPi / 180;
    return offset(from, metres * std::sin(b), metres * std::cos(b));
}

// Ground area of a small lon/lat polygon: the shoelace formula in a local tangent plane
// (x = N cos φ Δλ, y = M Δφ about `origin`); relative error ~ (size / R)², i.e. 1e-7 at 2 km.
double groundAreaKm2(const MultiPolygon& area, GeoPoint origin) {
    const double phi = origin.lat * kPi / 180;
    const double kx = primeVerticalRadius(phi) * std::cos(phi) * kPi / 180;
    const double ky = meridianRadius(phi) * kPi / 180;
    double total = 0;
    for (const Polygon& polygon : area) {
        for (std::size_t r = 0; r < polygon.rings.size(); ++r) {
            const Ring& ring = polygon.rings[r];
            double twice = 0;
            for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
                const double x0 = (ring[i].lon - origin.lon) * kx;
                const double y0 = (ring[i].lat - origin.lat) * ky;
                const double x1 = (ring[i + 1].lon - origin.lon) * kx;
                const double y1 = (ring[i + 1].lat - origin.lat) * ky;
                twice += x0 * y1 - x1 * y0;
            }
            total += (r == 0 ? 1 : -1) * std::abs(twice) / 2;
        }
    }
    return total / 1e6;
}

Factory factory(std::string id, GeoPoint where, std::optional<int> workers = 100,
                std::string zoneId = {}) {
    Factory f;
    f.id = std::move(id);
    f.name = "Công ty " + f.id;
    f.location = where;
    f.workforce.total = workers;
    f.zoneId = std::move(zoneId);
    return f;
}

bool has(const Cordon& c, const std::string& id) {
    return std::find(c.facilityIds.begin(), c.facilityIds.end(), id) != c.facilityIds.end();
}

const GeoPoint kHanoi{105.85, 21.03};

// The square zone 105.80–105.82 E × 21.00–21.02 N.
Zone squareZone() {
    Zone z;
    z.id = "KCN-SQ";
    z.kind = ZoneKind::IndustrialCluster;
    z.name = "CCN Vuông";
    z.area = {Polygon{{Ring{
        {105.80, 21.00}, {105.82, 21.00}, {105.82, 21.02}, {105.80, 21.02}, {105.80, 21.00}}}}};
    return z;
}

}  // namespace

TEST_CASE("UTM zone and point scale of Vietnamese sites", "[cordon]") {
    CHECK(utmEpsgFor(kHanoi) == 32648);
    CHECK(utmEpsgFor({108.2, 16.05}) == 32649);  // Đà Nẵng, east of 108°E
    CHECK(utmEpsgFor({-70.0, -33.0}) == 32719);  // south of the equator
    CHECK(utmCentralMeridian(32648) == 105.0);
    CHECK(utmCentralMeridian(32649) == 111.0);
    CHECK(utmPointScale({105.0, 21.0}, 32648) == Approx(0.9996).epsilon(1e-12));
    // Expected values from PROJ: `proj -S +proj=utm +zone=… +ellps=WGS84` (6 digits).
    CHECK(utmPointScale(kHanoi, 32648) == Approx(0.999696).margin(1e-6));
    CHECK(utmPointScale({108.2, 16.05}, 32649) == Approx(1.00071).margin(1e-5));
    CHECK(utmPointScale({102.1, 22.3}, 32648) == Approx(1.0007).margin(1e-5));
}

TEST_CASE("Buffer cordon: facilities inside and outside by ground distance", "[cordon]") {
    std::vector<Factory> factories{factory("case", kHanoi, 500)};
    factories.push_back(factory("east-900", offset(kHanoi, 900, 0), 10));
    factories.push_back(factory("east-1100", offset(kHanoi, 1100, 0), 1000));
    factories.push_back(factory("north-900", offset(kHanoi, 0, 900), std::nullopt));
    factories.push_back(factory("north-1100", offset(kHanoi, 0, 1100), 1000));
    factories.push_back(factory("far", {106.5, 20.9}, 1000));

    const auto cordon = computeCordon({"case", 1000, false}, factories, {});
    REQUIRE(cordon.ok());
    CHECK(cordon->facilityIds == std::vector<std::string>{"case", "east-900", "north-900"});
    CHECK(cordon->knownWorkers == 510);
    CHECK(cordon->unknownWorkforce == 1);
    CHECK(cordon->metricEpsg == 32648);
    CHECK(cordon->zoneId.empty());
    CHECK(cordon->caseSiteName == "Công ty case");
    REQUIRE(cordon->area.size() == 1);
    CHECK(cordon->area[0].rings.size() == 1);
    // 4 × 32 segments, closed: one vertex per segment plus the repeated first one.
    CHECK(cordon->area[0].rings[0].size() == 4 * kCordonQuadrantSegments + 1);
}

TEST_CASE("Buffer cordon boundary: everything within r is in, nothing past r + 0.03 %",
          "[cordon]") {
    // The polygon circumscribes the 1000 m circle: its edges touch the circle and its vertices
    // reach r / cos(π/128) = 1000.30 m. Points at 999.5 m must all be in, at 1001 m all out:
    // 0.5 m and 0.7 m of margin, against < 3 mm for offset() and < 1e-6 relative for the UTM
    // scale. Without the circumscribing step GEOS's chords cut 0.3 m inside the circle; without
    // the scale correction the circle would be 0.3 m (0.03 %) too large at Hà Nội.
    std::vector<Factory> factories{factory("case", kHanoi)};
    for (int bearing = 0; bearing < 360; bearing += 5) {
        factories.push_back(
            factory("in-" + std::to_string(bearing), towards(kHanoi, 999.5, bearing)));
        factories.push_back(
            factory("out-" + std::to_string(bearing), towards(kHanoi, 1001, bearing)));
    }
    const auto cordon = computeCordon({"case", 1000, false}, factories, {});
    REQUIRE(cordon.ok());
    for (const Factory& f : factories) {
        INFO(f.id);
        CHECK(has(*cordon, f.id) == (f.id.rfind("out-", 0) != 0));
    }
    CHECK(cordon->facilityIds.size() == 1 + 72);
}

TEST_CASE("Buffer cordon at 20 km near a zone edge corrects the UTM scale", "[cordon]") {
    // Đà Nẵng is 2.8° west of zone 49's meridian, where the grid is 0.071 % too long: an
    // uncorrected 20 km buffer would reach only 19 986 m on the ground and drop the 19 995 m
    // points. The polygon reaches at most 20 000 / cos(π/128) = 20 006 m.
    const GeoPoint danang{108.2, 16.05};
    std::vector<Factory> factories{factory("case", danang)};
    for (int bearing = 0; bearing < 360; bearing += 15) {
        factories.push_back(
            factory("in-" + std::to_string(bearing), towards(danang, 19995, bearing)));
        factories.push_back(
            factory("out-" + std::to_string(bearing), towards(danang, 20010, bearing)));
    }
    const auto cordon = computeCordon({"case", 20000, false}, factories, {});
    REQUIRE(cordon.ok());
    CHECK(cordon->metricEpsg == 32649);
    for (const Factory& f : factories) {
        INFO(f.id);
        CHECK(has(*cordon, f.id) == (f.id.rfind("out-", 0) != 0));
    }
    const double circle = kPi * 20.0 * 20.0;
    CHECK(cordon->areaKm2 == Approx(circle).epsilon(0.01));
}

TEST_CASE("Buffer cordon area is π r² within 1 %", "[cordon]") {
    const std::vector<Factory> factories{factory("case", kHanoi)};
    for (double r : {50.0, 1000.0, 5000.0}) {
        INFO("radius " << r);
        const auto cordon = computeCordon({"case", r, false}, factories, {});
        REQUIRE(cordon.ok());
        const double circle = kPi * r * r / 1e6;
        CHECK(cordon->areaKm2 == Approx(circle).epsilon(0.01));
        // The returned polygon itself, measured without PROJ or GEOS.
        CHECK(groundAreaKm2(cordon->area, kHanoi) == Approx(circle).epsilon(0.01));
    }
}

TEST_CASE("Buffer cordon membership agrees with ground distance for random points", "[cordon]") {
    // 3000 points scattered over a 4 km square: the bounding-box prefilter and the exact test
    // together must classify each one by its distance to the case (points in the 0.3 m band
    // the polygon may or may not cover are not judged).
    std::mt19937 rng(20210624);
    std::uniform_real_distribution<double> metres(-2000, 2000);
    std::vector<Factory> factories{factory("case", kHanoi)};
    std::vector<double> distance{0};
    for (int i = 0; i < 3000; ++i) {
        const double e = metres(rng), n = metres(rng);
        factories.push_back(factory(numbered("p", i), offset(kHanoi, e, n)));
        distance.push_back(std::hypot(e, n));
    }
    const auto cordon = computeCordon({"case", 1000, false}, factories, {});
    REQUIRE(cordon.ok());
    int judged = 0;
    for (std::size_t i = 0; i < factories.size(); ++i) {
        if (distance[i] > 999.99 && distance[i] < 1000.31)
            continue;
        ++judged;
        INFO(factories[i].id << " at " << distance[i] << " m");
        CHECK(has(*cordon, factories[i].id) == (distance[i] <= 999.99));
    }
    CHECK(judged > 2990);
}

TEST_CASE("A facility on the cordon's boundary is inside", "[cordon]") {
    std::vector<Factory> factories{factory("case", kHanoi)};
    const auto first = computeCordon({"case", 1000, false}, factories, {});
    REQUIRE(first.ok());
    // Exactly on a vertex of the returned polygon, and just beyond it.
    const GeoPoint vertex = first->area[0].rings[0][7];
    factories.push_back(factory("on-vertex", vertex));
    const double dLon = vertex.lon - kHanoi.lon, dLat = vertex.lat - kHanoi.lat;
    factories.push_back(
        factory("beyond", {kHanoi.lon + dLon * 1.0001, kHanoi.lat + dLat * 1.0001}));
    const auto cordon = computeCordon({"case", 1000, false}, factories, {});
    REQUIRE(cordon.ok());
    CHECK(cordon->area == first->area);
    CHECK(has(*cordon, "on-vertex"));
    CHECK_FALSE(has(*cordon, "beyond"));
}

TEST_CASE("Whole-zone cordon: exactly the facilities whose points are in the zone", "[cordon]") {
    const std::vector<Zone> zones{squareZone()};
    const std::vector<Factory> factories{
        factory("case", {105.81, 21.01}, 1200, "KCN-SQ"),
        factory("inside", {105.801, 21.019}, 300, "KCN-SQ"),
        factory("west-edge", {105.80, 21.013}, std::nullopt, "KCN-SQ"),
        factory("north-edge", {105.815, 21.02}, 40),
        factory("corner", {105.82, 21.00}, 60),
        // Recorded in the zone but placed outside it: membership is by location.
        factory("misplaced", {105.83, 21.01}, 5000, "KCN-SQ"),
        factory("just-east", {105.8200001, 21.01}, 7000),
        factory("just-south", {105.81, 20.9999999}, 7000),
        factory("far", {106.0, 21.5}, 7000),
    };
    const auto cordon = computeCordon({"case", 0, true}, factories, zones);
    REQUIRE(cordon.ok());
    CHECK(cordon->facilityIds ==
          std::vector<std::string>{"case", "inside", "west-edge", "north-edge", "corner"});
    CHECK(cordon->knownWorkers == 1200 + 300 + 40 + 60);
    CHECK(cordon->unknownWorkforce == 1);
    CHECK(cordon->zoneId == "KCN-SQ");
    CHECK(cordon->area == zones[0].area);
    // 0.02° × 0.02° at 21.01° N: 2 079.3 m × 2 214.3 m by the radii of curvature.
    CHECK(cordon->areaKm2 == Approx(groundAreaKm2(zones[0].area, {105.81, 21.01})).epsilon(1e-3));
    CHECK(cordon->areaKm2 == Approx(4.6042).epsilon(1e-3));
}

TEST_CASE("Whole-zone cordon lists the case facility even if its point is off the zone",
          "[cordon]") {
    const std::vector<Zone> zones{squareZone()};
    const std::vector<Factory> factories{factory("case", {105.85, 21.01}, 10, "KCN-SQ"),
                                         factory("inside", {105.81, 21.01}, 20)};
    const auto cordon = computeCordon({"case", 0, true}, factories, zones);
    REQUIRE(cordon.ok());
    CHECK(cordon->facilityIds == std::vector<std::string>{"case", "inside"});
}

TEST_CASE("Whole-zone cordon with a margin grows the zone by the ground distance", "[cordon]") {
    const std::vector<Zone> zones{squareZone()};
    const GeoPoint eastEdge{105.82, 21.01};
    const GeoPoint northEdge{105.81, 21.02};
    const std::vector<Factory> factories{
        factory("case", {105.81, 21.01}, 1, "KCN-SQ"),
        factory("east-400", offset(eastEdge, 400, 0), 1),
        factory("east-600", offset(eastEdge, 600, 0), 1),
        factory("north-499", offset(northEdge, 0, 499), 1),
        factory("north-501", offset(northEdge, 0, 501), 1),
        // Beyond the corner diagonally: 480 m away in the rounded join, then 520 m.
        factory("corner-480", towards({105.82, 21.02}, 480, 45), 1),
        factory("corner-520", towards({105.82, 21.02}, 520, 45), 1),
    };
    const auto cordon = computeCordon({"case", 500, true}, factories, zones);
    REQUIRE(cordon.ok());
    CHECK(cordon->facilityIds ==
          std::vector<std::string>{"case", "east-400", "north-499", "corner-480"});
    // Square plus four 500 m strips plus the rounded corners: A + P r + π r², with the
    // 2 079.3 m × 2 214.3 m square: 4.6042 + 4.2936 + 0.7854 km².
    CHECK(cordon->areaKm2 == Approx(9.6832).epsilon(0.01));
}

TEST_CASE("Whole-zone cordon repairs a self-intersecting zone outline", "[cordon]") {
    Zone bowtie = squareZone();
    // Corners in the wrong order: a bow tie, two triangles meeting at (105.81, 21.01).
    bowtie.area = {Polygon{{Ring{
        {105.80, 21.00}, {105.82, 21.02}, {105.82, 21.00}, {105.80, 21.02}, {105.80, 21.00}}}}};
    const std::vector<Factory> factories{
        factory("case", {105.815, 21.01}, 1, "KCN-SQ"),  // right triangle
        factory("left", {105.803, 21.01}, 1),            // left triangle
        factory("top", {105.81, 21.018}, 1),             // between the triangles
    };
    const auto cordon = computeCordon({"case", 0, true}, factories, {bowtie});
    REQUIRE(cordon.ok());
    CHECK(cordon->facilityIds == std::vector<std::string>{"case", "left"});
    // Two triangles of a quarter of the square each.
    CHECK(cordon->areaKm2 ==
          Approx(groundAreaKm2(squareZone().area, {105.81, 21.01}) / 2).epsilon(1e-3));
}

TEST_CASE("Cordon errors", "[cordon]") {
    const std::vector<Zone> zones{squareZone()};
    const std::vector<Factory> factories{factory("in-zone", {105.81, 21.01}, 1, "KCN-SQ"),
                                         factory("no-zone", kHanoi, 1),
                                         factory("lost-zone", kHanoi, 1, "KCN-GONE")};
    auto fails = [&](const CordonRequest& r, const std::string& words) {
        const auto result = computeCordon(r, factories, zones);
        INFO(r.caseSiteId << " " << r.radiusMetres << " " << r.wholeZone);
        REQUIRE_FALSE(result.ok());
        CHECK_THAT(result.error().message, Catch::Contains(words));
    };
    fails({"nobody", 1000, false}, "unknown site id: nobody");
    fails({"KCN-SQ", 1000, true}, "unknown site id");  // a zone is not a facility
    fails({"in-zone", 0, false}, "more than 0 m");
    fails({"in-zone", -10, false}, "more than 0 m");
    fails({"in-zone", std::nan(""), false}, "more than 0 m");
    fails({"in-zone", -10, true}, "cannot be negative");
    fails({"in-zone", 100001, false}, "larger than");
    fails({"no-zone", 0, true}, "not in any zone");
    fails({"lost-zone", 0, true}, "KCN-GONE");

    Zone empty = squareZone();
    empty.area.clear();
    const auto noArea = computeCordon({"in-zone", 0, true}, factories, {empty});
    REQUIRE_FALSE(noArea.ok());
    CHECK_THAT(noArea.error().message, Catch::Contains("no area"));

    CHECK(computeCordon({"no-zone", 50, false}, factories, zones).ok());
    CHECK(computeCordon({"in-zone", 0, true}, factories, zones).ok());
}

TEST_CASE("Cordon overlay layer", "[cordon]") {
    const auto cordon = computeCordon({"case", 1000, false}, {factory("case", kHanoi)}, {});
    REQUIRE(cordon.ok());
    const auto layer = makeCordonLayer(*cordon);
    CHECK(layer->id == kCordonLayerId);
    CHECK(layer->kind == LayerKind::Basemap);
    REQUIRE(layer->featureCount() == 1);
    CHECK(layer->consistent());
    CHECK(layer->featureIds[0] == "cordon:case");
    CHECK_FALSE(layer->geometry->isPoints);
    CHECK(layer->geometry->ringStarts.back() == 4 * kCordonQuadrantSegments + 1);

    const LayerStyle style = cordonStyle();
    const QColor fill = style.forCategory(0).fill;
    CHECK(fill.alpha() > 0);
    CHECK(fill.alpha() < 128);
    CHECK(fill.red() > fill.green());
    CHECK(style.forCategory(0).stroke.alpha() == 255);
    CHECK(style.strokeWidth >= 2);
}
