#pragma once
// The action-list tables of a map report: every row of a list (or its first N), continued
// over as many pages as they need, each page repeating the table's title and column header.
// Rows are measured once on the device that paints them, so the page count is known before
// the first page is painted ("Trang 2/5").

#include <QRectF>
#include <QString>
#include <array>
#include <cstddef>
#include <vector>

#include "core/project/list_rows.h"
#include "core/report/report_template.h"
#include "gis/report/report_drawing.h"

class QPaintDevice;

namespace safemap::report {

inline constexpr std::size_t kTableColumns = 7;

/// \brief One facility's row: its cells in words and its height on paper.
struct TableRow {
    std::array<QString, kTableColumns> cells;
    double heightMm = 0;
};

/// \brief One action list ready to be laid out: the rows it shows (all, or the first N of
/// `total`).
struct ReportTable {
    ActionList list = ActionList::ToSuspend;
    QString title;
    std::size_t total = 0;
    double headerMm = 0;  ///< the column header's height
    std::vector<TableRow> rows;
};

/// \brief A run of one table's rows on one page.
struct TableSlice {
    std::size_t table = 0;   ///< index in the tables
    std::size_t first = 0;   ///< first row
    std::size_t count = 0;   ///< rows on this page
    bool continued = false;  ///< the table began on an earlier page
    bool closes = false;     ///< the table's last slice: its closing note follows
};

/// The slices of one page, top to bottom.
using TablePage = std::vector<TableSlice>;

/// The tables of `lists` with at most their `rows` and `rowLimit` rows (0: no limit), measured for
/// a body `widthMm` wide on `device` (the one that paints them).
std::vector<ReportTable> prepareTables(const std::vector<ReportListPart>& lists,
                                       const ListView& suspend, const ListView& inspect,
                                       std::size_t rowLimit, double widthMm,
                                       const QPaintDevice* device, const Words& w);

/// The tables laid out on pages whose body is `bodyHeightMm` tall. A table with no rows
/// still has a page slice (its title and "no facilities").
std::vector<TablePage> paginateTables(const std::vector<ReportTable>& tables, double bodyHeightMm);

/// Paints one page of tables in `body` (mm).
void paintTablePage(QPainter& p, const Sheet& sheet, const QRectF& body,
                    const std::vector<ReportTable>& tables, const TablePage& page, const Words& w);

}  // namespace safemap::report
