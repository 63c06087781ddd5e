#pragma once

#include <string>
#include <vector>

namespace safemap {

using Words = std::vector<std::string>;

// Each sub-command takes the words after its name and returns the process exit code:
// 0 success, 1 the operation failed (message on stderr), 2 bad usage.
int runImportCommand(const Words& words);
int runInfoCommand(const Words& words);
int runRenderCommand(const Words& words);
int runGenerateCommand(const Words& words);
int runImportAssessmentsCommand(const Words& words);
int runScoreCommand(const Words& words);
int runImportInspectionsCommand(const Words& words);
int runListCommand(const Words& words);
int runScoresCommand(const Words& words);
int runCompareCommand(const Words& words);
int runReportCommand(const Words& words);
int runExportCommand(const Words& words);
int runFieldPackageCommand(const Words& words);
int runInspectCommand(const Words& words);
int runMergeCommand(const Words& words);
int runPushCommand(const Words& words);
int runPullCommand(const Words& words);
int runPackageCommand(const Words& words);  ///< package create | merge | sheets
int runPackageSheets(const Words& words);   ///< package sheets (command_package_sheets.cpp)

}  // namespace safemap
