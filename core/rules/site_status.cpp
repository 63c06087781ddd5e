#include "core/rules/site_status.h"

#include <unordered_map>

namespace safemap {

std::vector<SiteStatus> computeSiteStatus(const std::vector<SiteFacts>& facts,
                                          const RuleSettings& settings) {
    const Date asOf = effectiveAsOf(facts, settings);
    std::vector<SiteStatus> out(facts.size());
    std::unordered_map<std::string, size_t> index;
    for (size_t i = 0; i < facts.size(); ++i) {
        const SiteFacts& f = facts[i];
        SiteStatus& s = out[i];
        s.siteId = f.siteId;
        s.priority = priorityOf(f, asOf, settings);
        index.emplace(f.siteId, i);
        if (f.latest) {
            s.level = f.latest->level;
            s.percent = f.latest->percent;
            s.assessedOn = f.latest->date;
            s.ageDays = daysBetween(f.latest->date, asOf);
            s.stale = s.ageDays > settings.staleAssessmentDays;
            s.rising =
                f.previous && f.latest->percent - f.previous->percent >= settings.riskRiseThreshold;
        }
    }
    for (auto& e : suspensionList(facts, settings)) {
        auto& s = out[index.at(e.siteId)];
        s.toSuspend = true;
        s.suspendRank = e.rank;
        s.suspendReasons = std::move(e.reasons);
    }
    for (auto& e : inspectionList(facts, settings)) {
        auto& s = out[index.at(e.siteId)];
        s.toInspect = true;
        s.inspectTop = e.withinCapacity;
        s.inspectRank = e.rank;
        s.inspectReasons = std::move(e.reasons);
    }
    return out;
}

}  // namespace safemap
