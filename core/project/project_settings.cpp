#include "core/project/project_settings.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "core/errors/error_catalogue.h"
#include "core/filter/filter_json.h"
#include "core/project/project.h"
#include "core/text/quoted.h"

namespace safemap {

namespace {

constexpr const char* kExtent = "view.extent";
constexpr const char* kLayers = "view.layers";
constexpr const char* kZoneColouring = "style.zone_colouring";
constexpr const char* kSizeByWorkforce = "style.size_by_workforce";
constexpr const char* kZoneLabels = "style.zone_labels";
constexpr const char* kFacilityLabels = "style.facility_labels";
constexpr const char* kRulesPrefix = "rules.";
constexpr const char* kContextLayers = "context.layers";
constexpr double kMinLineWidth = 0.2;
constexpr double kMaxLineWidth = 10;

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

bool isHexColour(const std::string& s) {
    if (s.size() != 7 && s.size() != 9)
        return false;
    if (s[0] != '#')
        return false;
    for (size_t i = 1; i < s.size(); ++i)
        if (!std::isxdigit(static_cast<unsigned char>(s[i])))
            return false;
    return true;
}

// A layer id names the layer in view.layers ("id:1;id:0"), so it must not hold either separator.
bool isLayerId(const std::string& id) {
    return !id.empty() && id.find_first_of(":;") == std::string::npos;
}

std::string contextLayersToJson(const std::vector<ContextLayer>& layers) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& l : layers) {
        nlohmann::json j = {{"id", l.id},
                            {"title", l.title},
                            {"path", l.path},
                            {"line_colour", l.style.lineColour},
                            {"line_width", l.style.lineWidth}};
        if (!l.layerName.empty())
            j["layer"] = l.layerName;
        if (!l.sourceCrs.empty())
            j["crs"] = l.sourceCrs;
        if (!l.style.fillColour.empty())
            j["fill_colour"] = l.style.fillColour;
        if (!l.style.labelField.empty())
            j["label_field"] = l.style.labelField;
        a.push_back(std::move(j));
    }
    return a.dump();
}

/// The layers of the saved list; what cannot be read is described in `problems` (an entry
/// without an id or a file is left out; a bad colour or width takes the default).
std::vector<ContextLayer> contextLayersFromJson(const std::string& text,
                                                std::vector<std::string>& problems) {
    std::vector<ContextLayer> out;
    const nlohmann::json a = nlohmann::json::parse(text, nullptr, false);
    if (!a.is_array()) {
        problems.push_back("expected a JSON list of layers");
        return out;
    }
    std::set<std::string> ids;
    auto str = [](const nlohmann::json& j, const char* key) {
        auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    for (size_t i = 0; i < a.size(); ++i) {
        const nlohmann::json& j = a[i];
        std::string where = "layer ";
        where += std::to_string(i + 1);
        where += ": ";
        if (!j.is_object()) {
            problems.push_back(where + "not an object; left out");
            continue;
        }
        ContextLayer l;
        l.id = str(j, "id");
        l.path = str(j, "path");
        if (!isLayerId(l.id) || !ids.insert(l.id).second || l.path.empty()) {
            problems.push_back(where + "no file, or no unique id without ':' and ';'; left out");
            continue;
        }
        l.title = str(j, "title");
        if (l.title.empty())
            l.title = std::filesystem::path(l.path).stem().string();
        l.layerName = str(j, "layer");
        l.sourceCrs = str(j, "crs");
        l.style.labelField = str(j, "label_field");
        if (j.contains("line_colour")) {
            if (const std::string c = str(j, "line_colour"); isHexColour(c))
                l.style.lineColour = c;
            else
                problems.push_back(where + "line_colour is not #rrggbb; the default is used");
        }
        if (j.contains("fill_colour")) {
            if (const std::string c = str(j, "fill_colour"); isHexColour(c))
                l.style.fillColour = c;
            else
                problems.push_back(where + "fill_colour is not #rrggbb(aa); no fill is used");
        }
        if (j.contains("line_width")) {
            const nlohmann::json& w = j["line_width"];
            if (w.is_number() && w.get<double>() >= kMinLineWidth &&
                w.get<double>() <= kMaxLineWidth)
                l.style.lineWidth = w.get<double>();
            else
                problems.push_back(where +
                                   "line_width is not a number from 0.2 to 10; the "
                                   "default is used");
        }
        out.push_back(std::move(l));
    }
    return out;
}

}  // namespace

std::string storedContextPath(const std::string& projectPath, const std::string& file) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path target = fs::absolute(file, ec).lexically_normal();
    const fs::path dir = fs::absolute(projectPath, ec).lexically_normal().parent_path();
    if (ec)
        return file;
    // Relative only when the two share a folder below the root: a project and its data
    // copied together keep working, and a file on another mount stays where it is.
    auto t = target.begin(), d = dir.begin();
    size_t shared = 0;
    for (; t != target.end() && d != dir.end() && *t == *d; ++t, ++d)
        ++shared;
    if (shared < 2)  // only the root "/"
        return target.string();
    const fs::path relative = target.lexically_relative(dir);
    return relative.empty() ? target.string() : relative.string();
}

std::string resolveContextPath(const std::string& projectPath, const std::string& stored) {
    namespace fs = std::filesystem;
    const fs::path p(stored);
    if (p.is_absolute())
        return p.lexically_normal().string();
    std::error_code ec;
    const fs::path dir = fs::absolute(projectPath, ec).parent_path();
    return (dir / p).lexically_normal().string();
}

std::string newContextLayerId(const std::vector<ContextLayer>& layers) {
    for (size_t n = 1;; ++n) {
        std::string id = "context-";
        id += std::to_string(n);
        if (std::none_of(layers.begin(), layers.end(),
                         [&](const ContextLayer& l) { return l.id == id; }))
            return id;
    }
}

bool replaceContextLayers(ProjectSettings& settings, std::vector<ContextLayer> layers,
                          const std::string& zonesLayerId) {
    if (layers == settings.contextLayers)
        return false;
    auto& order = settings.view.layers;
    const auto isIn = [](const std::vector<ContextLayer>& list, const std::string& id) {
        return std::any_of(list.begin(), list.end(),
                           [&](const ContextLayer& l) { return l.id == id; });
    };
    std::erase_if(order, [&](const LayerState& s) {
        return isIn(settings.contextLayers, s.id) && !isIn(layers, s.id);
    });
    // An empty order is the default drawing order, which already puts context layers
    // between the basemap and the zones.
    if (!order.empty())
        for (const ContextLayer& l : layers)
            if (std::none_of(order.begin(), order.end(),
                             [&](const LayerState& s) { return s.id == l.id; })) {
                auto zones = std::find_if(order.begin(), order.end(), [&](const LayerState& s) {
                    return s.id == zonesLayerId;
                });
                order.insert(zones, LayerState{l.id, true});
            }
    settings.contextLayers = std::move(layers);
    return true;
}

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
        // The table can be edited in QGIS: quote what is there, whatever its bytes.
        s.problems.push_back(codedError(
            "settings.bad_value",
            {printableText(key), quotedForMessage(printableText(value)), printableText(what)},
            where));
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
        } else if (key == kContextLayers) {
            std::vector<std::string> why;
            s.contextLayers = contextLayersFromJson(value, why);
            // Not the whole value in the message: a list of layers is long.
            for (const auto& w : why)
                s.problems.push_back(codedError("settings.context_layers", {key, w}, where));
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
    values.emplace_back(kContextLayers, contextLayersToJson(s.contextLayers));
    for (auto& [key, value] : ruleSettingPairs(s.rules))
        values.emplace_back(kRulesPrefix + key, value);
    for (const auto& [key, value] : values)
        if (auto st = repo.setSetting(key, value); !st)
            return st;
    // The thresholds are all written above: any other rules.* key (one edited in by hand,
    // an "as-of", one a newer SafeMap knows) was reported on load and replaced by its
    // default, so it goes, or every later load would report it again.
    auto stored = repo.settings();
    if (!stored)
        return stored.error();
    for (const auto& entry : *stored) {
        const std::string& key = entry.first;  // clang 14 cannot capture a structured binding
        const bool written = std::any_of(values.begin(), values.end(),
                                         [&](const auto& kv) { return kv.first == key; });
        // No extent (all sites) is saved as no value, so a stored one that was not read goes.
        if (!written && (key.rfind(kRulesPrefix, 0) == 0 || key == kExtent))
            if (auto st = repo.removeSetting(key); !st)
                return st;
    }
    return (*tx)->commit();
}

}  // namespace safemap
