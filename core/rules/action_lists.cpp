#include "core/rules/action_lists.h"

#include <algorithm>
#include <cstdio>

namespace safemap {

namespace {

std::string viDate(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", static_cast<unsigned>(d.day()),
                  static_cast<unsigned>(d.month()), static_cast<int>(d.year()));
    return buf;
}

std::string pct(double p) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f %%", p);
    return buf;
}

std::string num(double v) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items)
        out += (out.empty() ? "" : ", ") + s;
    return out;
}

std::string levelVi(const ScoredAssessment& a) {
    return std::string(riskLevelLabelVi(a.level)) + " (" + pct(a.percent) + ")";
}
std::string levelEn(const ScoredAssessment& a) {
    return std::string(riskLevelLabelEn(a.level)) + " (" + pct(a.percent) + ")";
}

// The entries with reasons, highest priority first, ties by site id (a total order, so the
// list never depends on the input order); `capacity` > 0 marks only the first entries.
template <class Rule>
std::vector<ListEntry> makeList(const std::vector<SiteFacts>& facts, const Date& asOf,
                                const RuleSettings& settings, int capacity, Rule rule) {
    std::vector<ListEntry> out;
    for (const auto& f : facts) {
        std::vector<Reason> reasons = rule(f);
        if (!reasons.empty())
            out.push_back({f.siteId, f.name, std::move(reasons), priorityOf(f, asOf, settings)});
    }
    std::sort(out.begin(), out.end(), [](const ListEntry& a, const ListEntry& b) {
        const double pa = a.priority.total();
        const double pb = b.priority.total();
        return pa != pb ? pa > pb : a.siteId < b.siteId;
    });
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i].rank = static_cast<int>(i) + 1;
        out[i].withinCapacity = capacity <= 0 || out[i].rank <= capacity;
    }
    return out;
}

}  // namespace

std::string_view reasonCode(ReasonCode code) {
    switch (code) {
        case ReasonCode::MeasuresNotImplemented:
            return "measures_not_implemented";
        case ReasonCode::UnsafeLevel:
            return "unsafe_level";
        case ReasonCode::NoAssessment:
            return "no_assessment";
        case ReasonCode::AssessmentOverdue:
            return "assessment_overdue";
        case ReasonCode::LargeWorkforce:
            return "large_workforce";
        case ReasonCode::MediumWithHighIndex:
            return "medium_with_high_index";
        case ReasonCode::StaleAssessment:
            return "stale_assessment";
        case ReasonCode::RiskRising:
            return "risk_rising";
        case ReasonCode::NeverInspected:
            return "never_inspected";
    }
    return "unknown";
}

Date effectiveAsOf(const std::vector<SiteFacts>& facts, const RuleSettings& settings) {
    if (settings.asOf)
        return *settings.asOf;
    std::optional<Date> newest;
    for (const auto& f : facts)
        if (f.latest && (!newest || f.latest->date > *newest))
            newest = f.latest->date;
    if (!newest)
        for (const auto& f : facts)
            if (f.accountIssued && (!newest || *f.accountIssued > *newest))
                newest = f.accountIssued;
    return newest.value_or(
        Date{std::chrono::year(1970), std::chrono::month(1), std::chrono::day(1)});
}

std::vector<ListEntry> suspensionList(const std::vector<SiteFacts>& facts,
                                      const RuleSettings& settings) {
    const Date asOf = effectiveAsOf(facts, settings);
    return makeList(facts, asOf, settings, 0, [&](const SiteFacts& f) {
        std::vector<Reason> r;
        // (i) measures not implemented: a failed mandatory measure in the latest assessment,
        // or the latest inspection (if newer than that assessment) found them missing.
        if (f.latest && !f.latest->failedMandatory.empty())
            r.push_back(
                {ReasonCode::MeasuresNotImplemented,
                 "chưa thực hiện biện pháp bắt buộc: " + joined(f.latest->failedMandatory) +
                     " (đánh giá " + viDate(f.latest->date) + ")",
                 "mandatory measures not implemented: " + joined(f.latest->failedMandatory) +
                     " (assessment " + formatDate(f.latest->date) + ")"});
        if (f.lastInspection && !f.lastInspection->measuresOk &&
            (!f.latest || f.lastInspection->date >= f.latest->date))
            r.push_back(
                {ReasonCode::MeasuresNotImplemented,
                 "kiểm tra ngày " + viDate(f.lastInspection->date) + ": không thực hiện biện pháp" +
                     (f.lastInspection->finding.empty() ? "" : " — " + f.lastInspection->finding),
                 "inspection " + formatDate(f.lastInspection->date) + ": measures not implemented" +
                     (f.lastInspection->finding.empty() ? "" : " — " + f.lastInspection->finding)});
        // (ii) the latest assessment is at a level that may not operate (high, very high, or
        // medium with a veto).
        if (f.latest && !f.latest->safeToOperate) {
            std::string vi =
                "đánh giá gần nhất " + viDate(f.latest->date) + ": " + levelVi(*f.latest);
            std::string en =
                "latest assessment " + formatDate(f.latest->date) + ": " + levelEn(*f.latest);
            if (!f.latest->firedVetoes.empty()) {
                vi += ", chỉ số " + f.latest->worstIndex + " = " + num(f.latest->maxIndexPoints);
                en += ", index " + f.latest->worstIndex + " = " + num(f.latest->maxIndexPoints);
            }
            r.push_back({ReasonCode::UnsafeLevel, vi, en});
        }
        // (iii) an account was issued but there is no assessment, or none recent enough.
        if (f.accountIssued && !f.latest && *f.accountIssued <= asOf)
            r.push_back(
                {ReasonCode::NoAssessment,
                 "đã cấp tài khoản ngày " + viDate(*f.accountIssued) + " nhưng chưa có đánh giá",
                 "account issued " + formatDate(*f.accountIssued) + " but no assessment"});
        if (f.latest) {
            const int age = daysBetween(f.latest->date, asOf);
            if (age > settings.suspendNoAssessmentDays)
                r.push_back({ReasonCode::AssessmentOverdue,
                             "không cập nhật đánh giá " + std::to_string(age) + " ngày (quá " +
                                 std::to_string(settings.suspendNoAssessmentDays) + " ngày)",
                             "no assessment for " + std::to_string(age) + " days (limit " +
                                 std::to_string(settings.suspendNoAssessmentDays) + ")"});
        }
        return r;
    });
}

std::vector<ListEntry> inspectionList(const std::vector<SiteFacts>& facts,
                                      const RuleSettings& settings) {
    const Date asOf = effectiveAsOf(facts, settings);
    return makeList(facts, asOf, settings, settings.inspectionCapacity, [&](const SiteFacts& f) {
        std::vector<Reason> r;
        if (f.workers && *f.workers > settings.largeWorkforce)
            r.push_back({ReasonCode::LargeWorkforce,
                         std::to_string(*f.workers) + " lao động (trên " +
                             std::to_string(settings.largeWorkforce) + ")",
                         std::to_string(*f.workers) + " workers (over " +
                             std::to_string(settings.largeWorkforce) + ")"});
        if (f.latest && f.latest->level == RiskLevel::Medium &&
            f.latest->maxIndexPoints >= settings.mediumIndexThreshold)
            r.push_back({ReasonCode::MediumWithHighIndex,
                         "nguy cơ trung bình, chỉ số " + f.latest->worstIndex + " = " +
                             num(f.latest->maxIndexPoints),
                         "medium risk, index " + f.latest->worstIndex + " = " +
                             num(f.latest->maxIndexPoints)});
        if (f.latest) {
            const int age = daysBetween(f.latest->date, asOf);
            if (age > settings.staleAssessmentDays)
                r.push_back({ReasonCode::StaleAssessment,
                             "đánh giá đã " + std::to_string(age) + " ngày",
                             "assessment " + std::to_string(age) + " days old"});
        }
        if (f.latest && f.previous &&
            f.latest->percent - f.previous->percent >= settings.riskRiseThreshold)
            r.push_back(
                {ReasonCode::RiskRising,
                 "nguy cơ tăng từ " + pct(f.previous->percent) + " lên " + pct(f.latest->percent),
                 "risk rose from " + pct(f.previous->percent) + " to " + pct(f.latest->percent)});
        if (settings.inspectNeverInspected && !f.lastInspection)
            r.push_back(
                {ReasonCode::NeverInspected, "chưa được kiểm tra lần nào", "never inspected"});
        return r;
    });
}

}  // namespace safemap
