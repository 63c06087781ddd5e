#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/rules/priority.h"
#include "core/rules/rule_settings.h"
#include "core/rules/site_facts.h"

namespace safemap {

/// Why a facility is on a list. The suspension reasons are the three of Hà Nội's letter
/// 1987/UBND-KT (24/6/2021); the inspection reasons follow domain.md.
enum class ReasonCode {
    // To suspend (tạm dừng hoạt động)
    MeasuresNotImplemented,  ///< (i) a mandatory measure failed, or an inspection found so
    UnsafeLevel,             ///< (ii) latest assessment at an unsafe level
    NoAssessment,            ///< (iii) account issued but never assessed
    AssessmentOverdue,       ///< (iii) no assessment within the configured days
    // Due for inspection (kiểm tra)
    LargeWorkforce,
    MediumWithHighIndex,
    StaleAssessment,
    RiskRising,
    NeverInspected,
};

std::string_view reasonCode(ReasonCode code);  ///< "measures_not_implemented", …

/// \brief One reason with the facts behind it, in Vietnamese and English.
struct Reason {
    ReasonCode code;
    std::string detail;    ///< vi, e.g. "đánh giá gần nhất 15/06/2021: nguy cơ cao (62 %)"
    std::string detailEn;  ///< en
    friend bool operator==(const Reason&, const Reason&) = default;
};

/// \brief One facility on a list, with every reason it is there and how urgent it is.
struct ListEntry {
    std::string siteId;
    std::string name;
    std::vector<Reason> reasons;
    Priority priority;  ///< lists are ordered by priority.total(), highest first
    int rank = 0;       ///< 1-based position on the list
    /// Inspection list: among the first RuleSettings::inspectionCapacity entries (all of
    /// them when the capacity is 0). Suspension list: always true.
    bool withinCapacity = true;
    friend bool operator==(const ListEntry&, const ListEntry&) = default;
};

/// The date the lists are made for: settings.asOf, else the newest assessment date among
/// the facts, else the newest account date, else 1970-01-01 (never the wall clock).
Date effectiveAsOf(const std::vector<SiteFacts>& facts, const RuleSettings& settings);

/// Facilities to suspend, highest priority first (ties by site id). Pure: the same facts and
/// settings give the same list.
std::vector<ListEntry> suspensionList(const std::vector<SiteFacts>& facts,
                                      const RuleSettings& settings);

/// Facilities due for inspection, highest priority first (ties by site id); the first
/// `settings.inspectionCapacity` are marked withinCapacity. Pure, like suspensionList.
std::vector<ListEntry> inspectionList(const std::vector<SiteFacts>& facts,
                                      const RuleSettings& settings);

}  // namespace safemap
