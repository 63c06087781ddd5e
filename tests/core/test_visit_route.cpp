// The visit route: straight-line distances, the exact solver on small cases against a
// brute-force search written here, and nearest neighbour + 2-opt on larger ones (never longer
// than the order given, no improving reversal left).
#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>
#include <random>
#include <set>

#include "core/project/visit_route.h"

using namespace safemap;

namespace {

std::vector<GeoPoint> randomStops(std::mt19937& rng, size_t n) {
    // A district-sized box around Phủ Lý (Hà Nam): 30 × 30 km.
    std::uniform_real_distribution<double> lon(105.80, 106.10), lat(20.40, 20.70);
    std::vector<GeoPoint> out(n);
    for (auto& p : out)
        p = {lon(rng), lat(rng)};
    return out;
}

double bruteForce(GeoPoint start, const std::vector<GeoPoint>& stops) {
    std::vector<size_t> order(stops.size());
    std::iota(order.begin(), order.end(), 0);
    double best = routeMetres(start, stops, order);
    while (std::next_permutation(order.begin(), order.end()))
        best = std::min(best, routeMetres(start, stops, order));
    return best;
}

bool isPermutation(const std::vector<size_t>& order, size_t n) {
    std::set<size_t> seen(order.begin(), order.end());
    return order.size() == n && seen.size() == n && (n == 0 || *seen.rbegin() == n - 1);
}

}  // namespace

TEST_CASE("straight-line distances are great-circle metres") {
    // One degree of latitude is about 111.2 km everywhere.
    CHECK(straightLineMetres({105.8, 21.0}, {105.8, 22.0}) == Approx(111195).epsilon(0.001));
    // Hà Nội (Hoàn Kiếm) to Hồ Chí Minh City (Bến Thành): about 1,138 km as the crow flies.
    CHECK(straightLineMetres({105.8525, 21.0287}, {106.6981, 10.7725}) ==
          Approx(1138000).epsilon(0.01));
    CHECK(straightLineMetres({106.0, 20.5}, {106.0, 20.5}) == 0);
    // Symmetric.
    CHECK(straightLineMetres({105.9, 20.6}, {106.0, 20.5}) ==
          straightLineMetres({106.0, 20.5}, {105.9, 20.6}));
}

TEST_CASE("small routes are the shortest there is (checked against every order)") {
    std::mt19937 rng(20210701);
    for (size_t n = 1; n <= 8; ++n) {
        for (int trial = 0; trial < 12; ++trial) {
            const auto stops = randomStops(rng, n);
            const GeoPoint office = randomStops(rng, 1)[0];
            const RouteOrder route = orderRoute(office, stops);
            INFO("n = " << n << ", trial " << trial);
            REQUIRE(isPermutation(route.order, n));
            CHECK(route.exact);
            CHECK(route.metres == Approx(routeMetres(office, stops, route.order)));
            CHECK(route.metres == Approx(bruteForce(office, stops)).epsilon(1e-9));
            CHECK(route.metres <= route.inputMetres + 1e-6);
        }
    }
}

TEST_CASE(
    "long routes: nearest neighbour and 2-opt never beat by the input order, and no "
    "reversal shortens them") {
    std::mt19937 rng(7);
    for (size_t n : {11u, 17u, 30u, 60u, 120u}) {
        const auto stops = randomStops(rng, n);
        const GeoPoint office{105.92, 20.54};
        const RouteOrder route = orderRoute(office, stops);
        INFO("n = " << n);
        REQUIRE(isPermutation(route.order, n));
        CHECK_FALSE(route.exact);
        CHECK(route.metres == Approx(routeMetres(office, stops, route.order)));
        CHECK(route.metres <= route.inputMetres + 1e-6);
        // A random order is long; the route is much shorter than it.
        CHECK(route.metres < 0.7 * route.inputMetres);
        // 2-opt local optimum: reversing any stretch makes it no shorter.
        std::vector<size_t> order = route.order;
        for (size_t i = 0; i + 1 < n; ++i)
            for (size_t k = i + 1; k < n; ++k) {
                std::vector<size_t> other = order;
                std::reverse(other.begin() + static_cast<long>(i),
                             other.begin() + static_cast<long>(k) + 1);
                REQUIRE(routeMetres(office, stops, other) >= route.metres - 1e-3);
            }
    }
}

TEST_CASE("a route is never longer than the order the user gave") {
    // The stops along a road, already in the best order: every method must keep a route as
    // short as that, and the heuristic on its own as well.
    std::vector<GeoPoint> road;
    for (int i = 0; i < 40; ++i)
        road.push_back({105.9 + i * 0.004, 20.5 + (i % 2) * 0.0001});
    const GeoPoint office{105.896, 20.5};
    const RouteOrder heuristic = nearestNeighbourTwoOpt(office, road);
    CHECK(heuristic.metres <= heuristic.inputMetres + 1e-6);
    CHECK(heuristic.metres == Approx(heuristic.inputMetres));
    const std::vector<GeoPoint> few(road.begin(), road.begin() + 6);
    const RouteOrder exact = orderRoute(office, few);
    CHECK(exact.order == std::vector<size_t>{0, 1, 2, 3, 4, 5});

    std::mt19937 rng(99);
    for (int trial = 0; trial < 20; ++trial) {
        const auto stops = randomStops(rng, 25);
        const RouteOrder r = nearestNeighbourTwoOpt(stops[0], stops);
        CHECK(r.metres <= r.inputMetres + 1e-6);
    }
}

TEST_CASE("without an office the route starts at the first stop") {
    std::mt19937 rng(3);
    const auto stops = randomStops(rng, 9);
    const RouteOrder r = orderVisit(stops, std::nullopt);
    REQUIRE(isPermutation(r.order, 9));
    CHECK(r.order.front() == 0);
    std::vector<GeoPoint> rest(stops.begin() + 1, stops.end());
    CHECK(r.metres == Approx(bruteForce(stops[0], rest)));
    const RouteOrder fromOffice = orderVisit(stops, GeoPoint{106.2, 20.9});
    CHECK(isPermutation(fromOffice.order, 9));
    CHECK(orderVisit({}, std::nullopt).order.empty());
}
