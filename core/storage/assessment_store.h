#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/criteria/criteria_set.h"
#include "core/model/assessment.h"
#include "core/result.h"

namespace safemap {

class Database;
struct CompiledCriteria;

/// \brief An assessment as stored, with where it came from.
struct AssessmentRecord {
    int64_t id = 0;
    Assessment assessment;
    std::string sourceFile;
    long sourceRow = -1;
};

/// \brief What an assessment import did.
struct AssessmentImportSummary {
    int rows = 0;
    int inserted = 0;
    int alreadyPresent = 0;  ///< identical assessments already in the project (not re-added)
    int scored = 0;
};

/// Progress callback (done, total) and cancel flag shared by the long operations here.
using ProgressFn = std::function<void(long long done, long long total)>;

/// The key that makes imports idempotent: site, date, submitter and every answer. The same
/// assessment imported twice (from the same or another file) is stored once.
std::string assessmentContentKey(const Assessment& a);

/// Answers as a JSON object (numbers, booleans, texts), keys sorted.
std::string answersToJson(const Assessment& a);
std::map<std::string, AnswerValue> answersFromJson(const std::string& json);

/// Appends assessments (history is never overwritten) and, if `scoreWith` is given, their
/// scores under that set, in one transaction: all rows or none. `sourceRows[i]` is the row
/// of assessments[i] in its file (for the record).
Result<AssessmentImportSummary> insertAssessments(
    Database& db, const std::vector<Assessment>& assessments, const std::vector<long>& sourceRows,
    const std::string& sourceFile, const CompiledCriteria* scoreWith,
    const ProgressFn& progress = {}, const std::atomic<bool>* cancel = nullptr);

/// Every assessment (of one site if `siteId` is given), oldest first.
std::vector<AssessmentRecord> loadAssessments(const Database& db, const std::string& siteId = {});

/// Scores every stored assessment with `criteria` (replacing earlier scores by the same
/// set and version) in one transaction. Returns how many were scored.
Result<long long> rescoreAll(Database& db, const CompiledCriteria& criteria,
                             const ProgressFn& progress = {},
                             const std::atomic<bool>* cancel = nullptr);

/// Stores a criteria set's definition (id, version) and optionally makes it the active set.
Status storeCriteriaSet(Database& db, const CriteriaSet& set, bool makeActive);
/// The active set (safemap_meta criteria.active), if one was chosen.
std::optional<CriteriaSet> activeCriteriaSet(const Database& db);
/// Every stored set as (id, version, name), newest version first within an id.
struct StoredCriteriaSet {
    std::string id;
    int version = 0;
    std::string name;
};
std::vector<StoredCriteriaSet> storedCriteriaSets(const Database& db);
Result<CriteriaSet> loadStoredCriteriaSet(const Database& db, const std::string& id, int version);

/// \brief An inspection as recorded by an inspector.
struct Inspection {
    std::string siteId;
    Date date{};
    std::string inspector;
    bool measuresOk = true;
    std::string finding;
    std::string source;
};
Status addInspection(Database& db, const Inspection& inspection);
/// Adds inspections in one transaction, skipping any already recorded (same site, date,
/// inspector and finding); returns how many were new.
Result<int> addInspections(Database& db, const std::vector<Inspection>& inspections,
                           const std::string& sourceFile);
std::vector<Inspection> loadInspections(const Database& db, const std::string& siteId = {});

}  // namespace safemap
