#pragma once
// Private to gis: OGR geometries → SafeMap's lon/lat geometry, for the basemap and context
// layer loaders.
// GDAL types stay inside gis/.

#include <ogr_geometry.h>

#include <optional>
#include <vector>

#include "core/model/geometry.h"

namespace safemap::detail {

/// Polygons and multipolygons (and collections of them), reprojected by `transform` when it
/// is given; anything else yields nothing.
void collectPolygons(const OGRGeometry& geometry, OGRCoordinateTransformation* transform,
                     MultiPolygon& out);

/// Line strings and multi line strings (and collections of them) as parts.
void collectLines(const OGRGeometry& geometry, std::vector<std::vector<GeoPoint>>& out);

/// The geometry's point (Point only).
std::optional<GeoPoint> pointOf(const OGRGeometry& geometry);

/// A point inside the area (GEOS PointOnSurface), for a label that lands on the land it names
/// even when the shape's box centre does not; empty if GEOS cannot give one.
std::optional<GeoPoint> interiorPoint(const OGRGeometry& geometry);

}  // namespace safemap::detail
