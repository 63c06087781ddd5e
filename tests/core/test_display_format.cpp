// The one number, date and length style per language (core/text/display_format.h) that the
// window's status bar, scale bar, compare panel, record and lists and the reports all use.
#include <catch2/catch.hpp>

#include "core/text/display_format.h"
#include "core/util/date.h"

using namespace safemap;

TEST_CASE("numbers, dates and lengths are written in the style of the language") {
    const DisplayStyle vi = displayStyle(Language::Vietnamese);
    const DisplayStyle en = displayStyle(Language::English);

    CHECK(formatCount(65457, vi) == "65.457");
    CHECK(formatCount(65457, en) == "65,457");
    CHECK(formatPercent(91.0, vi) == "91,0 %");
    CHECK(formatPercent(91.0, en) == "91.0 %");
    CHECK(formatDecimal(105.422390, 5, vi) == "105,42239");
    CHECK(formatDecimal(105.422390, 5, en) == "105.42239");

    const auto date = parseDate("2021-06-26");
    REQUIRE(date.has_value());
    CHECK(formatDateFor(*date, vi) == "26/06/2021");
    CHECK(formatDateFor(*date, en) == "2021-06-26");
    // Days and months below ten keep their zero; an early year keeps four digits.
    CHECK(formatDateFor(*parseDate("2022-01-05"), vi) == "05/01/2022");
    CHECK(formatDateFor(Date{std::chrono::year{999} / 12 / 31}, vi) == "31/12/0999");

    // The scale bar's 1-2-5 lengths: metres below 1 km, kilometres from 1 km, grouped.
    CHECK(formatLength(500, vi) == "500 m");
    CHECK(formatLength(1000, vi) == "1 km");
    CHECK(formatLength(20000, en) == "20 km");
    CHECK(formatLength(2'000'000, vi) == "2.000 km");
    CHECK(formatLength(2'000'000, en) == "2,000 km");
    CHECK(formatLength(0.5, vi) == "0,5 m");
}
