#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace safemap {

/// A cell's text as shown in an error message: in double quotes, control characters written
/// as escapes (a NUL byte or a line break must not cut or break the message), and at most
/// `maxBytes` bytes of it (cut at a character boundary) followed by "…" and the full size, so
/// a 10 MB cell does not become a 10 MB message.
std::string quotedForMessage(std::string_view text, std::size_t maxBytes = 60);

/// Text that is safe to show whatever its bytes: valid UTF-8 is kept, each byte that is not
/// part of valid UTF-8 and each control character other than a line break is written as
/// "\xNN". For messages that quote bytes someone else read (a JSON parser's "last read").
std::string printableText(std::string_view bytes);

/// A number as a message quotes it: the shortest text that reads back as the same double
/// (std::to_chars), so "0.1" and not "0.10000000000000001".
std::string shortestNumber(double value);

}  // namespace safemap
