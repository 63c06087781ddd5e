#pragma once

#include <QImage>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

#include "gis/render/map_renderer.h"
#include "gis/render/map_settings.h"

namespace safemap {

/// \brief Images of the last frames layer by layer, so a change to the top layer redraws
/// only that layer (the role of QGIS's QgsMapRendererCache).
///
/// After drawing each visible layer, `render()` keeps a snapshot of the frame so far (the
/// background and the layers up to that one). The next render looks for the longest run of
/// bottom layers that is unchanged, starts from its snapshot and draws only the layers above
/// it; then the selection highlight and the labels of all layers, which are in no snapshot
/// (labels depend on every layer; a selection change then redraws no layer). A layer is
/// unchanged when it has the same LayerData pointer (data is immutable: a filter or
/// re-scoring makes a new one with withFlags / withCategoriesAndFlags) and the same style, and
/// the frame has the same visible extent, output size, pixel ratio and background. So a flag
/// change on the facilities, the top layer, redraws the facilities alone; a change to a lower
/// layer redraws it and the layers above it.
///
/// The image is pixel for pixel the one renderMap() draws: the same painting in the same
/// order, resumed from a copy. Snapshots hold their LayerData alive, so a pointer in a key is
/// never reused by another layer. The snapshots of the current frame are kept, and the newest
/// of earlier frames up to 8 snapshots and the memory budget (hiding a layer and showing it
/// again redraws nothing). Thread-safe: a render may run on a worker while `clear()` is
/// called elsewhere.
class RenderCache {
public:
    /// Older frames' snapshots are dropped past `maxSnapshotBytes` (the current frame's are
    /// always kept).
    explicit RenderCache(qsizetype maxSnapshotBytes = qsizetype{192} << 20);
    ~RenderCache();
    RenderCache(const RenderCache&) = delete;
    RenderCache& operator=(const RenderCache&) = delete;

    /// Renders `settings` like renderMap() (an ARGB32-premultiplied image with its
    /// devicePixelRatio set), resuming from a cached snapshot. `stats->layerRendered` tells
    /// which layers were drawn; the feature counts cover the whole frame, cached layers
    /// included.
    QImage render(const MapSettings& settings, const std::atomic<bool>* cancel = nullptr,
                  RenderStats* stats = nullptr);
    /// Drops every snapshot.
    void clear();
    /// Number of snapshots held.
    std::size_t size() const;

private:
    struct Entry;
    mutable std::mutex mutex_;
    std::vector<Entry> entries_;
    std::vector<QImage> spare_;  ///< buffers of dropped snapshots, reused for new ones
    std::uint64_t frame_ = 0;
    qsizetype maxBytes_;
};

}  // namespace safemap
