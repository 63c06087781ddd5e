#include "app/gui/work_progress.h"

#include <QProgressBar>
#include <algorithm>
#include <climits>

namespace safemap {

std::function<void(long long, long long)> WorkProgress::reporter() const {
    return [state = state_](long long done, long long total) {
        state->done.store(done);
        state->total.store(total);
    };
}

void WorkProgress::showIn(QProgressBar* bar) const {
    const long long total = state_->total.load();
    bar->setMaximum(total > 0 ? static_cast<int>(std::min<long long>(total, INT_MAX)) : 0);
    bar->setValue(static_cast<int>(std::min<long long>(state_->done.load(), INT_MAX)));
}

}  // namespace safemap
