#include "gis/render/map_renderer.h"

#include <QElapsedTimer>
#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <cmath>

#include "gis/render/render_context_p.h"

namespace safemap {

namespace detail {

void drawLabels(const RenderContext& ctx, const std::vector<LabelSpot>& labels, QColor color,
                std::vector<QRectF>& placed) {
    if (labels.empty())
        return;
    QPainter& painter = ctx.painter;
    QFont font = painter.font();
    font.setPixelSize(std::max(1, static_cast<int>(std::lround(11 * ctx.scale))));
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    const double pad = ctx.scale;
    const QColor halo(255, 255, 255, 170);
    for (const LabelSpot& label : labels) {
        QRectF r = metrics.boundingRect(label.text);
        const QPointF topLeft = label.centred
                                    ? label.anchor - QPointF(r.width() / 2, r.height() / 2)
                                    : label.anchor - QPointF(0, r.height() / 2);
        r.moveTopLeft(topLeft);
        const QRectF padded = r.adjusted(-2 * pad, -pad, 2 * pad, pad);
        if (std::any_of(placed.begin(), placed.end(),
                        [&](const QRectF& o) { return o.intersects(padded); }))
            continue;
        placed.push_back(padded);
        const QPointF baseline(r.left(), r.top() + metrics.ascent());
        // A light halo keeps names readable over any fill. Offset copies of the text use the
        // glyph cache; stroking the text outline costs ten times as much.
        painter.setPen(halo);
        for (const QPointF d :
             {QPointF(-pad, 0), QPointF(pad, 0), QPointF(0, -pad), QPointF(0, pad)})
            painter.drawText(baseline + d, label.text);
        painter.setPen(color);
        painter.drawText(baseline, label.text);
    }
}

}  // namespace detail

namespace {

// `scale` painter units per logical pixel; see RenderContext.
void renderScaled(QPainter& painter, const MapSettings& settings, double scale,
                  const std::atomic<bool>* cancel, RenderStats* stats) {
    QElapsedTimer timer;
    timer.start();
    RenderStats local;
    RenderStats& st = stats ? *stats : local;
    st = RenderStats{};

    const QSize deviceSize(qRound(settings.outputSize.width() * scale),
                           qRound(settings.outputSize.height() * scale));
    painter.save();
    const QRectF frame(QPointF(0, 0), QSizeF(deviceSize));
    painter.setClipRect(frame, Qt::IntersectClip);
    painter.fillRect(frame, settings.background);
    painter.setRenderHint(QPainter::Antialiasing, true);

    detail::RenderContext ctx{painter,    settings, MapTransform(settings.extent, deviceSize),
                              deviceSize, scale,    cancel,
                              st};
    // Labels go on top of every layer, the top layer's first: a factory's name wins over the
    // country it stands in.
    std::vector<std::pair<std::vector<detail::LabelSpot>, QColor>> labelSets;
    if (ctx.transform.valid()) {
        st.layerMilliseconds.assign(settings.layers.size(), 0.0);
        for (std::size_t i = 0; i < settings.layers.size(); ++i) {
            const LayerRender& layer = settings.layers[i];
            if (ctx.cancelled())
                break;
            if (!layer.visible || !layer.data || !layer.data->consistent())
                continue;
            if (layer.style.categories.empty() || layer.style.opacity <= 0)
                continue;
            const qint64 layerStart = timer.nsecsElapsed();
            LayerStyle style = layer.style;
            style.pointSize *= scale;
            style.strokeWidth *= scale;
            painter.setOpacity(std::clamp(style.opacity, 0.0, 1.0));
            std::vector<detail::LabelSpot> labels;
            if (layer.data->geometry->isPoints)
                detail::drawPointLayer(ctx, *layer.data, style, &labels);
            else
                detail::drawPolygonLayer(ctx, *layer.data, style, &labels);
            st.layerMilliseconds[i] = static_cast<double>(timer.nsecsElapsed() - layerStart) / 1e6;
            if (!labels.empty())
                labelSets.emplace_back(std::move(labels), style.labelColor);
        }
    }
    painter.setOpacity(1.0);
    std::vector<QRectF> placed;
    for (auto it = labelSets.rbegin(); it != labelSets.rend() && !ctx.cancelled(); ++it)
        detail::drawLabels(ctx, it->first, it->second, placed);
    painter.restore();
    st.cancelled = ctx.cancelled();
    st.milliseconds = static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

}  // namespace

void renderMap(QPainter& painter, const MapSettings& settings, const std::atomic<bool>* cancel,
               RenderStats* stats) {
    renderScaled(painter, settings, 1.0, cancel, stats);
}

QImage renderMap(const MapSettings& settings, const std::atomic<bool>* cancel, RenderStats* stats) {
    if (settings.outputSize.isEmpty())
        return {};
    const double dpr = settings.devicePixelRatio > 0 ? settings.devicePixelRatio : 1.0;
    QImage image(QSize(qRound(settings.outputSize.width() * dpr),
                       qRound(settings.outputSize.height() * dpr)),
                 QImage::Format_ARGB32_Premultiplied);
    // Painted in physical pixels with an unscaled painter; the ratio is set afterwards.
    {
        QPainter painter(&image);
        renderScaled(painter, settings, dpr, cancel, stats);
    }
    image.setDevicePixelRatio(dpr);
    return image;
}

}  // namespace safemap
