#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/criteria/criteria_ref.h"
#include "core/criteria/criteria_set.h"
#include "core/criteria/risk_level.h"
#include "core/rules/site_facts.h"
#include "core/util/date.h"

namespace safemap {

/// \brief One scored assessment as the rules need it, in 56 bytes: a million of them fit
/// in memory, so moving the "as of" date back is a binary search per facility, not a query.
struct TimelineEntry {
    int64_t assessmentId = 0;
    int32_t day = 0;  ///< days since 1970-01-01 (std::chrono::sys_days)
    double percent = 0;
    double maxIndexPoints = 0;
    uint64_t mandatoryFailedMask = 0;  ///< bit k: index k of the set, a mandatory measure failed
    uint32_t vetoMask = 0;             ///< bit v: veto v of the set fired
    int16_t worstIndex = -1;           ///< position of the worst index in the set
    RiskLevel level = RiskLevel::VeryLow;
    bool safeToOperate = true;

    Date date() const;
};

/// \brief Every score of one criteria set, grouped by facility and oldest first within one
/// (by date, then by assessment id, as the lists have always ordered them).
struct ScoreTimeline {
    CriteriaRef set;
    std::vector<std::string> siteIds;    ///< sorted, distinct
    std::vector<uint32_t> siteBegin{0};  ///< entries of siteIds[i]: [siteBegin[i], siteBegin[i+1])
    std::vector<TimelineEntry> entries;

    /// The scores of one facility, oldest first (empty if it has none).
    std::span<const TimelineEntry> of(std::string_view siteId) const;
    /// The newest date of any score, if there is one.
    std::optional<Date> newest() const;
};

/// \brief Collects timeline entries in any order and groups them.
class ScoreTimelineBuilder {
public:
    explicit ScoreTimelineBuilder(CriteriaRef set) { timeline_.set = std::move(set); }
    void add(std::string_view siteId, const TimelineEntry& entry);
    ScoreTimeline finish() &&;

private:
    struct Pending {
        uint32_t site;
        TimelineEntry entry;
    };
    ScoreTimeline timeline_;
    std::vector<std::string> sites_;  ///< in order of first appearance
    std::vector<Pending> pending_;
    std::unordered_map<std::string, uint32_t> index_;
    std::string lastSite_;
    uint32_t lastIndex_ = 0;
};

/// The timeline with only the `perSite` newest entries of each facility kept: enough to
/// judge every facility as of its newest date or later.
ScoreTimeline keepNewest(ScoreTimeline timeline, size_t perSite);

/// The entry as the rules see it.
ScoredAssessment toScoredAssessment(const TimelineEntry& entry);

/// Day number of a date (days since 1970-01-01) and back.
int32_t dayNumber(const Date& date);
Date fromDayNumber(int32_t day);

}  // namespace safemap
