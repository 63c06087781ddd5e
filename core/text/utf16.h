#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace safemap {

/// Byte order of UTF-16 text.
enum class Utf16Order { Little, Big };

/// The byte order a UTF-16 byte order mark announces (FF FE little, FE FF big); false if the
/// bytes do not start with one.
bool utf16ByteOrderMark(std::string_view bytes, Utf16Order& order);

/// True if the bytes look like UTF-16 without a byte order mark: in the first few hundred
/// bytes, at least half of every other byte is zero and almost none of the others (text with
/// ASCII digits and separators, as Excel's "Unicode text" whose mark was stripped). Sets the
/// byte order.
bool looksLikeUtf16(std::string_view bytes, Utf16Order& order);

/// Decodes UTF-16 (a leading byte order mark is dropped) to UTF-8 with Vietnamese letters
/// composed. Fails, naming the file and line, on an odd number of bytes or an unpaired
/// surrogate.
Result<std::string> decodeUtf16(std::string_view bytes, Utf16Order order,
                                const std::string& fileName);

/// Encodes UTF-8 as UTF-16 with a byte order mark (for tests and exports).
std::string encodeUtf16(std::string_view utf8, Utf16Order order);

}  // namespace safemap
