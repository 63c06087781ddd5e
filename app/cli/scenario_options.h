#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/cli/args.h"
#include "core/project/scenario.h"

namespace safemap {

class Project;

/// The options that change the scenario: --as-of, the rule thresholds, --filter and
/// --no-filter. Commands that take them list them in their usage with kScenarioUsage.
extern const std::vector<std::string> kScenarioValueOptions;
extern const std::vector<std::string> kScenarioFlags;
extern const char* const kScenarioUsage;

/// The project's saved scenario (active criteria set, thresholds and filter saved with the
/// project), with the options given on the command line applied over it. A bad option
/// value is an Error (a usage error: exit 2).
[[nodiscard]] Result<Scenario> scenarioFromArgs(const Args& args, const ProjectSettings& saved);

/// Opens a project read-only and reads its settings, printing on stderr what the user
/// should know (an upgrade done in memory, settings that could not be read).
[[nodiscard]] Result<Project> openForReading(const char* command, const std::string& path,
                                             ProjectSettings& settings);

/// A second read-only connection to a project opened by openForReading, for the stored
/// scores to be read beside the sites (evaluateScenario's `reopen`). Null for a project
/// upgraded in memory: a second connection would upgrade a second copy.
std::function<Result<Project>()> secondReader(const Project& project, const std::string& path);

/// Says on stderr that the project's saved filter applies (commands read the saved
/// scenario, as the window shows it), unless the command line replaced it.
void noteSavedFilter(const char* command, const Args& args, const ProjectSettings& saved,
                     const std::vector<Zone>& zones);

}  // namespace safemap
