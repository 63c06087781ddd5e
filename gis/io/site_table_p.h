#pragma once

// Private to gis/io: site lists kept as tables (CSV, TSV, TXT, XLSX, ODS), read with SafeMap's
// own CSV reader (legacy encodings, UTF-16, any delimiter) or GDAL's spreadsheet drivers, the
// header found below the title rows offices put above it.

#include <optional>
#include <string>

#include "core/result.h"
#include "core/tabular/table.h"
#include "core/text/legacy_encodings.h"
#include "gis/io/field_mapping.h"
#include "gis/io/site_reading.h"
#include "gis/io/source_info.h"

namespace safemap {

/// The table of a CSV/TSV/TXT file (the encoding detected unless given) or of a workbook's
/// sheet (`sheet`, the first if empty), its header chosen with siteHeaderNames(mapping).
/// A CSV file has one "layer", named after the file without its extension, as in GDAL.
Result<Table> readSiteTable(const std::string& path, const std::string& sheet,
                            std::optional<TextEncoding> encoding, const FieldMapping* mapping);

/// The table's header as the fields of a layer; its geometry is that of a WKT column, if
/// there is one, else none.
SourceLayerInfo describeSiteTable(const Table& table, const std::string& layerName);

/// readSiteSource for tables: title, column-number, total and signature rows are skipped with
/// a note; every other row is a site.
Result<SiteReading> readTableSites(const std::string& path, const SiteImportOptions& options);

}  // namespace safemap
