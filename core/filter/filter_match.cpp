#include "core/filter/filter_match.h"

#include <set>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "core/project/project_status.h"
#include "core/text/fold.h"

namespace safemap {

namespace {

std::vector<std::string> foldedAll(const std::set<std::string>& items) {
    std::vector<std::string> out;
    out.reserve(items.size());
    for (const auto& s : items)
        out.push_back(foldForSearch(s));
    return out;
}

bool contains(const std::vector<std::string>& items, const std::string& s) {
    return std::find(items.begin(), items.end(), s) != items.end();
}

bool inRange(int v, const std::optional<int>& lo, const std::optional<int>& hi) {
    return (!lo || v >= *lo) && (!hi || v <= *hi);
}

}  // namespace

SiteMatcher::SiteMatcher(const SiteFilter& filter)
    : filter_(filter),
      empty_(filter.isEmpty()),
      query_(foldForSearch(filter.query)),
      districts_(foldedAll(filter.districts)),
      provinces_(foldedAll(filter.provinces)) {}

bool SiteMatcher::operator()(const FilterRow& row) const {
    if (empty_)
        return true;
    const SiteFilter& f = filter_;
    const SiteStatus* s = row.status;
    switch (f.list) {
        case ListMembership::Any:
            break;
        case ListMembership::ToSuspend:
            if (!s || !s->toSuspend)
                return false;
            break;
        case ListMembership::ToInspect:
            if (!s || !s->toInspect)
                return false;
            break;
        case ListMembership::Either:
            if (!s || !(s->toSuspend || s->toInspect))
                return false;
            break;
    }
    if (!f.levels.all() && !f.levels.test(s ? riskCategory(*s) : 0))
        return false;
    if (!f.types.all() && !f.hasType(siteTypeOf(row.zone)))
        return false;
    if (!f.zoneIds.empty() && !f.zoneIds.count(row.factory->zoneId))
        return false;
    if (f.minWorkers || f.maxWorkers) {
        const auto& total = row.factory->workforce.total;
        if (!total || !inRange(*total, f.minWorkers, f.maxWorkers))
            return false;
    }
    if (f.minAgeDays || f.maxAgeDays || f.neverAssessed) {
        const bool assessed = s && s->assessedOn;
        const bool ranged = f.minAgeDays || f.maxAgeDays;
        const bool pass =
            assessed ? ranged && inRange(s->ageDays, f.minAgeDays, f.maxAgeDays) : f.neverAssessed;
        if (!pass)
            return false;
    }
    return matchesText(row);
}

bool SiteMatcher::matchesText(const FilterRow& row) const {
    if (districts_.empty() && provinces_.empty() && query_.empty())
        return true;
    SearchKey folded;
    const SearchKey* key = row.key;
    if (!key) {
        folded = makeSearchKey(*row.factory);
        key = &folded;
    }
    if (!districts_.empty() && !contains(districts_, key->district))
        return false;
    if (!provinces_.empty() && !contains(provinces_, key->province))
        return false;
    return matchesFolded(key->text, query_);
}

bool matches(const SiteFilter& filter, const FilterRow& row) {
    return SiteMatcher(filter)(row);
}

std::vector<size_t> matchingRows(const SiteFilter& filter, const std::vector<FilterRow>& rows) {
    const SiteMatcher match(filter);
    std::vector<size_t> out;
    out.reserve(filter.isEmpty() ? rows.size() : rows.size() / 4);
    for (size_t i = 0; i < rows.size(); ++i)
        if (match(rows[i]))
            out.push_back(i);
    return out;
}

std::vector<FilterRow> makeFilterRows(const std::vector<Factory>& factories,
                                      const std::vector<Zone>& zones, const ProjectStatus& status,
                                      const SearchIndex* index) {
    std::unordered_map<std::string_view, const Zone*> zoneById;
    zoneById.reserve(zones.size());
    for (const auto& z : zones)
        zoneById.emplace(z.id, &z);
    const bool indexed = index && index->keys.size() == factories.size();
    std::vector<FilterRow> rows;
    rows.reserve(factories.size());
    for (size_t i = 0; i < factories.size(); ++i) {
        const Factory& f = factories[i];
        FilterRow row{&f, status.site(f.id), nullptr, indexed ? &index->keys[i] : nullptr};
        if (!f.zoneId.empty())
            if (auto it = zoneById.find(f.zoneId); it != zoneById.end())
                row.zone = it->second;
        rows.push_back(row);
    }
    return rows;
}

void sortFolded(std::vector<std::string>& items) {
    std::vector<std::pair<std::string, std::string>> keyed;
    keyed.reserve(items.size());
    for (auto& s : items)
        keyed.emplace_back(foldForSearch(s), std::move(s));
    std::sort(keyed.begin(), keyed.end());
    for (size_t i = 0; i < items.size(); ++i)
        items[i] = std::move(keyed[i].second);
}

std::vector<std::string> districtChoices(const std::vector<Factory>& factories) {
    std::unordered_set<std::string> seen;
    std::vector<std::string> out;
    for (const auto& f : factories) {
        if (f.district.empty())
            continue;
        if (seen.insert(foldForSearch(f.district)).second)
            out.push_back(f.district);
    }
    sortFolded(out);
    return out;
}

}  // namespace safemap

namespace safemap {

FilterChoices filterChoicesOf(const std::vector<Zone>& zones,
                              const std::vector<Factory>& factories) {
    FilterChoices c;
    std::set<std::string> seenProvince;
    std::set<std::pair<std::string, std::string>> seenPlace;
    auto add = [&](const std::string& province, const std::string& district) {
        const std::string foldedProvince = foldForSearch(province);
        if (!province.empty() && seenProvince.insert(foldedProvince).second)
            c.provinces.push_back(province);
        if (!district.empty() && seenPlace.emplace(foldedProvince, foldForSearch(district)).second)
            c.places.emplace_back(province, district);
    };
    for (const auto& f : factories)
        add(f.province, f.district);
    for (const auto& z : zones)
        add(z.province, std::string());
    c.districts = districtChoices(factories);
    sortFolded(c.provinces);
    return c;
}

}  // namespace safemap
