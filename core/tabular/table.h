#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/legacy_encodings.h"

namespace safemap {

/// \brief One data row of a Table: where it is in the source file and where its cells are.
///
/// `row` is the spreadsheet row number, the one people see in Excel: the header is row 1, the
/// first data row is row 2, blank lines count (Excel shows them as empty rows) and a cell with
/// line breaks inside quotes does not start a new row. `line` is the text line where the row
/// starts, which differs from `row` after such cells.
struct TableRow {
    long row = 0;
    long line = 0;
    uint32_t firstCell = 0;  ///< index of the row's first cell in Table::cellEnds
    uint32_t cellCount = 0;  ///< cells present in the file; missing trailing cells read as ""
};

/// \brief A table read from a CSV (or any tabular) file: header names and text cells, UTF-8.
///
/// Cells live back to back in one string (cellText) with their end offsets in cellEnds, so a
/// million-row file costs two allocations instead of fifteen million. Read them with cell().
struct Table {
    std::string fileName;
    std::vector<std::string> header;
    std::vector<TableRow> rows;
    TextEncoding encoding = TextEncoding::Utf8;  ///< what the file was decoded from
    char delimiter = ',';
    long headerRow = 1;  ///< spreadsheet row of the header (1 unless rows precede it)
    /// Non-blank rows above the header (titles such as "UBND TỈNH …", "DANH SÁCH …"), which
    /// chooseHeaderRow() set aside; their cells stay readable with cell().
    std::vector<TableRow> titleRows;

    std::string cellText;
    std::vector<uint32_t> cellEnds;  ///< cell i is cellText[cellEnds[i-1], cellEnds[i])

    /// Index of the first column whose name matches after foldForSearch(), so "Mã số thuế",
    /// "ma so thue" and " MÃ SỐ  THUẾ" are the same column; -1 if none.
    int column(std::string_view name) const;
    /// The first of `names` that is a column (see column()); -1 if none is.
    int firstColumn(std::initializer_list<std::string_view> names) const;

    /// Text of a cell; "" for a column the row does not reach or a negative column.
    std::string_view cell(const TableRow& row, int column) const;
    std::string_view cell(size_t rowIndex, int column) const {
        return cell(rows[rowIndex], column);
    }

    /// Appends a data row with the given cells (readers use it; so can tests that need a
    /// Table without a file).
    void addRow(long row, long line, const std::vector<std::string_view>& cells);
};

}  // namespace safemap
