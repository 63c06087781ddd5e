#include "app/cli/cli.h"

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "app/cli/command_table.h"
#include "app/gui/run_gui.h"
#include "core/storage/database.h"
#include "safemap/version.h"

namespace safemap {

namespace {

// Every command, in the order `safemap --help` lists them; the core-only ones are the
// front's entries (coreCommands), so each is named and summarised once.
const std::vector<Command>& commands() {
    static const std::vector<Command> all = [] {
        auto core = [](const char* name) { return *findCommand(coreCommands(), name); };
        return std::vector<Command>{
            {"import", "import sites (zones or factories) from a GIS file or spreadsheet",
             runImportCommand},
            {"import-assessments",
             "import enterprises' risk assessments (CSV, XLSX, ODS) and score them",
             runImportAssessmentsCommand},
            {"import-inspections", "import inspection results (CSV, XLSX, ODS)",
             runImportInspectionsCommand},
            core("score"),
            core("list"),
            core("scores"),
            core("compare"),
            {"package",
             "field packages: create (a visit list for an inspector's laptop), merge (back "
             "into the project), sheets (printable facility sheets)",
             runPackageCommand},
            {"inspect", "record an inspection in a field package or a project", runInspectCommand},
            {"field-package", "the same as package create (older spelling)",
             runFieldPackageCommand},
            {"merge", "the same as package merge (older spelling)", runMergeCommand},
            core("info"),
            {"render", "render the project's map to a PNG or SVG without a window",
             runRenderCommand},
            {"report",
             "a map report for meetings (PDF: map, legend, scale, as-of date, lists; or PNG)",
             runReportCommand},
            {"export",
             "a list, the facilities or a cordon's facilities as XLSX, CSV, GeoPackage or "
             "GeoJSON",
             runExportCommand},
            core("generate"),
            core("push"),
            core("pull"),
        };
    }();
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
    Database::withoutMemoryStatistics();
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
        // A command uses each connection on one thread (core's worker threads open their
        // own), as in the front (light_main.cpp); only the window shares them and keeps
        // SQLite's locks. A known command never returns to runGui below.
        if (findCommand(commands(), first == "--db" && argc >= 4 ? argv[3] : argv[1]))
            Database::openWithoutLocks();
        if (auto rc = runCommandLine(argc, argv, commands()))
            return *rc;
        if (first == "--db") {
            if (argc < 4)
                std::fprintf(stderr, "safemap: --db needs a URL and a command\n");
            else
                std::fprintf(stderr, "safemap: unknown command '%s' (see safemap --help)\n",
                             argv[3]);
            return 2;
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
