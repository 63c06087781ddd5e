#pragma once

#include <string>

#include "gis/render/map_language.h"

namespace safemap {

/// How much of the attribution to give.
enum class AttributionForm {
    Full,   ///< every source with its licence and changes: the About box, data/basemap/README.md
    Short,  ///< one line for a map's corner or a report footer
};

/// The basemap's sources and licences (data/basemap/README.md), the one place in code that
/// says them: provinces © Open Development Mekong (CC BY-SA 4.0), districts dvhcvn (GPL-3.0),
/// names GSO, towns, rivers and countries Natural Earth (public domain). UTF-8.
std::string basemapAttribution(MapLanguage language = MapLanguage::English,
                               AttributionForm form = AttributionForm::Full);

}  // namespace safemap
