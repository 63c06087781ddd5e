// Line layers (rivers of the basemap): open paths, thinned like polygon rings, named at the
// middle of their longest stretch in view.
#include <QPolygonF>
#include <algorithm>
#include <cmath>

#include "gis/render/render_context_p.h"

namespace safemap::detail {

namespace {

// Names only where a line is long enough on screen to carry one.
constexpr double kMinLabelledLengthPx = 60;

QPolygonF thinPath(const FeatureGeometry& g, std::uint32_t part, const MapTransform& t,
                   std::size_t& verticesDrawn) {
    const std::uint32_t begin = g.ringStarts[part];
    const std::uint32_t end = g.ringStarts[part + 1];
    QPolygonF out;
    if (end <= begin)
        return out;
    QPointF last = t.toPixel(g.vertices[begin]);
    out.push_back(last);
    for (std::uint32_t v = begin + 1; v < end; ++v) {
        const QPointF p = t.toPixel(g.vertices[v]);
        if (v + 1 < end && std::abs(p.x() - last.x()) + std::abs(p.y() - last.y()) < 0.5)
            continue;
        out.push_back(p);
        last = p;
    }
    verticesDrawn += static_cast<std::size_t>(out.size());
    return out;
}

}  // namespace

void drawLineLayer(RenderContext& ctx, const LayerData& data, const LayerStyle& style,
                   LayerOutput& out) {
    const FeatureGeometry& g = *data.geometry;
    const MapTransform& t = ctx.transform;
    QPainter& p = ctx.painter;
    std::vector<std::uint32_t> hits =
        g.index.query(ctx.viewGrownBy(style.strokeWidth + 2 * ctx.scale));
    std::sort(hits.begin(), hits.end());
    ctx.stats.featuresQueried += hits.size();
    if (!data.flags.empty()) {
        const auto shown = std::remove_if(hits.begin(), hits.end(),
                                          [&](std::uint32_t f) { return data.isHidden(f); });
        ctx.stats.featuresHidden += static_cast<std::size_t>(hits.end() - shown);
        hits.erase(shown, hits.end());
    }
    p.setBrush(Qt::NoBrush);
    // Where a name may sit: well inside the frame.
    const QRectF inner =
        QRectF(QPointF(0, 0), QSizeF(ctx.deviceSize))
            .adjusted(40 * ctx.scale, 20 * ctx.scale, -40 * ctx.scale, -20 * ctx.scale);
    for (std::uint32_t f : hits) {
        if (ctx.cancelled())
            return;
        const QRectF box = t.toPixel(g.boxes[f]);
        if (box.width() < 1 && box.height() < 1)
            continue;
        const CategoryStyle& cs = style.forCategory(data.categories[f]);
        QPen pen(cs.stroke, std::max(0.5 * ctx.scale, style.strokeWidth));
        pen.setCapStyle(Qt::RoundCap);
        pen.setJoinStyle(Qt::RoundJoin);
        p.setPen(pen);
        // The name goes at the middle of the longest stretch in view (a long river's own
        // middle is often off screen).
        std::vector<QPointF> stretch, longest;
        for (std::uint32_t part = g.featureRings[f]; part < g.featureRings[f + 1]; ++part) {
            const QPolygonF line = thinPath(g, part, t, ctx.stats.verticesDrawn);
            if (line.size() < 2)
                continue;
            p.drawPolyline(line);
            for (const QPointF& q : line) {
                if (inner.contains(q)) {
                    stretch.push_back(q);
                    continue;
                }
                if (stretch.size() > longest.size())
                    longest.swap(stretch);
                stretch.clear();
            }
            if (stretch.size() > longest.size())
                longest.swap(stretch);
            stretch.clear();
        }
        ++ctx.stats.featuresDrawn;
        if (style.showLabels && !data.labels[f].empty() && longest.size() >= 2 &&
            std::hypot(longest.back().x() - longest.front().x(),
                       longest.back().y() - longest.front().y()) > kMinLabelledLengthPx * ctx.scale)
            out.labels.push_back({longest[longest.size() / 2],
                                  QString::fromStdString(data.labels[f]), true, 0, 0, QRectF()});
    }
}

}  // namespace safemap::detail
