#include <catch2/catch.hpp>

#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "core/text/legacy_encodings.h"
#include "core/text/utf8.h"
#include "core/text/vietnamese_letters.h"
#include "test_support.h"

using namespace safemap;

namespace {

std::string readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string fixture(const std::string& name) {
    return readBytes(std::string(SAFEMAP_TEST_DATA) + "/text/" + name);
}

std::string decodeOk(std::string_view bytes, TextEncoding encoding) {
    auto r = decodeToUtf8(bytes, encoding, "test");
    INFO((r ? std::string() : r.error().describe()));
    REQUIRE(r.ok());
    return *r;
}

// The sample of tests/data/text, written out by hand (make_fixtures.py made the bytes).
const std::string kSample =
    "Công ty TNHH Điện tử Ánh Dương, khu công nghiệp Quế Võ, Bắc Ninh.\n"
    "Người lao động ngoại tỉnh: 1.250 người; phòng cách ly đạt yêu cầu.\n"
    "Đánh giá nguy cơ lây nhiễm: rất thấp, thấp, trung bình, cao, rất cao.\n"
    "Ủy ban nhân dân tỉnh Lạng Sơn; ký túc xá; kiểm tra, tạm dừng hoạt động.\n"
    "Sẵn sàng, nặng nhọc, chẳng hạn, rực rỡ, những người sửa chữa, thuở ấy, khuỷu tay, ỷ lại.\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n";

// TCVN3 keeps capital toned letters in the .VnTimeH font, not in the bytes.
const std::string kSampleTcvn3 =
    "Công ty TNHH Điện tử ánh Dương, khu công nghiệp Quế Võ, Bắc Ninh.\n"
    "Người lao động ngoại tỉnh: 1.250 người; phòng cách ly đạt yêu cầu.\n"
    "Đánh giá nguy cơ lây nhiễm: rất thấp, thấp, trung bình, cao, rất cao.\n"
    "ủy ban nhân dân tỉnh Lạng Sơn; ký túc xá; kiểm tra, tạm dừng hoạt động.\n"
    "Sẵn sàng, nặng nhọc, chẳng hạn, rực rỡ, những người sửa chữa, thuở ấy, khuỷu tay, ỷ lại.\n"
    "CộNG HòA Xã HộI CHủ NGHĩA VIệT NAM\n";

}  // namespace

TEST_CASE("encoding names and their aliases") {
    for (auto e : {TextEncoding::Utf8, TextEncoding::Utf8Bom, TextEncoding::Tcvn3,
                   TextEncoding::Vni, TextEncoding::Viscii, TextEncoding::Cp1258}) {
        CHECK(encodingFromName(encodingName(e)) == e);
    }
    CHECK(encodingFromName("UTF8") == TextEncoding::Utf8);
    CHECK(encodingFromName("utf-8-sig") == TextEncoding::Utf8Bom);
    CHECK(encodingFromName("ABC") == TextEncoding::Tcvn3);
    CHECK(encodingFromName("TCVN 5712") == TextEncoding::Tcvn3);
    CHECK(encodingFromName("VNI-Windows") == TextEncoding::Vni);
    CHECK(encodingFromName("Windows-1258") == TextEncoding::Cp1258);
    CHECK(encodingFromName("VISCII") == TextEncoding::Viscii);
    CHECK_FALSE(encodingFromName("latin1").has_value());
    CHECK_FALSE(encodingFromName("").has_value());
}

TEST_CASE("single bytes decode as the published tables say") {
    // TCVN3 (TCVN 5712:1993): á B8, Đ A7, đ AE, ệ D6, ư AD, ữ F7.
    CHECK(decodeOk("c\xB8\x63", TextEncoding::Tcvn3) == "các");
    CHECK(decodeOk("\xA7\xE9ng", TextEncoding::Tcvn3) == "Động");
    CHECK(decodeOk("Vi\xD6t", TextEncoding::Tcvn3) == "Việt");
    CHECK(decodeOk("\xAEi\xD6n tho\xB9i", TextEncoding::Tcvn3) == "điện thoại");
    CHECK(decodeOk("nh\xF7ng \xAD", TextEncoding::Tcvn3) == "những ư");
    // 0x80..0x9F are Windows-1252 punctuation under the ABC fonts.
    CHECK(decodeOk("\x93\x61\x94 \x96 b", TextEncoding::Tcvn3) == "“a” – b");
    // VISCII (RFC 1456): ạ D5, ệ AE, ư DF, Ẳ 02 (a C0 control code), Ỵ 1E, Õ A0.
    CHECK(decodeOk("Vi\xAEt", TextEncoding::Viscii) == "Việt");
    CHECK(decodeOk("\xDF\xD5", TextEncoding::Viscii) == "ưạ");
    CHECK(decodeOk("\x02\x1E\xA0", TextEncoding::Viscii) == "ẲỴÕ");
    // VNI: base letter + diacritic byte; ơ ư đ and the toned i's stand alone.
    CHECK(decodeOk("Vie\xE4t Nam", TextEncoding::Vni) == "Việt Nam");
    CHECK(decodeOk("\xD1o\xE0ng \xF1\xF6\xF4\xF8ng", TextEncoding::Vni) == "Đồng đường");
    CHECK(decodeOk("Kh\xE6 \xF2 \xEE \xCE", TextEncoding::Vni) == "Khỉ ị ỵ Ỵ");
    CHECK(decodeOk("QUY\x45\xC1T \xD6\xD9NG", TextEncoding::Vni) == "QUYẾT ỨNG");
    CHECK(decodeOk("a\xEB a\xE4", TextEncoding::Vni) == "ặ ậ");
    // A diacritic byte with no vowel before it is its Windows-1252 character.
    CHECK(decodeOk("x\xF9 \xE2", TextEncoding::Vni) == "xù â");
    // Windows-1258: ê EA + combining dot F2 composes to ệ; â E2 + combining acute EC.
    CHECK(decodeOk("Vi\xEA\xF2t", TextEncoding::Cp1258) == "Việt");
    CHECK(decodeOk("\xE2\xEC", TextEncoding::Cp1258) == "ấ");
    CHECK(decodeOk("\xD0\xF5\xCC", TextEncoding::Cp1258) == "Đờ");
    CHECK(decodeOk("100\xFE", TextEncoding::Cp1258) == "100₫");
}

TEST_CASE("TCVN3 combining tone bytes compose with the letter before them") {
    // 0xB0..0xB4 are grave, hook, tilde, acute, dot below.
    CHECK(decodeOk("a\xB3", TextEncoding::Tcvn3) == "á");
    CHECK(decodeOk("\xA9\xB4", TextEncoding::Tcvn3) == "ậ");
    CHECK(decodeOk("\xAD\xB0", TextEncoding::Tcvn3) == "ừ");
    CHECK(decodeOk("O\xB1", TextEncoding::Tcvn3) == "Ỏ");
    // A tone on a consonant stays a separate combining mark.
    CHECK(decodeOk("n\xB2", TextEncoding::Tcvn3) == "n\u0303");
}

TEST_CASE("each fixture decodes to the hand-written text") {
    CHECK(decodeOk(fixture("sample_utf8.txt"), TextEncoding::Utf8) == kSample);
    CHECK(decodeOk(fixture("sample_utf8_bom.txt"), TextEncoding::Utf8Bom) == kSample);
    CHECK(decodeOk(fixture("sample_utf8_bom.txt"), TextEncoding::Utf8) == kSample);
    CHECK(decodeOk(fixture("sample_tcvn3.txt"), TextEncoding::Tcvn3) == kSampleTcvn3);
    CHECK(decodeOk(fixture("sample_vni.txt"), TextEncoding::Vni) == kSample);
    CHECK(decodeOk(fixture("sample_viscii.txt"), TextEncoding::Viscii) == kSample);
    CHECK(decodeOk(fixture("sample_cp1258.txt"), TextEncoding::Cp1258) == kSample);
}

TEST_CASE("encoding gives the same bytes as the independent tools that made the fixtures") {
    CHECK(encodeFromUtf8(kSampleTcvn3, TextEncoding::Tcvn3) == fixture("sample_tcvn3.txt"));
    CHECK(encodeFromUtf8(kSample, TextEncoding::Vni) == fixture("sample_vni.txt"));
    CHECK(encodeFromUtf8(kSample, TextEncoding::Viscii) == fixture("sample_viscii.txt"));
    CHECK(encodeFromUtf8(kSample, TextEncoding::Cp1258) == fixture("sample_cp1258.txt"));
    CHECK(encodeFromUtf8(kSample, TextEncoding::Utf8Bom) == fixture("sample_utf8_bom.txt"));
}

TEST_CASE("TCVN3 writes capital toned letters with the lower-case codes, as the ABC fonts do") {
    // ủ is F1, ộ E9, Đ A7 in the TCVN3 table.
    CHECK(encodeFromUtf8("Ủy", TextEncoding::Tcvn3) == "\xF1y");
    CHECK(encodeFromUtf8("ĐỘNG", TextEncoding::Tcvn3) == "\xA7\xE9NG");
    CHECK(decodeOk(encodeFromUtf8("THÀNH PHỐ HÀ NỘI", TextEncoding::Tcvn3), TextEncoding::Tcvn3) ==
          "THàNH PHố Hà NộI");
}

TEST_CASE("the seed letters survive a round trip through every encoding") {
    // Capital toned letters as TCVN3 stores them (see above), for the TCVN3 round trip.
    const std::u32string capitals = U"ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ";
    const std::u32string smalls = U"àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ";
    REQUIRE(capitals.size() == smalls.size());
    auto lowerToned = [&](const std::string& utf8) {
        std::string out;
        size_t pos = 0;
        while (pos < utf8.size()) {
            char32_t c = nextCodePoint(utf8, pos);
            if (auto i = capitals.find(c); i != std::u32string::npos)
                c = smalls[i];
            appendUtf8(out, c);
        }
        return out;
    };
    for (const char* name :
         {"000_0d8d29f31d807f1e.txt", "001_4c43e3d45b07d82a.txt", "003_2261771697da1b7b.txt"}) {
        const std::string seed = fixture(std::string("letters/") + name);
        REQUIRE(seed.size() > 1000);
        INFO(name);
        for (auto e :
             {TextEncoding::Vni, TextEncoding::Cp1258, TextEncoding::Utf8, TextEncoding::Utf8Bom}) {
            INFO(encodingName(e));
            CHECK(decodeOk(encodeFromUtf8(seed, e), e) == seed);
        }
        CHECK(decodeOk(encodeFromUtf8(seed, TextEncoding::Tcvn3), TextEncoding::Tcvn3) ==
              lowerToned(seed));
        // VISCII has no no-break space and no curly quotes.
        std::string plain = seed;
        for (auto [from, to] :
             {std::pair<std::string, std::string>{"\u00A0", " "}, {"“", "\""}, {"”", "\""}}) {
            for (size_t at; (at = plain.find(from)) != std::string::npos;)
                plain.replace(at, from.size(), to);
        }
        CHECK(decodeOk(encodeFromUtf8(plain, TextEncoding::Viscii), TextEncoding::Viscii) == plain);
    }
}

TEST_CASE("bytes that cannot occur in the encoding fail with file, line and offset") {
    auto bad = decodeToUtf8("ok\nline two \xC3(", TextEncoding::Utf8, "ds.csv");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().file == "ds.csv");
    CHECK(bad.error().row == 2);
    CHECK(bad.error().message.find("0xC3") != std::string::npos);
    CHECK(bad.error().message.find("offset 12") != std::string::npos);

    auto overlong = decodeToUtf8("\xC0\xAF", TextEncoding::Utf8, "x.txt");
    CHECK_FALSE(overlong.ok());
    auto surrogate = decodeToUtf8("\xED\xA0\x80", TextEncoding::Utf8, "x.txt");
    CHECK_FALSE(surrogate.ok());

    auto cp1258 = decodeToUtf8("a\n\nb\x81", TextEncoding::Cp1258, "w.txt");
    REQUIRE_FALSE(cp1258.ok());
    CHECK(cp1258.error().row == 3);
    auto vni = decodeToUtf8("\x8D", TextEncoding::Vni, "v.txt");
    CHECK_FALSE(vni.ok());
    // VISCII defines every byte.
    CHECK(decodeToUtf8("\x81\xFF", TextEncoding::Viscii, "v.txt").ok());
}

TEST_CASE("decomposed UTF-8 comes out precomposed") {
    CHECK(decodeOk("Vie\u0323\u0302t", TextEncoding::Utf8) == "Việt");  // NFD order
    CHECK(decodeOk("Vie\u0302\u0323t", TextEncoding::Utf8) == "Việt");
    CHECK(decodeOk("a\u0306\u0301 o\u031B\u0300 \u0110", TextEncoding::Utf8) == "ắ ờ Đ");
    CHECK(decodeOk("\u00E2\u0301", TextEncoding::Utf8) == "ấ");
    // Not Vietnamese letters: left alone.
    CHECK(decodeOk("x\u0301 \u00E1\u0301", TextEncoding::Utf8) == "x\u0301 \u00E1\u0301");
    CHECK(composeVietnamese("Nguye\u0302\u0303n") == "Nguyễn");
}

TEST_CASE("characters an encoding cannot hold become question marks") {
    CHECK(encodeFromUtf8("5 €", TextEncoding::Viscii) == "5 ?");
    CHECK(encodeFromUtf8("Müller", TextEncoding::Vni) == "M?ller");  // ü is a VNI diacritic
    CHECK(encodeFromUtf8("漢", TextEncoding::Tcvn3) == "?");
    CHECK(encodeFromUtf8("100₫ “x”", TextEncoding::Cp1258) == "100\xFE \x93x\x94");
    // Decomposed input is composed before encoding.
    CHECK(encodeFromUtf8("Vie\u0323\u0302t", TextEncoding::Vni) == "Vie\xE4t");
}

TEST_CASE("Vietnamese letters split into base, mark and tone") {
    auto l = splitVietnameseLetter(U'ậ');
    REQUIRE(l.has_value());
    CHECK(l->base == 'a');
    CHECK(l->mark == LetterMark::Circumflex);
    CHECK(l->tone == Tone::Dot);
    auto d = splitVietnameseLetter(U'Đ');
    REQUIRE(d.has_value());
    CHECK(d->base == 'D');
    CHECK(d->mark == LetterMark::Stroke);
    CHECK_FALSE(splitVietnameseLetter(U'ñ').has_value());
    CHECK(composeVietnameseLetter({'U', LetterMark::Horn, Tone::Tilde}) == U'Ữ');
    CHECK(composeVietnameseLetter({'e', LetterMark::Breve, Tone::None}) == 0);
    CHECK(composeVietnameseLetter({'y', LetterMark::None, Tone::Hook}) == U'ỷ');
}

TEST_CASE("any bytes decode to valid UTF-8 or fail cleanly") {
    std::mt19937 rng(7);
    int failures = 0;
    for (int i = 0; i < 3000; ++i) {
        std::string bytes(rng() % 40, '\0');
        for (char& c : bytes)
            c = static_cast<char>(rng() % 4 ? 0x80 + rng() % 128 : rng() % 128);
        for (auto e : {TextEncoding::Utf8, TextEncoding::Tcvn3, TextEncoding::Vni,
                       TextEncoding::Viscii, TextEncoding::Cp1258}) {
            auto r = decodeToUtf8(bytes, e, "f");
            if (!r) {
                ++failures;
                CHECK(r.error().row >= 1);
                continue;
            }
            CHECK(isValidUtf8(*r));
            // Decoded text encodes back to bytes that decode to the same text, except where
            // the encoding has no code for a character (VNI's reused Latin-1 letters).
            if (e == TextEncoding::Viscii)
                CHECK(encodeFromUtf8(*r, e) == bytes);
        }
    }
    CHECK(failures > 0);  // random high bytes are rarely UTF-8
}
