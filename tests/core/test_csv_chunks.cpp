// A CSV read in chunks (CsvChunks, issue 8) gives what the whole-file reader gives: the same
// rows, row numbers, cells and errors, whatever the chunk size and wherever a quoted cell
// with line breaks falls.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "core/tabular/csv_chunks.h"
#include "core/tabular/csv_reader.h"
#include "core/text/legacy_encodings.h"
#include "test_support.h"

using namespace safemap;

namespace {

void writeBytes(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

/// An office's sheet of `rows` facilities (about 60 bytes a row): a title row, Vietnamese
/// names, CRLF, a blank line now and then, and every 997th name quoted with a line break,
/// a comma and a doubled quote inside.
std::string officeSheet(int rows) {
    std::string s = "DANH SÁCH CƠ SỞ TỰ ĐÁNH GIÁ\r\nma_so_thue,ten,ngay,so_lao_dong\r\n";
    for (int i = 0; i < rows; ++i) {
        s += numbered("99", 10000000 + i);
        if (i % 997 == 5) {
            s += ",\"Công ty \"\"Hòa Bình\"\"\r\nchi nhánh, số ";
            s += std::to_string(i);
            s += "\",";
        } else {
            s += ",Nguyễn Thị Ánh ";
            s += std::to_string(i);
            s += ',';
        }
        s += "2021-06-14,";
        s += std::to_string(i % 500);
        s += "\r\n";
        if (i % 1301 == 7)
            s += "\r\n";
    }
    return s;
}

struct Row {
    long row;
    long line;
    std::vector<std::string> cells;
    bool operator==(const Row&) const = default;
};

void appendRows(const Table& t, std::vector<Row>& out) {
    for (const TableRow& r : t.rows) {
        Row row{r.row, r.line, {}};
        for (size_t c = 0; c < t.header.size(); ++c)
            row.cells.emplace_back(t.cell(r, static_cast<int>(c)));
        out.push_back(std::move(row));
    }
}

/// Every row of the file read through CsvChunks, or its error; `pieces` counts next()'s.
Result<std::vector<Row>> chunkedRows(const std::string& path, size_t chunkBytes, bool& streamed,
                                     int& pieces) {
    streamed = false;
    pieces = 0;
    auto chunks = CsvChunks::open(path, {}, chunkBytes);
    if (!chunks)
        return chunks.error();
    streamed = (*chunks)->streamed();
    std::vector<Row> rows;
    appendRows((*chunks)->head(), rows);
    Table piece;
    for (;;) {
        auto more = (*chunks)->next(piece);
        if (!more)
            return more.error();
        if (!*more)
            break;
        ++pieces;
        CHECK(piece.header == (*chunks)->head().header);
        appendRows(piece, rows);
    }
    CHECK((*chunks)->done() == (*chunks)->total());
    return rows;
}

}  // namespace

TEST_CASE("a large CSV read in chunks gives the rows, row numbers and cells read whole gives") {
    TempDir dir;
    const auto path = dir.file("lon.csv");
    writeBytes(path, officeSheet(60000));  // about 3.5 MB
    auto whole = readCsvFile(path);
    REQUIRE(whole.ok());
    std::vector<Row> expected;
    appendRows(*whole, expected);
    REQUIRE(expected.size() == 60000);
    for (size_t chunkBytes : {size_t{1000}, size_t{65536}, CsvChunks::kDefaultChunkBytes}) {
        INFO(chunkBytes);
        bool streamed = false;
        int pieces = 0;
        auto rows = chunkedRows(path, chunkBytes, streamed, pieces);
        REQUIRE(rows.ok());
        CHECK(streamed);
        CHECK(pieces >= (chunkBytes == 1000 ? 1000 : 1));
        CHECK(rows->size() == expected.size());
        CHECK(*rows == expected);
    }
    auto chunks = CsvChunks::open(path, {}, 1000);
    REQUIRE(chunks.ok());
    CHECK((*chunks)->head().titleRows.size() == 1);
    CHECK((*chunks)->head().headerRow == 2);
    CHECK((*chunks)->head().encoding == TextEncoding::Utf8);
}

TEST_CASE("a bad row far into a chunked CSV is the whole-file reader's error") {
    TempDir dir;
    const auto path = dir.file("xau.csv");
    std::string bytes = officeSheet(50000);
    SECTION("a value beyond the header's columns") {
        bytes += "9912345678,Trần Văn Bình,2021-06-14,5,thừa\r\n";
        bytes += "9912345679,Lê Thị Hoa,2021-06-14,5\r\n";
    }
    SECTION("a quote never closed") {
        bytes += "9912345678,\"Trần Văn Bình,2021-06-14,5\r\n9912345679,a,2021-06-14,5\r\n";
    }
    writeBytes(path, bytes);
    auto whole = readCsvFile(path);
    REQUIRE_FALSE(whole.ok());
    bool streamed = false;
    int pieces = 0;
    auto rows = chunkedRows(path, 4096, streamed, pieces);
    REQUIRE_FALSE(rows.ok());
    CHECK(rows.error().code == whole.error().code);
    CHECK(rows.error().row == whole.error().row);
    CHECK(rows.error().row > 50000);
    CHECK(rows.error().message == whole.error().message);
}

TEST_CASE("a CSV the chunked reader cannot judge from its start is read whole") {
    TempDir dir;
    const auto path = dir.file("khac.csv");
    SECTION("a small file") {
        writeBytes(path, officeSheet(100));
    }
    SECTION("TCVN3") {
        writeBytes(path, encodeFromUtf8(officeSheet(50000), TextEncoding::Tcvn3));
    }
    SECTION("bytes that are not UTF-8 late in the file") {
        writeBytes(path, officeSheet(50000) + "9912345678,Tr\xE0n,2021-06-14,5\r\n");
    }
    SECTION("ASCII for megabytes, then Vietnamese") {
        std::string ascii = "ma_so_thue,ten,ngay,so_lao_dong\n";
        for (int i = 0; i < 60000; ++i) {
            ascii += numbered("99", 10000000 + i);
            ascii += ",Cong ty,2021-06-14,5\n";
        }
        writeBytes(path, ascii + "9912345678,Công ty Hòa Bình,2021-06-14,5\n");
    }
    auto whole = readCsvFile(path);
    bool streamed = true;
    int pieces = 0;
    auto rows = chunkedRows(path, 4096, streamed, pieces);
    CHECK_FALSE(streamed);
    CHECK(pieces == 0);
    REQUIRE(rows.ok() == whole.ok());
    if (whole.ok()) {
        std::vector<Row> expected;
        appendRows(*whole, expected);
        CHECK(*rows == expected);
    } else {
        CHECK(rows.error().code == whole.error().code);
        CHECK(rows.error().row == whole.error().row);
    }
}

TEST_CASE("a chunk that starts with U+FEFF keeps it, as the whole-file reader does") {
    // Only the file's first bytes can be a byte order mark; further on U+FEFF is text.
    TempDir dir;
    const auto path = dir.file("feff.csv");
    std::string bytes = "ma_so_thue,ten,ngay\n";
    for (int i = 0; i < 80000; ++i) {  // about 3 MB: more than the first piece
        bytes += "\xEF\xBB\xBF";
        bytes += numbered("99", 10000000 + i);
        bytes += ",Lê Thị Hoa,2021-06-14\n";
    }
    writeBytes(path, bytes);
    auto whole = readCsvFile(path);
    REQUIRE(whole.ok());
    std::vector<Row> expected;
    appendRows(*whole, expected);
    REQUIRE(expected.back().cells[0].starts_with("\xEF\xBB\xBF"));
    bool streamed = false;
    int pieces = 0;
    auto rows = chunkedRows(path, 1000, streamed, pieces);
    REQUIRE(rows.ok());
    CHECK(streamed);
    CHECK(pieces > 100);
    CHECK(*rows == expected);
}
