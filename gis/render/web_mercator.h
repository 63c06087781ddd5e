#pragma once

#include <QPointF>
#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/model/geometry.h"

namespace safemap {

/// WGS 84 semi-major axis: EPSG:3857 treats the Earth as a sphere of this radius.
inline constexpr double kMercatorRadius = 6378137.0;
/// Latitude at which the square Web Mercator world ends (y = ±π·R).
inline constexpr double kMercatorMaxLat = 85.051128779806592;
/// Half the width of the world in EPSG:3857 metres (π·R).
inline constexpr double kMercatorHalfWorld = std::numbers::pi * kMercatorRadius;

// The display projection is plain spherical math so the render loop never calls PROJ;
// stored data stays EPSG:4326 and is projected once when a layer is built.

/// Longitude/latitude (EPSG:4326) to Web Mercator metres (EPSG:3857). Latitudes beyond
/// ±85.0511° are clamped to the edge of the map.
inline QPointF toMercator(GeoPoint p) {
    constexpr double deg = std::numbers::pi / 180.0;
    const double lat = std::clamp(p.lat, -kMercatorMaxLat, kMercatorMaxLat);
    return {kMercatorRadius * p.lon * deg,
            kMercatorRadius * std::log(std::tan(std::numbers::pi / 4.0 + lat * deg / 2.0))};
}

/// Web Mercator metres (EPSG:3857) back to longitude/latitude (EPSG:4326).
inline GeoPoint fromMercator(QPointF m) {
    constexpr double rad = 180.0 / std::numbers::pi;
    return {m.x() / kMercatorRadius * rad,
            (2.0 * std::atan(std::exp(m.y() / kMercatorRadius)) - std::numbers::pi / 2.0) * rad};
}

/// Box in lon/lat to the Mercator box of its corners (exact: the projection is monotonic in
/// each axis).
inline BBox toMercator(const BBox& lonLat) {
    if (lonLat.empty())
        return {};
    const QPointF lo = toMercator(GeoPoint{lonLat.minX, lonLat.minY});
    const QPointF hi = toMercator(GeoPoint{lonLat.maxX, lonLat.maxY});
    return {lo.x(), lo.y(), hi.x(), hi.y()};
}

/// Mercator box back to a lon/lat box.
inline BBox fromMercator(const BBox& m) {
    if (m.empty())
        return {};
    const GeoPoint lo = fromMercator(QPointF(m.minX, m.minY));
    const GeoPoint hi = fromMercator(QPointF(m.maxX, m.maxY));
    return {lo.lon, lo.lat, hi.lon, hi.lat};
}

/// Ground distance represented by one Mercator metre at latitude `lat` (degrees): the
/// projection stretches by 1/cos(lat).
inline double groundPerMercatorMetre(double lat) {
    return std::cos(lat * std::numbers::pi / 180.0);
}

}  // namespace safemap
