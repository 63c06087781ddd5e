#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/rules/priority.h"
#include "core/rules/rule_settings.h"
#include "core/rules/site_facts.h"
#include "core/text/display_format.h"

namespace safemap {

struct CriteriaSet;

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

/// \brief One reason with the facts behind it. Its words are made when someone reads it
/// (reasonText), in the reader's language and with the criteria set's names.
struct Reason {
    ReasonCode code = ReasonCode::NoAssessment;
    Date date{};                 ///< the assessment, inspection or account it rests on
    double percent = 0;          ///< UnsafeLevel, RiskRising: the latest percentage
    double previousPercent = 0;  ///< RiskRising
    double points = 0;           ///< UnsafeLevel with a veto, MediumWithHighIndex: worst index
    int count = 0;               ///< workers (LargeWorkforce) or days (overdue, stale)
    int limit = 0;               ///< the threshold crossed (workers or days)
    RiskLevel level = RiskLevel::VeryLow;  ///< UnsafeLevel
    int index = -1;             ///< the worst index's position in the set, -1 if none shown
    std::uint64_t indices = 0;  ///< MeasuresNotImplemented: failed mandatory indices
    bool byInspection = false;  ///< MeasuresNotImplemented: found by an inspection
    std::string finding;        ///< that inspection's finding
    friend bool operator==(const Reason&, const Reason&) = default;
};

/// One reason in words, e.g. "đánh giá gần nhất 15/06/2021: nguy cơ cao (62,0 %)" or "latest
/// assessment 2021-06-15: high risk (62.0 %)": numbers and dates in `style`, indices by their
/// labels in the style's language from `set` (the set that scored the facility; null: by
/// position, "#3").
std::string reasonText(const Reason& reason, const CriteriaSet* set, const DisplayStyle& style);
/// The same in the default style of the language (displayStyle).
std::string reasonText(const Reason& reason, const CriteriaSet* set, bool vietnamese);
/// Several reasons joined by `separator`.
std::string reasonsText(const std::vector<Reason>& reasons, const CriteriaSet* set,
                        const DisplayStyle& style, std::string_view separator = "; ");
std::string reasonsText(const std::vector<Reason>& reasons, const CriteriaSet* set, bool vietnamese,
                        std::string_view separator = "; ");
/// The ids of the indices a reason rests on (the failed mandatory measures, the worst index),
/// for files read by machines; empty when it names none.
std::vector<std::string> reasonIndexIds(const Reason& reason, const CriteriaSet* set);

/// \brief One facility on a list, with every reason it is there and how urgent it is.
struct ListEntry {
    std::string siteId;
    std::vector<Reason> reasons;
    Priority priority;  ///< lists are ordered by priority.total(), highest first
    int rank = 0;       ///< 1-based position on the list
    /// Inspection list: among the first RuleSettings::inspectionCapacity entries (all of
    /// them when the capacity is 0). Suspension list: always true.
    bool withinCapacity = true;
    friend bool operator==(const ListEntry&, const ListEntry&) = default;
};

/// Orders list members: highest priority first, ties by site id (a total order, so a list
/// never depends on the order of its input).
bool listsBefore(const Priority& a, const std::string& idA, const Priority& b,
                 const std::string& idB);

/// The date the lists are made for: settings.asOf, else the newest assessment date among
/// the facts, else the newest account date, else 1970-01-01 (never the wall clock).
Date effectiveAsOf(const std::vector<SiteFacts>& facts, const RuleSettings& settings);

/// Why one facility is to be suspended as of `asOf` (empty: it is not). Appends to `out`.
void suspensionReasons(const SiteFacts& facts, const RuleSettings& settings, Date asOf,
                       std::vector<Reason>& out);
/// Why one facility is due for inspection as of `asOf` (empty: it is not). Appends to `out`.
void inspectionReasons(const SiteFacts& facts, const RuleSettings& settings, Date asOf,
                       std::vector<Reason>& out);

/// Facilities to suspend, highest priority first (ties by site id). Pure: the same facts and
/// settings give the same list.
std::vector<ListEntry> suspensionList(const std::vector<SiteFacts>& facts,
                                      const RuleSettings& settings);

/// Facilities due for inspection, highest priority first (ties by site id); the first
/// `settings.inspectionCapacity` are marked withinCapacity. Pure, like suspensionList.
std::vector<ListEntry> inspectionList(const std::vector<SiteFacts>& facts,
                                      const RuleSettings& settings);

}  // namespace safemap
