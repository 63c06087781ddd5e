// The catalogue's entries for the gis module (site files, GDAL). None yet: gis errors are
// worded in English (see docs/i18n.md); this part keeps their place in errorCatalogue().
#include "core/errors/error_catalogue.h"

namespace safemap {

std::span<const ErrorTemplate> gisMessages() {
    return {};
}

}  // namespace safemap
