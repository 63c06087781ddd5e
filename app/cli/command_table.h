#pragma once
// The commands of `safemap COMMAND ...` as a table, and the one way a command line is matched
// against one: the command-line front (app/light_main.cpp) runs the commands that need only
// core, the whole program (app/cli/cli.cpp) runs every command.

#include <optional>
#include <span>
#include <string_view>

#include "app/cli/commands.h"

namespace safemap {

struct Command {
    const char* name;
    const char* summary;  ///< its line in `safemap --help`
    int (*run)(const Words&);
};

/// The entry of `table` called `name`, or null.
const Command* findCommand(std::span<const Command> table, std::string_view name);

/// Runs `safemap COMMAND ARGS...` or `safemap --db URL COMMAND ARGS...` when COMMAND is in
/// `table` and returns its exit code; nullopt for any other command line (help, version,
/// the window, a command not in the table).
std::optional<int> runCommandLine(int argc, char** argv, std::span<const Command> table);

/// The commands that need only core (SQLite, libpq): score, list, scores, compare, info,
/// generate, push, pull. The front runs them without loading Qt and GDAL, whose shared
/// libraries take most of a start.
std::span<const Command> coreCommands();

}  // namespace safemap
