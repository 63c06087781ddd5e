#include "core/tabular/csv_reader.h"

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <limits>
#include <optional>

#include "core/tabular/csv_sniff.h"
#include "core/text/encoding_detect.h"
#include "core/text/utf8.h"

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
        stop_[0] = refuseNul;
        delimiter_ = delimiter;
    }

    /// Spreadsheet row of the record being read (after parse(): one past the last).
    long record() const { return record_; }

    Status parse(size_t start, long firstLine) {
        r_ = start;
        line_ = firstLine;
        const size_t n = text_.size();
        bool haveHeader = false;
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
            } else if (!haveHeader) {
                haveHeader = true;
                t_.headerRow = record_;
                for (uint32_t i = 0; i < count; ++i)
                    t_.header.emplace_back(cellAt(firstCell + i));
            } else {
                if (count > t_.header.size()) {
                    return Error("the row has " + std::to_string(count) +
                                     " cells but the header has " +
                                     std::to_string(t_.header.size()) + " columns",
                                 t_.fileName, record_);
                }
                t_.rows.push_back(TableRow{record_, recordLine, firstCell, count});
            }
            ++record_;
        }
        text_.resize(w_);
        if (!haveHeader)
            return Error("the file has no header row", t_.fileName);
        return {};
    }

private:
    std::string_view cellAt(uint32_t index) const {
        const uint32_t begin = index == 0 ? 0 : t_.cellEnds[index - 1];
        return std::string_view(text_).substr(begin, t_.cellEnds[index] - begin);
    }

    Error nulError(uint32_t firstCell) const {
        const size_t index = t_.cellEnds.size() - firstCell;
        std::string column = std::to_string(index + 1);
        if (index < t_.header.size() && !t_.header[index].empty() && isValidUtf8(t_.header[index]))
            column = t_.header[index];
        return Error(
            "a NUL byte (0x00) in this cell: the file is damaged or is not CSV text (open it in "
            "a spreadsheet program and save it again as CSV UTF-8)",
            t_.fileName, record_, column);
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
                return Error("a quoted cell is never closed: the quote opens on line " +
                                 std::to_string(openLine) + " and the file ends inside it",
                             t_.fileName, record_);
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
    bool refuseNul_ = false;
    std::array<bool, 256> stop_{};
    char delimiter_ = ',';
    size_t r_ = 0;  ///< read position
    size_t w_ = 0;  ///< write position, never past r_
    long line_ = 1;
    long record_ = 1;  ///< spreadsheet row of the record being read
};

Result<std::string> readFileBytes(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f)
        return Error(std::string("cannot open the file: ") + std::strerror(errno), path);
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
    std::fclose(f);
    if (failed)
        return Error("cannot read the file", path);
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
/// caller did not recognise), an old binary .xls, or UTF-16 ("Unicode text" in Excel).
std::optional<Error> notCsvText(std::string_view bytes, const std::string& fileName) {
    if (bytes.starts_with(std::string_view("PK\x03\x04", 4)))
        return Error(
            "this is a ZIP file, such as an XLSX or ODS workbook, not CSV text: give it the "
            "extension .xlsx or .ods, or save it as CSV UTF-8",
            fileName);
    if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
        return Error(
            "this is an Excel 97-2003 workbook (.xls), which SafeMap does not read: save it as "
            ".xlsx or as CSV UTF-8",
            fileName);
    const bool bomLE = bytes.starts_with("\xFF\xFE"), bomBE = bytes.starts_with("\xFE\xFF");
    // Without a byte order mark, ASCII text in UTF-16 has a NUL beside every other byte.
    const bool bareLE =
        bytes.size() >= 4 && bytes[0] != 0 && bytes[1] == 0 && bytes[2] != 0 && bytes[3] == 0;
    const bool bareBE =
        bytes.size() >= 4 && bytes[0] == 0 && bytes[1] != 0 && bytes[2] == 0 && bytes[3] != 0;
    if (bomLE || bomBE || bareLE || bareBE)
        return Error(
            "the file is UTF-16 text (Excel's \"Unicode text\"), which SafeMap does not read: "
            "save it as CSV UTF-8",
            fileName);
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
    return Error("a NUL byte (0x00): the file is damaged or is not CSV text", fileName);
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

}  // namespace

Result<Table> parseCsv(std::string bytes, const std::string& fileName, const CsvOptions& options) {
    if (auto notText = notCsvText(bytes, fileName))
        return *notText;
    if (bytes.find('\0') != std::string::npos)
        return nulByteError(std::move(bytes), fileName, options.delimiter);
    Table table;
    table.fileName = fileName;
    if (options.encoding) {
        table.encoding = *options.encoding;
    } else {
        const EncodingGuess guess = detectEncoding(bytes);
        const bool acceptSuspect = guess.mojibake && !options.refuseMojibake;
        if (!guess.reliable() && !acceptSuspect) {
            return Error("cannot tell the text encoding (" + guess.reason + "; best guess " +
                             std::string(encodingDisplayName(guess.encoding)) +
                             "): choose the file's encoding (utf-8, tcvn3, vni, viscii, cp1258)",
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
        return Error("the text does not read as Vietnamese when decoded as " +
                         std::string(encodingDisplayName(table.encoding)) +
                         ": the file is probably in another encoding, or was converted with "
                         "the wrong one before it was saved; choose the right encoding",
                     fileName);
    }
    if (text.size() >= std::numeric_limits<uint32_t>::max())
        return Error("the file is too large (4 GiB or more of text)", fileName);

    const Layout layout = layoutOf(text, options.delimiter);
    table.delimiter = layout.delimiter;
    CsvParser parser(table, table.delimiter);
    if (Status s = parser.parse(layout.start, layout.firstLine); !s)
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
