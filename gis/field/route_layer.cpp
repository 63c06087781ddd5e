#include "gis/field/route_layer.h"

#include <limits>
#include <string>

namespace safemap {

std::shared_ptr<const LayerData> makeRouteLineLayer(const std::vector<GeoPoint>& line) {
    LayerBuilder builder(kRouteLineLayerId, "Route", LayerKind::Basemap, GeometryKind::Lines);
    builder.addLine("route", {line}, 0, {});
    return builder.finish();
}

std::shared_ptr<const LayerData> makeRouteStopsLayer(const std::vector<Factory>& stops,
                                                     const std::vector<bool>& visited) {
    LayerBuilder builder(kRouteStopsLayerId, "Stops", LayerKind::Basemap, GeometryKind::Points);
    for (std::size_t i = 0; i < stops.size(); ++i) {
        std::string id = "stop:";
        id += stops[i].id;
        const std::uint8_t category = i < visited.size() && visited[i] ? 1 : 0;
        builder.addPoint(std::move(id), stops[i].location, category,
                         std::numeric_limits<float>::quiet_NaN(), std::to_string(i + 1));
    }
    return builder.finish();
}

LayerStyle routeLineStyle() {
    LayerStyle s;
    s.categories = {{QColor(0, 0, 0, 0), QColor(21, 67, 160, 220)}};
    s.strokeWidth = 3.0;
    s.showLabels = false;
    return s;
}

LayerStyle routeStopsStyle() {
    LayerStyle s;
    // Hollow rings so the facility's risk colour underneath still shows.
    s.categories = {{QColor(0, 0, 0, 0), QColor(21, 67, 160)},
                    {QColor(0, 0, 0, 0), QColor(46, 125, 50)}};
    s.pointSize = 16;
    s.strokeWidth = 2.5;
    s.showLabels = true;
    s.labelBold = true;
    s.labelSize = 13;
    s.labelColor = QColor(21, 67, 160);
    return s;
}

}  // namespace safemap
