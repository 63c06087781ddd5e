#include "app/cli/cli.h"
#include "app/cli/huge_pages.h"

int main(int argc, char** argv) {
    safemap::preferHugePages(argv);
    return safemap::runMain(argc, argv);
}
