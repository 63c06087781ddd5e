#include "gis/io/polygon_repair_p.h"

#include "core/errors/error_catalogue.h"

namespace safemap {

namespace {

// Distinct points of the outer rings, to say why a shape has no area.
int mostDistinctPoints(const OGRGeometry& g) {
    int most = 0;
    auto countRing = [&most](const OGRLinearRing* ring) {
        if (!ring)
            return;
        int distinct = 0;
        for (int i = 0; i < ring->getNumPoints(); ++i) {
            bool seen = false;
            for (int j = 0; j < i && !seen; ++j)
                seen = ring->getX(i) == ring->getX(j) && ring->getY(i) == ring->getY(j);
            distinct += seen ? 0 : 1;
        }
        most = std::max(most, distinct);
    };
    switch (wkbFlatten(g.getGeometryType())) {
        case wkbPolygon:
            countRing(g.toPolygon()->getExteriorRing());
            break;
        case wkbMultiPolygon:
            for (const OGRPolygon* p : *g.toMultiPolygon())
                countRing(p->getExteriorRing());
            break;
        default:
            break;
    }
    return most;
}

void collectPolygons(const OGRGeometry& g, OGRMultiPolygon& out) {
    switch (wkbFlatten(g.getGeometryType())) {
        case wkbPolygon:
            if (!g.IsEmpty())
                out.addGeometry(&g);
            break;
        case wkbMultiPolygon:
        case wkbGeometryCollection:
            for (const OGRGeometry* part : *g.toGeometryCollection())
                collectPolygons(*part, out);
            break;
        default:
            break;  // lines and points left over from collapsed parts have no area
    }
}

}  // namespace

Result<CheckedPolygon> checkPolygon(std::unique_ptr<OGRGeometry> g) {
    CheckedPolygon out;
    if (!OGRGeometryFactory::haveGEOS()) {
        out.geometry = std::move(g);
        return out;
    }
    {
        GdalErrorScope quiet;  // GEOS notices are not the reader's errors
        if (g->IsValid()) {
            out.geometry = std::move(g);
            return out;
        }
    }
    const int points = mostDistinctPoints(*g);
    std::unique_ptr<OGRGeometry> valid;
    {
        GdalErrorScope quiet;  // GEOS notices are not the reader's errors
        valid.reset(g->MakeValid());
    }
    auto polygons = std::make_unique<OGRMultiPolygon>();
    if (valid)
        collectPolygons(*valid, *polygons);
    if (polygons->IsEmpty() || polygons->get_Area() <= 0) {
        if (points < 3)
            return codedError(points == 1 ? "sites.polygon_one_point" : "sites.polygon_few_points",
                              {std::to_string(points)});
        return codedError("sites.polygon_on_a_line");
    }
    out.repaired = true;
    if (polygons->getNumGeometries() == 1)
        out.geometry.reset(polygons->getGeometryRef(0)->clone());
    else
        out.geometry = std::move(polygons);
    return out;
}

}  // namespace safemap
