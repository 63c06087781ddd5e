// The binary score forms a project file holds (core/storage/score_store.h,
// newest_score_store.h): a score block and the newest-scores row, read back against the
// extended set. A project file is anybody's to edit, so neither may read out of bounds or
// yield a score the rules could index the set out of range with.
#include "core/storage/newest_score_store.h"
#include "core/storage/score_store.h"
#include "fuzz_support.h"

using namespace safemap;

namespace {

void checkEntry(const TimelineEntry& e) {
    const CriteriaSet& set = fuzz::extendedSet();
    FUZZ_CHECK(e.worstIndex >= -1 && e.worstIndex < static_cast<int>(set.indices.size()),
               std::to_string(e.worstIndex));
    FUZZ_CHECK(static_cast<size_t>(e.level) < kRiskLevelCount, std::to_string(e.assessmentId));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const uint8_t> blob(data, size);
    const CriteriaSet& set = fuzz::extendedSet();

    std::vector<TimelineEntry> block;
    std::string why;
    if (decodeScoreBlock(blob, set.indices.size(), set.vetoes.size(), block, why)) {
        FUZZ_CHECK(size == kScoreBlockHeaderBytes + block.size() * kScoreRecordBytes,
                   std::to_string(size));
        for (const TimelineEntry& e : block)
            checkEntry(e);
    } else {
        FUZZ_CHECK(!why.empty() && isValidUtf8(why), why);
    }

    if (auto t = decodeNewestScores(blob, set)) {
        FUZZ_CHECK(t->siteBegin.size() == t->siteIds.size() + 1, "site ranges");
        FUZZ_CHECK(t->siteBegin.back() == t->entries.size(), "site ranges");
        for (size_t s = 0; s + 1 < t->siteIds.size(); ++s)
            FUZZ_CHECK(t->siteIds[s] < t->siteIds[s + 1], t->siteIds[s]);
        for (size_t s = 0; s < t->siteIds.size(); ++s) {
            FUZZ_CHECK(t->siteBegin[s] < t->siteBegin[s + 1], t->siteIds[s]);
            for (uint32_t e = t->siteBegin[s] + 1; e < t->siteBegin[s + 1]; ++e)
                FUZZ_CHECK(t->entries[e - 1].day <= t->entries[e].day, t->siteIds[s]);
        }
        for (const TimelineEntry& e : t->entries)
            checkEntry(e);
        // What is read is exactly what was written: the form has one encoding.
        const auto again = encodeNewestScores(*t);
        FUZZ_CHECK(again.size() == size && std::equal(again.begin(), again.end(), data),
                   std::to_string(size));
    }
    return 0;
}
