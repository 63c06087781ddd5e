#include <catch2/catch.hpp>
TEST_CASE("app placeholder") { CHECK(1 + 1 == 2); }
