#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace safemap {

/// Text encodings that Vietnamese spreadsheets and text files arrive in.
enum class TextEncoding {
    Utf8,     ///< UTF-8 (a byte order mark, if present, is dropped on reading)
    Utf8Bom,  ///< UTF-8 with a byte order mark, as Excel writes "CSV UTF-8"
    Tcvn3,    ///< TCVN 5712:1993 VN3, the "ABC" encoding of the .VnTime fonts
    Vni,      ///< VNI-Windows: ASCII base letter followed by a diacritic byte
    Viscii,   ///< VISCII, RFC 1456
    Cp1258,   ///< Windows-1258: Latin-1 letters plus combining tone marks
    Utf16Le,  ///< UTF-16 little-endian, as Excel saves "Unicode text" (tab-separated)
    Utf16Be,  ///< UTF-16 big-endian
};

/// Short, stable name ("utf-8", "utf-8-bom", "tcvn3", "vni", "viscii", "cp1258", "utf-16le",
/// "utf-16be"), the one encodingFromName() and the --encoding option accept.
std::string_view encodingName(TextEncoding encoding);

/// Name for people: "TCVN3 (ABC)", "Windows-1258", ...
std::string_view encodingDisplayName(TextEncoding encoding);

/// Parses an encoding name, ignoring case, '-', '_' and spaces. Accepts the names above and
/// the usual aliases: utf8, utf-8-sig, abc, tcvn, tcvn-5712, vn3, vni-windows, windows-1258,
/// utf-16 and unicode (Excel's name for UTF-16 little-endian).
std::optional<TextEncoding> encodingFromName(std::string_view name);

/// Decodes bytes to NFC UTF-8 (Vietnamese letters precomposed). Fails, naming the file, the
/// line and the byte offset, on bytes that cannot occur in the encoding: malformed UTF-8 or
/// UTF-16, or a byte that Windows-1258 / Windows-1252 leave undefined. A byte order mark of
/// the encoding itself is dropped.
///
/// TCVN3 keeps upper case for most toned letters in a separate font (.VnTimeH), not in the
/// bytes; such text decodes to the lower-case letters its bytes stand for.
Result<std::string> decodeToUtf8(std::string_view bytes, TextEncoding encoding,
                                 const std::string& fileName);

/// Same as decodeToUtf8 but takes the buffer, so UTF-8 input is validated in place and
/// returned without a copy (what the file readers use). On failure, if `bytesOnError` is
/// given, the buffer is handed back there (minus a UTF-8 byte order mark), so a reader can
/// turn the error's line into its own row without having kept a copy.
Result<std::string> decodeBufferToUtf8(std::string bytes, TextEncoding encoding,
                                       const std::string& fileName,
                                       std::string* bytesOnError = nullptr);

/// Encodes UTF-8 text (NFC or NFD) in the given encoding, for export and test fixtures.
/// Characters the encoding cannot hold become '?'. TCVN3 writes upper-case toned letters
/// with the lower-case codes, as the ABC fonts do; VNI cannot hold the Latin-1 letters it
/// reuses for diacritics (ù, â, ô...).
std::string encodeFromUtf8(std::string_view utf8, TextEncoding encoding);

}  // namespace safemap
