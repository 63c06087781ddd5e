#pragma once

#include <string_view>

namespace safemap {

/// The text without leading and trailing spaces, tabs and line breaks (spreadsheet cells are
/// full of them).
inline std::string_view trimmed(std::string_view s) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && space(s.back()))
        s.remove_suffix(1);
    return s;
}

}  // namespace safemap
