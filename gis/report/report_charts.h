#pragma once
// The charts of a map report (issue 9): facilities by risk level, by district (split by
// level), and the levels as of each of the project's data dates. Painted as vectors with
// QPainter, so they stay sharp in the PDF and pdftotext reads their labels.

#include <QRectF>
#include <QString>
#include <array>
#include <vector>

#include "core/criteria/risk_level.h"
#include "core/util/date.h"
#include "gis/report/report_drawing.h"

namespace safemap {
struct MapReportData;
}

namespace safemap::report {

using CategoryCounts = std::array<long long, kRiskLevelCount + 1>;  ///< by riskCategory()

struct DistrictCounts {
    QString name;  ///< "Khác" / "Other" for the districts beyond the chart's rows
    CategoryCounts byCategory{};
    long long total = 0;
};

struct TrendPoint {
    Date date{};
    CategoryCounts byCategory{};
};

/// \brief What the charts show: the facilities that pass the report's filter.
struct ChartData {
    CategoryCounts levels{};
    std::vector<DistrictCounts> districts;  ///< most facilities first
    std::vector<TrendPoint> trend;          ///< oldest first, ending at the report's date
};

/// At most this many dates on the trend (evenly spaced over the history, the last always).
inline constexpr std::size_t kTrendPoints = 12;

/// The charts' data of a report (the trend computes the status as of each data date).
ChartData chartData(const MapReportData& data, const Words& w);

void paintLevelsChart(QPainter& p, const Sheet& sheet, const QRectF& mm, const ChartData& c,
                      const Words& w);
void paintDistrictsChart(QPainter& p, const Sheet& sheet, const QRectF& mm, const ChartData& c,
                         const Words& w);
void paintTrendChart(QPainter& p, const Sheet& sheet, const QRectF& mm, const ChartData& c,
                     const Words& w);

}  // namespace safemap::report
