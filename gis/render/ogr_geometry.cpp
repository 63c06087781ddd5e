#include "gis/render/ogr_geometry_p.h"

#include <ogr_api.h>

namespace safemap::detail {

namespace {

Ring toRing(const OGRLinearRing& ring, OGRCoordinateTransformation* transform) {
    Ring out;
    out.reserve(static_cast<std::size_t>(ring.getNumPoints()));
    for (int i = 0; i < ring.getNumPoints(); ++i) {
        double x = ring.getX(i);
        double y = ring.getY(i);
        if (transform && !transform->Transform(1, &x, &y))
            continue;
        out.push_back({x, y});
    }
    return out;
}

Polygon toPolygon(const OGRPolygon& polygon, OGRCoordinateTransformation* transform) {
    Polygon out;
    if (const OGRLinearRing* outer = polygon.getExteriorRing())
        out.rings.push_back(toRing(*outer, transform));
    for (int i = 0; i < polygon.getNumInteriorRings(); ++i)
        out.rings.push_back(toRing(*polygon.getInteriorRing(i), transform));
    return out;
}

}  // namespace

void collectPolygons(const OGRGeometry& geometry, OGRCoordinateTransformation* transform,
                     MultiPolygon& out) {
    switch (wkbFlatten(geometry.getGeometryType())) {
        case wkbPolygon:
            out.push_back(toPolygon(*geometry.toPolygon(), transform));
            break;
        case wkbMultiPolygon:
        case wkbGeometryCollection:
            for (const OGRGeometry* part : *geometry.toGeometryCollection())
                if (part)
                    collectPolygons(*part, transform, out);
            break;
        default:
            break;
    }
}

void collectLines(const OGRGeometry& geometry, std::vector<std::vector<GeoPoint>>& out) {
    switch (wkbFlatten(geometry.getGeometryType())) {
        case wkbLineString: {
            const OGRLineString& line = *geometry.toLineString();
            std::vector<GeoPoint> part;
            part.reserve(static_cast<std::size_t>(line.getNumPoints()));
            for (int i = 0; i < line.getNumPoints(); ++i)
                part.push_back({line.getX(i), line.getY(i)});
            out.push_back(std::move(part));
            break;
        }
        case wkbMultiLineString:
        case wkbGeometryCollection:
            for (const OGRGeometry* part : *geometry.toGeometryCollection())
                if (part)
                    collectLines(*part, out);
            break;
        default:
            break;
    }
}

std::optional<GeoPoint> pointOf(const OGRGeometry& geometry) {
    if (wkbFlatten(geometry.getGeometryType()) != wkbPoint)
        return std::nullopt;
    const OGRPoint& p = *geometry.toPoint();
    return GeoPoint{p.getX(), p.getY()};
}

std::optional<GeoPoint> interiorPoint(const OGRGeometry& geometry) {
    // The C API takes any geometry (the C++ one only surfaces and multi-surfaces).
    OGRGeometryH point =
        OGR_G_PointOnSurface(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(&geometry)));
    if (!point)
        return std::nullopt;
    std::optional<GeoPoint> out;
    if (OGR_G_IsEmpty(point) == FALSE)
        out = GeoPoint{OGR_G_GetX(point, 0), OGR_G_GetY(point, 0)};
    OGR_G_DestroyGeometry(point);
    return out;
}

}  // namespace safemap::detail
