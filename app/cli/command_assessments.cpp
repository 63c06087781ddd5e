// safemap import-assessments and safemap score: the assessment side of the command line.
#include <QCoreApplication>
#include <cstdio>
#include <map>

#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "app/gui/data_paths.h"
#include "core/assessments/inspection_table.h"
#include "core/scoring/compiled_criteria.h"
#include "core/storage/criteria_choice.h"
#include "core/storage/project_store.h"
#include "core/storage/site_store.h"
#include "core/tabular/csv_reader.h"
#include "gis/io/assessment_import.h"
#include "gis/io/spreadsheet_table.h"

namespace safemap {

namespace {

constexpr const char* kImportUsage =
    "Usage: safemap import-assessments PROJECT.gpkg FILE [--encoding ENC] [--sheet NAME]\n"
    "                                  [--criteria SET.json]\n"
    "Appends the assessments in FILE (CSV, XLSX or ODS; one row per assessment, with the\n"
    "facility's tax code or site id, the date, the submitter and one column per index) to\n"
    "the project and scores them. All rows or none; an assessment already in the project\n"
    "is not added again; earlier assessments are never overwritten.\n"
    "  --encoding  utf-8, tcvn3 (abc), vni, viscii or cp1258 (default: detected)\n"
    "  --sheet     sheet of a workbook (default: the first)\n"
    "  --criteria  criteria set to score with; becomes the project's active set\n"
    "              (default: the project's active set, else the bundled CRLN 1203 set)\n";

constexpr const char* kScoreUsage =
    "Usage: safemap score PROJECT.gpkg [--criteria SET.json]\n"
    "Re-scores every assessment with the given criteria set (which becomes the active set),\n"
    "or with the active set, and prints how many facilities are at each level.\n";

constexpr const char* kInspectionsUsage =
    "Usage: safemap import-inspections PROJECT.gpkg FILE [--encoding ENC]\n"
    "Adds inspection results (CSV, XLSX or ODS: ma_so_thue, ngay_kiem_tra, nguoi_kiem_tra,\n"
    "dat_yeu_cau có/không, ket_luan). All rows or none; inspections already recorded are\n"
    "not added twice. A failed inspection newer than the last assessment puts the facility\n"
    "on the suspend list (measures not implemented).\n";

// The QCoreApplication gives findShippedFile the executable's directory.
struct AppContext {
    int argc = 1;
    char name[8] = "safemap";
    char* argv[2] = {name, nullptr};
    QCoreApplication app{argc, argv};
};

}  // namespace

int runImportAssessmentsCommand(const Words& words) {
    const Args args(words, {"encoding", "sheet", "criteria"});
    if (int rc = checkUsage("import-assessments", args, {}, 2, 2, kImportUsage); rc >= 0)
        return rc;
    AppContext context;
    AssessmentImportOptions options;
    if (auto enc = args.option("encoding")) {
        options.encoding = encodingFromName(*enc);
        if (!options.encoding) {
            std::fprintf(stderr, "safemap import-assessments: unknown encoding %s\n", enc->c_str());
            return 2;
        }
    }
    if (auto sheet = args.option("sheet"))
        options.sheet = *sheet;
    auto store = ProjectStore::open(args.positional()[0]);
    if (!store)
        return fail("import-assessments", store.error());
    auto choice = chooseCriteria(store->database(), args.option("criteria").value_or(""),
                                 defaultCriteriaFile().toStdString());
    if (!choice)
        return fail("import-assessments", choice.error());
    const CompiledCriteria criteria = compileCriteria(choice->set);
    if (choice->changed) {
        auto rescored = rescoreAll(store->database(), criteria);
        if (!rescored)
            return fail("import-assessments", rescored.error());
    }
    auto result = importAssessments(*store, args.positional()[1], criteria, options);
    if (!result)
        return fail("import-assessments", result.error());
    for (const auto& w : result->warnings)
        std::fprintf(stderr, "note: %s\n", w.c_str());
    std::printf("%s: %d rows (%s) — %d new assessments, %d already present; scored with %s v%d\n",
                args.positional()[1].c_str(), result->summary.rows, result->encoding.c_str(),
                result->summary.inserted, result->summary.alreadyPresent, choice->set.id.c_str(),
                choice->set.version);
    return 0;
}

int runImportInspectionsCommand(const Words& words) {
    const Args args(words, {"encoding"});
    if (int rc = checkUsage("import-inspections", args, {}, 2, 2, kInspectionsUsage); rc >= 0)
        return rc;
    std::optional<TextEncoding> encoding;
    if (auto enc = args.option("encoding")) {
        encoding = encodingFromName(*enc);
        if (!encoding) {
            std::fprintf(stderr, "safemap import-inspections: unknown encoding %s\n", enc->c_str());
            return 2;
        }
    }
    auto store = ProjectStore::open(args.positional()[0]);
    if (!store)
        return fail("import-inspections", store.error());
    const std::string& path = args.positional()[1];
    const bool workbook = path.size() > 5 && (path.ends_with(".xlsx") || path.ends_with(".ods"));
    auto table = workbook ? readSpreadsheetTable(path) : readCsvFile(path, encoding);
    if (!table)
        return fail("import-inspections", table.error());
    auto inspections =
        parseInspectionTable(*table, SiteLookup::from(loadFactories(store->database())));
    if (!inspections)
        return fail("import-inspections", inspections.error());
    auto added = addInspections(store->database(), *inspections, table->fileName);
    if (!added)
        return fail("import-inspections", added.error());
    std::printf("%s: %zu rows — %d new inspections, %zu already recorded\n", path.c_str(),
                inspections->size(), *added, inspections->size() - static_cast<size_t>(*added));
    return 0;
}

int runScoreCommand(const Words& words) {
    const Args args(words, {"criteria"});
    if (int rc = checkUsage("score", args, {}, 1, 1, kScoreUsage); rc >= 0)
        return rc;
    AppContext context;
    auto store = ProjectStore::open(args.positional()[0]);
    if (!store)
        return fail("score", store.error());
    auto choice = chooseCriteria(store->database(), args.option("criteria").value_or(""),
                                 defaultCriteriaFile().toStdString());
    if (!choice)
        return fail("score", choice.error());
    const CompiledCriteria criteria = compileCriteria(choice->set);
    auto n = rescoreAll(store->database(), criteria);
    if (!n)
        return fail("score", n.error());
    std::printf("Scored %lld assessments with %s v%d (%s)\n", *n, choice->set.id.c_str(),
                choice->set.version, choice->set.name.c_str());
    // Facilities by the level of their newest assessment.
    auto st = store->database().prepare(
        "SELECT level, count(*) FROM latest_scores WHERE set_id = ? AND set_version = ? AND "
        "rank = 1 GROUP BY level");
    if (!st)
        return fail("score", st.error());
    st->bind(1, choice->set.id).bind(2, choice->set.version);
    std::map<std::string, long long> counts;
    while (st->step())
        counts[st->text(0)] = st->integer(1);
    const long long none = store->database()
                               .queryInt(
                                   "SELECT count(*) FROM factories WHERE site_id NOT IN "
                                   "(SELECT site_id FROM assessments)")
                               .value_or(0);
    std::printf("Facilities by latest level:\n");
    for (int l = 0; l < kRiskLevelCount; ++l) {
        const auto level = static_cast<RiskLevel>(l);
        std::printf("  %-18s %6lld\n", std::string(riskLevelLabelEn(level)).c_str(),
                    counts[std::string(riskLevelCode(level))]);
    }
    std::printf("  %-18s %6lld\n", "no assessment", none);
    return 0;
}

}  // namespace safemap
