#pragma once

#include <ctime>
#include <functional>
#include <string>
#include <vector>

#include "core/filter/site_filter.h"
#include "core/project/list_rows.h"
#include "core/project/project_status.h"

namespace safemap {

/// \brief How a list is written to a file.
struct ListExportOptions {
    /// The heading block above the table (exportHeading: title, as of, criteria set and
    /// version, thresholds, filter, rows, generated at). Without it the file is the bare
    /// table of listRowsToCsv, for programs.
    bool heading = true;
    bool vietnamese = true;       ///< the heading's words; the table's columns never change
    bool excelBom = true;         ///< a byte order mark so Excel shows the diacritics
    std::time_t generatedAt = 0;  ///< generationTime() (core/util/timestamp.h)
};

/// The one export of an action list, for the window's "Export CSV…" and `safemap list`:
/// `rows` (the list under `filter`, in the order to write) as CSV, under the heading that
/// says as of when, under which criteria set and version and which filter they were made.
/// The heading's rows are "label,value" pairs followed by an empty row, so a program finds
/// the table at the first row after the first empty one; every text cell is formula-safe
/// (spreadsheetText). `zones` names the zones of the filter.
std::string listExportCsv(ActionList list, const std::vector<ListRow>& rows,
                          const ProjectStatus& status, const SiteFilter& filter,
                          const std::vector<Zone>& zones, const ListExportOptions& options);

/// listExportCsv of a view's rows (listView: the list under its filter), written from the
/// view's facts and status without a ListRow per row: what `safemap list` and the export
/// command write.
std::string listExportCsv(const ListView& view, const ListExportOptions& options);
/// The same text handed to `sink` in pieces as it is written (listViewToCsvPieces).
void listExportCsvPieces(const ListView& view, const ListExportOptions& options,
                         const std::function<void(std::string_view)>& sink,
                         std::size_t pieceBytes = 1 << 20);

}  // namespace safemap
