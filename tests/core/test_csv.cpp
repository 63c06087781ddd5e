#include <catch2/catch.hpp>

#include <fstream>
#include <string>

#include "core/tabular/csv_reader.h"
#include "core/tabular/csv_sniff.h"
#include "core/text/trim.h"
#include "test_support.h"

using namespace safemap;

namespace {

Table parseOk(std::string bytes, const CsvOptions& options = {}) {
    auto r = parseCsv(std::move(bytes), "t.csv", options);
    INFO((r ? std::string() : r.error().describe()));
    REQUIRE(r.ok());
    return std::move(r.value());
}

std::string dataPath(const std::string& name) {
    return std::string(SAFEMAP_TEST_DATA) + "/text/" + name;
}

}  // namespace

TEST_CASE("quoted cells keep delimiters, doubled quotes and line breaks") {
    const Table t = parseOk(
        "id,name,note\r\n"
        "1,\"Công ty A, chi nhánh 2\",\"nói \"\"xin chào\"\"\"\r\n"
        "2,\"dòng một\r\ndòng hai\",\r\n"
        "3,plain,\"\"\r\n");
    REQUIRE(t.header == std::vector<std::string>{"id", "name", "note"});
    REQUIRE(t.rows.size() == 3);
    CHECK(t.cell(0, 1) == "Công ty A, chi nhánh 2");
    CHECK(t.cell(0, 2) == "nói \"xin chào\"");
    CHECK(t.cell(1, 1) == "dòng một\r\ndòng hai");  // kept as written
    CHECK(t.cell(1, 2) == "");
    CHECK(t.cell(2, 0) == "3");
    CHECK(t.cell(2, 2) == "");
    CHECK(t.delimiter == ',');
    CHECK(t.encoding == TextEncoding::Utf8);
}

TEST_CASE("rows are numbered as a spreadsheet shows them, lines as a text editor does") {
    const Table t = parseOk(
        "a,b\n"         // row 1, line 1
        "1,\"x\ny\"\n"  // row 2, lines 2-3
        "2,z\n"         // row 3, line 4
        "\n"            // row 4, blank: skipped but counted
        ",\n"           // row 5, empty cells: skipped
        "3,w");         // row 6, line 7, no final line break
    REQUIRE(t.rows.size() == 3);
    CHECK(t.headerRow == 1);
    CHECK(t.rows[0].row == 2);
    CHECK(t.rows[0].line == 2);
    CHECK(t.rows[1].row == 3);
    CHECK(t.rows[1].line == 4);
    CHECK(t.rows[2].row == 6);
    CHECK(t.rows[2].line == 7);
    CHECK(t.cell(2, 1) == "w");
}

TEST_CASE("blank lines before the header move it down") {
    const Table t = parseOk("\r\n\r\nten;so\r\nA;1\r\n");
    CHECK(t.headerRow == 3);
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0].row == 4);
}

TEST_CASE("the delimiter is sniffed") {
    // Vietnamese Excel: ';' between cells, ',' as the decimal separator.
    CHECK(sniffDelimiter("ten;dien tich;so\nA;12,5;3\nB;7,25;4\n") == ';');
    CHECK(sniffDelimiter("ten,so\nA,3\nB,4\n") == ',');
    CHECK(sniffDelimiter("ten\tso\tghi chu\nA\t3\ta, b; c\n") == '\t');
    CHECK(sniffDelimiter("\"a;b\",c\n\"d;e\",f\n") == ',');  // quoted ';' does not count
    CHECK(sniffDelimiter("ten|so\nA|1\n") == '|');
    CHECK(sniffDelimiter("onecolumn\nvalue\n") == ',');
    const Table t = parseOk("ten;dien tich\nA;12,5\n");
    CHECK(t.delimiter == ';');
    CHECK(t.cell(0, 1) == "12,5");
}

TEST_CASE("Excel's sep= line sets the delimiter and is not a row") {
    CHECK(excelSeparatorLine("sep=;\r\na;b") == ';');
    CHECK(excelSeparatorLine("sep=;x\n") == 0);
    CHECK(excelSeparatorLine("a,b") == 0);
    const Table t = parseOk("sep=|\r\nten|so\r\nA,B|1\r\n");
    CHECK(t.delimiter == '|');
    REQUIRE(t.header.size() == 2);
    CHECK(t.header[0] == "ten");
    CHECK(t.rows[0].row == 2);
    CHECK(t.rows[0].line == 3);
    CHECK(t.cell(0, 0) == "A,B");
}

TEST_CASE("a given delimiter wins over sniffing") {
    CsvOptions options;
    options.delimiter = ',';
    const Table t = parseOk("a;b,c\n1;2,3\n", options);
    CHECK(t.header == std::vector<std::string>{"a;b", "c"});
}

TEST_CASE("columns are found by folded name") {
    const Table t = parseOk("\xEF\xBB\xBFMã số thuế,Tên doanh nghiệp, Số lao động \n1,A,2\n");
    CHECK(t.header[0] == "Mã số thuế");  // byte order mark gone
    CHECK(t.column("ma so thue") == 0);
    CHECK(t.column("MÃ SỐ  THUẾ") == 0);
    CHECK(t.column("ten doanh nghiep") == 1);
    CHECK(t.column("so lao dong") == 2);
    CHECK(t.column("dia chi") == -1);
    CHECK(t.encoding == TextEncoding::Utf8Bom);
}

TEST_CASE("short rows read missing cells as empty; long rows are an error") {
    const Table t = parseOk("a,b,c\n1\n");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0].cellCount == 1);
    CHECK(t.cell(0, 0) == "1");
    CHECK(t.cell(0, 2) == "");
    CHECK(t.cell(0, -1) == "");

    auto r = parseCsv("a,b\n1,2\n3,4,5\n", "wide.csv");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().file == "wide.csv");
    CHECK(r.error().row == 3);
    CHECK(r.error().message.find("3 cells") != std::string::npos);
    CHECK(r.error().message.find("2 columns") != std::string::npos);
}

TEST_CASE("a quote that is never closed is an error naming file and row") {
    auto r = parseCsv("a,b\n1,2\n3,\"open\n4,5\n", "open.csv");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().file == "open.csv");
    CHECK(r.error().row == 3);
    CHECK(r.error().message.find("line 3") != std::string::npos);
}

TEST_CASE("an empty file has no header") {
    CHECK_FALSE(parseCsv("", "e.csv").ok());
    CHECK_FALSE(parseCsv("\r\n\r\n", "e.csv").ok());
    const Table headerOnly = parseOk("a,b\n");
    CHECK(headerOnly.rows.empty());
}

TEST_CASE("stray text after a closing quote is kept") {
    const Table t = parseOk("a,b\n\"x\"y,2\n");
    CHECK(t.cell(0, 0) == "xy");
    CHECK(t.cell(0, 1) == "2");
}

TEST_CASE("legacy-encoded CSV fixtures are detected and decoded") {
    // Written by hand: the cells of tests/data/text/facilities_*.csv.
    auto check = [](const Table& t, const std::string& anh) {
        REQUIRE(t.header == std::vector<std::string>{"Mã số thuế", "Tên doanh nghiệp", "Địa chỉ",
                                                     "Số lao động"});
        CHECK(t.delimiter == ';');
        REQUIRE(t.rows.size() == 3);
        CHECK(t.cell(0, 1) == "Công ty cổ phần may Sông Hồng");
        CHECK(t.cell(0, 2) == "Lô 5; khu công nghiệp Đồng Văn");
        CHECK(t.cell(1, 1) == "Công ty TNHH \"" + anh + " Dương\"");
        CHECK(t.cell(1, 2) == "Số 2, đường Nguyễn Trãi\nphường Quang Trung");
        CHECK(t.cell(1, 3) == "87,5");
        CHECK(t.cell(2, 0) == "4900123456");
        CHECK(t.cell(2, 1) == "Hợp tác xã dệt Lạng Sơn");
        // Row 3 spans lines 3-4 (a line break inside quotes) and row 4 is blank.
        CHECK(t.rows[1].row == 3);
        CHECK(t.rows[2].row == 5);
        CHECK(t.rows[2].line == 6);
        CHECK(t.column("so lao dong") == 3);
    };
    auto tcvn3 = readCsvFile(dataPath("facilities_tcvn3.csv"));
    INFO((tcvn3 ? "" : tcvn3.error().describe()));
    REQUIRE(tcvn3.ok());
    CHECK(tcvn3->encoding == TextEncoding::Tcvn3);
    check(*tcvn3, "ánh");

    auto vni = readCsvFile(dataPath("facilities_vni.csv"));
    REQUIRE(vni.ok());
    CHECK(vni->encoding == TextEncoding::Vni);
    check(*vni, "Ánh");

    auto bom = readCsvFile(dataPath("facilities_utf8_bom.csv"));
    REQUIRE(bom.ok());
    CHECK(bom->encoding == TextEncoding::Utf8Bom);
    check(*bom, "Ánh");

    auto forced = readCsvFile(dataPath("facilities_vni.csv"), TextEncoding::Vni);
    REQUIRE(forced.ok());
    check(*forced, "Ánh");
}

TEST_CASE("a wrong encoding is refused instead of turning into mojibake") {
    // VNI bytes forced through TCVN3.
    auto wrong = readCsvFile(dataPath("facilities_vni.csv"), TextEncoding::Tcvn3);
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().message.find("TCVN3") != std::string::npos);

    // A UTF-8 file that was once read as Windows-1252 and saved again.
    const std::string garbled =
        "Tên,Địa chỉ\nCá»¥m cÃ´ng nghiá»‡p,Ä\u2018á»“ng VÄƒn\nCÃ´ng ty,HÃ  Ná»™i\n";
    auto r = parseCsv(garbled, "g.csv");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().file == "g.csv");
    CsvOptions lenient;
    lenient.refuseMojibake = false;
    CHECK(parseCsv(garbled, "g.csv", lenient).ok());

    // Too little text to know which legacy encoding: ask.
    auto unsure = parseCsv("ten\nCo\xE2ng ty\n", "u.csv");
    REQUIRE_FALSE(unsure.ok());
    CHECK(unsure.error().message.find("encoding") != std::string::npos);
}

TEST_CASE("a missing file is an error naming it") {
    auto r = readCsvFile("/nonexistent/dir/x.csv");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().file == "/nonexistent/dir/x.csv");
}

TEST_CASE("many rows with quotes in every position parse back to what was written") {
    TempDir dir;
    const std::string path = dir.file("many.csv");
    auto cellText = [](int row, int col) {
        std::string s = numbered("r", row);
        s += numbered("c", col);
        if ((row + col) % 7 == 0)
            s += ", có dấu phẩy";
        if ((row + col) % 11 == 0)
            s += " \"trích\"";
        if ((row * col) % 13 == 5)
            s += "\nxuống dòng";
        if ((row + 2 * col) % 17 == 0)
            s.clear();
        return s;
    };
    {
        std::ofstream out(path, std::ios::binary);
        out << "c0,c1,c2,c3,c4\r\n";
        for (int row = 0; row < 20000; ++row) {
            for (int col = 0; col < 5; ++col) {
                const std::string s = cellText(row, col);
                const bool quote = s.find_first_of(",\"\n") != std::string::npos;
                std::string escaped;
                for (char c : s)
                    escaped += c == '"' ? std::string("\"\"") : std::string(1, c);
                out << (col ? "," : "") << (quote ? "\"" + escaped + "\"" : escaped);
            }
            out << "\r\n";
        }
    }
    auto t = readCsvFile(path, TextEncoding::Utf8);
    REQUIRE(t.ok());
    REQUIRE(t->rows.size() == 20000);
    int mismatches = 0;
    for (int row = 0; row < 20000; ++row) {
        CHECK(t->rows[row].row == row + 2);
        for (int col = 0; col < 5; ++col)
            mismatches += t->cell(row, col) != cellText(row, col);
    }
    CHECK(mismatches == 0);
}

TEST_CASE("tables can be built without a file") {
    Table t;
    t.header = {"Mã số thuế", "Tên"};
    t.addRow(2, 2, {"0101", "Công ty A"});
    t.addRow(3, 3, {"0102"});
    REQUIRE(t.rows.size() == 2);
    CHECK(t.cell(0, 1) == "Công ty A");
    CHECK(t.cell(1, 0) == "0102");
    CHECK(t.cell(1, 1) == "");
    CHECK(t.cell(t.rows[1], t.column("ten")) == "");
    CHECK(t.cell(t.rows[0], t.column("ten")) == "Công ty A");
}

TEST_CASE("any text parses to a table or fails with a row") {
    std::mt19937 rng(11);
    const std::string alphabet = "ab,;\t\"\r\n ";
    int parsed = 0;
    for (int i = 0; i < 3000; ++i) {
        std::string text = "h1,h2,h3\n";
        const size_t n = rng() % 60;
        for (size_t k = 0; k < n; ++k)
            text += alphabet[rng() % alphabet.size()];
        CsvOptions options;
        options.encoding = TextEncoding::Utf8;
        options.delimiter = ',';
        auto r = parseCsv(text, "f.csv", options);
        if (!r) {
            CHECK(r.error().row >= 2);
            continue;
        }
        ++parsed;
        for (const TableRow& row : r->rows) {
            // Cells beyond the header's three may only be blank (a trailing delimiter).
            for (uint32_t c = 3; c < row.cellCount; ++c)
                CHECK(trimmed(r->cell(row, static_cast<int>(c))).empty());
            CHECK(row.row >= 2);
            CHECK(row.line >= row.row);  // a row never starts before its own line
        }
    }
    CHECK(parsed > 0);
}
