#include "gis/analysis/cordon_layer.h"

namespace safemap {

std::shared_ptr<const LayerData> makeCordonLayer(const Cordon& cordon) {
    LayerBuilder builder(kCordonLayerId, "Cordon", LayerKind::Basemap);
    builder.addPolygon("cordon:" + cordon.request.caseSiteId, cordon.area, 0, cordon.caseSiteName);
    return builder.finish();
}

LayerStyle cordonStyle() {
    LayerStyle s;
    // Light enough that the facilities and zones under it keep their risk colours readable.
    s.categories = {{QColor(229, 57, 53, 70), QColor(140, 0, 0)}};
    s.strokeWidth = 2.5;
    s.showLabels = false;
    return s;
}

}  // namespace safemap
