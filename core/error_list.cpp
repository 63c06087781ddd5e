#include "core/error_list.h"

namespace safemap {

void ErrorList::add(Error error) {
    ++total_;
    if (listed_.size() < kMaxListed)
        listed_.push_back(std::move(error));
}

Error ErrorList::toError() const {
    Error first = listed_.front();
    first.more.assign(listed_.begin() + 1, listed_.end());
    first.moreOmitted = static_cast<long>(total_ - listed_.size());
    return first;
}

}  // namespace safemap
