// The binary score forms a project file holds (core/storage/score_store.h,
// newest_score_store.h): a score block and the newest-scores row, read back against the
// extended set. A project file is anybody's to edit, so neither may read out of bounds or
// yield a score the rules could index the set out of range with.
#include <cstring>

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
        // Format 1 is fixed records; format 2 takes at least seven bytes a score after its
        // two counts, so a small block can never claim a large count.
        if (data[4] == 1)
            FUZZ_CHECK(size == kScoreBlockHeaderBytes + block.size() * kScoreRecordBytes,
                       std::to_string(size));
        else
            FUZZ_CHECK(size >= kScoreBlockHeaderBytes + 2 + block.size() * 7, std::to_string(size));
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
        // What is read is what it means: written again and read back, the same timeline
        // (format 2 may spell one value in more than one way, a varint with spare bytes
        // or an id sharing less than it could, so the bytes need not repeat).
        const auto again = encodeNewestScores(*t);
        auto back = decodeNewestScores(again, set);
        FUZZ_CHECK(back.has_value(), std::to_string(size));
        FUZZ_CHECK(back->siteIds == t->siteIds && back->siteBegin == t->siteBegin &&
                       back->entries.size() == t->entries.size(),
                   std::to_string(size));
        for (size_t i = 0; i < t->entries.size(); ++i) {
            const TimelineEntry& x = back->entries[i];
            const TimelineEntry& y = t->entries[i];
            FUZZ_CHECK(
                x.assessmentId == y.assessmentId && x.day == y.day && x.level == y.level &&
                    x.worstIndex == y.worstIndex &&
                    x.mandatoryFailedMask == y.mandatoryFailedMask && x.vetoMask == y.vetoMask &&
                    x.safeToOperate == y.safeToOperate &&
                    std::memcmp(&x.percent, &y.percent, sizeof x.percent) == 0 &&
                    std::memcmp(&x.maxIndexPoints, &y.maxIndexPoints, sizeof x.maxIndexPoints) == 0,
                std::to_string(i));
        }
    }
    return 0;
}
