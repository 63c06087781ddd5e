#pragma once

#include <string>
#include <vector>

#include "core/model/geometry.h"
#include "core/model/site.h"
#include "core/result.h"

namespace safemap {

/// Largest radius accepted: past it one UTM zone's grid no longer stands for ground distance
/// and the "area around a case" stops being a local measure.
inline constexpr double kMaxCordonRadiusMetres = 100000;

/// Segments per quarter circle of the buffer: at 1 km the polygon stays within 0.3 m of the
/// true circle.
inline constexpr int kCordonQuadrantSegments = 32;

/// \brief What to cordon when a case is reported at a facility.
struct CordonRequest {
    std::string caseSiteId;  ///< Factory::id of the facility where the case is
    /// Ground distance around the facility's point; with `wholeZone`, a margin around the
    /// zone (0 = the zone itself).
    double radiusMetres = 1000;
    /// Cordon the zone or cluster the facility belongs to (Factory::zoneId) instead of a
    /// circle around it.
    bool wholeZone = false;
    friend bool operator==(const CordonRequest&, const CordonRequest&) = default;
};

/// \brief The area cordoned around a case and the facilities inside it.
struct Cordon {
    CordonRequest request;
    std::string caseSiteName;  ///< the case facility's name, for titles
    std::string zoneId;        ///< the zone or cluster cordoned (whole-zone requests), else empty
    MultiPolygon area;         ///< EPSG:4326; membership is decided on exactly these coordinates
    /// Facilities inside or on the boundary, in the order of the input; the case facility is
    /// always one of them, even when its recorded point lies outside its zone's polygon.
    std::vector<std::string> facilityIds;
    long long knownWorkers = 0;  ///< sum of Workforce::total over those with a known total
    int unknownWorkforce = 0;    ///< facilities inside whose total workforce is unknown
    double areaKm2 = 0;          ///< ground area of `area`
    int metricEpsg = 0;          ///< the UTM CRS the buffer and the area were computed in
    friend bool operator==(const Cordon&, const Cordon&) = default;
};

/// Computes the cordon for `request` (see docs/cordon.md for the method and its limits).
/// Fails, with nothing computed, when the site id is not a facility in `factories`, when the
/// radius is not a positive number of metres up to kMaxCordonRadiusMetres (zero is allowed
/// with `wholeZone`), when a whole-zone request names a facility outside any zone or whose
/// zone is missing from `zones` or has no area, or when GDAL cannot build the geometry.
/// Thread-safe: it touches no shared state but GDAL's per-thread error handler.
Result<Cordon> computeCordon(const CordonRequest& request, const std::vector<Factory>& factories,
                             const std::vector<Zone>& zones);

}  // namespace safemap
