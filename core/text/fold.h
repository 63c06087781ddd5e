#pragma once

#include <string>
#include <string_view>

namespace safemap {

/// Lower-case, strips Vietnamese diacritics (precomposed or combining) and maps đ to d,
/// and collapses runs of white space, so "  Đồng  Văn" and "dong van" compare equal.
/// Used for accent-insensitive search, sorting keys and derived ids.
std::string foldForSearch(std::string_view utf8);

/// Whether foldForSearch(text) is `text` itself, seen without folding: ASCII with no
/// capital letter and no white space ("vach_ngan", "yes"). Lets a lookup by folded text
/// skip making the folded string for text typed that way.
bool foldsToItself(std::string_view text);

/// Lower case with the diacritics kept ("TỔNG CỘNG" → "tổng cộng"), for words whose
/// accents matter: "Cộng" (total) is not "Công" (company).
std::string lowerVietnamese(std::string_view utf8);

/// foldForSearch, then every run of spaces or punctuation as one '_', none at either end:
/// "Quận/Huyện" and "QUAN_HUYEN " give "quan_huyen". How column names are compared.
std::string foldToKey(std::string_view utf8);

/// True if every word of `query` occurs in `text`, both folded (search boxes use this).
bool matchesFolded(std::string_view foldedText, std::string_view foldedQuery);

}  // namespace safemap
