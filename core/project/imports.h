#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "core/criteria/criteria_set.h"
#include "core/project/project_facts.h"
#include "core/project/records.h"
#include "core/result.h"
#include "core/tabular/table.h"
#include "core/tabular/table_source.h"

namespace safemap {

class Project;

/// Writes sites read from a source (new ones inserted, known ones updated by stable id)
/// in one transaction. `sourceName` is logged with the import.
[[nodiscard]] Result<ImportSummary> importSites(Project& project, const SiteBatch& batch,
                                                const std::string& sourceName);

/// \brief How to import a table of assessments.
struct AssessmentImportRequest {
    /// Score with this set and make it the active one. Null: the active set, or
    /// `fallback` (then made active) when the project has none yet.
    std::shared_ptr<const CriteriaSet> criteria;
    std::shared_ptr<const CriteriaSet> fallback;
    ProgressFn progress;
    const std::atomic<bool>* cancel = nullptr;
};

/// \brief What an assessment import did.
struct AssessmentImportOutcome {
    int rows = 0;
    int inserted = 0;
    int alreadyPresent = 0;  ///< identical assessments already in the project (not re-added)
    CriteriaRef scoredWith;
    bool criteriaChanged = false;  ///< the import made another set active (and re-scored)
    std::vector<Error> warnings;   ///< notes with file and row (coded: see error_catalogue.h)
};

/// Appends the assessments of `table` (matched to facilities by tax code or site id) and
/// their scores. The criteria set's storage and activation, the re-scoring it needs, the
/// assessments and their scores are one transaction: a refused or cancelled import leaves
/// the project exactly as it was.
[[nodiscard]] Result<AssessmentImportOutcome> importAssessments(
    Project& project, const Table& table, const AssessmentImportRequest& request);

/// importAssessments on a table that arrives in pieces (a CSV read by CsvChunks): the same
/// one transaction, rows, errors and notes as for the whole table, holding one piece at a time.
[[nodiscard]] Result<AssessmentImportOutcome> importAssessments(
    Project& project, TableSource& source, const AssessmentImportRequest& request);

/// \brief What an inspection import did.
struct InspectionImportOutcome {
    int rows = 0;
    int inserted = 0;
    int alreadyPresent = 0;
};

/// Adds the inspections of `table` in one transaction; ones already recorded are skipped.
[[nodiscard]] Result<InspectionImportOutcome> importInspections(Project& project,
                                                                const Table& table);

}  // namespace safemap
