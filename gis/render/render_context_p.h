#pragma once
// Private to gis/render: what the per-kind drawing functions share during one render.

#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>
#include <atomic>
#include <cmath>
#include <vector>

#include "gis/render/map_renderer.h"
#include "gis/render/map_settings.h"

namespace safemap::detail {

/// \brief State of one render pass: the painter, the transform and the cancel flag.
///
/// Drawing happens in the painter's own units, `scale` of them per logical pixel: a render
/// into a high-DPI image paints physical pixels with an unscaled painter, because Qt's raster
/// engine is many times slower under a scaling transform (antialiased ellipses about 12× at
/// 2×). `transform`, `deviceSize` and the styles handed to the draw functions are scaled.
struct RenderContext {
    QPainter& painter;
    const MapSettings& settings;
    MapTransform transform;
    QSize deviceSize;
    double scale = 1.0;
    const std::atomic<bool>* cancel = nullptr;
    RenderStats& stats;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    /// The map's scale 1:N at 96 logical dpi (scale-dependent layers and labels).
    double mapScale() const { return scaleDenominator(settings); }
    /// The visible extent grown by `pixels` (device units) on every side: symbols and strokes
    /// that straddle the edge must still be drawn.
    BBox viewGrownBy(double pixels) const {
        const BBox& v = transform.visibleExtent();
        const double d = pixels * transform.unitsPerPixel();
        return {v.minX - d, v.minY - d, v.maxX + d, v.maxY + d};
    }
};

/// Where a label goes; labels are placed after all layers so none is painted over.
struct LabelSpot {
    QPointF anchor;  ///< centre of the text, or the centre of the point symbol it names
    QString text;
    /// Point labels (false) are tried right of the symbol, then left, above and below it,
    /// `offset` device pixels from the anchor; area labels (true) are centred on the anchor,
    /// or moved a little up or down, or (small features) put just above or below `area`.
    bool centred = true;
    double offset = 0;
    /// Area labels: the widest the text may be (device px) to be drawn at all; 0 = any.
    double room = 0;
    /// Area labels: the feature's box on screen. When the middle is taken (a zone full of
    /// facilities), a small feature's name goes just above or below it.
    QRectF area;
};

/// \brief What drawing one layer leaves for the label pass (also kept by the layer cache).
struct LayerOutput {
    std::vector<LabelSpot> labels;  ///< most important first
    QColor labelColor;
    double labelSize = 11;  ///< device px
    bool labelBold = false;
    bool labelItalic = false;
    bool labelUppercase = false;
    /// Symbols no label may cover (every layer's labels avoid every layer's symbols).
    std::vector<QRectF> obstacles;
};

/// Draws one visible layer's features (no labels) with the painter's current opacity and
/// collects its label spots. Returns false (drawing nothing) for a layer that cannot be
/// drawn: hidden, no data, inconsistent arrays, no categories or zero opacity.
bool drawLayer(RenderContext& ctx, const LayerRender& layer, LayerOutput& out);
/// Places and draws the labels of `outputs` (bottom to top; the top layer's labels win),
/// each with a halo, skipping any that would overlap a label already placed, cover any
/// layer's symbol (LayerOutput::obstacles) or cross the edge of the frame.
void drawLabelPass(RenderContext& ctx, const std::vector<const LayerOutput*>& outputs);
/// Whether a layer is drawn at all at the scale 1:`scale` (same test as drawLayer).
bool drawable(const LayerRender& layer, double scale);

/// Draws the selection highlight of one layer's selected features that are shown and in
/// view, over everything drawn so far: after all layers, before the labels, so a selection
/// change leaves the layers' pixels (and the cache's snapshots) alone. Does nothing for an
/// empty selection or a layer that is not drawable.
void drawSelection(RenderContext& ctx, const LayerRender& layer);

/// True when point symbols are stamped on this painter: raster targets with no scaling
/// (a PDF or a scaled painter gets real ellipses).
inline bool stampsSymbols(const QPainter& p) {
    return p.device() && p.device()->devType() == QInternal::Image &&
           p.transform().type() <= QTransform::TxTranslate;
}
/// Where a point symbol's centre lands: a stamp centres it on the pixel that holds `px`.
inline QPointF symbolCentre(const QPainter& p, QPointF px) {
    if (!stampsSymbols(p))
        return px;
    const double dpr = p.device()->devicePixelRatio();
    return {(std::floor(px.x() * dpr) + 0.5) / dpr, (std::floor(px.y() * dpr) + 0.5) / dpr};
}

/// The pixel path of polygon feature `f` (all rings, even-odd), sub-pixel vertices thinned
/// and huge rings clipped; `rings` (if given) receives the rings, `collapsed` (if given)
/// where rings thinned to less than a triangle lie (islands smaller than a pixel).
QPainterPath polygonPath(RenderContext& ctx, const FeatureGeometry& g, std::uint32_t f,
                         std::vector<QPolygonF>* rings, std::vector<QPointF>* collapsed = nullptr);

/// `style` is the layer's style with its pixel sizes already multiplied by ctx.scale.
void drawPolygonLayer(RenderContext& ctx, const LayerData& data, const LayerStyle& style,
                      LayerOutput& out);
void drawPointLayer(RenderContext& ctx, const LayerData& data, const LayerStyle& style,
                    LayerOutput& out);
void drawLineLayer(RenderContext& ctx, const LayerData& data, const LayerStyle& style,
                   LayerOutput& out);

}  // namespace safemap::detail
