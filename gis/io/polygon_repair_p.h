#pragma once

// Private to gis/io: zone polygons are checked with GEOS before they are stored.

#include <memory>
#include <string>

#include "core/result.h"
#include "gis/io/ogr_source_p.h"

namespace safemap {

/// \brief A zone's geometry after the validity check.
struct CheckedPolygon {
    std::unique_ptr<OGRGeometry> geometry;  ///< Polygon or MultiPolygon
    bool repaired = false;                  ///< MakeValid changed it: say so in a note
};

/// Returns a valid polygonal geometry: `g` itself when GEOS finds it valid, else what
/// MakeValid (GEOS) makes of it, keeping only its polygons (a bow-tie becomes two
/// triangles). Fails with a reason when nothing with an area is left: a "polygon" of two
/// points, or one whose points all lie on a line. Without GEOS the geometry is returned
/// unchecked.
Result<CheckedPolygon> checkPolygon(std::unique_ptr<OGRGeometry> g);

}  // namespace safemap
