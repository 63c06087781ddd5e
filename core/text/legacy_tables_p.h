#pragma once

// Byte tables of the legacy Vietnamese encodings. Private to legacy_encodings.cpp and the
// tests; everyone else goes through decodeToUtf8()/encodeFromUtf8().

#include <array>

namespace safemap::legacy {

/// Code points of bytes 0x80..0xFF; 0 where the encoding leaves the byte undefined.
using HighHalf = std::array<char16_t, 128>;

/// Windows-1252: the bytes VNI does not use for Vietnamese, and TCVN3's 0x80..0x9F.
extern const HighHalf kCp1252High;
/// Windows-1258 (Microsoft's table; 0xCC 0xD2 0xDE 0xEC 0xF2 are combining tone marks).
extern const HighHalf kCp1258High;
/// TCVN3 (ABC): 0xA0..0xFF as TCVN 5712:1993, 0x80..0x9F as Windows-1252 punctuation, which
/// is what the ANSI .VnTime fonts show there. 0xB0..0xB4 are combining tone marks.
extern const HighHalf kTcvn3High;
/// VISCII, RFC 1456.
extern const HighHalf kVisciiHigh;

/// VISCII also puts six capital letters on C0 control codes.
struct ControlLetter {
    unsigned char byte;
    char16_t codePoint;
};
extern const std::array<ControlLetter, 6> kVisciiControlLetters;

}  // namespace safemap::legacy
