// Bytes that are not what a CSV reader expects are named for what they are, with the row
// and column a person can find in a spreadsheet (issue 13, "misleading messages").
#include <catch2/catch.hpp>

#include <string>

#include "core/tabular/csv_reader.h"
#include "core/text/legacy_encodings.h"

using namespace safemap;
using namespace std::string_literals;

namespace {

Error refusal(std::string bytes, const CsvOptions& options = {}) {
    auto r = parseCsv(std::move(bytes), "bad.csv", options);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().file == "bad.csv");
    return r.error();
}

bool startsWith(const std::string& s, const std::string& prefix) {
    return s.rfind(prefix, 0) == 0;
}

const std::string kAnswerHeader = "ma_so_thue,ngay_danh_gia,workers_concurrent,hand_washing\n";

}  // namespace

TEST_CASE("a NUL byte is reported as a NUL byte with its row and column") {
    // On main "11\0" reached the number reader and the message was cut at the NUL.
    const Error e = refusal(kAnswerHeader + "9900000001,2021-06-01,350,có\n" +
                            "9900000002,2021-06-01,11\0"s + "0,có\n");
    CHECK(startsWith(e.message, "a NUL byte (0x00) in this cell"));
    CHECK(e.row == 3);
    CHECK(e.column == "workers_concurrent");

    SECTION("inside a quoted cell") {
        const Error q = refusal(kAnswerHeader + "9900000001,\"2021-06-01\",350,\"c\0\"\n"s);
        CHECK(startsWith(q.message, "a NUL byte"));
        CHECK(q.row == 2);
        CHECK(q.column == "hand_washing");
    }
    SECTION("in the header: the column is its position") {
        const Error h = refusal("ma_so_thue,ng\0ay\n1,2\n"s);
        CHECK(h.row == 1);
        CHECK(h.column == "2");  // the place reads "column 2" (en) or "cột 2" (vi)
        CHECK(h.describe().find("row 1, column 2: ") != std::string::npos);
    }
    SECTION("after blank lines and a cell with line breaks, rows are spreadsheet rows") {
        const Error r =
            refusal(kAnswerHeader + "\n9900000001,\"a\nb\",1,có\n9900000002,x,\0,có\n"s);
        CHECK(r.row == 4);
        CHECK(r.column == "workers_concurrent");
    }
    SECTION("in a legacy-encoded file, before the encoding is even guessed") {
        std::string tcvn3 = encodeFromUtf8(
            kAnswerHeader + "9900000001,2021-06-01,350,không\n" + "9900000002,2021-06-01,35,có\n",
            TextEncoding::Tcvn3);
        tcvn3.insert(tcvn3.rfind(",35,") + 2, 1, '\0');
        const Error l = refusal(tcvn3);
        CHECK(startsWith(l.message, "a NUL byte"));
        CHECK(l.row == 3);
        CHECK(l.column == "workers_concurrent");
    }
    SECTION("also when the encoding is given") {
        CsvOptions forced;
        forced.encoding = TextEncoding::Utf8;
        CHECK(refusal(kAnswerHeader + "1,\0\n"s, forced).row == 2);
    }
}

TEST_CASE("a workbook read as CSV says what it is, not an encoding error; UTF-16 is read") {
    // An .XLSX/.ODS is a ZIP file; on main it was "cannot tell the text encoding".
    const Error zip =
        refusal("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00"s + "[Content_Types].xml");
    CHECK(startsWith(zip.message, "this is a ZIP file, such as an XLSX or ODS workbook"));
    const Error xls = refusal("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00"s);
    CHECK(startsWith(xls.message, "this is an Excel 97-2003 workbook (.xls)"));
    // UTF-16 (Excel's "Unicode text") is text, with or without a byte order mark: its NUL
    // bytes are not mistaken for damage.
    for (const std::string& utf16 :
         {"\xFF\xFEm\0a\0,\0b\0\n\0x\0,\0y\0\n\0"s, "\xFE\xFF\0m\0a\0,\0b\0\n\0x\0,\0y\0\n"s,
          "m\0a\0,\0b\0\n\0x\0,\0y\0\n\0"s}) {
        auto t = parseCsv(utf16, "unicode.txt");
        INFO((t.ok() ? std::string() : t.error().describe()));
        REQUIRE(t.ok());
        CHECK(t->header == std::vector<std::string>{"ma", "b"});
    }
}

TEST_CASE("a 10 MB cell does not move the row numbers of later errors") {
    const std::string big(10'000'000, 'A');  // NOLINT(bugprone-string-constructor): 10 MB
    SECTION("a later row") {
        const Error e = refusal(kAnswerHeader + "9900000001,2021-06-01,350,có\n" + "9900000002,\"" +
                                big + "\",1,có\n" + "9900000003,x,1,có,extra\n");
        CHECK(e.row == 4);
    }
    SECTION("the big cell's own row") {
        auto t = parseCsv(kAnswerHeader + "9900000001,2021-06-01,350,có\n" +
                              "9900000002,2021-06-01," + big + ",có\n",
                          "big.csv");
        REQUIRE(t.ok());
        REQUIRE(t->rows.size() == 2);
        CHECK(t->rows[1].row == 3);
        CHECK(t->cell(1, 2).size() == big.size());
    }
    SECTION("bad UTF-8 after a big cell holding a line break: the row, not the line") {
        // The decoder counts text lines; on main its line was reported as the row, one too
        // many after a quoted cell with a line break in it.
        // "có" first, so that encoding detection sees UTF-8 and only decoding meets the bad byte.
        const Error e = refusal(kAnswerHeader + "9900000001,2021-06-01,350,\"có " + big + "\n" +
                                big + "\"\n" + "9900000002,2021-06-01,1,c\xC3\n");
        CHECK(startsWith(e.message, "not valid UTF-8"));
        CHECK(e.message.find("(line 4)") != std::string::npos);
        CHECK(e.row == 3);
    }
}

TEST_CASE("bad bytes after multi-line cells are reported at their spreadsheet row") {
    CsvOptions forced;
    forced.encoding = TextEncoding::Utf8;
    const Error e = refusal("sep=;\nid;note\n1;\"a\nb\nc\"\n\n2;x\xFF\n", forced);
    CHECK(e.row == 4);  // header row 1, row 2 spans three lines, blank row 3, then row 4
    CHECK(e.message.find("(line 7)") != std::string::npos);
}
