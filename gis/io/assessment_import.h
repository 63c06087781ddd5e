#pragma once

#include <atomic>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/storage/assessment_store.h"
#include "core/text/legacy_encodings.h"

namespace safemap {

class ProjectStore;
struct CompiledCriteria;

/// \brief How to read an assessment file.
struct AssessmentImportOptions {
    std::optional<TextEncoding> encoding;  ///< CSV only; detected when empty
    std::string sheet;                     ///< XLSX/ODS sheet; the first when empty
    ProgressFn progress;
    const std::atomic<bool>* cancel = nullptr;
};

/// \brief The outcome of an assessment import, with what the reader noticed.
struct AssessmentImportResult {
    AssessmentImportSummary summary;
    std::vector<std::string> warnings;
    std::string encoding;  ///< what a CSV was decoded from
};

/// Reads assessments from CSV (UTF-8 with or without BOM, TCVN3, VNI, VISCII; comma,
/// semicolon or tab), XLSX or ODS, matches them to facilities by tax code or site id, and
/// appends them to the project with their scores under `criteria`, in one transaction. A
/// bad row stops it with file, row and column and nothing is written; assessments already
/// in the project are not added twice.
Result<AssessmentImportResult> importAssessments(ProjectStore& store, const std::string& path,
                                                 const CompiledCriteria& criteria,
                                                 const AssessmentImportOptions& options = {});

}  // namespace safemap
