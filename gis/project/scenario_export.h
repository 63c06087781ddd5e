#pragma once
// One function for every table export of a scenario (Project → Export…, the cordon dialog,
// `safemap export`): which facilities (a list, all that pass the filter, a cordon's), in
// which form (XLSX, CSV, GeoPackage, GeoJSON), always with the heading that says as of when,
// under which criteria set and which filter they were made.

#include <cstddef>
#include <ctime>
#include <optional>
#include <string>

#include "core/filter/site_filter.h"
#include "core/project/export_table.h"
#include "core/project/project_facts.h"
#include "core/project/project_status.h"
#include "core/result.h"
#include "gis/analysis/cordon.h"

namespace safemap {

enum class ExportFormat { Xlsx, Csv, GeoPackage, GeoJson };

/// "xlsx", "csv", "gpkg", "geojson".
std::string exportFormatExtension(ExportFormat format);
/// The format of a file name's extension (any case); empty if it is none of them.
std::optional<ExportFormat> exportFormatOfPath(const std::string& path);

/// \brief What to export and how.
struct ScenarioExport {
    ExportFormat format = ExportFormat::Xlsx;
    /// SuspendList / InspectList: that list under the filter (XLSX and CSV with the list's
    /// columns and reasons; GeoPackage and GeoJSON as facility points); Facilities: every
    /// facility that passes the filter; Cordon: the facilities inside `cordon` (the filter
    /// does not apply). Map is not a table: refused.
    ExportKind what = ExportKind::SuspendList;
    std::optional<Cordon> cordon;
    bool vietnamese = true;       ///< the heading's words and the XLSX sheets' names
    std::time_t generatedAt = 0;  ///< generationTime() (core/util/timestamp.h)
};

/// Writes the export to `path` (a temporary file renamed into place); returns the number
/// of rows (facilities) written.
[[nodiscard]] Result<std::size_t> exportScenario(const std::string& path,
                                                 const ScenarioExport& request,
                                                 const ProjectFacts& facts,
                                                 const ProjectStatus& status,
                                                 const SiteFilter& filter);

}  // namespace safemap
