#include "core/rules/priority.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdio>
#include <utility>

namespace safemap {

namespace {

// Points of the latest level. No assessment sits between medium and high: the risk is
// unknown, and Hà Nội's letter treats a missing assessment as a reason to suspend.
constexpr double kLevelPoints[] = {0, 5, 15, 30, 40};  // very low … very high
constexpr double kNoAssessmentPoints = 25;
// Each failed mandatory measure, each fired veto rule and a failed inspection newer than the
// latest assessment; together at most kMeasuresCap.
constexpr double kMeasurePoints = 10;
constexpr double kMeasuresCap = 30;
// An index at the veto threshold (7 under CRLN) gives 2 points, each point above it 1 more.
constexpr double kIndexBase = 2;
constexpr double kIndexCap = 5;
constexpr double kWorkforceCap = 20;
constexpr double kAssessmentPointsPerDay = 0.5;
constexpr double kAssessmentCap = 15;
constexpr double kRisePointsPerPoint = 0.5;
constexpr double kRiseCap = 10;
constexpr double kInspectionPointsPerDay = 0.1;
constexpr double kInspectionCap = 10;

double capped(double v, double cap) {
    return std::clamp(v, 0.0, cap);
}

}  // namespace

double Priority::total() const {
    const double sum =
        level + measures + indices + workforce + assessmentAge + rise + inspectionAge;
    return std::round(sum * 10) / 10;
}

Priority priorityOf(const SiteFacts& f, const Date& asOf, const RuleSettings& settings) {
    Priority p;
    if (f.latest) {
        const auto level = static_cast<std::size_t>(f.latest->level);
        p.level = level < std::size(kLevelPoints) ? kLevelPoints[level] : kLevelPoints[4];
        double measures =
            kMeasurePoints * static_cast<double>(std::popcount(f.latest->failedMandatory) +
                                                 std::popcount(f.latest->firedVetoes));
        if (f.lastInspection && !f.lastInspection->measuresOk &&
            f.lastInspection->date >= f.latest->date)
            measures += kMeasurePoints;
        p.measures = capped(measures, kMeasuresCap);
        if (f.latest->maxIndexPoints >= settings.mediumIndexThreshold)
            p.indices = capped(
                kIndexBase + f.latest->maxIndexPoints - settings.mediumIndexThreshold, kIndexCap);
        p.assessmentAge =
            capped(kAssessmentPointsPerDay * daysBetween(f.latest->date, asOf), kAssessmentCap);
        if (f.previous)
            p.rise =
                capped(kRisePointsPerPoint * (f.latest->percent - f.previous->percent), kRiseCap);
    } else {
        p.level = kNoAssessmentPoints;
        p.assessmentAge = kAssessmentCap;
        if (f.lastInspection && !f.lastInspection->measuresOk)
            p.measures = kMeasurePoints;
    }
    if (f.workers && *f.workers > 100)
        p.workforce = capped(10 * std::log10(*f.workers / 100.0), kWorkforceCap);
    p.inspectionAge =
        f.lastInspection
            ? capped(kInspectionPointsPerDay * daysBetween(f.lastInspection->date, asOf),
                     kInspectionCap)
            : kInspectionCap;
    return p;
}

std::string describePriority(const Priority& p, const DisplayStyle& style) {
    const bool vi = style.language == Language::Vietnamese;
    std::array<std::pair<const char*, double>, 7> parts{
        {{vi ? "mức nguy cơ" : "level", p.level},
         {vi ? "biện pháp" : "measures", p.measures},
         {vi ? "chỉ số" : "index", p.indices},
         {vi ? "lao động" : "workforce", p.workforce},
         {vi ? "ngày từ lần đánh giá" : "days since assessment", p.assessmentAge},
         {vi ? "mức tăng" : "rise", p.rise},
         {vi ? "ngày từ lần kiểm tra" : "days since inspection", p.inspectionAge}}};
    std::stable_sort(parts.begin(), parts.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string out;
    for (const auto& [name, value] : parts) {
        if (value <= 0)
            continue;
        out += (out.empty() ? "" : " + ") + std::string(name) + " " +
               formatNumber(std::round(value * 10) / 10, style);
    }
    return out.empty() ? "0" : out;
}

std::string describePriority(const Priority& p, bool vietnamese) {
    return describePriority(p, displayStyle(vietnamese ? Language::Vietnamese : Language::English));
}

}  // namespace safemap
