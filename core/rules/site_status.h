#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/rules/action_lists.h"
#include "core/rules/site_facts.h"

namespace safemap {

/// \brief What the map, the filters and the tables show for one facility: its latest level,
/// how old that is, and whether it is on each list (with the reasons).
struct SiteStatus {
    std::string siteId;
    std::optional<RiskLevel> level;  ///< of the newest assessment; empty = no assessment
    double percent = 0;
    std::optional<Date> assessedOn;
    int ageDays = -1;     ///< days from the newest assessment to as-of; -1 if none
    bool stale = false;   ///< older than RuleSettings::staleAssessmentDays
    bool rising = false;  ///< risk rose since the previous assessment
    bool toSuspend = false;
    bool toInspect = false;
    /// On the inspection list and among its first RuleSettings::inspectionCapacity entries:
    /// this week's inspections. The map's inspection mark follows this, not toInspect.
    bool inspectTop = false;
    int suspendRank = 0;  ///< 1-based position on the suspension list; 0 if not on it
    int inspectRank = 0;  ///< 1-based position on the inspection list; 0 if not on it
    Priority priority;    ///< for every facility, listed or not (core/rules/priority.h)
    std::vector<Reason> suspendReasons;
    std::vector<Reason> inspectReasons;
};

/// Style class of a facility for the risk symbology: 0 = no assessment, 1..5 = very low ..
/// very high (RiskLevel + 1).
inline std::uint8_t riskCategory(const SiteStatus& s) {
    return s.level ? static_cast<std::uint8_t>(static_cast<int>(*s.level) + 1) : 0;
}

/// One status per fact, in the same order, with both lists applied. The positions (in
/// `facts`) of the facilities on each list, in the list's order (priority, then site id), go to
/// suspendOrder / inspectOrder when given.
/// `idRank`, when given, is each fact's place in site id order (a faster tie-break).
std::vector<SiteStatus> computeSiteStatus(const std::vector<SiteFacts>& facts,
                                          const RuleSettings& settings,
                                          std::vector<std::uint32_t>* suspendOrder = nullptr,
                                          std::vector<std::uint32_t>* inspectOrder = nullptr,
                                          const std::vector<std::uint32_t>* idRank = nullptr);

/// The same for `count` facilities whose facts `factOf(i, scratch)` hands over one at a time
/// as of `asOf` (a reference to its own facts, or to `scratch` filled for facility i), so that
/// 100,000 facilities' facts (22 MB) need never exist at once.
std::vector<SiteStatus> computeSiteStatus(
    std::size_t count, const std::function<const SiteFacts&(std::size_t, SiteFacts&)>& factOf,
    Date asOf, const RuleSettings& settings, std::vector<std::uint32_t>* suspendOrder = nullptr,
    std::vector<std::uint32_t>* inspectOrder = nullptr,
    const std::vector<std::uint32_t>* idRank = nullptr);

/// \brief How the facilities of one zone add up, for colouring zones.
struct ZoneAggregate {
    int facilities = 0;
    int assessed = 0;
    int unsafe = 0;  ///< latest level high or very high, or on the suspend list
    long long workers = 0;
    std::optional<RiskLevel> worst;
    double unsafeShare() const { return assessed ? static_cast<double>(unsafe) / assessed : 0; }
};

}  // namespace safemap
