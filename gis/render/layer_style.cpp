#include "gis/render/layer_style.h"

#include "gis/render/layer_data.h"

namespace safemap {

std::vector<CategoryStyle> riskCategoryStyles(int fillAlpha) {
    // Green → red as in the national risk map; 0 (not assessed) is neutral grey so that
    // missing data never reads as "safe".
    const QColor fills[] = {
        QColor(158, 158, 158),  // 0 no assessment
        QColor(46, 125, 50),    // 1 very low
        QColor(156, 204, 101),  // 2 low
        QColor(253, 216, 53),   // 3 medium
        QColor(251, 140, 0),    // 4 high
        QColor(211, 47, 47),    // 5 very high
    };
    std::vector<CategoryStyle> out;
    for (QColor fill : fills) {
        QColor stroke = fill.darker(160);
        fill.setAlpha(fillAlpha);
        out.push_back({fill, stroke});
    }
    return out;
}

CategoryStyle statusPendingStyle(LayerKind kind) {
    const QColor slate(96, 110, 125);
    return kind == LayerKind::Zones ? CategoryStyle{QColor(255, 255, 255, 60), slate}
                                    : CategoryStyle{QColor(255, 255, 255), slate};
}

LayerStyle basemapStyle() {
    LayerStyle s;
    s.categories = {{QColor(243, 238, 224), QColor(160, 160, 160)}};
    s.strokeWidth = 0.8;
    s.showLabels = true;
    s.labelColor = QColor(110, 110, 110);
    return s;
}

bool inScaleRange(const LayerStyle& style, double scaleDenominator) {
    return (style.minScale <= 0 || scaleDenominator >= style.minScale) &&
           (style.maxScale <= 0 || scaleDenominator <= style.maxScale);
}

LayerStyle zoneStyle() {
    LayerStyle s;
    s.categories = riskCategoryStyles(90);
    s.strokeWidth = 1.2;
    s.showLabels = true;
    s.labelRoom = 0.6;  // a zone is named once its name nearly fits across it
    return s;
}

LayerStyle factoryStyle() {
    LayerStyle s;
    s.categories = riskCategoryStyles(255);
    s.pointSize = 6.0;
    s.strokeWidth = 0.5;
    s.haloWidth = 1.0;
    s.showLabels = true;
    s.labelMaxScale = 25000;  // names at street scale only
    // Above a few thousand facilities in view (the 100,000-site province at overview
    // scales) one symbol per site is a carpet; count bubbles show where and how risky.
    s.pointLod = PointLod::Cluster;
    s.clusterAbove = 3000;
    return s;
}

LayerStyle defaultStyleFor(LayerKind kind) {
    switch (kind) {
        case LayerKind::Basemap:
            return basemapStyle();
        case LayerKind::Zones:
            return zoneStyle();
        case LayerKind::Factories:
            return factoryStyle();
    }
    return {};
}

}  // namespace safemap
