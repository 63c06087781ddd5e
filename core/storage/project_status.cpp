#include "core/storage/project_status.h"

#include "core/storage/assessment_store.h"
#include "core/storage/site_facts_store.h"

namespace safemap {

const SiteStatus* ProjectStatus::site(const std::string& id) const {
    auto it = sites.find(id);
    return it == sites.end() ? nullptr : &it->second;
}

ProjectStatus loadProjectStatus(const Database& db, const RuleSettings& settings) {
    ProjectStatus p;
    p.settings = settings;
    p.criteria = activeCriteriaSet(db);
    p.facts = p.criteria ? loadSiteFacts(db, p.criteria->id, p.criteria->version)
                         : loadSiteFacts(db, "", -1);
    p.asOf = effectiveAsOf(p.facts, settings);
    auto statuses = computeSiteStatus(p.facts, settings);
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

std::uint8_t zoneCategory(const ZoneAggregate& a, ZoneColouring colouring) {
    if (a.assessed == 0)
        return 0;
    if (colouring == ZoneColouring::WorstLevel)
        return static_cast<std::uint8_t>(static_cast<int>(*a.worst) + 1);
    // Area levels 1..4 (green, yellow, orange, red) drawn with the facility palette's
    // matching colours: very low (green), medium (yellow), high (orange), very high (red).
    const double share = a.unsafeShare();
    if (share <= 0)
        return 1;
    if (share <= 0.10)
        return 3;
    if (share <= 0.30)
        return 4;
    return 5;
}

}  // namespace safemap
