#pragma once

#include <QColor>
#include <QMetaType>
#include <QPointF>
#include <QRectF>
#include <QSize>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/model/geometry.h"
#include "gis/render/layer_data.h"
#include "gis/render/layer_style.h"

namespace safemap {

/// \brief One layer as a render sees it: shared immutable data plus a style by value.
struct LayerRender {
    std::shared_ptr<const LayerData> data;
    LayerStyle style;
    bool visible = true;
};

/// \brief The only input of a render (after QGIS QgsMapSettings): a copyable value.
///
/// A render job copies it on the UI thread and never looks at anything else, so the UI may
/// change its own settings while a frame is being drawn.
struct MapSettings {
    BBox extent;       ///< Mercator metres; expanded about its centre to the output's aspect
    QSize outputSize;  ///< logical pixels
    double devicePixelRatio = 1.0;  ///< physical pixels per logical pixel of the image
    QColor background = kSeaColor;
    std::vector<LayerRender> layers;              ///< bottom to top
    std::unordered_set<std::string> selectedIds;  ///< feature ids drawn highlighted
};

/// \brief Map (Mercator metres, y up) ↔ logical pixel (y down) for one MapSettings.
///
/// The visible extent keeps the output's aspect ratio: the requested extent is expanded
/// about its centre along the axis that has room to spare, so nothing asked for is cut off.
class MapTransform {
public:
    MapTransform() = default;
    MapTransform(const BBox& extent, QSize outputSize);
    explicit MapTransform(const MapSettings& s) : MapTransform(s.extent, s.outputSize) {}

    bool valid() const { return unitsPerPixel_ > 0; }
    /// Mercator metres per logical pixel (the same along both axes).
    double unitsPerPixel() const { return unitsPerPixel_; }
    /// The extent actually shown (the requested one, expanded to the aspect ratio).
    const BBox& visibleExtent() const { return visible_; }
    QPointF center() const;

    QPointF toPixel(double x, double y) const {
        return {(x - visible_.minX) / unitsPerPixel_, (visible_.maxY - y) / unitsPerPixel_};
    }
    QPointF toPixel(QPointF m) const { return toPixel(m.x(), m.y()); }
    QPointF toMap(QPointF pixel) const {
        return {visible_.minX + pixel.x() * unitsPerPixel_,
                visible_.maxY - pixel.y() * unitsPerPixel_};
    }
    /// Pixel rectangle covered by a Mercator box.
    QRectF toPixel(const BBox& box) const;
    /// Mercator box covered by a pixel rectangle.
    BBox toMap(const QRectF& pixels) const;

private:
    BBox visible_;
    QSize size_;
    double unitsPerPixel_ = 0;
};

/// True scale 1:N at the centre latitude of the visible extent for a screen of `dpi` logical
/// pixels per inch (Mercator stretches by 1/cos φ, so the ground distance is smaller).
double scaleDenominator(const MapSettings& settings, double dpi = 96.0);
double scaleDenominator(const MapTransform& transform, double dpi = 96.0);

/// The Mercator extent that shows the scale 1:`denominator` centred on `center` (Mercator)
/// in an output of `outputSize` logical pixels; the inverse of scaleDenominator.
BBox extentForScale(QPointF center, double denominator, QSize outputSize, double dpi = 96.0);

/// Union of the extents of the visible layers in `layers` (Mercator); empty if none.
BBox layersExtent(const std::vector<LayerRender>& layers);

}  // namespace safemap

Q_DECLARE_METATYPE(safemap::MapSettings)
