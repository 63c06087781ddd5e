#include "gis/render/render_cache.h"

#include <QElapsedTimer>
#include <QPainter>
#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_set>

#include "gis/render/render_context_p.h"

namespace safemap {

namespace {

// Enough for every layer of the current frame and a few of earlier ones; each snapshot is a
// full frame (6.4 MB at 1600 × 1000, four times that at 2×, 33 MB on a 4K screen), so older
// ones are also dropped past a memory budget. The current frame's are always kept.
constexpr std::size_t kMaxSnapshots = 8;
// Buffers of dropped snapshots kept for new ones: copying into an old buffer avoids faulting
// in fresh pages (about 1 ms per 1600 × 1000 image).
constexpr std::size_t kMaxSpareImages = 2;

/// What a layer's pixels depend on besides the view.
struct LayerKey {
    std::shared_ptr<const LayerData> data;  // held, so the pointer cannot be reused
    LayerStyle style;
    friend bool operator==(const LayerKey&, const LayerKey&) = default;
};

// Fills the frame exactly as renderMap does before its first layer.
void paintBackground(QImage& frame, const MapSettings& settings) {
    QPainter painter(&frame);
    const QRectF rect(QPointF(0, 0), QSizeF(frame.size()));
    painter.setClipRect(rect, Qt::IntersectClip);
    painter.fillRect(rect, settings.background);
}

void copyPixels(QImage& to, const QImage& from) {
    std::memcpy(to.bits(), from.constBits(), static_cast<std::size_t>(from.sizeInBytes()));
}

}  // namespace

/// \brief The frame after the background and the first `chain.size()` visible layers.
struct RenderCache::Entry {
    BBox visible;
    QSize deviceSize;
    double dpr = 1.0;
    QRgb background = 0;
    std::vector<LayerKey> chain;               ///< visible layers drawn, bottom to top
    std::vector<detail::LayerOutput> outputs;  ///< labels and obstacles, per chain layer
    std::vector<RenderStats> counts;           ///< per chain layer
    QImage image;                              ///< no labels
    std::uint64_t lastUsed = 0;

    bool sameView(const Entry& o) const {
        return visible == o.visible && deviceSize == o.deviceSize && dpr == o.dpr &&
               background == o.background;
    }
    /// True when `chain` is the start of `layers`.
    bool prefixOf(const std::vector<LayerKey>& layers) const {
        return chain.size() <= layers.size() &&
               std::equal(chain.begin(), chain.end(), layers.begin());
    }
};

RenderCache::RenderCache(qsizetype maxSnapshotBytes) : maxBytes_(maxSnapshotBytes) {}
RenderCache::~RenderCache() = default;

void RenderCache::clear() {
    std::lock_guard lock(mutex_);
    entries_.clear();
    spare_.clear();
}

std::size_t RenderCache::size() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
}

QImage RenderCache::render(const MapSettings& settings, const std::atomic<bool>* cancel,
                           RenderStats* stats) {
    if (settings.outputSize.isEmpty())
        return {};
    QElapsedTimer timer;
    timer.start();
    RenderStats local;
    RenderStats& st = stats ? *stats : local;
    st = RenderStats{};
    st.layerMilliseconds.assign(settings.layers.size(), 0.0);
    st.layerRendered.assign(settings.layers.size(), 0);

    // Work on a copy of the list (images are shared, not copied): no lock while drawing.
    std::vector<Entry> previous;
    std::vector<QImage> spare;
    std::uint64_t frameNumber = 0;
    {
        std::lock_guard lock(mutex_);
        previous = entries_;
        spare.swap(spare_);
        frameNumber = ++frame_;
    }

    const double dpr = settings.devicePixelRatio > 0 ? settings.devicePixelRatio : 1.0;
    const QSize deviceSize(qRound(settings.outputSize.width() * dpr),
                           qRound(settings.outputSize.height() * dpr));
    const MapTransform transform(settings.extent, deviceSize);
    Entry current;
    current.visible = transform.visibleExtent();
    current.deviceSize = deviceSize;
    current.dpr = dpr;
    current.background = settings.background.rgba();

    // The layers renderMap would draw, and the longest cached run of them from the bottom.
    std::vector<std::size_t> drawn;
    std::vector<LayerKey> keys;
    const double scale = scaleDenominator(settings);
    if (transform.valid())
        for (std::size_t i = 0; i < settings.layers.size(); ++i)
            if (detail::drawable(settings.layers[i], scale)) {
                drawn.push_back(i);
                keys.push_back({settings.layers[i].data, settings.layers[i].style});
            }
    const Entry* start = nullptr;
    for (const Entry& e : previous)
        if (e.sameView(current) && e.prefixOf(keys) &&
            (!start || e.chain.size() > start->chain.size()))
            start = &e;

    auto hasLabels = [](const std::vector<detail::LayerOutput>& outputs) {
        return std::any_of(outputs.begin(), outputs.end(),
                           [](const detail::LayerOutput& o) { return !o.labels.empty(); });
    };
    QImage frame;
    std::vector<Entry> made;
    // Labels and the selection are drawn over the layers on every frame (they are in no
    // snapshot).
    const bool selection = !settings.selectedIds.empty();
    if (start && start->chain.size() == drawn.size() && !selection && !hasLabels(start->outputs)) {
        frame = start->image;  // nothing to draw: the same frame, shared
    } else {
        frame = QImage(deviceSize, QImage::Format_ARGB32_Premultiplied);
        if (start)
            copyPixels(frame, start->image);
        else
            paintBackground(frame, settings);
    }
    const qint64 startKey = start ? start->image.cacheKey() : 0;
    if (start) {
        current.chain = start->chain;
        current.outputs = start->outputs;
        current.counts = start->counts;
        st.layersFromCache = start->chain.size();
    }

    // A buffer for a snapshot: a dropped snapshot's when one is free.
    auto snapshotBuffer = [&]() {
        const auto reusable = std::find_if(spare.begin(), spare.end(), [&](const QImage& s) {
            return s.size() == deviceSize && s.format() == frame.format() && s.isDetached();
        });
        if (reusable == spare.end())
            return QImage(deviceSize, frame.format());
        QImage image = std::move(*reusable);
        spare.erase(reusable);
        return image;
    };
    const QRectF frameRect(QPointF(0, 0), QSizeF(deviceSize));
    bool cancelled = false;
    for (std::size_t k = current.chain.size(); k < drawn.size(); ++k) {
        const std::size_t i = drawn[k];
        const LayerRender& layer = settings.layers[i];
        const qint64 layerStart = timer.nsecsElapsed();
        RenderStats counts;
        detail::LayerOutput output;
        {
            QPainter painter(&frame);
            painter.setClipRect(frameRect, Qt::IntersectClip);
            painter.setRenderHint(QPainter::Antialiasing, true);
            painter.setOpacity(std::clamp(layer.style.opacity, 0.0, 1.0));
            detail::RenderContext ctx{painter, settings, transform, deviceSize,
                                      dpr,     cancel,   counts};
            detail::drawLayer(ctx, layer, output);
            cancelled = ctx.cancelled();
        }
        if (cancelled)
            break;
        current.chain.push_back(keys[k]);
        current.outputs.push_back(std::move(output));
        current.counts.push_back(counts);
        st.layerRendered[i] = 1;
        ++st.layersRendered;
        st.layerMilliseconds[i] = static_cast<double>(timer.nsecsElapsed() - layerStart) / 1e6;

        // Every layer but the top one leaves a copy of the frame so far (the top one's is
        // made below).
        if (k + 1 == drawn.size())
            continue;
        Entry snapshot = current;
        snapshot.image = snapshotBuffer();
        copyPixels(snapshot.image, frame);
        snapshot.lastUsed = frameNumber;
        made.push_back(std::move(snapshot));
    }

    cancelled = cancelled || (cancel && cancel->load(std::memory_order_relaxed));
    const bool overlays = selection || hasLabels(current.outputs);
    for (const RenderStats& counts : current.counts)
        st.addCounts(counts);
    if (!cancelled && current.chain.size() > (start ? start->chain.size() : 0)) {
        // The top snapshot: without labels or a selection it is the finished frame itself,
        // shared (QImage copies on write, so neither the caller nor the cache can spoil it);
        // otherwise a copy taken before they are drawn.
        Entry snapshot = current;
        if (overlays) {
            snapshot.image = snapshotBuffer();
            copyPixels(snapshot.image, frame);
        } else {
            frame.setDevicePixelRatio(dpr);
            snapshot.image = frame;
        }
        snapshot.lastUsed = frameNumber;
        made.push_back(std::move(snapshot));
    }
    if (!cancelled && overlays) {
        std::vector<const detail::LayerOutput*> outputs(settings.layers.size(), nullptr);
        for (std::size_t k = 0; k < current.outputs.size(); ++k)
            outputs[drawn[k]] = &current.outputs[k];
        QPainter painter(&frame);
        painter.setClipRect(frameRect, Qt::IntersectClip);
        painter.setRenderHint(QPainter::Antialiasing, true);
        detail::RenderContext ctx{painter, settings, transform, deviceSize, dpr, cancel, st};
        for (std::size_t i : drawn)
            detail::drawSelection(ctx, settings.layers[i]);
        detail::drawLabelPass(ctx, outputs);
        cancelled = ctx.cancelled();
    }
    frame.setDevicePixelRatio(dpr);
    st.cancelled = cancelled;

    // Let go of the copies, so dropped snapshots' buffers are free for reuse.
    start = nullptr;
    previous.clear();
    if (!cancelled) {
        std::lock_guard lock(mutex_);
        // The run this frame started from counts as used; then the newest others up to the cap.
        for (Entry& e : entries_)
            if (startKey != 0 && e.image.cacheKey() == startKey)
                e.lastUsed = frameNumber;
        std::stable_sort(entries_.begin(), entries_.end(),
                         [](const Entry& a, const Entry& b) { return a.lastUsed > b.lastUsed; });
        qsizetype bytes = 0;
        for (const Entry& e : made)
            bytes += e.image.sizeInBytes();
        for (Entry& e : entries_) {
            if (made.size() < kMaxSnapshots && bytes + e.image.sizeInBytes() <= maxBytes_) {
                bytes += e.image.sizeInBytes();
                made.push_back(std::move(e));
            } else if (!e.image.isNull() && e.image.isDetached()) {
                spare.push_back(std::move(e.image));
            }
        }
        entries_ = std::move(made);
        for (QImage& s : spare)
            if (spare_.size() < kMaxSpareImages)
                spare_.push_back(std::move(s));
    }
    st.milliseconds = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    return frame;
}

}  // namespace safemap
