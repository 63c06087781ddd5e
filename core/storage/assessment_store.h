#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/criteria/criteria_ref.h"
#include "core/criteria/criteria_set.h"
#include "core/model/assessment.h"
#include "core/project/records.h"
#include "core/project/repository.h"
#include "core/project/score_timeline.h"
#include "core/result.h"
#include "core/storage/answer_encoder.h"
#include "core/storage/database.h"
#include "core/storage/newest_days.h"

namespace safemap {

// The assessments part of the GeoPackage repository (gpkg_repository.h).
// Writes run inside the caller's transaction.

/// The key that makes imports idempotent: site, date, submitter and every answer. The same
/// assessment imported twice (from the same or another file) is stored once. Hex text.
std::string assessmentContentKey(const Assessment& a);
/// The same key as the 16 bytes the store keeps.
std::vector<uint8_t> assessmentKeyBlob(const Assessment& a);

/// Answers as a JSON object (numbers, booleans, texts), keys sorted.
std::string answersToJson(const Assessment& a);
std::map<std::string, AnswerValue> answersFromJson(const std::string& json);

/// Stores the assessments not stored yet (same site, day, submitter and answers) and gives
/// each one's fid in `ids`, 0 for one stored already. With `newest` (the same for every call
/// of one import), rows dated after their facility's newest day are not looked for. Rows
/// whose answers `encoded` holds are stored with those bytes; the others are encoded here,
/// and the terms met doing so are published to `terms` for the import's encoder.
[[nodiscard]] Status appendAssessments(Database& db, std::span<const Assessment> assessments,
                                       std::span<const long> sourceRows, int64_t importId,
                                       std::vector<int64_t>& ids, NewestDays* newest = nullptr,
                                       const EncodedAnswers* encoded = nullptr,
                                       SharedTerms* terms = nullptr);
[[nodiscard]] Status forEachAssessment(
    const Database& db, const std::function<Status(std::span<const StoredAssessment>)>& visit);
[[nodiscard]] Status forEachAnswerRow(const Database& db, const CompiledCriteria& criteria,
                                      const AssessmentIds& ids, const AnswerRowVisit& visit);
[[nodiscard]] Result<std::vector<AssessmentRecord>> assessmentsOf(const Database& db,
                                                                  const std::string& siteId);
/// The dates the stored assessments fall on, oldest first, each once.
[[nodiscard]] Result<std::vector<Date>> assessmentDates(const Database& db);

/// Migration 6: answers as JSON text into the stored form of answer_codec.h, with the
/// `answer_terms` table it refers to.
[[nodiscard]] Status migrateAnswersToTerms(Database& db);

/// Migration 8: `assessments` without its `content_key` column and that column's unique
/// index; imports find an assessment stored already by its site and day (docs/storage.md).
[[nodiscard]] Status migrateAssessmentsWithoutKeys(Database& db);

}  // namespace safemap
