#include "core/scoring/score.h"

#include <array>
#include <cmath>

#include "core/errors/error_catalogue.h"

namespace safemap {

namespace {

// The inner loop of both APIs, so that the batch and the per-assessment scores can never
// disagree. Everything it touches is in flat arrays; no allocation, no strings.
ScoreSummary scoreDense(const CompiledCriteria& cc, const double* row, double* pointsOut) {
    ScoreSummary s;
    std::array<double, kMaxCriteria> pts;
    const std::size_t k = cc.indices.size();
    const double* cuts = cc.cuts.data();
    const double* table = cc.points.data();
    double sum = 0;
    for (std::size_t j = 0; j < k; ++j) {
        const CompiledIndex& ci = cc.indices[j];
        const double v = row[j];
        const std::uint64_t bit = std::uint64_t{1} << j;
        double p = ci.pointsMax;
        if (v != v) {
            s.missingMask |= bit;
        } else if (ci.kind == CompiledIndex::Kind::Cuts) {
            if (v >= ci.lo && v < ci.hi) {
                std::uint32_t band = 0;
                const double* c = cuts + ci.first;
                for (std::uint32_t b = 0; b + 1 < ci.count; ++b)
                    band += v >= c[b];
                p = table[ci.first + band];
            } else {
                s.invalidMask |= bit;
            }
        } else {
            if (v >= 0 && v < static_cast<double>(ci.count) && v == std::floor(v))
                p = table[ci.first + static_cast<std::uint32_t>(v)];
            else
                s.invalidMask |= bit;
        }
        if (p >= ci.failAt)
            s.mandatoryFailedMask |= bit;
        pts[j] = p;
        sum += p;
    }
    if (pointsOut)
        for (std::size_t j = 0; j < k; ++j)
            pointsOut[j] = pts[j];
    s.points = sum;
    // Multiply before dividing: with whole points and thresholds this is exact at the
    // boundaries (48 of 160 points is exactly 30 %, never 29.999…).
    s.percent = sum * 100.0 / cc.pointsMaxSum;
    for (const CompiledLevel& l : cc.levels) {
        if (s.percent < l.cut) {
            s.level = l.level;
            s.safeToOperate = l.safeToOperate;
            break;
        }
    }
    for (std::size_t v = 0; v < cc.vetoes.size(); ++v) {
        const CompiledVeto& veto = cc.vetoes[v];
        if (veto.whenLevel != s.level)
            continue;
        for (std::size_t j = 0; j < k; ++j) {
            if ((veto.indexMask >> j & 1) && pts[j] >= veto.atLeast) {
                s.vetoMask |= std::uint32_t{1} << v;
                s.safeToOperate = false;
                break;
            }
        }
    }
    return s;
}

}  // namespace

namespace {

// Calls visit(k, answer or null) for every index k of the set, walking the set's ids (in
// idOrder) and the assessment's answers (a map, in the same order) together: no lookup per
// index.
template <class Visit>
void forEachAnswer(const CompiledCriteria& criteria, const Assessment& assessment, Visit visit) {
    auto it = assessment.answers.begin();
    const auto end = assessment.answers.end();
    for (const std::uint16_t k : criteria.idOrder) {
        const std::string& id = criteria.set.indices[k].id;
        while (it != end && it->first < id)
            ++it;
        visit(k, it != end && it->first == id ? &it->second : nullptr);
    }
}

}  // namespace

std::vector<AnswerReading> readAnswers(const CompiledCriteria& criteria,
                                       const Assessment& assessment) {
    std::vector<AnswerReading> out(criteria.indexCount());
    forEachAnswer(criteria, assessment, [&](std::size_t k, const AnswerValue* answer) {
        const Criterion& c = criteria.set.indices[k];
        out[k] =
            answer ? readAnswer(c, *answer, &criteria.choiceLookups[k]) : readAnswerText(c, "");
    });
    return out;
}

void readAnswerValues(const CompiledCriteria& criteria, const Assessment& assessment,
                      std::span<double> row) {
    forEachAnswer(criteria, assessment, [&](std::size_t k, const AnswerValue* answer) {
        row[k] =
            answer ? readAnswer(criteria.set.indices[k], *answer, &criteria.choiceLookups[k]).value
                   : criteria.unanswered[k];
    });
}

ScoreSummary scoreRow(const CompiledCriteria& criteria, std::span<const double> row,
                      std::span<double> pointsOut) {
    return scoreDense(criteria, row.data(), pointsOut.empty() ? nullptr : pointsOut.data());
}

Status scoreBatch(const CompiledCriteria& criteria, std::span<const double> answers,
                  std::span<ScoreSummary> out) {
    const std::size_t k = criteria.indexCount();
    if (answers.size() != out.size() * k)
        return codedError("internal.score_batch", {std::to_string(answers.size()),
                                                   std::to_string(out.size()), std::to_string(k)});
    const double* row = answers.data();
    for (ScoreSummary& s : out) {
        s = scoreDense(criteria, row, nullptr);
        row += k;
    }
    return {};
}

ScoreResult scoreAssessment(const CompiledCriteria& criteria, const Assessment& assessment) {
    const CriteriaSet& set = criteria.set;
    const std::size_t k = criteria.indexCount();
    std::vector<AnswerReading> readings = readAnswers(criteria, assessment);
    std::array<double, kMaxCriteria> row;
    std::array<double, kMaxCriteria> pts;
    for (std::size_t j = 0; j < k; ++j)
        row[j] = readings[j].value;
    const ScoreSummary s = scoreDense(criteria, row.data(), pts.data());

    ScoreResult r;
    r.criteriaSetId = set.id;
    r.criteriaSetVersion = set.version;
    r.siteId = assessment.siteId;
    r.date = assessment.date;
    r.indices.reserve(k);
    for (std::size_t j = 0; j < k; ++j) {
        const Criterion& c = set.indices[j];
        AnswerReading& a = readings[j];
        r.indices.push_back({c.id, a.status, a.value, pts[j], c.pointsMax, a.problem.text()});
        if (a.status == AnswerStatus::Missing)
            r.missing.push_back(c.id);
        if (a.status == AnswerStatus::Invalid)
            r.invalid.push_back(c.id);
        if (s.mandatoryFailedMask >> j & 1)
            r.mandatoryFailed.push_back(c.id);
    }
    for (const auto& [id, value] : assessment.answers)
        if (criteria.positionOf(id) < 0)
            r.unknownAnswers.push_back(id);
    r.points = s.points;
    r.pointsMax = criteria.pointsMaxSum;
    r.percent = s.percent;
    r.level = s.level;
    r.safeToOperate = s.safeToOperate;
    for (std::size_t v = 0; v < set.vetoes.size(); ++v)
        if (s.vetoMask >> v & 1)
            r.vetoesFired.push_back(set.vetoes[v].id);
    return r;
}

ScoreResult scoreAssessment(const CriteriaSet& set, const Assessment& assessment) {
    return scoreAssessment(compileCriteria(set), assessment);
}

}  // namespace safemap
