#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/criteria/criteria_set.h"
#include "core/rules/site_status.h"

namespace safemap {

class Database;

/// \brief Everything the risk map shows, computed once from the project: each facility's
/// status (level, age, lists with reasons) and each zone's aggregate.
struct ProjectStatus {
    std::optional<CriteriaSet> criteria;  ///< the active set; empty if none chosen yet
    RuleSettings settings;
    Date asOf{};
    std::vector<SiteFacts> facts;                          ///< by site id
    std::unordered_map<std::string, SiteStatus> sites;     ///< by site id
    std::unordered_map<std::string, ZoneAggregate> zones;  ///< by zone id
    const SiteStatus* site(const std::string& id) const;
};

/// Loads the facts under the active criteria set and applies the rules. Without an active
/// set every facility counts as unassessed (and the lists say so).
ProjectStatus loadProjectStatus(const Database& db, const RuleSettings& settings);

/// How zones are coloured from their facilities.
enum class ZoneColouring {
    WorstLevel,   ///< the worst latest level of any facility (grey if none assessed)
    UnsafeShare,  ///< share of assessed facilities that are unsafe, on the four-level area
                  ///< scale of Resolution 128/NQ-CP: 0 % green, ≤10 % yellow, ≤30 % orange,
                  ///< above red
};

/// The style class (0..5, as riskCategory) of a zone under a colouring.
std::uint8_t zoneCategory(const ZoneAggregate& aggregate, ZoneColouring colouring);

}  // namespace safemap
