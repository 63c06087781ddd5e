#include "core/filter/site_filter.h"

#include <array>

namespace safemap {

namespace {

size_t levelBit(std::optional<RiskLevel> level) {
    return level ? static_cast<size_t>(static_cast<int>(*level) + 1) : 0;
}

std::string joined(const std::vector<std::string>& items, const char* sep = ", ") {
    std::string out;
    for (const auto& s : items)
        out += (out.empty() ? "" : sep) + s;
    return out;
}

std::string levelsText(const SiteFilter::LevelBits& bits, bool vi) {
    // Short names: the word "risk" is said once in front.
    static const std::array<const char*, kRiskLevelCount + 1> en{
        "no assessment", "very low", "low", "medium", "high", "very high"};
    static const std::array<const char*, kRiskLevelCount + 1> viNames{
        "chưa đánh giá", "rất thấp", "thấp", "trung bình", "cao", "rất cao"};
    std::vector<std::string> names;
    // Levels in severity order, then "no assessment", the way the legend lists them.
    for (size_t i = 1; i <= kRiskLevelCount; ++i)
        if (bits.test(i))
            names.emplace_back(vi ? viNames[i] : en[i]);
    if (bits.test(0))
        names.emplace_back(vi ? viNames[0] : en[0]);
    if (names.empty())
        return vi ? "không mức nguy cơ nào" : "no risk level";
    return (vi ? "nguy cơ: " : "risk: ") + joined(names);
}

std::string typesText(const SiteFilter::TypeBits& bits, bool vi) {
    std::vector<std::string> names;
    for (int i = 0; i < kSiteTypeCount; ++i) {
        if (!bits.test(static_cast<size_t>(i)))
            continue;
        const auto t = static_cast<SiteType>(i);
        if (t == SiteType::OutsideZone)
            names.emplace_back(vi ? "ngoài khu, cụm" : "outside zones");
        else
            names.emplace_back(siteTypeCode(t));
    }
    if (names.empty())
        return vi ? "không loại nào" : "no site type";
    return joined(names);
}

std::string namedSet(const std::set<std::string>& items, const char* label, const char* many) {
    if (items.size() > 3)
        return std::to_string(items.size()) + " " + many;
    return std::string(label) + ": " + joined({items.begin(), items.end()});
}

std::string rangeText(const std::optional<int>& lo, const std::optional<int>& hi) {
    if (lo && hi)
        return std::to_string(*lo) + "–" + std::to_string(*hi);
    if (lo)
        return "≥ " + std::to_string(*lo);
    return "≤ " + std::to_string(*hi);
}

}  // namespace

std::string_view siteTypeCode(SiteType type) {
    switch (type) {
        case SiteType::IndustrialZone:
            return zoneKindCode(ZoneKind::IndustrialZone);
        case SiteType::IndustrialCluster:
            return zoneKindCode(ZoneKind::IndustrialCluster);
        case SiteType::EconomicZone:
            return zoneKindCode(ZoneKind::EconomicZone);
        case SiteType::OutsideZone:
            return "outside";
    }
    return "outside";
}

std::optional<SiteType> siteTypeFromCode(std::string_view code) {
    for (int i = 0; i < kSiteTypeCount; ++i)
        if (siteTypeCode(static_cast<SiteType>(i)) == code)
            return static_cast<SiteType>(i);
    return std::nullopt;
}

SiteType siteTypeOf(const Zone* zone) {
    if (!zone)
        return SiteType::OutsideZone;
    switch (zone->kind) {
        case ZoneKind::IndustrialZone:
            return SiteType::IndustrialZone;
        case ZoneKind::IndustrialCluster:
            return SiteType::IndustrialCluster;
        case ZoneKind::EconomicZone:
            return SiteType::EconomicZone;
    }
    return SiteType::OutsideZone;
}

std::string_view listMembershipCode(ListMembership list) {
    switch (list) {
        case ListMembership::Any:
            return "any";
        case ListMembership::ToSuspend:
            return "suspend";
        case ListMembership::ToInspect:
            return "inspect";
        case ListMembership::Either:
            return "either";
    }
    return "any";
}

std::optional<ListMembership> listMembershipFromCode(std::string_view code) {
    for (auto l : {ListMembership::Any, ListMembership::ToSuspend, ListMembership::ToInspect,
                   ListMembership::Either})
        if (listMembershipCode(l) == code)
            return l;
    return std::nullopt;
}

bool SiteFilter::hasLevel(std::optional<RiskLevel> level) const {
    return levels.test(levelBit(level));
}

void SiteFilter::setLevel(std::optional<RiskLevel> level, bool on) {
    levels.set(levelBit(level), on);
}

bool SiteFilter::isEmpty() const {
    return levels.all() && types.all() && zoneIds.empty() && districts.empty() &&
           provinces.empty() && !minWorkers && !maxWorkers && !minAgeDays && !maxAgeDays &&
           !neverAssessed && list == ListMembership::Any &&
           query.find_first_not_of(" \t") == std::string::npos;
}

std::string describe(const SiteFilter& f, bool vi, const std::vector<Zone>& zones) {
    std::vector<std::string> parts;
    if (!f.levels.all())
        parts.push_back(levelsText(f.levels, vi));
    if (!f.types.all())
        parts.push_back(typesText(f.types, vi));
    if (!f.zoneIds.empty()) {
        std::set<std::string> names;
        for (const auto& id : f.zoneIds) {
            std::string name = id;
            for (const auto& z : zones)
                if (z.id == id)
                    name = z.name;
            names.insert(name);
        }
        parts.push_back(vi ? namedSet(names, "khu", "khu, cụm")
                           : namedSet(names, names.size() == 1 ? "zone" : "zones", "zones"));
    }
    if (!f.districts.empty())
        parts.push_back(vi ? namedSet(f.districts, "huyện", "huyện")
                           : namedSet(f.districts, "district", "districts"));
    if (!f.provinces.empty())
        parts.push_back(vi ? namedSet(f.provinces, "tỉnh", "tỉnh")
                           : namedSet(f.provinces, "province", "provinces"));
    if (f.minWorkers || f.maxWorkers)
        parts.push_back(rangeText(f.minWorkers, f.maxWorkers) + (vi ? " lao động" : " workers"));
    if (f.minAgeDays || f.maxAgeDays || f.neverAssessed) {
        std::string age;
        if (f.minAgeDays || f.maxAgeDays)
            age = vi ? "đánh giá cách đây " + rangeText(f.minAgeDays, f.maxAgeDays) + " ngày"
                     : "assessed " + rangeText(f.minAgeDays, f.maxAgeDays) + " days ago";
        if (f.neverAssessed)
            age += age.empty() ? (vi ? "chưa từng đánh giá" : "never assessed")
                               : (vi ? " hoặc chưa từng" : " or never");
        parts.push_back(age);
    }
    switch (f.list) {
        case ListMembership::Any:
            break;
        case ListMembership::ToSuspend:
            parts.emplace_back(vi ? "cần tạm dừng hoạt động" : "to suspend");
            break;
        case ListMembership::ToInspect:
            parts.emplace_back(vi ? "cần kiểm tra" : "due for inspection");
            break;
        case ListMembership::Either:
            parts.emplace_back(vi ? "cần tạm dừng hoặc kiểm tra" : "to suspend or inspect");
            break;
    }
    if (f.query.find_first_not_of(" \t") != std::string::npos)
        parts.push_back("“" + f.query + "”");
    return joined(parts, " · ");
}

}  // namespace safemap
