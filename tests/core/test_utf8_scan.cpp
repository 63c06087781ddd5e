// findInvalidUtf8 against a byte-by-byte reading of the Unicode table of well-formed
// sequences, on texts where ASCII runs and multi-byte letters alternate at every offset.
#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "core/text/utf8_scan.h"

using namespace safemap;

namespace {

// The Unicode standard's table 3-7, one byte at a time, with no shortcut.
size_t firstInvalidByteByByte(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    size_t i = 0;
    auto inRange = [&](size_t k, unsigned lo, unsigned hi) {
        return k < n && p[k] >= lo && p[k] <= hi;
    };
    while (i < n) {
        const unsigned b = p[i];
        size_t len = 0;
        if (b <= 0x7F)
            len = 1;
        else if (b >= 0xC2 && b <= 0xDF)
            len = inRange(i + 1, 0x80, 0xBF) ? 2 : 0;
        else if (b == 0xE0)
            len = inRange(i + 1, 0xA0, 0xBF) && inRange(i + 2, 0x80, 0xBF) ? 3 : 0;
        else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF)
            len = inRange(i + 1, 0x80, 0xBF) && inRange(i + 2, 0x80, 0xBF) ? 3 : 0;
        else if (b == 0xED)
            len = inRange(i + 1, 0x80, 0x9F) && inRange(i + 2, 0x80, 0xBF) ? 3 : 0;
        else if (b == 0xF0)
            len = inRange(i + 1, 0x90, 0xBF) && inRange(i + 2, 0x80, 0xBF) &&
                          inRange(i + 3, 0x80, 0xBF)
                      ? 4
                      : 0;
        else if (b >= 0xF1 && b <= 0xF3)
            len = inRange(i + 1, 0x80, 0xBF) && inRange(i + 2, 0x80, 0xBF) &&
                          inRange(i + 3, 0x80, 0xBF)
                      ? 4
                      : 0;
        else if (b == 0xF4)
            len = inRange(i + 1, 0x80, 0x8F) && inRange(i + 2, 0x80, 0xBF) &&
                          inRange(i + 3, 0x80, 0xBF)
                      ? 4
                      : 0;
        if (len == 0)
            return i;
        i += len;
    }
    return std::string_view::npos;
}

}  // namespace

TEST_CASE("findInvalidUtf8 finds the first malformed byte wherever it falls") {
    CHECK(findInvalidUtf8("") == std::string_view::npos);
    CHECK(findInvalidUtf8("Phạm Minh Tuấn,có,vach_ngan") == std::string_view::npos);
    CHECK(findInvalidUtf8("abcdefgh\xC3") == 8);           // cut short at the end
    CHECK(findInvalidUtf8("abcdefgh\xC0\xAF") == 8);       // overlong
    CHECK(findInvalidUtf8("abc\xED\xA0\x80xyzxyz") == 3);  // a surrogate
    CHECK(findInvalidUtf8("abcdefg\xE1\xBA\xA1\xF5xx") == 10);

    // Valid pieces (ASCII runs of every length, Vietnamese letters of two and three bytes,
    // a four-byte sign) and, now and then, a bad byte, at every alignment.
    const std::string pieces[] = {
        "a", "bc",   "def",  "ghijklm",  "nopqrstuvwxyz",    "ạ", "ư", "Tuấn", "đ",
        "😷", "\x80", "\xC3", "\xE0\x80", "\xF4\x90\x80\x80", ",", "\n"};
    std::mt19937 random(20261208);
    for (int round = 0; round < 20000; ++round) {
        std::string text;
        const int count = static_cast<int>(random() % 40);
        for (int k = 0; k < count; ++k) {
            // Mostly valid pieces: a bad one in about one text of three.
            const size_t piece = random() % 100 < 97 ? random() % 10 : 10 + random() % 6;
            text += pieces[piece];
        }
        INFO(text);
        REQUIRE(findInvalidUtf8(text) == firstInvalidByteByByte(text));
    }
}
