#pragma once

#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <QThreadPool>
#include <atomic>
#include <cstdint>
#include <memory>

#include "gis/render/map_renderer.h"
#include "gis/render/map_settings.h"
#include "gis/render/render_cache.h"

namespace safemap {

/// \brief Renders MapSettings on a worker thread and hands the image back on the UI thread.
///
/// `start()` copies the settings and returns at once. Starting again cancels the render in
/// flight; its image is dropped, so `finished` only ever carries the latest settings. The
/// worker sees nothing but its own copy of the settings (layers are immutable shared data),
/// which is why no locks are needed.
///
/// Renders go through a RenderCache (on by default): when only one layer changed since the
/// last frame (a filter or re-scoring gave it a new LayerData, or its style changed), only that
/// layer is redrawn and the others' images are reused. Callers need do nothing for it but keep
/// passing the same LayerData pointers for layers that did not change.
class RenderJob : public QObject {
    Q_OBJECT
public:
    explicit RenderJob(QObject* parent = nullptr);
    /// Cancels and waits for the worker, so no render outlives the job.
    ~RenderJob() override;

    void start(MapSettings settings);
    /// Cancels the current render; no `finished` will follow for it.
    void cancel();
    /// True from start() until finished is emitted or the render is cancelled.
    bool isActive() const { return active_; }
    /// Blocks (processing no events) until the worker of the latest start() is done; the
    /// `finished` signal still comes through the event loop. For tests and batch export.
    void waitForWorker();

    /// Turns the per-layer image cache on or off (off: every frame draws every layer, as
    /// renderMap does). Turning it off drops the cached images.
    void setCacheEnabled(bool enabled);
    bool cacheEnabled() const { return cacheEnabled_; }
    /// Drops the cached layer images (e.g. when memory matters more than speed).
    void clearCache() { cache_->clear(); }
    /// The cache the renders use (for tests and statistics).
    const RenderCache& cache() const { return *cache_; }

signals:
    void finished(QImage image, safemap::MapSettings settings, safemap::RenderStats stats);

private:
    struct Output {
        QImage image;
        RenderStats stats;
    };
    void onWorkerDone(std::uint64_t generation, QFutureWatcher<Output>* watcher,
                      MapSettings settings);

    QThreadPool pool_;
    std::uint64_t generation_ = 0;
    std::shared_ptr<std::atomic<bool>> cancel_;
    QFuture<Output> current_;
    bool active_ = false;
    bool cacheEnabled_ = true;
    std::shared_ptr<RenderCache> cache_ = std::make_shared<RenderCache>();
};

}  // namespace safemap

Q_DECLARE_METATYPE(safemap::RenderStats)
