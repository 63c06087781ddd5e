#include "gis/analysis/ogr_polygons_p.h"

namespace safemap {

namespace {

std::unique_ptr<OGRLinearRing> toOgrRing(const Ring& ring) {
    auto out = std::make_unique<OGRLinearRing>();
    out->setNumPoints(static_cast<int>(ring.size()), FALSE);
    for (std::size_t i = 0; i < ring.size(); ++i)
        out->setPoint(static_cast<int>(i), ring[i].lon, ring[i].lat);
    out->closeRings();
    return out;
}

Ring fromOgrRing(const OGRLinearRing& ring) {
    Ring out;
    out.reserve(static_cast<std::size_t>(ring.getNumPoints()));
    for (int i = 0; i < ring.getNumPoints(); ++i)
        out.push_back({ring.getX(i), ring.getY(i)});
    return out;
}

}  // namespace

std::unique_ptr<OGRMultiPolygon> toOgrMultiPolygon(const MultiPolygon& area) {
    auto out = std::make_unique<OGRMultiPolygon>();
    for (const Polygon& polygon : area) {
        if (polygon.rings.empty() || polygon.rings.front().size() < 3)
            continue;
        auto part = std::make_unique<OGRPolygon>();
        for (const Ring& ring : polygon.rings)
            if (ring.size() >= 3)
                part->addRingDirectly(toOgrRing(ring).release());
        out->addGeometryDirectly(part.release());
    }
    return out;
}

void appendPolygons(const OGRGeometry& geometry, MultiPolygon& out) {
    switch (wkbFlatten(geometry.getGeometryType())) {
        case wkbPolygon: {
            const OGRPolygon& polygon = *geometry.toPolygon();
            if (polygon.IsEmpty())
                break;
            Polygon part;
            part.rings.push_back(fromOgrRing(*polygon.getExteriorRing()));
            for (int i = 0; i < polygon.getNumInteriorRings(); ++i)
                part.rings.push_back(fromOgrRing(*polygon.getInteriorRing(i)));
            out.push_back(std::move(part));
            break;
        }
        case wkbMultiPolygon:
        case wkbGeometryCollection:
            for (const OGRGeometry* child : *geometry.toGeometryCollection())
                if (child)
                    appendPolygons(*child, out);
            break;
        default:
            break;
    }
}

}  // namespace safemap
