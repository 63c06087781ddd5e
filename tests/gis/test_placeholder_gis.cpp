#include <catch2/catch.hpp>
TEST_CASE("gis placeholder") { CHECK(1 + 1 == 2); }
