#include "core/rules/action_lists.h"

#include <algorithm>
#include <cstdio>

#include "core/criteria/criteria_set.h"

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

std::string indexName(const CriteriaSet* set, int position) {
    if (set && position >= 0 && static_cast<size_t>(position) < set->indices.size())
        return set->indices[static_cast<size_t>(position)].id;
    std::string out =
        "#";  // built by appending: g++ 12 -O3 -Wrestrict false positive on "#" + string&&
    out += std::to_string(position + 1);
    return out;
}

std::string indexNames(const CriteriaSet* set, std::uint64_t mask) {
    std::string out;
    for (int k = 0; k < 64; ++k)
        if (mask >> k & 1)
            out += (out.empty() ? "" : ", ") + indexName(set, k);
    return out;
}

Reason reasonOf(ReasonCode code, Date date = {}) {
    Reason r;
    r.code = code;
    r.date = date;
    return r;
}

// The entries with reasons in list order; `capacity` > 0 marks only the first entries.
template <class Rule>
std::vector<ListEntry> makeList(const std::vector<SiteFacts>& facts, const RuleSettings& settings,
                                int capacity, Rule rule) {
    const Date asOf = effectiveAsOf(facts, settings);
    std::vector<ListEntry> out;
    std::vector<Reason> reasons;
    for (const auto& f : facts) {
        reasons.clear();
        rule(f, settings, asOf, reasons);
        if (!reasons.empty()) {
            ListEntry e;
            e.siteId = f.siteId;
            e.reasons = reasons;
            e.priority = priorityOf(f, asOf, settings);
            out.push_back(std::move(e));
        }
    }
    std::sort(out.begin(), out.end(), [](const ListEntry& a, const ListEntry& b) {
        return listsBefore(a.priority, a.siteId, b.priority, b.siteId);
    });
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i].rank = static_cast<int>(i) + 1;
        out[i].withinCapacity = capacity <= 0 || out[i].rank <= capacity;
    }
    return out;
}

}  // namespace

bool listsBefore(const Priority& a, const std::string& idA, const Priority& b,
                 const std::string& idB) {
    const double pa = a.total(), pb = b.total();
    return pa != pb ? pa > pb : idA < idB;
}

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

std::string reasonText(const Reason& r, const CriteriaSet* set, bool vi) {
    const std::string date = vi ? viDate(r.date) : formatDate(r.date);
    switch (r.code) {
        case ReasonCode::MeasuresNotImplemented: {
            if (r.byInspection) {
                const std::string finding = r.finding.empty() ? "" : " — " + r.finding;
                return vi ? "kiểm tra ngày " + date + ": không thực hiện biện pháp" + finding
                          : "inspection " + date + ": measures not implemented" + finding;
            }
            const std::string names = indexNames(set, r.indices);
            return vi ? "chưa thực hiện biện pháp bắt buộc: " + names + " (đánh giá " + date + ")"
                      : "mandatory measures not implemented: " + names + " (assessment " + date +
                            ")";
        }
        case ReasonCode::UnsafeLevel: {
            std::string out =
                vi ? "đánh giá gần nhất " + date + ": " + std::string(riskLevelLabelVi(r.level)) +
                         " (" + pct(r.percent) + ")"
                   : "latest assessment " + date + ": " + std::string(riskLevelLabelEn(r.level)) +
                         " (" + pct(r.percent) + ")";
            if (r.index >= 0)
                out += (vi ? ", chỉ số " : ", index ") + indexName(set, r.index) + " = " +
                       num(r.points);
            return out;
        }
        case ReasonCode::NoAssessment:
            return vi ? "đã cấp tài khoản ngày " + date + " nhưng chưa có đánh giá"
                      : "account issued " + date + " but no assessment";
        case ReasonCode::AssessmentOverdue:
            return vi ? "không cập nhật đánh giá " + std::to_string(r.count) + " ngày (quá " +
                            std::to_string(r.limit) + " ngày)"
                      : "no assessment for " + std::to_string(r.count) + " days (limit " +
                            std::to_string(r.limit) + ")";
        case ReasonCode::LargeWorkforce:
            return vi ? std::to_string(r.count) + " lao động (trên " + std::to_string(r.limit) + ")"
                      : std::to_string(r.count) + " workers (over " + std::to_string(r.limit) + ")";
        case ReasonCode::MediumWithHighIndex:
            return (vi ? "nguy cơ trung bình, chỉ số " : "medium risk, index ") +
                   indexName(set, r.index) + " = " + num(r.points);
        case ReasonCode::StaleAssessment:
            return vi ? "đánh giá đã " + std::to_string(r.count) + " ngày"
                      : "assessment " + std::to_string(r.count) + " days old";
        case ReasonCode::RiskRising:
            return vi ? "nguy cơ tăng từ " + pct(r.previousPercent) + " lên " + pct(r.percent)
                      : "risk rose from " + pct(r.previousPercent) + " to " + pct(r.percent);
        case ReasonCode::NeverInspected:
            return vi ? "chưa được kiểm tra lần nào" : "never inspected";
    }
    return std::string(reasonCode(r.code));
}

std::string reasonsText(const std::vector<Reason>& reasons, const CriteriaSet* set, bool vi,
                        std::string_view separator) {
    std::string out;
    for (const auto& r : reasons) {
        if (!out.empty())
            out += separator;
        out += reasonText(r, set, vi);
    }
    return out;
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

void suspensionReasons(const SiteFacts& f, const RuleSettings& settings, Date asOf,
                       std::vector<Reason>& r) {
    // (i) measures not implemented: a failed mandatory measure in the latest assessment,
    // or the latest inspection (if newer than that assessment) found them missing.
    if (f.latest && f.latest->failedMandatory) {
        Reason reason = reasonOf(ReasonCode::MeasuresNotImplemented, f.latest->date);
        reason.indices = f.latest->failedMandatory;
        r.push_back(std::move(reason));
    }
    if (f.lastInspection && !f.lastInspection->measuresOk &&
        (!f.latest || f.lastInspection->date >= f.latest->date)) {
        Reason reason = reasonOf(ReasonCode::MeasuresNotImplemented, f.lastInspection->date);
        reason.byInspection = true;
        reason.finding = f.lastInspection->finding;
        r.push_back(std::move(reason));
    }
    // (ii) the latest assessment is at a level that may not operate (high, very high, or
    // medium with a veto).
    if (f.latest && !f.latest->safeToOperate) {
        Reason reason = reasonOf(ReasonCode::UnsafeLevel, f.latest->date);
        reason.level = f.latest->level;
        reason.percent = f.latest->percent;
        if (f.latest->firedVetoes) {
            reason.index = f.latest->worstIndex;
            reason.points = f.latest->maxIndexPoints;
        }
        r.push_back(std::move(reason));
    }
    // (iii) an account was issued but there is no assessment, or none recent enough.
    if (f.accountIssued && !f.latest && *f.accountIssued <= asOf)
        r.push_back(reasonOf(ReasonCode::NoAssessment, *f.accountIssued));
    if (f.latest) {
        const int age = daysBetween(f.latest->date, asOf);
        if (age > settings.suspendNoAssessmentDays) {
            Reason reason = reasonOf(ReasonCode::AssessmentOverdue, f.latest->date);
            reason.count = age;
            reason.limit = settings.suspendNoAssessmentDays;
            r.push_back(std::move(reason));
        }
    }
}

void inspectionReasons(const SiteFacts& f, const RuleSettings& settings, Date asOf,
                       std::vector<Reason>& r) {
    if (f.workers && *f.workers > settings.largeWorkforce) {
        Reason reason = reasonOf(ReasonCode::LargeWorkforce);
        reason.count = *f.workers;
        reason.limit = settings.largeWorkforce;
        r.push_back(std::move(reason));
    }
    if (f.latest && f.latest->level == RiskLevel::Medium &&
        f.latest->maxIndexPoints >= settings.mediumIndexThreshold) {
        Reason reason = reasonOf(ReasonCode::MediumWithHighIndex, f.latest->date);
        reason.index = f.latest->worstIndex;
        reason.points = f.latest->maxIndexPoints;
        r.push_back(std::move(reason));
    }
    if (f.latest) {
        const int age = daysBetween(f.latest->date, asOf);
        if (age > settings.staleAssessmentDays) {
            Reason reason = reasonOf(ReasonCode::StaleAssessment, f.latest->date);
            reason.count = age;
            reason.limit = settings.staleAssessmentDays;
            r.push_back(std::move(reason));
        }
    }
    if (f.latest && f.previous &&
        f.latest->percent - f.previous->percent >= settings.riskRiseThreshold) {
        Reason reason = reasonOf(ReasonCode::RiskRising, f.latest->date);
        reason.percent = f.latest->percent;
        reason.previousPercent = f.previous->percent;
        r.push_back(std::move(reason));
    }
    if (settings.inspectNeverInspected && !f.lastInspection)
        r.push_back(reasonOf(ReasonCode::NeverInspected));
}

std::vector<ListEntry> suspensionList(const std::vector<SiteFacts>& facts,
                                      const RuleSettings& settings) {
    return makeList(facts, settings, 0, suspensionReasons);
}

std::vector<ListEntry> inspectionList(const std::vector<SiteFacts>& facts,
                                      const RuleSettings& settings) {
    return makeList(facts, settings, settings.inspectionCapacity, inspectionReasons);
}

}  // namespace safemap
