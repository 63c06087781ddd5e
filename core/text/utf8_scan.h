#pragma once

#include <cstddef>
#include <string_view>

namespace safemap {

/// Offset of the first byte that is not part of well-formed UTF-8 (overlongs, surrogates and
/// code points above U+10FFFF are malformed), or std::string_view::npos if all of it is.
/// Skips ASCII eight bytes at a time, so validating a large file costs little.
size_t findInvalidUtf8(std::string_view bytes);

/// True if no byte has the high bit set.
bool isAscii(std::string_view bytes);
/// Offset of the first byte with the high bit set, or std::string_view::npos.
size_t findNonAscii(std::string_view bytes);

/// 1-based line number of a byte offset (counting '\n' before it), for error messages.
long lineOfOffset(std::string_view text, size_t offset);

}  // namespace safemap
