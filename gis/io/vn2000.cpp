#include "gis/io/vn2000.h"

#include <cmath>
#include <cstdio>

#include "core/errors/error_catalogue.h"
#include "core/text/fold.h"
#include "core/text/quoted.h"

namespace safemap {

namespace {

constexpr int dm(int degrees, int minutes) {
    return degrees * 60 + minutes;
}

// Central meridians from Circular 973/2001/TT-TCĐC (appendix: "kinh tuyến trục theo từng
// tỉnh"). Cross-checked against the EPSG dataset shipped with PROJ 9.1, whose "VN-2000 / TM-3"
// CRSs name the provinces in their areas of use (e.g. EPSG:9215 "Vietnam - Lang Son
// province"); every row below matches one of those areas. See docs/import.md.
constexpr Vn2000Province kProvinces[] = {
    {"Lai Châu", dm(103, 0), 9205},       {"Điện Biên", dm(103, 0), 9205},
    {"Sơn La", dm(104, 0), 9206},         {"Kiên Giang", dm(104, 30), 9207},
    {"Cà Mau", dm(104, 30), 9207},        {"Lào Cai", dm(104, 45), 9208},
    {"Yên Bái", dm(104, 45), 9208},       {"Nghệ An", dm(104, 45), 9208},
    {"Phú Thọ", dm(104, 45), 9208},       {"An Giang", dm(104, 45), 9208},
    {"Hà Nội", dm(105, 0), 5897},         {"Hà Tây", dm(105, 0), 5897},
    {"Hà Nam", dm(105, 0), 5897},         {"Ninh Bình", dm(105, 0), 5897},
    {"Thanh Hóa", dm(105, 0), 5897},      {"Vĩnh Phúc", dm(105, 0), 5897},
    {"Đồng Tháp", dm(105, 0), 5897},      {"Cần Thơ", dm(105, 0), 5897},
    {"Hậu Giang", dm(105, 0), 5897},      {"Bạc Liêu", dm(105, 0), 5897},
    {"Hà Giang", dm(105, 30), 9209},      {"Bắc Ninh", dm(105, 30), 9209},
    {"Hải Dương", dm(105, 30), 9209},     {"Hưng Yên", dm(105, 30), 9209},
    {"Nam Định", dm(105, 30), 9209},      {"Thái Bình", dm(105, 30), 9209},
    {"Hà Tĩnh", dm(105, 30), 9209},       {"Tây Ninh", dm(105, 30), 9209},
    {"Vĩnh Long", dm(105, 30), 9209},     {"Trà Vinh", dm(105, 30), 9209},
    {"Sóc Trăng", dm(105, 30), 9209},     {"Cao Bằng", dm(105, 45), 9210},
    {"Hải Phòng", dm(105, 45), 9210},     {"Hồ Chí Minh", dm(105, 45), 9210},
    {"Bình Dương", dm(105, 45), 9210},    {"Long An", dm(105, 45), 9210},
    {"Tiền Giang", dm(105, 45), 9210},    {"Bến Tre", dm(105, 45), 9210},
    {"Tuyên Quang", dm(106, 0), 9211},    {"Hòa Bình", dm(106, 0), 9211},
    {"Quảng Bình", dm(106, 0), 9211},     {"Quảng Trị", dm(106, 15), 9212},
    {"Bình Phước", dm(106, 15), 9212},    {"Bắc Kạn", dm(106, 30), 9213},
    {"Thái Nguyên", dm(106, 30), 9213},   {"Bắc Giang", dm(107, 0), 9214},
    {"Thừa Thiên Huế", dm(107, 0), 9214}, {"Lạng Sơn", dm(107, 15), 9215},
    {"Kon Tum", dm(107, 30), 9216},       {"Quảng Ninh", dm(107, 45), 5899},
    {"Đồng Nai", dm(107, 45), 5899},      {"Bà Rịa - Vũng Tàu", dm(107, 45), 5899},
    {"Quảng Nam", dm(107, 45), 5899},     {"Lâm Đồng", dm(107, 45), 5899},
    {"Đà Nẵng", dm(107, 45), 5899},       {"Quảng Ngãi", dm(108, 0), 5898},
    {"Bình Định", dm(108, 15), 9217},     {"Khánh Hòa", dm(108, 15), 9217},
    {"Ninh Thuận", dm(108, 15), 9217},    {"Gia Lai", dm(108, 30), 9218},
    {"Đắk Lắk", dm(108, 30), 9218},       {"Đắk Nông", dm(108, 30), 9218},
    {"Phú Yên", dm(108, 30), 9218},       {"Bình Thuận", dm(108, 30), 9218},
};

// Spellings seen in real data that folding alone does not reconcile.
struct Alias {
    std::string_view alias;  // already in key form (see provinceKey)
    std::string_view name;
};
constexpr Alias kAliases[] = {
    {"hcm", "Hồ Chí Minh"},
    {"tphcm", "Hồ Chí Minh"},
    {"sai gon", "Hồ Chí Minh"},
    {"hue", "Thừa Thiên Huế"},
    {"thua thien hue", "Thừa Thiên Huế"},
    {"ba ria vung tau", "Bà Rịa - Vũng Tàu"},
    {"vung tau", "Bà Rịa - Vũng Tàu"},
    {"brvt", "Bà Rịa - Vũng Tàu"},
    {"bac can", "Bắc Kạn"},
    {"dac nong", "Đắk Nông"},
    {"dak lac", "Đắk Lắk"},
    {"dac lac", "Đắk Lắk"},
};

// Folded, punctuation as single spaces, administrative prefixes dropped.
std::string provinceKey(std::string_view name) {
    const std::string folded = foldForSearch(name);
    std::string key;
    for (char c : folded) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (alnum)
            key += c;
        else if (!key.empty() && key.back() != ' ')
            key += ' ';
    }
    while (!key.empty() && key.back() == ' ')
        key.pop_back();
    for (std::string_view prefix : {"thanh pho ", "tinh ", "tp "}) {
        if (key.starts_with(prefix)) {
            key.erase(0, prefix.size());
            break;
        }
    }
    return key;
}

}  // namespace

std::span<const Vn2000Province> vn2000Provinces() {
    return kProvinces;
}

std::optional<Vn2000Province> findVn2000Province(std::string_view name) {
    const std::string key = provinceKey(name);
    if (key.empty())
        return std::nullopt;
    for (const auto& p : kProvinces)
        if (provinceKey(p.name) == key)
            return p;
    for (const auto& a : kAliases)
        if (a.alias == key)
            return findVn2000Province(a.name);
    return std::nullopt;
}

Result<std::string> vn2000CrsFor(std::string_view province) {
    auto p = findVn2000Province(province);
    if (!p)
        return codedError("crs.unknown_province", {quotedForMessage(province)});
    return "EPSG:" + std::to_string(p->epsg);
}

std::string vn2000TmCrsForMeridian(double centralMeridianDegrees) {
    const double minutes = centralMeridianDegrees * 60.0;
    for (const auto& p : kProvinces)
        if (std::abs(p.meridianMinutes - minutes) < 1e-6)
            return "EPSG:" + std::to_string(p.epsg);
    // EPSG:5896 is the 102°00' zone, which no province uses for cadastral work but which
    // exists; anything else gets the same definition spelt out.
    if (std::abs(minutes - dm(102, 0)) < 1e-6)
        return "EPSG:5896";
    char buf[320];
    std::snprintf(buf, sizeof buf,
                  "+proj=tmerc +lat_0=0 +lon_0=%.10g +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 "
                  "+towgs84=%.10g,%.10g,%.10g,%.10g,%.10g,%.10g,%.10g +units=m +no_defs",
                  centralMeridianDegrees, kVn2000ToWgs84[0], kVn2000ToWgs84[1], kVn2000ToWgs84[2],
                  kVn2000ToWgs84[3], kVn2000ToWgs84[4], kVn2000ToWgs84[5], kVn2000ToWgs84[6]);
    return buf;
}

}  // namespace safemap
