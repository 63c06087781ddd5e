#include "gis/report/map_report.h"

#include <QFile>
#include <QFont>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "core/errors/error_catalogue.h"
#include "core/filter/filter_match.h"
#include "core/project/export_heading.h"
#include "core/project/list_rows.h"
#include "core/text/display_format.h"
#include "core/util/atomic_file.h"
#include "core/util/timestamp.h"
#include "gis/render/basemap_attribution.h"
#include "gis/render/layer_style.h"
#include "gis/render/map_renderer.h"
#include "gis/render/point_symbol.h"
#include "gis/render/web_mercator.h"

namespace safemap {

namespace {

constexpr double kMarginMm = 10;
constexpr double kTitleMm = 20;
constexpr double kFooterMm = 9;
constexpr double kGapMm = 4;
constexpr double kScreenDpi = 96;  // the map's logical pixels: as big as on a screen

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

// The report's one typeface: Noto Sans has every Vietnamese letter, and the PDF embeds it.
QFont reportFont(double points, bool bold = false) {
    QFont f(QStringLiteral("Noto Sans"));
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

// Millimetres on the sheet → device pixels.
struct Sheet {
    double dpmm = 1;
    QPointF at(double x, double y) const { return {x * dpmm, y * dpmm}; }
    QRectF rect(const QRectF& mm) const {
        return {mm.x() * dpmm, mm.y() * dpmm, mm.width() * dpmm, mm.height() * dpmm};
    }
    double len(double mm) const { return mm * dpmm; }
};

// The words of the report in its language (the library has no translator; both forms sit
// side by side, as in export_heading.cpp).
struct Words {
    bool vi = true;
    QString operator()(const char* vietnamese, const char* english) const {
        return QString::fromUtf8(vi ? vietnamese : english);
    }
};

QString capitalised(std::string_view text) {
    QString s = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    if (!s.isEmpty())
        s[0] = s[0].toUpper();
    return s;
}

QString levelName(std::uint8_t category, const Words& w) {
    if (category == 0)
        return w("Chưa đánh giá", "Not assessed");
    const auto level = static_cast<RiskLevel>(category - 1);
    return capitalised(w.vi ? riskLevelLabelVi(level) : riskLevelLabelEn(level));
}

QString number(long long n, const Words& w) {
    // 12.345 in Vietnamese, 12,345 in English.
    QString digits = QString::number(n);
    const QChar sep = w.vi ? QLatin1Char('.') : QLatin1Char(',');
    for (qsizetype i = digits.size() - 3; i > (n < 0 ? 1 : 0); i -= 3)
        digits.insert(i, sep);
    return digits;
}

// Counts of the facilities that pass the filter (what the map shows).
struct Counts {
    std::array<long long, kRiskLevelCount + 1> byCategory{};
    long long shown = 0, stale = 0, suspend = 0, inspect = 0, thisWeek = 0;
};

Counts countShown(const MapReportData& data) {
    Counts c;
    const ProjectFacts& facts = *data.facts;
    const ProjectStatus& status = *data.status;
    std::unordered_map<std::string, const Zone*> zones;
    for (const auto& z : facts.zones)
        zones.emplace(z.id, &z);
    const SiteMatcher matcher(data.filter);
    for (std::size_t i = 0; i < facts.factories.size() && i < status.sites.size(); ++i) {
        const Factory& f = facts.factories[i];
        const SiteStatus& s = status.sites[i];
        const auto zone = zones.find(f.zoneId);
        const FilterRow row{&f, &s, zone == zones.end() ? nullptr : zone->second, nullptr};
        if (!matcher(row))
            continue;
        ++c.shown;
        ++c.byCategory[riskCategory(s)];
        c.stale += s.stale ? 1 : 0;
        c.suspend += s.toSuspend ? 1 : 0;
        c.inspect += s.toInspect ? 1 : 0;
        c.thisWeek += s.inspectTop ? 1 : 0;
    }
    return c;
}

// Draws text in a rectangle (mm), elided to one line; returns the line's height in mm.
double drawLine(QPainter& p, const Sheet& sheet, const QRectF& mm, const QString& text,
                const QFont& font, Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter,
                const QColor& color = QColor(30, 30, 30)) {
    p.setFont(font);
    p.setPen(color);
    const QRectF r = sheet.rect(mm);
    const QFontMetricsF fm(font, p.device());
    p.drawText(r, static_cast<int>(align), fm.elidedText(text, Qt::ElideRight, r.width()));
    return fm.height() / sheet.dpmm;
}

// Draws text wrapped at word boundaries in a rectangle (mm); returns the height used in mm.
double drawWrapped(QPainter& p, const Sheet& sheet, const QRectF& mm, const QString& text,
                   const QFont& font, const QColor& color = QColor(30, 30, 30)) {
    p.setFont(font);
    p.setPen(color);
    const QRectF r = sheet.rect(mm);
    const int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
    const QRectF used = QFontMetricsF(font, p.device()).boundingRect(r, flags, text);
    p.drawText(r, flags, text);
    return std::min(used.height(), r.height()) / sheet.dpmm;
}

// A point symbol as the map draws it, `sizeMm` across at the map's scale.
void drawSymbol(QPainter& p, const Sheet& sheet, QPointF centreMm, std::uint8_t category,
                std::uint8_t flags, double diameterPx = 0) {
    p.save();
    p.translate(sheet.at(centreMm.x(), centreMm.y()));
    // Half as big again as on the map, so the marks read on paper.
    const double s = 1.5 * sheet.dpmm * 25.4 / kScreenDpi;
    p.scale(s, s);
    p.setRenderHint(QPainter::Antialiasing);
    const LayerStyle style = factoryStyle();
    if (diameterPx > 0)
        drawPointSymbol(p, QPointF(0, 0), style, category, flags, diameterPx);
    else
        drawPointSymbol(p, QPointF(0, 0), style, category, flags);
    p.restore();
}

struct Heading {
    QString title;
    QString line1;  // project · as of · criteria set
    QString line2;  // filter
    QString generated;
};

Heading headingOf(const MapReportData& data, const MapReportOptions& options, long long shown) {
    const bool vi = options.language == MapLanguage::Vietnamese;
    const std::string title =
        options.title.empty() ? mapReportDefaultTitle(options.language) : options.title;
    const ExportHeading h =
        exportHeading(title, *data.status, describe(data.filter, vi, data.facts->zones),
                      static_cast<std::size_t>(shown), options.generatedAt, vi);
    Heading out;
    out.title = qs(h.title);
    auto line = [&](std::size_t i) {
        return i < h.lines.size()
                   ? qs(h.lines[i].first) + QStringLiteral(": ") + qs(h.lines[i].second)
                   : QString();
    };
    // exportHeading's lines: as of, criteria set, thresholds, filter, rows, generated at.
    out.line1 = line(0) + QStringLiteral("   ·   ") + line(1);
    if (!data.projectName.empty())
        out.line1 = qs(data.projectName) + QStringLiteral("   ·   ") + out.line1;
    out.line2 = line(3);
    out.generated = line(5);
    return out;
}

void drawTitleBand(QPainter& p, const Sheet& sheet, const MapReportLayout& l, const Heading& h) {
    const QRectF t = l.title;
    drawLine(p, sheet, QRectF(t.x(), t.y(), t.width(), 9), h.title, reportFont(16, true),
             Qt::AlignLeft | Qt::AlignVCenter, QColor(15, 40, 80));
    drawLine(p, sheet, QRectF(t.x(), t.y() + 9.5, t.width(), 5), h.line1, reportFont(9.5));
    drawLine(p, sheet, QRectF(t.x(), t.y() + 14.5, t.width(), 4.5), h.line2, reportFont(8.5),
             Qt::AlignLeft | Qt::AlignVCenter, QColor(70, 70, 70));
    p.setPen(QPen(QColor(15, 40, 80), sheet.len(0.4)));
    p.drawLine(sheet.at(t.left(), t.bottom()), sheet.at(t.right(), t.bottom()));
}

void drawFooter(QPainter& p, const Sheet& sheet, const MapReportLayout& l,
                const MapReportOptions& options, const Heading& h, int page) {
    const Words w{options.language == MapLanguage::Vietnamese};
    const QRectF f = l.footer;
    p.setPen(QPen(QColor(150, 150, 150), sheet.len(0.2)));
    p.drawLine(sheet.at(f.left(), f.top() + 1), sheet.at(f.right(), f.top() + 1));
    const QString right = QStringLiteral("SafeMap · ") + h.generated + QStringLiteral(" · ") +
                          w("Trang", "Page") + QLatin1Char(' ') + QString::number(page + 1) +
                          QLatin1Char('/') + QString::number(kMapReportPages);
    const double rightWidth = 80;
    drawLine(p, sheet, QRectF(f.right() - rightWidth, f.top() + 2, rightWidth, 4), right,
             reportFont(7), Qt::AlignRight | Qt::AlignVCenter, QColor(90, 90, 90));
    // The basemap's sources: their licences ask for it on every map.
    p.setFont(reportFont(6.5));
    p.setPen(QColor(90, 90, 90));
    p.drawText(
        sheet.rect(QRectF(f.left(), f.top() + 2, f.width() - rightWidth - 4, f.height() - 2)),
        Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
        qs(basemapAttribution(options.language, AttributionForm::Short)));
}

// 1, 2 or 5 × 10^k, the largest not above `limit`.
double niceLength(double limit) {
    const double base = std::pow(10.0, std::floor(std::log10(limit)));
    for (const double m : {5.0, 2.0, 1.0})
        if (m * base <= limit)
            return m * base;
    return base;
}

// Ground metres per millimetre of paper at the map's centre.
double groundMetresPerMm(const MapSettings& map) {
    const MapTransform t(map);
    if (!t.valid())
        return 0;
    const double lat = fromMercator(t.center()).lat;
    return t.unitsPerPixel() * groundPerMercatorMetre(lat) * kScreenDpi / 25.4;
}

void drawScaleBar(QPainter& p, const Sheet& sheet, const QRectF& mapMm, const MapSettings& map,
                  const Words& w) {
    const double perMm = groundMetresPerMm(map);
    if (!(perMm > 0))
        return;
    const double metres = niceLength(perMm * 40);
    const double lengthMm = metres / perMm;
    const QString label = QString::fromStdString(
        formatLength(metres, displayStyle(w.vi ? Language::Vietnamese : Language::English)));
    const QRectF box(mapMm.left() + 3, mapMm.bottom() - 13, lengthMm + 14, 10);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 255, 255, 215));
    p.drawRect(sheet.rect(box));
    const double x0 = box.left() + 4, y0 = box.top() + 5.5;
    for (int i = 0; i < 4; ++i) {
        p.setBrush(i % 2 ? Qt::white : QColor(30, 30, 30));
        p.setPen(QPen(QColor(30, 30, 30), sheet.len(0.2)));
        p.drawRect(sheet.rect(QRectF(x0 + i * lengthMm / 4, y0, lengthMm / 4, 1.6)));
    }
    const QFont font = reportFont(6.5);
    drawLine(p, sheet, QRectF(x0 - 3, box.top() + 0.8, 6, 4), QStringLiteral("0"), font,
             Qt::AlignCenter);
    drawLine(p, sheet, QRectF(x0 + lengthMm - 10, box.top() + 0.8, 20, 4), label, font,
             Qt::AlignCenter);
}

void drawNorthArrow(QPainter& p, const Sheet& sheet, const QRectF& mapMm, const Words& w) {
    const QRectF box(mapMm.right() - 12, mapMm.top() + 3, 9, 15);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(255, 255, 255, 215));
    p.drawRect(sheet.rect(box));
    const double cx = box.center().x(), top = box.top() + 6, bottom = box.bottom() - 1.5;
    QPainterPath left, right;
    left.moveTo(sheet.at(cx, top));
    left.lineTo(sheet.at(cx - 2.6, bottom));
    left.lineTo(sheet.at(cx, bottom - 2.2));
    left.closeSubpath();
    right.moveTo(sheet.at(cx, top));
    right.lineTo(sheet.at(cx + 2.6, bottom));
    right.lineTo(sheet.at(cx, bottom - 2.2));
    right.closeSubpath();
    p.setPen(QPen(QColor(30, 30, 30), sheet.len(0.25)));
    p.setBrush(QColor(30, 30, 30));
    p.drawPath(left);
    p.setBrush(Qt::white);
    p.drawPath(right);
    // "B" for Bắc in Vietnamese.
    drawLine(p, sheet, QRectF(box.left(), box.top() + 0.5, box.width(), 5), w("B", "N"),
             reportFont(8, true), Qt::AlignCenter);
}

void drawLegend(QPainter& p, const Sheet& sheet, const QRectF& area, const MapReportData& data,
                const MapSettings& map, const Counts& counts, const Words& w) {
    double y = area.top();
    const double x = area.left(), width = area.width();
    const double row = 5.2;
    auto heading = [&](const QString& text, double size = 8.5) {
        y += drawWrapped(p, sheet, QRectF(x, y, width, 12), text, reportFont(size, true)) + 0.8;
    };
    auto entry = [&](const QString& text, const QString& count) {
        const QFont font = reportFont(8);
        // Counts as wide as "100.000 / 100.000" stay whole; the words give way.
        const double countWidth =
            QFontMetricsF(font, p.device()).horizontalAdvance(count) / sheet.dpmm + 1;
        drawLine(p, sheet, QRectF(x + 7, y, width - 8 - countWidth, row), text, font);
        if (!count.isEmpty())
            drawLine(p, sheet, QRectF(x + width - countWidth, y, countWidth, row), count, font,
                     Qt::AlignRight | Qt::AlignVCenter);
        y += row;
    };
    heading(w("Chú giải", "Legend"), 11);
    y += 1;
    heading(w("Cơ sở theo mức nguy cơ (đánh giá gần nhất)", "Facilities by latest assessment"));
    for (int c = kRiskLevelCount; c >= 0; --c) {
        drawSymbol(p, sheet, QPointF(x + 3, y + row / 2), static_cast<std::uint8_t>(c), 0);
        entry(levelName(static_cast<std::uint8_t>(c), w),
              number(counts.byCategory[static_cast<std::size_t>(c)], w));
    }
    y += 2;
    heading(w("Dấu hiệu", "Marks"));
    const std::array<std::tuple<std::uint8_t, QString, long long>, 3> marks{{
        {kFeatureSuspend, w("Cần tạm dừng hoạt động", "To suspend"), counts.suspend},
        {kFeatureInspect, w("Cần kiểm tra tuần này", "To inspect this week"), counts.thisWeek},
        {kFeatureStale, w("Đánh giá quá hạn", "Assessment out of date"), counts.stale},
    }};
    for (const auto& [flag, text, count] : marks) {
        drawSymbol(p, sheet, QPointF(x + 3, y + row / 2), 3, flag);
        entry(text, number(count, w));
    }
    y += 2;
    heading(w("Khu, cụm công nghiệp", "Industrial zones and clusters"));
    {
        const LayerStyle zones = zoneStyle();
        for (int c = 1; c <= kRiskLevelCount; ++c) {
            const CategoryStyle& cs = zones.forCategory(static_cast<std::uint8_t>(c));
            p.setPen(QPen(cs.stroke, sheet.len(0.3)));
            p.setBrush(cs.fill);
            p.drawRect(sheet.rect(QRectF(x + 1 + (c - 1) * 6.5, y + 0.8, 5.5, 3.6)));
        }
        y += row;
        const QString how = data.style.zoneColouring == ZoneColouring::UnsafeShare
                                ? w("Màu theo tỷ lệ cơ sở không an toàn (thấp → cao)",
                                    "Coloured by the share of unsafe facilities (low → high)")
                                : w("Màu theo mức nguy cơ cao nhất của cơ sở trong khu",
                                    "Coloured by the worst facility level inside (low → high)");
        y += drawWrapped(p, sheet, QRectF(x, y, width, 10), how, reportFont(7), QColor(60, 60, 60));
    }
    if (data.style.sizeByWorkforce) {
        y += 1;
        heading(w("Kích thước theo số lao động", "Size by workforce"));
        const LayerStyle style = factoryStyle();
        double cx = x + 2;
        for (int k = 0; k < kSizeClassCount; ++k) {
            const double d = sizeClassDiameter(style, k);
            cx += d * 25.4 / kScreenDpi / 2;
            drawSymbol(p, sheet, QPointF(cx, y + 3), 3, 0, d);
            cx += d * 25.4 / kScreenDpi / 2 + 2;
        }
        y += 7;
    }
    y += 2;
    heading(w("Tổng hợp", "Summary"));
    entry(w("Cơ sở trên bản đồ", "Facilities on the map"),
          number(counts.shown, w) + QStringLiteral(" / ") +
              number(static_cast<long long>(data.facts->factories.size()), w));
    entry(w("Cần tạm dừng hoạt động", "To suspend"), number(counts.suspend, w));
    entry(w("Cần kiểm tra", "Due for inspection"), number(counts.inspect, w));
    y += 2;
    const double denominator = scaleDenominator(map, kScreenDpi);
    if (std::isfinite(denominator) && denominator > 0) {
        const double step = std::pow(10.0, std::floor(std::log10(denominator)) - 1);
        const long long rounded = std::llround(std::round(denominator / step) * step);
        y += drawLine(p, sheet, QRectF(x, y, width, 4.5),
                      w("Tỷ lệ", "Scale") + QStringLiteral(" 1:") + number(rounded, w),
                      reportFont(7.5));
    }
    drawLine(p, sheet, QRectF(x, y, width, 4.5),
             w("Hệ tọa độ: WGS 84 / Pseudo-Mercator (EPSG:3857)",
               "Coordinates: WGS 84 / Pseudo-Mercator (EPSG:3857)"),
             reportFont(7), Qt::AlignLeft | Qt::AlignVCenter, QColor(80, 80, 80));
}

void paintMapPage(QPainter& p, const Sheet& sheet, const MapReportLayout& l,
                  const MapReportData& data, const MapReportOptions& options,
                  const Counts& counts) {
    const Words w{options.language == MapLanguage::Vietnamese};
    const MapSettings map = mapReportMapSettings(data, l.map);
    const QRectF frame = sheet.rect(l.map);
    p.save();
    p.setClipRect(frame);
    p.translate(frame.topLeft());
    const double scale = frame.width() / map.outputSize.width();
    p.scale(scale, scale);
    renderMap(p, map);
    p.restore();
    p.setPen(QPen(QColor(60, 60, 60), sheet.len(0.3)));
    p.setBrush(Qt::NoBrush);
    p.drawRect(frame);
    drawScaleBar(p, sheet, l.map, map, w);
    drawNorthArrow(p, sheet, l.map, w);
    drawLegend(p, sheet, l.legend, data, map, counts, w);
}

// One action list as a table in `area` (mm) with at most `maxRows` rows; returns the height
// used.
double drawListTable(QPainter& p, const Sheet& sheet, const QRectF& area, const ListView& view,
                     std::size_t maxRows, const QString& title, const Words& w) {
    double y = area.top();
    const std::size_t shown = std::min(maxRows, view.size());
    y += drawLine(p, sheet, QRectF(area.left(), y, area.width(), 6),
                  title + QStringLiteral(" (") + number(static_cast<long long>(view.size()), w) +
                      QLatin1Char(' ') + w("cơ sở", "facilities") + QLatin1Char(')'),
                  reportFont(10.5, true), Qt::AlignLeft | Qt::AlignVCenter, QColor(15, 40, 80)) +
         1;
    struct Column {
        QString name;
        double share;
        Qt::Alignment align;
    };
    const std::array<Column, 7> columns{{
        {w("TT", "No."), 0.05, Qt::AlignRight},
        {w("Cơ sở", "Facility"), 0.22, Qt::AlignLeft},
        {w("KCN, CCN", "Zone"), 0.13, Qt::AlignLeft},
        {w("Huyện", "District"), 0.10, Qt::AlignLeft},
        {w("Lao động", "Workers"), 0.07, Qt::AlignRight},
        {w("Mức nguy cơ", "Risk level"), 0.10, Qt::AlignLeft},
        {w("Lý do", "Reasons"), 0.33, Qt::AlignLeft},
    }};
    const double rowH = 4.6;
    auto drawRow = [&](const std::array<QString, 7>& cells, const QFont& font, bool shade) {
        if (shade) {
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(238, 242, 248));
            p.drawRect(sheet.rect(QRectF(area.left(), y, area.width(), rowH)));
        }
        double x = area.left();
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const double cw = columns[c].share * area.width();
            drawLine(p, sheet, QRectF(x + 1, y, cw - 2, rowH), cells[c], font,
                     columns[c].align | Qt::AlignVCenter);
            x += cw;
        }
        y += rowH;
    };
    std::array<QString, 7> header;
    for (std::size_t c = 0; c < columns.size(); ++c)
        header[c] = columns[c].name;
    drawRow(header, reportFont(7.5, true), false);
    p.setPen(QPen(QColor(15, 40, 80), sheet.len(0.3)));
    p.drawLine(sheet.at(area.left(), y), sheet.at(area.right(), y));
    const QFont font = reportFont(7.5);
    for (std::size_t i = 0; i < shown; ++i) {
        const ListRow r = view.row(i);
        drawRow({QString::number(r.rank), qs(r.name), qs(r.zone), qs(r.district),
                 r.workers ? number(*r.workers, w) : QString(),
                 r.level ? levelName(static_cast<std::uint8_t>(static_cast<int>(*r.level) + 1), w)
                         : levelName(0, w),
                 qs(r.reasonsIn(w.vi))},
                font, i % 2 == 1);
    }
    if (view.size() == 0) {
        y += drawLine(p, sheet, QRectF(area.left() + 1, y, area.width(), rowH),
                      w("Không có cơ sở nào.", "No facilities."), font);
    } else if (shown < view.size()) {
        y +=
            drawLine(p, sheet, QRectF(area.left() + 1, y, area.width(), rowH),
                     w("… và ", "… and ") + number(static_cast<long long>(view.size() - shown), w) +
                         w(" cơ sở khác (danh sách đầy đủ: Xuất CSV trong cửa sổ, hoặc "
                           "safemap list)",
                           " more (the full list: Export CSV in the window, or safemap list)"),
                     reportFont(7.5, false), Qt::AlignLeft | Qt::AlignVCenter, QColor(90, 90, 90));
    }
    return y - area.top();
}

void paintListPage(QPainter& p, const Sheet& sheet, const MapReportLayout& l,
                   const MapReportData& data, const MapReportOptions& options) {
    const Words w{options.language == MapLanguage::Vietnamese};
    const ListView suspend = listView(ActionList::ToSuspend, data.facts, data.status, data.filter);
    const ListView inspect = listView(ActionList::ToInspect, data.facts, data.status, data.filter);
    const QRectF body(l.map.left(), l.map.top(), l.legend.right() - l.map.left(), l.map.height());
    // Each table: a title (7 mm), a header row, its rows and a "… more" line (4.6 mm each).
    const double rowH = 4.6, fixed = 7 + rowH + rowH + kGapMm;
    const auto capacity =
        static_cast<std::size_t>(std::max(0.0, (body.height() - 2 * fixed) / rowH));
    const std::size_t half = capacity / 2;
    const std::size_t suspendRows =
        std::min(suspend.size(), std::max(half, capacity - std::min(capacity, inspect.size())));
    const std::size_t inspectRows = std::min(inspect.size(), capacity - suspendRows);
    const double used = drawListTable(p, sheet, body, suspend, suspendRows,
                                      qs(listTitle(ActionList::ToSuspend, w.vi)), w);
    drawListTable(p, sheet,
                  QRectF(body.left(), body.top() + used + kGapMm, body.width(),
                         body.height() - used - kGapMm),
                  inspect, inspectRows, qs(listTitle(ActionList::ToInspect, w.vi)), w);
}

}  // namespace

std::string mapReportDefaultTitle(MapLanguage language) {
    return language == MapLanguage::Vietnamese
               ? "Bản đồ nguy cơ lây nhiễm COVID-19 tại khu, cụm công nghiệp và cơ sở sản xuất"
               : "COVID-19 infection risk of industrial zones, clusters and facilities";
}

MapReportData mapReportData(std::string projectName, std::shared_ptr<const ProjectFacts> facts,
                            std::shared_ptr<const ProjectStatus> status,
                            const MapGeometry& geometry, const ProjectSettings& settings,
                            const SiteFilter& filter) {
    MapReportData data;
    data.projectName = std::move(projectName);
    const MapContent content =
        composeMap(geometry, *facts, *status, settings.style, settings.view.layers, filter);
    data.layers = content.layers;
    if (settings.view.extent && !settings.view.extent->empty()) {
        data.extent = *settings.view.extent;
    } else {
        data.extent = sitesExtent(content);
        if (data.extent.empty())
            data.extent = layersExtent(data.layers);
    }
    data.facts = std::move(facts);
    data.status = std::move(status);
    data.filter = filter;
    data.style = settings.style;
    return data;
}

QSizeF reportPaperSize(ReportPaper paper) {
    return paper == ReportPaper::A3 ? QSizeF(420, 297) : QSizeF(297, 210);
}

MapReportLayout mapReportLayout(QSizeF pageMm) {
    MapReportLayout l;
    l.page = pageMm;
    const double w = pageMm.width() - 2 * kMarginMm;
    l.title = QRectF(kMarginMm, kMarginMm, w, kTitleMm);
    l.footer = QRectF(kMarginMm, pageMm.height() - kMarginMm - kFooterMm, w, kFooterMm);
    const double top = l.title.bottom() + kGapMm;
    const double height = l.footer.top() - kGapMm - top;
    // Whole millimetres, so the map frame starts and ends on whole pixels at 254 dpi.
    const double legendWidth = std::round(std::clamp(w * 0.24, 62.0, 90.0));
    l.map = QRectF(kMarginMm, top, w - legendWidth - kGapMm, height);
    l.legend = QRectF(l.map.right() + kGapMm, top, legendWidth, height);
    return l;
}

MapSettings mapReportMapSettings(const MapReportData& data, const QRectF& mapMm) {
    MapSettings s;
    s.extent = data.extent;
    s.layers = data.layers;
    // Whole pixels across; down, enough to fill the frame at the same scale (the painter
    // scales both axes alike, and the frame clips the last fraction of a pixel).
    const int width = std::max(1, static_cast<int>(std::lround(mapMm.width() / 25.4 * kScreenDpi)));
    const int height =
        std::max(1, static_cast<int>(std::ceil(mapMm.height() * width / mapMm.width() - 1e-9)));
    s.outputSize = QSize(width, height);
    return s;
}

void paintMapReportPage(QPainter& painter, QSizeF pageMm, const MapReportData& data,
                        const MapReportOptions& options, int page) {
    const Sheet sheet{painter.device()->logicalDpiX() / 25.4};
    const MapReportLayout layout = mapReportLayout(pageMm);
    const Counts counts = countShown(data);
    const Heading heading = headingOf(data, options, counts.shown);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    drawTitleBand(painter, sheet, layout, heading);
    if (page == 0)
        paintMapPage(painter, sheet, layout, data, options, counts);
    else
        paintListPage(painter, sheet, layout, data, options);
    drawFooter(painter, sheet, layout, options, heading, page);
    painter.restore();
}

Status paintMapReport(QPagedPaintDevice& device, const MapReportData& data,
                      const MapReportOptions& options, const ReportProgress& progress) {
    if (!data.facts || !data.status)
        return codedError("report.not_loaded");
    const QSizeF pageMm = device.pageLayout().fullRect(QPageLayout::Millimeter).size();
    QPainter painter;
    if (!painter.begin(&device))
        return codedError("report.cannot_start");
    for (int page = 0; page < kMapReportPages; ++page) {
        if (progress && !progress(page, kMapReportPages)) {
            painter.end();
            return codedError("report.cancelled");
        }
        if (page > 0 && !device.newPage()) {
            painter.end();
            return codedError("report.cannot_add_page");
        }
        paintMapReportPage(painter, pageMm, data, options, page);
    }
    if (!painter.end())
        return codedError("report.cannot_finish");
    if (progress)
        progress(kMapReportPages, kMapReportPages);
    return {};
}

Status writeMapReportPdf(const std::string& path, const MapReportData& data,
                         const MapReportOptions& options, const ReportProgress& progress) {
    const std::string tmp = temporaryPathFor(path);
    Status drawn;
    {
        QPdfWriter writer(QString::fromStdString(tmp));
        writer.setResolution(600);
        writer.setCreator(QStringLiteral("SafeMap"));
        writer.setTitle(
            qs(options.title.empty() ? mapReportDefaultTitle(options.language) : options.title));
        const QPageSize size(options.paper == ReportPaper::A3 ? QPageSize::A3 : QPageSize::A4);
        writer.setPageLayout(QPageLayout(size, QPageLayout::Landscape, QMarginsF(0, 0, 0, 0),
                                         QPageLayout::Millimeter));
        drawn = paintMapReport(writer, data, options, progress);
    }  // the writer closes the file here
    if (!drawn || QFile(QString::fromStdString(tmp)).size() == 0) {
        std::remove(tmp.c_str());
        if (!drawn)
            if (!drawn) {
                Error e = drawn.error();
                if (e.file.empty())
                    e.file = path;
                return e;
            }
        return codedError("report.cannot_write", {}, path);
    }
    return commitTemporaryFile(tmp, path);
}

QImage mapReportImage(const MapReportData& data, const MapReportOptions& options, double dpi) {
    const QSizeF pageMm = reportPaperSize(options.paper);
    QImage image(static_cast<int>(std::lround(pageMm.width() / 25.4 * dpi)),
                 static_cast<int>(std::lround(pageMm.height() / 25.4 * dpi)),
                 QImage::Format_ARGB32_Premultiplied);
    const int dotsPerMetre = static_cast<int>(std::lround(dpi / 0.0254));
    image.setDotsPerMeterX(dotsPerMetre);
    image.setDotsPerMeterY(dotsPerMetre);
    image.fill(Qt::white);
    QPainter painter(&image);
    paintMapReportPage(painter, pageMm, data, options, 0);
    painter.end();
    return image;
}

Status writeMapReportPng(const std::string& path, const MapReportData& data,
                         const MapReportOptions& options, double dpi) {
    if (!(dpi >= 30 && dpi <= 1200))
        return codedError("report.bad_dpi", {}, path);
    const QImage image = mapReportImage(data, options, dpi);
    const std::string tmp = temporaryPathFor(path);
    if (!image.save(QString::fromStdString(tmp), "PNG")) {
        std::remove(tmp.c_str());
        return codedError("report.cannot_write_image", {}, path);
    }
    return commitTemporaryFile(tmp, path);
}

}  // namespace safemap
