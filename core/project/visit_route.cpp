#include "core/project/visit_route.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>

namespace safemap {

namespace {

constexpr double kEarthRadiusMetres = 6371008.8;
constexpr double kPi = 3.14159265358979323846;
// A change must shorten the route by more than this to count: floating-point noise must not
// make 2-opt swap forever between equal routes.
constexpr double kGain = 1e-7;

/// Distances between the start (index 0) and the stops (1..n), computed once.
class DistanceTable {
public:
    DistanceTable(GeoPoint start, std::span<const GeoPoint> stops)
        : n_(stops.size() + 1), d_(n_ * n_) {
        std::vector<GeoPoint> all;
        all.reserve(n_);
        all.push_back(start);
        all.insert(all.end(), stops.begin(), stops.end());
        for (std::size_t i = 0; i < n_; ++i)
            for (std::size_t j = i + 1; j < n_; ++j)
                d_[i * n_ + j] = d_[j * n_ + i] = straightLineMetres(all[i], all[j]);
    }
    /// Between node a and node b (0 = start, k = stop k-1).
    double operator()(std::size_t a, std::size_t b) const { return d_[a * n_ + b]; }

private:
    std::size_t n_;
    std::vector<double> d_;
};

// Length of a path of nodes (0 first), as the table measures it.
double pathLength(const DistanceTable& d, const std::vector<std::size_t>& path) {
    double total = 0;
    for (std::size_t i = 1; i < path.size(); ++i)
        total += d(path[i - 1], path[i]);
    return total;
}

RouteOrder finish(const DistanceTable& d, std::vector<std::size_t> path, bool exact,
                  std::size_t stops) {
    std::vector<std::size_t> input(stops + 1);
    std::iota(input.begin(), input.end(), 0);
    const double inputLength = pathLength(d, input);
    double length = pathLength(d, path);
    if (!(length < inputLength)) {  // never longer than the order the user gave
        path = input;
        length = inputLength;
    }
    RouteOrder out;
    out.exact = exact;
    out.metres = length;
    out.inputMetres = inputLength;
    for (std::size_t i = 1; i < path.size(); ++i)
        out.order.push_back(path[i] - 1);
    return out;
}

// Held–Karp over open paths from node 0: best[mask][j] is the shortest path from the start
// through the stops in `mask` ending at stop j.
std::vector<std::size_t> exactPath(const DistanceTable& d, std::size_t n) {
    const std::size_t full = (std::size_t{1} << n) - 1;
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> best((full + 1) * n, inf);
    std::vector<std::uint8_t> from((full + 1) * n, 0xff);
    for (std::size_t j = 0; j < n; ++j)
        best[(std::size_t{1} << j) * n + j] = d(0, j + 1);
    for (std::size_t mask = 1; mask <= full; ++mask)
        for (std::size_t j = 0; j < n; ++j) {
            const double here = best[mask * n + j];
            if (!(mask & (std::size_t{1} << j)) || here == inf)
                continue;
            for (std::size_t k = 0; k < n; ++k) {
                if (mask & (std::size_t{1} << k))
                    continue;
                const std::size_t next = mask | (std::size_t{1} << k);
                const double via = here + d(j + 1, k + 1);
                if (via < best[next * n + k]) {
                    best[next * n + k] = via;
                    from[next * n + k] = static_cast<std::uint8_t>(j);
                }
            }
        }
    std::size_t last = 0;
    for (std::size_t j = 1; j < n; ++j)
        if (best[full * n + j] < best[full * n + last])
            last = j;
    std::vector<std::size_t> reversed;
    for (std::size_t mask = full, j = last; reversed.size() < n;) {
        reversed.push_back(j + 1);
        const std::size_t prev = from[mask * n + j];
        mask &= ~(std::size_t{1} << j);
        j = prev;
    }
    std::vector<std::size_t> path{0};
    path.insert(path.end(), reversed.rbegin(), reversed.rend());
    return path;
}

std::vector<std::size_t> nearestNeighbour(const DistanceTable& d, std::size_t n) {
    std::vector<std::size_t> path{0};
    std::vector<bool> used(n + 1, false);
    used[0] = true;
    for (std::size_t step = 0; step < n; ++step) {
        const std::size_t here = path.back();
        std::size_t next = 0;
        double nearest = std::numeric_limits<double>::infinity();
        for (std::size_t k = 1; k <= n; ++k)
            if (!used[k] && d(here, k) < nearest) {
                nearest = d(here, k);
                next = k;
            }
        used[next] = true;
        path.push_back(next);
    }
    return path;
}

// 2-opt on an open path whose first node is fixed: reversing path[i..k] replaces the edges
// (i-1, i) and (k, k+1) by (i-1, k) and (i, k+1); at the open end there is no (k, k+1).
void twoOpt(const DistanceTable& d, std::vector<std::size_t>& path) {
    const std::size_t last = path.size() - 1;
    for (int pass = 0; pass < 1000; ++pass) {
        bool improved = false;
        for (std::size_t i = 1; i < last; ++i)
            for (std::size_t k = i + 1; k <= last; ++k) {
                double before = d(path[i - 1], path[i]);
                double after = d(path[i - 1], path[k]);
                if (k < last) {
                    before += d(path[k], path[k + 1]);
                    after += d(path[i], path[k + 1]);
                }
                if (after < before - kGain) {
                    std::reverse(path.begin() + static_cast<long>(i),
                                 path.begin() + static_cast<long>(k) + 1);
                    improved = true;
                }
            }
        if (!improved)
            return;
    }
}

}  // namespace

double straightLineMetres(GeoPoint a, GeoPoint b) {
    const double rad = kPi / 180;
    const double dLat = (b.lat - a.lat) * rad;
    const double dLon = (b.lon - a.lon) * rad;
    const double h =
        std::sin(dLat / 2) * std::sin(dLat / 2) +
        std::cos(a.lat * rad) * std::cos(b.lat * rad) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * kEarthRadiusMetres * std::asin(std::min(1.0, std::sqrt(h)));
}

double routeMetres(GeoPoint start, std::span<const GeoPoint> stops,
                   std::span<const std::size_t> order) {
    double total = 0;
    GeoPoint here = start;
    for (std::size_t i : order) {
        total += straightLineMetres(here, stops[i]);
        here = stops[i];
    }
    return total;
}

RouteOrder nearestNeighbourTwoOpt(GeoPoint start, std::span<const GeoPoint> stops) {
    const DistanceTable d(start, stops);
    std::vector<std::size_t> path = nearestNeighbour(d, stops.size());
    twoOpt(d, path);
    return finish(d, std::move(path), false, stops.size());
}

RouteOrder orderRoute(GeoPoint start, std::span<const GeoPoint> stops) {
    if (stops.empty())
        return RouteOrder{{}, 0, 0, true};
    if (stops.size() > kExactRouteStops)
        return nearestNeighbourTwoOpt(start, stops);
    const DistanceTable d(start, stops);
    return finish(d, exactPath(d, stops.size()), true, stops.size());
}

RouteOrder orderVisit(std::span<const GeoPoint> stops, std::optional<GeoPoint> start) {
    if (start || stops.empty())
        return orderRoute(start.value_or(GeoPoint{}), stops);
    // No office given: the first stop is where the route starts.
    RouteOrder rest = orderRoute(stops.front(), stops.subspan(1));
    RouteOrder out;
    out.exact = rest.exact;
    out.metres = rest.metres;
    out.inputMetres = rest.inputMetres;
    out.order.push_back(0);
    for (std::size_t i : rest.order)
        out.order.push_back(i + 1);
    return out;
}

}  // namespace safemap
