#include "core/project/facility_scores.h"

#include <algorithm>
#include <charconv>

#include "core/tabular/csv_field.h"

namespace safemap {

namespace {

std::string oneDecimal(double v) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 1);
    return ec == std::errc() ? std::string(buf, end) : std::string();
}

}  // namespace

std::vector<FacilityScore> facilityScores(const ProjectFacts& facts, const ProjectStatus& status) {
    std::vector<FacilityScore> out;
    out.reserve(facts.factories.size());
    for (size_t i = 0; i < facts.factories.size() && i < status.sites.size(); ++i) {
        const Factory& f = facts.factories[i];
        const SiteStatus& s = status.sites[i];
        FacilityScore row;
        row.siteId = f.id;
        row.name = f.name;
        row.level = s.level;
        row.percent = s.percent;
        row.mayOperate = !s.toSuspend;
        if (s.level && status.criteria)
            row.criteria = CriteriaRef{status.criteria->id, status.criteria->version};
        row.assessedOn = s.assessedOn;
        out.push_back(std::move(row));
    }
    std::sort(out.begin(), out.end(),
              [](const FacilityScore& a, const FacilityScore& b) { return a.siteId < b.siteId; });
    return out;
}

Result<std::vector<FacilityScore>> facilityScoresOf(const Project& project,
                                                    const Scenario& scenario) {
    auto result = evaluateScenario(project, scenario);
    if (!result)
        return result.error();
    return facilityScores(*result->facts, result->status);
}

// Built by appending: g++ 12 -O3 gives a false -Wrestrict on "literal" + std::string&&.
std::string facilityScoresToCsv(const std::vector<FacilityScore>& scores, bool excelBom) {
    std::string out = excelBom ? "\xEF\xBB\xBF" : "";
    out += "site_id,name,percent,level,may_operate,criteria_set,criteria_version,assessed_on\r\n";
    for (const FacilityScore& s : scores) {
        out += csvField(s.siteId);
        out += ',';
        out += csvField(s.name);
        out += ',';
        if (s.level) {
            out += oneDecimal(s.percent);
            out += ',';
            out += riskLevelCode(*s.level);
        } else {
            out += ',';
        }
        out += ',';
        out += s.mayOperate ? "yes" : "no";
        out += ',';
        if (s.criteria) {
            out += csvField(s.criteria->id);
            out += ',';
            out += std::to_string(s.criteria->version);
        } else {
            out += ',';
        }
        out += ',';
        if (s.assessedOn)
            out += formatDate(*s.assessedOn);
        out += "\r\n";
    }
    return out;
}

}  // namespace safemap
