#pragma once

#include <string_view>

namespace safemap {

/// The text without leading and trailing spaces and tabs (spreadsheet cells are full of them).
inline std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

}  // namespace safemap
