#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/cli/shipped_files.h"  // loadDefaultCriteria
#include "core/criteria/criteria_set.h"
#include "core/project/field_package.h"
#include "core/result.h"
#include "gis/render/map_language.h"
#include "gis/render/map_settings.h"

namespace safemap {

/// The offline basemap shipped with SafeMap (loadBasemapLayers), bottom layer first, its
/// names in `language`; the window and `safemap render` both draw it. Empty with `problem`
/// set if it cannot be read.
std::vector<LayerRender> loadShippedBasemap(MapLanguage language, std::string* problem = nullptr);

/// What a field package gets besides the project's data: the shipped basemap clipped to its
/// area (gis/field/package_basemap.h). Empty, with `problem` set, when SafeMap's data/ folder
/// is not found (the package is then made without a basemap). Needs a QCoreApplication.
PackageExtras packageBasemapExtras(std::string* problem = nullptr);

}  // namespace safemap
