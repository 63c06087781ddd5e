#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/tabular/table.h"
#include "core/text/legacy_encodings.h"

namespace safemap {

/// \brief How to read a CSV file; the defaults detect everything.
struct CsvOptions {
    std::optional<TextEncoding> encoding;  ///< forced encoding; detected when empty
    char delimiter = 0;                    ///< field delimiter; sniffed when 0
    bool refuseMojibake = true;            ///< fail on text that reads like the wrong encoding
    /// Column names the caller understands; they find the header below title rows (see
    /// chooseHeaderRow). Empty: the first row is the header unless it looks like a title.
    std::vector<std::string> headerNames;
};

/// Parses CSV bytes (RFC 4180: quoted cells may hold delimiters, "" and line breaks; CRLF or
/// LF; a UTF-8 or UTF-16 byte order mark and Excel's "sep=;" line are understood). The
/// header is found by chooseHeaderRow (title rows above it are set aside). Rows whose cells
/// are all empty are skipped; rows with fewer cells than the header read the missing ones as
/// "". Fails with the file and spreadsheet row on: an unknown or unreliable encoding guess,
/// text that reads like the wrong encoding, a quote that is never closed, a row with a value
/// beyond the header's columns, a NUL byte (with its column).
Result<Table> parseCsv(std::string bytes, const std::string& fileName,
                       const CsvOptions& options = {});

/// Reads and parses a CSV file; `forced` skips encoding detection.
Result<Table> readCsvFile(const std::string& path,
                          std::optional<TextEncoding> forced = std::nullopt);
Result<Table> readCsvFile(const std::string& path, const CsvOptions& options);

}  // namespace safemap
