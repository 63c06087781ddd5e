#pragma once

#include <atomic>
#include <functional>
#include <memory>

class QProgressBar;

namespace safemap {

/// \brief Progress and cancel shared by a dialog and the worker it starts.
///
/// The worker writes two counters and reads one flag; the dialog polls the counters on a
/// timer and sets the flag. Copies share the same state, and the worker keeps a copy, so the
/// state outlives a dialog closed while its worker is still winding down.
class WorkProgress {
public:
    WorkProgress() : state_(std::make_shared<State>()) {}

    void cancel() { state_->cancel.store(true); }
    /// For the options of the long operation (it stops when this becomes true).
    const std::atomic<bool>* cancelFlag() const { return &state_->cancel; }
    /// For the options of the long operation: called with (done, total).
    std::function<void(long long, long long)> reporter() const;
    /// Shows the counters in `bar` (busy indicator until a total is known).
    void showIn(QProgressBar* bar) const;

private:
    struct State {
        std::atomic<bool> cancel{false};
        std::atomic<long long> done{0};
        std::atomic<long long> total{0};
    };
    std::shared_ptr<State> state_;
};

}  // namespace safemap
