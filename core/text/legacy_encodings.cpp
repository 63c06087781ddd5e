#include "core/text/legacy_encodings.h"

#include <array>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <unordered_map>

#include "core/errors/error_catalogue.h"
#include "core/text/legacy_tables_p.h"
#include "core/text/utf16.h"
#include "core/text/utf8.h"
#include "core/text/utf8_scan.h"
#include "core/text/vietnamese_letters.h"

namespace safemap {

namespace {

using legacy::HighHalf;

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string hexByte(unsigned char b) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(b));
    return buf;
}

// `encoding` is the one the bytes were read as ("UTF-8", "TCVN3 (ABC)", …).
Error byteError(std::string_view bytes, size_t offset, std::string_view encoding,
                const std::string& fileName) {
    const auto b = static_cast<unsigned char>(bytes[offset]);
    const long line = lineOfOffset(bytes, offset);
    if (encoding == "UTF-8")
        return codedError("text.bad_utf8",
                          {hexByte(b), std::to_string(offset), std::to_string(line)}, fileName,
                          line);
    return codedError(
        "text.bad_byte",
        {std::string(encoding), hexByte(b), std::to_string(offset), std::to_string(line)}, fileName,
        line);
}

// ---- single-byte encodings (TCVN3, VISCII, Windows-1258) ----------------------------------

/// UTF-8 of every byte value, precomputed so decoding is a table copy per byte.
struct ByteDecoder {
    std::array<std::array<char, 4>, 256> utf8{};
    std::array<unsigned char, 256> length{};  ///< 0 for bytes the encoding leaves undefined
    std::array<bool, 256> plain{};            ///< byte stands for itself (ASCII)
    bool hasCombining = false;                ///< some byte is a combining tone mark
};

ByteDecoder makeByteDecoder(const HighHalf& high, bool visciiControls) {
    ByteDecoder d;
    auto set = [&d](unsigned b, char32_t cp) {
        std::string s;
        appendUtf8(s, cp);
        for (size_t i = 0; i < s.size(); ++i)
            d.utf8[b][i] = s[i];
        d.length[b] = static_cast<unsigned char>(s.size());
        d.plain[b] = cp == b && b < 0x80;
        if (toneOfCombining(cp) != Tone::None)
            d.hasCombining = true;
    };
    for (unsigned b = 0; b < 0x80; ++b)
        set(b, b);
    for (unsigned b = 0x80; b < 0x100; ++b) {
        if (high[b - 0x80] != 0)
            set(b, high[b - 0x80]);
    }
    if (visciiControls) {
        for (const auto& cl : legacy::kVisciiControlLetters)
            set(cl.byte, cl.codePoint);
    }
    return d;
}

const ByteDecoder& byteDecoder(TextEncoding encoding) {
    static const ByteDecoder tcvn3 = makeByteDecoder(legacy::kTcvn3High, false);
    static const ByteDecoder viscii = makeByteDecoder(legacy::kVisciiHigh, true);
    static const ByteDecoder cp1258 = makeByteDecoder(legacy::kCp1258High, false);
    static const ByteDecoder cp1252 = makeByteDecoder(legacy::kCp1252High, false);
    switch (encoding) {
        case TextEncoding::Tcvn3:
            return tcvn3;
        case TextEncoding::Viscii:
            return viscii;
        case TextEncoding::Cp1258:
            return cp1258;
        default:
            return cp1252;
    }
}

Result<std::string> decodeSingleByte(std::string_view bytes, TextEncoding encoding,
                                     const std::string& fileName) {
    const ByteDecoder& d = byteDecoder(encoding);
    const auto* in = reinterpret_cast<const unsigned char*>(bytes.data());
    const size_t n = bytes.size();
    // Size the output exactly first: two tight loops beat growing a string byte by byte.
    size_t size = 0;
    bool undefined = false;
    for (size_t i = 0; i < n; ++i) {
        size += d.length[in[i]];
        undefined |= d.length[in[i]] == 0;
    }
    if (undefined) {
        size_t i = 0;
        while (d.length[in[i]] != 0)
            ++i;
        return byteError(bytes, i, encodingDisplayName(encoding), fileName);
    }
    // Three bytes of slack let every character be copied as a fixed four-byte block.
    std::string out(size + 3, '\0');
    char* o = out.data();
    for (size_t i = 0; i < n; ++i) {
        const unsigned char b = in[i];
        if (d.plain[b]) {
            *o++ = static_cast<char>(b);
        } else {
            std::memcpy(o, d.utf8[b].data(), 4);
            o += d.length[b];
        }
    }
    out.resize(size);
    if (d.hasCombining && hasCombiningMarks(out))
        return composeVietnamese(out);
    return out;
}

// ---- VNI ----------------------------------------------------------------------------------

/// What one VNI byte is: a base letter that a diacritic byte may follow, a diacritic byte,
/// a whole letter on its own, or a Windows-1252 character.
struct VniByte {
    enum Kind : unsigned char { Other, Base, Mark, Letter };
    Kind kind = Other;
    VietLetter letter;  ///< for Base and Letter
    LetterMark mark = LetterMark::None;
    Tone tone = Tone::None;  ///< for Mark
};

struct VniMarkByte {
    unsigned char lower;  ///< the capital-letter form is this minus 0x20
    LetterMark mark;
    Tone tone;
};

// The diacritic bytes of VNI-Windows (from the VNI and UniKey tables, see docs/encodings.md).
constexpr std::array<VniMarkByte, 17> kVniMarks{{
    {0xF9, LetterMark::None, Tone::Acute},        // ù
    {0xF8, LetterMark::None, Tone::Grave},        // ø
    {0xFB, LetterMark::None, Tone::Hook},         // û
    {0xF5, LetterMark::None, Tone::Tilde},        // õ
    {0xEF, LetterMark::None, Tone::Dot},          // ï
    {0xE2, LetterMark::Circumflex, Tone::None},   // â
    {0xE1, LetterMark::Circumflex, Tone::Acute},  // á
    {0xE0, LetterMark::Circumflex, Tone::Grave},  // à
    {0xE5, LetterMark::Circumflex, Tone::Hook},   // å
    {0xE3, LetterMark::Circumflex, Tone::Tilde},  // ã
    {0xE4, LetterMark::Circumflex, Tone::Dot},    // ä
    {0xEA, LetterMark::Breve, Tone::None},        // ê
    {0xE9, LetterMark::Breve, Tone::Acute},       // é
    {0xE8, LetterMark::Breve, Tone::Grave},       // è
    {0xFA, LetterMark::Breve, Tone::Hook},        // ú
    {0xFC, LetterMark::Breve, Tone::Tilde},       // ü
    {0xEB, LetterMark::Breve, Tone::Dot},         // ë
}};

struct VniLetterByte {
    unsigned char lower;  ///< the capital letter is this minus 0x20
    VietLetter letter;    ///< lower-case form
};

// Letters VNI writes as a single byte: ơ ư đ and the toned i's and ỵ.
constexpr std::array<VniLetterByte, 9> kVniLetters{{
    {0xF4, {'o', LetterMark::Horn, Tone::None}},    // ô → ơ
    {0xF6, {'u', LetterMark::Horn, Tone::None}},    // ö → ư
    {0xF1, {'d', LetterMark::Stroke, Tone::None}},  // ñ → đ
    {0xED, {'i', LetterMark::None, Tone::Acute}},   // í
    {0xEC, {'i', LetterMark::None, Tone::Grave}},   // ì
    {0xE6, {'i', LetterMark::None, Tone::Hook}},    // æ → ỉ
    {0xF3, {'i', LetterMark::None, Tone::Tilde}},   // ó → ĩ
    {0xF2, {'i', LetterMark::None, Tone::Dot}},     // ò → ị
    {0xEE, {'y', LetterMark::None, Tone::Dot}},     // î → ỵ
}};

VietLetter upperOf(VietLetter l) {
    l.base = static_cast<char>(l.base - ('a' - 'A'));
    return l;
}

const std::array<VniByte, 256>& vniBytes() {
    static const std::array<VniByte, 256> table = [] {
        std::array<VniByte, 256> t{};
        for (char c : std::string_view("aeouyAEOUY")) {
            t[static_cast<unsigned char>(c)] = {
                VniByte::Base, {c, LetterMark::None, Tone::None}, LetterMark::None, Tone::None};
        }
        for (const auto& m : kVniMarks) {
            t[m.lower] = {VniByte::Mark, {}, m.mark, m.tone};
            t[m.lower - 0x20] = {VniByte::Mark, {}, m.mark, m.tone};
        }
        for (const auto& l : kVniLetters) {
            // ơ and ư take a tone byte after them, so they are bases too.
            const auto kind = l.letter.mark == LetterMark::Horn ? VniByte::Base : VniByte::Letter;
            t[l.lower] = {kind, l.letter, LetterMark::None, Tone::None};
            t[l.lower - 0x20] = {kind, upperOf(l.letter), LetterMark::None, Tone::None};
        }
        return t;
    }();
    return table;
}

Result<std::string> decodeVni(std::string_view bytes, const std::string& fileName) {
    const auto& table = vniBytes();
    const ByteDecoder& cp1252 = byteDecoder(TextEncoding::Vni);
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 4);
    const size_t n = bytes.size();
    size_t i = 0;
    while (i < n) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        const VniByte& vb = table[b];
        if (vb.kind == VniByte::Base && i + 1 < n) {
            const VniByte& next = table[static_cast<unsigned char>(bytes[i + 1])];
            if (next.kind == VniByte::Mark) {
                VietLetter l = vb.letter;
                const bool markFits = next.mark == LetterMark::None || l.mark == LetterMark::None;
                if (next.mark != LetterMark::None)
                    l.mark = next.mark;
                l.tone = next.tone;
                if (const char32_t cp = composeVietnameseLetter(l); markFits && cp != 0) {
                    appendUtf8(out, cp);
                    i += 2;
                    continue;
                }
            }
        }
        if (vb.kind == VniByte::Letter || (vb.kind == VniByte::Base && b >= 0x80)) {
            appendUtf8(out, composeVietnameseLetter(vb.letter));
        } else if (b < 0x80) {
            out += static_cast<char>(b);
        } else if (cp1252.length[b] != 0) {
            // A diacritic byte with no letter to sit on is shown as its Windows-1252 glyph.
            out.append(cp1252.utf8[b].data(), cp1252.length[b]);
        } else {
            return byteError(bytes, i, encodingDisplayName(TextEncoding::Vni), fileName);
        }
        ++i;
    }
    return out;
}

// ---- UTF-8 --------------------------------------------------------------------------------

Result<std::string> decodeUtf8Buffer(std::string bytes, const std::string& fileName,
                                     std::string* bytesOnError = nullptr) {
    if (std::string_view(bytes).substr(0, 3) == kBom)
        bytes.erase(0, kBom.size());
    if (const size_t bad = findInvalidUtf8(bytes); bad != std::string_view::npos) {
        Error e = byteError(bytes, bad, "UTF-8", fileName);
        if (bytesOnError)
            *bytesOnError = std::move(bytes);
        return e;
    }
    if (hasCombiningMarks(bytes))
        return composeVietnamese(bytes);
    return bytes;
}

// ---- encoding -----------------------------------------------------------------------------

using EncodeMap = std::unordered_map<char32_t, std::string>;

void addHighHalf(EncodeMap& map, const HighHalf& high) {
    for (unsigned b = 0x80; b < 0x100; ++b) {
        if (high[b - 0x80] != 0)
            map.emplace(high[b - 0x80], std::string(1, static_cast<char>(b)));
    }
}

bool isUpperToned(char32_t cp) {
    const auto l = splitVietnameseLetter(cp);
    return l && l->base >= 'A' && l->base <= 'Z' && l->tone != Tone::None;
}

EncodeMap makeTcvn3Map() {
    EncodeMap map;
    addHighHalf(map, legacy::kTcvn3High);
    // The ABC fonts have no upper-case toned letters: .VnTimeH shows the lower-case codes as
    // capitals. Use those codes rather than the VN1 extras that sit where .VnTime has none.
    for (auto it = map.begin(); it != map.end();) {
        it = isUpperToned(it->first) ? map.erase(it) : std::next(it);
    }
    return map;
}

EncodeMap makeVisciiMap() {
    EncodeMap map;
    addHighHalf(map, legacy::kVisciiHigh);
    for (const auto& cl : legacy::kVisciiControlLetters)
        map.emplace(cl.codePoint, std::string(1, static_cast<char>(cl.byte)));
    return map;
}

EncodeMap makeCp1258Map() {
    EncodeMap map;
    addHighHalf(map, legacy::kCp1258High);
    return map;
}

EncodeMap makeVniMap() {
    EncodeMap map;
    auto byteOf = [](unsigned char lower, bool upper) {
        return static_cast<char>(upper ? lower - 0x20 : lower);
    };
    for (const auto& l : kVniLetters) {
        map[composeVietnameseLetter(l.letter)] = std::string(1, byteOf(l.lower, false));
        map[composeVietnameseLetter(upperOf(l.letter))] = std::string(1, byteOf(l.lower, true));
    }
    // Every other letter is its base (ASCII, or the ơ/ư byte) plus one diacritic byte.
    for (const char base : std::string_view("aeiouy")) {
        for (const auto mark :
             {LetterMark::None, LetterMark::Circumflex, LetterMark::Breve, LetterMark::Horn}) {
            for (int t = 0; t <= static_cast<int>(Tone::Dot); ++t) {
                const VietLetter lower{base, mark, static_cast<Tone>(t)};
                if (composeVietnameseLetter(lower) == 0)
                    continue;
                for (const bool upper : {false, true}) {
                    const VietLetter letter = upper ? upperOf(lower) : lower;
                    const char32_t cp = composeVietnameseLetter(letter);
                    if (cp < 0x80 || map.count(cp))
                        continue;  // plain or single-byte letter
                    std::string s;
                    if (mark == LetterMark::Horn) {
                        s += map.at(
                            composeVietnameseLetter({letter.base, LetterMark::Horn, Tone::None}));
                    } else {
                        s += letter.base;
                    }
                    const LetterMark diacritic = mark == LetterMark::Horn ? LetterMark::None : mark;
                    for (const auto& m : kVniMarks) {
                        if (m.mark == diacritic && m.tone == letter.tone) {
                            s += byteOf(m.lower, upper);
                            break;
                        }
                    }
                    if (s.size() == 2)
                        map[cp] = s;
                }
            }
        }
    }
    // Then the Windows-1252 characters whose bytes VNI leaves alone (ý, ß, €, “...) unless
    // they are Vietnamese letters, which VNI spells its own way.
    EncodeMap cp1252;
    addHighHalf(cp1252, legacy::kCp1252High);
    const auto& table = vniBytes();
    for (const auto& [cp, bytes] : cp1252) {
        if (table[static_cast<unsigned char>(bytes[0])].kind == VniByte::Other)
            map.emplace(cp, bytes);
    }
    return map;
}

const EncodeMap& encodeMap(TextEncoding encoding) {
    static const EncodeMap tcvn3 = makeTcvn3Map();
    static const EncodeMap viscii = makeVisciiMap();
    static const EncodeMap cp1258 = makeCp1258Map();
    static const EncodeMap vni = makeVniMap();
    switch (encoding) {
        case TextEncoding::Tcvn3:
            return tcvn3;
        case TextEncoding::Viscii:
            return viscii;
        case TextEncoding::Cp1258:
            return cp1258;
        default:
            return vni;
    }
}

bool isVisciiControlLetterByte(char32_t cp) {
    for (const auto& cl : legacy::kVisciiControlLetters)
        if (cl.byte == cp)
            return true;
    return false;
}

/// Bytes for a code point the map does not hold directly, or empty.
std::string encodeFallback(char32_t cp, TextEncoding encoding, const EncodeMap& map) {
    const auto letter = splitVietnameseLetter(cp);
    if (!letter || letter->tone == Tone::None)
        return {};
    if (encoding == TextEncoding::Cp1258) {
        // Windows-1258 writes the toneless letter and a combining tone mark.
        VietLetter toneless = *letter;
        toneless.tone = Tone::None;
        const char32_t base = composeVietnameseLetter(toneless);
        const auto mark = map.find(combiningOfTone(letter->tone));
        std::string out;
        if (base < 0x80) {
            out += static_cast<char>(base);
        } else if (auto it = map.find(base); it != map.end()) {
            out += it->second;
        } else {
            return {};
        }
        return mark == map.end() ? std::string() : out + mark->second;
    }
    if (encoding == TextEncoding::Tcvn3 && letter->base >= 'A' && letter->base <= 'Z') {
        VietLetter lower = *letter;
        lower.base = static_cast<char>(lower.base + ('a' - 'A'));
        if (auto it = map.find(composeVietnameseLetter(lower)); it != map.end())
            return it->second;
    }
    return {};
}

}  // namespace

std::string_view encodingName(TextEncoding encoding) {
    switch (encoding) {
        case TextEncoding::Utf8:
            return "utf-8";
        case TextEncoding::Utf8Bom:
            return "utf-8-bom";
        case TextEncoding::Tcvn3:
            return "tcvn3";
        case TextEncoding::Vni:
            return "vni";
        case TextEncoding::Viscii:
            return "viscii";
        case TextEncoding::Cp1258:
            return "cp1258";
        case TextEncoding::Utf16Le:
            return "utf-16le";
        case TextEncoding::Utf16Be:
            return "utf-16be";
    }
    return "utf-8";
}

std::string_view encodingDisplayName(TextEncoding encoding) {
    switch (encoding) {
        case TextEncoding::Utf8:
            return "UTF-8";
        case TextEncoding::Utf8Bom:
            return "UTF-8 with BOM";
        case TextEncoding::Tcvn3:
            return "TCVN3 (ABC)";
        case TextEncoding::Vni:
            return "VNI-Windows";
        case TextEncoding::Viscii:
            return "VISCII";
        case TextEncoding::Cp1258:
            return "Windows-1258";
        case TextEncoding::Utf16Le:
            return "UTF-16 (Unicode text)";
        case TextEncoding::Utf16Be:
            return "UTF-16 big-endian";
    }
    return "UTF-8";
}

std::optional<TextEncoding> encodingFromName(std::string_view name) {
    std::string key;
    for (char c : name) {
        if (c == '-' || c == '_' || c == ' ')
            continue;
        key += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    static const std::unordered_map<std::string_view, TextEncoding> names{
        {"utf8", TextEncoding::Utf8},       {"utf8bom", TextEncoding::Utf8Bom},
        {"utf8sig", TextEncoding::Utf8Bom}, {"tcvn3", TextEncoding::Tcvn3},
        {"abc", TextEncoding::Tcvn3},       {"tcvn", TextEncoding::Tcvn3},
        {"tcvn5712", TextEncoding::Tcvn3},  {"vn3", TextEncoding::Tcvn3},
        {"vni", TextEncoding::Vni},         {"vniwindows", TextEncoding::Vni},
        {"vniwin", TextEncoding::Vni},      {"viscii", TextEncoding::Viscii},
        {"cp1258", TextEncoding::Cp1258},   {"windows1258", TextEncoding::Cp1258},
        {"win1258", TextEncoding::Cp1258},  {"utf16", TextEncoding::Utf16Le},
        {"utf16le", TextEncoding::Utf16Le}, {"unicode", TextEncoding::Utf16Le},
        {"utf16be", TextEncoding::Utf16Be},
    };
    if (auto it = names.find(key); it != names.end())
        return it->second;
    return std::nullopt;
}

Result<std::string> decodeBufferToUtf8(std::string bytes, TextEncoding encoding,
                                       const std::string& fileName, std::string* bytesOnError) {
    Result<std::string> out = std::string();
    switch (encoding) {
        case TextEncoding::Vni:
            out = decodeVni(bytes, fileName);
            break;
        case TextEncoding::Tcvn3:
        case TextEncoding::Viscii:
        case TextEncoding::Cp1258:
            out = decodeSingleByte(bytes, encoding, fileName);
            break;
        case TextEncoding::Utf16Le:
            out = decodeUtf16(bytes, Utf16Order::Little, fileName);
            break;
        case TextEncoding::Utf16Be:
            out = decodeUtf16(bytes, Utf16Order::Big, fileName);
            break;
        default:
            return decodeUtf8Buffer(std::move(bytes), fileName, bytesOnError);
    }
    if (!out && bytesOnError)
        *bytesOnError = std::move(bytes);
    return out;
}

Result<std::string> decodeToUtf8(std::string_view bytes, TextEncoding encoding,
                                 const std::string& fileName) {
    switch (encoding) {
        case TextEncoding::Vni:
            return decodeVni(bytes, fileName);
        case TextEncoding::Tcvn3:
        case TextEncoding::Viscii:
        case TextEncoding::Cp1258:
            return decodeSingleByte(bytes, encoding, fileName);
        case TextEncoding::Utf16Le:
            return decodeUtf16(bytes, Utf16Order::Little, fileName);
        case TextEncoding::Utf16Be:
            return decodeUtf16(bytes, Utf16Order::Big, fileName);
        default:
            return decodeUtf8Buffer(std::string(bytes), fileName);
    }
}

std::string encodeFromUtf8(std::string_view utf8, TextEncoding encoding) {
    if (encoding == TextEncoding::Utf8)
        return std::string(utf8);
    if (encoding == TextEncoding::Utf8Bom) {
        return utf8.substr(0, 3) == kBom ? std::string(utf8)
                                         : std::string(kBom) + std::string(utf8);
    }
    if (encoding == TextEncoding::Utf16Le || encoding == TextEncoding::Utf16Be)
        return encodeUtf16(
            utf8, encoding == TextEncoding::Utf16Le ? Utf16Order::Little : Utf16Order::Big);
    const std::string nfc = composeVietnamese(utf8);
    const EncodeMap& map = encodeMap(encoding);
    std::string out;
    out.reserve(nfc.size());
    size_t pos = 0;
    while (pos < nfc.size()) {
        const char32_t cp = nextCodePoint(nfc, pos);
        if (cp < 0x80) {
            const bool taken = encoding == TextEncoding::Viscii && isVisciiControlLetterByte(cp);
            out += taken ? '?' : static_cast<char>(cp);
        } else if (auto it = map.find(cp); it != map.end()) {
            out += it->second;
        } else if (std::string bytes = encodeFallback(cp, encoding, map); !bytes.empty()) {
            out += bytes;
        } else {
            out += '?';
        }
    }
    return out;
}

}  // namespace safemap
