#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/criteria/criteria_set.h"
#include "core/result.h"
#include "gis/render/layer_data.h"

namespace safemap {

/// The bundled default criteria set (CRLN, Decision 1203/QĐ-BCĐ), read from its file.
[[nodiscard]] Result<std::shared_ptr<const CriteriaSet>> loadDefaultCriteria();

/// The offline basemap shipped with SafeMap, bottom layer first; the window and
/// `safemap render` both draw it. Empty with `problem` set if it cannot be read.
std::vector<std::shared_ptr<const LayerData>> loadShippedBasemap(std::string* problem = nullptr);

}  // namespace safemap
