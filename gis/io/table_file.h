#pragma once

#include <optional>
#include <string>

#include "core/result.h"
#include "core/tabular/table.h"
#include "core/text/legacy_encodings.h"

namespace safemap {

/// True if `path` names an XLSX or ODS workbook (by extension, in any case).
bool isWorkbookPath(const std::string& path);

/// Reads a table file: CSV (UTF-8 with or without BOM, TCVN3, VNI, VISCII, CP1258, detected
/// unless `encoding` says; comma, semicolon or tab) or one sheet of an XLSX/ODS workbook.
[[nodiscard]] Result<Table> readTableFile(const std::string& path,
                                          std::optional<TextEncoding> encoding = std::nullopt,
                                          const std::string& sheet = {});

}  // namespace safemap
