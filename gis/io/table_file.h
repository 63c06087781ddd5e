#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/tabular/table.h"
#include "core/text/legacy_encodings.h"

namespace safemap {

/// True if `path` names an XLSX or ODS workbook (by extension, in any case).
bool isWorkbookPath(const std::string& path);

/// Reads a table file: CSV (UTF-8 with or without BOM, UTF-16, TCVN3, VNI, VISCII, CP1258,
/// detected unless `encoding` says; comma, semicolon or tab) or one sheet of an XLSX/ODS
/// workbook. The header is found below title rows, helped by `headerNames` (the column
/// names the caller knows).
[[nodiscard]] Result<Table> readTableFile(const std::string& path,
                                          std::optional<TextEncoding> encoding = std::nullopt,
                                          const std::string& sheet = {},
                                          const std::vector<std::string>& headerNames = {});

}  // namespace safemap
