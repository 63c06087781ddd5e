#pragma once

// What `safemap field-package`/`merge` (the first names) and `safemap package create`/`merge`
// (the names) share: the same steps under two spellings of the options.
#include <optional>
#include <string>
#include <vector>

#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "core/model/geometry.h"

namespace safemap {

class Project;

/// "a,b c" → {"a", "b", "c"}: the site ids or tax codes of --ids / --sites.
std::vector<std::string> splitIds(const std::string& text);

/// Orders `siteIds` into a route from `start` when `route` is set, makes the package at
/// `out` (createFieldPackage; --by, --name, --replace from `args`) and prints what it holds.
/// Returns the exit code.
int makeFieldPackage(const char* command, const Args& args, const Project& project,
                     std::vector<std::string> siteIds, bool route, std::optional<GeoPoint> start,
                     const std::string& out);

/// `merge PROJECT PACKAGE [--dry-run] [--facility-conflicts office|field]` under `command`'s
/// name, with `usage` for --help and usage errors.
int runMerge(const char* command, const Words& words, const char* usage);

}  // namespace safemap
