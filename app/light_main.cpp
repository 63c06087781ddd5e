// `safemap`: the commands that need only core run here, in a program that loads SQLite and
// libpq and nothing else, so it starts in about 0.01 s instead of the 0.10 s that Qt, GDAL and
// their 146 shared libraries take. Everything else — the window, help, the commands that read
// or draw with GDAL and Qt — is the whole program, which this process becomes.
#include "app/cli/command_table.h"
#include "app/cli/full_program.h"
#include "app/cli/huge_pages.h"
#include "app/cli/malloc_arenas.h"
#include "core/storage/database.h"

int main(int argc, char** argv) {
    // Before either: the tunable set here is what the whole program inherits, so neither
    // program starts twice.
    safemap::preferHugePages(argv);
    safemap::Database::withoutMemoryStatistics();
    // `score` reads half the assessments on a second thread: in an arena of its own, its
    // memory would have neither the huge pages nor the reuse of the main one.
    safemap::limitMallocArenas();
    // Each of these commands uses a connection on one thread only (a second thread opens
    // its own); the whole program below keeps SQLite's locks for the window.
    safemap::Database::openWithoutLocks();
    if (auto rc = safemap::runCommandLine(argc, argv, safemap::coreCommands()))
        return *rc;
    return safemap::startFullProgram(argv);
}
