#include "core/project/scoring_run.h"

#include <array>
#include <future>
#include <optional>

#include "core/errors/error_catalogue.h"
#include "core/project/project.h"
#include "core/util/handover.h"

namespace safemap {

namespace {

bool cancelled(const std::atomic<bool>* cancel) {
    return cancel && cancel->load(std::memory_order_relaxed);
}

}  // namespace

void appendScore(const CompiledCriteria& criteria, const Assessment& assessment, int64_t id,
                 ScoredBatch& out) {
    const size_t k = criteria.indexCount();
    std::array<double, kMaxCriteria> row;
    readAnswerValues(criteria, assessment, std::span<double>(row.data(), k));
    appendScoreOfRow(criteria, std::span<const double>(row.data(), k), id, out);
}

void appendScoreOfRow(const CompiledCriteria& criteria, std::span<const double> row, int64_t id,
                      ScoredBatch& out) {
    const size_t k = criteria.indexCount();
    std::array<double, kMaxCriteria> points;
    ScoreRow r;
    r.assessmentId = id;
    r.summary = scoreRow(criteria, row, std::span<double>(points.data(), k));
    // The worst index is the first with the most points, as the record shows it.
    for (size_t j = 0; j < k; ++j)
        if (r.worstIndex < 0 || points[j] > r.maxIndexPoints) {
            r.maxIndexPoints = points[j];
            r.worstIndex = static_cast<int>(j);
        }
    out.rows.push_back(r);
    out.points.insert(out.points.end(), points.begin(), points.begin() + static_cast<long>(k));
}

TimelineEntry timelineEntry(const ScoreRow& row, Date date) {
    TimelineEntry e;
    e.assessmentId = row.assessmentId;
    e.day = dayNumber(date);
    e.percent = row.summary.percent;
    e.maxIndexPoints = row.maxIndexPoints;
    e.mandatoryFailedMask = row.summary.mandatoryFailedMask;
    e.vetoMask = row.summary.vetoMask;
    e.worstIndex = static_cast<int16_t>(row.worstIndex);
    e.level = row.summary.level;
    e.safeToOperate = row.summary.safeToOperate;
    return e;
}

namespace {

// Assessments below this many ids are read on one connection: a second one would not pay
// for itself.
constexpr int64_t kSplitAtIds = 8192;
// The two threads split the ids at a multiple of the batches the GeoPackage store reads in
// (assessment_store.cpp), so that a re-score makes the same blocks on one connection or
// two, and the store, which keeps a block it is given again, writes none of them anew.
constexpr int64_t kBatchIds = 4096;

void scoreRows(const CompiledCriteria& criteria, std::span<const int64_t> ids,
               std::span<const double> rows, ScoredBatch& out) {
    const size_t k = criteria.indexCount();
    out.rows.clear();
    out.points.clear();
    for (size_t i = 0; i < ids.size(); ++i)
        appendScoreOfRow(criteria, rows.subspan(i * k, k), ids[i], out);
}

}  // namespace

Result<long long> rescoreAll(ProjectRepository& repo, const CompiledCriteria& criteria,
                             const ProgressFn& progress, const std::atomic<bool>* cancel,
                             const ReopenProject& aside) {
    // Counting reads every page of the table once more (SQLite keeps no row count), so it
    // is done only for someone who shows progress.
    long long total = 0;
    if (progress) {
        auto counted = repo.assessmentCount();
        if (!counted)
            return counted.error();
        total = *counted;
    }
    if (auto st = repo.beginReplacingScores(criteria); !st)
        return st.error();
    long long done = 0;
    auto advance = [&](size_t n) {
        done += static_cast<long long>(n);
        if (progress)
            progress(done, total);
    };

    // The newer part on a second connection, if one opens: read, scored and encoded there,
    // stored here after this thread's own part, so the blocks are stored in the order of
    // their assessments, as on one connection. Declared in this order so that on every
    // return the thread is told to stop and waited for (join) before the queue and the
    // connection it uses go.
    AssessmentIds here;
    std::optional<Project> other;
    // Blocks of scores made on the second connection's thread, waiting to be stored in the
    // order they were made. Encoded they take about 7 bytes a score, so all of them may wait.
    Handover<EncodedScores> queue;
    std::future<Status> there;
    struct Join {
        Handover<EncodedScores>& queue;
        std::future<Status>& there;
        ~Join() {
            queue.close();
            if (there.valid())
                there.wait();
        }
    } join{queue, there};
    if (aside) {
        auto span = repo.assessmentIdSpan();
        if (!span)
            return span.error();
        // Ids as SafeMap writes them (from 1 up); a file edited to hold others is read here.
        if (span->after >= 0 && span->upTo - span->after >= kSplitAtIds) {
            if (auto opened = aside()) {
                other.emplace(std::move(opened).value());
                // This thread also stores every block: it reads the oldest 40 %, the other
                // thread the rest (storing is a third of a re-score).
                const int64_t split =
                    span->after +
                    std::max<int64_t>(1, (span->upTo - span->after) / 10 * 4 / kBatchIds) *
                        kBatchIds;
                here.upTo = split;
                const AssessmentIds newer{split, span->upTo};
                there = std::async(std::launch::async, [&, newer] {
                    ScoredBatch batch;
                    const ProjectRepository& theirs = other->repository();
                    auto visit = [&](std::span<const int64_t> ids,
                                     std::span<const double> rows) -> Status {
                        if (cancelled(cancel))
                            return codedError("scoring.cancelled");
                        scoreRows(criteria, ids, rows, batch);
                        auto encoded = theirs.encodeScores(criteria, batch.rows, batch.points);
                        if (!encoded)
                            return encoded.error();
                        if (!queue.put(std::move(encoded).value()))
                            return codedError("scoring.cancelled");  // the writer gave up
                        return {};
                    };
                    auto st = theirs.forEachAnswerRow(criteria, newer, visit);
                    queue.close();
                    return st;
                });
            }
        }
    }

    ScoredBatch mine;
    auto st = repo.forEachAnswerRow(
        criteria, here, [&](std::span<const int64_t> ids, std::span<const double> rows) -> Status {
            if (cancelled(cancel))
                return codedError("scoring.cancelled");
            scoreRows(criteria, ids, rows, mine);
            if (auto w = repo.writeScores(criteria, mine.rows, mine.points); !w)
                return w;
            advance(ids.size());
            return {};
        });
    if (!st)
        return st.error();
    if (there.valid()) {
        while (auto block = queue.take()) {
            if (cancelled(cancel))
                return codedError("scoring.cancelled");
            if (auto w = repo.writeEncodedScores(criteria, *block); !w)
                return w.error();
            advance(static_cast<size_t>(block->count));
        }
        if (auto read = there.get(); !read)
            return read.error();
    }
    if (auto end = repo.endReplacingScores(criteria); !end)
        return end.error();
    return done;
}

Result<ScoreTimeline> scoreTimelineInMemory(const ProjectRepository& repo,
                                            const CompiledCriteria& criteria,
                                            const ProgressFn& progress,
                                            const std::atomic<bool>* cancel) {
    auto total = repo.assessmentCount();
    if (!total)
        return total.error();
    ScoreTimelineBuilder builder(CriteriaRef{criteria.set.id, criteria.set.version});
    long long done = 0;
    ScoredBatch scored;
    auto st = repo.forEachAssessment([&](std::span<const StoredAssessment> stored) -> Status {
        if (cancelled(cancel))
            return codedError("work.cancelled");
        for (const auto& s : stored) {
            scored.rows.clear();
            scored.points.clear();
            appendScore(criteria, s.assessment, s.id, scored);
            builder.add(s.assessment.siteId, timelineEntry(scored.rows.front(), s.assessment.date));
        }
        done += static_cast<long long>(stored.size());
        if (progress)
            progress(done, *total);
        return {};
    });
    if (!st)
        return st.error();
    return std::move(builder).finish();
}

}  // namespace safemap
