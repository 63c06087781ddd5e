#include "gis/render/map_renderer.h"

#include <QElapsedTimer>
#include <QFontMetricsF>
#include <QPainter>
#include <QStaticText>
#include <algorithm>
#include <array>
#include <cmath>

#include "gis/render/render_context_p.h"

namespace safemap {

void RenderStats::addCounts(const RenderStats& o) {
    featuresQueried += o.featuresQueried;
    featuresDrawn += o.featuresDrawn;
    pointsDecimated += o.pointsDecimated;
    clusters += o.clusters;
    verticesDrawn += o.verticesDrawn;
    featuresHidden += o.featuresHidden;
}

QFont mapLabelFont(double pixelSize) {
    QFont font;  // the application font
    QStringList families = font.families();
    if (families.isEmpty())
        families << font.family();
    for (const QString& fallback : {QStringLiteral("Noto Sans"), QStringLiteral("DejaVu Sans")})
        if (!families.contains(fallback))
            families << fallback;
    font.setFamilies(families);
    font.setPixelSize(std::max(1, static_cast<int>(std::lround(pixelSize))));
    return font;
}

namespace detail {

bool drawable(const LayerRender& layer) {
    return layer.visible && layer.data && layer.data->consistent() &&
           !layer.style.categories.empty() && layer.style.opacity > 0;
}

bool drawLayer(RenderContext& ctx, const LayerRender& layer, LayerOutput& out) {
    if (!drawable(layer))
        return false;
    LayerStyle style = layer.style;
    style.pointSize *= ctx.scale;
    style.strokeWidth *= ctx.scale;
    out.labelColor = style.labelColor;
    if (layer.data->geometry->isPoints)
        drawPointLayer(ctx, *layer.data, style, out);
    else
        drawPolygonLayer(ctx, *layer.data, style, out);
    return true;
}

void drawLabelPass(RenderContext& ctx, const std::vector<const LayerOutput*>& outputs) {
    if (std::all_of(outputs.begin(), outputs.end(),
                    [](const LayerOutput* o) { return !o || o->labels.empty(); }))
        return;
    QPainter& painter = ctx.painter;
    const QFont font = mapLabelFont(11 * ctx.scale);
    painter.setFont(font);
    const double pad = ctx.scale;
    const QColor halo(255, 255, 255, 170);
    std::vector<QRectF> placed;
    auto free = [&](const QRectF& r, const std::vector<QRectF>& obstacles) {
        auto hits = [&](const QRectF& o) { return o.intersects(r); };
        return std::none_of(placed.begin(), placed.end(), hits) &&
               std::none_of(obstacles.begin(), obstacles.end(), hits);
    };
    // The top layer's labels first: a factory's name wins over the zone it stands in.
    for (auto it = outputs.rbegin(); it != outputs.rend(); ++it) {
        if (!*it)
            continue;
        const LayerOutput& layer = **it;
        for (const LabelSpot& label : layer.labels) {
            if (ctx.cancelled())
                return;
            // Laid out once, drawn five times (halo and text) from the glyph cache.
            QStaticText text(label.text);
            text.setTextFormat(Qt::PlainText);
            text.setPerformanceHint(QStaticText::AggressiveCaching);
            text.prepare(QTransform(), font);
            const double w = text.size().width();
            const double h = text.size().height();
            const QPointF a = label.anchor;
            const double o = label.offset;
            std::array<QPointF, 4> corners;  // top-left corners to try, in order
            std::size_t tries = 1;
            if (label.centred) {
                corners[0] = a - QPointF(w / 2, h / 2);
            } else {
                corners = {a + QPointF(o, -h / 2), a + QPointF(-o - w, -h / 2),
                           a + QPointF(-w / 2, -o - h), a + QPointF(-w / 2, o)};
                tries = 4;
            }
            for (std::size_t k = 0; k < tries; ++k) {
                const QRectF r(corners[k], QSizeF(w, h));
                const QRectF padded = r.adjusted(-2 * pad, -pad, 2 * pad, pad);
                if (!free(padded, layer.obstacles))
                    continue;
                placed.push_back(padded);
                ++ctx.stats.labelsDrawn;
                ctx.stats.labelBoxes.push_back(padded);
                // A light halo keeps names readable over any fill. Offset copies of the text
                // use the glyph cache; stroking the text outline costs ten times as much.
                painter.setPen(halo);
                for (const QPointF d :
                     {QPointF(-pad, 0), QPointF(pad, 0), QPointF(0, -pad), QPointF(0, pad)})
                    painter.drawStaticText(r.topLeft() + d, text);
                painter.setPen(layer.labelColor);
                painter.drawStaticText(r.topLeft(), text);
                break;
            }
        }
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
    std::vector<detail::LayerOutput> outputs(settings.layers.size());
    st.layerMilliseconds.assign(settings.layers.size(), 0.0);
    st.layerRendered.assign(settings.layers.size(), 0);
    if (ctx.transform.valid()) {
        for (std::size_t i = 0; i < settings.layers.size() && !ctx.cancelled(); ++i) {
            const LayerRender& layer = settings.layers[i];
            if (!detail::drawable(layer))
                continue;
            const qint64 layerStart = timer.nsecsElapsed();
            painter.setOpacity(std::clamp(layer.style.opacity, 0.0, 1.0));
            detail::drawLayer(ctx, layer, outputs[i]);
            st.layerMilliseconds[i] = static_cast<double>(timer.nsecsElapsed() - layerStart) / 1e6;
            st.layerRendered[i] = 1;
            ++st.layersRendered;
        }
    }
    painter.setOpacity(1.0);
    if (ctx.transform.valid())
        for (const LayerRender& layer : settings.layers)
            if (!ctx.cancelled())
                detail::drawSelection(ctx, layer);
    if (!ctx.cancelled()) {
        std::vector<const detail::LayerOutput*> order;
        for (const detail::LayerOutput& o : outputs)
            order.push_back(&o);
        detail::drawLabelPass(ctx, order);
    }
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
