#include "core/rules/action_lists.h"

#include <algorithm>

#include "core/criteria/criteria_labels.h"
#include "core/criteria/criteria_set.h"

namespace safemap {

namespace {

// An index named for people: its label in quotes, as officials quote a form's questions.
// Built by appending: g++ 12 -O3 gives a false -Wrestrict on "literal" + std::string&&.
std::string quotedIndex(const CriteriaSet* set, int position, Language language) {
    std::string out = "“";
    out += indexLabel(set, position, language);
    out += "”";
    return out;
}

std::string quotedIndices(const CriteriaSet* set, std::uint64_t mask, Language language) {
    std::string out;
    for (int k = 0; k < 64; ++k)
        if (mask >> k & 1) {
            if (!out.empty())
                out += ", ";
            out += quotedIndex(set, k, language);
        }
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

std::string reasonText(const Reason& r, const CriteriaSet* set, const DisplayStyle& style) {
    const bool vi = style.language == Language::Vietnamese;
    const std::string date = formatDateFor(r.date, style);
    const auto pct = [&](double p) { return formatPercent(p, style); };
    const auto count = [&](long long n) { return formatCount(n, style); };
    switch (r.code) {
        case ReasonCode::MeasuresNotImplemented: {
            if (r.byInspection) {
                const std::string finding = r.finding.empty() ? "" : " — " + r.finding;
                return vi ? "kiểm tra ngày " + date + ": không thực hiện biện pháp" + finding
                          : "inspection " + date + ": measures not implemented" + finding;
            }
            const std::string names = quotedIndices(set, r.indices, style.language);
            return vi ? "chưa thực hiện biện pháp bắt buộc: " + names + " (đánh giá " + date + ")"
                      : "mandatory measures not implemented: " + names + " (assessment " + date +
                            ")";
        }
        case ReasonCode::UnsafeLevel: {
            std::string out = (vi ? "đánh giá gần nhất " : "latest assessment ") + date + ": " +
                              std::string(riskLevelLabel(r.level, style.language)) + " (" +
                              pct(r.percent) + ")";
            if (r.index >= 0)
                out += (vi ? ", chỉ số " : ", index ") + quotedIndex(set, r.index, style.language) +
                       ": " + formatNumber(r.points, style) + (vi ? " điểm" : " points");
            return out;
        }
        case ReasonCode::NoAssessment:
            return vi ? "đã cấp tài khoản ngày " + date + " nhưng chưa có đánh giá"
                      : "account issued " + date + " but no assessment";
        case ReasonCode::AssessmentOverdue:
            return vi ? "không cập nhật đánh giá " + count(r.count) + " ngày (quá " +
                            count(r.limit) + " ngày)"
                      : "no assessment for " + count(r.count) + " days (limit " + count(r.limit) +
                            ")";
        case ReasonCode::LargeWorkforce:
            return vi ? count(r.count) + " lao động (trên " + count(r.limit) + ")"
                      : count(r.count) + " workers (over " + count(r.limit) + ")";
        case ReasonCode::MediumWithHighIndex:
            return (vi ? "nguy cơ trung bình, chỉ số " : "medium risk, index ") +
                   quotedIndex(set, r.index, style.language) + ": " +
                   formatNumber(r.points, style) + (vi ? " điểm" : " points");
        case ReasonCode::StaleAssessment:
            return vi ? "đánh giá đã " + count(r.count) + " ngày"
                      : "assessment " + count(r.count) + " days old";
        case ReasonCode::RiskRising:
            return vi ? "nguy cơ tăng từ " + pct(r.previousPercent) + " lên " + pct(r.percent)
                      : "risk rose from " + pct(r.previousPercent) + " to " + pct(r.percent);
        case ReasonCode::NeverInspected:
            return vi ? "chưa được kiểm tra lần nào" : "never inspected";
    }
    return std::string(reasonCode(r.code));
}

std::string reasonText(const Reason& r, const CriteriaSet* set, bool vietnamese) {
    return reasonText(r, set, displayStyle(vietnamese ? Language::Vietnamese : Language::English));
}

std::string reasonsText(const std::vector<Reason>& reasons, const CriteriaSet* set,
                        const DisplayStyle& style, std::string_view separator) {
    std::string out;
    for (const auto& r : reasons) {
        if (!out.empty())
            out += separator;
        out += reasonText(r, set, style);
    }
    return out;
}

std::string reasonsText(const std::vector<Reason>& reasons, const CriteriaSet* set, bool vi,
                        std::string_view separator) {
    return reasonsText(reasons, set, displayStyle(vi ? Language::Vietnamese : Language::English),
                       separator);
}

std::vector<std::string> reasonIndexIds(const Reason& r, const CriteriaSet* set) {
    std::vector<std::string> out;
    const auto idOf = [&](int k) {
        if (set && k >= 0 && static_cast<size_t>(k) < set->indices.size())
            return set->indices[static_cast<size_t>(k)].id;
        std::string out = "#";  // appended: g++ 12 -O3 -Wrestrict false positive
        out += std::to_string(k + 1);
        return out;
    };
    if (r.code == ReasonCode::MeasuresNotImplemented && !r.byInspection) {
        for (int k = 0; k < 64; ++k)
            if (r.indices >> k & 1)
                out.push_back(idOf(k));
    } else if (r.index >= 0) {
        out.push_back(idOf(r.index));
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
