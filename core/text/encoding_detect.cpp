#include "core/text/encoding_detect.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "core/text/legacy_tables_p.h"
#include "core/text/utf16.h"
#include "core/text/utf8.h"
#include "core/text/utf8_scan.h"
#include "core/text/vietnamese_syllable.h"

namespace safemap {

namespace {

/// Enough text to judge by; detection looks only at lines that have non-ASCII bytes.
constexpr size_t kLegacySampleBytes = size_t{64} * 1024;
constexpr size_t kUtf8SampleBytes = size_t{256} * 1024;
constexpr size_t kUtf8Window = 4 << 20;

bool isAsciiLetter(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// Characters that end a word: ASCII other than letters, no-break space, general punctuation
/// (dashes, curly quotes, ellipsis), the đồng sign, BOM. Latin-1 symbols such as « µ ¸ are
/// not separators: they are what legacy letters turn into when read as Windows-1252.
bool isSeparator(char32_t c) {
    if (c < 0x80)
        return !isAsciiLetter(c);
    return c == 0xA0 || (c >= 0x2000 && c <= 0x206F) || c == 0x20AB || c == 0xFEFF || c == 0x3000;
}

/// Greek, Cyrillic, CJK and the like: words in them say nothing about Vietnamese encodings.
bool isOtherScript(char32_t c) {
    return (c >= 0x0370 && c < 0x1E00) || (c >= 0x1F00 && c < 0x2000) ||
           (c >= 0x2E80 && c != 0xFFFD);
}

/// True if c is what a UTF-8 continuation byte (0x80..0xBF) shows as in Windows-1252.
bool isCp1252Continuation(char32_t c) {
    if (c >= 0x80 && c <= 0xBF)
        return true;
    for (size_t i = 0; i < 0x20; ++i)
        if (legacy::kCp1252High[i] == c)
            return true;
    return false;
}

/// Lines (with their '\n') that contain a non-ASCII byte, up to about `limit` bytes.
std::string nonAsciiLines(std::string_view bytes, size_t limit) {
    std::string sample;
    size_t pos = 0;
    while (pos < bytes.size() && sample.size() < limit) {
        const void* nl = std::memchr(bytes.data() + pos, '\n', bytes.size() - pos);
        const size_t end = nl ? static_cast<size_t>(static_cast<const char*>(nl) - bytes.data()) + 1
                              : bytes.size();
        const std::string_view line = bytes.substr(pos, end - pos);
        if (!isAscii(line))
            sample.append(line.substr(0, limit));
        pos = end;
    }
    return sample;
}

/// True if the only flaw is a multi-byte sequence cut off by the end of the buffer, as
/// happens when the caller passes the first megabyte of a file.
bool isTruncatedTail(std::string_view bytes, size_t bad) {
    if (bytes.size() - bad >= 4)
        return false;
    const auto lead = static_cast<unsigned char>(bytes[bad]);
    const size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    if (lead < 0xC2 || lead > 0xF4 || bytes.size() - bad >= need)
        return false;
    for (size_t i = bad + 1; i < bytes.size(); ++i)
        if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80)
            return false;
    return true;
}

std::string percent(double share) {
    return std::to_string(static_cast<int>(std::lround(share * 100))) + " %";
}

}  // namespace

double TextPlausibility::syllableShare() const {
    const int judged = syllables + otherWords;
    return judged == 0 ? 1.0 : static_cast<double>(syllables) / judged;
}

TextPlausibility measureVietnamese(std::string_view utf8) {
    TextPlausibility p;
    std::string word;
    bool wordHasNonAscii = false;
    bool wordIsOtherScript = false;
    auto flush = [&] {
        if (wordHasNonAscii && !wordIsOtherScript) {
            switch (classifyWord(word)) {
                case WordKind::Syllable:
                    ++p.syllables;
                    break;
                case WordKind::Other:
                    ++p.otherWords;
                    break;
                case WordKind::Abbreviation:
                    break;
            }
        }
        word.clear();
        wordHasNonAscii = false;
        wordIsOtherScript = false;
    };
    char32_t prev = 0;
    size_t pos = 0;
    while (pos < utf8.size()) {
        const size_t start = pos;
        const char32_t c = nextCodePoint(utf8, pos);
        if (c >= 0x80) {
            ++p.nonAscii;
            if (c == 0xFFFD || c <= 0x9F)
                ++p.brokenChars;
            if (prev >= 0xC2 && prev <= 0xF4 && isCp1252Continuation(c))
                ++p.latin1Pairs;
        }
        if (isSeparator(c)) {
            flush();
        } else {
            word.append(utf8.substr(start, pos - start));
            if (c >= 0x80)
                wordHasNonAscii = true;
            if (isOtherScript(c))
                wordIsOtherScript = true;
        }
        prev = c;
    }
    flush();
    return p;
}

bool looksLikeMojibake(std::string_view utf8) {
    if (findInvalidUtf8(utf8) != std::string_view::npos)
        return true;
    const TextPlausibility p = measureVietnamese(utf8);
    // A stray "Â°" in a large file is noise; mis-decoded text has such pairs everywhere.
    const int suspicious = p.latin1Pairs + p.brokenChars;
    if (suspicious > 0 && suspicious * 10 >= p.nonAscii)
        return true;
    return p.syllables + p.otherWords >= 3 && p.otherWords > p.syllables;
}

bool utf8VerdictSettledBy(std::string_view prefix) {
    if (prefix.substr(0, 3) == "\xEF\xBB\xBF")
        return true;
    if (prefix.empty() || prefix.back() != '\n' || findNonAscii(prefix) == std::string_view::npos)
        return false;
    return nonAsciiLines(prefix, kUtf8SampleBytes).size() >= kUtf8SampleBytes;
}

EncodingGuess detectEncoding(std::string_view bytes) {
    EncodingGuess guess;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        guess.encoding = TextEncoding::Utf8Bom;
        guess.confidence = 1.0;
        guess.reason = "UTF-8 byte order mark";
        return guess;
    }
    if (Utf16Order order{}; utf16ByteOrderMark(bytes, order)) {
        guess.encoding =
            order == Utf16Order::Little ? TextEncoding::Utf16Le : TextEncoding::Utf16Be;
        guess.confidence = 1.0;
        guess.reason = "UTF-16 byte order mark";
        return guess;
    }
    if (Utf16Order order{}; looksLikeUtf16(bytes, order)) {
        // Zero bytes at alternate positions: UTF-16 whose mark was lost. Decoding checks the rest.
        guess.encoding =
            order == Utf16Order::Little ? TextEncoding::Utf16Le : TextEncoding::Utf16Be;
        guess.confidence = 0.9;
        guess.reason = "UTF-16 without a byte order mark (zero bytes at alternate positions)";
        return guess;
    }
    const size_t firstHigh = findNonAscii(bytes);
    if (firstHigh == std::string_view::npos) {
        guess.confidence = 1.0;
        guess.reason = "ASCII only";
        return guess;
    }
    // Judge UTF-8 on a window from the first non-ASCII byte: a file that turns out not to be
    // UTF-8 further on fails to decode, with the line, rather than decoding wrongly.
    const std::string_view window = bytes.substr(firstHigh, kUtf8Window);
    const size_t windowBad = findInvalidUtf8(window);
    const size_t bad = windowBad == std::string_view::npos ? windowBad : firstHigh + windowBad;
    if (bad == std::string_view::npos || isTruncatedTail(window, windowBad)) {
        if (looksLikeMojibake(nonAsciiLines(bytes, kUtf8SampleBytes))) {
            guess.confidence = 0.3;
            guess.mojibake = true;
            guess.reason =
                "valid UTF-8, but the text reads like mis-decoded characters (mojibake): it was "
                "probably converted with the wrong encoding before it was saved";
        } else {
            guess.confidence = 0.99;
            guess.reason = "valid UTF-8";
        }
        return guess;
    }

    const std::string sample = nonAsciiLines(bytes, kLegacySampleBytes);
    struct Score {
        TextEncoding encoding;
        double share = -1;  // -1: the sample cannot be in this encoding
        int judged = 0;
    };
    std::array<Score, 4> scores{{{TextEncoding::Tcvn3},
                                 {TextEncoding::Vni},
                                 {TextEncoding::Viscii},
                                 {TextEncoding::Cp1258}}};
    for (Score& s : scores) {
        auto decoded = decodeToUtf8(sample, s.encoding, {});
        if (!decoded)
            continue;
        const TextPlausibility p = measureVietnamese(*decoded);
        s.judged = p.syllables + p.otherWords;
        s.share = s.judged == 0 ? 0.0 : p.syllableShare();
    }
    const Score* best = &scores[0];
    for (const Score& s : scores)
        if (s.share > best->share)
            best = &s;
    const Score* second = nullptr;
    for (const Score& s : scores)
        if (&s != best && (!second || s.share > second->share))
            second = &s;

    guess.encoding = best->encoding;
    const std::string notUtf8 = "not UTF-8 (line " + std::to_string(lineOfOffset(bytes, bad)) + ")";
    if (best->judged == 0) {
        guess.confidence = 0.1;
        guess.reason = notUtf8 + ", and no Vietnamese words to tell the legacy encodings apart";
        return guess;
    }
    // Few words are weak evidence; a close runner-up means the words do not decide.
    const double evidence = std::min(1.0, best->judged / 10.0);
    const double margin = std::clamp((best->share - std::max(0.0, second->share)) / 0.3, 0.0, 1.0);
    guess.confidence = best->share * (0.5 + 0.5 * evidence) * (0.5 + 0.5 * margin);
    guess.reason = notUtf8 +
                   "; Vietnamese words: " + std::string(encodingDisplayName(best->encoding)) + " " +
                   percent(best->share) + " of " + std::to_string(best->judged) + ", next " +
                   std::string(encodingDisplayName(second->encoding)) + " " +
                   percent(std::max(0.0, second->share));
    return guess;
}

}  // namespace safemap
