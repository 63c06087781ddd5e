#pragma once

#include <memory>
#include <vector>

#include "core/model/geometry.h"
#include "core/model/site.h"
#include "gis/render/layer_data.h"
#include "gis/render/layer_style.h"

namespace safemap {

/// LayerData ids of a field package's route overlay.
inline constexpr const char* kRouteLineLayerId = "route";
inline constexpr const char* kRouteStopsLayerId = "route_stops";

/// The route as one line (the start, then each stop: routeLine()), feature id "route". Kind
/// Basemap, as the cordon: the map treats it as context, so a click goes through it to the
/// facility underneath and "zoom to all" ignores it.
std::shared_ptr<const LayerData> makeRouteLineLayer(const std::vector<GeoPoint>& line);

/// The stops as points labelled with their visit number ("1", "2", …), in visiting order;
/// feature ids "stop:<site id>". Category 1 marks a stop with an inspection recorded.
std::shared_ptr<const LayerData> makeRouteStopsLayer(const std::vector<Factory>& stops,
                                                     const std::vector<bool>& visited);

/// A dark blue line, wide enough to follow over the basemap and the zone fills.
LayerStyle routeLineStyle();
/// Rings around the facilities with their number beside them; visited stops in green.
LayerStyle routeStopsStyle();

}  // namespace safemap
