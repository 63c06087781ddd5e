#include "app/cli/cli.h"

int main(int argc, char** argv) {
    return safemap::runMain(argc, argv);
}
