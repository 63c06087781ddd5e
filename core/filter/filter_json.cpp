#include "core/filter/filter_json.h"

#include <nlohmann/json.hpp>

#include "core/errors/error_catalogue.h"

namespace safemap {

namespace {

using Json = nlohmann::json;

constexpr int kFormatVersion = 1;
constexpr const char* kNoAssessment = "none";

Error bad(const std::string& key, const std::string& what) {
    return codedError("filter.bad_saved", {key, what}, {}, -1, key);
}

Json range(const std::optional<int>& lo, const std::optional<int>& hi) {
    Json j = Json::object();
    if (lo)
        j["min"] = *lo;
    if (hi)
        j["max"] = *hi;
    return j;
}

Status readInt(const Json& obj, const char* key, const std::string& where,
               std::optional<int>& out) {
    if (!obj.contains(key))
        return {};
    const Json& v = obj[key];
    if (!v.is_number_integer())
        return bad(where + "." + key, "not a whole number");
    out = v.get<int>();
    return {};
}

Status readRange(const Json& j, const char* key, std::optional<int>& lo, std::optional<int>& hi) {
    if (!j.contains(key))
        return {};
    const Json& r = j[key];
    if (!r.is_object())
        return bad(key, "not an object");
    if (Status s = readInt(r, "min", key, lo); !s)
        return s;
    return readInt(r, "max", key, hi);
}

Status readStrings(const Json& j, const char* key, std::set<std::string>& out) {
    if (!j.contains(key))
        return {};
    const Json& a = j[key];
    if (!a.is_array())
        return bad(key, "not a list");
    for (const auto& v : a) {
        if (!v.is_string())
            return bad(key, "not a list of text");
        out.insert(v.get<std::string>());
    }
    return {};
}

}  // namespace

std::string siteFilterToJson(const SiteFilter& f) {
    Json j = Json::object();
    j["version"] = kFormatVersion;
    if (!f.levels.all()) {
        Json levels = Json::array();
        if (f.hasLevel(std::nullopt))
            levels.push_back(kNoAssessment);
        for (int i = 0; i < kRiskLevelCount; ++i)
            if (f.hasLevel(static_cast<RiskLevel>(i)))
                levels.push_back(riskLevelCode(static_cast<RiskLevel>(i)));
        j["levels"] = levels;
    }
    if (!f.types.all()) {
        Json types = Json::array();
        for (int i = 0; i < kSiteTypeCount; ++i)
            if (f.hasType(static_cast<SiteType>(i)))
                types.push_back(siteTypeCode(static_cast<SiteType>(i)));
        j["types"] = types;
    }
    if (!f.zoneIds.empty())
        j["zones"] = f.zoneIds;
    if (!f.districts.empty())
        j["districts"] = f.districts;
    if (!f.provinces.empty())
        j["provinces"] = f.provinces;
    if (f.minWorkers || f.maxWorkers)
        j["workers"] = range(f.minWorkers, f.maxWorkers);
    if (f.minAgeDays || f.maxAgeDays || f.neverAssessed) {
        Json age = range(f.minAgeDays, f.maxAgeDays);
        if (f.neverAssessed)
            age["never"] = true;
        j["age_days"] = age;
    }
    if (f.list != ListMembership::Any)
        j["list"] = listMembershipCode(f.list);
    if (!f.query.empty())
        j["query"] = f.query;
    return j.dump();
}

Result<SiteFilter> siteFilterFromJson(std::string_view text) {
    const Json j = Json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return codedError("filter.not_json");
    if (!j.contains("version") || !j["version"].is_number_integer())
        return bad("version", "missing");
    if (j["version"].get<int>() > kFormatVersion)
        return bad("version", "made by a newer SafeMap (format " +
                                  std::to_string(j["version"].get<int>()) + ")");
    SiteFilter f;
    if (j.contains("levels")) {
        if (!j["levels"].is_array())
            return bad("levels", "not a list");
        f.levels.reset();
        for (const auto& v : j["levels"]) {
            const std::string code = v.is_string() ? v.get<std::string>() : std::string();
            if (code == kNoAssessment) {
                f.setLevel(std::nullopt, true);
            } else if (auto level = riskLevelFromCode(code)) {
                f.setLevel(*level, true);
            } else {
                return bad("levels", "unknown level \"" + code + "\"");
            }
        }
    }
    if (j.contains("types")) {
        if (!j["types"].is_array())
            return bad("types", "not a list");
        f.types.reset();
        for (const auto& v : j["types"]) {
            const std::string code = v.is_string() ? v.get<std::string>() : std::string();
            auto type = siteTypeFromCode(code);
            if (!type)
                return bad("types", "unknown site type \"" + code + "\"");
            f.setType(*type, true);
        }
    }
    if (Status s = readStrings(j, "zones", f.zoneIds); !s)
        return s.error();
    if (Status s = readStrings(j, "districts", f.districts); !s)
        return s.error();
    if (Status s = readStrings(j, "provinces", f.provinces); !s)
        return s.error();
    if (Status s = readRange(j, "workers", f.minWorkers, f.maxWorkers); !s)
        return s.error();
    if (Status s = readRange(j, "age_days", f.minAgeDays, f.maxAgeDays); !s)
        return s.error();
    if (j.contains("age_days") && j["age_days"].contains("never")) {
        if (!j["age_days"]["never"].is_boolean())
            return bad("age_days.never", "not true/false");
        f.neverAssessed = j["age_days"]["never"].get<bool>();
    }
    if (j.contains("list")) {
        const Json& v = j["list"];
        auto list = v.is_string() ? listMembershipFromCode(v.get<std::string>()) : std::nullopt;
        if (!list)
            return bad("list", "unknown list");
        f.list = *list;
    }
    if (j.contains("query")) {
        if (!j["query"].is_string())
            return bad("query", "not text");
        f.query = j["query"].get<std::string>();
    }
    return f;
}

}  // namespace safemap
