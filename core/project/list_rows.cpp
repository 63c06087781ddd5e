#include "core/project/list_rows.h"

#include <charconv>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "core/filter/filter_match.h"
#include "core/tabular/csv_field.h"

namespace safemap {

namespace {

std::string percentText(double v) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 1);
    return ec == std::errc() ? std::string(buf, end) : std::string();
}

}  // namespace

std::string_view actionListCode(ActionList list) {
    return list == ActionList::ToSuspend ? "suspend" : "inspect";
}

std::vector<ListRow> listRows(ActionList list, const ProjectFacts& facts,
                              const ProjectStatus& status, const SiteFilter& filter) {
    std::unordered_map<std::string_view, const Zone*> zoneById;
    for (const auto& z : facts.zones)
        zoneById.emplace(z.id, &z);
    std::unordered_map<std::string_view, const Factory*> factoryById;
    for (const auto& f : facts.factories)
        factoryById.emplace(f.id, &f);
    const SiteMatcher match(filter);
    const auto& order = list == ActionList::ToSuspend ? status.suspendOrder : status.inspectOrder;
    std::vector<ListRow> rows;
    for (const auto& id : order) {
        const SiteStatus* s = status.site(id);
        auto fit = factoryById.find(id);
        if (!s || fit == factoryById.end())
            continue;
        const Factory& f = *fit->second;
        const Zone* zone = nullptr;
        if (auto it = zoneById.find(f.zoneId); it != zoneById.end())
            zone = it->second;
        if (!match(FilterRow{&f, s, zone, nullptr}))
            continue;
        ListRow row;
        row.siteId = f.id;
        row.name = f.name;
        row.taxCode = f.taxCode;
        row.zone = zone ? zone->name : std::string();
        row.district = f.district;
        row.workers = f.workforce.total;
        row.level = s->level;
        row.percent = s->percent;
        row.assessedOn = s->assessedOn;
        row.reasons = list == ActionList::ToSuspend ? s->suspendReasons : s->inspectReasons;
        rows.push_back(std::move(row));
    }
    return rows;
}

ListProvenance provenanceOf(ActionList list, const ProjectStatus& status, const SiteFilter& filter,
                            const std::vector<Zone>& zones) {
    ListProvenance p;
    p.list = list;
    if (status.criteria)
        p.criteria = CriteriaRef{status.criteria->id, status.criteria->version};
    p.asOf = status.asOf;
    p.settings = status.settings;
    p.filter = describe(filter, false, zones);
    return p;
}

std::string listRowsToCsv(const std::vector<ListRow>& rows, bool excelBom) {
    std::string out = excelBom ? "\xEF\xBB\xBF" : "";
    out +=
        "site_id,tax_code,name,zone,district,workers,level,percent,assessed_on,reason_codes,"
        "reasons,reasons_en\r\n";
    for (const auto& r : rows) {
        std::string codes, vi, en;
        for (const auto& reason : r.reasons) {
            const char* sep = codes.empty() ? "" : "; ";
            codes += sep + std::string(reasonCode(reason.code));
            vi += sep + reason.detail;
            en += sep + reason.detailEn;
        }
        out += csvField(r.siteId) + ',' + csvField(r.taxCode) + ',' + csvField(r.name) + ',' +
               csvField(r.zone) + ',' + csvField(r.district) + ',' +
               (r.workers ? std::to_string(*r.workers) : "") + ',' +
               (r.level ? std::string(riskLevelCode(*r.level)) : "") + ',' +
               (r.level ? percentText(r.percent) : "") + ',' +
               (r.assessedOn ? formatDate(*r.assessedOn) : "") + ',' + csvField(codes) + ',' +
               csvField(vi) + ',' + csvField(en) + "\r\n";
    }
    return out;
}

std::string listRowsToJson(const std::vector<ListRow>& rows, const ListProvenance& p) {
    using nlohmann::json;
    json settings = json::object();
    const std::string text = describeRuleSettings(p.settings);
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t end = text.find('\n', pos);
        const std::string line = text.substr(pos, end - pos);
        if (auto eq = line.find('='); eq != std::string::npos)
            settings[line.substr(0, eq)] = line.substr(eq + 1);
        pos = end == std::string::npos ? text.size() : end + 1;
    }
    json j;
    j["list"] = actionListCode(p.list);
    j["criteria_set"] =
        p.criteria ? json{{"id", p.criteria->id}, {"version", p.criteria->version}} : json(nullptr);
    j["as_of"] = formatDate(p.asOf);
    j["settings"] = settings;
    j["filter"] = p.filter;
    j["count"] = rows.size();
    json sites = json::array();
    for (const auto& r : rows) {
        json reasons = json::array();
        for (const auto& reason : r.reasons)
            reasons.push_back({{"code", reasonCode(reason.code)},
                               {"vi", reason.detail},
                               {"en", reason.detailEn}});
        json site = {{"site_id", r.siteId}, {"name", r.name}, {"reasons", reasons}};
        site["level"] = r.level ? json(riskLevelCode(*r.level)) : json(nullptr);
        site["percent"] = r.level ? json(r.percent) : json(nullptr);
        site["assessed_on"] = r.assessedOn ? json(formatDate(*r.assessedOn)) : json(nullptr);
        sites.push_back(std::move(site));
    }
    j["sites"] = sites;
    return j.dump(2) + "\n";
}

}  // namespace safemap
