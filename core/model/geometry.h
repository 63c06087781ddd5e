#pragma once

#include <vector>

namespace safemap {

/// \brief A position in EPSG:4326, longitude first (the project store's only CRS).
struct GeoPoint {
    double lon = 0.0;
    double lat = 0.0;
    friend bool operator==(const GeoPoint&, const GeoPoint&) = default;
};

/// A closed ring; the first point is repeated at the end as in WKB.
using Ring = std::vector<GeoPoint>;

/// \brief A polygon: the first ring is the outer boundary, the others are holes.
struct Polygon {
    std::vector<Ring> rings;
    friend bool operator==(const Polygon&, const Polygon&) = default;
};

/// Zones are stored as multipolygons: some clusters are in several parcels.
using MultiPolygon = std::vector<Polygon>;

/// \brief Axis-aligned bounding box in the units of whatever it bounds.
struct BBox {
    double minX = 0, minY = 0, maxX = -1, maxY = -1;  // default: empty
    bool empty() const { return maxX < minX || maxY < minY; }
    void extend(double x, double y) {
        if (empty()) {
            minX = maxX = x;
            minY = maxY = y;
            return;
        }
        if (x < minX)
            minX = x;
        if (x > maxX)
            maxX = x;
        if (y < minY)
            minY = y;
        if (y > maxY)
            maxY = y;
    }
    void extend(const BBox& o) {
        if (o.empty())
            return;
        extend(o.minX, o.minY);
        extend(o.maxX, o.maxY);
    }
    bool intersects(const BBox& o) const {
        return !empty() && !o.empty() && minX <= o.maxX && o.minX <= maxX && minY <= o.maxY &&
               o.minY <= maxY;
    }
    bool contains(double x, double y) const {
        return x >= minX && x <= maxX && y >= minY && y <= maxY;
    }
    friend bool operator==(const BBox&, const BBox&) = default;
};

BBox bounds(const MultiPolygon& mp);
bool pointInPolygon(const Polygon& polygon, GeoPoint p);

}  // namespace safemap
