#include "core/rules/list_export.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace safemap {

namespace {
double oneDecimal(double v) {
    return std::round(v * 10) / 10;
}

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + '"';
}
}  // namespace

std::string listToCsv(const std::vector<ListEntry>& list, bool excelBom) {
    std::string out = excelBom ? "\xEF\xBB\xBF" : "";
    out += "rank,priority,this_week,site_id,name,reason_codes,reasons,reasons_en\r\n";
    for (const auto& e : list) {
        std::string codes, vi, en;
        for (const auto& r : e.reasons) {
            const char* sep = codes.empty() ? "" : "; ";
            codes += sep + std::string(reasonCode(r.code));
            vi += sep + r.detail;
            en += sep + r.detailEn;
        }
        char priority[32];
        std::snprintf(priority, sizeof priority, "%.1f", e.priority.total());
        out += std::to_string(e.rank) + ',' + priority + ',' + (e.withinCapacity ? "yes" : "no") +
               ',' + csvField(e.siteId) + ',' + csvField(e.name) + ',' + csvField(codes) + ',' +
               csvField(vi) + ',' + csvField(en) + "\r\n";
    }
    return out;
}

std::string listToJson(const std::vector<ListEntry>& list, const ListProvenance& p) {
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
    j["list"] = p.list;
    j["criteria_set"] = {{"id", p.criteriaSetId}, {"version", p.criteriaSetVersion}};
    j["as_of"] = formatDate(p.asOf);
    j["settings"] = settings;
    j["count"] = list.size();
    json sites = json::array();
    for (const auto& e : list) {
        json reasons = json::array();
        for (const auto& r : e.reasons)
            reasons.push_back({{"code", reasonCode(r.code)}, {"vi", r.detail}, {"en", r.detailEn}});
        const Priority& p = e.priority;
        const json parts = {{"level", oneDecimal(p.level)},
                            {"measures", oneDecimal(p.measures)},
                            {"index", oneDecimal(p.indices)},
                            {"workforce", oneDecimal(p.workforce)},
                            {"assessment_age", oneDecimal(p.assessmentAge)},
                            {"rise", oneDecimal(p.rise)},
                            {"inspection_age", oneDecimal(p.inspectionAge)}};
        sites.push_back({{"rank", e.rank},
                         {"priority", p.total()},
                         {"priority_parts", parts},
                         {"this_week", e.withinCapacity},
                         {"site_id", e.siteId},
                         {"name", e.name},
                         {"reasons", reasons}});
    }
    j["sites"] = sites;
    return j.dump(2) + "\n";
}

}  // namespace safemap
