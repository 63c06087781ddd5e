#pragma once

#include <memory>

#include "gis/analysis/cordon.h"
#include "gis/render/layer_data.h"
#include "gis/render/layer_style.h"

namespace safemap {

/// LayerData::id of the cordon overlay.
inline constexpr const char* kCordonLayerId = "cordon";

/// The cordon as a one-feature polygon layer with id kCordonLayerId and feature id
/// "cordon:<case site id>". Its kind is LayerKind::Basemap because the map treats that kind
/// as context: identify clicks through it to the facilities underneath, and zooming to the
/// sites ignores it. (The main window also titles Basemap layers "Countries (basemap)" in the
/// layer list; give this one its own title there.)
std::shared_ptr<const LayerData> makeCordonLayer(const Cordon& cordon);

/// Semi-transparent red fill under a thick dark red outline, no labels.
LayerStyle cordonStyle();

}  // namespace safemap
