#pragma once

#include <atomic>
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

/// Replaces every score of `criteria` by a fresh one of each stored assessment. Must run
/// inside the caller's write transaction; returns how many were scored.
[[nodiscard]] Result<long long> rescoreAll(ProjectRepository& repo,
                                           const CompiledCriteria& criteria,
                                           const ProgressFn& progress = {},
                                           const std::atomic<bool>* cancel = nullptr);

/// Scores every stored assessment in memory, writing nothing (what-if under another set).
[[nodiscard]] Result<ScoreTimeline> scoreTimelineInMemory(
    const ProjectRepository& repo, const CompiledCriteria& criteria,
    const ProgressFn& progress = {}, const std::atomic<bool>* cancel = nullptr);

}  // namespace safemap
