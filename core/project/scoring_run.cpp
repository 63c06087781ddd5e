#include "core/project/scoring_run.h"

#include <array>

#include "core/errors/error_catalogue.h"

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
    const auto readings = readAnswers(criteria, assessment);
    for (size_t j = 0; j < k; ++j)
        row[j] = readings[j].value;
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

Result<long long> rescoreAll(ProjectRepository& repo, const CompiledCriteria& criteria,
                             const ProgressFn& progress, const std::atomic<bool>* cancel) {
    // Counting reads every page of the table once more (SQLite keeps no row count), so it
    // is done only for someone who shows progress.
    long long total = 0;
    if (progress) {
        auto counted = repo.assessmentCount();
        if (!counted)
            return counted.error();
        total = *counted;
    }
    if (auto st = repo.clearScores(criteria); !st)
        return st.error();
    long long done = 0;
    ScoredBatch scored;
    const size_t k = criteria.indexCount();
    auto st = repo.forEachAnswerRow(
        criteria, [&](std::span<const int64_t> ids, std::span<const double> rows) -> Status {
            if (cancelled(cancel))
                return codedError("scoring.cancelled");
            scored.rows.clear();
            scored.points.clear();
            for (size_t i = 0; i < ids.size(); ++i)
                appendScoreOfRow(criteria, rows.subspan(i * k, k), ids[i], scored);
            if (auto w = repo.writeScores(criteria, scored.rows, scored.points); !w)
                return w;
            done += static_cast<long long>(ids.size());
            if (progress)
                progress(done, total);
            return {};
        });
    if (!st)
        return st.error();
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
