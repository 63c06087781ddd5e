#pragma once
// A hash map keyed by std::string that can be searched with a std::string_view.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace safemap {

/// Hashes a std::string and a std::string_view of the same text alike, so that a lookup by
/// view needs no string made for it (most ids are longer than a short string's inline
/// buffer, and some maps are searched once per imported row).
struct StringViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

/// std::unordered_map<std::string, T> whose find() takes a std::string_view.
template <class T>
using StringMap = std::unordered_map<std::string, T, StringViewHash, std::equal_to<>>;

}  // namespace safemap
