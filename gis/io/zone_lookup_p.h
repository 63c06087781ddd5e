#pragma once

// Private to gis/io: finding the project's zone a factory row names, and where to put a
// factory that has no coordinates of its own.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model/site.h"
#include "core/model/zone_names.h"

namespace safemap {

/// \brief The project's zones, found by id or by name as offices write it.
class ZoneLookup {
public:
    explicit ZoneLookup(const std::vector<Zone>& zones);

    /// \brief What a zone cell matched.
    struct Match {
        const Zone* zone = nullptr;           ///< null: unknown or ambiguous
        std::vector<const Zone*> candidates;  ///< when ambiguous: every zone the name fits
    };

    /// By id (exact, then ignoring case and punctuation), then by name (zoneNameKey): with
    /// a kind ("KCN Đồng Văn II") among zones of that kind, without one among all zones.
    Match find(std::string_view text) const;
    bool empty() const { return zones_.empty(); }

    /// A point inside the zone's area (OGR's PointOnSurface, not the centroid, which can
    /// fall outside an L-shaped zone), computed once per zone; empty if the area is empty.
    std::optional<GeoPoint> representativePoint(const Zone& zone) const;

private:
    const std::vector<Zone>& zones_;
    std::unordered_map<std::string, const Zone*> byId_;
    std::unordered_map<std::string, const Zone*> byIdKey_;
    std::map<std::pair<int, std::string>, std::vector<const Zone*>> byKindAndName_;
    std::unordered_map<std::string, std::vector<const Zone*>> byName_;
    mutable std::unordered_map<const Zone*, std::optional<GeoPoint>> points_;
};

}  // namespace safemap
