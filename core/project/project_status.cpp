#include "core/project/project_status.h"

namespace safemap {

const SiteStatus* ProjectStatus::site(const std::string& id) const {
    auto it = sites.find(id);
    return it == sites.end() ? nullptr : &it->second;
}

ProjectStatus computeStatus(const ProjectFacts& facts, const RuleSettings& settings) {
    ProjectStatus p;
    p.criteria = facts.criteria;
    p.asOf = settings.asOf.value_or(defaultAsOf(facts));
    p.settings = settings;
    p.settings.asOf = p.asOf;
    p.facts = factsAsOf(facts, p.asOf);
    auto statuses = computeSiteStatus(p.facts, p.settings, &p.suspendOrder, &p.inspectOrder);
    p.sites.reserve(statuses.size());
    for (size_t i = 0; i < statuses.size(); ++i) {
        const SiteFacts& f = p.facts[i];
        const SiteStatus& s = statuses[i];
        if (!f.zoneId.empty()) {
            ZoneAggregate& z = p.zones[f.zoneId];
            ++z.facilities;
            z.workers += f.workers.value_or(0);
            if (s.level) {
                ++z.assessed;
                if (!z.worst || *s.level > *z.worst)
                    z.worst = s.level;
                if (*s.level >= RiskLevel::High || s.toSuspend)
                    ++z.unsafe;
            }
        }
        p.sites.emplace(s.siteId, std::move(statuses[i]));
    }
    return p;
}

}  // namespace safemap
