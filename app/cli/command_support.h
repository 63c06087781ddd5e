#pragma once

#include <cstdio>
#include <memory>
#include <string>

#include "app/cli/args.h"
#include "core/criteria/criteria_set.h"
#include "core/result.h"

namespace safemap {

/// Prints an error the way every command does ("safemap import: file, row 3, ...: reason").
inline int fail(const char* command, const Error& e) {
    std::fprintf(stderr, "safemap %s: %s\n", command, e.describe().c_str());
    return 1;
}

/// The set --criteria names, read from its file; null without --criteria
/// (app/cli/command_score.cpp).
Result<std::shared_ptr<const CriteriaSet>> criteriaOption(const Args& args);

/// Checks the usual things every command checks; returns an exit code if it should stop.
inline int checkUsage(const char* command, const Args& args, const std::vector<std::string>& flags,
                      size_t minPositional, size_t maxPositional, const char* usage) {
    if (args.flag("help")) {
        std::printf("%s", usage);
        return 0;
    }
    for (const auto& u : args.unknown(flags)) {
        std::fprintf(stderr, "safemap %s: unknown option %s\n%s", command, u.c_str(), usage);
        return 2;
    }
    if (auto m = args.missingValue()) {
        std::fprintf(stderr, "safemap %s: %s needs a value\n%s", command, m->c_str(), usage);
        return 2;
    }
    const size_t n = args.positional().size();
    if (n < minPositional || n > maxPositional) {
        std::fprintf(stderr, "%s", usage);
        return 2;
    }
    return -1;
}

}  // namespace safemap
