#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <limits>
#include <mutex>
#include <optional>
#include <utility>

namespace safemap {

/// \brief Values handed from one thread to another, first in first out.
///
/// At most `capacity` wait at a time, so a side that runs ahead waits instead of filling
/// memory. Either side ends the hand-over with close(): a producer when it has put its last
/// value (the other side takes what is left, then nothing), a consumer when it gives up
/// (put fails from then on, so the producer stops).
template <class T>
class Handover {
public:
    explicit Handover(std::size_t capacity = std::numeric_limits<std::size_t>::max())
        : capacity_(capacity) {}

    /// Waits for room; false, with `value` dropped, once closed.
    bool put(T value) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return closed_ || waiting_.size() < capacity_; });
        if (closed_)
            return false;
        waiting_.push_back(std::move(value));
        changed_.notify_all();
        return true;
    }

    /// Waits for a value; nothing once closed and empty.
    std::optional<T> take() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return closed_ || !waiting_.empty(); });
        if (waiting_.empty())
            return std::nullopt;
        std::optional<T> value(std::move(waiting_.front()));
        waiting_.pop_front();
        changed_.notify_all();
        return value;
    }

    /// How many values wait to be taken now (already stale when it returns: a hint).
    std::size_t waiting() {
        std::lock_guard lock(mutex_);
        return waiting_.size();
    }

    void close() {
        std::lock_guard lock(mutex_);
        closed_ = true;
        changed_.notify_all();
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<T> waiting_;
    std::size_t capacity_;
    bool closed_ = false;
};

}  // namespace safemap
