#include <catch2/catch.hpp>

#include "gis/io/cp1258.h"
#include "gis/io/site_rows_p.h"

using namespace safemap;

TEST_CASE("Windows-1258 decodes to composed Vietnamese letters and keeps the last one") {
    // "Cụm" = C, u, combining dot below (0xF2), m.
    CHECK(decodeCp1258("Cu\xF2m") == "Cụm");
    // "Đồng Đăng": Đ = 0xD0, ô = 0xF4 + combining grave 0xCC, ă = 0xE3.
    CHECK(decodeCp1258("\xD0\xF4\xCCng \xD0\xE3ng") == "Đồng Đăng");
    // Upper case with tone: "Ở" = Ơ (0xD5) + hook above (0xD2).
    CHECK(decodeCp1258("\xD5\xD2") == "Ở");
    // A tone mark that composes with nothing stays a combining mark.
    CHECK(decodeCp1258("\xCC") == "\xCC\x80");
    CHECK(decodeCp1258("q\xCC") == "q\xCC\x80");
    CHECK(decodeCp1258("\xA9 2021") == "© 2021");
    CHECK(decodeCp1258("") == "");
    CHECK(isCp1258Name("CP1258"));
    CHECK(isCp1258Name("1258"));
    CHECK(isCp1258Name("windows-1258"));
    CHECK_FALSE(isCp1258Name("UTF-8"));
    CHECK_FALSE(isCp1258Name("CP1252"));
}

TEST_CASE("decimal numbers accept a decimal comma but not thousands separators") {
    CHECK(parseDecimal("105.85") == 105.85);
    CHECK(parseDecimal("105,85") == 105.85);
    CHECK(parseDecimal("+21.5") == 21.5);
    CHECK(parseDecimal("-3") == -3.0);
    CHECK_FALSE(parseDecimal("1,234,567").has_value());
    CHECK_FALSE(parseDecimal("1.234,5").has_value());
    CHECK_FALSE(parseDecimal("12a").has_value());
    CHECK_FALSE(parseDecimal("").has_value());
    CHECK_FALSE(parseDecimal("nan").has_value());
    CHECK_FALSE(parseDecimal("inf").has_value());
}
