#include "core/project/repository.h"

#include <algorithm>

#include "core/errors/error_catalogue.h"

namespace safemap {

Status ProjectRepository::forEachAnswerRow(const CompiledCriteria& criteria,
                                           const AssessmentIds& wanted,
                                           const AnswerRowVisit& visit) const {
    const size_t k = criteria.indexCount();
    std::vector<int64_t> ids;
    std::vector<double> rows;
    return forEachAssessment([&](std::span<const StoredAssessment> batch) -> Status {
        ids.clear();
        rows.clear();
        for (const auto& s : batch) {
            if (!wanted.contains(s.id))
                continue;
            ids.push_back(s.id);
            for (const auto& reading : readAnswers(criteria, s.assessment))
                rows.push_back(reading.value);
        }
        if (rows.size() != ids.size() * k)
            return codedError(
                "internal.score_batch",
                {std::to_string(rows.size()), std::to_string(ids.size()), std::to_string(k)});
        return ids.empty() ? Status{} : visit(ids, rows);
    });
}

Result<EncodedScores> ProjectRepository::encodeScores(const CompiledCriteria& /*criteria*/,
                                                      std::span<const ScoreRow> rows,
                                                      std::span<const double> points) const {
    EncodedScores out;
    out.rows.assign(rows.begin(), rows.end());
    out.points.assign(points.begin(), points.end());
    out.count = static_cast<int64_t>(rows.size());
    if (!rows.empty())
        out.first = out.last = rows.front().assessmentId;
    for (const ScoreRow& r : rows) {
        out.first = std::min(out.first, r.assessmentId);
        out.last = std::max(out.last, r.assessmentId);
    }
    return out;
}

Status ProjectRepository::writeEncodedScores(const CompiledCriteria& criteria,
                                             const EncodedScores& scores) {
    return writeScores(criteria, scores.rows, scores.points);
}

Result<AssessmentIds> ProjectRepository::assessmentIdSpan() const {
    std::optional<AssessmentIds> span;
    auto st = forEachAssessment([&](std::span<const StoredAssessment> batch) -> Status {
        for (const auto& s : batch) {
            if (!span)
                span = AssessmentIds{s.id - 1, s.id};
            span->after = std::min(span->after, s.id - 1);
            span->upTo = std::max(span->upTo, s.id);
        }
        return {};
    });
    if (!st)
        return st.error();
    return span.value_or(AssessmentIds{0, 0});
}

Result<std::vector<Factory>> ProjectRepository::factoryPositions() const {
    return factories();
}

std::unique_ptr<AnswerEncoder> ProjectRepository::answerEncoder(int64_t) {
    return nullptr;
}

Status ProjectRepository::appendEncodedAssessments(std::span<const Assessment> assessments,
                                                   std::span<const long> sourceRows,
                                                   int64_t importId, const EncodedAnswers&,
                                                   std::vector<int64_t>& ids) {
    return appendAssessments(assessments, sourceRows, importId, ids);
}

Result<std::vector<Factory>> ProjectRepository::factoryKeys() const {
    return factories();
}

Status ProjectRepository::beginReplacingScores(const CompiledCriteria& criteria) {
    return clearScores(criteria);
}

Status ProjectRepository::endReplacingScores(const CompiledCriteria&) {
    return {};
}

Result<std::vector<std::string>> ProjectRepository::factoryIds() const {
    auto keys = factoryKeys();
    if (!keys)
        return keys.error();
    std::vector<std::string> ids;
    ids.reserve(keys->size());
    for (Factory& f : *keys)
        ids.push_back(std::move(f.id));
    std::sort(ids.begin(), ids.end());
    return ids;
}

Result<std::vector<Date>> ProjectRepository::assessmentDates() const {
    std::vector<Date> dates;
    if (auto st = forEachAssessment([&](std::span<const StoredAssessment> batch) -> Status {
            for (const StoredAssessment& s : batch)
                dates.push_back(s.assessment.date);
            return {};
        });
        !st)
        return st.error();
    std::sort(dates.begin(), dates.end());
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
    return dates;
}

Result<ScoreTimeline> ProjectRepository::latestScores(const CompiledCriteria& criteria,
                                                      size_t perSite) const {
    auto all = scoreTimeline(criteria);
    if (!all)
        return all.error();
    return keepNewest(std::move(all).value(), perSite);
}

}  // namespace safemap
