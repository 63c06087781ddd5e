#include "gis/render/map_settings.h"

#include <algorithm>
#include <cmath>

#include "gis/render/web_mercator.h"

namespace safemap {

namespace {
constexpr double kMetresPerInch = 0.0254;
}

MapTransform::MapTransform(const BBox& extent, QSize outputSize) : size_(outputSize) {
    if (extent.empty() || outputSize.width() <= 0 || outputSize.height() <= 0)
        return;
    const double w = extent.maxX - extent.minX;
    const double h = extent.maxY - extent.minY;
    const double upp = std::max(w / outputSize.width(), h / outputSize.height());
    if (!(upp > 0) || !std::isfinite(upp))
        return;
    unitsPerPixel_ = upp;
    const double cx = (extent.minX + extent.maxX) / 2;
    const double cy = (extent.minY + extent.maxY) / 2;
    const double halfW = upp * outputSize.width() / 2;
    const double halfH = upp * outputSize.height() / 2;
    visible_ = {cx - halfW, cy - halfH, cx + halfW, cy + halfH};
}

QPointF MapTransform::center() const {
    return {(visible_.minX + visible_.maxX) / 2, (visible_.minY + visible_.maxY) / 2};
}

QRectF MapTransform::toPixel(const BBox& box) const {
    if (box.empty() || !valid())
        return {};
    return QRectF(toPixel(box.minX, box.maxY), toPixel(box.maxX, box.minY));
}

BBox MapTransform::toMap(const QRectF& pixels) const {
    const QRectF r = pixels.normalized();
    const QPointF a = toMap(r.topLeft());
    const QPointF b = toMap(r.bottomRight());
    return {a.x(), b.y(), b.x(), a.y()};
}

double scaleDenominator(const MapTransform& t, double dpi) {
    if (!t.valid() || dpi <= 0)
        return 0;
    const double lat = fromMercator(t.center()).lat;
    const double groundPerPixel = t.unitsPerPixel() * groundPerMercatorMetre(lat);
    return groundPerPixel / (kMetresPerInch / dpi);
}

double scaleDenominator(const MapSettings& settings, double dpi) {
    return scaleDenominator(MapTransform(settings), dpi);
}

BBox extentForScale(QPointF center, double denominator, QSize outputSize, double dpi) {
    if (denominator <= 0 || dpi <= 0 || outputSize.isEmpty())
        return {};
    const double lat = fromMercator(center).lat;
    const double upp = denominator * (kMetresPerInch / dpi) / groundPerMercatorMetre(lat);
    const double halfW = upp * outputSize.width() / 2;
    const double halfH = upp * outputSize.height() / 2;
    return {center.x() - halfW, center.y() - halfH, center.x() + halfW, center.y() + halfH};
}

BBox layersExtent(const std::vector<LayerRender>& layers) {
    BBox out;
    for (const LayerRender& l : layers)
        if (l.visible && l.data && l.data->geometry)
            out.extend(l.data->extent());
    return out;
}

}  // namespace safemap
