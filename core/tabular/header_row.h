#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "core/tabular/table.h"

namespace safemap {

/// How far down a sheet the header is looked for: offices put a few title rows above it.
inline constexpr size_t kHeaderSearchRows = 30;

/// Makes one of the first rows of a table read without a header its header, as offices lay
/// out their sheets: title rows ("UBND TỈNH HÀ NAM", "DANH SÁCH CÁC CƠ SỞ …", merged across
/// the columns so that only their first cell has text) above the column names.
///
/// With `knownNames` (the column names the reader understands, compared by foldToKey), the
/// header is the row among the first kHeaderSearchRows with the most cells that are known
/// names, if it has two or more. Otherwise, leading rows with at most two non-empty cells are
/// taken as titles while a later row has more than twice as many; the first other row is
/// the header. The rows above it go to Table::titleRows. Header names are trimmed.
///
/// Fails naming the row when a data row has a value beyond the header's last column, and
/// when there is no row at all ("the file has no header row").
Status chooseHeaderRow(Table& table, const std::vector<std::string>& knownNames = {});

/// The check chooseHeaderRow makes on the rows below the header, for rows read later (a CSV
/// read in chunks): a value beyond the header's last column fails naming its row; blank
/// cells beyond it are dropped.
Status fitRowsToHeader(Table& table);

/// Number of cells of a row that are not blank.
int nonEmptyCells(const Table& table, const TableRow& row);

}  // namespace safemap
