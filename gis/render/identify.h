#pragma once

#include <QPointF>
#include <cstddef>
#include <string>
#include <vector>

#include "gis/render/layer_data.h"

namespace safemap {

/// Ids of the features of `layer` at `mercatorPoint`: points within `toleranceMetres`
/// (Mercator metres, nearest first) and polygons containing the point or whose outline is
/// within the tolerance (smallest first, so a cluster inside a zone comes before the zone).
/// Features flagged kFeatureHidden (filtered out) are never found.
std::vector<std::string> featuresAt(const LayerData& layer, QPointF mercatorPoint,
                                    double toleranceMetres);

/// The same as feature indices into `layer`.
std::vector<std::size_t> featureIndicesAt(const LayerData& layer, QPointF mercatorPoint,
                                          double toleranceMetres);

}  // namespace safemap
