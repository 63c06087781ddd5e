#pragma once
// Private to gis/render: what the per-kind drawing functions share during one render.

#include <QPainter>
#include <atomic>

#include "gis/render/map_renderer.h"
#include "gis/render/map_settings.h"

namespace safemap::detail {

/// \brief State of one render pass: the painter, the transform and the cancel flag.
struct RenderContext {
    QPainter& painter;
    const MapSettings& settings;
    MapTransform transform;
    const std::atomic<bool>* cancel = nullptr;
    RenderStats& stats;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    bool isSelected(const std::string& id) const {
        return !settings.selectedIds.empty() && settings.selectedIds.count(id) > 0;
    }
    /// The visible extent grown by `pixels` on every side (symbols and strokes that straddle
    /// the edge must still be drawn).
    BBox viewGrownBy(double pixels) const {
        const BBox& v = transform.visibleExtent();
        const double d = pixels * transform.unitsPerPixel();
        return {v.minX - d, v.minY - d, v.maxX + d, v.maxY + d};
    }
};

/// Where a label was drawn, so later labels can avoid it.
struct LabelSpot {
    QPointF anchor;  ///< centre of the text, or its left middle when !centred
    QString text;
    bool centred = true;
};

void drawPolygonLayer(RenderContext& ctx, const LayerRender& layer, std::vector<LabelSpot>* labels);
void drawPointLayer(RenderContext& ctx, const LayerRender& layer, std::vector<LabelSpot>* labels);
/// Draws labels with a halo, skipping any that would overlap one in `placed` (which grows).
void drawLabels(QPainter& painter, const std::vector<LabelSpot>& labels, QColor color,
                std::vector<QRectF>& placed);

}  // namespace safemap::detail
