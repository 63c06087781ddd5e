#include "core/project/score_timeline.h"

#include <algorithm>
#include <numeric>

namespace safemap {

int32_t dayNumber(const Date& date) {
    return static_cast<int32_t>(std::chrono::sys_days(date).time_since_epoch().count());
}

Date fromDayNumber(int32_t day) {
    return Date{std::chrono::sys_days(std::chrono::days(day))};
}

Date TimelineEntry::date() const {
    return fromDayNumber(day);
}

std::span<const TimelineEntry> ScoreTimeline::of(std::string_view siteId) const {
    auto it = std::lower_bound(siteIds.begin(), siteIds.end(), siteId);
    if (it == siteIds.end() || *it != siteId)
        return {};
    const auto i = static_cast<size_t>(it - siteIds.begin());
    return std::span<const TimelineEntry>(entries).subspan(siteBegin[i],
                                                           siteBegin[i + 1] - siteBegin[i]);
}

std::optional<Date> ScoreTimeline::newest() const {
    std::optional<int32_t> best;
    for (size_t i = 0; i + 1 < siteBegin.size(); ++i)
        if (siteBegin[i + 1] > siteBegin[i]) {
            const int32_t d = entries[siteBegin[i + 1] - 1].day;  // last = newest of the site
            if (!best || d > *best)
                best = d;
        }
    if (!best)
        return std::nullopt;
    return fromDayNumber(*best);
}

void ScoreTimelineBuilder::add(std::string_view siteId, const TimelineEntry& entry) {
    if (pending_.empty() || siteId != lastSite_) {
        lastSite_.assign(siteId);
        auto [it, added] = index_.try_emplace(lastSite_, static_cast<uint32_t>(sites_.size()));
        if (added)
            sites_.push_back(lastSite_);
        lastIndex_ = it->second;
    }
    pending_.push_back({lastIndex_, entry});
}

ScoreTimeline ScoreTimelineBuilder::finish() && {
    ScoreTimeline& t = timeline_;
    std::vector<uint32_t> order(sites_.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(),
              [&](uint32_t a, uint32_t b) { return sites_[a] < sites_[b]; });
    std::vector<uint32_t> rank(sites_.size());
    for (uint32_t r = 0; r < order.size(); ++r) {
        rank[order[r]] = r;
        t.siteIds.push_back(std::move(sites_[order[r]]));
    }
    for (auto& p : pending_)
        p.site = rank[p.site];
    auto before = [](const Pending& a, const Pending& b) {
        if (a.site != b.site)
            return a.site < b.site;
        if (a.entry.day != b.entry.day)
            return a.entry.day < b.entry.day;
        return a.entry.assessmentId < b.entry.assessmentId;
    };
    // Storage usually hands entries over already in this order; then sorting is skipped.
    if (!std::is_sorted(pending_.begin(), pending_.end(), before))
        std::sort(pending_.begin(), pending_.end(), before);
    t.entries.reserve(pending_.size());
    t.siteBegin.assign(t.siteIds.size() + 1, 0);
    for (const auto& p : pending_) {
        ++t.siteBegin[p.site + 1];
        t.entries.push_back(p.entry);
    }
    for (size_t i = 1; i < t.siteBegin.size(); ++i)
        t.siteBegin[i] += t.siteBegin[i - 1];
    pending_ = {};
    sites_ = {};
    index_ = {};
    return std::move(t);
}

ScoreTimeline keepNewest(ScoreTimeline t, size_t perSite) {
    size_t kept = 0;
    for (size_t i = 0; i + 1 < t.siteBegin.size(); ++i) {
        const size_t begin = t.siteBegin[i], end = t.siteBegin[i + 1];
        const size_t from = end - std::min(end - begin, perSite);
        t.siteBegin[i] = static_cast<uint32_t>(kept);
        for (size_t k = from; k < end; ++k)
            t.entries[kept++] = t.entries[k];
    }
    t.siteBegin.back() = static_cast<uint32_t>(kept);
    t.entries.resize(kept);
    t.entries.shrink_to_fit();
    return t;
}

ScoredAssessment toScoredAssessment(const TimelineEntry& e) {
    ScoredAssessment a;
    a.date = e.date();
    a.percent = e.percent;
    a.level = e.level;
    a.safeToOperate = e.safeToOperate;
    a.maxIndexPoints = e.maxIndexPoints;
    a.worstIndex = e.worstIndex;
    a.failedMandatory = e.mandatoryFailedMask;
    a.firedVetoes = e.vetoMask;
    return a;
}

}  // namespace safemap
