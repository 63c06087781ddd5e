#include "core/tabular/csv_reader.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <limits>
#include <optional>

#include "core/errors/error_catalogue.h"
#include "core/tabular/csv_parser.h"
#include "core/tabular/csv_sniff.h"
#include "core/tabular/header_row.h"
#include "core/text/encoding_detect.h"
#include "core/text/utf8.h"
#include "core/text/utf8_scan.h"

namespace safemap {

namespace {

/// A NUL byte has no place in text: the file is binary, or UTF-16 that lost its byte order
/// mark. Named at its cell so that it is not blamed on whatever parses that cell.
Status checkNoNulBytes(const Table& table) {
    const std::string& text = table.cellText;
    const void* nul = std::memchr(text.data(), '\0', text.size());
    if (!nul)
        return {};
    const auto offset = static_cast<uint32_t>(static_cast<const char*>(nul) - text.data());
    // The cell holding the byte: the first whose end lies beyond it.
    const auto cellIt = std::upper_bound(table.cellEnds.begin(), table.cellEnds.end(), offset);
    const auto cell = static_cast<uint32_t>(cellIt - table.cellEnds.begin());
    auto inRow = [cell](const TableRow& r) {
        return cell >= r.firstCell && cell < r.firstCell + r.cellCount;
    };
    for (const TableRow& r : table.rows)
        if (inRow(r)) {
            const size_t column = cell - r.firstCell;
            return codedError("csv.nul_binary", {}, table.fileName, r.row,
                              column < table.header.size() && !table.header[column].empty()
                                  ? table.header[column]
                                  : std::to_string(column + 1));
        }
    return codedError("csv.nul_binary", {}, table.fileName, table.headerRow);
}

/// Bytes that are UTF-8 up to a point and then are not (a file pasted together from two
/// sources, or one bad cell): worth naming the cell rather than guessing a legacy encoding.
bool isMixedUtf8(std::string_view bytes) {
    const size_t bad = findInvalidUtf8(bytes);
    return bad != std::string_view::npos && findNonAscii(bytes) < bad;
}

/// The error for isMixedUtf8 text: parses it with the bad bytes replaced to find the first
/// cell that holds one, and names its row and column.
Error mixedUtf8Error(std::string_view bytes, const std::string& fileName, const CsvOptions& opts) {
    const size_t bad = findInvalidUtf8(bytes);
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X",
                  static_cast<unsigned>(static_cast<unsigned char>(bytes[bad])));
    const auto what = [&](long row, std::string column = {}) {
        return codedError("text.mixed_utf8", {hex}, fileName, row, std::move(column));
    };
    std::string lenient;
    lenient.reserve(bytes.size() + 16);
    for (size_t pos = 0; pos < bytes.size();)
        appendUtf8(lenient, nextCodePoint(bytes, pos));
    CsvOptions again = opts;
    again.encoding = TextEncoding::Utf8;
    again.refuseMojibake = false;
    auto table = parseCsv(std::move(lenient), fileName, again);
    if (!table)
        return what(lineOfOffset(bytes, bad));
    constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
    for (size_t c = 0; c < table->header.size(); ++c)
        if (table->header[c].find(kReplacement) != std::string::npos)
            return what(table->headerRow, std::to_string(c + 1));
    for (const TableRow& row : table->rows)
        for (uint32_t c = 0; c < row.cellCount; ++c)
            if (table->cell(row, static_cast<int>(c)).find(kReplacement) != std::string::npos)
                return what(row.row,
                            c < table->header.size() ? table->header[c] : std::to_string(c + 1));
    return what(lineOfOffset(bytes, bad));
}

Result<std::string> readFileBytes(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f)
        return fileError("open", errno, path);
    std::string bytes;
    // Read straight into the string: one copy of a file that may be hundreds of megabytes.
    if (std::fseek(f, 0, SEEK_END) == 0) {
        const long size = std::ftell(f);
        if (size > 0)
            bytes.resize(static_cast<size_t>(size));
        std::fseek(f, 0, SEEK_SET);
    }
    size_t got = std::fread(bytes.data(), 1, bytes.size(), f);
    bytes.resize(got);
    // Whatever the size said, read to the end (pipes, files that grew).
    std::array<char, 1 << 16> buffer;
    while ((got = std::fread(buffer.data(), 1, buffer.size(), f)) > 0)
        bytes.append(buffer.data(), got);
    const bool failed = std::ferror(f) != 0;
    const int err = errno;
    std::fclose(f);
    if (failed)
        return fileError("read", err, path);
    return bytes;
}

/// Bytes that are not CSV text at all, named for what they are instead of failing as an
/// unknown encoding: a workbook saved with the wrong extension (or an upper-case one a
/// caller did not recognise), or an old binary .xls. (UTF-16, Excel's "Unicode text", is
/// text: the decoder reads it.)
std::optional<Error> notCsvText(std::string_view bytes, const std::string& fileName) {
    if (bytes.starts_with(std::string_view("PK\x03\x04", 4)))
        return codedError("csv.zip_not_text", {}, fileName);
    if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
        return codedError("csv.xls_not_read", {}, fileName);
    return std::nullopt;
}

/// The row and column of the first NUL byte, found by parsing the raw bytes (delimiters,
/// quotes and line breaks are ASCII in every encoding SafeMap reads, so the structure is the
/// same before decoding).
Error nulByteError(std::string bytes, const std::string& fileName, char delimiter) {
    Table raw;
    raw.fileName = fileName;
    raw.cellText = std::move(bytes);
    if (std::string_view(raw.cellText).starts_with("\xEF\xBB\xBF"))
        raw.cellText.erase(0, 3);
    const Layout l = layoutOf(raw.cellText, delimiter);
    CsvParser parser(raw, l.delimiter, true);
    if (Status s = parser.parse(l.start, l.firstLine); !s)
        return s.error();
    return codedError("csv.nul_byte", {}, fileName);
}

/// The spreadsheet row of text line `line` (counted by '\n' from 1, as decoding errors
/// count): records may span lines inside quoted cells, so the two differ after such a cell.
long rowOfLine(std::string bytes, long line, char delimiter) {
    size_t lineStart = 0;
    for (long l = 1; l < line && lineStart < bytes.size(); ++l) {
        const size_t eol = bytes.find('\n', lineStart);
        if (eol == std::string::npos)
            break;
        lineStart = eol + 1;
    }
    bytes.resize(lineStart);  // the records before the line; the parser then stands on its row
    Table raw;
    raw.cellText = std::move(bytes);
    if (std::string_view(raw.cellText).starts_with("\xEF\xBB\xBF"))
        raw.cellText.erase(0, 3);
    const Layout l = layoutOf(raw.cellText, delimiter);
    CsvParser parser(raw, l.delimiter);
    (void)parser.parse(l.start, l.firstLine);  // an error there still leaves record() on it
    return parser.record();
}

/// UTF-16 text (with or without a byte order mark) has NUL bytes that are not damage.
bool looksLikeUtf16(std::string_view bytes) {
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"))
        return true;
    // Without a byte order mark, ASCII text in UTF-16 has a NUL beside every other byte.
    return bytes.size() >= 4 &&
           ((bytes[0] != 0 && bytes[1] == 0 && bytes[2] != 0 && bytes[3] == 0) ||
            (bytes[0] == 0 && bytes[1] != 0 && bytes[2] == 0 && bytes[3] != 0));
}

}  // namespace

Layout layoutOf(std::string_view text, char delimiter) {
    Layout l;
    l.delimiter = delimiter;
    if (const char sep = excelSeparatorLine(text); sep != 0) {
        // Excel's "sep=;" line is not shown as a row, so the header stays row 1.
        const size_t eol = text.find('\n');
        l.start = eol == std::string_view::npos ? text.size() : eol + 1;
        l.firstLine = 2;
        if (l.delimiter == 0)
            l.delimiter = sep;
    }
    if (l.delimiter == 0)
        l.delimiter = sniffDelimiter(text.substr(l.start));
    return l;
}

Result<Table> parseCsv(std::string bytes, const std::string& fileName, const CsvOptions& options) {
    if (auto notText = notCsvText(bytes, fileName))
        return *notText;
    if (!looksLikeUtf16(bytes) && bytes.find('\0') != std::string::npos)
        return nulByteError(std::move(bytes), fileName, options.delimiter);
    Table table;
    table.fileName = fileName;
    if (options.encoding) {
        table.encoding = *options.encoding;
    } else {
        const EncodingGuess guess = detectEncoding(bytes);
        const bool acceptSuspect = guess.mojibake && !options.refuseMojibake;
        if (!guess.reliable() && !acceptSuspect) {
            if (isMixedUtf8(bytes))
                return mixedUtf8Error(bytes, fileName, options);
            return codedError("text.encoding_unknown",
                              {guess.reason, std::string(encodingDisplayName(guess.encoding))},
                              fileName);
        }
        table.encoding = guess.encoding;
    }
    std::string undecoded;
    auto decoded = decodeBufferToUtf8(std::move(bytes), table.encoding, fileName, &undecoded);
    if (!decoded) {
        Error e = decoded.error();
        if (e.row > 0)  // the decoder counts lines; people look for the spreadsheet row
            e.row = rowOfLine(std::move(undecoded), e.row, options.delimiter);
        return e;
    }
    table.cellText = std::move(decoded.value());
    const std::string& text = table.cellText;
    if (options.refuseMojibake && looksLikeMojibake(mojibakeSample(text))) {
        return codedError("text.mojibake", {std::string(encodingDisplayName(table.encoding))},
                          fileName);
    }
    if (text.size() >= std::numeric_limits<uint32_t>::max())
        return codedError("file.too_large", {}, fileName);

    const Layout layout = layoutOf(text, options.delimiter);
    table.delimiter = layout.delimiter;
    CsvParser parser(table, table.delimiter);
    if (Status s = parser.parse(layout.start, layout.firstLine); !s)
        return s.error();
    if (Status s = chooseHeaderRow(table, options.headerNames); !s)
        return s.error();
    if (Status s = checkNoNulBytes(table); !s)
        return s.error();
    return table;
}

Result<Table> readCsvFile(const std::string& path, const CsvOptions& options) {
    auto bytes = readFileBytes(path);
    if (!bytes)
        return bytes.error();
    return parseCsv(std::move(bytes.value()), path, options);
}

Result<Table> readCsvFile(const std::string& path, std::optional<TextEncoding> forced) {
    CsvOptions options;
    options.encoding = forced;
    return readCsvFile(path, options);
}

}  // namespace safemap
