#include "core/text/utf8_scan.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

namespace safemap {

namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ull;

uint64_t load8(const unsigned char* p) {
    uint64_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

bool isContinuation(unsigned char b) {
    return (b & 0xC0) == 0x80;
}

/// Length of the well-formed sequence starting at p (1..4), or 0 if malformed.
/// Follows the Unicode table "Well-Formed UTF-8 Byte Sequences" (chapter 3, D92).
size_t sequenceLength(const unsigned char* p, size_t available) {
    const unsigned char b0 = p[0];
    if (b0 < 0x80)
        return 1;
    if (b0 >= 0xC2 && b0 <= 0xDF)
        return available >= 2 && isContinuation(p[1]) ? 2 : 0;
    if (b0 >= 0xE0 && b0 <= 0xEF) {
        if (available < 3 || !isContinuation(p[2]))
            return 0;
        const unsigned char b1 = p[1];
        const unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80;
        const unsigned char hi = b0 == 0xED ? 0x9F : 0xBF;
        return b1 >= lo && b1 <= hi ? 3 : 0;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
        if (available < 4 || !isContinuation(p[2]) || !isContinuation(p[3]))
            return 0;
        const unsigned char b1 = p[1];
        const unsigned char lo = b0 == 0xF0 ? 0x90 : 0x80;
        const unsigned char hi = b0 == 0xF4 ? 0x8F : 0xBF;
        return b1 >= lo && b1 <= hi ? 4 : 0;
    }
    return 0;
}

}  // namespace

size_t findInvalidUtf8(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const size_t n = bytes.size();
    size_t i = 0;
    while (i < n) {
        if (i + 8 <= n) {
            const uint64_t high = load8(p + i) & kHighBits;
            if (high == 0) {
                i += 8;
                continue;
            }
            // Past the ASCII bytes before the first high one at once: in Vietnamese text a
            // multi-byte letter comes every few bytes, and stepping over the ASCII between
            // them one byte at a time took most of the time of checking a file.
            if constexpr (std::endian::native == std::endian::little)
                i += static_cast<size_t>(std::countr_zero(high)) / 8;
        }
        const size_t len = sequenceLength(p + i, n - i);
        if (len == 0)
            return i;
        i += len;
    }
    return std::string_view::npos;
}

size_t findNonAscii(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const size_t n = bytes.size();
    size_t i = 0;
    while (i + 8 <= n && (load8(p + i) & kHighBits) == 0)
        i += 8;
    for (; i < n; ++i)
        if (p[i] & 0x80)
            return i;
    return std::string_view::npos;
}

bool isAscii(std::string_view bytes) {
    return findNonAscii(bytes) == std::string_view::npos;
}

long lineOfOffset(std::string_view text, size_t offset) {
    offset = std::min(offset, text.size());
    return 1 + static_cast<long>(std::count(text.begin(), text.begin() + offset, '\n'));
}

}  // namespace safemap
