#include "core/text/utf16.h"

#include "core/errors/error_catalogue.h"
#include "core/text/utf8.h"
#include "core/text/vietnamese_letters.h"

namespace safemap {

namespace {

char16_t unitAt(std::string_view bytes, size_t offset, Utf16Order order) {
    const auto a = static_cast<unsigned char>(bytes[offset]);
    const auto b = static_cast<unsigned char>(bytes[offset + 1]);
    return order == Utf16Order::Little ? static_cast<char16_t>(a | (b << 8))
                                       : static_cast<char16_t>((a << 8) | b);
}

void appendUnit(std::string& out, char16_t unit, Utf16Order order) {
    const auto lo = static_cast<char>(unit & 0xFF);
    const auto hi = static_cast<char>(unit >> 8);
    if (order == Utf16Order::Little) {
        out += lo;
        out += hi;
    } else {
        out += hi;
        out += lo;
    }
}

}  // namespace

bool utf16ByteOrderMark(std::string_view bytes, Utf16Order& order) {
    if (bytes.substr(0, 2) == "\xFF\xFE") {
        order = Utf16Order::Little;
        return true;
    }
    if (bytes.substr(0, 2) == "\xFE\xFF") {
        order = Utf16Order::Big;
        return true;
    }
    return false;
}

bool looksLikeUtf16(std::string_view bytes, Utf16Order& order) {
    const size_t n = std::min<size_t>(bytes.size(), 512) & ~size_t{1};
    if (n < 8)
        return false;
    size_t zeroEven = 0, zeroOdd = 0;
    for (size_t i = 0; i < n; i += 2) {
        zeroEven += bytes[i] == '\0' ? 1 : 0;
        zeroOdd += bytes[i + 1] == '\0' ? 1 : 0;
    }
    const size_t units = n / 2;
    // Text with many ASCII characters (digits, separators, unaccented letters): at least half
    // the high bytes are zero, and hardly any low byte is (U+xx00 characters are rare).
    if (zeroOdd * 2 >= units && zeroEven * 20 <= units) {
        order = Utf16Order::Little;
        return true;
    }
    if (zeroEven * 2 >= units && zeroOdd * 20 <= units) {
        order = Utf16Order::Big;
        return true;
    }
    return false;
}

Result<std::string> decodeUtf16(std::string_view bytes, Utf16Order order,
                                const std::string& fileName) {
    Utf16Order bomOrder = order;
    if (utf16ByteOrderMark(bytes, bomOrder) && bomOrder == order)
        bytes.remove_prefix(2);
    std::string out;
    out.reserve(bytes.size() / 2 + bytes.size() / 8);
    long line = 1;
    if (bytes.size() % 2 != 0)
        return codedError("text.utf16_odd", {}, fileName);
    for (size_t i = 0; i < bytes.size(); i += 2) {
        const char16_t u = unitAt(bytes, i, order);
        char32_t cp = u;
        if (u >= 0xD800 && u <= 0xDBFF) {
            const char16_t low = i + 3 < bytes.size() ? unitAt(bytes, i + 2, order) : 0;
            if (low < 0xDC00 || low > 0xDFFF)
                return codedError("text.utf16_surrogate", {std::to_string(i), std::to_string(line)},
                                  fileName, line);
            cp = 0x10000 + ((static_cast<char32_t>(u) - 0xD800) << 10) + (low - 0xDC00);
            i += 2;
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            return codedError("text.utf16_surrogate", {std::to_string(i), std::to_string(line)},
                              fileName, line);
        }
        if (cp == '\n')
            ++line;
        appendUtf8(out, cp);
    }
    if (hasCombiningMarks(out))
        return composeVietnamese(out);
    return out;
}

std::string encodeUtf16(std::string_view utf8, Utf16Order order) {
    std::string out;
    appendUnit(out, 0xFEFF, order);
    size_t pos = 0;
    while (pos < utf8.size()) {
        const char32_t cp = nextCodePoint(utf8, pos);
        if (cp >= 0x10000) {
            const char32_t v = cp - 0x10000;
            appendUnit(out, static_cast<char16_t>(0xD800 + (v >> 10)), order);
            appendUnit(out, static_cast<char16_t>(0xDC00 + (v & 0x3FF)), order);
        } else {
            appendUnit(out, static_cast<char16_t>(cp), order);
        }
    }
    return out;
}

}  // namespace safemap
