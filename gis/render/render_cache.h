#pragma once

#include <QImage>
#include <atomic>
#include <cstddef>
#include <mutex>
#include <vector>

#include "gis/render/map_renderer.h"
#include "gis/render/map_settings.h"

namespace safemap {

/// \brief One image per layer of the last frame, so a change to one layer redraws only that
/// layer (after QGIS QgsMapRendererCache).
///
/// `render()` draws each visible layer into its own transparent image, or reuses the image
/// kept from an earlier frame when nothing that layer's pixels depend on has changed: the same
/// LayerData pointer (data is immutable, so a new pointer is the only way it changes; a filter
/// or re-scoring makes one with withFlags/withCategories), the same style, the same visible
/// extent, output size and pixel ratio, and the same selection. Then it composes the images
/// over the background in layer order, each at its layer's opacity, and places the labels of
/// all layers afresh on top (they depend on every layer, so they are never cached).
///
/// Entries hold their LayerData alive, so a pointer in a key can never be reused by another
/// layer. After each frame only the entries of the layers in that frame's settings are kept
/// (a layer hidden in this frame keeps its image while the view stays, so showing it again
/// is free). Thread-safe: `render()` may run on a worker while `clear()` is called elsewhere.
///
/// The composed image can differ from renderMap() in the last bit of semi-transparent pixels
/// (one rounding per layer image) and in overlaps within a layer whose opacity is below 1,
/// which compose as one group here. It is always identical to what a fresh cache renders.
class RenderCache {
public:
    RenderCache();
    ~RenderCache();
    RenderCache(const RenderCache&) = delete;
    RenderCache& operator=(const RenderCache&) = delete;

    /// Renders `settings` like renderMap() (an ARGB32-premultiplied image with its
    /// devicePixelRatio set), reusing cached layer images. `stats->layerRendered` tells which
    /// layers were drawn; the feature counts cover the whole frame, cached layers included.
    QImage render(const MapSettings& settings, const std::atomic<bool>* cancel = nullptr,
                  RenderStats* stats = nullptr);
    /// Drops every cached image.
    void clear();
    /// Number of layer images held.
    std::size_t size() const;

private:
    struct Entry;
    mutable std::mutex mutex_;
    std::vector<Entry> entries_;
    std::vector<QImage> spare_;  ///< buffers of dropped entries, reused for the next layers
};

}  // namespace safemap
