#include <catch2/catch.hpp>

#include <charconv>
#include <cmath>
#include <random>
#include <string>

#include "core/criteria/answer_reading.h"
#include "core/criteria/criteria_io.h"
#include "core/text/fold.h"
#include "test_support.h"

using namespace safemap;

namespace {
const CriteriaSet& extended() {
    static const CriteriaSet set =
        loadCriteriaSet(sourcePath("resources/criteria/extended-letters-v1.json")).value();
    return set;
}
const Criterion& index(const char* id) {
    return *extended().find(id);
}
}  // namespace

TEST_CASE("yes/no answers as enterprises write them") {
    for (const char* yes : {"có", "Có", "CÓ", "co", "yes", "YES", "y", "x", "X", "1", "true",
                            " có ", "co\xCC\x81" /* NFD: o + combining acute */})
        CHECK(parseYesNo(yes) == true);
    for (const char* no : {"không", "Không", "KHÔNG", "khong", "ko", "no", "No", "n", "0", "false"})
        CHECK(parseYesNo(no) == false);
    for (const char* neither : {"", "maybe", "2", "có/không", "c"})
        CHECK_FALSE(parseYesNo(neither).has_value());
}

TEST_CASE("numbers as written in Vietnamese and English spreadsheets") {
    CHECK(parseNumberText("1200") == 1200.0);
    CHECK(parseNumberText(" 42 ") == 42.0);
    CHECK(parseNumberText("2.5") == 2.5);
    CHECK(parseNumberText("2,5") == 2.5);
    CHECK(parseNumberText("0.125") == 0.125);
    CHECK(parseNumberText(".5") == 0.5);
    CHECK(parseNumberText("-3") == -3.0);
    CHECK(parseNumberText("1.234.567") == 1234567.0);
    CHECK(parseNumberText("1,234,567") == 1234567.0);
    CHECK(parseNumberText("1.234,5") == 1234.5);
    CHECK(parseNumberText("1,234.5") == 1234.5);
    CHECK(parseNumberText("15.25") == 15.25);
    Problem why;
    CHECK_FALSE(parseNumberText("1.200", &why).has_value());
    CHECK(why.text() ==
          "\"1.200\" is ambiguous (1200 or 1.2?); write it without a thousands separator");
    CHECK_FALSE(parseNumberText("2,500", &why).has_value());
    CHECK(why.text() ==
          "\"2,500\" is ambiguous (2500 or 2.5?); write it without a thousands separator");
    CHECK_FALSE(parseNumberText("3.000", &why).has_value());
    CHECK(why.text() ==
          "\"3.000\" is ambiguous (3000 or 3?); write it without a thousands separator");
    // More than three digits before the separator is no thousands group: a decimal, and
    // never an "ambiguous" message that repeats a long cell three times.
    CHECK(parseNumberText("1234.567") == 1234.567);
    CHECK(parseNumberText("1234,500") == 1234.5);
    const std::string longCell = std::string(134, '5') + ".555";
    CHECK(parseNumberText(longCell).has_value());
    for (const char* bad : {"", "abc", "1e3", "12a", "1.2.3", "1,23,4", "5.", "--1", "nan", "inf"})
        CHECK_FALSE(parseNumberText(bad).has_value());
    CHECK_FALSE(parseNumberText("abc", &why).has_value());
    CHECK(why.text() == "\"abc\" is not a number");
}

TEST_CASE("answers are read into the dense encoding of their index") {
    const Criterion& workers = index("workers_concurrent");
    CHECK(readAnswer(workers, 250.0).value == 250.0);
    CHECK(readAnswer(workers, 250.0).status == AnswerStatus::Answered);
    CHECK(readAnswerText(workers, "1,5").value == 1.5);

    auto negative = readAnswer(workers, -1.0);
    CHECK(negative.status == AnswerStatus::Invalid);
    CHECK(std::isinf(negative.value));
    CHECK(negative.problem.text() == "-1 is outside the bands (0 ≤ x)");
    auto zeroArea = readAnswer(index("floor_area_per_worker"), 0.0);
    CHECK(zeroArea.status == AnswerStatus::Invalid);
    CHECK(zeroArea.problem.text() == "0 is outside the bands (0 < x)");
    CHECK(readAnswer(index("vaccinated_share"), 100.5).problem.text() ==
          "100.5 is outside the bands (0 ≤ x ≤ 100)");

    auto pct = index("vaccinated_share");
    CHECK(readAnswerText(pct, "35%").value == 35.0);
    CHECK(readAnswerText(pct, "35 %").value == 35.0);
    CHECK(readAnswerText(pct, "12,5\xC2\xA0%").value == 12.5);
    CHECK(readAnswerText(workers, "35%").status == AnswerStatus::Invalid);

    const Criterion& masks = index("masks_worn");
    CHECK(readAnswer(masks, true).value == 1.0);
    CHECK(readAnswer(masks, false).value == 0.0);
    CHECK(readAnswerText(masks, "Không").value == 0.0);
    CHECK(readAnswer(masks, 1.0).value == 1.0);
    CHECK(readAnswer(masks, 2.0).status == AnswerStatus::Invalid);
    CHECK(readAnswer(workers, true).status == AnswerStatus::Invalid);
    auto vague = readAnswerText(masks, "thỉnh thoảng");
    CHECK(vague.status == AnswerStatus::Invalid);
    CHECK(vague.problem.text() ==
          "\"thỉnh thoảng\" is not a yes/no answer (có/không, yes/no, x, 1/0)");

    CHECK(readAnswerText(masks, "").status == AnswerStatus::Missing);
    CHECK(readAnswerText(masks, "   ").status == AnswerStatus::Missing);
    CHECK(std::isnan(readAnswerText(masks, "").value));
    CHECK(readAnswer(workers, std::nan("")).status == AnswerStatus::Missing);
}

TEST_CASE("a choice is found by its code or either label, ignoring case and accents") {
    const Criterion& canteen = index("canteen_distancing");
    CHECK(readAnswerText(canteen, "vach_ngan").value == 1.0);  // position in choices
    CHECK(readAnswerText(canteen, "VACH_NGAN").value == 1.0);
    CHECK(readAnswerText(canteen, "Ngồi cách nhau từ 1 m đến dưới 2 m").value == 2.0);
    CHECK(readAnswerText(canteen, "ngoi cach nhau tu 1 m den duoi 2 m").value == 2.0);
    CHECK(readAnswerText(canteen, "No distancing").value == 4.0);
    CHECK(readAnswerText(canteen, "Không giãn cách").value == 4.0);
    auto other = readAnswerText(canteen, "cách 3 m");
    CHECK(other.status == AnswerStatus::Invalid);
    CHECK(other.problem.text() ==
          "\"cách 3 m\" is not one of the options (khong_an_tap_trung, vach_ngan, cach_1m, "
          "duoi_1m, khong)");

    // "Không" is both the code of one option and (folded) the label of the same option.
    const Criterion& shifts = index("shifts_by_residence");
    CHECK(readAnswerText(shifts, "Không").value == 2.0);
    CHECK(readAnswerText(shifts, "Một phần").value == 1.0);

    const ChoiceLookup lookup = choiceLookupFor(canteen);
    CHECK(readAnswerText(canteen, "duoi_1m", &lookup).value == 3.0);
}

// Answers typed the way lookups keep them are read without making a folded copy
// (foldsToItself): that shortcut must never read an answer differently.
TEST_CASE("text that folds to itself is recognised without folding it") {
    CHECK(foldsToItself("vach_ngan"));
    CHECK(foldsToItself("yes"));
    CHECK(foldsToItself(""));
    for (const char* changed :
         {"Vach_ngan", "vách_ngăn", "a b", " yes", "yes\t", "co\xCC\x81", "n\xC2\xA0o"})
        CHECK_FALSE(foldsToItself(changed));
    // Every ASCII byte in random strings: where the shortcut says so, folding agrees.
    std::mt19937 random(11);
    std::uniform_int_distribution<int> byte(1, 127), length(0, 6);
    int itself = 0;
    for (int n = 0; n < 20000; ++n) {
        std::string s;
        for (int k = length(random); k > 0; --k)
            s += static_cast<char>(byte(random));
        const bool same = foldForSearch(s) == s;
        if (foldsToItself(s)) {
            ++itself;
            CHECK(same);
        }
    }
    CHECK(itself > 1000);

    // Each option's code, label and English label, as typed and in capitals, read as before.
    for (const char* id : {"canteen_distancing", "shifts_by_residence"}) {
        const Criterion& c = index(id);
        const ChoiceLookup lookup = choiceLookupFor(c);
        for (std::size_t i = 0; i < c.choices.size(); ++i)
            for (const std::string& text :
                 {c.choices[i].value, c.choices[i].label, c.choices[i].labelEn})
                for (const std::string& typed :
                     {text, lowerVietnamese(text), foldForSearch(text)}) {
                    INFO(typed);
                    const AnswerReading reading = readAnswerText(c, typed, &lookup);
                    CHECK(reading.status == AnswerStatus::Answered);
                    CHECK(reading.value == static_cast<double>(i));
                }
    }
}

// Whole numbers take a shorter way (no copies): it must give what from_chars gives.
TEST_CASE("whole numbers read as from_chars reads them, at every length") {
    std::mt19937_64 random(3);
    for (int n = 0; n < 5000; ++n) {
        std::string digits;
        const int length = 1 + n % 18;
        for (int k = 0; k < length; ++k)
            digits += static_cast<char>('0' + random() % 10);
        double expected = 0;
        std::from_chars(digits.data(), digits.data() + digits.size(), expected);
        INFO(digits);
        CHECK(parseNumberText(digits) == expected);
        CHECK(parseNumberText(" " + digits + " ") == expected);
        CHECK(parseNumberText("-" + digits) == -expected);
    }
    CHECK(parseNumberText("999999999999999") == 999999999999999.0);
    CHECK(parseNumberText("12345678901234567890") == 12345678901234567890.0);
}
