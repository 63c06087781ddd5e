#include "gis/render/map_renderer.h"

#include <QElapsedTimer>
#include <QFontMetricsF>
#include <QPainter>
#include <QStaticText>
#include <algorithm>
#include <array>
#include <cmath>

#include "gis/render/layer_style.h"
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

bool drawable(const LayerRender& layer, double scale) {
    return layer.visible && layer.data && layer.data->consistent() &&
           !layer.style.categories.empty() && layer.style.opacity > 0 &&
           inScaleRange(layer.style, scale);
}

bool drawLayer(RenderContext& ctx, const LayerRender& layer, LayerOutput& out) {
    if (!drawable(layer, ctx.mapScale()))
        return false;
    LayerStyle style = layer.style;
    style.pointSize *= ctx.scale;
    style.strokeWidth *= ctx.scale;
    style.haloWidth *= ctx.scale;
    if (style.labelMaxScale > 0 && ctx.mapScale() > style.labelMaxScale)
        style.showLabels = false;
    out.labelColor = style.labelColor;
    out.labelSize = style.labelSize * ctx.scale;
    out.labelBold = style.labelBold;
    out.labelItalic = style.labelItalic;
    out.labelUppercase = style.labelUppercase;
    const FeatureGeometry& g = *layer.data->geometry;
    if (g.isPoints)
        drawPointLayer(ctx, *layer.data, style, out);
    else if (g.isLines)
        drawLineLayer(ctx, *layer.data, style, out);
    else
        drawPolygonLayer(ctx, *layer.data, style, out);
    return true;
}

namespace {

// Boxes on a coarse grid over the frame, so that checking a label against thousands of
// symbols and hundreds of labels costs a few cells, not a scan.
class BoxGrid {
public:
    explicit BoxGrid(QSize frame, double cell)
        : cell_(cell),
          cols_(std::max(1, static_cast<int>(std::ceil(frame.width() / cell)))),
          rows_(std::max(1, static_cast<int>(std::ceil(frame.height() / cell)))),
          cells_(static_cast<std::size_t>(cols_) * static_cast<std::size_t>(rows_)) {}

    void add(const QRectF& r) {
        const auto index = static_cast<std::uint32_t>(boxes_.size());
        boxes_.push_back(r);
        forCells(r, [&](std::vector<std::uint32_t>& c) {
            c.push_back(index);
            return true;
        });
    }
    bool hits(const QRectF& r) const {
        bool hit = false;
        const_cast<BoxGrid*>(this)->forCells(r, [&](std::vector<std::uint32_t>& c) {
            hit = std::any_of(c.begin(), c.end(),
                              [&](std::uint32_t i) { return boxes_[i].intersects(r); });
            return !hit;
        });
        return hit;
    }

private:
    template <class F>
    void forCells(const QRectF& r, F f) {
        auto clampCol = [&](double x) {
            return std::clamp(static_cast<int>(std::floor(x / cell_)), 0, cols_ - 1);
        };
        auto clampRow = [&](double y) {
            return std::clamp(static_cast<int>(std::floor(y / cell_)), 0, rows_ - 1);
        };
        const int c0 = clampCol(r.left()), c1 = clampCol(r.right());
        const int r0 = clampRow(r.top()), r1 = clampRow(r.bottom());
        for (int y = r0; y <= r1; ++y)
            for (int x = c0; x <= c1; ++x)
                if (!f(cells_[static_cast<std::size_t>(y) * static_cast<std::size_t>(cols_) +
                              static_cast<std::size_t>(x)]))
                    return;
    }

    double cell_;
    int cols_, rows_;
    std::vector<std::vector<std::uint32_t>> cells_;
    std::vector<QRectF> boxes_;
};

QFont labelFontOf(const LayerOutput& layer) {
    QFont font = mapLabelFont(layer.labelSize);
    if (layer.labelBold)
        font.setWeight(QFont::DemiBold);
    font.setItalic(layer.labelItalic);
    if (layer.labelUppercase)
        font.setLetterSpacing(QFont::AbsoluteSpacing, 0.08 * layer.labelSize);
    return font;
}

}  // namespace

void drawLabelPass(RenderContext& ctx, const std::vector<const LayerOutput*>& outputs) {
    if (std::all_of(outputs.begin(), outputs.end(),
                    [](const LayerOutput* o) { return !o || o->labels.empty(); }))
        return;
    QPainter& painter = ctx.painter;
    const double pad = ctx.scale;
    const QColor halo(255, 255, 255, 225);
    const double cell = 48 * ctx.scale;
    // Every layer's symbols are obstacles for every label: a town's or a province's name
    // never covers a facility. Only the symbols near some label can matter, and at an
    // overview there are tens of thousands of symbols and a few dozen names: the cells any
    // label might use are marked first (generously: its longest possible text and a few
    // lines around the anchor), and only the symbols touching them are indexed.
    const int cols = std::max(1, static_cast<int>(std::ceil(ctx.deviceSize.width() / cell)));
    const int rows = std::max(1, static_cast<int>(std::ceil(ctx.deviceSize.height() / cell)));
    std::vector<std::uint8_t> nearLabel(static_cast<std::size_t>(cols) *
                                        static_cast<std::size_t>(rows));
    auto anyCell = [&](const QRectF& r, auto f) {
        const int c0 = std::clamp(static_cast<int>(std::floor(r.left() / cell)), 0, cols - 1);
        const int c1 = std::clamp(static_cast<int>(std::floor(r.right() / cell)), 0, cols - 1);
        const int r0 = std::clamp(static_cast<int>(std::floor(r.top() / cell)), 0, rows - 1);
        const int r1 = std::clamp(static_cast<int>(std::floor(r.bottom() / cell)), 0, rows - 1);
        for (int y = r0; y <= r1; ++y)
            for (int x = c0; x <= c1; ++x)
                if (f(static_cast<std::size_t>(y) * static_cast<std::size_t>(cols) +
                      static_cast<std::size_t>(x)))
                    return true;
        return false;
    };
    for (const LayerOutput* o : outputs) {
        if (!o)
            continue;
        const double lines = 3 * o->labelSize;  // rows above and below a centred name
        for (const LabelSpot& l : o->labels) {
            // No glyph is wider than its size: the text fits in size × length.
            const double w = o->labelSize * (static_cast<double>(l.text.size()) + 1) + l.offset;
            QRectF around(l.anchor - QPointF(w, lines + l.offset),
                          l.anchor + QPointF(w, lines + l.offset));
            if (!l.area.isEmpty())
                around = around.united(l.area.adjusted(-w, -lines, w, lines));
            anyCell(around, [&](std::size_t i) {
                nearLabel[i] = 1;
                return false;
            });
        }
    }
    // Grown by a cell, so that testing a symbol's centre cell is enough: no symbol or
    // bubble is wider than a cell.
    std::vector<std::uint8_t> nearGrown(nearLabel.size());
    for (int y = 0; y < rows; ++y)
        for (int x = 0; x < cols; ++x)
            if (nearLabel[static_cast<std::size_t>(y) * static_cast<std::size_t>(cols) +
                          static_cast<std::size_t>(x)])
                anyCell(QRectF((x - 1) * cell, (y - 1) * cell, 2.5 * cell, 2.5 * cell),
                        [&](std::size_t i) {
                            nearGrown[i] = 1;
                            return false;
                        });
    BoxGrid taken(ctx.deviceSize, cell);
    for (const LayerOutput* o : outputs) {
        if (!o)
            continue;
        for (const QRectF& r : o->obstacles) {
            const QPointF c = r.center();
            const int x = static_cast<int>(std::floor(c.x() / cell));
            const int y = static_cast<int>(std::floor(c.y() / cell));
            if (x >= -1 && y >= -1 && x <= cols && y <= rows &&
                nearGrown[static_cast<std::size_t>(std::clamp(y, 0, rows - 1)) *
                              static_cast<std::size_t>(cols) +
                          static_cast<std::size_t>(std::clamp(x, 0, cols - 1))])
                taken.add(r);
        }
    }
    // Labels stay whole inside the frame: one that would cross the edge is left out.
    const QRectF frame =
        QRectF(QPointF(0, 0), QSizeF(ctx.deviceSize)).adjusted(pad, pad, -pad, -pad);
    // Halo: eight offset copies of the text (the glyph cache makes them cheap; stroking the
    // text outline costs ten times as much).
    const double d = 1.2 * pad;
    const std::array<QPointF, 8> haloOffsets{QPointF(-d, 0), QPointF(d, 0),   QPointF(0, -d),
                                             QPointF(0, d),  QPointF(-d, -d), QPointF(d, -d),
                                             QPointF(-d, d), QPointF(d, d)};
    // The top layer's labels first: a factory's name wins over the zone it stands in.
    for (auto it = outputs.rbegin(); it != outputs.rend(); ++it) {
        if (!*it || (*it)->labels.empty())
            continue;
        const LayerOutput& layer = **it;
        const QFont font = labelFontOf(layer);
        painter.setFont(font);
        for (const LabelSpot& label : layer.labels) {
            if (ctx.cancelled())
                return;
            // Laid out once, drawn nine times (halo and text) from the glyph cache.
            QStaticText text(layer.labelUppercase ? label.text.toUpper() : label.text);
            text.setTextFormat(Qt::PlainText);
            text.setPerformanceHint(QStaticText::AggressiveCaching);
            text.prepare(QTransform(), font);
            const double w = text.size().width();
            const double h = text.size().height();
            if (label.centred && label.room > 0 && w > label.room)
                continue;  // the feature is too small on screen for its name
            const QPointF a = label.anchor;
            const double o = label.offset;
            std::array<QPointF, 5> corners;  // top-left corners to try, in order
            std::size_t tries = 0;
            if (label.centred) {
                const QPointF c = a - QPointF(w / 2, h / 2);
                corners = {c, c - QPointF(0, 1.1 * h), c + QPointF(0, 1.1 * h),
                           c - QPointF(0, 2.2 * h), c + QPointF(0, 2.2 * h)};
                tries = 5;
                if (!label.area.isEmpty() && label.area.height() < 8 * h) {
                    const double x = label.area.center().x() - w / 2;
                    corners = {c, QPointF(x, label.area.top() - h - 2 * pad),
                               QPointF(x, label.area.bottom() + 2 * pad), c - QPointF(0, 1.1 * h),
                               c + QPointF(0, 1.1 * h)};
                }
            } else {
                corners = {a + QPointF(o, -h / 2), a + QPointF(-o - w, -h / 2),
                           a + QPointF(-w / 2, -o - h), a + QPointF(-w / 2, o), QPointF()};
                tries = 4;
            }
            for (std::size_t k = 0; k < tries; ++k) {
                const QRectF r(corners[k], QSizeF(w, h));
                const QRectF padded = r.adjusted(-2 * pad, -pad, 2 * pad, pad);
                if (!frame.contains(r) || taken.hits(padded))
                    continue;
                taken.add(padded);
                ++ctx.stats.labelsDrawn;
                ctx.stats.labelBoxes.push_back(padded);
                ctx.stats.labelTexts.push_back(label.text);
                painter.setPen(halo);
                for (const QPointF& off : haloOffsets)
                    painter.drawStaticText(r.topLeft() + off, text);
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
            if (!detail::drawable(layer, scaleDenominator(settings)))
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
        order.reserve(outputs.size());
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
