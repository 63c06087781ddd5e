#pragma once

#include <string>
#include <string_view>

namespace safemap {

/// True if the bytes are well-formed UTF-8 (no overlongs, no surrogates).
bool isValidUtf8(std::string_view bytes);
/// Appends the UTF-8 form of one code point.
void appendUtf8(std::string& out, char32_t cp);
/// Decodes one code point at pos and advances pos; malformed bytes give U+FFFD.
char32_t nextCodePoint(std::string_view s, size_t& pos);
/// The length of the longest start of `text` of at most `maxBytes` bytes that does not end
/// inside a UTF-8 sequence: where a message may cut a long text.
size_t utf8CutPoint(std::string_view text, size_t maxBytes);

}  // namespace safemap
