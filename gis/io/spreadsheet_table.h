#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "core/tabular/table.h"

namespace safemap {

/// Reads one sheet (the first if `sheet` is empty) of an XLSX or ODS workbook as text cells
/// through GDAL. The header is found by chooseHeaderRow (title rows above it, such as
/// "UBND TỈNH …" merged across the columns, are set aside), helped by `headerNames` when
/// given. Row numbers are the sheet's own.
Result<Table> readSpreadsheetTable(const std::string& path, const std::string& sheet = {},
                                   const std::vector<std::string>& headerNames = {});

/// The sheet names of a workbook, in order.
Result<std::vector<std::string>> spreadsheetSheets(const std::string& path);

}  // namespace safemap
