#pragma once

#include <atomic>
#include <string>
#include <vector>

#include "core/model/geometry.h"
#include "core/result.h"
#include "gis/io/source_info.h"

namespace safemap {

/// \brief What to read of a context layer's file.
struct ContextReadOptions {
    std::string layerName;   ///< empty: the first layer
    std::string sourceCrs;   ///< resolveCrsInput's forms; empty: the layer's own CRS
    std::string labelField;  ///< empty: no labels
    const std::atomic<bool>* cancel = nullptr;
};

/// \brief A context layer's features in EPSG:4326, of one geometry family.
///
/// A file may mix points, lines and areas (GeoJSON, KML, DXF do): the family with the most
/// features is kept and the others are counted in `skipped`, so the user is told rather than
/// shown half a layer silently.
struct ContextFeatures {
    SourceGeometry geometry = SourceGeometry::None;  ///< Point, Line or Polygon
    std::vector<GeoPoint> points;                    ///< Point: one per point (multi-points split)
    std::vector<std::vector<std::vector<GeoPoint>>> lines;  ///< Line: parts per feature
    std::vector<MultiPolygon> areas;                        ///< Polygon: one per feature
    std::vector<std::string> labels;  ///< per kept feature (empty without a label field)
    long long skipped = 0;            ///< features of another family, or without geometry
    long long unprojectable = 0;      ///< features the CRS transformation refused
    std::vector<std::string> fields;  ///< the layer's field names (for choosing the label)

    size_t count() const { return points.size() + lines.size() + areas.size(); }
};

/// Reads every feature of a vector file OGR reads (GeoPackage, Shapefile with legacy
/// encodings, GeoJSON, KML, GML, DXF, …) and reprojects it from the layer's CRS, or from
/// `options.sourceCrs` (VN-2000 zones included, see crs_input.h), to EPSG:4326. Fails with an
/// Error naming the file when it cannot be opened, has no such layer, holds no geometry, has
/// no CRS and none was given, or when the label field does not exist.
Result<ContextFeatures> readContextFeatures(const std::string& path,
                                            const ContextReadOptions& options);

}  // namespace safemap
