#pragma once

#include <string>

namespace safemap {

/// One CSV field as RFC 4180 writes it: quoted (with doubled quotes) only when it holds a
/// comma, a quote or a line break.
inline std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + '"';
}

}  // namespace safemap
