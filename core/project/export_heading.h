#pragma once

#include <cstddef>
#include <ctime>
#include <string>
#include <utility>
#include <vector>

#include "core/project/list_rows.h"
#include "core/project/project_status.h"

namespace safemap {

/// \brief What an exported list or table was made from, in words, written above it (CSV)
/// or on its own sheet (XLSX): as of when, under which criteria set and rule thresholds,
/// which filter, how many rows, and when the file was made. Anyone who receives the file
/// can tell whether it is still current.
struct ExportHeading {
    std::string title;
    std::vector<std::pair<std::string, std::string>> lines;  ///< label, value
};

/// The heading of an export of `count` rows made under `status` (its as-of date, criteria
/// set and thresholds) with the filter described by `filterText` (describe(); empty: none),
/// at `generatedAt` (core/util/timestamp.h). Labels in Vietnamese or English.
ExportHeading exportHeading(std::string title, const ProjectStatus& status,
                            const std::string& filterText, std::size_t count,
                            std::time_t generatedAt, bool vietnamese);

/// The usual title of an action list export: "Danh sách cơ sở cần tạm dừng hoạt động" …
std::string listTitle(ActionList list, bool vietnamese);

/// "30/06/2021" (Vietnamese) or "2021-06-30" (English): dates as the reader writes them.
std::string humanDate(const Date& date, bool vietnamese);

/// The heading as CSV rows (title alone, then "label,value"), ending with an empty row that
/// separates it from the table's own header.
std::string headingToCsv(const ExportHeading& heading);

}  // namespace safemap
