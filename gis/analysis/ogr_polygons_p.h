#pragma once

// Private to gis/analysis: converts between our polygons and OGR's. Includes GDAL's headers,
// so no public header may include this one.

#include <ogr_geometry.h>

#include <memory>

#include "core/model/geometry.h"

namespace safemap {

/// `area` as an OGR multipolygon with the same coordinates (x = lon, y = lat); open rings are
/// closed, rings of fewer than three points and polygons without an outer ring are dropped.
std::unique_ptr<OGRMultiPolygon> toOgrMultiPolygon(const MultiPolygon& area);

/// Appends the polygons of `geometry` (a polygon, multipolygon or a collection holding them)
/// to `out`; lines and points, e.g. from MakeValid, are left out.
void appendPolygons(const OGRGeometry& geometry, MultiPolygon& out);

}  // namespace safemap
