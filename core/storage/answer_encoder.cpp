#include "core/storage/answer_encoder.h"

namespace safemap {

void SharedTerms::publish(const StringMap<uint32_t>& known) {
    std::lock_guard lock(mutex_);
    for (const auto& [term, id] : known)
        if (all_.emplace(term, id).second)
            inOrder_.emplace_back(term, id);
    count_.store(inOrder_.size(), std::memory_order_release);
}

void SharedTerms::takeNew(KnownTerms& into, std::size_t& seen) const {
    // Most slices bring nothing new: no lock then.
    if (count_.load(std::memory_order_acquire) == seen)
        return;
    std::lock_guard lock(mutex_);
    for (; seen < inOrder_.size(); ++seen)
        into.add(inOrder_[seen].first, inOrder_[seen].second);
}

void GpkgAnswerEncoder::refresh() {
    shared_->takeNew(known_, seen_);
}

void GpkgAnswerEncoder::encode(const Assessment& a, EncodedAnswers& out) {
    if (encodeAnswersWithKnown(row_, a.answers, known_, a.submitter))
        out.bytes.insert(out.bytes.end(), row_.begin(), row_.end());
    out.ends.push_back(static_cast<uint32_t>(out.bytes.size()));
}

}  // namespace safemap
