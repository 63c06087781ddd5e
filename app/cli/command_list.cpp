// safemap list: the suspension or inspection list of a scenario.
#include <cstdio>
#include <memory>

#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "app/cli/scenario_options.h"
#include "core/project/list_export.h"
#include "core/project/list_rows.h"
#include "core/project/project.h"
#include "core/util/atomic_file.h"
#include "core/util/timestamp.h"

namespace safemap {

namespace {
constexpr const char* kListUsage =
    "Usage: safemap list PROJECT.gpkg (--suspend | --inspect) [--format csv|json] [--out FILE]\n"
    "                    [scenario options]\n"
    "Prints the facilities to suspend (--suspend: Hà Nội 1987/UBND-KT's three reasons) or\n"
    "due for inspection (--inspect), each with its reasons, as CSV (default) or JSON, the\n"
    "same rows the window's tables show. The project is only read, never changed. The same\n"
    "data and scenario always give the same list.\n"
    "CSV columns: rank, priority, this_week, site_id, tax_code, name, zone, district,\n"
    "workers, level, percent, assessed_on, reason_codes, reasons, reasons_en,\n"
    "reason_indices. Text cells that a spreadsheet would run as a formula (starting with\n"
    "= + - @) get a leading apostrophe.\n"
    "  --heading    CSV: first a heading block (title; as of; criteria set and version;\n"
    "               rule thresholds; filter; rows; generated at) as label,value rows, then\n"
    "               an empty row, then the table. Without it: the table alone, for programs\n"
    "  --language   vi or en: the heading's words (default vi)\n";
}  // namespace

int runListCommand(const Words& words) {
    std::vector<std::string> valueOptions = kScenarioValueOptions;
    valueOptions.insert(valueOptions.end(), {"format", "out", "language"});
    std::vector<std::string> flags = kScenarioFlags;
    flags.insert(flags.end(), {"suspend", "inspect", "heading"});
    const Args args(words, valueOptions);
    const std::string usage = std::string(kListUsage) + kScenarioUsage;
    if (int rc = checkUsage("list", args, flags, 1, 1, usage.c_str()); rc >= 0)
        return rc;
    const bool suspend = args.flag("suspend");
    if (suspend == args.flag("inspect")) {
        std::fprintf(stderr, "safemap list: give exactly one of --suspend or --inspect\n%s",
                     usage.c_str());
        return 2;
    }
    const std::string format = args.option("format").value_or("csv");
    if (format != "csv" && format != "json") {
        std::fprintf(stderr, "safemap list: --format must be csv or json\n");
        return 2;
    }
    const std::string language = args.option("language").value_or("vi");
    if (language != "vi" && language != "en") {
        std::fprintf(stderr, "safemap list: --language must be vi or en\n");
        return 2;
    }
    ProjectSettings settings;
    auto project = openForReading("list", args.positional()[0], settings);
    if (!project)
        return fail("list", project.error());
    auto scenario = scenarioFromArgs(args, settings);
    if (!scenario) {
        std::fprintf(stderr, "safemap list: %s\n", scenario.error().message.c_str());
        return 2;
    }
    // Status as of the newest data date unless --as-of goes back: the latest scores suffice.
    auto result = evaluateScenario(*project, *scenario, {}, ScoreHistory::Latest,
                                   secondReader(*project, args.positional()[0]));
    if (!result)
        return fail("list", result.error());
    noteSavedFilter("list", args, settings, result->facts->zones);
    const ActionList list = suspend ? ActionList::ToSuspend : ActionList::ToInspect;
    const auto status = std::make_shared<const ProjectStatus>(std::move(result->status));
    const ListView view = listView(list, result->facts, status, scenario->filter);
    const auto out = args.option("out");
    ListExportOptions options;
    options.heading = args.flag("heading");
    options.vietnamese = language == "vi";
    options.excelBom = out.has_value();  // a BOM for Excel in files only
    options.generatedAt = generationTime();
    if (!out && format == "csv") {
        // Written as it is made: a 100,000-row list is 35 MB of text.
        listExportCsvPieces(view, options, [](std::string_view piece) {
            std::fwrite(piece.data(), 1, piece.size(), stdout);
        });
        return 0;
    }
    const std::string text =
        format == "json" ? listRowsToJson(view.rows(), provenanceOf(list, *status, scenario->filter,
                                                                    result->facts->zones))
                         : listExportCsv(view, options);
    if (out) {
        if (auto st = writeFileAtomically(*out, text); !st)
            return fail("list", st.error());
        std::fprintf(stderr, "%zu facilities %s → %s\n", view.size(),
                     suspend ? "to suspend" : "due for inspection", out->c_str());
    } else {
        std::fwrite(text.data(), 1, text.size(), stdout);
    }
    return 0;
}

}  // namespace safemap
