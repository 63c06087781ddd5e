#include "gis/report/report_tables.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>
#include <algorithm>
#include <cmath>

#include "core/project/export_heading.h"

namespace safemap::report {

namespace {

constexpr double kTableTitleMm = 7;  // the table's title line
constexpr double kTableNoteMm = 5;   // "no facilities" / "… and N more"
constexpr double kTableGapMm = 6;    // between two tables on one page
constexpr double kRowPadMm = 0.7;    // above and below a row's text
constexpr int kMaxLines = 10;        // a longer cell is shortened with "…"
constexpr double kFontPt = 7.5;

struct Column {
    const char* vi;
    const char* en;
    double share;
    Qt::Alignment align;
};

constexpr std::array<Column, kTableColumns> kColumns{{
    {"TT", "No.", 0.045, Qt::AlignRight},
    {"Cơ sở", "Facility", 0.19, Qt::AlignLeft},
    {"KCN, CCN", "Zone", 0.12, Qt::AlignLeft},
    {"Huyện", "District", 0.09, Qt::AlignLeft},
    {"Lao động", "Workers", 0.065, Qt::AlignRight},
    {"Mức nguy cơ", "Risk level", 0.09, Qt::AlignLeft},
    {"Lý do", "Reasons", 0.40, Qt::AlignLeft},
}};

double dotsPerMm(const QPaintDevice* device) {
    return device->logicalDpiX() / 25.4;
}

// Lines `text` takes wrapped at `widthPx`.
int linesOf(const QFontMetricsF& fm, const QString& text, double widthPx) {
    if (text.isEmpty() || fm.horizontalAdvance(text) <= widthPx)
        return 1;
    const QRectF r = fm.boundingRect(QRectF(0, 0, widthPx, 1e7),
                                     Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
    // Wrapped lines are lineSpacing apart (plus a pixel of rounding): round, never ceil.
    return std::max(1, static_cast<int>(std::lround(r.height() / fm.lineSpacing())));
}

// The cell's text, shortened with "…" until it wraps into at most kMaxLines; its lines.
int fitCell(const QFontMetricsF& fm, QString& text, double widthPx) {
    int lines = linesOf(fm, text, widthPx);
    if (lines <= kMaxLines)
        return lines;
    // Cut to the share that fits, then a word at a time: rare (a very long reason list).
    qsizetype keep = text.size() * kMaxLines / lines;
    const QString ellipsis = QStringLiteral("…");
    QString cut;
    while (keep > 0) {
        cut = text.left(keep).trimmed() + ellipsis;
        if (linesOf(fm, cut, widthPx) <= kMaxLines)
            break;
        const qsizetype space = text.lastIndexOf(QLatin1Char(' '), keep - 1);
        keep = space > 0 ? space : keep - 1;
    }
    text = cut;
    return linesOf(fm, text, widthPx);
}

double widthOf(std::size_t column, double bodyMm) {
    return kColumns[column].share * bodyMm;
}

}  // namespace

std::vector<ReportTable> prepareTables(const std::vector<ReportListPart>& lists,
                                       const ListView& suspend, const ListView& inspect,
                                       std::size_t rowLimit, double widthMm,
                                       const QPaintDevice* device, const Words& w) {
    const double dpmm = dotsPerMm(device);
    const QFontMetricsF fm(reportFont(kFontPt), device);
    const double lineMm = fm.lineSpacing() / dpmm;
    // The column header: its words wrap in a narrow column (a portrait sheet).
    const QFontMetricsF boldFm(reportFont(kFontPt, true), device);
    int headerLines = 1;
    for (std::size_t c = 0; c < kTableColumns; ++c)
        headerLines = std::max(headerLines, linesOf(boldFm, w(kColumns[c].vi, kColumns[c].en),
                                                    (widthOf(c, widthMm) - 2) * dpmm));
    const double headerMm = headerLines * boldFm.lineSpacing() / dpmm + 2 * kRowPadMm;
    std::vector<ReportTable> tables;
    for (const ReportListPart& part : lists) {
        const ActionList list = part.list;
        const ListView& view = list == ActionList::ToSuspend ? suspend : inspect;
        ReportTable t;
        t.list = list;
        t.title = qs(listTitle(list, w.vi));
        t.total = view.size();
        t.headerMm = headerMm;
        std::size_t limit = part.rows;
        if (rowLimit > 0)
            limit = limit == 0 ? rowLimit : std::min(limit, rowLimit);
        const std::size_t shown = limit == 0 ? view.size() : std::min(limit, view.size());
        t.rows.reserve(shown);
        for (std::size_t i = 0; i < shown; ++i) {
            const ListRow r = view.row(i);
            TableRow row;
            row.cells = {
                QString::number(r.rank),
                qs(r.name),
                qs(r.zone),
                qs(r.district),
                r.workers ? number(*r.workers, w) : QString(),
                r.level ? levelName(static_cast<std::uint8_t>(static_cast<int>(*r.level) + 1), w)
                        : levelName(0, w),
                qs(r.reasonsIn(w.vi)),
            };
            int lines = 1;
            for (std::size_t c = 0; c < kTableColumns; ++c)
                lines =
                    std::max(lines, fitCell(fm, row.cells[c], (widthOf(c, widthMm) - 2) * dpmm));
            row.heightMm = lines * lineMm + 2 * kRowPadMm;
            t.rows.push_back(std::move(row));
        }
        tables.push_back(std::move(t));
    }
    return tables;
}

std::vector<TablePage> paginateTables(const std::vector<ReportTable>& tables, double bodyHeightMm) {
    std::vector<TablePage> pages;
    TablePage page;
    double used = 0;
    auto newPage = [&] {
        pages.push_back(std::move(page));
        page.clear();
        used = 0;
    };
    for (std::size_t t = 0; t < tables.size(); ++t) {
        const ReportTable& table = tables[t];
        // A table with a closing note ("no facilities", "… and N more") keeps room for it.
        const bool noted = table.rows.size() < table.total || table.rows.empty();
        std::size_t next = 0;
        bool continued = false;
        do {
            if (!page.empty())
                used += kTableGapMm;
            double y = used + kTableTitleMm + table.headerMm;
            std::size_t count = 0;
            while (next + count < table.rows.size()) {
                const bool last = next + count + 1 == table.rows.size();
                const double need =
                    table.rows[next + count].heightMm + (last && noted ? kTableNoteMm : 0);
                // The first row of a slice goes on an empty page even if it is too tall.
                if (y + need > bodyHeightMm && !(count == 0 && page.empty()))
                    break;
                y += table.rows[next + count].heightMm;
                ++count;
            }
            const bool closes = next + count == table.rows.size();
            if (table.rows.empty())
                y += kTableNoteMm;
            const bool fits = count > 0 || (table.rows.empty() && y <= bodyHeightMm);
            if (!fits && !page.empty()) {
                // Not even the title, header and a row: start the table on the next page.
                used -= kTableGapMm;
                newPage();
                continue;
            }
            page.push_back({t, next, count, continued, closes});
            used = y + (closes && noted && !table.rows.empty() ? kTableNoteMm : 0);
            next += count;
            continued = true;
            if (!closes)
                newPage();
            else
                break;
        } while (true);
    }
    if (!page.empty() || pages.empty())
        pages.push_back(std::move(page));
    return pages;
}

void paintTablePage(QPainter& p, const Sheet& sheet, const QRectF& body,
                    const std::vector<ReportTable>& tables, const TablePage& page, const Words& w) {
    double y = body.top();
    const QFont font = reportFont(kFontPt);
    const QFont bold = reportFont(kFontPt, true);
    auto cellRect = [&](std::size_t c, double top, double height) {
        double x = body.left();
        for (std::size_t k = 0; k < c; ++k)
            x += widthOf(k, body.width());
        return QRectF(x + 1, top, widthOf(c, body.width()) - 2, height);
    };
    for (std::size_t s = 0; s < page.size(); ++s) {
        const TableSlice& slice = page[s];
        const ReportTable& table = tables[slice.table];
        if (s > 0)
            y += kTableGapMm;
        // A list cut short says so in its title on every page: "showing 500 of 100,000".
        const QString total = number(static_cast<long long>(table.total), w) + QLatin1Char(' ') +
                              w("cơ sở", "facilities");
        QString title = table.title + QStringLiteral(" (");
        if (table.rows.size() < table.total)
            title += w("hiển thị ", "showing ") +
                     number(static_cast<long long>(table.rows.size()), w) +
                     w(" trong số ", " of ") + total + QLatin1Char(')');
        else
            title += total + QLatin1Char(')');
        if (slice.continued)
            title += w(" — tiếp theo", " — continued");
        drawLine(p, sheet, QRectF(body.left(), y, body.width(), kTableTitleMm - 1), title,
                 reportFont(10.5, true), Qt::AlignLeft | Qt::AlignVCenter, kNavy);
        y += kTableTitleMm;
        p.setFont(bold);
        p.setPen(kInk);
        for (std::size_t c = 0; c < kTableColumns; ++c)
            p.drawText(sheet.rect(cellRect(c, y + kRowPadMm, table.headerMm - kRowPadMm)),
                       static_cast<int>(kColumns[c].align | Qt::AlignTop | Qt::TextWordWrap),
                       w(kColumns[c].vi, kColumns[c].en));
        y += table.headerMm;
        p.setPen(QPen(kNavy, sheet.len(0.3)));
        p.drawLine(sheet.at(body.left(), y), sheet.at(body.right(), y));
        p.setFont(font);
        for (std::size_t i = slice.first; i < slice.first + slice.count; ++i) {
            const TableRow& row = table.rows[i];
            if (i % 2 == 1) {
                p.setPen(Qt::NoPen);
                p.setBrush(QColor(238, 242, 248));
                p.drawRect(sheet.rect(QRectF(body.left(), y, body.width(), row.heightMm)));
            }
            p.setPen(kInk);
            for (std::size_t c = 0; c < kTableColumns; ++c)
                p.drawText(sheet.rect(cellRect(c, y + kRowPadMm, row.heightMm - kRowPadMm)),
                           static_cast<int>(kColumns[c].align | Qt::AlignTop | Qt::TextWordWrap),
                           row.cells[c]);
            y += row.heightMm;
        }
        p.setPen(QPen(QColor(180, 188, 200), sheet.len(0.2)));
        p.drawLine(sheet.at(body.left(), y), sheet.at(body.right(), y));
        if (!slice.closes)
            continue;
        if (table.rows.empty()) {
            drawLine(p, sheet, QRectF(body.left() + 1, y, body.width(), kTableNoteMm),
                     w("Không có cơ sở nào.", "No facilities."), font);
            y += kTableNoteMm;
        } else if (table.rows.size() < table.total) {
            drawLine(p, sheet, QRectF(body.left() + 1, y, body.width(), kTableNoteMm),
                     w("… và ", "… and ") +
                         number(static_cast<long long>(table.total - table.rows.size()), w) +
                         w(" cơ sở khác (danh sách đầy đủ: Xuất CSV/XLSX trong cửa sổ, hoặc "
                           "safemap list)",
                           " more (the full list: Export CSV/XLSX in the window, or safemap list)"),
                     font, Qt::AlignLeft | Qt::AlignVCenter, kGrey);
            y += kTableNoteMm;
        }
    }
}

}  // namespace safemap::report
