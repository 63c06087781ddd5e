#include "gis/io/assessment_import.h"

#include <filesystem>

#include "core/assessments/assessment_table.h"
#include "core/scoring/compiled_criteria.h"
#include "core/storage/project_store.h"
#include "core/storage/site_store.h"
#include "core/tabular/csv_reader.h"
#include "gis/io/spreadsheet_table.h"

namespace safemap {

Result<AssessmentImportResult> importAssessments(ProjectStore& store, const std::string& path,
                                                 const CompiledCriteria& criteria,
                                                 const AssessmentImportOptions& options) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (auto& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    Result<Table> table = (ext == ".xlsx" || ext == ".ods")
                              ? readSpreadsheetTable(path, options.sheet)
                              : readCsvFile(path, options.encoding);
    if (!table)
        return table.error();
    if (options.cancel && options.cancel->load())
        return Error("cancelled: nothing was imported");
    auto parsed = parseAssessmentTable(*table, criteria.set,
                                       SiteLookup::from(loadFactories(store.database())));
    if (!parsed)
        return parsed.error();
    auto sum = insertAssessments(store.database(), parsed->assessments, parsed->rows,
                                 table->fileName, &criteria, options.progress, options.cancel);
    if (!sum)
        return sum.error();
    AssessmentImportResult result;
    result.summary = *sum;
    result.warnings = std::move(parsed->warnings);
    result.encoding = std::string(encodingName(table->encoding));
    return result;
}

}  // namespace safemap
