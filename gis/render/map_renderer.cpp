#include "gis/render/map_renderer.h"

#include <QElapsedTimer>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include "gis/render/render_context_p.h"

namespace safemap {

namespace detail {

void drawLabels(QPainter& painter, const std::vector<LabelSpot>& labels, QColor color,
                std::vector<QRectF>& placed) {
    if (labels.empty())
        return;
    QFont font = painter.font();
    font.setPixelSize(11);
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    for (const LabelSpot& label : labels) {
        QRectF r = metrics.boundingRect(label.text);
        const QPointF topLeft = label.centred
                                    ? label.anchor - QPointF(r.width() / 2, r.height() / 2)
                                    : label.anchor - QPointF(0, r.height() / 2);
        r.moveTopLeft(topLeft);
        const QRectF padded = r.adjusted(-2, -1, 2, 1);
        if (std::any_of(placed.begin(), placed.end(),
                        [&](const QRectF& o) { return o.intersects(padded); }))
            continue;
        placed.push_back(padded);
        const QPointF baseline(r.left(), r.top() + metrics.ascent());
        // A light halo keeps names readable over any fill.
        QPainterPath path;
        path.addText(baseline, font, label.text);
        painter.setPen(
            QPen(QColor(255, 255, 255, 200), 3.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
        painter.setPen(color);
        painter.drawText(baseline, label.text);
    }
}

}  // namespace detail

void renderMap(QPainter& painter, const MapSettings& settings, const std::atomic<bool>* cancel,
               RenderStats* stats) {
    QElapsedTimer timer;
    timer.start();
    RenderStats local;
    RenderStats& st = stats ? *stats : local;
    st = RenderStats{};

    painter.save();
    const QRectF frame(QPointF(0, 0), QSizeF(settings.outputSize));
    painter.setClipRect(frame, Qt::IntersectClip);
    painter.fillRect(frame, settings.background);
    painter.setRenderHint(QPainter::Antialiasing, true);

    detail::RenderContext ctx{painter, settings, MapTransform(settings), cancel, st};
    // Labels go on top of every layer, the top layer's first: a factory's name wins over the
    // country it stands in.
    std::vector<std::pair<std::vector<detail::LabelSpot>, QColor>> labelSets;
    if (ctx.transform.valid()) {
        for (const LayerRender& layer : settings.layers) {
            if (ctx.cancelled())
                break;
            if (!layer.visible || !layer.data || !layer.data->geometry)
                continue;
            if (layer.style.categories.empty() || layer.style.opacity <= 0)
                continue;
            painter.setOpacity(std::clamp(layer.style.opacity, 0.0, 1.0));
            std::vector<detail::LabelSpot> labels;
            if (layer.data->geometry->isPoints)
                detail::drawPointLayer(ctx, layer, &labels);
            else
                detail::drawPolygonLayer(ctx, layer, &labels);
            if (!labels.empty())
                labelSets.emplace_back(std::move(labels), layer.style.labelColor);
        }
    }
    painter.setOpacity(1.0);
    std::vector<QRectF> placed;
    for (auto it = labelSets.rbegin(); it != labelSets.rend() && !ctx.cancelled(); ++it)
        detail::drawLabels(painter, it->first, it->second, placed);
    painter.restore();
    st.cancelled = ctx.cancelled();
    st.milliseconds = static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

QImage renderMap(const MapSettings& settings, const std::atomic<bool>* cancel, RenderStats* stats) {
    if (settings.outputSize.isEmpty())
        return {};
    const double dpr = settings.devicePixelRatio > 0 ? settings.devicePixelRatio : 1.0;
    QImage image(QSize(qRound(settings.outputSize.width() * dpr),
                       qRound(settings.outputSize.height() * dpr)),
                 QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    QPainter painter(&image);
    renderMap(painter, settings, cancel, stats);
    return image;
}

}  // namespace safemap
