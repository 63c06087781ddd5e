#include "core/text/quoted.h"

#include <charconv>
#include <cstdio>

#include "core/text/utf8.h"
#include "core/text/utf8_scan.h"

namespace safemap {

std::string quotedForMessage(std::string_view text, std::size_t maxBytes) {
    const std::size_t end = utf8CutPoint(text, maxBytes);
    std::string out = "\"";
    for (std::size_t i = 0; i < end; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(c));
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    if (end < text.size())
        out += "…\" (" + std::to_string(text.size()) + " bytes)";
    else
        out += '"';
    return out;
}

std::string printableText(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    std::size_t i = 0;
    while (i < bytes.size()) {
        const std::size_t bad = findInvalidUtf8(bytes.substr(i));
        const std::size_t end = bad == std::string_view::npos ? bytes.size() : i + bad;
        for (; i < end; ++i) {
            const auto c = static_cast<unsigned char>(bytes[i]);
            if ((c < 0x20 && c != '\n') || c == 0x7F) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(c));
                out += buf;
            } else {
                out += static_cast<char>(c);
            }
        }
        if (i < bytes.size()) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X",
                          static_cast<unsigned>(static_cast<unsigned char>(bytes[i])));
            out += buf;
            ++i;
        }
    }
    return out;
}

std::string shortestNumber(double value) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, value);
    return std::string(buf, r.ptr);
}

}  // namespace safemap
