#include "gis/render/identify.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace safemap {

namespace {

double segmentDistance2(QPointF p, QPointF a, QPointF b) {
    const double dx = b.x() - a.x();
    const double dy = b.y() - a.y();
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    const double ex = a.x() + t * dx - p.x();
    const double ey = a.y() + t * dy - p.y();
    return ex * ex + ey * ey;
}

// Even-odd over every ring of the feature (holes and all parts), plus "near the outline".
bool polygonHit(const FeatureGeometry& g, std::size_t f, QPointF p, double tolerance) {
    bool inside = false;
    const double tol2 = tolerance * tolerance;
    for (std::uint32_t r = g.featureRings[f]; r < g.featureRings[f + 1]; ++r) {
        const std::uint32_t begin = g.ringStarts[r];
        const std::uint32_t end = g.ringStarts[r + 1];
        for (std::uint32_t i = begin + 1; i < end; ++i) {
            const QPointF a = g.vertices[i - 1];
            const QPointF b = g.vertices[i];
            if ((a.y() > p.y()) != (b.y() > p.y()) &&
                p.x() < (b.x() - a.x()) * (p.y() - a.y()) / (b.y() - a.y()) + a.x())
                inside = !inside;
            if (tolerance > 0 && segmentDistance2(p, a, b) <= tol2)
                return true;
        }
    }
    return inside;
}

}  // namespace

std::vector<std::size_t> featureIndicesAt(const LayerData& layer, QPointF at, double tolerance) {
    std::vector<std::size_t> out;
    if (!layer.consistent())
        return out;
    const FeatureGeometry& g = *layer.geometry;
    if (g.isLines)
        return out;  // lines are context (rivers), never identified
    tolerance = std::max(0.0, tolerance);
    if (g.isPoints) {
        for (std::uint32_t f :
             g.index.nearest(at.x(), at.y(), std::numeric_limits<std::size_t>::max(), tolerance))
            if (!layer.isHidden(f))
                out.push_back(f);
        return out;
    }
    const BBox probe{at.x() - tolerance, at.y() - tolerance, at.x() + tolerance,
                     at.y() + tolerance};
    g.index.query(probe, [&](std::uint32_t f) {
        if (!layer.isHidden(f) && polygonHit(g, f, at, tolerance))
            out.push_back(f);
        return true;
    });
    auto area = [&](std::size_t f) {
        const BBox& b = g.boxes[f];
        return (b.maxX - b.minX) * (b.maxY - b.minY);
    };
    std::sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
        return area(a) != area(b) ? area(a) < area(b) : a < b;
    });
    return out;
}

std::vector<std::string> featuresAt(const LayerData& layer, QPointF at, double tolerance) {
    std::vector<std::string> ids;
    for (std::size_t f : featureIndicesAt(layer, at, tolerance))
        ids.push_back(layer.featureIds[f]);
    return ids;
}

}  // namespace safemap
