#pragma once

#include <string>
#include <string_view>

#include "core/text/legacy_encodings.h"

namespace safemap {

/// \brief What detectEncoding() concluded, how sure it is and why.
struct EncodingGuess {
    /// Below this the caller should not decode silently: ask the user or require --encoding.
    static constexpr double kReliable = 0.75;

    TextEncoding encoding = TextEncoding::Utf8;
    double confidence = 0.0;  ///< 0..1
    std::string reason;       ///< one line for people, e.g. "valid UTF-8"
    /// The bytes are clearly in `encoding` but the text reads like mojibake (for example
    /// UTF-8 that was once decoded as Windows-1252 and saved again); confidence is low.
    bool mojibake = false;

    bool reliable() const { return confidence >= kReliable; }
};

/// Guesses the encoding of a text file. In order: a UTF-8 or UTF-16 byte order mark; UTF-16
/// without a mark (zero bytes at alternate positions); ASCII only (UTF-8, certain); well-formed
/// UTF-8 in a 4 MiB window from the first non-ASCII byte (UTF-8, unless the text then looks like
/// mojibake; decoding checks the rest); otherwise each legacy encoding (TCVN3, VNI, VISCII,
/// Windows-1258) decodes a sample of the lines with non-ASCII bytes and the one whose words are
/// most often Vietnamese syllables wins. Confidence falls when there are few such words or when the
/// runner-up is close. See docs/encodings.md.
EncodingGuess detectEncoding(std::string_view bytes);

/// True if detectEncoding(prefix) is what detectEncoding gives for any longer text that
/// starts with `prefix` (ending at a line break) and is valid UTF-8 throughout: it has a UTF-8
/// byte order mark, or enough lines with non-ASCII bytes to fill the sample that judges
/// mojibake. A reader of a large UTF-8 file can then detect on its first megabytes
/// (CsvChunks).
bool utf8VerdictSettledBy(std::string_view prefix);

/// \brief How Vietnamese a piece of decoded text reads.
struct TextPlausibility {
    int syllables = 0;    ///< words with non-ASCII letters that are Vietnamese syllables
    int otherWords = 0;   ///< words with non-ASCII letters that are not
    int nonAscii = 0;     ///< non-ASCII code points
    int latin1Pairs = 0;  ///< "Ã¡"-like pairs: UTF-8 bytes that were read as Windows-1252
    int brokenChars = 0;  ///< U+FFFD and C1 control characters

    /// Share of judged words that are syllables; 1 when there are none.
    double syllableShare() const;
};

/// Counts the signs above. Words made only of ASCII letters say nothing about the encoding
/// and are skipped, as are abbreviations ("QĐ") and words in non-Latin scripts.
TextPlausibility measureVietnamese(std::string_view utf8);

/// True if decoded text shows signs of having been decoded with the wrong encoding: bytes
/// that are not UTF-8, UTF-8 read as Windows-1252 ("Cá»¥m", "Ä‘"), legacy bytes read as the
/// wrong legacy encoding or as Windows-1252 ("C«ng", "Coâng"), or replacement characters.
/// Importers refuse such text with a message asking for the right encoding.
bool looksLikeMojibake(std::string_view utf8);

}  // namespace safemap
