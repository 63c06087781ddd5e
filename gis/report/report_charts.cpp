#include "gis/report/report_charts.h"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/filter/filter_match.h"
#include "core/project/export_heading.h"
#include "core/project/project_status.h"
#include "gis/render/layer_style.h"
#include "gis/report/map_report.h"

namespace safemap::report {

namespace {

constexpr double kChartTitleMm = 6;
constexpr double kRowMm = 4.6;
constexpr std::size_t kMaxDistricts = 10;

// Facilities that pass the filter under `status`, by category, and by district.
void countUnder(const ProjectFacts& facts, const ProjectStatus& status, const SiteFilter& filter,
                CategoryCounts& levels, std::map<std::string, CategoryCounts>* districts) {
    std::unordered_map<std::string, const Zone*> zones;
    for (const auto& z : facts.zones)
        zones.emplace(z.id, &z);
    const SiteMatcher matcher(filter);
    for (std::size_t i = 0; i < facts.factories.size() && i < status.sites.size(); ++i) {
        const Factory& f = facts.factories[i];
        const SiteStatus& s = status.sites[i];
        const auto zone = zones.find(f.zoneId);
        if (!matcher(FilterRow{&f, &s, zone == zones.end() ? nullptr : zone->second, nullptr}))
            continue;
        const std::uint8_t c = riskCategory(s);
        ++levels[c];
        if (districts)
            ++(*districts)[f.district][c];
    }
}

QColor categoryColour(std::size_t category) {
    static const std::vector<CategoryStyle> styles = riskCategoryStyles();
    return category < styles.size() ? styles[category].fill : QColor(160, 160, 160);
}

double titleOf(QPainter& p, const Sheet& sheet, const QRectF& mm, const QString& title) {
    drawLine(p, sheet, QRectF(mm.left(), mm.top(), mm.width(), kChartTitleMm - 1), title,
             reportFont(8.5, true), Qt::AlignLeft | Qt::AlignVCenter, kNavy);
    return mm.top() + kChartTitleMm;
}

// One horizontal bar of stacked categories (highest level first, as the legend lists them).
void stackedBar(QPainter& p, const Sheet& sheet, double x, double y, double width, double height,
                const CategoryCounts& counts, double perUnit) {
    p.setPen(Qt::NoPen);
    for (int c = kRiskLevelCount; c >= 0; --c) {
        const double w = static_cast<double>(counts[static_cast<std::size_t>(c)]) * perUnit;
        if (w <= 0)
            continue;
        p.setBrush(categoryColour(static_cast<std::size_t>(c)));
        p.drawRect(sheet.rect(QRectF(x, y, w, height)));
        x += w;
    }
    Q_UNUSED(width);
}

long long sum(const CategoryCounts& c) {
    long long n = 0;
    for (const long long v : c)
        n += v;
    return n;
}

}  // namespace

ChartData chartData(const MapReportData& data, const Words& w) {
    ChartData out;
    if (!data.facts || !data.status)
        return out;
    const ProjectFacts& facts = *data.facts;
    std::map<std::string, CategoryCounts> byDistrict;
    countUnder(facts, *data.status, data.filter, out.levels, &byDistrict);
    for (const auto& [name, counts] : byDistrict) {
        DistrictCounts d;
        d.name = name.empty() ? w("(không rõ huyện)", "(no district)") : qs(name);
        d.byCategory = counts;
        d.total = sum(counts);
        out.districts.push_back(std::move(d));
    }
    std::stable_sort(
        out.districts.begin(), out.districts.end(),
        [](const DistrictCounts& a, const DistrictCounts& b) { return a.total > b.total; });
    if (out.districts.size() > kMaxDistricts) {
        DistrictCounts other;
        other.name = w("Các huyện khác", "Other districts");
        for (std::size_t i = kMaxDistricts - 1; i < out.districts.size(); ++i) {
            for (std::size_t c = 0; c < other.byCategory.size(); ++c)
                other.byCategory[c] += out.districts[i].byCategory[c];
            other.total += out.districts[i].total;
        }
        out.districts.resize(kMaxDistricts - 1);
        out.districts.push_back(std::move(other));
    }
    // The trend: the status as of each data date up to the report's, at most kTrendPoints
    // of them, evenly spaced, the report's own date last.
    // How things stood on earlier dates needs the whole history, which the window reads
    // only when asked (a report is such a time).
    std::shared_ptr<const ProjectFacts> history = data.facts;
    if (history->history != ScoreHistory::Full)
        history = data.fullHistory ? data.fullHistory() : nullptr;
    std::vector<Date> dates;
    if (history && history->history == ScoreHistory::Full) {
        for (const Date& d : dataDates(*history))
            if (d < data.status->asOf)
                dates.push_back(d);
    }
    std::vector<Date> picked;
    if (dates.size() + 1 <= kTrendPoints) {
        picked = dates;
    } else {
        const std::size_t n = kTrendPoints - 1;
        for (std::size_t i = 0; i < n; ++i)
            picked.push_back(dates[i * (dates.size() - 1) / (n - 1)]);
        picked.erase(std::unique(picked.begin(), picked.end()), picked.end());
    }
    for (const Date& d : picked) {
        RuleSettings settings = data.status->settings;
        settings.asOf = d;
        const ProjectStatus then = computeStatus(*history, settings);
        TrendPoint point{d, {}};
        countUnder(*history, then, data.filter, point.byCategory, nullptr);
        out.trend.push_back(point);
    }
    out.trend.push_back({data.status->asOf, out.levels});
    return out;
}

void paintLevelsChart(QPainter& p, const Sheet& sheet, const QRectF& mm, const ChartData& c,
                      const Words& w) {
    double y = titleOf(p, sheet, mm, w("Cơ sở theo mức nguy cơ", "Facilities by risk level"));
    const long long most =
        std::max<long long>(1, *std::max_element(c.levels.begin(), c.levels.end()));
    const double labelW = std::min(30.0, mm.width() * 0.42);
    const double countW = 13;
    const double barW = std::max(5.0, mm.width() - labelW - countW - 2);
    const double row = std::min(kRowMm + 1, (mm.bottom() - y) / (kRiskLevelCount + 1));
    const QFont font = reportFont(7);
    for (int k = kRiskLevelCount; k >= 0; --k) {
        const auto cat = static_cast<std::size_t>(k);
        drawLine(p, sheet, QRectF(mm.left(), y, labelW - 1, row),
                 levelName(static_cast<std::uint8_t>(k), w), font);
        const double len = barW * static_cast<double>(c.levels[cat]) / static_cast<double>(most);
        p.setPen(Qt::NoPen);
        p.setBrush(categoryColour(cat));
        p.drawRect(sheet.rect(QRectF(mm.left() + labelW, y + row * 0.18, len, row * 0.64)));
        drawLine(p, sheet, QRectF(mm.left() + labelW + len + 1, y, countW + barW - len, row),
                 number(c.levels[cat], w), font);
        y += row;
    }
}

void paintDistrictsChart(QPainter& p, const Sheet& sheet, const QRectF& mm, const ChartData& c,
                         const Words& w) {
    double y = titleOf(p, sheet, mm, w("Cơ sở theo huyện", "Facilities by district"));
    if (c.districts.empty()) {
        drawLine(p, sheet, QRectF(mm.left(), y, mm.width(), kRowMm),
                 w("Không có cơ sở nào.", "No facilities."), reportFont(7));
        return;
    }
    const auto rows = std::min(c.districts.size(),
                               static_cast<std::size_t>(std::max(1.0, (mm.bottom() - y) / 4.2)));
    const double row = std::min(kRowMm, (mm.bottom() - y) / static_cast<double>(rows));
    long long most = 1;
    for (std::size_t i = 0; i < rows; ++i)
        most = std::max(most, c.districts[i].total);
    const double labelW = std::min(30.0, mm.width() * 0.38);
    const double countW = 11;
    const double barW = std::max(5.0, mm.width() - labelW - countW - 2);
    const QFont font = reportFont(7);
    for (std::size_t i = 0; i < rows; ++i) {
        const DistrictCounts& d = c.districts[i];
        drawLine(p, sheet, QRectF(mm.left(), y, labelW - 1, row), d.name, font);
        const double perUnit = barW / static_cast<double>(most);
        stackedBar(p, sheet, mm.left() + labelW, y + row * 0.15, barW, row * 0.7, d.byCategory,
                   perUnit);
        drawLine(p, sheet,
                 QRectF(mm.left() + labelW + static_cast<double>(d.total) * perUnit + 1, y,
                        countW + 1, row),
                 number(d.total, w), font);
        y += row;
    }
}

void paintTrendChart(QPainter& p, const Sheet& sheet, const QRectF& mm, const ChartData& c,
                     const Words& w) {
    const double top =
        titleOf(p, sheet, mm, w("Mức nguy cơ theo ngày dữ liệu", "Risk levels by data date"));
    if (c.trend.empty())
        return;
    long long most = 1;
    for (const TrendPoint& t : c.trend)
        most = std::max(most, sum(t.byCategory));
    const QFont font = reportFont(6.5);
    const double axisW = 11, dateH = 4.5;
    const QRectF plot(mm.left() + axisW, top + 1, mm.width() - axisW,
                      mm.bottom() - top - 1 - dateH);
    if (plot.height() < 5)
        return;
    // The y axis: 0 and the largest total.
    drawLine(p, sheet, QRectF(mm.left(), plot.top() - 1.5, axisW - 1, 3), number(most, w), font,
             Qt::AlignRight | Qt::AlignVCenter, kGrey);
    drawLine(p, sheet, QRectF(mm.left(), plot.bottom() - 1.5, axisW - 1, 3), QStringLiteral("0"),
             font, Qt::AlignRight | Qt::AlignVCenter, kGrey);
    p.setPen(QPen(kGrey, sheet.len(0.2)));
    p.drawLine(sheet.at(plot.left(), plot.bottom()), sheet.at(plot.right(), plot.bottom()));
    p.drawLine(sheet.at(plot.left(), plot.top()), sheet.at(plot.left(), plot.bottom()));
    const double slot = plot.width() / static_cast<double>(c.trend.size());
    const double colW = slot * 0.7;
    for (std::size_t i = 0; i < c.trend.size(); ++i) {
        const TrendPoint& t = c.trend[i];
        const double x = plot.left() + slot * static_cast<double>(i) + (slot - colW) / 2;
        double y = plot.bottom();
        p.setPen(Qt::NoPen);
        // Stacked from "not assessed" at the bottom to "very high" on top.
        for (std::size_t k = 0; k < t.byCategory.size(); ++k) {
            const double h =
                plot.height() * static_cast<double>(t.byCategory[k]) / static_cast<double>(most);
            if (h <= 0)
                continue;
            p.setBrush(categoryColour(k));
            p.drawRect(sheet.rect(QRectF(x, y - h, colW, h)));
            y -= h;
        }
    }
    // The first and the last date under their columns (the others would crowd).
    const auto dateLabel = [&](std::size_t i, Qt::Alignment align) {
        const double x = plot.left() + slot * static_cast<double>(i);
        drawLine(p, sheet,
                 QRectF(align & Qt::AlignRight ? x + slot - 22 : x, plot.bottom() + 0.5, 22,
                        dateH - 0.5),
                 qs(humanDate(c.trend[i].date, w.vi)), font, align | Qt::AlignVCenter, kGrey);
    };
    dateLabel(0, Qt::AlignLeft);
    if (c.trend.size() > 1)
        dateLabel(c.trend.size() - 1, Qt::AlignRight);
}

}  // namespace safemap::report
