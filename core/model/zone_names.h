#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/model/site.h"

namespace safemap {

/// \brief A zone's name as offices write it, reduced to what identifies the zone.
///
/// "KCN Đồng Văn II", "Khu công nghiệp Đồng Văn 2", "khu cong nghiep dong van ii" and
/// "KCN Đồng Văn - II" all give {IndustrialZone, "dong van 2"}.
struct ZoneNameKey {
    std::optional<ZoneKind> kind;  ///< from a leading "KCN", "Cụm công nghiệp", "KKT", ...
    std::string core;              ///< the rest: folded, punctuation as spaces, numerals as digits
    friend bool operator==(const ZoneNameKey&, const ZoneNameKey&) = default;
};

/// Folds case and diacritics; turns hyphens, en and em dashes and other punctuation into
/// spaces; spells out the abbreviations KCN, CCN, KKT, KKTCK, KCNC/CNC and "khu CN"/"cụm
/// CN"; writes a final Roman numeral (I–X) as digits; then takes a leading kind phrase
/// (khu công nghiệp, cụm công nghiệp, khu kinh tế [cửa khẩu]) off into `kind`.
ZoneNameKey zoneNameKey(std::string_view name);

}  // namespace safemap
