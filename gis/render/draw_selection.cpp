#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "gis/render/point_symbol.h"
#include "gis/render/render_context_p.h"

namespace safemap::detail {

namespace {

// Indices of the selected, shown features of `data`. A handful of ids (a click, a table
// row) is compared directly, length first; a large selection goes through its hash set.
std::vector<std::uint32_t> selectedFeatures(const LayerData& data,
                                            const std::unordered_set<std::string>& ids) {
    std::vector<std::uint32_t> out;
    std::vector<std::string_view> few;
    if (ids.size() <= 16)
        few.assign(ids.begin(), ids.end());
    for (std::uint32_t f = 0; f < data.featureIds.size(); ++f) {
        const std::string& id = data.featureIds[f];
        const bool hit = ids.size() <= 16
                             ? std::find(few.begin(), few.end(), std::string_view(id)) != few.end()
                             : ids.count(id) > 0;
        if (hit && !data.isHidden(f))
            out.push_back(f);
    }
    return out;
}

}  // namespace

void drawSelection(RenderContext& ctx, const LayerRender& layer) {
    const std::unordered_set<std::string>& ids = ctx.settings.selectedIds;
    if (ids.empty() || !drawable(layer, ctx.mapScale()))
        return;
    const LayerData& data = *layer.data;
    const FeatureGeometry& g = *data.geometry;
    LayerStyle style = layer.style;
    style.pointSize *= ctx.scale;
    style.strokeWidth *= ctx.scale;
    style.haloWidth *= ctx.scale;
    QPainter& p = ctx.painter;
    p.setOpacity(1.0);
    p.setBrush(Qt::NoBrush);
    const BBox view = ctx.viewGrownBy(sizeClassDiameter(style, kSizeClassCount - 1) * 2 +
                                      style.strokeWidth + 4 * ctx.scale);
    for (std::uint32_t f : selectedFeatures(data, ids)) {
        if (g.boxes[f].empty() || !g.boxes[f].intersects(view))
            continue;
        if (g.isLines)
            continue;  // lines are context (rivers), never selected
        if (g.isPoints) {
            // A ring 2 px outside the symbol, marks included: selected points show even where
            // decimation dropped their symbol.
            const double diameter = sizeClassDiameter(style, sizeClassOf(style, data.sizeOf(f)));
            const double r = pointSymbolRadius(style, diameter, data.flagsOf(f) & kFeatureMarks) +
                             2.0 * ctx.scale;
            p.setPen(QPen(style.selectionColor, 2.0 * ctx.scale));
            p.drawEllipse(symbolCentre(p, ctx.transform.toPixel(g.points[f])), r, r);
        } else {
            QPen pen(style.selectionColor, style.strokeWidth + 2.0 * ctx.scale);
            pen.setJoinStyle(Qt::BevelJoin);
            p.setPen(pen);
            RenderStats uncounted;  // the highlight is not part of the frame's counts
            RenderContext quiet{p,         ctx.settings, ctx.transform, ctx.deviceSize,
                                ctx.scale, ctx.cancel,   uncounted};
            p.drawPath(polygonPath(quiet, g, f, nullptr));
        }
    }
}

}  // namespace safemap::detail
