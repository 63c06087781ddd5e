#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "core/project/repository.h"
#include "core/storage/answer_codec.h"
#include "core/util/string_view_hash.h"

namespace safemap {

/// \brief The answer terms an import's writer has met, handed to its encoder on the thread
/// that reads the rows (GpkgAnswerEncoder). The writer's connection stays its own: the
/// encoder only ever sees ids the writer looked up or added in the import's transaction.
class SharedTerms {
public:
    /// Writer: adds the terms of `known` not handed over yet.
    void publish(const StringMap<uint32_t>& known);
    /// Encoder: adds to `into` the terms published since `seen`, and moves `seen` on.
    void takeNew(KnownTerms& into, std::size_t& seen) const;

private:
    mutable std::mutex mutex_;
    StringMap<uint32_t> all_;
    std::vector<std::pair<std::string, uint32_t>> inOrder_;
    std::atomic<std::size_t> count_{0};  ///< inOrder_.size(), read without the lock
};

/// \brief The GeoPackage's AnswerEncoder: format 2 (answer_codec.h) with the terms the
/// import's writer has published. The writer encodes the first rows, and every row with a
/// term it has not met yet; after them the reading thread encodes nearly every row, and the
/// writer only stores them.
class GpkgAnswerEncoder final : public AnswerEncoder {
public:
    explicit GpkgAnswerEncoder(std::shared_ptr<const SharedTerms> shared)
        : shared_(std::move(shared)) {}
    void refresh() override;
    void encode(const Assessment& a, EncodedAnswers& out) override;

private:
    std::shared_ptr<const SharedTerms> shared_;
    KnownTerms known_;
    std::size_t seen_ = 0;
    std::vector<uint8_t> row_;
};

}  // namespace safemap
