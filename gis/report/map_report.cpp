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
#include <QSvgGenerator>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>
#include <unordered_map>

#include "core/errors/error_catalogue.h"
#include "core/filter/filter_match.h"
#include "core/project/export_heading.h"
#include "core/project/list_rows.h"
#include "core/text/display_format.h"
#include "core/util/atomic_file.h"
#include "core/util/timestamp.h"
#include "gis/render/basemap_attribution.h"
#include "gis/render/basemap_layers.h"
#include "gis/render/layer_style.h"
#include "gis/render/map_renderer.h"
#include "gis/render/point_symbol.h"
#include "gis/render/web_mercator.h"
#include "gis/report/report_charts.h"
#include "gis/report/report_drawing.h"
#include "gis/report/report_tables.h"

namespace safemap {

namespace {

using namespace report;

constexpr double kMarginMm = 10;
constexpr double kTitleMm = 20;
constexpr double kFooterMm = 10;
constexpr double kGapMm = 4;

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
    QString sources;  // the footer's "Nguồn: …"
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
    const Words w{vi};
    out.sources = w("Nguồn: dữ liệu dự án", "Sources: project") + QStringLiteral(" «") +
                  qs(data.projectName) + QStringLiteral("» (") + line(1) + QStringLiteral("; ") +
                  line(0) + QStringLiteral("). ") +
                  qs(basemapAttribution(options.language, AttributionForm::Short));
    return out;
}

// The largest size from `maxPt` down to `minPt` (by half points) at which `text` fits in
// one line `widthMm` wide; `minPt` if none does.
QFont fittingFont(const QPaintDevice* device, const Sheet& sheet, const QString& text,
                  double widthMm, double maxPt, double minPt, bool bold = false) {
    for (double pt = maxPt; pt > minPt; pt -= 0.5) {
        const QFont f = reportFont(pt, bold);
        if (QFontMetricsF(f, device).horizontalAdvance(text) <= sheet.len(widthMm))
            return f;
    }
    return reportFont(minPt, bold);
}

void drawTitleBand(QPainter& p, const Sheet& sheet, const MapReportLayout& l, const Heading& h) {
    const QRectF t = l.title;
    double y = t.y();
    QFont titleFont = fittingFont(p.device(), sheet, h.title, t.width(), 16, 13, true);
    const bool fits =
        QFontMetricsF(titleFont, p.device()).horizontalAdvance(h.title) <= sheet.len(t.width());
    if (!fits && t.height() >= 25) {
        // A portrait sheet's taller band: the title on two lines.
        y += drawWrapped(p, sheet, QRectF(t.x(), y + 0.5, t.width(), 13), h.title, titleFont,
                         kNavy) +
             0.8;
    } else {
        drawLine(p, sheet, QRectF(t.x(), y, t.width(), 9), h.title, titleFont,
                 Qt::AlignLeft | Qt::AlignVCenter, kNavy);
        y += 9.5;
    }
    drawLine(p, sheet, QRectF(t.x(), y, t.width(), 5), h.line1,
             fittingFont(p.device(), sheet, h.line1, t.width(), 9.5, 7.5));
    drawLine(p, sheet, QRectF(t.x(), y + 5, t.width(), 4.5), h.line2,
             fittingFont(p.device(), sheet, h.line2, t.width(), 8.5, 7),
             Qt::AlignLeft | Qt::AlignVCenter, QColor(70, 70, 70));
    p.setPen(QPen(kNavy, sheet.len(0.4)));
    p.drawLine(sheet.at(t.left(), t.bottom()), sheet.at(t.right(), t.bottom()));
}

// The footer of every page: where the data come from (the project, its criteria set, the
// basemap's sources, whose licences ask for them on every map), when it was made, and the
// page number.
void drawFooter(QPainter& p, const Sheet& sheet, const MapReportLayout& l,
                const MapReportOptions& options, const Heading& h, int page, int pages) {
    const Words w{options.language == MapLanguage::Vietnamese};
    const QRectF f = l.footer;
    p.setPen(QPen(QColor(150, 150, 150), sheet.len(0.2)));
    p.drawLine(sheet.at(f.left(), f.top() + 1), sheet.at(f.right(), f.top() + 1));
    // An image of the map view (pages == 0) has no page number.
    QString right = QStringLiteral("SafeMap · ") + h.generated;
    if (pages > 0)
        right += QStringLiteral(" · ") + w("Trang", "Page") + QLatin1Char(' ') +
                 QString::number(page + 1) + QLatin1Char('/') + QString::number(pages);
    const double rightWidth = 64;
    drawLine(p, sheet, QRectF(f.right() - rightWidth, f.top() + 2, rightWidth, 4), right,
             reportFont(7), Qt::AlignRight | Qt::AlignVCenter, kGrey);
    // As large as fits the footer (a narrow portrait sheet wraps the sources more).
    const QRectF box =
        sheet.rect(QRectF(f.left(), f.top() + 2, f.width() - rightWidth - 4, f.height() - 2));
    const int flags = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
    QFont font = reportFont(6.5);
    for (double pt = 6.5; pt >= 5; pt -= 0.5) {
        font = reportFont(pt);
        if (QFontMetricsF(font, p.device()).boundingRect(box, flags, h.sources).height() <=
            box.height())
            break;
    }
    p.setFont(font);
    p.setPen(kGrey);
    p.drawText(box, flags, h.sources);
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
    // A wide band (under the map on a portrait sheet) holds the legend in two columns.
    const bool twoColumns = area.width() > 150;
    double x = area.left();
    const double width = twoColumns ? (area.width() - 8) / 2 : area.width();
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
    if (twoColumns) {
        x = area.left() + width + 8;
        y = area.top() + 1;
    }
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

void paintMapBlock(QPainter& p, const Sheet& sheet, const QRectF& mm, const MapSettings& map,
                   const Words& w) {
    const QRectF frame = sheet.rect(mm);
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
    drawScaleBar(p, sheet, mm, map, w);
    drawNorthArrow(p, sheet, mm, w);
}

// An inset locating the map in Viet Nam: the country's land, provinces and the Hoàng Sa
// and Trường Sa archipelagos (drawn and named as Viet Nam's by the shipped basemap), with
// the map's extent outlined in red.
void paintOverviewBlock(QPainter& p, const Sheet& sheet, const QRectF& mm,
                        const MapReportData& data, const Words& w) {
    const double titleMm = 5;
    drawLine(p, sheet, QRectF(mm.left(), mm.top(), mm.width(), titleMm - 0.5),
             w("Vị trí trong cả nước", "Location in Viet Nam"), reportFont(8.5, true),
             Qt::AlignLeft | Qt::AlignVCenter, kNavy);
    const QRectF frameMm(mm.left(), mm.top() + titleMm, mm.width(), mm.height() - titleMm);
    MapSettings inset;
    for (const LayerRender& layer : data.layers) {
        const std::string& id = layer.data ? layer.data->id : std::string();
        if (id != kBasemapLandId && id != kBasemapArchipelagosId && id != kBasemapProvincesId)
            continue;
        LayerRender shown = layer;
        shown.visible = true;
        // At 1:30 000 000 the layers' own scale limits would hide them.
        shown.style.minScale = shown.style.maxScale = 0;
        shown.style.labelMaxScale = 0;
        // The archipelagos are named below, both always (a crowded inset would drop one).
        shown.style.showLabels = false;
        inset.layers.push_back(shown);
    }
    // Mainland and both archipelagos (102–118° E, 7–24° N).
    inset.extent = toMercator(BBox{101.8, 6.8, 118.4, 23.6});
    inset.outputSize =
        QSize(std::max(1, static_cast<int>(std::lround(frameMm.width() / 25.4 * kScreenDpi))),
              std::max(1, static_cast<int>(std::lround(frameMm.height() / 25.4 * kScreenDpi))));
    const QRectF frame = sheet.rect(frameMm);
    p.save();
    p.setClipRect(frame);
    p.translate(frame.topLeft());
    const double scale = frame.width() / inset.outputSize.width();
    p.scale(scale, scale);
    renderMap(p, inset);
    // The report's map, outlined (at least a few pixels, so a district still shows).
    const MapTransform t(inset);
    if (t.valid() && !data.extent.empty()) {
        QRectF r = t.toPixel(data.extent).normalized();
        if (r.width() < 4)
            r.adjust(-2, 0, 2, 0);
        if (r.height() < 4)
            r.adjust(0, -2, 0, 2);
        p.setPen(QPen(QColor(200, 30, 30), 1.6));
        p.setBrush(Qt::NoBrush);
        p.drawRect(r);
    }
    p.restore();
    if (t.valid()) {
        // Named in sheet units (the inset's painter was scaled to its logical pixels).
        QFont font = reportFont(5.5);
        font.setItalic(true);
        const auto name = [&](double lon, double lat, const QString& text) {
            const QPointF px = t.toPixel(toMercator(GeoPoint{lon, lat}));
            const QPointF at = frame.topLeft() + px * scale;
            const double half = sheet.len(15);
            p.setFont(font);
            p.setPen(QColor(40, 60, 110));
            p.drawText(QRectF(at.x() - half, at.y(), 2 * half, sheet.len(3)),
                       Qt::AlignHCenter | Qt::AlignTop, text);
        };
        p.save();
        p.setClipRect(frame);
        name(112.3, 16.1, w("Quần đảo Hoàng Sa", "Hoang Sa (Paracel) Islands"));
        name(114.6, 8.1, w("Quần đảo Trường Sa", "Truong Sa (Spratly) Islands"));
        p.restore();
    }
    p.setPen(QPen(QColor(60, 60, 60), sheet.len(0.3)));
    p.setBrush(Qt::NoBrush);
    p.drawRect(frame);
}

// The body of a page: from under the title band to above the footer, full width.
QRectF pageBody(const MapReportLayout& l) {
    const double top = l.title.bottom() + kGapMm;
    return {l.title.left(), top, l.title.width(), l.footer.top() - kGapMm - top};
}

// Where the first page's blocks go (mm): the template's places in the body, each inset
// by half a gap where it meets another block; without a template, the usual layout.
std::vector<std::pair<ReportBlockKind, QRectF>> blockRects(const MapReportLayout& l,
                                                           const MapReportOptions& options) {
    if (options.blocks.empty())
        return {{ReportBlockKind::Map, l.map}, {ReportBlockKind::Legend, l.legend}};
    const QRectF body = pageBody(l);
    std::vector<std::pair<ReportBlockKind, QRectF>> out;
    const double half = kGapMm / 2;
    for (const ReportBlockPlace& b : options.blocks) {
        QRectF r(body.left() + b.x * body.width(), body.top() + b.y * body.height(),
                 b.width * body.width(), b.height * body.height());
        r.adjust(b.x > 1e-6 ? half : 0, b.y > 1e-6 ? half : 0, b.x + b.width < 1 - 1e-6 ? -half : 0,
                 b.y + b.height < 1 - 1e-6 ? -half : 0);
        out.emplace_back(b.kind, r);
    }
    return out;
}

void paintMapPage(QPainter& p, const Sheet& sheet, const MapReportLayout& l,
                  const MapReportData& data, const MapReportOptions& options,
                  const Counts& counts) {
    const Words w{options.language == MapLanguage::Vietnamese};
    const auto rects = blockRects(l, options);
    // The legend's scale is the (first) map's.
    QRectF mapMm = l.map;
    for (const auto& [kind, r] : rects)
        if (kind == ReportBlockKind::Map) {
            mapMm = r;
            break;
        }
    const MapSettings map = mapReportMapSettings(data, mapMm);
    // Counted once, and only when a chart is drawn (the trend evaluates every data date).
    std::optional<ChartData> chartCache;
    auto charts = [&]() -> const ChartData& {
        if (!chartCache)
            chartCache = chartData(data, w);
        return *chartCache;
    };
    for (const auto& [kind, r] : rects) {
        switch (kind) {
            case ReportBlockKind::Map:
                paintMapBlock(p, sheet, r, r == mapMm ? map : mapReportMapSettings(data, r), w);
                break;
            case ReportBlockKind::Legend:
                drawLegend(p, sheet, r, data, map, counts, w);
                break;
            case ReportBlockKind::LevelsChart:
                paintLevelsChart(p, sheet, r, charts(), w);
                break;
            case ReportBlockKind::DistrictsChart:
                paintDistrictsChart(p, sheet, r, charts(), w);
                break;
            case ReportBlockKind::TrendChart:
                paintTrendChart(p, sheet, r, charts(), w);
                break;
            case ReportBlockKind::Overview:
                paintOverviewBlock(p, sheet, r, data, w);
                break;
        }
    }
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

QSizeF reportPaperSize(ReportPaper paper, ReportOrientation orientation) {
    const QSizeF landscape = paper == ReportPaper::A3 ? QSizeF(420, 297) : QSizeF(297, 210);
    return orientation == ReportOrientation::Landscape ? landscape : landscape.transposed();
}

MapReportLayout mapReportLayout(QSizeF pageMm) {
    MapReportLayout l;
    l.page = pageMm;
    const double w = pageMm.width() - 2 * kMarginMm;
    // A portrait sheet's band has room for a title on two lines.
    const bool portrait = pageMm.height() > pageMm.width();
    l.title = QRectF(kMarginMm, kMarginMm, w, portrait ? kTitleMm + 6 : kTitleMm);
    l.footer = QRectF(kMarginMm, pageMm.height() - kMarginMm - kFooterMm, w, kFooterMm);
    const double top = l.title.bottom() + kGapMm;
    const double height = l.footer.top() - kGapMm - top;
    if (portrait) {
        // Portrait: the legend is a band under the map, in two columns.
        const double legendHeight = 72;
        l.map = QRectF(kMarginMm, top, w, std::round(height - legendHeight - kGapMm));
        l.legend = QRectF(kMarginMm, l.map.bottom() + kGapMm, w, legendHeight);
        return l;
    }
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

namespace {

// The report's pages: the map page (if any), then the tables' pages.
struct ReportPlan {
    std::vector<report::ReportTable> tables;
    std::vector<report::TablePage> tablePages;
    int mapPages = 0;
    int pages() const { return mapPages + static_cast<int>(tablePages.size()); }
};

ReportPlan planReport(const QPaintDevice& device, QSizeF pageMm, const MapReportData& data,
                      const MapReportOptions& options) {
    ReportPlan plan;
    plan.mapPages = options.mapPage ? 1 : 0;
    if (options.lists.empty())
        return plan;
    const Words w{options.language == MapLanguage::Vietnamese};
    const QRectF body = pageBody(mapReportLayout(pageMm));
    const ListView suspend = listView(ActionList::ToSuspend, data.facts, data.status, data.filter);
    const ListView inspect = listView(ActionList::ToInspect, data.facts, data.status, data.filter);
    plan.tables = prepareTables(options.lists, suspend, inspect, options.listRowLimit, body.width(),
                                &device, w);
    plan.tablePages = paginateTables(plan.tables, body.height());
    return plan;
}

// Paints one page of the plan: the title band, the map or a page of tables, the footer.
void paintPlannedPage(QPainter& painter, QSizeF pageMm, const MapReportData& data,
                      const MapReportOptions& options, const ReportPlan& plan, int page, int pages,
                      const Counts& counts, const Heading& heading) {
    const Sheet sheet{painter.device()->logicalDpiX() / 25.4};
    const MapReportLayout layout = mapReportLayout(pageMm);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    drawTitleBand(painter, sheet, layout, heading);
    if (page < plan.mapPages) {
        paintMapPage(painter, sheet, layout, data, options, counts);
    } else {
        const Words w{options.language == MapLanguage::Vietnamese};
        paintTablePage(painter, sheet, pageBody(layout), plan.tables,
                       plan.tablePages[static_cast<std::size_t>(page - plan.mapPages)], w);
    }
    drawFooter(painter, sheet, layout, options, heading, page, pages);
    painter.restore();
}

}  // namespace

void paintMapReportPage(QPainter& painter, QSizeF pageMm, const MapReportData& data,
                        const MapReportOptions& options, int pages) {
    ReportPlan plan;
    plan.mapPages = 1;
    const Counts counts = countShown(data);
    const Heading heading = headingOf(data, options, counts.shown);
    paintPlannedPage(painter, pageMm, data, options, plan, 0, std::max(1, pages), counts, heading);
}

int mapReportPageCount(const QPaintDevice& device, QSizeF pageMm, const MapReportData& data,
                       const MapReportOptions& options) {
    return planReport(device, pageMm, data, options).pages();
}

Status paintMapReport(QPagedPaintDevice& device, const MapReportData& data,
                      const MapReportOptions& options, const ReportProgress& progress) {
    if (!data.facts || !data.status)
        return codedError("report.not_loaded");
    const QSizeF pageMm = device.pageLayout().fullRect(QPageLayout::Millimeter).size();
    const ReportPlan plan = planReport(device, pageMm, data, options);
    const int pages = plan.pages();
    if (pages == 0)
        return codedError("report.no_pages");
    const Counts counts = countShown(data);
    const Heading heading = headingOf(data, options, counts.shown);
    QPainter painter;
    if (!painter.begin(&device))
        return codedError("report.cannot_start");
    for (int page = 0; page < pages; ++page) {
        if (progress && !progress(page, pages)) {
            painter.end();
            return codedError("report.cancelled");
        }
        if (page > 0 && !device.newPage()) {
            painter.end();
            return codedError("report.cannot_add_page");
        }
        paintPlannedPage(painter, pageMm, data, options, plan, page, pages, counts, heading);
    }
    if (!painter.end())
        return codedError("report.cannot_finish");
    if (progress)
        progress(pages, pages);
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
        writer.setPageLayout(QPageLayout(size,
                                         options.orientation == ReportOrientation::Portrait
                                             ? QPageLayout::Portrait
                                             : QPageLayout::Landscape,
                                         QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
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
    const QSizeF pageMm = reportPaperSize(options.paper, options.orientation);
    QImage image(static_cast<int>(std::lround(pageMm.width() / 25.4 * dpi)),
                 static_cast<int>(std::lround(pageMm.height() / 25.4 * dpi)),
                 QImage::Format_ARGB32_Premultiplied);
    const int dotsPerMetre = static_cast<int>(std::lround(dpi / 0.0254));
    image.setDotsPerMeterX(dotsPerMetre);
    image.setDotsPerMeterY(dotsPerMetre);
    image.fill(Qt::white);
    QPainter painter(&image);
    paintMapReportPage(painter, pageMm, data, options);
    painter.end();
    return image;
}

QImage mapReportPageImage(const MapReportData& data, const MapReportOptions& options, double dpi,
                          int page, int* pages) {
    const QSizeF pageMm = reportPaperSize(options.paper, options.orientation);
    QImage image(static_cast<int>(std::lround(pageMm.width() / 25.4 * dpi)),
                 static_cast<int>(std::lround(pageMm.height() / 25.4 * dpi)),
                 QImage::Format_ARGB32_Premultiplied);
    const int dotsPerMetre = static_cast<int>(std::lround(dpi / 0.0254));
    image.setDotsPerMeterX(dotsPerMetre);
    image.setDotsPerMeterY(dotsPerMetre);
    image.fill(Qt::white);
    if (pages)
        *pages = 0;
    if (!data.facts || !data.status)
        return image;
    const ReportPlan plan = planReport(image, pageMm, data, options);
    const int count = plan.pages();
    if (pages)
        *pages = count;
    if (count == 0)
        return image;
    const Counts counts = countShown(data);
    const Heading heading = headingOf(data, options, counts.shown);
    QPainter painter(&image);
    paintPlannedPage(painter, pageMm, data, options, plan, std::clamp(page, 0, count - 1), count,
                     counts, heading);
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

void applyReportTemplate(MapReportOptions& options, const ReportTemplate& tmpl) {
    options.paper = tmpl.paper == TemplatePaper::A3 ? ReportPaper::A3 : ReportPaper::A4;
    options.orientation = tmpl.orientation == TemplateOrientation::Portrait
                              ? ReportOrientation::Portrait
                              : ReportOrientation::Landscape;
    if (!tmpl.title.empty())
        options.title = tmpl.title;
    options.mapPage = !tmpl.blocks.empty();
    options.blocks = tmpl.blocks;
    options.lists = tmpl.lists;
}

namespace {

// The map view's sheet: the whole image is the map, or the title band (with `title`) and
// the legend (with `legend`) take their usual places, with the footer naming the sources.
MapReportLayout mapViewLayout(QSizeF pageMm, const MapViewOptions& view) {
    MapReportLayout l;
    l.page = pageMm;
    if (!view.title && !view.legend) {
        l.map = QRectF(QPointF(0, 0), pageMm);
        return l;
    }
    l = mapReportLayout(pageMm);
    if (!view.title) {
        // No band: the body starts at the top margin (a legend beside the map moves up too).
        l.title = QRectF(kMarginMm, kMarginMm - kGapMm, l.title.width(), 0);
        const double oldTop = l.map.top();
        l.map.setTop(kMarginMm);
        if (std::abs(l.legend.top() - oldTop) < 1e-9)
            l.legend.setTop(kMarginMm);
    }
    if (!view.legend) {
        const double bottom = l.footer.top() - kGapMm;
        l.map = QRectF(l.map.left(), l.map.top(), l.title.width(), bottom - l.map.top());
        l.legend = QRectF();
    }
    return l;
}

QSizeF viewSheetMm(const MapViewOptions& view) {
    return {view.pixels.width() / view.dpi * 25.4, view.pixels.height() / view.dpi * 25.4};
}

}  // namespace

void paintMapView(QPainter& painter, const MapReportData& data, const MapReportOptions& options,
                  const MapViewOptions& view) {
    const QSizeF pageMm = viewSheetMm(view);
    const Sheet sheet{view.dpi / 25.4};
    const MapReportLayout l = mapViewLayout(pageMm, view);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const Words w{options.language == MapLanguage::Vietnamese};
    if (!view.title && !view.legend) {
        // The bare map, as the window draws it: symbols as big as on a screen at 96 dpi.
        const MapSettings map = mapReportMapSettings(data, l.map);
        const double scale = sheet.len(l.map.width()) / map.outputSize.width();
        painter.scale(scale, scale);
        renderMap(painter, map);
        painter.restore();
        return;
    }
    painter.fillRect(QRectF(QPointF(0, 0), sheet.rect(QRectF(QPointF(0, 0), pageMm)).size()),
                     Qt::white);
    const Counts counts = countShown(data);
    const Heading heading = headingOf(data, options, counts.shown);
    const MapSettings map = mapReportMapSettings(data, l.map);
    paintMapBlock(painter, sheet, l.map, map, w);
    // Qt 6.4's SVG generator writes no clip paths: the map's features run past its frame.
    // White bands around the frame hide them, then the frame is drawn again on top.
    const QRectF frame = sheet.rect(l.map);
    const QRectF page = sheet.rect(QRectF(QPointF(0, 0), pageMm));
    const double pad = sheet.len(50);  // past the sheet's edges too
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::white);
    painter.drawRect(QRectF(QPointF(-pad, -pad), QPointF(page.right() + pad, frame.top())));
    painter.drawRect(
        QRectF(QPointF(-pad, frame.bottom()), QPointF(page.right() + pad, page.bottom() + pad)));
    painter.drawRect(QRectF(QPointF(-pad, frame.top()), QPointF(frame.left(), frame.bottom())));
    painter.drawRect(
        QRectF(QPointF(frame.right(), frame.top()), QPointF(page.right() + pad, frame.bottom())));
    painter.setPen(QPen(QColor(60, 60, 60), sheet.len(0.3)));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(frame);
    painter.restore();
    if (view.title)
        drawTitleBand(painter, sheet, l, heading);
    if (view.legend)
        drawLegend(painter, sheet, l.legend, data, map, counts, w);
    drawFooter(painter, sheet, l, options, heading, 0, 0);
    painter.restore();
}

QImage mapViewImage(const MapReportData& data, const MapReportOptions& options,
                    const MapViewOptions& view) {
    QImage image(view.pixels, QImage::Format_ARGB32_Premultiplied);
    const int dotsPerMetre = static_cast<int>(std::lround(view.dpi / 0.0254));
    image.setDotsPerMeterX(dotsPerMetre);
    image.setDotsPerMeterY(dotsPerMetre);
    image.fill(Qt::white);
    QPainter painter(&image);
    paintMapView(painter, data, options, view);
    painter.end();
    return image;
}

Status writeMapView(const std::string& path, MapViewFormat format, const MapReportData& data,
                    const MapReportOptions& options, const MapViewOptions& view) {
    if (!data.facts || !data.status)
        return codedError("report.not_loaded");
    if (!(view.dpi >= 30 && view.dpi <= 1200))
        return codedError("report.bad_dpi", {}, path);
    if (view.pixels.width() < 16 || view.pixels.height() < 16 || view.pixels.width() > 20000 ||
        view.pixels.height() > 20000)
        return codedError("report.bad_image_size", {}, path);
    const std::string tmp = temporaryPathFor(path);
    bool written = false;
    if (format == MapViewFormat::Png) {
        written = mapViewImage(data, options, view).save(QString::fromStdString(tmp), "PNG");
    } else {
        QSvgGenerator svg;
        svg.setFileName(QString::fromStdString(tmp));
        svg.setSize(view.pixels);
        svg.setViewBox(QRect(QPoint(0, 0), view.pixels));
        svg.setResolution(static_cast<int>(std::lround(view.dpi)));
        svg.setTitle(
            qs(options.title.empty() ? mapReportDefaultTitle(options.language) : options.title));
        svg.setDescription(QStringLiteral("SafeMap"));
        QPainter painter;
        if (painter.begin(&svg)) {
            paintMapView(painter, data, options, view);
            written = painter.end();
        }
        written = written && QFile(QString::fromStdString(tmp)).size() > 0;
    }
    if (!written) {
        std::remove(tmp.c_str());
        return codedError("report.cannot_write_image", {}, path);
    }
    return commitTemporaryFile(tmp, path);
}

}  // namespace safemap
