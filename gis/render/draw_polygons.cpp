#include <QPainterPath>
#include <QPolygonF>
#include <algorithm>
#include <cmath>

#include "gis/render/render_context_p.h"

namespace safemap::detail {

namespace {

// Rasterisers work in fixed point; beyond this many pixels from the view the coordinates of a
// deeply zoomed country would overflow, so such rings are clipped first.
constexpr double kClipAbovePixels = 16384.0;
// Labels would be unreadable clutter beyond this many features in view.
constexpr std::size_t kMaxLabelledFeatures = 400;

// Sutherland–Hodgman against one edge of an axis-aligned rectangle. Even-odd filling keeps
// holes right after clipping, and the seams it adds lie outside the (grown) view.
template <class Inside, class Cross>
QPolygonF clipEdge(const QPolygonF& in, Inside inside, Cross cross) {
    QPolygonF out;
    if (in.isEmpty())
        return out;
    out.reserve(in.size() + 4);
    QPointF prev = in.back();
    bool prevIn = inside(prev);
    for (const QPointF& cur : in) {
        const bool curIn = inside(cur);
        if (curIn != prevIn)
            out.push_back(cross(prev, cur));
        if (curIn)
            out.push_back(cur);
        prev = cur;
        prevIn = curIn;
    }
    return out;
}

QPolygonF clipToRect(const QPolygonF& ring, const QRectF& r) {
    auto atX = [](QPointF a, QPointF b, double x) {
        return QPointF(x, a.y() + (b.y() - a.y()) * (x - a.x()) / (b.x() - a.x()));
    };
    auto atY = [](QPointF a, QPointF b, double y) {
        return QPointF(a.x() + (b.x() - a.x()) * (y - a.y()) / (b.y() - a.y()), y);
    };
    QPolygonF p = ring;
    p = clipEdge(
        p, [&](QPointF q) { return q.x() >= r.left(); },
        [&](QPointF a, QPointF b) { return atX(a, b, r.left()); });
    p = clipEdge(
        p, [&](QPointF q) { return q.x() <= r.right(); },
        [&](QPointF a, QPointF b) { return atX(a, b, r.right()); });
    p = clipEdge(
        p, [&](QPointF q) { return q.y() >= r.top(); },
        [&](QPointF a, QPointF b) { return atY(a, b, r.top()); });
    p = clipEdge(
        p, [&](QPointF q) { return q.y() <= r.bottom(); },
        [&](QPointF a, QPointF b) { return atY(a, b, r.bottom()); });
    return p;
}

// Pixel ring with vertices closer than `minStep` px to the last kept one dropped: at small
// scales a coastline of thousands of vertices collapses to the few that show.
QPolygonF thinRing(const FeatureGeometry& g, std::uint32_t ring, const MapTransform& t,
                   double minStep, std::size_t& verticesDrawn) {
    const std::uint32_t begin = g.ringStarts[ring];
    const std::uint32_t end = g.ringStarts[ring + 1];
    QPolygonF out;
    if (end <= begin)
        return out;
    out.reserve(static_cast<qsizetype>(std::min<std::uint32_t>(end - begin, 4096)));
    QPointF last = t.toPixel(g.vertices[begin]);
    out.push_back(last);
    for (std::uint32_t v = begin + 1; v + 1 < end; ++v) {
        const QPointF p = t.toPixel(g.vertices[v]);
        if (std::abs(p.x() - last.x()) + std::abs(p.y() - last.y()) < minStep)
            continue;
        out.push_back(p);
        last = p;
    }
    out.push_back(t.toPixel(g.vertices[end - 1]));
    verticesDrawn += static_cast<std::size_t>(out.size());
    return out;
}

}  // namespace

void drawPolygonLayer(RenderContext& ctx, const LayerData& data, const LayerStyle& style,
                      LayerOutput& out) {
    const FeatureGeometry& g = *data.geometry;
    const MapTransform& t = ctx.transform;
    QPainter& p = ctx.painter;

    std::vector<std::uint32_t> hits =
        g.index.query(ctx.viewGrownBy(style.strokeWidth + 2 * ctx.scale));
    // Feature order is the drawing order, so overlaps look the same at every extent.
    std::sort(hits.begin(), hits.end());
    ctx.stats.featuresQueried += hits.size();
    if (!data.flags.empty()) {
        const auto shown = std::remove_if(hits.begin(), hits.end(),
                                          [&](std::uint32_t f) { return data.isHidden(f); });
        ctx.stats.featuresHidden += static_cast<std::size_t>(hits.end() - shown);
        hits.erase(shown, hits.end());
    }

    std::vector<QPolygonF> rings;
    std::vector<QPointF> collapsed;
    std::vector<QLineF> lines;
    const bool wantLabels = style.showLabels && hits.size() <= kMaxLabelledFeatures;
    std::vector<std::pair<double, LabelSpot>> labels;  // by the feature's size on screen

    for (std::uint32_t f : hits) {
        if (ctx.cancelled())
            return;
        const CategoryStyle& cs = style.forCategory(data.categories[f]);
        const QRectF box = t.toPixel(g.boxes[f]);
        QPen pen(cs.stroke, style.strokeWidth);
        pen.setJoinStyle(Qt::BevelJoin);

        if (box.width() < 1.5 && box.height() < 1.5) {
            // Smaller than a pixel: a dot keeps small islands and parcels visible.
            p.setPen(Qt::NoPen);
            p.setBrush(cs.stroke);
            p.drawRect(QRectF(box.center() - QPointF(0.5, 0.5), QSizeF(1, 1)));
            ++ctx.stats.featuresDrawn;
            continue;
        }

        const QPainterPath path = polygonPath(ctx, g, f, &rings, &collapsed);
        if (style.strokeWidth >= 0.5 * ctx.scale && cs.stroke.alpha() == 255) {
            // Aliased fill with an antialiased outline on top (which covers the jagged
            // edge): Qt's antialiasing rasteriser is far slower on large paths. A
            // transparent fill (boundaries only) is not drawn at all.
            if (cs.fill.alpha() > 0) {
                p.setRenderHint(QPainter::Antialiasing, false);
                p.setPen(Qt::NoPen);
                p.setBrush(cs.fill);
                p.drawPath(path);
                p.setRenderHint(QPainter::Antialiasing, true);
            }
            p.setBrush(Qt::NoBrush);
            if (style.strokeWidth > 1.0) {
                // Pens wider than one pixel are stroked into a path and filled: 25× slower
                // than separate segments, which Qt rasterises directly. Square caps close
                // the joins, and overlaps don't show because the colour is opaque.
                lines.clear();
                for (const QPolygonF& ring : rings)
                    for (qsizetype i = 1; i < ring.size(); ++i)
                        lines.emplace_back(ring[i - 1], ring[i]);
                QPen segments = pen;
                segments.setCapStyle(Qt::SquareCap);
                p.setPen(segments);
                p.drawLines(lines.data(), static_cast<int>(lines.size()));
            } else {
                p.setPen(pen);
                p.drawPath(path);
            }
        } else {
            p.setPen(pen);
            p.setBrush(cs.fill);
            p.drawPath(path);
        }
        if (!collapsed.empty() && style.strokeWidth > 0) {
            // Parts smaller than a pixel (islets) stay visible as dots of the outline colour.
            const double side = std::max(1.0 * ctx.scale, 1.5 * style.strokeWidth);
            p.setPen(Qt::NoPen);
            p.setBrush(cs.stroke);
            for (const QPointF& c : collapsed)
                p.drawRect(QRectF(c - QPointF(side / 2, side / 2), QSizeF(side, side)));
        }
        ++ctx.stats.featuresDrawn;

        if (wantLabels && !data.labels[f].empty() && box.width() > 24 * ctx.scale) {
            LabelSpot spot{t.toPixel(g.labelAnchors[f]),
                           QString::fromStdString(data.labels[f]),
                           true,
                           0,
                           style.labelRoom > 0 ? box.width() / style.labelRoom : 0.0,
                           box};
            labels.emplace_back(box.width() * box.height(), std::move(spot));
        }
    }
    // The larger features are named first: where names compete, a province beats a sliver.
    std::stable_sort(labels.begin(), labels.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (auto& [size, spot] : labels)
        out.labels.push_back(std::move(spot));
}

QPainterPath polygonPath(RenderContext& ctx, const FeatureGeometry& g, std::uint32_t f,
                         std::vector<QPolygonF>* rings, std::vector<QPointF>* collapsed) {
    const QRectF box = ctx.transform.toPixel(g.boxes[f]);
    const bool clip = box.width() > kClipAbovePixels || box.height() > kClipAbovePixels;
    const QRectF clipRect(-kClipAbovePixels / 4, -kClipAbovePixels / 4,
                          ctx.deviceSize.width() + kClipAbovePixels / 2,
                          ctx.deviceSize.height() + kClipAbovePixels / 2);
    if (rings)
        rings->clear();
    if (collapsed)
        collapsed->clear();
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    for (std::uint32_t r = g.featureRings[f]; r < g.featureRings[f + 1]; ++r) {
        QPolygonF ring = thinRing(g, r, ctx.transform, 0.5, ctx.stats.verticesDrawn);
        if (collapsed && !clip && !ring.isEmpty() && ring.size() < 4)
            collapsed->push_back(ring.front());  // a closed ring needs 4 points to enclose
        if (clip)
            ring = clipToRect(ring, clipRect);
        if (ring.size() < 3)
            continue;
        path.addPolygon(ring);
        if (rings)
            rings->push_back(std::move(ring));
    }
    return path;
}

}  // namespace safemap::detail
