#include "core/model/site.h"

#include <cstdint>
#include <cstdio>

#include "core/text/fold.h"
#include "core/text/trim.h"

namespace safemap {

std::string_view zoneKindCode(ZoneKind kind) {
    switch (kind) {
        case ZoneKind::IndustrialZone:
            return "KCN";
        case ZoneKind::IndustrialCluster:
            return "CCN";
        case ZoneKind::EconomicZone:
            return "KKT";
    }
    return "KCN";
}

std::set<SiteField> allSiteFields() {
    return {SiteField::TaxCode,
            SiteField::Name,
            SiteField::Kind,
            SiteField::Zone,
            SiteField::Province,
            SiteField::District,
            SiteField::Address,
            SiteField::Sector,
            SiteField::WorkersTotal,
            SiteField::WorkersOutOfProvince,
            SiteField::WorkersLargestShift,
            SiteField::AccountIssued,
            SiteField::Position};
}

std::string_view siteFieldKey(SiteField field) {
    switch (field) {
        case SiteField::TaxCode:
            return "tax_code";
        case SiteField::Name:
            return "name";
        case SiteField::Kind:
            return "kind";
        case SiteField::Zone:
            return "zone_id";
        case SiteField::Province:
            return "province";
        case SiteField::District:
            return "district";
        case SiteField::Address:
            return "address";
        case SiteField::Sector:
            return "sector";
        case SiteField::WorkersTotal:
            return "workers_total";
        case SiteField::WorkersOutOfProvince:
            return "workers_out_of_province";
        case SiteField::WorkersLargestShift:
            return "workers_largest_shift";
        case SiteField::AccountIssued:
            return "account_issued";
        case SiteField::Position:
            return "position";
    }
    return "name";
}

std::optional<ZoneKind> zoneKindFromCode(std::string_view code) {
    const std::string c = foldForSearch(code);
    if (c == "kcn" || c == "khu cong nghiep" || c == "industrial zone")
        return ZoneKind::IndustrialZone;
    if (c == "ccn" || c == "cum cong nghiep" || c == "industrial cluster")
        return ZoneKind::IndustrialCluster;
    if (c == "kkt" || c == "khu kinh te" || c == "economic zone")
        return ZoneKind::EconomicZone;
    return std::nullopt;
}

namespace {
// FNV-1a: tiny, stable across platforms and releases (std::hash is neither).
std::string shortHash(std::string_view a, std::string_view b) {
    uint64_t h = 1469598103934665603ULL;
    auto mix = [&h](std::string_view s) {
        for (unsigned char c : s) {
            h ^= c;
            h *= 1099511628211ULL;
        }
    };
    mix(foldForSearch(a));
    mix("|");
    mix(foldForSearch(b));
    char buf[24];
    std::snprintf(buf, sizeof buf, "%012llx",
                  static_cast<unsigned long long>(h & 0xffffffffffffULL));
    return buf;
}

}  // namespace

std::string factoryIdFor(std::string_view taxCode, std::string_view sourceId, std::string_view name,
                         std::string_view province) {
    if (auto t = trimmed(taxCode); !t.empty())
        return "MST-" + std::string(t);
    if (auto s = trimmed(sourceId); !s.empty())
        return std::string(s);
    return "F-" + shortHash(name, province);
}

std::string zoneIdFor(std::string_view sourceId, std::string_view name, std::string_view province) {
    if (auto s = trimmed(sourceId); !s.empty())
        return std::string(s);
    return "Z-" + shortHash(name, province);
}

}  // namespace safemap
