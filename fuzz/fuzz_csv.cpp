// CSV reading as the importers do it: encoding detection, decoding, the mojibake check,
// delimiter sniffing and parsing (core/tabular/csv_reader). Whatever the bytes, the result is
// a table whose cells are UTF-8 and whose rows are numbered as a spreadsheet shows them, or
// an error that people can read.
#include "core/tabular/csv_reader.h"
#include "core/text/utf8.h"
#include "fuzz_support.h"

using namespace safemap;

namespace {

void checkTable(const Table& t) {
    FUZZ_CHECK(t.headerRow >= 1, "");
    FUZZ_CHECK(!t.header.empty(), "");
    long previous = t.headerRow;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const TableRow& row = t.rows[i];
        FUZZ_CHECK(row.row > previous, std::to_string(row.row));
        FUZZ_CHECK(row.line >= row.row - t.headerRow + 1, std::to_string(row.line));
        FUZZ_CHECK(row.cellCount >= 1 && row.cellCount <= t.header.size(), "");
        previous = row.row;
        bool any = false;
        for (int c = 0; c < static_cast<int>(t.header.size()) + 1; ++c)
            any = any || !t.cell(row, c).empty();
        FUZZ_CHECK(any, "a row of empty cells is no row");
    }
    FUZZ_CHECK(isValidUtf8(t.cellText), "cells must be UTF-8");
    for (const auto& h : t.header)
        FUZZ_CHECK(isValidUtf8(h), h);
    FUZZ_CHECK(t.cellText.find('\0') == std::string::npos, "a NUL byte reached a cell");
}

void run(std::string_view bytes, const CsvOptions& options) {
    auto r = parseCsv(std::string(bytes), "fuzz.csv", options);
    if (r) {
        checkTable(*r);
    } else {
        fuzz::checkError(r.error());
        FUZZ_CHECK(r.error().file == "fuzz.csv", r.error().describe());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = fuzz::bytesOf(data, size);
    run(bytes, {});  // everything detected, as the importers read a file
    // Also each choice a user can force, picked by the input's size so that both paths see
    // the same bytes.
    CsvOptions forced;
    forced.encoding = static_cast<TextEncoding>(size % 6);
    forced.delimiter = ",;\t|"[(size / 6) % 4];
    forced.refuseMojibake = (size / 24) % 2 == 0;
    run(bytes, forced);
    return 0;
}
