#include "core/tabular/csv_chunks.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>

#include "core/tabular/csv_parser.h"
#include "core/tabular/header_row.h"
#include "core/text/encoding_detect.h"
#include "core/text/utf8_scan.h"

namespace safemap {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
/// \brief What one pass over the file found.
struct Scan {
    bool utf8 = true;  ///< valid UTF-8 throughout, no NUL byte, not UTF-16 or a workbook
    bool nonAscii = false;
};

/// Reads the file once, a megabyte at a time: is it UTF-8 text that CsvChunks may stream?
Scan scanFile(std::FILE* f) {
    Scan scan;
    std::string buffer;
    std::string block(size_t{1} << 20, '\0');
    bool first = true;
    for (;;) {
        const size_t got = std::fread(block.data(), 1, block.size(), f);
        if (got == 0)
            break;
        const std::string_view bytes(block.data(), got);
        if (first) {
            first = false;
            if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF") ||
                bytes.starts_with(std::string_view("PK\x03\x04", 4)))
                return Scan{false, false};
        }
        if (std::memchr(bytes.data(), '\0', bytes.size()))
            return Scan{false, false};
        // `buffer` holds a multi-byte character cut by the previous block, if any.
        buffer.append(bytes);
        if (findNonAscii(buffer) != std::string_view::npos)
            scan.nonAscii = true;
        const size_t bad = findInvalidUtf8(buffer);
        if (bad == std::string_view::npos) {
            buffer.clear();
        } else if (buffer.size() - bad < 4) {
            buffer.erase(0, bad);  // judged with the next block's bytes
        } else {
            return Scan{false, false};
        }
    }
    if (std::ferror(f) || !buffer.empty())
        return Scan{false, false};
    return scan;
}

}  // namespace

CsvChunks::~CsvChunks() {
    if (file_)
        std::fclose(file_);
}

Result<std::unique_ptr<CsvChunks>> CsvChunks::open(const std::string& path,
                                                   const CsvOptions& options, size_t chunkBytes) {
    auto whole = [&]() -> Result<std::unique_ptr<CsvChunks>> {
        auto table = readCsvFile(path, options);
        if (!table)
            return table.error();
        std::unique_ptr<CsvChunks> c(new CsvChunks);
        c->head_ = std::move(table).value();
        c->fileSize_ = c->consumed_ = 1;
        return c;
    };
    if (options.encoding && *options.encoding != TextEncoding::Utf8 &&
        *options.encoding != TextEncoding::Utf8Bom)
        return whole();
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f)
        return whole();  // its error names the file and the reason
    std::unique_ptr<CsvChunks> c(new CsvChunks);
    c->file_ = f;
    c->chunkBytes_ = std::max<size_t>(chunkBytes, 1);
    const size_t headBytes = std::max(c->chunkBytes_, kMinimumHeadBytes);
    if (std::fseek(f, 0, SEEK_END) != 0)
        return whole();
    const long size = std::ftell(f);
    if (size <= 0 || static_cast<unsigned long>(size) <= headBytes)
        return whole();
    c->fileSize_ = static_cast<unsigned long long>(size);
    std::rewind(f);
    const Scan scan = scanFile(f);
    if (!scan.utf8)
        return whole();
    std::rewind(f);

    // The first piece: the encoding verdict, the layout and the header, as parseCsv finds them.
    c->head_.fileName = path;
    if (auto st = c->fill(headBytes); !st)
        return st.error();
    size_t cut = c->pending_.find('\n', headBytes - 1);
    while (cut == std::string::npos && !c->eof_) {
        if (auto st = c->fill(c->pending_.size() * 2); !st)
            return st.error();
        cut = c->pending_.find('\n', headBytes - 1);
    }
    if (cut == std::string::npos)
        return whole();
    const std::string_view raw(c->pending_.data(), cut + 1);
    if (options.encoding) {
        c->head_.encoding = *options.encoding;
    } else {
        if (scan.nonAscii && !utf8VerdictSettledBy(raw))
            return whole();
        const EncodingGuess guess = detectEncoding(raw);
        if (!guess.reliable() ||
            (guess.encoding != TextEncoding::Utf8 && guess.encoding != TextEncoding::Utf8Bom))
            return whole();
        c->head_.encoding = guess.encoding;
    }
    if (auto st = c->cutAndParse(c->head_, cut + 1, true, options); !st)
        return st.error();
    if (options.refuseMojibake) {
        // Checked on the cells of the first piece, which hold at least the leading megabyte
        // parseCsv checks; a file that fails is read whole to give parseCsv's error.
        if (c->head_.cellText.size() < kMojibakeSampleBytes ||
            looksLikeMojibake(mojibakeSample(c->head_.cellText)))
            return whole();
    }
    return c;
}

Status CsvChunks::fill(size_t want) {
    const size_t old = pending_.size();
    if (old >= want || eof_)
        return {};
    pending_.resize(want);
    size_t have = old;
    while (have < want) {
        const size_t got = std::fread(pending_.data() + have, 1, want - have, file_);
        if (got == 0) {
            if (std::ferror(file_))
                return fileError("read", errno, head_.fileName);
            eof_ = true;
            break;
        }
        have += got;
    }
    pending_.resize(have);
    return {};
}

Status CsvChunks::cutAndParse(Table& table, size_t want, bool first, const CsvOptions& options) {
    for (;;) {
        if (auto st = fill(want); !st)
            return st;
        size_t cut = pending_.size();
        if (!eof_ || pending_.size() > want) {
            const size_t nl = pending_.rfind('\n', want - 1);
            if (nl == std::string::npos && !eof_) {
                want = pending_.size() * 2;
                continue;
            }
            if (nl != std::string::npos)
                cut = nl + 1;
        }
        const bool last = eof_ && cut == pending_.size();
        table.rows.clear();
        table.cellEnds.clear();
        table.cellText.assign(pending_, 0, cut);
        const bool bomInside = !first && std::string_view(table.cellText).starts_with(kUtf8Bom);
        auto decoded =
            decodeBufferToUtf8(std::move(table.cellText), table.encoding, table.fileName);
        if (!decoded) {
            // The file changed since it was scanned; name the line in the file.
            Error e = decoded.error();
            if (e.row > 0)
                e.row += line_ - 1;
            return e;
        }
        table.cellText = std::move(decoded).value();
        if (bomInside) {  // U+FEFF in the middle of the file is a character, not a mark
            // Appended rather than inserted at the front: g++ 12 -O3 warns (-Wrestrict) on that.
            std::string marked(kUtf8Bom);
            marked += table.cellText;
            table.cellText = std::move(marked);
        }
        if (table.cellText.size() >= std::numeric_limits<uint32_t>::max())
            return codedError("file.too_large", {}, table.fileName);
        Status parsed;
        long nextRecord = 0;
        long nextLine = 0;
        if (first) {
            const Layout layout = layoutOf(table.cellText, options.delimiter);
            table.delimiter = layout.delimiter;
            CsvParser parser(table, table.delimiter);
            parsed = parser.parse(layout.start, layout.firstLine);
            nextRecord = parser.record();
            nextLine = parser.line();
        } else {
            CsvParser parser(table, table.delimiter, false, record_);
            parsed = parser.parse(0, line_);
            nextRecord = parser.record();
            nextLine = parser.line();
        }
        if (!parsed) {
            // A cut inside a quoted cell leaves its quote open: take more of the file. At the
            // end of the file the quote is really never closed.
            if (last)
                return parsed;
            want = std::max(pending_.size(), want) * 2;
            continue;
        }
        pending_.erase(0, cut);
        consumed_ += cut;
        record_ = nextRecord;
        line_ = nextLine;
        if (first)
            return chooseHeaderRow(table, options.headerNames);
        return fitRowsToHeader(table);
    }
}

Result<bool> CsvChunks::next(Table& chunk) {
    if (!file_ || (pending_.empty() && eof_))
        return false;
    if (pending_.empty()) {
        if (auto st = fill(1); !st)
            return st.error();
        if (pending_.empty())
            return false;
    }
    chunk.fileName = head_.fileName;
    chunk.header = head_.header;
    chunk.encoding = head_.encoding;
    chunk.delimiter = head_.delimiter;
    chunk.headerRow = head_.headerRow;
    chunk.titleRows.clear();
    if (auto st = cutAndParse(chunk, chunkBytes_, false, {}); !st)
        return st.error();
    return true;
}

}  // namespace safemap
