#include <cstdio>

#include "app/cli/commands.h"

namespace safemap {
// Replaced by the headless renderer as soon as gis/render lands.
int runRenderCommand(const Words&) {
    std::fprintf(stderr, "safemap render: not available in this build\n");
    return 1;
}
}  // namespace safemap
