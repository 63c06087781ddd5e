#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>

#include "core/project/imports.h"
#include "core/result.h"
#include "core/text/legacy_encodings.h"

namespace safemap {

class Project;

/// \brief How to read and import an assessment or inspection file.
struct TableImportOptions {
    std::optional<TextEncoding> encoding;  ///< CSV only; detected when empty
    std::string sheet;                     ///< XLSX/ODS sheet; the first when empty
};

/// \brief The outcome of an assessment import, with how the file was read.
struct AssessmentFileImport {
    AssessmentImportOutcome outcome;
    std::string encoding;  ///< what a CSV was decoded from
};

/// Reads assessments from CSV (UTF-8 with or without BOM, TCVN3, VNI, VISCII; comma,
/// semicolon or tab), XLSX or ODS and imports them (importAssessments: one transaction,
/// all rows or none, a bad row named by file, row and column).
[[nodiscard]] Result<AssessmentFileImport> importAssessmentsFile(
    Project& project, const std::string& path, const TableImportOptions& options,
    const AssessmentImportRequest& request);

/// \brief The outcome of an inspection import, with how the file was read.
struct InspectionFileImport {
    InspectionImportOutcome outcome;
    std::string encoding;
};

/// Reads inspections from CSV, XLSX or ODS and imports them (importInspections).
[[nodiscard]] Result<InspectionFileImport> importInspectionsFile(
    Project& project, const std::string& path, const TableImportOptions& options = {});

}  // namespace safemap
