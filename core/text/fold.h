#pragma once

#include <string>
#include <string_view>

namespace safemap {

/// Lower-case, strips Vietnamese diacritics (precomposed or combining) and maps đ to d,
/// and collapses runs of white space, so "  Đồng  Văn" and "dong van" compare equal.
/// Used for accent-insensitive search, sorting keys and derived ids.
std::string foldForSearch(std::string_view utf8);

/// True if every word of `query` occurs in `text`, both folded (search boxes use this).
bool matchesFolded(std::string_view foldedText, std::string_view foldedQuery);

}  // namespace safemap
