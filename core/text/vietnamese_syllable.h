#pragma once

#include <string_view>

namespace safemap {

/// What a word looks like to the Vietnamese syllable checker.
enum class WordKind {
    Syllable,      ///< onset + rhyme + tone that Vietnamese spelling allows ("nghiệp", "Đắk")
    Abbreviation,  ///< consonants only, e.g. "QĐ", "BCĐ", "đ": neither evidence for nor against
    Other,         ///< anything else: foreign words, digits, symbols, mis-decoded text
};

/// Classifies one word (UTF-8, NFC, any case). A syllable is an optional onset (b, ch, gh,
/// ngh, qu...), a rhyme from the list of Vietnamese rhymes and at most one tone, where rhymes
/// ending in c, ch, p or t take only the acute or dot tone. The check is about spelling, not
/// about a dictionary: "khoăng" passes although no such word exists, "cỏc" and "viưt" fail.
WordKind classifyWord(std::string_view utf8Word);

/// classifyWord(word) == WordKind::Syllable.
bool isPlausibleSyllable(std::string_view utf8Word);

}  // namespace safemap
