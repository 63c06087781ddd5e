#include "core/project/compare.h"

#include <charconv>
#include <unordered_map>

#include "core/filter/filter_match.h"
#include "core/tabular/csv_field.h"

namespace safemap {

namespace {

std::string percentText(const std::optional<double>& v) {
    if (!v)
        return {};
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *v, std::chars_format::fixed, 1);
    return ec == std::errc() ? std::string(buf, end) : std::string();
}

std::string levelText(const std::optional<RiskLevel>& l) {
    return l ? std::string(riskLevelCode(*l)) : std::string("none");
}

}  // namespace

std::vector<StatusChange> statusChanges(const ProjectFacts& facts, const ProjectStatus& before,
                                        const ProjectStatus& after, const SiteFilter& filter) {
    std::unordered_map<std::string_view, const Zone*> zoneById;
    for (const auto& z : facts.zones)
        zoneById.emplace(z.id, &z);
    const SiteMatcher match(filter);
    std::vector<StatusChange> out;
    for (size_t i = 0; i < facts.factories.size(); ++i) {
        if (i >= before.sites.size() || i >= after.sites.size())
            break;
        const Factory& f = facts.factories[i];
        const SiteStatus& a = before.sites[i];
        const SiteStatus& b = after.sites[i];
        if (a.level == b.level && a.toSuspend == b.toSuspend && a.toInspect == b.toInspect)
            continue;
        const Zone* zone = nullptr;
        if (auto it = zoneById.find(f.zoneId); it != zoneById.end())
            zone = it->second;
        if (!match(FilterRow{&f, &b, zone, nullptr}))
            continue;
        StatusChange c;
        c.siteId = f.id;
        c.name = f.name;
        c.levelBefore = a.level;
        c.levelAfter = b.level;
        if (a.level)
            c.percentBefore = a.percent;
        if (b.level)
            c.percentAfter = b.percent;
        c.suspendBefore = a.toSuspend;
        c.suspendAfter = b.toSuspend;
        c.inspectBefore = a.toInspect;
        c.inspectAfter = b.toInspect;
        out.push_back(std::move(c));
    }
    return out;
}

Result<ScenarioComparison> compareScenarios(const Project& project, const Scenario& before,
                                            const Scenario& after, const ProgressFn& progress) {
    ScenarioComparison c;
    auto first = evaluateScenario(project, before, progress);
    if (!first)
        return first.error();
    c.before = std::move(first).value();
    if (before.criteria == after.criteria) {
        // Same facts: only the thresholds or the date differ, so read them once.
        c.after.facts = c.before.facts;
        c.after.status = computeStatus(*c.after.facts, after.rules);
    } else {
        auto second = evaluateScenario(project, after, progress);
        if (!second)
            return second.error();
        c.after = std::move(second).value();
    }
    c.changes = statusChanges(*c.after.facts, c.before.status, c.after.status, after.filter);
    return c;
}

std::string changesToCsv(const std::vector<StatusChange>& changes) {
    std::string out =
        "site_id,name,level_before,level_after,percent_before,percent_after,suspend_before,"
        "suspend_after,inspect_before,inspect_after\r\n";
    auto yes = [](bool b) { return b ? "yes" : "no"; };
    for (const auto& c : changes)
        out += csvField(c.siteId) + ',' + csvField(c.name) + ',' + levelText(c.levelBefore) + ',' +
               levelText(c.levelAfter) + ',' + percentText(c.percentBefore) + ',' +
               percentText(c.percentAfter) + ',' + yes(c.suspendBefore) + ',' +
               yes(c.suspendAfter) + ',' + yes(c.inspectBefore) + ',' + yes(c.inspectAfter) +
               "\r\n";
    return out;
}

}  // namespace safemap
