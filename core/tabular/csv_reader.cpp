#include "core/tabular/csv_reader.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <limits>
#include <optional>

#include "core/errors/error_catalogue.h"
#include "core/tabular/csv_sniff.h"
#include "core/tabular/header_row.h"
#include "core/text/encoding_detect.h"
#include "core/text/utf8.h"
#include "core/text/utf8_scan.h"

namespace safemap {

namespace {

/// Enough decoded text to tell mis-decoded text from real Vietnamese.
constexpr size_t kMojibakeSample = 1 << 20;

std::string_view leadingSample(std::string_view text, size_t limit) {
    if (text.size() <= limit)
        return text;
    size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return text.substr(0, end);
}

/// Parses decoded text in place: cell contents are compacted towards the front of the same
/// buffer (they never grow: quotes and delimiters only go away), so there is no allocation
/// per cell.
class CsvParser {
public:
    /// `refuseNul`: stop at a NUL byte with its row and column (used on the raw bytes of a
    /// file known to hold one; text without NUL never pays for the check).
    CsvParser(Table& table, char delimiter, bool refuseNul = false)
        : t_(table), text_(table.cellText), refuseNul_(refuseNul) {
        stop_.fill(false);
        stop_[static_cast<unsigned char>(delimiter)] = true;
        stop_['\n'] = true;
        stop_['\r'] = true;
        delimiter_ = delimiter;
        stop_[0] = refuseNul;
    }

    /// Spreadsheet row of the record being read (after parse(): one past the last).
    long record() const { return record_; }

    /// Reads every record; non-blank ones become rows (the header is chosen afterwards).
    Status parse(size_t start, long firstLine) {
        r_ = start;
        line_ = firstLine;
        const size_t n = text_.size();
        while (r_ < n) {
            const long recordLine = line_;
            const auto firstCell = static_cast<uint32_t>(t_.cellEnds.size());
            const size_t recordStart = w_;
            bool allEmpty = true;
            if (Status s = readRecord(allEmpty); !s)
                return s;
            const auto count = static_cast<uint32_t>(t_.cellEnds.size() - firstCell);
            if (allEmpty) {
                // A blank line or a row of empty cells is no data, but it is a row in Excel.
                t_.cellEnds.resize(firstCell);
                w_ = recordStart;
            } else {
                t_.rows.push_back(TableRow{record_, recordLine, firstCell, count});
            }
            ++record_;
        }
        text_.resize(w_);
        return {};
    }

private:
    /// The NUL error at the cell being read. The header is not chosen yet: the column is
    /// named by the first row's cell above it when there is one.
    Error nulError(uint32_t firstCell) const {
        const size_t index = t_.cellEnds.size() - firstCell;
        std::string column = std::to_string(index + 1);
        if (!t_.rows.empty() && index < t_.rows.front().cellCount) {
            const TableRow& head = t_.rows.front();
            const uint32_t c = head.firstCell + static_cast<uint32_t>(index);
            const uint32_t begin = c == 0 ? 0 : t_.cellEnds[c - 1];
            const std::string name = text_.substr(begin, t_.cellEnds[c] - begin);
            if (!name.empty() && isValidUtf8(name))
                column = name;
        }
        return codedError("csv.nul_in_cell", {}, t_.fileName, record_, column);
    }

    /// Reads one record from r_, leaving r_ after its line break.
    Status readRecord(bool& allEmpty) {
        char* const p = text_.data();
        const size_t n = text_.size();
        const auto firstCell = static_cast<uint32_t>(t_.cellEnds.size());
        for (;;) {
            const size_t cellStart = w_;
            if (r_ < n && p[r_] == '"') {
                if (Status s = readQuoted(firstCell); !s)
                    return s;
            }
            // Unquoted cell, or whatever follows a closing quote up to the delimiter (kept as
            // text, as spreadsheet programs do, rather than failing on `"a"b`).
            // Locals: p aliases everything, so members would be reloaded for every byte.
            size_t r = r_;
            size_t w = w_;
            const bool* const stop = stop_.data();
            while (r < n && !stop[static_cast<unsigned char>(p[r])])
                p[w++] = p[r++];
            r_ = r;
            w_ = w;
            if (refuseNul_ && r_ < n && p[r_] == '\0')
                return nulError(firstCell);
            if (w_ != cellStart)
                allEmpty = false;
            t_.cellEnds.push_back(static_cast<uint32_t>(w_));
            if (r_ < n && p[r_] == delimiter_) {
                ++r_;
                continue;
            }
            if (r_ < n) {  // line break: CRLF, LF or a lone CR
                if (p[r_] == '\r' && r_ + 1 < n && p[r_ + 1] == '\n')
                    ++r_;
                ++r_;
                ++line_;
            }
            return {};
        }
    }

    Status readQuoted(uint32_t firstCell) {
        char* const p = text_.data();
        const size_t n = text_.size();
        const long openLine = line_;
        ++r_;
        for (;;) {
            const void* found = std::memchr(p + r_, '"', n - r_);
            if (!found) {
                return codedError("csv.unclosed_quote", {std::to_string(openLine)}, t_.fileName,
                                  record_);
            }
            const auto q = static_cast<size_t>(static_cast<const char*>(found) - p);
            if (refuseNul_ && std::memchr(p + r_, '\0', q - r_))
                return nulError(firstCell);
            for (size_t i = r_; i < q; ++i)
                line_ += p[i] == '\n' ? 1 : 0;
            std::memmove(p + w_, p + r_, q - r_);
            w_ += q - r_;
            r_ = q + 1;
            if (r_ < n && p[r_] == '"') {  // "" is one quote
                p[w_++] = '"';
                ++r_;
                continue;
            }
            return {};
        }
    }

    Table& t_;
    std::string& text_;
    std::array<bool, 256> stop_{};
    char delimiter_ = ',';
    bool refuseNul_ = false;
    size_t r_ = 0;  ///< read position
    size_t w_ = 0;  ///< write position, never past r_
    long line_ = 1;
    long record_ = 1;  ///< spreadsheet row of the record being read
};

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

/// Where the records of some text start and how they are split: after Excel's "sep=;" line,
/// if any, with that delimiter unless one is given, else the sniffed one.
struct Layout {
    size_t start = 0;
    long firstLine = 1;
    char delimiter = 0;
};

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
    if (options.refuseMojibake && looksLikeMojibake(leadingSample(text, kMojibakeSample))) {
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
