#include "app/cli/cli.h"

#include <cstdio>

namespace safemap {

int runMain(int, char**) {
    std::puts("SafeMap");
    return 0;
}

}  // namespace safemap
