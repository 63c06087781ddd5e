#include "gis/render/render_cache.h"

#include <QElapsedTimer>
#include <QPainter>
#include <algorithm>
#include <string>
#include <unordered_set>

#include "gis/render/render_context_p.h"

namespace safemap {

namespace {
// Buffers of dropped layer images kept for the next render: a re-render of one layer then
// clears an old buffer instead of faulting in fresh pages (≈ 1 ms per 1600 × 1000 image).
constexpr std::size_t kMaxSpareImages = 2;
}  // namespace

/// \brief One layer's image and what it was drawn from.
struct RenderCache::Entry {
    std::shared_ptr<const LayerData> data;  ///< held, so the pointer cannot be reused
    LayerStyle style;
    BBox visible;
    QSize deviceSize;
    double dpr = 1.0;
    std::unordered_set<std::string> selection;
    QImage image;  ///< null when the layer drew nothing in this view
    detail::LayerOutput output;
    RenderStats counts;

    bool matches(const LayerRender& layer, const BBox& view, QSize size, double ratio,
                 const std::unordered_set<std::string>& selected) const {
        return data == layer.data && deviceSize == size && dpr == ratio && visible == view &&
               style == layer.style && selection == selected;
    }
};

RenderCache::RenderCache() = default;
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

    // Work on a snapshot (images are shared, not copied) so no lock is held while drawing.
    std::vector<Entry> previous;
    std::vector<QImage> spare;
    {
        std::lock_guard lock(mutex_);
        previous = entries_;
        spare.swap(spare_);
    }

    const double dpr = settings.devicePixelRatio > 0 ? settings.devicePixelRatio : 1.0;
    const QSize deviceSize(qRound(settings.outputSize.width() * dpr),
                           qRound(settings.outputSize.height() * dpr));
    const MapTransform transform(settings.extent, deviceSize);
    const BBox view = transform.visibleExtent();

    QImage image(deviceSize, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    painter.fillRect(QRect(QPoint(0, 0), deviceSize), settings.background);
    painter.setRenderHint(QPainter::Antialiasing, true);
    detail::RenderContext ctx{painter, settings, transform, deviceSize, dpr, cancel, st};

    std::vector<Entry> kept;
    kept.reserve(settings.layers.size());  // outputs below point into it: no reallocation
    std::vector<const detail::LayerOutput*> outputs(settings.layers.size(), nullptr);
    for (std::size_t i = 0; i < settings.layers.size() && transform.valid(); ++i) {
        if (ctx.cancelled())
            break;
        const LayerRender& layer = settings.layers[i];
        const auto match = std::find_if(previous.begin(), previous.end(), [&](const Entry& e) {
            return e.matches(layer, view, deviceSize, dpr, settings.selectedIds);
        });
        if (!detail::drawable(layer)) {
            if (match != previous.end())
                kept.push_back(*match);
            continue;
        }
        if (match != previous.end()) {
            kept.push_back(*match);
            ++st.layersFromCache;
        } else {
            const qint64 start = timer.nsecsElapsed();
            Entry e{layer.data,           layer.style, view, deviceSize, dpr,
                    settings.selectedIds, QImage(),    {},   {}};
            const auto reusable = std::find_if(spare.begin(), spare.end(), [&](const QImage& s) {
                return s.size() == deviceSize;
            });
            if (reusable != spare.end()) {
                e.image = std::move(*reusable);
                spare.erase(reusable);
            } else {
                e.image = QImage(deviceSize, QImage::Format_ARGB32_Premultiplied);
            }
            e.image.fill(Qt::transparent);
            {
                QPainter layerPainter(&e.image);
                layerPainter.setRenderHint(QPainter::Antialiasing, true);
                detail::RenderContext layerCtx{layerPainter, settings, transform, deviceSize,
                                               dpr,          cancel,   e.counts};
                detail::drawLayer(layerCtx, layer, e.output);
            }
            if (ctx.cancelled())
                break;
            if (e.counts.featuresDrawn == 0) {
                spare.push_back(std::move(e.image));
                e.image = QImage();
            }
            kept.push_back(std::move(e));
            st.layerRendered[i] = 1;
            ++st.layersRendered;
            st.layerMilliseconds[i] = static_cast<double>(timer.nsecsElapsed() - start) / 1e6;
        }
        const Entry& e = kept.back();
        st.addCounts(e.counts);
        outputs[i] = &e.output;
        if (!e.image.isNull()) {
            painter.setOpacity(std::clamp(layer.style.opacity, 0.0, 1.0));
            painter.drawImage(QPoint(0, 0), e.image);
        }
    }
    painter.setOpacity(1.0);
    if (!ctx.cancelled())
        detail::drawLabelPass(ctx, outputs);
    painter.end();
    image.setDevicePixelRatio(dpr);
    st.cancelled = ctx.cancelled();

    if (!st.cancelled) {
        std::lock_guard lock(mutex_);
        // Buffers of the entries dropped now serve the next render.
        for (Entry& old : entries_) {
            const bool stays = std::any_of(kept.begin(), kept.end(), [&](const Entry& k) {
                return !k.image.isNull() && k.image.cacheKey() == old.image.cacheKey();
            });
            if (!stays && !old.image.isNull())
                spare.push_back(std::move(old.image));
        }
        entries_ = std::move(kept);
        for (QImage& s : spare)
            if (spare_.size() < kMaxSpareImages)
                spare_.push_back(std::move(s));
    }
    st.milliseconds = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    return image;
}

}  // namespace safemap
