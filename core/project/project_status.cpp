#include "core/project/project_status.h"

#include <cassert>

namespace safemap {

const SiteStatus* ProjectStatus::site(const std::string& id) const {
    if (index) {
        auto it = index->find(id);
        return it == index->end() || it->second >= sites.size() ? nullptr : &sites[it->second];
    }
    for (const auto& s : sites)
        if (s.siteId == id)
            return &s;
    return nullptr;
}

ProjectStatus computeStatus(const ProjectFacts& facts, const RuleSettings& settings) {
    ProjectStatus p;
    p.criteria = facts.criteria;
    p.asOf = settings.asOf.value_or(defaultAsOf(facts));
    p.settings = settings;
    p.settings.asOf = p.asOf;
    p.index = facts.index ? facts.index : makeFactoryIndex(facts.factories);
    // Each facility's facts made as the rules reach it: never all of them at once.
    assert(coversAsOf(facts, p.asOf));
    p.sites = computeSiteStatus(
        facts.factories.size(),
        [&](std::size_t i, SiteFacts& one) -> const SiteFacts& {
            factsOfSiteAsOf(facts, i, p.asOf, one);
            return one;
        },
        p.asOf, p.settings, &p.suspendOrder, &p.inspectOrder,
        facts.idRank.size() == facts.factories.size() ? &facts.idRank : nullptr);
    for (size_t i = 0; i < p.sites.size(); ++i) {
        const Factory& f = facts.factories[i];
        const SiteStatus& s = p.sites[i];
        if (f.zoneId.empty())
            continue;
        ZoneAggregate& z = p.zones[f.zoneId];
        ++z.facilities;
        z.workers += f.workforce.total.value_or(0);
        if (s.level) {
            ++z.assessed;
            if (!z.worst || *s.level > *z.worst)
                z.worst = s.level;
            if (*s.level >= RiskLevel::High || s.toSuspend)
                ++z.unsafe;
        }
    }
    return p;
}

}  // namespace safemap
