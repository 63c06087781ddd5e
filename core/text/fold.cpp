#include "core/text/fold.h"

#include <array>
#include <unordered_map>

#include "core/text/utf8.h"
#include "core/text/vietnamese_letters.h"

namespace safemap {

namespace {

const std::unordered_map<char32_t, char>& baseLetters() {
    // Every precomposed letter Vietnamese uses, upper and lower case, by base letter.
    static const std::unordered_map<char32_t, char> table = [] {
        std::unordered_map<char32_t, char> t;
        const std::array<std::pair<char, std::u32string_view>, 7> groups{{
            {'a', U"àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"},
            {'e', U"èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ"},
            {'i', U"ìíỉĩịÌÍỈĨỊ"},
            {'o', U"òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"},
            {'u', U"ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ"},
            {'y', U"ỳýỷỹỵỲÝỶỸỴ"},
            {'d', U"đĐ"},
        }};
        for (const auto& [base, letters] : groups)
            for (char32_t c : letters)
                t[c] = base;
        return t;
    }();
    return table;
}

bool isSpace(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0;
}

}  // namespace

std::string foldForSearch(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    const auto& table = baseLetters();
    bool pendingSpace = false;
    size_t pos = 0;
    while (pos < utf8.size()) {
        char32_t c = nextCodePoint(utf8, pos);
        if (c >= 0x0300 && c <= 0x036F)
            continue;  // combining marks (NFD input)
        if (isSpace(c)) {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace) {
            out += ' ';
            pendingSpace = false;
        }
        if (c < 0x80) {
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        } else if (auto it = table.find(c); it != table.end()) {
            out += it->second;
        } else {
            appendUtf8(out, c);
        }
    }
    return out;
}

bool foldsToItself(std::string_view text) {
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80 || (c >= 'A' && c <= 'Z') || isSpace(c))
            return false;
    }
    return true;
}

std::string lowerVietnamese(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    size_t pos = 0;
    while (pos < utf8.size()) {
        char32_t c = nextCodePoint(utf8, pos);
        if (c >= 'A' && c <= 'Z') {
            c += 'a' - 'A';
        } else if (c >= 0x80) {
            if (auto letter = splitVietnameseLetter(c);
                letter && letter->base >= 'A' && letter->base <= 'Z') {
                letter->base = static_cast<char>(letter->base + ('a' - 'A'));
                if (const char32_t lower = composeVietnameseLetter(*letter); lower != 0)
                    c = lower;
            }
        }
        appendUtf8(out, c);
    }
    return out;
}

std::string foldToKey(std::string_view utf8) {
    const std::string folded = foldForSearch(utf8);
    std::string key;
    key.reserve(folded.size());
    for (char c : folded) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (alnum || (static_cast<unsigned char>(c) >= 0x80))
            key += c;
        else if (!key.empty() && key.back() != '_')
            key += '_';
    }
    while (!key.empty() && key.back() == '_')
        key.pop_back();
    return key;
}

bool matchesFolded(std::string_view foldedText, std::string_view foldedQuery) {
    size_t pos = 0;
    while (pos < foldedQuery.size()) {
        size_t end = foldedQuery.find(' ', pos);
        if (end == std::string_view::npos)
            end = foldedQuery.size();
        if (end > pos &&
            foldedText.find(foldedQuery.substr(pos, end - pos)) == std::string_view::npos)
            return false;
        pos = end + 1;
    }
    return true;
}

}  // namespace safemap
