#pragma once
// Exports of a scenario's tables for people and for other GIS: a list or a facility table as
// an XLSX workbook (through GDAL's XLSX driver) whose first sheet is the heading block, and
// the facilities as points in a GeoPackage or a GeoJSON file. Every file is written under a
// temporary name and renamed into place: a failed export never leaves half a file.

#include <string>

#include "core/project/export_heading.h"
#include "core/project/export_table.h"
#include "core/project/project_facts.h"
#include "core/result.h"

namespace safemap {

/// Writes `table` as an XLSX workbook: the first sheet ("Thông tin" / "About") holds the
/// heading — its title, then one label | value row per line (as of, criteria set and
/// version, thresholds, filter, rows, generated at) — so whoever opens the file reads first
/// what it was made from; the second sheet, `sheetName` (at most 31 characters), the table
/// with typed columns (numbers stay numbers).
[[nodiscard]] Status writeTableXlsx(const std::string& path, const ExportHeading& heading,
                                    const std::string& sheetName, const ExportTable& table,
                                    bool vietnamese);

enum class GisFormat { GeoPackage, GeoJson };

/// Writes the facilities of a facility table (facilityTable: its positions and columns) as
/// points (EPSG:4326) of one layer "co_so", its description the heading, to a GeoPackage
/// (valid for validate_gpkg) or a GeoJSON file, for other GIS.
[[nodiscard]] Status writeFacilitiesGis(const std::string& path, GisFormat format,
                                        const ProjectFacts& facts, const ExportHeading& heading,
                                        const ExportTable& table);

}  // namespace safemap
