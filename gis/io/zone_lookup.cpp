#include "gis/io/zone_lookup_p.h"

#include <ogr_api.h>
#include <ogr_geometry.h>

#include "core/text/fold.h"

namespace safemap {

namespace {

std::unique_ptr<OGRMultiPolygon> toOgr(const MultiPolygon& area) {
    auto mp = std::make_unique<OGRMultiPolygon>();
    for (const Polygon& p : area) {
        OGRPolygon polygon;
        for (const Ring& r : p.rings) {
            OGRLinearRing ring;
            for (const GeoPoint& pt : r)
                ring.addPoint(pt.lon, pt.lat);
            ring.closeRings();
            polygon.addRing(&ring);
        }
        mp->addGeometry(&polygon);
    }
    return mp;
}

}  // namespace

ZoneLookup::ZoneLookup(const std::vector<Zone>& zones) : zones_(zones) {
    for (const Zone& z : zones_) {
        byId_.emplace(z.id, &z);
        byIdKey_.emplace(foldToKey(z.id), &z);
        const ZoneNameKey key = zoneNameKey(z.name);
        const ZoneKind kind = key.kind.value_or(z.kind);
        byKindAndName_[{static_cast<int>(kind), key.core}].push_back(&z);
        byName_[key.core].push_back(&z);
    }
}

ZoneLookup::Match ZoneLookup::find(std::string_view text) const {
    Match m;
    if (auto it = byId_.find(std::string(text)); it != byId_.end()) {
        m.zone = it->second;
        return m;
    }
    if (auto it = byIdKey_.find(foldToKey(text)); it != byIdKey_.end()) {
        m.zone = it->second;
        return m;
    }
    const ZoneNameKey key = zoneNameKey(text);
    if (key.core.empty())
        return m;
    const std::vector<const Zone*>* found = nullptr;
    if (key.kind) {
        if (auto it = byKindAndName_.find({static_cast<int>(*key.kind), key.core});
            it != byKindAndName_.end())
            found = &it->second;
    } else if (auto it = byName_.find(key.core); it != byName_.end()) {
        found = &it->second;
    }
    if (!found)
        return m;
    if (found->size() == 1)
        m.zone = found->front();
    else
        m.candidates = *found;
    return m;
}

std::optional<GeoPoint> ZoneLookup::representativePoint(const Zone& zone) const {
    if (auto it = points_.find(&zone); it != points_.end())
        return it->second;
    std::optional<GeoPoint> result;
    if (!zone.area.empty()) {
        const auto mp = toOgr(zone.area);
        // The C function goes through GEOS; OGRMultiSurface::PointOnSurface in GDAL 3.6 does
        // not compute anything for a multipolygon.
        OGRGeometryH point = OGR_G_PointOnSurface(OGRGeometry::ToHandle(mp.get()));
        if (point && !OGR_G_IsEmpty(point))
            result = GeoPoint{OGR_G_GetX(point, 0), OGR_G_GetY(point, 0)};
        if (point)
            OGR_G_DestroyGeometry(point);
    }
    points_.emplace(&zone, result);
    return result;
}

}  // namespace safemap
