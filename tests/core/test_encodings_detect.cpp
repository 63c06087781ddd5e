#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "core/text/encoding_detect.h"
#include "core/text/vietnamese_syllable.h"

using namespace safemap;

namespace {

std::string detectFixture(const std::string& name) {
    std::ifstream in(std::string(SAFEMAP_TEST_DATA) + "/text/" + name, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const char* const kLetters[] = {"letters/000_0d8d29f31d807f1e.txt",
                                "letters/001_4c43e3d45b07d82a.txt",
                                "letters/003_2261771697da1b7b.txt"};

}  // namespace

TEST_CASE("Vietnamese syllables pass the spelling check") {
    for (const char* w :
         {"công",  "ty",   "nghiệp", "khu",   "người", "lao",   "động", "số",     "Việt",
          "quyết", "quốc", "giữa",   "gì",    "giếng", "khuỷu", "thuở", "Nguyễn", "Đắk",
          "Lắk",   "ĐỘNG", "NộI",    "khoẻ",  "thuế",  "ở",     "ý",    "oanh",   "yêu",
          "xuân",  "Huế",  "kiểm",   "nghĩa", "tỉnh",  "ngoại", "khuya"}) {
        INFO(w);
        CHECK(classifyWord(w) == WordKind::Syllable);
    }
}

TEST_CASE("mis-decoded words fail the spelling check") {
    for (const char* w : {"viưt",   // no rhyme iưt
                          "cỏc",    // a rhyme ending in c takes only the acute or dot tone
                          "néi",    // no rhyme ei
                          "cể",     // c never stands before e/ê/i/y (k does)
                          "ngia",   // ng before i is spelled ngh
                          "ghan",   // gh only before e/ê/i
                          "coan",   // c + medial o is spelled qu
                          "vÒ",     // a capital letter inside a lower-case word
                          "viêệt",  // two tones
                          "Coâng", "Ä", "Ã´ng", "c«ng", "M\u00fcller", "x\u0301"}) {
        INFO(w);
        CHECK(classifyWord(w) == WordKind::Other);
    }
    CHECK(classifyWord("QĐ") == WordKind::Abbreviation);
    CHECK(classifyWord("BCĐQG") == WordKind::Abbreviation);
    CHECK(classifyWord("đ") == WordKind::Abbreviation);
}

TEST_CASE("a byte order mark, ASCII or valid UTF-8 decide at once") {
    auto bom = detectEncoding("\xEF\xBB\xBFM\xC3\xA3");
    CHECK(bom.encoding == TextEncoding::Utf8Bom);
    CHECK(bom.reliable());
    auto ascii = detectEncoding("ma_so_thue,ten\n0101,Cong ty\n");
    CHECK(ascii.encoding == TextEncoding::Utf8);
    CHECK(ascii.reliable());
    auto utf8 = detectEncoding(detectFixture("sample_utf8.txt"));
    CHECK(utf8.encoding == TextEncoding::Utf8);
    CHECK(utf8.reliable());
    // A sample cut in the middle of a multi-byte letter is still UTF-8.
    const std::string cut = detectFixture("sample_utf8.txt").substr(0, 2);  // "C" + first byte of ô
    CHECK(detectEncoding(cut).encoding == TextEncoding::Utf8);
    auto utf16 =
        detectEncoding(std::string("\xFF\xFE"
                                   "a\0b\0",
                                   6));
    CHECK(utf16.encoding == TextEncoding::Utf16Le);
    CHECK(utf16.reliable());
    CHECK(utf16.reason.find("UTF-16") != std::string::npos);
    CHECK(detectEncoding(std::string("\xFE\xFF\0a", 4)).encoding == TextEncoding::Utf16Be);
    // Without its mark: every other byte is zero.
    auto bare = detectEncoding(std::string("t\0e\0n\0\t\0s\0o\0\r\0\n\0", 16));
    CHECK(bare.encoding == TextEncoding::Utf16Le);
    CHECK(bare.reason.find("without") != std::string::npos);
}

TEST_CASE("each legacy fixture is detected as its encoding") {
    const std::pair<const char*, TextEncoding> cases[] = {
        {"sample_tcvn3.txt", TextEncoding::Tcvn3},     {"sample_vni.txt", TextEncoding::Vni},
        {"sample_viscii.txt", TextEncoding::Viscii},   {"sample_cp1258.txt", TextEncoding::Cp1258},
        {"facilities_tcvn3.csv", TextEncoding::Tcvn3}, {"facilities_vni.csv", TextEncoding::Vni},
    };
    for (const auto& [name, encoding] : cases) {
        auto guess = detectEncoding(detectFixture(name));
        INFO(name << ": " << guess.reason);
        CHECK(guess.encoding == encoding);
        CHECK(guess.reliable());
    }
}

TEST_CASE("real letters encoded in each legacy encoding are detected back") {
    for (const char* name : kLetters) {
        const std::string utf8 = detectFixture(name);
        REQUIRE(utf8.size() > 1000);
        for (auto e :
             {TextEncoding::Tcvn3, TextEncoding::Vni, TextEncoding::Viscii, TextEncoding::Cp1258}) {
            auto guess = detectEncoding(encodeFromUtf8(utf8, e));
            INFO(name << " in " << encodingName(e) << ": " << guess.reason);
            CHECK(guess.encoding == e);
            CHECK(guess.confidence > 0.9);
        }
    }
}

TEST_CASE("a few words are not enough to be sure") {
    // Three words in VNI: the guess may be right but must not claim to be reliable.
    auto guess = detectEncoding(
        "Co\xE2ng ty TNHH Ho\xF8"
        "a B\xECnh");
    CHECK_FALSE(guess.reliable());
    // High bytes but no letters to judge by.
    auto symbols = detectEncoding("x\xB0\xB0\xB0 12");
    CHECK_FALSE(symbols.reliable());
}

TEST_CASE("mojibake is recognised and real text is not") {
    for (const char* name : kLetters)
        CHECK_FALSE(looksLikeMojibake(detectFixture(name)));
    CHECK_FALSE(looksLikeMojibake(detectFixture("sample_utf8.txt")));
    CHECK_FALSE(looksLikeMojibake("Công ty Müller GmbH, khu công nghiệp Quế Võ, Bắc Ninh"));
    CHECK_FALSE(looksLikeMojibake("QĐ-BCĐQG ngày 27/5/2020, 25 °C"));
    CHECK_FALSE(looksLikeMojibake("Samsung Electronics Việt Nam 삼성전자"));

    // UTF-8 read as Windows-1252 and saved again.
    CHECK(looksLikeMojibake("Cá»¥m cÃ´ng nghiá»‡p Ä‘á»“ng"));
    // TCVN3 bytes read as Windows-1252.
    CHECK(looksLikeMojibake("C«ng ty TNHH §iÖn tö ¸nh D­¬ng, khu c«ng nghiÖp"));
    // VNI bytes read as Windows-1252.
    CHECK(looksLikeMojibake("Coâng ty TNHH Ñieän töû AÙnh Döông, khu coâng nghieäp"));
    // Lost characters.
    CHECK(looksLikeMojibake("C\uFFFDng ty \uFFFDi\uFFFDn"));
    // Not UTF-8 at all.
    CHECK(looksLikeMojibake("C\xABng ty"));
}

TEST_CASE("legacy text decoded with the wrong legacy encoding looks like mojibake") {
    const std::string utf8 = detectFixture(kLetters[2]);
    const TextEncoding all[] = {TextEncoding::Tcvn3, TextEncoding::Vni, TextEncoding::Viscii,
                                TextEncoding::Cp1258};
    for (auto written : all) {
        const std::string bytes = encodeFromUtf8(utf8, written);
        for (auto read : all) {
            auto decoded = decodeToUtf8(bytes, read, "x");
            if (read == written || !decoded)
                continue;  // undefined bytes already refuse
            INFO(encodingName(written) << " read as " << encodingName(read));
            CHECK(looksLikeMojibake(*decoded));
        }
    }
}
