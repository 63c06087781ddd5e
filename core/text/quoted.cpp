#include "core/text/quoted.h"

#include <cstdio>

namespace safemap {

std::string quotedForMessage(std::string_view text, std::size_t maxBytes) {
    std::size_t end = text.size();
    if (end > maxBytes) {
        end = maxBytes;
        // Back up to the first byte of a UTF-8 sequence.
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
            --end;
    }
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

}  // namespace safemap
