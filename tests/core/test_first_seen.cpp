// FirstSeen (core/util/first_seen.h): the duplicate check of a site import.
#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <string>

#include "core/util/first_seen.h"

using safemap::FirstSeen;

TEST_CASE("FirstSeen gives the first row of an id seen again, and nothing for a new one",
          "[util]") {
    FirstSeen seen;
    CHECK_FALSE(seen.add("MST-0101", 2));
    CHECK_FALSE(seen.add("MST-0102", 3));
    CHECK(seen.add("MST-0101", 7) == 2L);
    // The first row stays the answer: the repeat did not replace it.
    CHECK(seen.add("MST-0101", 9) == 2L);
    // Ids differ by bytes, not by what they look like.
    CHECK_FALSE(seen.add("mst-0101", 10));
    CHECK_FALSE(seen.add("", 11));
    CHECK(seen.add("", 12) == 11L);
    CHECK_FALSE(seen.add("Cơ sở Hà Nam", 13));
    CHECK(seen.add("Cơ sở Hà Nam", 14) == 13L);
    CHECK(seen.size() == 5);
}

TEST_CASE("FirstSeen agrees with a map over many ids, growing and reserved", "[util]") {
    for (const std::size_t reserved : {std::size_t{0}, std::size_t{50000}}) {
        INFO("reserved " << reserved);
        FirstSeen seen;
        seen.reserve(reserved);
        std::map<std::string, long> expected;
        std::mt19937 rng(11);
        // Ids drawn from a range small enough that about a third repeat; long and short
        // ones (inside and beyond std::string's own buffer).
        std::uniform_int_distribution<int> pick(0, 40000);
        for (long row = 1; row <= 60000; ++row) {
            const int n = pick(rng);
            const std::string id = n % 3 == 0
                                       ? "KCN " + std::to_string(n) + " (một khu rất dài tên)"
                                       : std::to_string(9600000000LL + n);
            const auto [it, fresh] = expected.emplace(id, row);
            const auto got = seen.add(id, row);
            if (fresh)
                REQUIRE_FALSE(got);
            else
                REQUIRE(got == it->second);
        }
        CHECK(seen.size() == expected.size());
        // Looked up afterwards, every id gives its first row, and an id never added none.
        size_t wrong = 0;
        for (const auto& [id, row] : expected)
            wrong += seen.find(id) != row;
        CHECK(wrong == 0);
        CHECK_FALSE(seen.find("9600099999"));
        CHECK_FALSE(seen.find(""));
    }
}

TEST_CASE("an empty FirstSeen finds nothing", "[util]") {
    const FirstSeen seen;
    CHECK_FALSE(seen.find("MST-0101"));
    CHECK_FALSE(seen.find(""));
}
