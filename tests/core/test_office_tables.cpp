#include <catch2/catch.hpp>

#include <string>

#include "core/error_list.h"
#include "core/tabular/csv_reader.h"
#include "core/tabular/csv_sniff.h"
#include "core/tabular/header_row.h"
#include "core/tabular/row_roles.h"
#include "core/tabular/whole_number.h"
#include "core/text/encoding_detect.h"
#include "core/text/fold.h"
#include "core/text/utf16.h"

using namespace safemap;

namespace {

Table parseOfficeOk(std::string bytes, const CsvOptions& options = {}) {
    auto r = parseCsv(std::move(bytes), "t.csv", options);
    INFO((r ? std::string() : r.error().describe()));
    REQUIRE(r.ok());
    return std::move(r.value());
}

long long whole(std::string_view text) {
    const WholeNumberReading r = readWholeNumber(text);
    INFO(std::string(text) << ": " << r.problem.text());
    REQUIRE(r.value.has_value());
    CHECK(r.problem.empty());
    return *r.value;
}

std::string problem(std::string_view text) {
    const WholeNumberReading r = readWholeNumber(text);
    INFO(std::string(text));
    CHECK_FALSE(r.value.has_value());
    return r.problem.text();
}

}  // namespace

TEST_CASE("counts read thousands separators; fractions and text are refused") {
    CHECK(whole("1250") == 1250);
    CHECK(whole("1.250") == 1250);
    CHECK(whole("1,250") == 1250);
    CHECK(whole("1 250") == 1250);
    CHECK(whole("1\xC2\xA0"
                "250") == 1250);  // no-break space
    CHECK(whole("1.250.000") == 1250000);
    CHECK(whole("1,000") == 1000);
    CHECK(whole("1250.0") == 1250);
    CHECK(whole("1250,00") == 1250);
    CHECK(whole("1.250,00") == 1250);
    CHECK(whole("1,250.00") == 1250);
    CHECK(whole(" 0 ") == 0);
    CHECK(whole("-5") == -5);
    CHECK(whole("+7") == 7);
    CHECK_FALSE(readWholeNumber("").value.has_value());
    CHECK(readWholeNumber("  ").problem.empty());  // blank: unknown, not a problem

    CHECK(problem("1,5").find("whole number") != std::string::npos);
    CHECK(problem("12.5").find("whole number") != std::string::npos);
    CHECK(problem("1.25").find("whole number") != std::string::npos);
    CHECK(problem("1250.5").find("whole number") != std::string::npos);
    CHECK(problem("1.2.3").find("not a number") != std::string::npos);
    CHECK(problem("12,34,567").find("not a number") != std::string::npos);
    CHECK(problem("1.250,5").find("not a number") != std::string::npos);
    CHECK(problem("nhiều").find("\"nhiều\" is not a number") != std::string::npos);
    CHECK(problem("1e3").find("not a number") != std::string::npos);
    CHECK(problem("1.").find("not a number") != std::string::npos);
    CHECK(problem("99999999999999999999").find("too large") != std::string::npos);
}

TEST_CASE("the header is found below title rows, with or without known names") {
    SECTION("title rows with one cell each") {
        const Table t = parseOfficeOk(
            "UBND TỈNH HÀ NAM\n"
            "DANH SÁCH CƠ SỞ\n"
            "\n"
            "stt;ten;so;x\n"
            "1;A;10;5\n");
        CHECK(t.headerRow == 4);
        CHECK(t.header == std::vector<std::string>{"stt", "ten", "so", "x"});
        REQUIRE(t.titleRows.size() == 2);
        CHECK(t.titleRows[0].row == 1);
        CHECK(t.cell(t.titleRows[1], 0) == "DANH SÁCH CƠ SỞ");
        REQUIRE(t.rows.size() == 1);
        CHECK(t.rows[0].row == 5);
        CHECK(t.delimiter == ';');  // title rows did not decide it
    }
    SECTION("two-block title rows need the known names") {
        const std::string text =
            "UBND TỈNH HÀ NAM;;CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Mã số thuế;Tên;Số lao động\n"
            "0101;A;10\n";
        // Two cells of three: without names it cannot tell a title from a header.
        CHECK(parseOfficeOk(text).headerRow == 1);
        CsvOptions options;
        options.headerNames = {"ma_so_thue", "ten", "so_lao_dong"};
        const Table t = parseOfficeOk(text, options);
        CHECK(t.headerRow == 2);
        CHECK(t.header[0] == "Mã số thuế");
        CHECK(t.titleRows.size() == 1);
    }
    SECTION("a plain file keeps its first row") {
        const Table t = parseOfficeOk("a,b\n1,2\n");
        CHECK(t.headerRow == 1);
        CHECK(t.titleRows.empty());
    }
    SECTION("trailing empty cells are harmless; a value beyond the header is not") {
        CHECK(parseOfficeOk("a,b\n1,2,,\n").rows.size() == 1);
        auto r = parseCsv("a,b\n1,2\n3,4,,5\n", "w.csv");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().row == 3);
        CHECK(r.error().message.find("4 cells") != std::string::npos);
    }
    SECTION("header names are trimmed") {
        CHECK(parseOfficeOk(" Tên ;Số\nA;1\n").header[0] == "Tên");
    }
}

TEST_CASE("column-number, total and signature rows are told from data") {
    const Table t = parseOfficeOk(
        "STT;Tên doanh nghiệp;Mã số thuế;Số lao động\n"
        "(1);(2);(3);(4)\n"
        "1;Tổng công ty May 10;0101;1.250\n"
        "2;Công ty Cộng Hòa;0102;20\n"
        ";Cộng KCN Đồng Văn;;1.270\n"
        "3;Công ty Ba;0103;5\n"
        ";TỔNG CỘNG:;;1.275\n"
        "Hà Nam, ngày 26 tháng 6 năm 2021;;;\n"
        "NGƯỜI LẬP BIỂU;;;GIÁM ĐỐC\n"
        "Nguyễn Văn An;;;Trần Thị Bình\n");
    const std::vector<RowRole> roles = tableRowRoles(t);
    const std::vector<RowRole> expected = {
        RowRole::ColumnNumbers, RowRole::Data,      RowRole::Data,
        RowRole::Total,         RowRole::Data,      RowRole::Total,
        RowRole::Signature,     RowRole::Signature, RowRole::Signature};
    CHECK(roles == expected);

    CHECK(isTotalLabel("Tổng cộng"));
    CHECK(isTotalLabel("TỔNG SỐ: 25 cơ sở"));
    CHECK(isTotalLabel("Cộng"));
    CHECK(isTotalLabel("tong cong"));
    CHECK(isTotalLabel("Total"));
    CHECK_FALSE(isTotalLabel("Tổng công ty Điện lực"));
    CHECK_FALSE(isTotalLabel("Công ty Cộng Hòa"));
    CHECK_FALSE(isTotalLabel("tong cong ty"));
    CHECK(isSignatureText("(Ký, ghi rõ họ tên)"));
    CHECK(isSignatureText("KT. TRƯỞNG BAN"));
    CHECK(isSignatureText("Nơi nhận:"));
    CHECK_FALSE(isSignatureText("Công ty TNHH Điện tử"));
    CHECK_FALSE(isSignatureText("Ngày cấp tài khoản"));
}

TEST_CASE("a UTF-16 file (Excel's Unicode text) decodes, BOM or not, with its tabs") {
    const std::string utf8 = "Tên\tSố lao động\r\nCông ty Đồng Văn\t1.250\r\n😀\t1\r\n";
    for (Utf16Order order : {Utf16Order::Little, Utf16Order::Big}) {
        const std::string bytes = encodeUtf16(utf8, order);
        auto back = decodeUtf16(bytes, order, "u.txt");
        REQUIRE(back.ok());
        CHECK(*back == utf8);
        const Table t = parseOfficeOk(bytes);
        CHECK(t.encoding ==
              (order == Utf16Order::Little ? TextEncoding::Utf16Le : TextEncoding::Utf16Be));
        CHECK(t.delimiter == '\t');
        CHECK(t.header[1] == "Số lao động");
        CHECK(t.cell(0, 0) == "Công ty Đồng Văn");
    }
    // Without its byte order mark (every other byte zero).
    const std::string bare = encodeUtf16(utf8, Utf16Order::Little).substr(2);
    CHECK(parseOfficeOk(bare).cell(0, 1) == "1.250");
    // Broken: an odd byte count, a lone surrogate.
    CHECK_FALSE(decodeUtf16("\xFF\xFE"
                            "a",
                            Utf16Order::Little, "o.txt")
                    .ok());
    auto lone = decodeUtf16(std::string("a\0\n\0\x00\xD8", 6), Utf16Order::Little, "s.txt");
    REQUIRE_FALSE(lone.ok());
    CHECK(lone.error().row == 2);
    CHECK(encodingFromName("unicode") == TextEncoding::Utf16Le);
    CHECK(encodingFromName("UTF-16BE") == TextEncoding::Utf16Be);
    CHECK(encodingFromName(encodingName(TextEncoding::Utf16Le)) == TextEncoding::Utf16Le);
}

TEST_CASE("a file that is UTF-8 but for one cell names that cell") {
    auto r = parseCsv("ten,dia_chi\nCông ty Một,Hà Nội\nC\xF4ng ty Hai,Hà Nam\n", "m.csv");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().row == 3);
    CHECK(r.error().column == "ten");
    CHECK(r.error().message.find("0xF4") != std::string::npos);
}

TEST_CASE("a NUL byte is named at its row and column") {
    using namespace std::string_literals;
    auto r = parseCsv("a,b\n1,2\n3,x\0y\n"s, "n.csv");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().row == 3);
    CHECK(r.error().column == "b");
    CHECK(r.error().message.find("NUL") != std::string::npos);
}

TEST_CASE("an error lists further errors and how many were left out") {
    ErrorList list;
    CHECK(list.empty());
    for (int i = 0; i < 150; ++i)
        list.add(Error("bad", "f.csv", i + 2, "c"));
    CHECK(list.size() == 150);
    const Error e = list.toError();
    CHECK(e.row == 2);
    CHECK(e.more.size() == 99);
    CHECK(e.more.back().row == 101);
    CHECK(e.moreOmitted == 50);
    const std::string text = e.describe();
    CHECK(text.find("f.csv, row 2, column c: bad\nf.csv, row 3, column c: bad\n") == 0);
    CHECK(text.substr(text.rfind('\n') + 1) == "… and 50 more problems");
    CHECK(Error("one").describe() == "one");
}

TEST_CASE("sniffing looks past title rows") {
    CHECK(sniffDelimiter("DANH SÁCH CƠ SỞ, KCN\nten;so;x\nA;1;2\nB;3;4\n") == ';');
    CHECK(sniffDelimiter("UBND TỈNH\n\nten\tso\nA\t1\n") == '\t');
}

TEST_CASE("Vietnamese lower case keeps the accents") {
    CHECK(lowerVietnamese("TỔNG CỘNG Đ") == "tổng cộng đ");
    CHECK(lowerVietnamese("Ưu Ái") == "ưu ái");
    CHECK(foldToKey(" Quận/Huyện ") == "quan_huyen");
}
