#pragma once

// The CSV record parser shared by the whole-file reader (csv_reader.cpp) and the chunked one
// (csv_chunks.cpp). Internal to core/tabular.

#include <array>
#include <cstring>
#include <string>
#include <string_view>

#include "core/errors/error_catalogue.h"
#include "core/result.h"
#include "core/tabular/table.h"
#include "core/text/utf8.h"

namespace safemap {

/// How much of the decoded text the mojibake check reads (both readers read the same).
inline constexpr size_t kMojibakeSampleBytes = size_t{1} << 20;

/// The first kMojibakeSampleBytes of `text`, not cutting a character.
inline std::string_view mojibakeSample(std::string_view text) {
    return text.substr(0, utf8CutPoint(text, kMojibakeSampleBytes));
}

/// Parses decoded text in place: cell contents are compacted towards the front of the same
/// buffer (they never grow: quotes and delimiters only go away), so there is no allocation
/// per cell.
class CsvParser {
public:
    /// `refuseNul`: stop at a NUL byte with its row and column (used on the raw bytes of a
    /// file known to hold one; text without NUL never pays for the check).
    /// `record`: the spreadsheet row the text starts at (a chunk of a file continues the
    /// numbering; parse() is given its text line).
    CsvParser(Table& table, char delimiter, bool refuseNul = false, long record = 1)
        : t_(table), text_(table.cellText), refuseNul_(refuseNul), record_(record) {
        stop_.fill(false);
        stop_[static_cast<unsigned char>(delimiter)] = true;
        stop_['\n'] = true;
        stop_['\r'] = true;
        delimiter_ = delimiter;
        stop_[0] = refuseNul;
    }

    /// Spreadsheet row of the record being read (after parse(): one past the last).
    long record() const { return record_; }
    /// Text line of the record being read (after parse(): one past the last).
    long line() const { return line_; }

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

/// Where the records of some text start and how they are split: after Excel's "sep=;" line,
/// if any, with that delimiter unless one is given, else the sniffed one.
struct Layout {
    size_t start = 0;
    long firstLine = 1;
    char delimiter = 0;
};

Layout layoutOf(std::string_view text, char delimiter);

}  // namespace safemap
