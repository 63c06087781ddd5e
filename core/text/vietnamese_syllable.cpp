#include "core/text/vietnamese_syllable.h"

#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/text/utf8.h"
#include "core/text/vietnamese_letters.h"

namespace safemap {

namespace {

/// A toneless lower-case word spelled with one byte per letter, so rhymes compare as
/// short strings: ă→1 â→2 ê→3 ô→4 ơ→5 ư→6 đ→0, other letters as themselves.
struct Spelling {
    std::string key;
    Tone tone = Tone::None;
    bool hasVowel = false;
};

char keyOf(const VietLetter& l) {
    const char base = static_cast<char>(l.base | 0x20);
    switch (l.mark) {
        case LetterMark::Breve:
            return '1';
        case LetterMark::Circumflex:
            return base == 'a' ? '2' : base == 'e' ? '3' : '4';
        case LetterMark::Horn:
            return base == 'o' ? '5' : '6';
        case LetterMark::Stroke:
            return '0';
        case LetterMark::None:
            break;
    }
    return base;
}

std::optional<Spelling> spell(std::string_view utf8) {
    Spelling s;
    size_t pos = 0;
    bool prevLower = false;
    while (pos < utf8.size()) {
        const char32_t c = nextCodePoint(utf8, pos);
        char key = 0;
        Tone tone = Tone::None;
        bool lower = false;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            key = static_cast<char>(c | 0x20);
            lower = c >= 'a';
        } else if (auto l = splitVietnameseLetter(c)) {
            key = keyOf(*l);
            tone = l->tone;
            lower = l->base >= 'a';
            // "vÒ", "dÉn": a capital accented letter inside a lower-case word is what one
            // legacy encoding's capitals look like in another. (TCVN3 text typed for the
            // .VnTimeH font shows the opposite, "NộI", which is fine.)
            if (!lower && prevLower)
                return std::nullopt;
        } else {
            return std::nullopt;
        }
        prevLower = lower;
        if (tone != Tone::None) {
            if (s.tone != Tone::None)
                return std::nullopt;  // two tones in one syllable
            s.tone = tone;
        }
        s.key += key;
    }
    for (char k : s.key) {
        if (std::string_view("aeiouy123456").find(k) != std::string_view::npos)
            s.hasVowel = true;
    }
    return s;
}

std::string keyOf(std::string_view utf8) {
    auto s = spell(utf8);
    return s ? s->key : std::string();
}

// Rhymes (vần) of standard Vietnamese spelling, toneless. Onsets "qu" and "gi" absorb the
// first vowel letter, so "quyết" is qu + yêt and "giữa" is gi + ưa.
constexpr std::string_view kRhymes[] = {
    "a",    "ai",  "ao",   "au",   "ay",  "ac",   "ach",  "am",   "an",   "ang",  "anh",  "ap",
    "at",   "ăc",  "ăm",   "ăn",   "ăng", "ăp",   "ăt",   "âc",   "âm",   "ân",   "âng",  "âp",
    "ât",   "âu",  "ây",   "e",    "ec",  "em",   "en",   "eo",   "ep",   "et",   "ê",    "êch",
    "êm",   "ên",  "ênh",  "êp",   "êt",  "êu",   "i",    "ia",   "ich",  "im",   "in",   "inh",
    "ip",   "it",  "iu",   "iêc",  "iêm", "iên",  "iêng", "iêp",  "iêt",  "iêu",  "o",    "oc",
    "oi",   "om",  "on",   "ong",  "op",  "ot",   "ooc",  "oong", "oa",   "oac",  "oach", "oai",
    "oam",  "oan", "oang", "oanh", "oao", "oap",  "oat",  "oay",  "oăc",  "oăm",  "oăn",  "oăng",
    "oăt",  "oe",  "oen",  "oeo",  "oet", "ô",    "ôc",   "ôi",   "ôm",   "ôn",   "ông",  "ôp",
    "ôt",   "ơ",   "ơi",   "ơm",   "ơn",  "ơp",   "ơt",   "u",    "ua",   "uc",   "ui",   "um",
    "un",   "ung", "up",   "ut",   "uân", "uâng", "uât",  "uây",  "uê",   "uêch", "uênh", "uôc",
    "uôi",  "uôm", "uôn",  "uông", "uôt", "uơ",   "uy",   "uya",  "uych", "uyên", "uyêt", "uyn",
    "uynh", "uyp", "uyt",  "uyu",  "ư",   "ưa",   "ưc",   "ưi",   "ưm",   "ưn",   "ưng",  "ưt",
    "ưu",   "ươc", "ươi",  "ươm",  "ươn", "ương", "ươp",  "ươt",  "ươu",  "y",    "yêm",  "yên",
    "yêt",  "yêu",
};

// Onsets. "q" goes only with a rhyme that starts with u ("quốc" is q + uôc as well as
// qu + ôc).
constexpr std::string_view kOnsets[] = {
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "b", "c", "d",
    "đ",   "g",  "h",  "k",  "l",  "m",  "n",  "p",  "q",  "r",  "s",  "t", "v", "x",
};

const std::unordered_set<std::string>& rhymeKeys() {
    static const std::unordered_set<std::string> set = [] {
        std::unordered_set<std::string> s;
        for (auto r : kRhymes)
            s.insert(keyOf(r));
        return s;
    }();
    return set;
}

const std::vector<std::string>& onsetKeys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> k;
        for (auto onset : kOnsets)
            k.push_back(keyOf(onset));
        return k;
    }();
    return keys;
}

bool startsFront(std::string_view rhyme) {
    const char first = rhyme.front();
    return first == 'e' || first == '3' || first == 'i' || first == 'y';
}

/// Spelling rules that tie the onset to the rhyme: k/gh/ngh before e ê i y, c/g/ng
/// elsewhere, and qu (not c) before a medial o/u.
bool onsetFitsRhyme(std::string_view onset, std::string_view rhyme) {
    if (onset == "c") {
        if (startsFront(rhyme))
            return false;
        for (std::string_view medial : {"oa", "o1", "oe", "u2", "u3", "uy", "u5"})
            if (rhyme.starts_with(medial))
                return false;
        return true;
    }
    if (onset == "g")
        return rhyme.front() != 'e' && rhyme.front() != '3';
    if (onset == "ng")
        return !startsFront(rhyme);
    if (onset == "gh" || onset == "ngh")
        return startsFront(rhyme) && rhyme.front() != 'y';
    if (onset == "q")
        return rhyme.front() == 'u';
    if (onset == "qu")
        return rhyme.front() != 'u';
    if (onset == "gi")
        return rhyme.front() != 'i';
    return true;  // k before a/o/u is kept for names such as Bắc Kạn
}

bool endsInStop(std::string_view rhyme) {
    const char last = rhyme.back();
    return last == 'c' || last == 'p' || last == 't' || rhyme.ends_with("ch");
}

}  // namespace

WordKind classifyWord(std::string_view utf8Word) {
    auto s = spell(utf8Word);
    if (!s || s->key.empty())
        return WordKind::Other;
    if (!s->hasVowel)
        return s->tone == Tone::None ? WordKind::Abbreviation : WordKind::Other;
    std::string key = s->key;
    // Central Highlands names end in k where standard spelling has c: Đắk Lắk.
    if (key.back() == 'k')
        key.back() = 'c';
    const auto& rhymes = rhymeKeys();
    auto fits = [&](std::string_view rhyme) {
        if (!rhymes.count(std::string(rhyme)))
            return false;
        return !endsInStop(rhyme) || s->tone == Tone::Acute || s->tone == Tone::Dot;
    };
    if (fits(key))
        return WordKind::Syllable;
    for (const std::string& onset : onsetKeys()) {
        if (!std::string_view(key).starts_with(onset) || key.size() == onset.size())
            continue;
        const std::string_view rhyme = std::string_view(key).substr(onset.size());
        if (onsetFitsRhyme(onset, rhyme) && fits(rhyme))
            return WordKind::Syllable;
    }
    return WordKind::Other;
}

bool isPlausibleSyllable(std::string_view utf8Word) {
    return classifyWord(utf8Word) == WordKind::Syllable;
}

}  // namespace safemap
