#pragma once

#include <QtConcurrent/QtConcurrentRun>
#include <utility>

namespace safemap {

/// Destroys `value` on a worker thread. For the results of background work that may hold the
/// last references to large data (a hundred thousand statuses): freeing them can take longer
/// than a frame, and the UI thread must not wait for it.
template <class T>
void releaseLater(T&& value) {
    (void)QtConcurrent::run(
        [held = std::forward<T>(value)]() mutable { T gone = std::move(held); });
}

}  // namespace safemap
