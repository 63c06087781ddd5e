#pragma once

#include <atomic>
#include <functional>
#include <span>
#include <vector>

#include "core/project/project_facts.h"
#include "core/project/repository.h"
#include "core/scoring/compiled_criteria.h"

namespace safemap {

/// \brief Scores of a batch of assessments, in the form the repository stores.
struct ScoredBatch {
    std::vector<ScoreRow> rows;
    std::vector<double> points;  ///< rows.size() × indexCount, in the set's order
};

/// Scores one assessment (stored under `id`) with the batch scorer's inner loop and
/// appends the result to `out`.
void appendScore(const CompiledCriteria& criteria, const Assessment& assessment, int64_t id,
                 ScoredBatch& out);

/// The same for an assessment already read into a dense row (indexCount() values).
void appendScoreOfRow(const CompiledCriteria& criteria, std::span<const double> row, int64_t id,
                      ScoredBatch& out);

/// The timeline entry of one stored score.
TimelineEntry timelineEntry(const ScoreRow& row, Date date);

/// Opens another read-only connection to the same project.
using ReopenProject = std::function<Result<Project>()>;

/// Replaces every score of `criteria` by a fresh one of each stored assessment. Must run
/// inside the caller's write transaction; returns how many were scored. The store may keep
/// what it is given again unchanged (ProjectRepository::beginReplacingScores): a GeoPackage
/// re-scored under a set whose scores it holds writes no block.
///
/// `aside`, if given, opens a second connection on which the newer ~60 % of the assessments
/// are read, scored and encoded on another thread, while this one reads and scores the rest
/// and stores every block, its own first, so the blocks are stored as on one connection (a
/// re-score of a million on two cores: docs/benchmarks.md, E). That connection sees only
/// what is committed, so `aside` is for a transaction that has not changed the assessments
/// or their answers' terms. If it cannot be opened, all is read here.
[[nodiscard]] Result<long long> rescoreAll(ProjectRepository& repo,
                                           const CompiledCriteria& criteria,
                                           const ProgressFn& progress = {},
                                           const std::atomic<bool>* cancel = nullptr,
                                           const ReopenProject& aside = nullptr);

/// Scores every stored assessment in memory, writing nothing (what-if under another set).
[[nodiscard]] Result<ScoreTimeline> scoreTimelineInMemory(
    const ProjectRepository& repo, const CompiledCriteria& criteria,
    const ProgressFn& progress = {}, const std::atomic<bool>* cancel = nullptr);

}  // namespace safemap
