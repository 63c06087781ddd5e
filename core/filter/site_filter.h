#pragma once

#include <bitset>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/criteria/risk_level.h"
#include "core/model/site.h"

namespace safemap {

/// Where a facility sits: in a zone of one of the three kinds, or outside any zone.
enum class SiteType { IndustrialZone, IndustrialCluster, EconomicZone, OutsideZone };

inline constexpr int kSiteTypeCount = 4;

/// "KCN", "CCN", "KKT" and "outside": the codes used in saved filters.
std::string_view siteTypeCode(SiteType type);
std::optional<SiteType> siteTypeFromCode(std::string_view code);
/// The type of a facility in `zone` (null: outside any zone).
SiteType siteTypeOf(const Zone* zone);

/// Which action list a facility must be on to pass.
enum class ListMembership { Any, ToSuspend, ToInspect, Either };

/// "suspend", "inspect", "either" ("any" for Any).
std::string_view listMembershipCode(ListMembership list);
std::optional<ListMembership> listMembershipFromCode(std::string_view code);

/// \brief Which facilities the map and the tables show.
///
/// Dimensions combine with AND; the choices within one dimension with OR. Closed choices
/// (levels, types) are bit sets that start full, so "every box ticked" and "no box ticked"
/// both have a meaning; open choices (zones, districts, provinces) restrict nothing while
/// empty. A default-constructed filter matches every facility.
struct SiteFilter {
    using LevelBits = std::bitset<kRiskLevelCount + 1>;
    using TypeBits = std::bitset<kSiteTypeCount>;

    /// Indexed by riskCategory(): bit 0 is "no assessment", bits 1..5 very low .. very high.
    LevelBits levels = LevelBits().set();
    TypeBits types = TypeBits().set();  ///< indexed by SiteType
    std::set<std::string> zoneIds;      ///< Factory::zoneId, exact
    std::set<std::string> districts;    ///< compared with accents and case ignored
    std::set<std::string> provinces;    ///< compared with accents and case ignored
    std::optional<int> minWorkers;      ///< inclusive; unknown workforces fail any bound
    std::optional<int> maxWorkers;      ///< inclusive
    /// Age of the newest assessment in days, inclusive. Never-assessed facilities pass the
    /// age dimension only through `neverAssessed`, so {maxAgeDays 7, neverAssessed} reads
    /// "assessed within a week, or never".
    std::optional<int> minAgeDays;
    std::optional<int> maxAgeDays;
    bool neverAssessed = false;
    ListMembership list = ListMembership::Any;
    /// Words that must all occur in the name or tax code, accents and case ignored.
    std::string query;

    bool hasLevel(std::optional<RiskLevel> level) const;
    void setLevel(std::optional<RiskLevel> level, bool on);
    bool hasType(SiteType type) const { return types.test(static_cast<size_t>(type)); }
    void setType(SiteType type, bool on) { types.set(static_cast<size_t>(type), on); }

    bool isEmpty() const;
    friend bool operator==(const SiteFilter&, const SiteFilter&) = default;
};

/// One line for the status bar, e.g. "high, very high risk · KCN · 100–500 workers ·
/// “dong van”"; empty for an empty filter. Zone ids are shown by name when `zones` has
/// them.
std::string describe(const SiteFilter& filter, bool vietnamese = false,
                     const std::vector<Zone>& zones = {});

}  // namespace safemap
