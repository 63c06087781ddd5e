#pragma once

#include <string>

#include "core/result.h"
#include "core/tabular/table.h"

namespace safemap {

/// Reads one sheet (the first if `sheet` is empty) of an XLSX or ODS workbook as text cells
/// through GDAL, header in the first row. Row numbers are the sheet's own (header = 1).
Result<Table> readSpreadsheetTable(const std::string& path, const std::string& sheet = {});

}  // namespace safemap
