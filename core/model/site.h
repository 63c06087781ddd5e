#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "core/model/geometry.h"
#include "core/util/date.h"

namespace safemap {

/// Kinds of area a factory can belong to (khu công nghiệp, cụm công nghiệp, khu kinh tế).
enum class ZoneKind { IndustrialZone, IndustrialCluster, EconomicZone };

/// "KCN", "CCN", "KKT": the abbreviations used in Vietnamese documents and in the store.
std::string_view zoneKindCode(ZoneKind kind);
std::optional<ZoneKind> zoneKindFromCode(std::string_view code);

/// \brief An industrial zone, industrial cluster or economic zone.
struct Zone {
    std::string id;  ///< stable: from the source's id column, else derived from name+province
    ZoneKind kind = ZoneKind::IndustrialZone;
    std::string name;
    std::string province;
    std::string district;
    MultiPolygon area;  ///< EPSG:4326
    friend bool operator==(const Zone&, const Zone&) = default;
};

/// \brief How many people work at a facility. Unknown figures are empty, never zero.
struct Workforce {
    std::optional<int> total;
    std::optional<int> outOfProvince;  ///< người lao động ngoại tỉnh
    std::optional<int> largestShift;   ///< most workers present at the same time
    friend bool operator==(const Workforce&, const Workforce&) = default;
};

/// \brief A factory or other production/business facility (cơ sở sản xuất kinh doanh).
struct Factory {
    std::string id;       ///< stable: the tax code where present (see siteIdFor)
    std::string taxCode;  ///< mã số thuế, may be empty
    std::string name;
    std::string zoneId;  ///< empty for facilities outside any zone or cluster
    std::string province;
    std::string district;
    std::string address;
    std::string sector;
    Workforce workforce;
    GeoPoint location;                  ///< EPSG:4326
    std::optional<Date> accountIssued;  ///< account on the national risk-map system
    /// The source gave no coordinates: `location` is a point inside the factory's zone
    /// (its representative point), to be moved to the real place. Must be stored, and a
    /// re-import must not move a stored exact position back to such a guess.
    bool approximatePosition = false;
    friend bool operator==(const Factory&, const Factory&) = default;
};

/// \brief The stored attributes of sites that a source may or may not provide.
///
/// A re-import updates only the attributes its source provides (SiteBatch::provided): a
/// column missing from the file, or cut by a shapefile's ten-character names beyond
/// recognition, leaves the stored values alone instead of clearing them. The id is never
/// in question: it is how rows are matched.
enum class SiteField {
    TaxCode,
    Name,
    Kind,  ///< zones: KCN / CCN / KKT
    Zone,  ///< factories: the zone they belong to
    Province,
    District,
    Address,
    Sector,
    WorkersTotal,
    WorkersOutOfProvince,
    WorkersLargestShift,
    AccountIssued,
    Position,  ///< factories: the point; zones: the area
};

/// Every SiteField: what a batch built in code (not read from a file) provides.
std::set<SiteField> allSiteFields();
/// "tax_code", "workers_total", "position", ... for summaries and logs.
std::string_view siteFieldKey(SiteField field);

/// Stable id of a factory: "MST-<tax code>" when there is one, else the source's own id,
/// else "F-" + a hash of the normalised name and province. Re-importing the same source
/// therefore finds the same rows.
std::string factoryIdFor(std::string_view taxCode, std::string_view sourceId, std::string_view name,
                         std::string_view province);
/// Stable id of a zone: the source's own id, else "Z-" + a hash of name and province.
std::string zoneIdFor(std::string_view sourceId, std::string_view name, std::string_view province);

}  // namespace safemap
