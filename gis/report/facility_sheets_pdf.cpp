#include "gis/report/facility_sheets_pdf.h"

#include <QFile>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/errors/error_catalogue.h"
#include "core/text/display_format.h"
#include "core/util/atomic_file.h"
#include "core/util/timestamp.h"
#include "gis/project/map_composition.h"
#include "gis/render/map_renderer.h"
#include "gis/render/web_mercator.h"
#include "gis/report/report_drawing.h"

namespace safemap {

namespace {

using namespace report;

constexpr double kMargin = 12;
constexpr double kPageW = 210;
constexpr double kPageH = 297;
constexpr double kBodyW = kPageW - 2 * kMargin;
constexpr double kFooterH = 7;
constexpr std::size_t kInspectionRows = 4;

const QColor kRule(120, 120, 120);
const QColor kRed(176, 0, 32);

QString dateText(const Date& d, const DisplayStyle& style) {
    return qs(formatDateFor(d, style));
}

void hline(QPainter& p, const Sheet& s, double x0, double x1, double y, double widthMm = 0.2,
           const QColor& colour = kRule) {
    p.setPen(QPen(colour, s.len(widthMm)));
    p.drawLine(s.at(x0, y), s.at(x1, y));
}

// A tick box (3 mm) with its label to the right; returns the x after the label.
double checkBox(QPainter& p, const Sheet& s, double x, double y, const QString& label,
                const QFont& font) {
    p.setPen(QPen(kInk, s.len(0.3)));
    p.setBrush(Qt::NoBrush);
    p.drawRect(s.rect(QRectF(x, y + 0.6, 3, 3)));
    const double width = QFontMetricsF(font, p.device()).horizontalAdvance(label) / s.dpmm;
    drawLine(p, s, QRectF(x + 4.2, y, width + 1, 4.2), label, font);
    return x + 4.2 + width + 5;
}

double sectionTitle(QPainter& p, const Sheet& s, double y, const QString& text) {
    drawLine(p, s, QRectF(kMargin, y, kBodyW, 5), text, reportFont(9.5, true),
             Qt::AlignLeft | Qt::AlignVCenter, kNavy);
    hline(p, s, kMargin, kMargin + kBodyW, y + 5.2, 0.3, kNavy);
    return y + 6.2;
}

void paintInset(QPainter& p, const Sheet& s, const QRectF& mm, const FacilitySheets& sheets,
                const FacilitySheet& sheet, const std::vector<LayerRender>& layers,
                const Words& w) {
    const Factory& f = sheet.factory;
    BBox lonLat;
    lonLat.extend(f.location.lon, f.location.lat);
    for (const Zone& z : sheets.facts->zones)
        if (z.id == f.zoneId && !z.area.empty()) {
            const BBox zb = bounds(z.area);
            lonLat.extend(zb.minX, zb.minY);
            lonLat.extend(zb.maxX, zb.maxY);
        }
    BBox extent = withMinimumSpan(toMercator(lonLat), 1200);
    const double padX = (extent.maxX - extent.minX) * 0.12;
    const double padY = (extent.maxY - extent.minY) * 0.12;
    extent = BBox{extent.minX - padX, extent.minY - padY, extent.maxX + padX, extent.maxY + padY};
    MapSettings map;
    map.layers = layers;
    map.extent = extent;
    map.outputSize =
        QSize(std::max(1, static_cast<int>(std::lround(mm.width() / 25.4 * kScreenDpi))),
              std::max(1, static_cast<int>(std::lround(mm.height() / 25.4 * kScreenDpi))));
    const QRectF frame = s.rect(mm);
    p.save();
    p.setClipRect(frame);
    p.translate(frame.topLeft());
    const double scale = frame.width() / map.outputSize.width();
    p.scale(scale, scale);
    renderMap(p, map);
    // The facility of this sheet, ringed, so it stands out among its neighbours.
    const MapTransform t(map);
    if (t.valid()) {
        const QPointF at = t.toPixel(toMercator(f.location));
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(kRed, 2.2));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(at, 11, 11);
    }
    p.restore();
    p.setPen(QPen(QColor(60, 60, 60), s.len(0.3)));
    p.setBrush(Qt::NoBrush);
    p.drawRect(frame);
    // The ground width of the frame, so the inspector can judge distances.
    if (t.valid()) {
        const BBox shown = t.visibleExtent();
        const double lat = f.location.lat;
        // Rounded: 3 km, 850 m (a frame's width is a rough guide, not a measurement).
        double metres = (shown.maxX - shown.minX) * groundPerMercatorMetre(lat);
        metres = metres >= 1000 ? std::round(metres / 100) * 100 : std::round(metres / 10) * 10;
        const DisplayStyle style = displayStyle(w.vi ? Language::Vietnamese : Language::English);
        drawLine(p, s, QRectF(mm.left(), mm.bottom() + 0.3, mm.width(), 3.6),
                 w("Khung rộng khoảng ", "Frame about ") + qs(formatLength(metres, style)) +
                     w(" · vòng đỏ: cơ sở này", " across · red ring: this facility"),
                 reportFont(6.5), Qt::AlignLeft | Qt::AlignVCenter, kGrey);
    }
}

void paintSheet(QPainter& p, const FacilitySheets& sheets, std::size_t index,
                const std::vector<LayerRender>& layers, const FacilitySheetsOptions& options) {
    const Sheet s{p.device()->logicalDpiX() / 25.4};
    const Words w{options.language == MapLanguage::Vietnamese};
    const DisplayStyle style = displayStyle(w.vi ? Language::Vietnamese : Language::English);
    const FacilitySheet& sheet = sheets.sheets[index];
    const Factory& f = sheet.factory;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);

    // --- title band -----------------------------------------------------------------
    double y = kMargin;
    QString kicker = w("PHIẾU KIỂM TRA CƠ SỞ", "FACILITY INSPECTION SHEET");
    if (!sheets.info.name.empty())
        kicker += QStringLiteral("  ·  ") + qs(sheets.info.name);
    QString stop;
    if (sheet.stop)
        stop = w("Điểm dừng ", "Stop ") + QString::number(*sheet.stop);
    drawLine(p, s, QRectF(kMargin, y, kBodyW - 30, 4.5), kicker, reportFont(8, true),
             Qt::AlignLeft | Qt::AlignVCenter, kGrey);
    drawLine(p, s, QRectF(kMargin + kBodyW - 30, y - 0.5, 30, 7), stop, reportFont(13, true),
             Qt::AlignRight | Qt::AlignVCenter, kNavy);
    y += 5.5;
    // The whole name, always: as large as fits one line, else on two lines.
    QFont nameFont = reportFont(15, true);
    for (double pt = 15; pt >= 11; pt -= 0.5) {
        nameFont = reportFont(pt, true);
        if (QFontMetricsF(nameFont, p.device()).horizontalAdvance(qs(f.name)) <= s.len(kBodyW))
            break;
    }
    if (QFontMetricsF(nameFont, p.device()).horizontalAdvance(qs(f.name)) <= s.len(kBodyW)) {
        drawLine(p, s, QRectF(kMargin, y, kBodyW, 8), qs(f.name), nameFont,
                 Qt::AlignLeft | Qt::AlignVCenter, kNavy);
        y += 8.5;
    } else {
        y += drawWrapped(p, s, QRectF(kMargin, y + 0.5, kBodyW, 12), qs(f.name), nameFont, kNavy) +
             1;
    }
    QString where = sheet.zoneName.empty() ? w("Ngoài khu, cụm công nghiệp", "Outside any zone")
                                           : qs(sheet.zoneName);
    for (const std::string* part : {&f.district, &f.province})
        if (!part->empty())
            where += QStringLiteral(" · ") + qs(*part);
    drawLine(p, s, QRectF(kMargin, y, kBodyW, 5), where, reportFont(9.5));
    y += 5.5;
    hline(p, s, kMargin, kMargin + kBodyW, y, 0.5, kNavy);
    y += 2.5;

    // --- record (left) and map inset (right) ------------------------------------------
    const double insetW = 74, insetH = 58;
    const double recordW = kBodyW - insetW - 5;
    paintInset(p, s, QRectF(kMargin + recordW + 5, y, insetW, insetH), sheets, sheet, layers, w);
    const auto count = [&](const std::optional<int>& n) {
        return n ? qs(formatCount(*n, style)) : w("không rõ", "unknown");
    };
    struct Row {
        QString key, value;
        QColor colour = kInk;
        bool wrap = false;
    };
    std::vector<Row> rows = {
        {w("Mã cơ sở", "Site ID"), qs(f.id)},
        {w("Mã số thuế", "Tax code"), f.taxCode.empty() ? w("không có", "none") : qs(f.taxCode)},
        {w("Địa chỉ", "Address"), qs(f.address), kInk, true},
        {w("Ngành nghề", "Sector"), qs(f.sector)},
        {w("Lao động", "Workers"),
         count(f.workforce.total) + w(" · ngoại tỉnh ", " · out of province ") +
             count(f.workforce.outOfProvince) + w(" · ca đông nhất ", " · largest shift ") +
             count(f.workforce.largestShift)},
        {w("Tọa độ", "Lon, lat"),
         QStringLiteral("%1, %2").arg(f.location.lon, 0, 'f', 6).arg(f.location.lat, 0, 'f', 6)},
        {w("Mức nguy cơ", "Risk level"),
         sheet.level.empty() ? w("chưa đánh giá", "not assessed")
                             : qs(sheet.level) + QStringLiteral(" (") +
                                   qs(formatPercent(sheet.percent, style)) + QLatin1Char(')'),
         sheet.level.empty() ? kInk : kNavy},
    };
    const double keyW = 24;
    double ry = y;
    for (const Row& r : rows) {
        drawLine(p, s, QRectF(kMargin, ry, keyW, 4.6), r.key, reportFont(8),
                 Qt::AlignLeft | Qt::AlignVCenter, kGrey);
        if (r.wrap) {
            // The address in full (the inspector has to find the gate): up to two lines.
            const double h =
                drawWrapped(p, s, QRectF(kMargin + keyW, ry + 0.55, recordW - keyW, 8.4), r.value,
                            reportFont(8.5), r.colour);
            ry += std::max(4.8, h + 1.2);
            continue;
        }
        drawLine(p, s, QRectF(kMargin + keyW, ry, recordW - keyW, 4.6), r.value,
                 reportFont(8.5, r.colour != kInk), Qt::AlignLeft | Qt::AlignVCenter, r.colour);
        ry += 4.8;
    }
    // Why it is on a list: what the inspector is sent to look at.
    for (const std::string& line : sheet.onLists) {
        if (ry > y + insetH - 4)
            break;
        ry += drawWrapped(p, s, QRectF(kMargin, ry + 0.4, recordW, y + insetH - ry), qs(line),
                          reportFont(7.5), kRed) +
              0.6;
    }
    y += insetH + 5;

    // --- the findings form at the bottom; the room the assessment leaves goes to more lines
    // for findings, and a long assessment gets tighter rows before the form shrinks.
    const double footerTop = kPageH - kMargin - kFooterH;
    const double measureRowH = 6;
    const double lineGap = 7.5;
    const double signatureH = 24;
    const auto formHeight = [&](int lines) {
        return 6.2 + 8 + measureRowH * static_cast<double>(sheets.measures.size()) + 5 +
               lineGap * lines + 9 + signatureH + 2;
    };
    const std::size_t inspectionShown = std::min(sheet.inspections.size(), kInspectionRows);
    const double inspectionsH =
        6.2 + 4.6 * static_cast<double>(std::max<std::size_t>(inspectionShown, 1)) +
        (sheet.inspections.size() > kInspectionRows ? 4 : 0) + 3;
    const double assessmentH =
        sheet.latest ? 6.2 + 4.5 + 4.6 * static_cast<double>(sheet.latest->rows.size()) + 5.5 +
                           4.2 * static_cast<double>(sheet.latest->vetoes.size()) + 2
                     : 6.2 + 8;
    int findingLines = 3;
    const double spare = footerTop - formHeight(findingLines) - inspectionsH - assessmentH - y;
    if (spare > lineGap)
        findingLines += std::min(6, static_cast<int>(spare / lineGap));
    const double formTop = footerTop - formHeight(findingLines);
    const double assessmentBottom = formTop - inspectionsH;

    if (!sheet.latest) {
        y = sectionTitle(p, s, y, w("Đánh giá gần nhất", "Latest assessment"));
        drawLine(
            p, s, QRectF(kMargin, y, kBodyW, 5),
            w("Cơ sở chưa nộp phiếu đánh giá nào.", "The facility has submitted no assessment."),
            reportFont(8.5));
        y += 8;
    } else {
        const SheetAssessment& a = *sheet.latest;
        QString title = w("Đánh giá gần nhất: ", "Latest assessment: ") + dateText(a.date, style);
        if (!a.submitter.empty())
            title += w(" — người nộp: ", " — submitted by ") + qs(a.submitter);
        y = sectionTitle(p, s, y, title);
        const double answerX = kMargin + 100, pointsX = kMargin + kBodyW - 20;
        const double rowsRoom =
            assessmentBottom - y - 4.5 - 5.5 - 4.2 * static_cast<double>(a.vetoes.size()) - 2;
        const double rowH =
            std::clamp(rowsRoom / std::max<std::size_t>(a.rows.size(), 1), 3.2, 4.6);
        const double pt = rowH >= 4.2 ? 8 : 7;
        drawLine(p, s, QRectF(kMargin, y, 98, 4.2), w("Tiêu chí", "Index"), reportFont(7.5, true),
                 Qt::AlignLeft | Qt::AlignVCenter, kGrey);
        drawLine(p, s, QRectF(answerX, y, pointsX - answerX, 4.2), w("Trả lời", "Answer"),
                 reportFont(7.5, true), Qt::AlignLeft | Qt::AlignVCenter, kGrey);
        drawLine(p, s, QRectF(pointsX, y, 20, 4.2), w("Điểm", "Points"), reportFont(7.5, true),
                 Qt::AlignRight | Qt::AlignVCenter, kGrey);
        y += 4.5;
        for (std::size_t i = 0; i < a.rows.size(); ++i) {
            const SheetIndexRow& r = a.rows[i];
            if (i % 2 == 1) {
                p.fillRect(s.rect(QRectF(kMargin, y, kBodyW, rowH)), QColor(243, 245, 248));
            }
            const QColor c = r.mandatoryFailed || r.points >= 7 ? kRed : kInk;
            drawLine(p, s, QRectF(kMargin + 1, y, 98, rowH), qs(r.label), reportFont(pt),
                     Qt::AlignLeft | Qt::AlignVCenter);
            drawLine(p, s, QRectF(answerX, y, pointsX - answerX, rowH),
                     r.answer.empty() ? w("chưa trả lời", "not answered") : qs(r.answer),
                     reportFont(pt), Qt::AlignLeft | Qt::AlignVCenter, c);
            drawLine(p, s, QRectF(pointsX, y, 19, rowH),
                     qs(formatNumber(r.points, style)) + QStringLiteral(" / ") +
                         qs(formatNumber(r.pointsMax, style)),
                     reportFont(pt), Qt::AlignRight | Qt::AlignVCenter, c);
            y += rowH;
        }
        hline(p, s, kMargin, kMargin + kBodyW, y + 0.3);
        drawLine(p, s, QRectF(kMargin + 1, y + 0.6, kBodyW - 2, 4.8),
                 w("Tổng: ", "Total: ") + qs(formatPercent(a.percent, style)) +
                     QStringLiteral(" — ") + qs(a.level) +
                     (sheets.criteriaName.empty()
                          ? QString()
                          : QStringLiteral("   (") + qs(sheets.criteriaName) + QLatin1Char(')')),
                 reportFont(8.5, true));
        y += 5.5;
        for (const std::string& v : a.vetoes) {
            drawLine(p, s, QRectF(kMargin + 1, y, kBodyW - 2, 4.2),
                     w("Điều kiện loại trừ: ", "Veto: ") + qs(v), reportFont(7.5),
                     Qt::AlignLeft | Qt::AlignVCenter, kRed);
            y += 4.2;
        }
    }
    y = std::max(y + 2, assessmentBottom);

    // --- past inspections ----------------------------------------------------------
    y = sectionTitle(p, s, y,
                     w("Các lần kiểm tra trước", "Past inspections") + QStringLiteral(" (") +
                         QString::number(sheet.inspections.size()) + QLatin1Char(')'));
    if (sheet.inspections.empty()) {
        drawLine(p, s, QRectF(kMargin, y, kBodyW, 4.6),
                 w("Chưa kiểm tra lần nào.", "Never inspected."), reportFont(8));
    }
    for (std::size_t i = 0; i < inspectionShown; ++i) {
        const SheetInspection& in = sheet.inspections[i];
        QString text = (in.inspector.empty() ? w("không rõ người kiểm tra", "inspector unknown")
                                             : qs(in.inspector)) +
                       QStringLiteral(" — ") + qs(in.outcome);
        if (!in.finding.empty())
            text += QStringLiteral(": ") + qs(in.finding);
        drawLine(p, s, QRectF(kMargin + 1, y, 22, 4.6), dateText(in.date, style), reportFont(8));
        drawLine(p, s, QRectF(kMargin + 24, y, kBodyW - 24, 4.6), text, reportFont(8),
                 Qt::AlignLeft | Qt::AlignVCenter, in.measuresOk ? kInk : kRed);
        y += 4.6;
    }
    if (sheet.inspections.size() > kInspectionRows)
        drawLine(p, s, QRectF(kMargin + 24, y, kBodyW - 24, 4),
                 w("… và ", "… and ") +
                     QString::number(sheet.inspections.size() - kInspectionRows) +
                     w(" lần trước đó", " earlier"),
                 reportFont(7.5), Qt::AlignLeft | Qt::AlignVCenter, kGrey);

    // --- the blank findings form -------------------------------------------------------
    y = sectionTitle(
        p, s, formTop,
        w("KẾT QUẢ KIỂM TRA (ghi tại cơ sở)", "INSPECTION FINDINGS (fill in on site)"));
    const QFont formFont = reportFont(8.5);
    y += 1.5;
    drawLine(p, s, QRectF(kMargin, y, 30, 5), w("Ngày kiểm tra:", "Date:"), formFont);
    hline(p, s, kMargin + 25, kMargin + 62, y + 4.6, 0.25, kInk);
    drawLine(p, s, QRectF(kMargin + 68, y, 32, 5), w("Người kiểm tra:", "Inspector:"), formFont);
    hline(p, s, kMargin + 95, kMargin + kBodyW, y + 4.6, 0.25, kInk);
    y += 8;
    for (const std::string& m : sheets.measures) {
        drawLine(p, s, QRectF(kMargin, y, kBodyW - 60, 4.2), qs(m), formFont);
        double x = kMargin + kBodyW - 56;
        x = checkBox(p, s, x, y, w("Đạt", "In place"), formFont);
        checkBox(p, s, std::max(x, kMargin + kBodyW - 28), y, w("Chưa đạt", "Missing"), formFont);
        y += measureRowH;
    }
    drawLine(p, s, QRectF(kMargin, y, 60, 5), w("Phát hiện, ghi chú:", "Findings, notes:"),
             formFont);
    y += 5;
    for (int i = 0; i < findingLines; ++i) {
        y += lineGap;
        hline(p, s, kMargin, kMargin + kBodyW, y, 0.2, QColor(150, 150, 150));
    }
    y += 2.5;
    drawLine(p, s, QRectF(kMargin, y, 25, 4.2), w("Kết luận:", "Outcome:"), reportFont(8.5, true));
    double x = checkBox(p, s, kMargin + 20, y, w("Duy trì hoạt động", "Keep operating"), formFont);
    x = checkBox(p, s, x, y, w("Khắc phục trước ngày", "Fix by"), formFont);
    hline(p, s, x - 4, x + 18, y + 4, 0.25, kInk);
    checkBox(p, s, x + 22, y, w("Đề xuất tạm dừng hoạt động", "Propose suspension"), formFont);
    y += 9;
    const double boxW = (kBodyW - 6) / 2;
    for (int i = 0; i < 2; ++i) {
        const QRectF box(kMargin + i * (boxW + 6), y, boxW, signatureH);
        p.setPen(QPen(kRule, s.len(0.25)));
        p.setBrush(Qt::NoBrush);
        p.drawRect(s.rect(box));
        drawLine(
            p, s, QRectF(box.x(), box.y() + 1, box.width(), 4.5),
            i == 0 ? w("NGƯỜI KIỂM TRA", "INSPECTOR") : w("ĐẠI DIỆN CƠ SỞ", "FOR THE FACILITY"),
            reportFont(8, true), Qt::AlignHCenter | Qt::AlignVCenter);
        drawLine(p, s, QRectF(box.x(), box.y() + 5, box.width(), 4),
                 w("(ký, ghi rõ họ tên)", "(signature, full name)"), reportFont(7),
                 Qt::AlignHCenter | Qt::AlignVCenter, kGrey);
    }

    // --- footer ------------------------------------------------------------------------
    hline(p, s, kMargin, kMargin + kBodyW, footerTop + 2);
    QString left = QStringLiteral("SafeMap");
    if (!options.packageFile.empty())
        left += QStringLiteral(" · ") + qs(options.packageFile);
    left += w(" · số liệu đến ngày ", " · data as of ") + dateText(sheets.asOf, style);
    if (options.generatedAt != 0)
        left += w(" · in lúc ", " · printed ") + qs(formatLocalTimestamp(options.generatedAt));
    drawLine(p, s, QRectF(kMargin, footerTop + 2.5, kBodyW - 30, 4), left, reportFont(6.5),
             Qt::AlignLeft | Qt::AlignVCenter, kGrey);
    drawLine(p, s, QRectF(kMargin + kBodyW - 30, footerTop + 2.5, 30, 4),
             w("Trang ", "Page ") + QString::number(index + 1) + QLatin1Char('/') +
                 QString::number(sheets.sheets.size()),
             reportFont(7), Qt::AlignRight | Qt::AlignVCenter, kGrey);
    p.restore();
}

}  // namespace

QSizeF facilitySheetPage() {
    return {kPageW, kPageH};
}

std::vector<LayerRender> facilitySheetLayers(const FacilitySheets& sheets,
                                             std::vector<LayerRender> basemap) {
    if (!sheets.facts || !sheets.status)
        return basemap;
    const MapGeometry geometry = buildMapGeometry(*sheets.facts, std::move(basemap));
    return composeMap(geometry, *sheets.facts, *sheets.status, MapStyleChoice{}, {}, SiteFilter{})
        .layers;
}

void paintFacilitySheet(QPainter& painter, const FacilitySheets& sheets, std::size_t index,
                        const std::vector<LayerRender>& mapLayers,
                        const FacilitySheetsOptions& options) {
    if (index < sheets.sheets.size() && sheets.facts)
        paintSheet(painter, sheets, index, mapLayers, options);
}

Status writeFacilitySheetsPdf(const std::string& path, const FacilitySheets& sheets,
                              std::vector<LayerRender> basemap,
                              const FacilitySheetsOptions& options,
                              const ReportProgress& progress) {
    if (sheets.sheets.empty() || !sheets.facts)
        return codedError("sheets.no_facilities", {}, path);
    const std::vector<LayerRender> layers = facilitySheetLayers(sheets, std::move(basemap));
    const std::string tmp = temporaryPathFor(path);
    Status drawn;
    {
        QPdfWriter writer(QString::fromStdString(tmp));
        writer.setResolution(600);
        writer.setCreator(QStringLiteral("SafeMap"));
        const Words w{options.language == MapLanguage::Vietnamese};
        writer.setTitle(
            w("Phiếu kiểm tra cơ sở", "Facility inspection sheets") +
            (sheets.info.name.empty() ? QString() : QStringLiteral(" — ") + qs(sheets.info.name)));
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                         QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
        QPainter painter;
        if (!painter.begin(&writer)) {
            drawn = codedError("report.cannot_start", {}, path);
        } else {
            const int pages = static_cast<int>(sheets.sheets.size());
            for (int page = 0; page < pages && drawn; ++page) {
                if (progress && !progress(page, pages))
                    drawn = codedError("report.cancelled", {}, path);
                else if (page > 0 && !writer.newPage())
                    drawn = codedError("report.cannot_add_page", {}, path);
                else
                    paintSheet(painter, sheets, static_cast<std::size_t>(page), layers, options);
            }
            if (!painter.end() && drawn)
                drawn = codedError("report.cannot_finish", {}, path);
            if (drawn && progress)
                progress(pages, pages);
        }
    }  // the writer closes the file here
    if (!drawn) {
        std::remove(tmp.c_str());
        return drawn.error();
    }
    if (QFile(QString::fromStdString(tmp)).size() == 0) {
        std::remove(tmp.c_str());
        return codedError("report.cannot_write", {}, path);
    }
    return commitTemporaryFile(tmp, path);
}

}  // namespace safemap
