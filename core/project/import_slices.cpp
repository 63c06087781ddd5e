#include "core/project/import_slices.h"

#include <algorithm>
#include <new>

#include "core/errors/error_catalogue.h"

namespace safemap {

namespace {

// Reads and scores the rows of one piece of the source into slices; false once the import
// stops (the writer gave up, a cancel, a bad row).
bool sliceOnePiece(const Table& piece, const std::vector<RowRole>* roles,
                   const AssessmentRowReader& reader, const CompiledCriteria& criteria,
                   AnswerEncoder* encoder, std::size_t rowsPerSlice, long long before,
                   long long span, SliceHandover& empty, SliceHandover& full,
                   const std::atomic<bool>* cancel) {
    const std::size_t total = roles ? piece.rows.size() : reader.rowCount();
    for (std::size_t first = 0; first < total; first += rowsPerSlice) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return false;
        auto slot = empty.take();
        if (!slot)
            return false;
        ScoredSlice& slice = **slot;
        slice.parsed.startNextSlice();
        slice.scored.rows.clear();
        slice.scored.points.clear();
        slice.status = roles ? reader.read(piece, *roles, first, rowsPerSlice, slice.parsed)
                             : reader.read(first, rowsPerSlice, slice.parsed);
        slice.encoded.clear();
        const bool failed = !slice.status;
        // Scoring and encoding go to whichever side has time: with no slice waiting for it,
        // the writer would sit idle while this thread scored, so the rows go over as read and
        // the writer scores and encodes them. Otherwise this thread does, and the writer only
        // stores. On two cores neither thread then waits long for the other, however the
        // work of reading and of storing compare on a file.
        slice.scoredHere = !failed && full.waiting() > 0;
        if (slice.scoredHere) {
            for (const Assessment& a : slice.parsed.assessments)
                appendScore(criteria, a, 0, slice.scored);
            if (encoder) {
                encoder->refresh();
                for (const Assessment& a : slice.parsed.assessments)
                    encoder->encode(a, slice.encoded);
            }
        }
        // Rows of this piece done, as a share of the piece's part of the source.
        slice.progress =
            before + span * static_cast<long long>(std::min(total, first + rowsPerSlice)) /
                         static_cast<long long>(std::max<std::size_t>(total, 1));
        if (!full.put(std::move(*slot)) || failed)
            return false;
    }
    return true;
}

void readAllSlices(TableSource& source, AssessmentRowReader& reader,
                   const CompiledCriteria& criteria, AnswerEncoder* encoder,
                   std::size_t rowsPerSlice, SliceHandover& empty, SliceHandover& full,
                   const std::atomic<bool>* cancel) {
    if (!sliceOnePiece(source.head(), nullptr, reader, criteria, encoder, rowsPerSlice, 0,
                       source.done(), empty, full, cancel))
        return;
    Table piece;
    for (;;) {
        const long long before = source.done();
        auto more = source.next(piece);
        if (!more) {
            if (auto slot = empty.take()) {
                (*slot)->parsed.startNextSlice();
                (*slot)->scored = {};
                (*slot)->status = more.error();
                full.put(std::move(*slot));
            }
            return;
        }
        if (!*more)
            return;
        const std::vector<RowRole> roles = reader.rolesOf(piece);
        if (!sliceOnePiece(piece, &roles, reader, criteria, encoder, rowsPerSlice, before,
                           source.done() - before, empty, full, cancel))
            return;
    }
}

}  // namespace

void readScoredSlices(TableSource& source, AssessmentRowReader& reader,
                      const CompiledCriteria& criteria, AnswerEncoder* encoder,
                      std::size_t rowsPerSlice, SliceHandover& empty, SliceHandover& full,
                      const std::atomic<bool>* cancel) {
    try {
        readAllSlices(source, reader, criteria, encoder, rowsPerSlice, empty, full, cancel);
    } catch (const std::bad_alloc&) {
        // On the caller's thread this would have reached the caller; here it would end the
        // program, so it ends the import instead.
        auto failure = std::make_unique<ScoredSlice>();
        failure->status = codedError("storage.out_of_memory");
        full.put(std::move(failure));
    }
    full.close();
}

void scoresOfStored(ScoredSlice& slice, std::span<const std::int64_t> ids,
                    const CompiledCriteria& criteria) {
    ScoredBatch& scored = slice.scored;
    if (!slice.scoredHere) {
        scored.rows.clear();
        scored.points.clear();
        for (std::size_t i = 0; i < ids.size() && i < slice.parsed.assessments.size(); ++i)
            if (ids[i] != 0)
                appendScore(criteria, slice.parsed.assessments[i], ids[i], scored);
        return;
    }
    const std::size_t indexCount = criteria.indexCount();
    std::size_t kept = 0;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (ids[i] == 0)
            continue;
        if (kept != i) {
            scored.rows[kept] = scored.rows[i];
            std::copy_n(scored.points.begin() + static_cast<long>(i * indexCount), indexCount,
                        scored.points.begin() + static_cast<long>(kept * indexCount));
        }
        scored.rows[kept].assessmentId = ids[i];
        ++kept;
    }
    scored.rows.resize(kept);
    scored.points.resize(kept * indexCount);
}

}  // namespace safemap
