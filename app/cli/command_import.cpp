#include <cstdio>

#include "app/cli/commands.h"

namespace safemap {
// Replaced by the GDAL-backed import as soon as gis/io lands.
int runImportCommand(const Words&) {
    std::fprintf(stderr, "safemap import: not available in this build\n");
    return 1;
}
}  // namespace safemap
