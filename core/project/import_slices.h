#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <span>

#include "core/assessments/assessment_table.h"
#include "core/project/repository.h"
#include "core/project/scoring_run.h"
#include "core/result.h"
#include "core/scoring/compiled_criteria.h"
#include "core/tabular/table_source.h"
#include "core/util/handover.h"

namespace safemap {

/// \brief A slice of an assessment table, read, checked and scored, on its way to be stored.
struct ScoredSlice {
    ParsedAssessments parsed;
    /// A score per parsed row, in order, under assessment id 0: which rows are stored, and
    /// under which ids, is known only once they are (scoresOfStored).
    ScoredBatch scored;
    /// Whether the reading thread scored (and encoded) the rows: it leaves that to the writer
    /// when the writer has nothing else to do.
    bool scoredHere = false;
    /// The rows' answers in the store's form where the import's encoder could make them
    /// (ProjectRepository::answerEncoder); empty without one.
    EncodedAnswers encoded;
    /// How far through the source this slice reaches, in TableSource::done()'s unit.
    long long progress = 0;
    /// Reading failed here (a bad row, a source that cannot be read): the last slice.
    Status status;
};

using SliceHandover = Handover<std::unique_ptr<ScoredSlice>>;

/// Reads `source` (its head, then each piece) with `reader` in slices of `rowsPerSlice`
/// rows and hands them to `full` in order. While a slice waits in `full` (the writer is
/// busy) it also scores the rows of the next under `criteria` and encodes their answers with
/// `encoder` where there is one (used on this thread only from then on); otherwise it leaves
/// that to the writer (ScoredSlice::scoredHere). It fills the slices it takes from `empty`,
/// then closes `full`. A failure goes over as the last slice, with its error. Stops early
/// when the writer closes either hand-over or `cancel` is set. Meant for a thread of its
/// own: an import reads the next slice while it stores this one (importAssessments).
/// Reading, scoring and encoding touch no store.
void readScoredSlices(TableSource& source, AssessmentRowReader& reader,
                      const CompiledCriteria& criteria, AnswerEncoder* encoder,
                      std::size_t rowsPerSlice, SliceHandover& empty, SliceHandover& full,
                      const std::atomic<bool>* cancel);

/// Leaves in `slice.scored` the scores of the rows that were stored, each under its id, in
/// order: `ids` holds one id per parsed row, 0 where the row was not stored (already in the
/// project). Keeps the reading thread's scores, or scores the rows here where it did not.
void scoresOfStored(ScoredSlice& slice, std::span<const std::int64_t> ids,
                    const CompiledCriteria& criteria);

}  // namespace safemap
