#pragma once

#include <string>
#include <vector>

#include "core/project/export_heading.h"
#include "core/project/list_rows.h"

namespace safemap {

/// \brief How a spreadsheet should type a column's cells.
enum class ExportColumnType { Text, Integer, Real };

struct ExportColumn {
    std::string name;
    ExportColumnType type = ExportColumnType::Text;
};

/// \brief A table for a spreadsheet: typed columns and rows of cells as text (numbers in
/// plain C notation; an empty cell is no value). Text cells are already made safe
/// (spreadsheetText), so a writer copies them as they are.
struct ExportSheet {
    std::string name;  ///< the sheet's name (XLSX); at most 31 characters, no []:*?/\ .
    std::vector<ExportColumn> columns;
    std::vector<std::vector<std::string>> rows;
};

/// An action list as a typed sheet: the columns of listRowsToCsv, in its order, with the
/// numbers typed (rank, workers as integers; priority, percent as reals).
ExportSheet listSheet(const std::vector<ListRow>& rows, std::string sheetName);

/// A sheet as CSV (RFC 4180, UTF-8; `excelBom` prefixes a byte order mark), with the
/// heading rows above it when one is given.
std::string sheetToCsv(const ExportSheet& sheet, const ExportHeading* heading, bool excelBom);

/// A sheet name Excel accepts: the forbidden characters replaced, cut to 31 characters on
/// a UTF-8 boundary.
std::string sheetNameOf(const std::string& text);

}  // namespace safemap
