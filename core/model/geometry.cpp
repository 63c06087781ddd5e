#include "core/model/geometry.h"

#include <cstddef>

namespace safemap {

BBox bounds(const MultiPolygon& mp) {
    BBox box;
    for (const auto& poly : mp)
        for (const auto& ring : poly.rings)
            for (const auto& p : ring)
                box.extend(p.lon, p.lat);
    return box;
}

namespace {
// Even-odd crossing test; holes fall out naturally because each ring toggles.
bool crossings(const Ring& ring, GeoPoint p) {
    bool inside = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const auto& a = ring[i];
        const auto& b = ring[j];
        if ((a.lat > p.lat) != (b.lat > p.lat) &&
            p.lon < (b.lon - a.lon) * (p.lat - a.lat) / (b.lat - a.lat) + a.lon)
            inside = !inside;
    }
    return inside;
}
}  // namespace

bool pointInPolygon(const Polygon& polygon, GeoPoint p) {
    bool inside = false;
    for (const auto& ring : polygon.rings)
        if (!ring.empty() && crossings(ring, p))
            inside = !inside;
    return inside;
}

}  // namespace safemap
