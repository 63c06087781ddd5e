#include "catch_run.h"

int main(int argc, char** argv) {
    return runCatchSession(argc, argv);
}
