#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/criteria/criteria_ref.h"
#include "core/criteria/criteria_set.h"
#include "core/project/repository.h"
#include "core/project/score_timeline.h"
#include "core/result.h"

namespace safemap {

class Database;

// The scores part of the GeoPackage repository (gpkg_repository.h), since schema 5: the
// scores of one criteria set are kept in blocks, one row of `score_blocks` per batch that
// was scored (an import's slice of 4,096 rows, a re-score's batch), each holding its
// scores back to back (docs/storage.md). A million scores are about 250 rows instead of a
// million rows with two B-tree entries each, so re-scoring writes a few MB instead of
// rewriting two indexes, and reading a set back is a few hundred blob reads. Writes run inside the
// caller's transaction.

/// Bytes of one score as format 1 and the newest-scores row store it, and of a block's header.
inline constexpr size_t kScoreRecordBytes = 40;
inline constexpr size_t kScoreBlockHeaderBytes = 8;

/// Stored date texts to day numbers. Most repeat (a province's assessments fall on a few
/// hundred days), so each distinct text is parsed once.
class StoredDays {
public:
    /// The day of any date text parseDate reads.
    std::optional<int32_t> day(std::string_view text);
    /// The day of a text in the store's own "YYYY-MM-DD" form only: the one form whose text
    /// order is its day order, which the (site, date) index's order relies on.
    std::optional<int32_t> canonicalDay(std::string_view text);

private:
    struct Parsed {
        std::optional<int32_t> day;
        bool canonical = false;
    };
    const Parsed& parsed(std::string_view text);
    std::unordered_map<std::string, Parsed> days_;
};

/// One score as stored in a block (layout below), appended to `out`; and one read back,
/// checked as decodeScoreBlock checks each (day left 0). Shared with the newest-scores table
/// (newest_score_store.h).
void appendScoreRecord(std::vector<uint8_t>& out, const TimelineEntry& entry);
[[nodiscard]] bool decodeScoreRecord(std::span<const uint8_t, kScoreRecordBytes> record,
                                     size_t indexCount, size_t vetoCount, TimelineEntry& entry,
                                     std::string& error);

/// How a block lays out its scores. Both start "SMSB", format (u16), record size (u16).
enum class ScoreBlockFormat {
    /// Format 1, record size 40 (schema 5 to 7): per row assessment id (i64), percent
    /// (f64), highest index points (f64), failed mandatory measures (u64 mask), fired
    /// vetoes (u32 mask), worst index (i16), level (u8), may operate (u8).
    FixedRecords,
    /// Format 2, record size 0 (written since schema 8): count (varint), the block's
    /// distinct values of percent and highest points (varint n, n f64), then per row
    /// varints: assessment id step from the one before (zig-zag), percent's slot, highest
    /// points' slot, mandatory mask, veto mask, worst index + 1; then level | may operate
    /// << 7 (u8). About 7 bytes a score.
    Packed,
};

/// The block of `rows` as stored.
std::vector<uint8_t> encodeScoreBlock(std::span<const ScoreRow> rows,
                                      ScoreBlockFormat format = ScoreBlockFormat::Packed);

/// Timeline entries as a format-2 block (their days left out), for the newest-scores row.
std::vector<uint8_t> encodePackedScores(std::span<const TimelineEntry> entries);

/// A stored block back as timeline entries (day left 0), appended to `out`. Refuses a
/// block of another format, a torn record, a level out of range or a worst index or mask
/// bit beyond the set's `indexCount` indices and `vetoCount` vetoes: the rules index the
/// set with them. The error is the reason in words (for project.score_block_bad).
[[nodiscard]] bool decodeScoreBlock(std::span<const uint8_t> blob, size_t indexCount,
                                    size_t vetoCount, std::vector<TimelineEntry>& out,
                                    std::string& error);

[[nodiscard]] Status clearScores(Database& db, const CriteriaRef& set);
[[nodiscard]] Status writeScores(Database& db, const CriteriaSet& set,
                                 std::span<const ScoreRow> rows, std::span<const double> points);
/// The block writeScores would store, made without the database (any thread), and storing
/// it. Nothing to store (no scores) is an empty block, which writing skips.
[[nodiscard]] Result<EncodedScores> encodeScores(const CriteriaSet& set,
                                                 std::span<const ScoreRow> rows,
                                                 std::span<const double> points);
[[nodiscard]] Status writeEncodedScores(Database& db, const CriteriaSet& set,
                                        const EncodedScores& scores);

/// \brief A re-score of one set in progress: its blocks as they were before it, in the
/// order of their assessments. A re-score writes only what changed: a new block with the
/// same assessments and bytes as an old one keeps the old one instead (re-scoring under a
/// set whose scores are stored, or again under the active set, then writes nothing); the
/// old blocks no new one matched are removed.
struct BlocksBeingReplaced {
    struct Old {
        int64_t fid = 0, first = 0, last = 0, count = 0;
        bool kept = false;
    };
    CriteriaRef set;
    std::vector<Old> old;  ///< by first assessment, then fid
    size_t next = 0;       ///< old[0, next) are kept or removed already
};

/// The set's blocks now, to be replaced by those of a re-score.
[[nodiscard]] Result<BlocksBeingReplaced> startReplacingBlocks(const Database& db,
                                                               const CriteriaRef& set);
/// Stores one block of the re-score (blocks come in the order of their assessments): an old
/// block holding the same assessments in the same bytes is kept instead, and old blocks
/// that end before this one starts, which no later block can match, are removed now, so
/// their pages are reused by the blocks that follow.
[[nodiscard]] Status replaceWithBlock(Database& db, BlocksBeingReplaced& replacing,
                                      const CriteriaSet& set, const EncodedScores& scores);
/// Removes the old blocks no new block matched.
[[nodiscard]] Status finishReplacingBlocks(Database& db, BlocksBeingReplaced& replacing);
/// Every score of `set`, grouped by facility, oldest first. Where an assessment was scored
/// twice under the set, the later block holds its score.
[[nodiscard]] Result<ScoreTimeline> loadScoreTimeline(const Database& db, const CriteriaSet& set);

/// The stored scores of the assessments `ids` (sorted, distinct) under `set`, from the
/// blocks after block fid `afterBlock` only: `found[i]` and `have[i]` = 1 for each id a
/// block scores (a later block's score replacing an earlier one's), the rest untouched.
[[nodiscard]] Status findScores(const Database& db, const CriteriaSet& set,
                                std::span<const int64_t> ids, std::vector<TimelineEntry>& found,
                                std::vector<uint8_t>& have, int64_t afterBlock = 0);

/// The `perSite` newest scores of each facility in `factories` under `set`, read through
/// the assessments' (site, date) index and only the blocks' records of those assessments:
/// a fifth of a million-score timeline when every facility has ten. Falls back to the whole
/// timeline, trimmed, where the short way cannot be sure (a stored date not in the store's
/// own form, a newest assessment the set has no score for).
[[nodiscard]] Result<ScoreTimeline> loadLatestScores(const Database& db, const CriteriaSet& set,
                                                     size_t perSite);

/// Migration 5: the schema-2 `scores` table (one row per score, masks and worst index as
/// ids) into `score_blocks`. Scores of a set the project no longer holds cannot be read
/// as positions; they stay in `scores`, which is dropped only when empty.
[[nodiscard]] Status migrateScoresToBlocks(Database& db);

}  // namespace safemap
