#include "app/gui/action_rows.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "core/filter/filter_match.h"
#include "core/storage/project_status.h"
#include "core/text/fold.h"

namespace safemap {

namespace {
QString qs(const std::string& s) {
    return QString::fromStdString(s);
}
}  // namespace

std::vector<ActionRow> makeActionRows(ActionList list, const std::vector<Factory>& factories,
                                      const std::vector<Zone>& zones, const ProjectStatus& status,
                                      const SiteFilter& filter) {
    std::unordered_map<std::string_view, const Zone*> zoneById;
    for (const auto& z : zones)
        zoneById.emplace(z.id, &z);
    const SiteMatcher match(filter);
    std::vector<std::pair<std::pair<int, std::string>, ActionRow>> keyed;
    for (const auto& f : factories) {
        const SiteStatus* s = status.site(f.id);
        if (!s || !(list == ActionList::ToSuspend ? s->toSuspend : s->toInspect))
            continue;
        const Zone* zone = nullptr;
        if (auto it = zoneById.find(f.zoneId); it != zoneById.end())
            zone = it->second;
        if (!match(FilterRow{&f, s, zone, nullptr}))
            continue;
        ActionRow row;
        row.siteId = qs(f.id);
        row.name = qs(f.name);
        row.taxCode = qs(f.taxCode);
        row.zone = zone ? qs(zone->name) : QString();
        row.district = qs(f.district);
        row.workers = f.workforce.total;
        row.level = s->level;
        row.percent = s->percent;
        row.assessedOn = s->assessedOn;
        row.reasons = list == ActionList::ToSuspend ? s->suspendReasons : s->inspectReasons;
        row.priority = s->priority;
        row.rank = list == ActionList::ToSuspend ? s->suspendRank : s->inspectRank;
        row.thisWeek = list == ActionList::ToInspect && s->inspectTop;
        // Unranked rows (a status made by hand) go last, by name.
        const int place = row.rank > 0 ? row.rank : std::numeric_limits<int>::max();
        keyed.emplace_back(std::pair(place, foldForSearch(f.name) + '\x1f' + f.id), std::move(row));
    }
    std::sort(keyed.begin(), keyed.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<ActionRow> rows;
    rows.reserve(keyed.size());
    for (auto& k : keyed)
        rows.push_back(std::move(k.second));
    return rows;
}

}  // namespace safemap
