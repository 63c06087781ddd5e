#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace safemap {

/// The mark that makes a new letter out of a base letter (â ă ê ô ơ ư đ).
enum class LetterMark : unsigned char { None, Circumflex, Breve, Horn, Stroke };

/// The five Vietnamese tone marks, in dictionary order after the level tone.
enum class Tone : unsigned char { None, Grave, Acute, Hook, Tilde, Dot };

/// \brief A Vietnamese letter taken apart: ASCII base, letter mark and tone.
///
/// "ậ" is {'a', Circumflex, Dot}; "Đ" is {'D', Stroke, None}. Plain ASCII vowels are
/// letters too ({'e', None, None}) so a tone can be added to them.
struct VietLetter {
    char base = 0;  ///< a e i o u y d, upper or lower case
    LetterMark mark = LetterMark::None;
    Tone tone = Tone::None;
};

/// Takes apart one precomposed letter; empty for anything that is not a Vietnamese letter
/// (consonants other than d/đ are not letters in this sense).
std::optional<VietLetter> splitVietnameseLetter(char32_t c);

/// The precomposed code point for a letter, or 0 if Vietnamese has no such letter
/// (for example a breve on e).
char32_t composeVietnameseLetter(VietLetter letter);

/// The tone a combining mark stands for (U+0300 grave, U+0301 acute, U+0309 hook,
/// U+0303 tilde, U+0323 dot below), or Tone::None.
Tone toneOfCombining(char32_t c);
/// The combining code point of a tone; 0 for Tone::None.
char32_t combiningOfTone(Tone tone);

/// True if the UTF-8 text holds any combining diacritic (U+0300..U+033F), i.e. may need
/// composing. A byte scan, cheap enough to run on whole files.
bool hasCombiningMarks(std::string_view utf8);

/// Composes Vietnamese letters written as base + combining marks (as in NFD text, TCVN3,
/// Windows-1258) into the precomposed NFC letters: "a\u0323\u0302" and "â\u0301" both give
/// one letter. Marks that do not make a Vietnamese letter are left as they are; this is
/// NFC for Vietnamese text, not a general Unicode normaliser.
std::string composeVietnamese(std::string_view utf8);

}  // namespace safemap
