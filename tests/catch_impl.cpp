// Catch's own implementation, compiled once for the three test executables (it is the
// slowest file of the suite to compile, and used to be compiled in each of their mains).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "catch_run.h"

int runCatchSession(int argc, char** argv) {
    return Catch::Session().run(argc, argv);
}
