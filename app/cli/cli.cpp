#include "app/cli/cli.h"

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "app/cli/commands.h"
#include "app/gui/run_gui.h"
#include "safemap/version.h"

namespace safemap {

namespace {

struct Command {
    const char* name;
    const char* summary;
    int (*run)(const Words&);
};

const std::vector<Command>& commands() {
    static const std::vector<Command> all{
        {"import", "import sites (zones or factories) from a GIS file or spreadsheet",
         runImportCommand},
        {"import-assessments",
         "import enterprises' risk assessments (CSV, XLSX, ODS) and score them",
         runImportAssessmentsCommand},
        {"import-inspections", "import inspection results (CSV, XLSX, ODS)",
         runImportInspectionsCommand},
        {"score", "re-score every assessment with a criteria set", runScoreCommand},
        {"list", "facilities to suspend (--suspend) or to inspect (--inspect), with reasons",
         runListCommand},
        {"scores", "every facility's score, level and whether it may operate, as of a date (CSV)",
         runScoresCommand},
        {"compare",
         "what another criteria set or other thresholds would change (CSV, one row per "
         "facility)",
         runCompareCommand},
        {"package",
         "field packages: create (a visit list for an inspector's laptop), merge (back into "
         "the project), sheets (printable facility sheets)",
         runPackageCommand},
        {"inspect", "record an inspection in a field package or a project", runInspectCommand},
        {"field-package", "the same as package create (older spelling)", runFieldPackageCommand},
        {"merge", "the same as package merge (older spelling)", runMergeCommand},
        {"info", "print a project's layers, counts, extent and import history", runInfoCommand},
        {"render", "render the project's map to a PNG or SVG without a window", runRenderCommand},
        {"report", "a map report for meetings (PDF: map, legend, scale, as-of date, lists; or PNG)",
         runReportCommand},
        {"export",
         "a list, the facilities or a cordon's facilities as XLSX, CSV, GeoPackage or GeoJSON",
         runExportCommand},
        {"generate", "make a large synthetic project for tests and benchmarks", runGenerateCommand},
        {"push", "copy a project file to a PostgreSQL/PostGIS server", runPushCommand},
        {"pull", "copy a server project (or some districts) into a project file", runPullCommand},
    };
    return all;
}

void printHelp() {
    std::printf(
        "SafeMap %s — Bản đồ chung sống an toàn: risk map of industrial sites\n\n"
        "Usage:\n"
        "  safemap [PROJECT.gpkg]            open the window (optionally on a project)\n"
        "  safemap COMMAND [ARGS...]         run a command without a window\n"
        "  safemap COMMAND --help            help on one command\n"
        "  safemap --db URL COMMAND [ARGS]   run a command on a server project\n"
        "                                    (postgresql://USER@HOST/DATABASE)\n\n"
        "Commands:\n",
        kVersion);
    for (const auto& c : commands())
        std::printf("  %-20s %s\n", c.name, c.summary);
    std::printf("\nOptions:\n  -h, --help           this help\n  -v, --version        version\n");
}

}  // namespace

int runMain(int argc, char** argv) {
    if (argc >= 2) {
        const std::string first = argv[1];
        if (first == "-h" || first == "--help" || first == "help") {
            printHelp();
            return 0;
        }
        if (first == "-v" || first == "--version") {
            std::printf("safemap %s\n", kVersion);
            return 0;
        }
        if (first == "--db") {
            // `--db URL COMMAND ARGS…` is `COMMAND URL ARGS…`: the server project stands
            // where a command takes its project file.
            if (argc < 4) {
                std::fprintf(stderr, "safemap: --db needs a URL and a command\n");
                return 2;
            }
            for (const auto& c : commands())
                if (std::strcmp(argv[3], c.name) == 0) {
                    // A command with sub-commands (`package create`) takes the project after
                    // its sub-command.
                    const bool sub =
                        std::strcmp(c.name, "package") == 0 && argc >= 5 && argv[4][0] != '-';
                    Words words;
                    if (sub)
                        words.push_back(argv[4]);
                    words.push_back(argv[2]);
                    words.insert(words.end(), argv + (sub ? 5 : 4), argv + argc);
                    return c.run(words);
                }
            std::fprintf(stderr, "safemap: unknown command '%s' (see safemap --help)\n", argv[3]);
            return 2;
        }
        for (const auto& c : commands()) {
            if (first == c.name) {
                return c.run(Words(argv + 2, argv + argc));
            }
        }
        if (first.rfind("-", 0) == 0 || first.find('.') == std::string::npos) {
            std::fprintf(stderr, "safemap: unknown command or option '%s' (see safemap --help)\n",
                         first.c_str());
            return 2;
        }
    }
    return runGui(argc, argv);
}

}  // namespace safemap
