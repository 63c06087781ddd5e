#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "core/model/geometry.h"

namespace safemap {

/// Straight-line (great-circle) distance in metres between two positions: the haversine
/// formula on a sphere of the Earth's mean radius (6,371,008.8 m). Roads are longer; the
/// route only orders the stops.
double straightLineMetres(GeoPoint a, GeoPoint b);

/// Length in metres of leaving `start` and visiting stops[order[0]], stops[order[1]], … in
/// turn. The route is open: it ends at the last stop (the inspector goes home from there).
double routeMetres(GeoPoint start, std::span<const GeoPoint> stops,
                   std::span<const std::size_t> order);

/// \brief A visiting order of stops.
struct RouteOrder {
    std::vector<std::size_t> order;  ///< positions in the input, in visiting order
    double metres = 0;               ///< its length from the start (routeMetres)
    double inputMetres = 0;          ///< the length of the input order
    bool exact = false;              ///< proven shortest (small cases are solved exactly)
};

/// Up to this many stops a route is solved exactly (Held–Karp dynamic programming, about
/// 2^n·n² steps); longer ones by nearest neighbour and 2-opt.
inline constexpr std::size_t kExactRouteStops = 10;

/// Orders `stops` into a short route from `start`: exactly for up to kExactRouteStops
/// stops, else nearestNeighbourTwoOpt. Never longer than the input order: when no order
/// beats it, the input order comes back.
RouteOrder orderRoute(GeoPoint start, std::span<const GeoPoint> stops);

/// Nearest neighbour from `start`, then 2-opt (reversing a stretch of the route whenever that
/// shortens it) until no reversal does; returns the input order instead if that is shorter.
RouteOrder nearestNeighbourTwoOpt(GeoPoint start, std::span<const GeoPoint> stops);

/// The route of a visit list: from `start` if there is one, else from the first stop,
/// which then stays first.
RouteOrder orderVisit(std::span<const GeoPoint> stops, std::optional<GeoPoint> start);

}  // namespace safemap
