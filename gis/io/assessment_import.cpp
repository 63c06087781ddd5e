#include "gis/io/assessment_import.h"

#include "core/assessments/assessment_table.h"
#include "core/errors/error_catalogue.h"
#include "core/project/criteria_use.h"
#include "core/project/project.h"
#include "core/tabular/csv_chunks.h"
#include "gis/io/table_file.h"

namespace safemap {

Result<AssessmentFileImport> importAssessmentsFile(Project& project, const std::string& path,
                                                   const TableImportOptions& options,
                                                   const AssessmentImportRequest& request) {
    // The header is found by the index names of the set the rows will be read with.
    std::vector<std::string> names;
    auto set = request.criteria ? Result<std::shared_ptr<const CriteriaSet>>(request.criteria)
                                : activeOrFallback(project, request.fallback);
    if (!set)
        return set.error();
    if (*set)
        names = assessmentHeaderNames(**set);
    if (!isWorkbookPath(path)) {
        // A CSV arrives a couple of megabytes at a time: a million rows never sit in memory.
        CsvOptions csv;
        csv.encoding = options.encoding;
        csv.headerNames = names;
        auto chunks = CsvChunks::open(path, csv);
        if (!chunks)
            return chunks.error();
        if (request.cancel && request.cancel->load())
            return codedError("import.cancelled", {}, path);
        auto outcome = importAssessments(project, **chunks, request);
        if (!outcome)
            return outcome.error();
        return AssessmentFileImport{std::move(outcome).value(),
                                    std::string(encodingName((*chunks)->head().encoding))};
    }
    auto table = readTableFile(path, options.encoding, options.sheet, names);
    if (!table)
        return table.error();
    if (request.cancel && request.cancel->load())
        return codedError("import.cancelled", {}, table->fileName);
    auto outcome = importAssessments(project, *table, request);
    if (!outcome)
        return outcome.error();
    return AssessmentFileImport{std::move(outcome).value(),
                                std::string(encodingName(table->encoding))};
}

Result<InspectionFileImport> importInspectionsFile(Project& project, const std::string& path,
                                                   const TableImportOptions& options) {
    auto table = readTableFile(path, options.encoding, options.sheet);
    if (!table)
        return table.error();
    auto outcome = importInspections(project, *table);
    if (!outcome)
        return outcome.error();
    return InspectionFileImport{*outcome, std::string(encodingName(table->encoding))};
}

}  // namespace safemap
