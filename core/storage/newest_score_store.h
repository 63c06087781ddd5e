#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/criteria/criteria_set.h"
#include "core/project/score_timeline.h"
#include "core/result.h"

namespace safemap {

class Database;

// The newest two scores of each facility under the active criteria set, kept in one row of
// `newest_scores` (schema 7, docs/storage.md) so that the lists and the window's first map
// read a few megabytes instead of seeking every facility's assessments and decoding every
// score block. The row is derived data and never trusted blindly: it records what it was
// derived from (the highest assessment and facility ids, the facility count, the set's
// highest block id and block count), and a reader that finds any of them changed ignores it.
// Those cover every insert (ids only grow: score_blocks is AUTOINCREMENT, and a new
// assessment or facility gets the next id) and every deletion of a facility or block (the
// count falls); triggers empty the table on what they cannot see (an assessment updated or
// deleted, a facility's id changed, a block rewritten in place, as an edit in QGIS could).
// Every write transaction of the repository brings the row up to date before it commits.

/// What the row was derived from; equal stamps mean the same newest scores.
struct NewestScoresStamp {
    int64_t assessmentsUpTo = 0;
    int64_t factoriesUpTo = 0;
    int64_t factories = 0;
    int64_t blocksUpTo = 0;
    int64_t blocks = 0;

    bool operator==(const NewestScoresStamp&) const = default;
};

/// How many scores per facility the row keeps: what the rules read (latest and previous).
inline constexpr size_t kNewestScoresPerSite = 2;

/// The timeline as stored in the row: "SMNS", format 2 (u16), 0 (u16), facilities (u32);
/// per facility the bytes its id shares with the one before (varint), the rest of it
/// (varint length, bytes) and its score count (u8); per score, oldest first within each
/// facility, its day's step from the score before (zig-zag varint; days since 1970); then
/// the scores as one format-2 score block (score_store.h). About 40 bytes a facility.
/// Empty if the timeline does not fit that form (more than kNewestScoresPerSite scores of
/// one facility).
std::vector<uint8_t> encodeNewestScores(const ScoreTimeline& timeline);

/// The row's timeline back, or nothing if the blob is not one this version wrote whole
/// (facilities out of order, scores not oldest first, a record out of the set's range).
std::optional<ScoreTimeline> decodeNewestScores(std::span<const uint8_t> blob,
                                                const CriteriaSet& set);

/// The `perSite` newest scores of each facility under `set` from the row, if the row is
/// `set`'s and current and `perSite` is at most kNewestScoresPerSite; otherwise nothing,
/// and the caller reads the scores the long way (loadLatestScores).
[[nodiscard]] Result<std::optional<ScoreTimeline>> readNewestScores(const Database& db,
                                                                    const CriteriaSet& set,
                                                                    size_t perSite);

/// Brings the row up to date with the active set if it is not, in the caller's
/// transaction: the old row brought forward where only appends happened since, else
/// derived the long way (loadLatestScores). Where the long way fails (a damaged block, the
/// active set missing) the row is removed instead, and readers report the failure
/// themselves; only a failed write of the row is an error.
[[nodiscard]] Status refreshNewestScores(Database& db);

/// Migration 7: the table, its triggers, and the row for the active set.
[[nodiscard]] Status migrateNewestScores(Database& db);

}  // namespace safemap
