// The catalogue's entries for the gis module (site files, GDAL). None yet: gis errors are
// still worded in English (Error::message, shown as written); this part keeps their place in
// errorCatalogue() for when they get codes.
#include "core/errors/error_catalogue.h"

namespace safemap {

std::span<const ErrorTemplate> gisMessages() {
    return {};
}

}  // namespace safemap
