#include "core/rules/site_status.h"

#include <algorithm>
#include <iterator>

namespace safemap {

std::vector<SiteStatus> computeSiteStatus(const std::vector<SiteFacts>& facts,
                                          const RuleSettings& settings,
                                          std::vector<std::uint32_t>* suspendOrder,
                                          std::vector<std::uint32_t>* inspectOrder,
                                          const std::vector<std::uint32_t>* idRank) {
    return computeSiteStatus(
        facts.size(), [&facts](std::size_t i, SiteFacts&) -> const SiteFacts& { return facts[i]; },
        effectiveAsOf(facts, settings), settings, suspendOrder, inspectOrder, idRank);
}

std::vector<SiteStatus> computeSiteStatus(
    std::size_t count, const std::function<const SiteFacts&(std::size_t, SiteFacts&)>& factOf,
    Date asOf, const RuleSettings& settings, std::vector<std::uint32_t>* suspendOrder,
    std::vector<std::uint32_t>* inspectOrder, const std::vector<std::uint32_t>* idRank) {
    std::vector<SiteStatus> out(count);
    // Reasons are gathered in one scratch vector and copied at their exact count: grown one
    // by one, 100,000 facilities' vectors held about a third more than their reasons.
    std::vector<Reason> scratch;
    auto keep = [&scratch](std::vector<Reason>& into) {
        into.assign(std::make_move_iterator(scratch.begin()),
                    std::make_move_iterator(scratch.end()));
        scratch.clear();
    };
    SiteFacts one;
    for (size_t i = 0; i < count; ++i) {
        const SiteFacts& f = factOf(i, one);
        SiteStatus& s = out[i];
        s.siteId = f.siteId;
        s.priority = priorityOf(f, asOf, settings);
        if (f.latest) {
            s.level = f.latest->level;
            s.percent = f.latest->percent;
            s.assessedOn = f.latest->date;
            s.ageDays = daysBetween(f.latest->date, asOf);
            s.stale = s.ageDays > settings.staleAssessmentDays;
            s.rising =
                f.previous && f.latest->percent - f.previous->percent >= settings.riskRiseThreshold;
        }
        suspensionReasons(f, settings, asOf, scratch);
        keep(s.suspendReasons);
        inspectionReasons(f, settings, asOf, scratch);
        keep(s.inspectReasons);
        s.toSuspend = !s.suspendReasons.empty();
        s.toInspect = !s.inspectReasons.empty();
    }
    // The lists' order, as suspensionList and inspectionList give it: highest priority
    // first, ties by site id; ranks from 1, and this week's inspections (the capacity).
    // Totals computed once (a sort compares each many times).
    std::vector<double> totals(out.size());
    for (size_t i = 0; i < out.size(); ++i)
        totals[i] = out[i].priority.total();
    auto before = [&](std::uint32_t a, std::uint32_t b) {
        if (totals[a] != totals[b])
            return totals[a] > totals[b];
        if (idRank && idRank->size() == count)
            return (*idRank)[a] < (*idRank)[b];
        return out[a].siteId < out[b].siteId;
    };
    std::vector<std::uint32_t> suspend, inspect;
    for (std::uint32_t i = 0; i < out.size(); ++i) {
        if (out[i].toSuspend)
            suspend.push_back(i);
        if (out[i].toInspect)
            inspect.push_back(i);
    }
    std::sort(suspend.begin(), suspend.end(), before);
    std::sort(inspect.begin(), inspect.end(), before);
    for (size_t r = 0; r < suspend.size(); ++r)
        out[suspend[r]].suspendRank = static_cast<int>(r) + 1;
    for (size_t r = 0; r < inspect.size(); ++r) {
        SiteStatus& st = out[inspect[r]];
        st.inspectRank = static_cast<int>(r) + 1;
        st.inspectTop =
            settings.inspectionCapacity <= 0 || st.inspectRank <= settings.inspectionCapacity;
    }
    if (suspendOrder)
        *suspendOrder = std::move(suspend);
    if (inspectOrder)
        *inspectOrder = std::move(inspect);
    return out;
}

}  // namespace safemap
