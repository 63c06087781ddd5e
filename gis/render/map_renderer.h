#pragma once

#include <QFont>
#include <QImage>
#include <QRectF>
#include <QString>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "gis/render/map_settings.h"

class QPainter;

namespace safemap {

/// \brief What one render did: counts for the benchmark and the status bar, and whether it
/// was cancelled.
struct RenderStats {
    std::size_t featuresQueried = 0;  ///< features the index returned for the visible extent
    std::size_t featuresDrawn = 0;    ///< polygons and point symbols actually painted
    std::size_t pointsDecimated = 0;  ///< points skipped because their grid cell was taken
    std::size_t clusters = 0;         ///< count bubbles drawn (PointLod::Cluster)
    std::size_t verticesDrawn = 0;    ///< polygon vertices after sub-pixel thinning
    std::size_t featuresHidden = 0;   ///< queried features skipped for kFeatureHidden
    std::size_t labelsDrawn = 0;      ///< labels placed (the rest overlapped)
    std::vector<QRectF> labelBoxes;   ///< where they went, padded, in image pixels
    std::vector<QString> labelTexts;  ///< what they say (as given, before any upper-casing)
    bool cancelled = false;
    double milliseconds = 0;                ///< wall time of the render call
    std::vector<double> layerMilliseconds;  ///< per entry of MapSettings::layers (0 if skipped)
    /// Per entry of MapSettings::layers: 1 if the layer was drawn in this render, 0 if it was
    /// skipped or its image came from a RenderCache.
    std::vector<std::uint8_t> layerRendered;
    std::size_t layersRendered = 0;   ///< layers drawn in this render
    std::size_t layersFromCache = 0;  ///< visible layers whose cached image was reused

    /// Adds the feature counts of `other` (one layer's) to these.
    void addCounts(const RenderStats& other);
};

/// Renders `settings` into a new ARGB32-premultiplied image of outputSize × devicePixelRatio
/// physical pixels (its devicePixelRatio is set). Safe to call on any thread. If `cancel`
/// becomes true the render stops soon after and returns what it has drawn (stats->cancelled).
QImage renderMap(const MapSettings& settings, const std::atomic<bool>* cancel = nullptr,
                 RenderStats* stats = nullptr);

/// The font of map labels at `pixelSize` (painter units): the application font, falling back
/// to Noto Sans and DejaVu Sans for any glyph it lacks, so Vietnamese names keep their
/// diacritics in one consistent face.
QFont mapLabelFont(double pixelSize);

/// Renders onto any paint device through `painter` (a widget, a PDF page, an image): the map
/// fills the logical rectangle (0, 0, outputSize) of the painter's current coordinate system,
/// so callers place and scale it with the painter's transform. The background is filled.
void renderMap(QPainter& painter, const MapSettings& settings,
               const std::atomic<bool>* cancel = nullptr, RenderStats* stats = nullptr);

}  // namespace safemap
