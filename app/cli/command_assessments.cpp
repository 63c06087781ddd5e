// safemap import-assessments and import-inspections: the assessment side of the command line
// that reads spreadsheets (GDAL). Each calls one use case of the project layer.
#include <cstdio>

#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "app/gui/shipped_data.h"
#include "core/criteria/criteria_io.h"
#include "core/project/criteria_use.h"
#include "core/project/project.h"
#include "gis/io/assessment_import.h"

namespace safemap {

namespace {

constexpr const char* kImportAssessmentsUsage =
    "Usage: safemap import-assessments PROJECT.gpkg FILE [--encoding ENC] [--sheet NAME]\n"
    "                                  [--criteria SET.json]\n"
    "Appends the assessments in FILE (CSV, XLSX or ODS; one row per assessment, with the\n"
    "facility's tax code or site id, the date, the submitter and one column per index) to\n"
    "the project and scores them. All rows or none: a refused file changes nothing, not\n"
    "even the criteria set. An assessment already in the project is not added again;\n"
    "earlier assessments are never overwritten.\n"
    "  --encoding  utf-8, tcvn3 (abc), vni, viscii or cp1258 (default: detected)\n"
    "  --sheet     sheet of a workbook (default: the first)\n"
    "  --criteria  criteria set to score with; becomes the project's active set and every\n"
    "              assessment is re-scored with it, in the same transaction\n"
    "              (default: the project's active set, else the bundled CRLN 1203 set)\n";

constexpr const char* kInspectionsUsage =
    "Usage: safemap import-inspections PROJECT.gpkg FILE [--encoding ENC] [--sheet NAME]\n"
    "Adds inspection results (CSV, XLSX or ODS: ma_so_thue, ngay_kiem_tra, nguoi_kiem_tra,\n"
    "dat_yeu_cau có/không, ket_luan). All rows or none; inspections already recorded are\n"
    "not added twice. A failed inspection newer than the last assessment puts the facility\n"
    "on the suspend list (measures not implemented).\n";

/// --encoding and --sheet; returns an exit code if the encoding is unknown.
int readTableOptions(const char* command, const Args& args, TableImportOptions& options) {
    if (auto enc = args.option("encoding")) {
        options.encoding = encodingFromName(*enc);
        if (!options.encoding) {
            std::fprintf(stderr, "safemap %s: unknown encoding %s\n", command, enc->c_str());
            return 2;
        }
    }
    if (auto sheet = args.option("sheet"))
        options.sheet = *sheet;
    return -1;
}

}  // namespace

int runImportAssessmentsCommand(const Words& words) {
    const Args args(words, {"encoding", "sheet", "criteria"});
    if (int rc = checkUsage("import-assessments", args, {}, 2, 2, kImportAssessmentsUsage); rc >= 0)
        return rc;
    TableImportOptions options;
    if (int rc = readTableOptions("import-assessments", args, options); rc >= 0)
        return rc;
    AssessmentImportRequest request;
    auto criteria = criteriaOption(args);
    if (!criteria)
        return fail("import-assessments", criteria.error());
    request.criteria = *criteria;
    if (auto fallback = loadDefaultCriteria())
        request.fallback = *fallback;
    auto project = Project::open(args.positional()[0]);
    if (!project)
        return fail("import-assessments", project.error());
    auto result = importAssessmentsFile(*project, args.positional()[1], options, request);
    if (!result)
        return fail("import-assessments", result.error());
    const AssessmentImportOutcome& o = result->outcome;
    for (const auto& w : o.warnings)
        std::fprintf(stderr, "note: %s\n", w.message.c_str());
    if (o.criteriaChanged)
        std::fprintf(stderr,
                     "note: %s is now the active criteria set; every assessment was "
                     "re-scored with it\n",
                     o.scoredWith.key().c_str());
    std::printf("%s: %d rows (%s) — %d new assessments, %d already present; scored with %s v%d\n",
                args.positional()[1].c_str(), o.rows, result->encoding.c_str(), o.inserted,
                o.alreadyPresent, o.scoredWith.id.c_str(), o.scoredWith.version);
    return 0;
}

int runImportInspectionsCommand(const Words& words) {
    const Args args(words, {"encoding", "sheet"});
    if (int rc = checkUsage("import-inspections", args, {}, 2, 2, kInspectionsUsage); rc >= 0)
        return rc;
    TableImportOptions options;
    if (int rc = readTableOptions("import-inspections", args, options); rc >= 0)
        return rc;
    auto project = Project::open(args.positional()[0]);
    if (!project)
        return fail("import-inspections", project.error());
    auto result = importInspectionsFile(*project, args.positional()[1], options);
    if (!result)
        return fail("import-inspections", result.error());
    std::printf("%s: %d rows — %d new inspections, %d already recorded\n",
                args.positional()[1].c_str(), result->outcome.rows, result->outcome.inserted,
                result->outcome.alreadyPresent);
    return 0;
}

}  // namespace safemap
