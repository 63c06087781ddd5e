#pragma once
// The exported tables of a scenario as typed columns and text cells: what an XLSX sheet, a
// GeoPackage or a GeoJSON file (gis/io/table_export.h) writes, one table per export.

#include <cstdint>
#include <string>
#include <vector>

#include "core/filter/site_filter.h"
#include "core/project/export_heading.h"
#include "core/project/list_rows.h"
#include "core/project/project_facts.h"
#include "core/project/project_status.h"

namespace safemap {

enum class ExportColumnType { Text, Integer, Real };

struct ExportColumn {
    std::string name;
    ExportColumnType type = ExportColumnType::Text;
};

/// \brief A table to export: cells as text, numbers written with a '.' decimal point, an
/// empty cell for an unknown value. `positions` (facility tables only) are the rows'
/// places in facts.factories, for their points.
struct ExportTable {
    std::vector<ExportColumn> columns;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::uint32_t> positions;
};

/// An action list's rows with the columns (and values) of listRowsToCsv: rank, priority,
/// this_week, site_id, tax_code, name, zone, district, workers, level, percent,
/// assessed_on, reason_codes, reasons, reasons_en, reason_indices.
ExportTable listTable(const std::vector<ListRow>& rows);

/// Every facility that passes `filter`, in the facts' order, with its level under `status`:
/// site_id, tax_code, name, zone, district, province, workers, level (code), level_name
/// (Vietnamese), percent, assessed_on, to_suspend, suspend_rank, to_inspect, inspect_rank,
/// approximate_position.
ExportTable facilityTable(const ProjectFacts& facts, const ProjectStatus& status,
                          const SiteFilter& filter);

/// The same columns for the facilities at `positions` (in facts.factories), in that order:
/// e.g. the facilities inside a cordon.
ExportTable facilityTableAt(const ProjectFacts& facts, const ProjectStatus& status,
                            const std::vector<std::uint32_t>& positions);

/// `table` as CSV (UTF-8 with a byte order mark, so Excel shows the diacritics), under the
/// heading's rows and an empty row (headingToCsv) when `heading` is given; text cells are
/// formula-safe (spreadsheetText). Action lists have their own listExportCsv.
std::string exportTableCsv(const ExportTable& table, const ExportHeading* heading);

/// What an export holds, for its default file name.
enum class ExportKind { SuspendList, InspectList, Facilities, Cordon, Map };

/// The default file name of an export in the UI's language, dated with the scenario's as-of
/// date: "danh_sach_dinh_chi_2021-06-26.xlsx", "danh_sach_kiem_tra_…", "co_so_…",
/// "vung_phong_toa_…", "ban_do_…" (English: "suspend_list_…", "inspection_list_…",
/// "facilities_…", "cordon_…", "map_…"). `extension` without the dot.
std::string exportFileName(ExportKind kind, const Date& asOf, bool vietnamese,
                           const std::string& extension);

}  // namespace safemap
