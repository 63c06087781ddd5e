#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/criteria/criteria_set.h"
#include "core/result.h"
#include "gis/render/map_language.h"
#include "gis/render/map_settings.h"

namespace safemap {

/// The bundled default criteria set (CRLN, Decision 1203/QĐ-BCĐ), read from its file.
[[nodiscard]] Result<std::shared_ptr<const CriteriaSet>> loadDefaultCriteria();

/// The offline basemap shipped with SafeMap (loadBasemapLayers), bottom layer first, its
/// names in `language`; the window and `safemap render` both draw it. Empty with `problem`
/// set if it cannot be read.
std::vector<LayerRender> loadShippedBasemap(MapLanguage language, std::string* problem = nullptr);

}  // namespace safemap
