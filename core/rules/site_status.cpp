#include "core/rules/site_status.h"

#include <algorithm>

namespace safemap {

std::vector<SiteStatus> computeSiteStatus(const std::vector<SiteFacts>& facts,
                                          const RuleSettings& settings,
                                          std::vector<std::uint32_t>* suspendOrder,
                                          std::vector<std::uint32_t>* inspectOrder) {
    const Date asOf = effectiveAsOf(facts, settings);
    std::vector<SiteStatus> out(facts.size());
    for (size_t i = 0; i < facts.size(); ++i) {
        const SiteFacts& f = facts[i];
        SiteStatus& s = out[i];
        s.siteId = f.siteId;
        if (f.latest) {
            s.level = f.latest->level;
            s.percent = f.latest->percent;
            s.assessedOn = f.latest->date;
            s.ageDays = daysBetween(f.latest->date, asOf);
            s.stale = s.ageDays > settings.staleAssessmentDays;
            s.rising =
                f.previous && f.latest->percent - f.previous->percent >= settings.riskRiseThreshold;
        }
        suspensionReasons(f, settings, asOf, s.suspendReasons);
        inspectionReasons(f, settings, asOf, s.inspectReasons);
        s.toSuspend = !s.suspendReasons.empty();
        s.toInspect = !s.inspectReasons.empty();
        if (s.toSuspend && suspendOrder)
            suspendOrder->push_back(static_cast<std::uint32_t>(i));
        if (s.toInspect && inspectOrder)
            inspectOrder->push_back(static_cast<std::uint32_t>(i));
    }
    // The lists' order: by site id, as suspensionList and inspectionList give them.
    auto bySiteId = [&](std::uint32_t a, std::uint32_t b) {
        return facts[a].siteId < facts[b].siteId;
    };
    if (suspendOrder)
        std::sort(suspendOrder->begin(), suspendOrder->end(), bySiteId);
    if (inspectOrder)
        std::sort(inspectOrder->begin(), inspectOrder->end(), bySiteId);
    return out;
}

}  // namespace safemap
