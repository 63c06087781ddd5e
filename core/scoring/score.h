#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/criteria/answer_reading.h"
#include "core/criteria/criteria_set.h"
#include "core/model/assessment.h"
#include "core/result.h"
#include "core/scoring/compiled_criteria.h"

namespace safemap {

/// \brief How one index of an assessment scored.
struct IndexScore {
    std::string indexId;
    AnswerStatus status = AnswerStatus::Missing;
    double value = 0;  ///< the dense answer (see AnswerReading)
    double points = 0;
    double pointsMax = 0;
    std::string problem;  ///< why an Invalid answer was refused
};

/// \brief The full score of one assessment, for records, reports and the rules engine.
///
/// A missing or invalid answer scores its index's points_max (the worst case, so leaving
/// a question blank never lowers the risk) and is listed in `missing` / `invalid`.
/// `safeToOperate` is what the level and vetoes say (Hà Nội 1987/UBND-KT reason ii);
/// failed mandatory measures are reported apart in `mandatoryFailed` (reason i) and do not
/// change it, so each reason can be shown on its own.
struct ScoreResult {
    std::string criteriaSetId;
    int criteriaSetVersion = 0;
    std::string siteId;
    Date date{};
    std::vector<IndexScore> indices;          ///< in the set's order
    std::vector<std::string> missing;         ///< index ids without an answer
    std::vector<std::string> invalid;         ///< index ids whose answer could not be used
    std::vector<std::string> unknownAnswers;  ///< answer keys the set has no index for
    double points = 0;
    double pointsMax = 0;
    double percent = 0;
    RiskLevel level = RiskLevel::VeryLow;
    bool safeToOperate = true;
    std::vector<std::string> vetoesFired;      ///< veto ids
    std::vector<std::string> mandatoryFailed;  ///< index ids of mandatory measures not met

    bool measuresImplemented() const { return mandatoryFailed.empty(); }
    bool complete() const { return missing.empty() && invalid.empty(); }
};

/// \brief The compact score the batch API writes: bit k of a mask is index k of the set
/// (veto v for vetoMask).
struct ScoreSummary {
    double points = 0;
    double percent = 0;
    std::uint64_t missingMask = 0;
    std::uint64_t invalidMask = 0;
    std::uint64_t mandatoryFailedMask = 0;
    std::uint32_t vetoMask = 0;
    RiskLevel level = RiskLevel::VeryLow;
    bool safeToOperate = true;
};

/// Reads every answer of an assessment against the compiled set, in the set's order.
std::vector<AnswerReading> readAnswers(const CompiledCriteria& criteria,
                                       const Assessment& assessment);
/// The values of readAnswers alone, into `row` (criteria.indexCount() of them): what an
/// import scores each row with, a million times, so without a lookup per index or the
/// readings' problems.
void readAnswerValues(const CompiledCriteria& criteria, const Assessment& assessment,
                      std::span<double> row);

/// Scores one dense row (criteria.indexCount() values, NaN = missing, a value no band or
/// table accepts = invalid). If pointsOut is not empty it receives each index's points.
/// Precondition: row.size() == criteria.indexCount(), pointsOut empty or the same size.
ScoreSummary scoreRow(const CompiledCriteria& criteria, std::span<const double> row,
                      std::span<double> pointsOut = {});

/// Scores n assessments given as a row-major n × k array of dense answers (k =
/// criteria.indexCount(), n = out.size()) on the calling thread. Fails, writing nothing,
/// if answers.size() != n × k.
Status scoreBatch(const CompiledCriteria& criteria, std::span<const double> answers,
                  std::span<ScoreSummary> out);

/// Scores one assessment. Pure and deterministic: the same set and answers always give the
/// same result.
ScoreResult scoreAssessment(const CompiledCriteria& criteria, const Assessment& assessment);
/// Convenience form that compiles the set first; compile once instead when scoring many.
ScoreResult scoreAssessment(const CriteriaSet& set, const Assessment& assessment);

}  // namespace safemap
