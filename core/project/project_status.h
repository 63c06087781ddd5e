#pragma once

#include <cstdint>
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
    std::vector<SiteStatus> sites;                         ///< one per factory, in the facts' order
    std::shared_ptr<const FactoryIndex> index;             ///< site id → position in `sites`
    std::unordered_map<std::string, ZoneAggregate> zones;  ///< by zone id
    std::vector<std::uint32_t> suspendOrder;  ///< positions on the suspend list, in its order
    std::vector<std::uint32_t> inspectOrder;  ///< positions on the inspection list, in its order

    const SiteStatus* site(const std::string& id) const;
};

/// The status of every facility and zone under `settings` (its asOf, else the default
/// date of the facts). Pure: the same facts and settings always give the same status.
ProjectStatus computeStatus(const ProjectFacts& facts, const RuleSettings& settings);

}  // namespace safemap
