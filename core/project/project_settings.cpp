#include "core/project/project_settings.h"

#include <charconv>
#include <cmath>

#include "core/errors/error_catalogue.h"
#include "core/filter/filter_json.h"
#include "core/project/project.h"

namespace safemap {

namespace {

constexpr const char* kExtent = "view.extent";
constexpr const char* kLayers = "view.layers";
constexpr const char* kZoneColouring = "style.zone_colouring";
constexpr const char* kSizeByWorkforce = "style.size_by_workforce";
constexpr const char* kZoneLabels = "style.zone_labels";
constexpr const char* kFacilityLabels = "style.facility_labels";
constexpr const char* kRulesPrefix = "rules.";

std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> out;
    size_t pos = 0;
    while (pos <= text.size()) {
        const size_t end = std::min(text.find(sep, pos), text.size());
        out.push_back(text.substr(pos, end - pos));
        pos = end + 1;
    }
    return out;
}

std::optional<double> number(const std::string& s) {
    double v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

std::string numberText(double v) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2);
    return ec == std::errc() ? std::string(buf, end) : "0";
}

std::optional<BBox> extentFromText(const std::string& text) {
    const auto parts = split(text, ',');
    if (parts.size() != 4)
        return std::nullopt;
    BBox b;
    double* fields[4] = {&b.minX, &b.minY, &b.maxX, &b.maxY};
    for (size_t i = 0; i < 4; ++i) {
        auto v = number(parts[i]);
        if (!v)
            return std::nullopt;
        *fields[i] = *v;
    }
    if (b.empty())
        return std::nullopt;
    return b;
}

std::optional<std::vector<LayerState>> layersFromText(const std::string& text) {
    std::vector<LayerState> out;
    if (text.empty())
        return out;
    for (const auto& part : split(text, ';')) {
        const auto kv = split(part, ':');
        if (kv.size() != 2 || kv[0].empty() || (kv[1] != "0" && kv[1] != "1"))
            return std::nullopt;
        out.push_back({kv[0], kv[1] == "1"});
    }
    return out;
}

std::optional<bool> flag(const std::string& text) {
    if (text == "1")
        return true;
    if (text == "0")
        return false;
    return std::nullopt;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> ruleSettingPairs(const RuleSettings& rules) {
    std::vector<std::pair<std::string, std::string>> out;
    RuleSettings copy = rules;
    copy.asOf.reset();
    for (const auto& line : split(describeRuleSettings(copy), '\n')) {
        const auto eq = line.find('=');
        if (eq == std::string::npos || line.substr(0, eq) == "as-of")
            continue;
        out.emplace_back(line.substr(0, eq), line.substr(eq + 1));
    }
    return out;
}

Result<ProjectSettings> loadProjectSettings(const Project& project) {
    auto stored = project.repository().settings();
    if (!stored)
        return stored.error();
    ProjectSettings s;
    const std::string& where = project.location();
    auto problem = [&](const std::string& key, const std::string& value, const std::string& what) {
        s.problems.push_back(codedError("settings.bad_value", {key, value, what}, where));
    };
    for (const auto& [key, value] : *stored) {
        if (key == kExtent) {
            if (auto b = extentFromText(value))
                s.view.extent = b;
            else
                problem(key, value, "expected four numbers minx,miny,maxx,maxy");
        } else if (key == kLayers) {
            if (auto l = layersFromText(value))
                s.view.layers = *l;
            else
                problem(key, value, "expected id:0|1 separated by ';'");
        } else if (key == kZoneColouring) {
            if (value == "unsafe_share")
                s.style.zoneColouring = ZoneColouring::UnsafeShare;
            else if (value != "worst_level")
                problem(key, value, "expected worst_level or unsafe_share");
        } else if (key == kSizeByWorkforce || key == kZoneLabels || key == kFacilityLabels) {
            auto f = flag(value);
            if (!f)
                problem(key, value, "expected 0 or 1");
            else if (key == kSizeByWorkforce)
                s.style.sizeByWorkforce = *f;
            else if (key == kZoneLabels)
                s.style.zoneLabels = *f;
            else
                s.style.facilityLabels = *f;
        } else if (key == kSiteFilterMetaKey) {
            if (auto f = siteFilterFromJson(value))
                s.filter = *f;
            else
                problem(key, value, f.error().message);
        } else if (key.rfind(kRulesPrefix, 0) == 0) {
            const std::string rule = key.substr(std::string(kRulesPrefix).size());
            if (rule == "as-of") {
                problem(key, value, "the date the lists are made for is not saved");
            } else if (auto st = applyRuleSetting(s.rules, rule, value); !st) {
                problem(key, value, st.error().message);
            }
        }
    }
    return s;
}

Status saveProjectSettings(Project& project, const ProjectSettings& s) {
    ProjectRepository& repo = project.repository();
    auto tx = repo.beginWrite();
    if (!tx)
        return tx.error();
    std::vector<std::pair<std::string, std::string>> values;
    if (s.view.extent) {
        const BBox& b = *s.view.extent;
        values.emplace_back(kExtent, numberText(b.minX) + "," + numberText(b.minY) + "," +
                                         numberText(b.maxX) + "," + numberText(b.maxY));
    }
    std::string layers;
    for (const auto& l : s.view.layers)
        layers += (layers.empty() ? "" : ";") + l.id + ":" + (l.visible ? "1" : "0");
    values.emplace_back(kLayers, layers);
    values.emplace_back(kZoneColouring, s.style.zoneColouring == ZoneColouring::UnsafeShare
                                            ? "unsafe_share"
                                            : "worst_level");
    values.emplace_back(kSizeByWorkforce, s.style.sizeByWorkforce ? "1" : "0");
    values.emplace_back(kZoneLabels, s.style.zoneLabels ? "1" : "0");
    values.emplace_back(kFacilityLabels, s.style.facilityLabels ? "1" : "0");
    values.emplace_back(kSiteFilterMetaKey, siteFilterToJson(s.filter));
    for (auto& [key, value] : ruleSettingPairs(s.rules))
        values.emplace_back(kRulesPrefix + key, value);
    for (const auto& [key, value] : values)
        if (auto st = repo.setSetting(key, value); !st)
            return st;
    return (*tx)->commit();
}

}  // namespace safemap
