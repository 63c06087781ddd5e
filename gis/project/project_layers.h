#pragma once

#include <memory>
#include <vector>

#include "core/model/site.h"
#include "gis/render/map_settings.h"

namespace safemap {

/// The map layers of a project, bottom to top: the basemap (if any), zones, facilities,
/// each with its default style. The window and `safemap render` both draw these, so the
/// headless map and the on-screen map are the same map.
std::vector<LayerRender> makeProjectLayers(const std::vector<Zone>& zones,
                                           const std::vector<Factory>& factories,
                                           std::shared_ptr<const LayerData> basemap);

}  // namespace safemap
