#include "gis/render/render_job.h"

#include <QtConcurrent/QtConcurrentRun>

namespace safemap {

RenderJob::RenderJob(QObject* parent) : QObject(parent) {
    static const bool registered = [] {
        qRegisterMetaType<MapSettings>();
        qRegisterMetaType<RenderStats>();
        return true;
    }();
    (void)registered;
    // One render at a time per job is enough: a superseded render is cancelled and exits
    // within one cancel check, and a second thread would only compete with the UI.
    pool_.setMaxThreadCount(1);
}

RenderJob::~RenderJob() {
    cancel();
    pool_.waitForDone();
}

void RenderJob::start(MapSettings settings) {
    cancel();
    const std::uint64_t generation = ++generation_;
    auto flag = std::make_shared<std::atomic<bool>>(false);
    cancel_ = flag;
    active_ = true;

    auto* watcher = new QFutureWatcher<Output>(this);
    // The worker owns a copy of the settings; the copy for `finished` stays here.
    // The worker shares the cache (it locks what it touches) and holds it alive.
    std::shared_ptr<RenderCache> cache = cacheEnabled_ ? cache_ : nullptr;
    current_ = QtConcurrent::run(&pool_, [settings, flag, cache]() {
        Output out;
        out.image = cache ? cache->render(settings, flag.get(), &out.stats)
                          : renderMap(settings, flag.get(), &out.stats);
        return out;
    });
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, generation, watcher, settings = std::move(settings)]() {
                onWorkerDone(generation, watcher, settings);
            });
    watcher->setFuture(current_);
}

void RenderJob::cancel() {
    if (cancel_)
        cancel_->store(true, std::memory_order_relaxed);
    cancel_.reset();
    // Bumping the generation drops the image of any render still in flight.
    ++generation_;
    active_ = false;
}

void RenderJob::setCacheEnabled(bool enabled) {
    cacheEnabled_ = enabled;
    // A fresh cache, not a cleared one: a render in flight still holds (and may fill) the old.
    if (!enabled)
        cache_ = std::make_shared<RenderCache>();
}

void RenderJob::waitForWorker() {
    if (current_.isValid())
        current_.waitForFinished();
}

void RenderJob::onWorkerDone(std::uint64_t generation, QFutureWatcher<Output>* watcher,
                             MapSettings settings) {
    watcher->deleteLater();
    if (generation != generation_)
        return;  // superseded or cancelled
    Output out = watcher->result();
    if (out.stats.cancelled)
        return;
    active_ = false;
    cancel_.reset();
    emit finished(out.image, settings, out.stats);
}

}  // namespace safemap
