#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/criteria/criteria_set.h"
#include "core/project/project_facts.h"
#include "core/rules/rule_settings.h"
#include "core/rules/site_status.h"

namespace safemap {

/// \brief Everything the risk map, the legend and the lists show for one scenario: each
/// facility's status (level, age, lists with reasons) and each zone's aggregate, as of one
/// date under one criteria set and one set of rule thresholds.
struct ProjectStatus {
    std::shared_ptr<const CriteriaSet> criteria;  ///< null if the project has none yet
    RuleSettings settings;                        ///< as applied: settings.asOf is always set
    Date asOf{};
    std::vector<SiteFacts> facts;                          ///< one per factory, in order
    std::unordered_map<std::string, SiteStatus> sites;     ///< by site id
    std::unordered_map<std::string, ZoneAggregate> zones;  ///< by zone id
    std::vector<std::string> suspendOrder;  ///< site ids on the suspend list, in its order
    std::vector<std::string> inspectOrder;  ///< site ids on the inspection list, in its order
    const SiteStatus* site(const std::string& id) const;
};

/// The status of every facility and zone under `settings` (its asOf, else the default
/// date of the facts). Pure: the same facts and settings always give the same status.
ProjectStatus computeStatus(const ProjectFacts& facts, const RuleSettings& settings);

}  // namespace safemap
