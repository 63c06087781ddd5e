#include "core/text/vietnamese_letters.h"

#include <array>
#include <cstring>
#include <unordered_map>

#include "core/text/utf8.h"

namespace safemap {

namespace {

/// One vowel letter in its six tones (level, grave, acute, hook, tilde, dot), the order
/// of the Tone enum.
struct ToneRow {
    char base;
    LetterMark mark;
    std::u32string_view lower;
    std::u32string_view upper;
};

constexpr std::array<ToneRow, 12> kToneRows{{
    {'a', LetterMark::None, U"aàáảãạ", U"AÀÁẢÃẠ"},
    {'a', LetterMark::Breve, U"ăằắẳẵặ", U"ĂẰẮẲẴẶ"},
    {'a', LetterMark::Circumflex, U"âầấẩẫậ", U"ÂẦẤẨẪẬ"},
    {'e', LetterMark::None, U"eèéẻẽẹ", U"EÈÉẺẼẸ"},
    {'e', LetterMark::Circumflex, U"êềếểễệ", U"ÊỀẾỂỄỆ"},
    {'i', LetterMark::None, U"iìíỉĩị", U"IÌÍỈĨỊ"},
    {'o', LetterMark::None, U"oòóỏõọ", U"OÒÓỎÕỌ"},
    {'o', LetterMark::Circumflex, U"ôồốổỗộ", U"ÔỒỐỔỖỘ"},
    {'o', LetterMark::Horn, U"ơờớởỡợ", U"ƠỜỚỞỠỢ"},
    {'u', LetterMark::None, U"uùúủũụ", U"UÙÚỦŨỤ"},
    {'u', LetterMark::Horn, U"ưừứửữự", U"ƯỪỨỬỮỰ"},
    {'y', LetterMark::None, U"yỳýỷỹỵ", U"YỲÝỶỸỴ"},
}};

char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
}

const std::unordered_map<char32_t, VietLetter>& letterTable() {
    static const std::unordered_map<char32_t, VietLetter> table = [] {
        std::unordered_map<char32_t, VietLetter> t;
        for (const ToneRow& row : kToneRows) {
            for (size_t tone = 0; tone < 6; ++tone) {
                const auto tn = static_cast<Tone>(tone);
                t[row.lower[tone]] = VietLetter{row.base, row.mark, tn};
                t[row.upper[tone]] =
                    VietLetter{static_cast<char>(row.base - ('a' - 'A')), row.mark, tn};
            }
        }
        t[U'd'] = VietLetter{'d', LetterMark::None, Tone::None};
        t[U'D'] = VietLetter{'D', LetterMark::None, Tone::None};
        t[U'đ'] = VietLetter{'d', LetterMark::Stroke, Tone::None};
        t[U'Đ'] = VietLetter{'D', LetterMark::Stroke, Tone::None};
        return t;
    }();
    return table;
}

}  // namespace

std::optional<VietLetter> splitVietnameseLetter(char32_t c) {
    const auto& table = letterTable();
    if (auto it = table.find(c); it != table.end())
        return it->second;
    return std::nullopt;
}

char32_t composeVietnameseLetter(VietLetter letter) {
    const bool upper = letter.base >= 'A' && letter.base <= 'Z';
    const char base = lowerAscii(letter.base);
    if (base == 'd') {
        if (letter.tone != Tone::None)
            return 0;
        if (letter.mark == LetterMark::Stroke)
            return upper ? U'Đ' : U'đ';
        return letter.mark == LetterMark::None ? static_cast<char32_t>(letter.base) : 0;
    }
    for (const ToneRow& row : kToneRows) {
        if (row.base == base && row.mark == letter.mark) {
            const auto tone = static_cast<size_t>(letter.tone);
            return upper ? row.upper[tone] : row.lower[tone];
        }
    }
    return 0;
}

Tone toneOfCombining(char32_t c) {
    switch (c) {
        case 0x0300:
        case 0x0340:  // deprecated "grave tone mark", canonically the same as U+0300
            return Tone::Grave;
        case 0x0301:
        case 0x0341:
            return Tone::Acute;
        case 0x0309:
            return Tone::Hook;
        case 0x0303:
            return Tone::Tilde;
        case 0x0323:
            return Tone::Dot;
        default:
            return Tone::None;
    }
}

char32_t combiningOfTone(Tone tone) {
    switch (tone) {
        case Tone::Grave:
            return 0x0300;
        case Tone::Acute:
            return 0x0301;
        case Tone::Hook:
            return 0x0309;
        case Tone::Tilde:
            return 0x0303;
        case Tone::Dot:
            return 0x0323;
        case Tone::None:
            break;
    }
    return 0;
}

bool hasCombiningMarks(std::string_view utf8) {
    // U+0300..U+033F all start with 0xCC in UTF-8; U+0340/U+0341 with 0xCD.
    return std::memchr(utf8.data(), 0xCC, utf8.size()) != nullptr ||
           std::memchr(utf8.data(), 0xCD, utf8.size()) != nullptr;
}

std::string composeVietnamese(std::string_view utf8) {
    if (!hasCombiningMarks(utf8))
        return std::string(utf8);
    std::string out;
    out.reserve(utf8.size());
    size_t pos = 0;
    while (pos < utf8.size()) {
        const size_t start = pos;
        const char32_t c = nextCodePoint(utf8, pos);
        const size_t afterBase = pos;
        auto letter = splitVietnameseLetter(c);
        if (!letter) {
            out.append(utf8.substr(start, afterBase - start));
            continue;
        }
        VietLetter composed = *letter;
        bool changed = false;
        while (pos < utf8.size()) {
            size_t next = pos;
            const char32_t m = nextCodePoint(utf8, next);
            VietLetter candidate = composed;
            if (const Tone tone = toneOfCombining(m); tone != Tone::None) {
                if (candidate.tone != Tone::None)
                    break;
                candidate.tone = tone;
            } else if (m == 0x0302 || m == 0x0306 || m == 0x031B) {
                if (candidate.mark != LetterMark::None)
                    break;
                candidate.mark = m == 0x0302   ? LetterMark::Circumflex
                                 : m == 0x0306 ? LetterMark::Breve
                                               : LetterMark::Horn;
            } else {
                break;
            }
            if (composeVietnameseLetter(candidate) == 0)
                break;
            composed = candidate;
            pos = next;
            changed = true;
        }
        if (changed)
            appendUtf8(out, composeVietnameseLetter(composed));
        else
            out.append(utf8.substr(start, afterBase - start));
    }
    return out;
}

}  // namespace safemap
