#include "app/cli/command_table.h"

#include <cstring>

namespace safemap {

const Command* findCommand(std::span<const Command> table, std::string_view name) {
    for (const auto& c : table)
        if (name == c.name)
            return &c;
    return nullptr;
}

std::optional<int> runCommandLine(int argc, char** argv, std::span<const Command> table) {
    if (argc < 2)
        return std::nullopt;
    if (std::strcmp(argv[1], "--db") == 0) {
        if (argc < 4)
            return std::nullopt;
        const Command* c = findCommand(table, argv[3]);
        if (!c)
            return std::nullopt;
        // `--db URL COMMAND ARGS…` is `COMMAND URL ARGS…`: the server project stands where a
        // command takes its project file (`package create`: after the sub-command).
        const bool sub = std::strcmp(c->name, "package") == 0 && argc >= 5 && argv[4][0] != '-';
        Words words;
        if (sub)
            words.push_back(argv[4]);
        words.push_back(argv[2]);
        words.insert(words.end(), argv + (sub ? 5 : 4), argv + argc);
        return c->run(words);
    }
    if (const Command* c = findCommand(table, argv[1]))
        return c->run(Words(argv + 2, argv + argc));
    return std::nullopt;
}

std::span<const Command> coreCommands() {
    static const Command all[] = {
        {"score", "re-score every assessment with a criteria set", runScoreCommand},
        {"list", "facilities to suspend (--suspend) or to inspect (--inspect), with reasons",
         runListCommand},
        {"scores", "every facility's score, level and whether it may operate, as of a date (CSV)",
         runScoresCommand},
        {"compare",
         "what another criteria set or other thresholds would change (CSV, one row per "
         "facility)",
         runCompareCommand},
        {"info", "print a project's layers, counts, extent and import history", runInfoCommand},
        {"generate", "make a large synthetic project for tests and benchmarks", runGenerateCommand},
        {"push", "copy a project file to a PostgreSQL/PostGIS server", runPushCommand},
        {"pull", "copy a server project (or some districts) into a project file", runPullCommand},
    };
    return all;
}

}  // namespace safemap
