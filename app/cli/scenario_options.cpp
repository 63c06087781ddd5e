#include "app/cli/scenario_options.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/errors/error_catalogue.h"
#include "core/filter/filter_json.h"
#include "core/project/project.h"

namespace safemap {

const std::vector<std::string> kScenarioValueOptions = {"as-of",
                                                        "suspend-no-assessment-days",
                                                        "large-workforce",
                                                        "medium-index-threshold",
                                                        "stale-assessment-days",
                                                        "risk-rise-threshold",
                                                        "inspect-never-inspected",
                                                        "inspection-capacity",
                                                        "filter"};
const std::vector<std::string> kScenarioFlags = {"no-filter"};

const char* const kScenarioUsage =
    "Scenario (default: what the project is saved with, as the window shows it):\n"
    "  --as-of YYYY-MM-DD      the lists as they stood at the end of that day (later\n"
    "                          assessments, inspections and accounts do not count);\n"
    "                          default: the date of the newest assessment\n"
    "  --suspend-no-assessment-days N   --large-workforce N   --medium-index-threshold P\n"
    "  --stale-assessment-days N   --risk-rise-threshold P   --inspect-never-inspected yes|no\n"
    "  --inspection-capacity N\n"
    "                          rule thresholds (default: the project's; see docs/rules.md)\n"
    "  --filter JSON|FILE      which facilities, as the window's filter saves it, e.g.\n"
    "                          '{\"version\":1,\"districts\":[\"Duy Tiên\"]}'\n"
    "  --no-filter             every facility, ignoring the project's saved filter\n";

Result<Scenario> scenarioFromArgs(const Args& args, const ProjectSettings& saved) {
    Scenario s = savedScenario(saved);
    for (const auto& key : kScenarioValueOptions) {
        if (key == "filter")
            continue;
        if (auto v = args.option(key))
            if (auto st = applyRuleSetting(s.rules, key, *v); !st)
                return st.error();
    }
    if (args.flag("no-filter") && args.option("filter"))
        return codedError("cli.filter_and_no_filter");
    if (args.flag("no-filter"))
        s.filter = SiteFilter{};
    if (auto text = args.option("filter")) {
        std::string json = *text;
        if (!json.empty() && json.front() != '{') {
            std::ifstream in(json, std::ios::binary);
            if (!in)
                return codedError("cli.filter_unreadable", {}, json);
            std::stringstream buffer;
            buffer << in.rdbuf();
            json = buffer.str();
        }
        auto filter = siteFilterFromJson(json);
        if (!filter)
            return errorAbout("cli.bad_filter", {}, filter.error());
        s.filter = *filter;
    }
    return s;
}

Result<Project> openForReading(const char* command, const std::string& path,
                               ProjectSettings& settings) {
    auto project = Project::open(path, Project::Access::ReadOnly);
    if (!project)
        return project.error();
    for (const auto& note : project->notes())
        std::fprintf(stderr, "safemap %s: note: %s\n", command, note.c_str());
    auto loaded = loadProjectSettings(*project);
    if (!loaded)
        return loaded.error();
    settings = std::move(loaded).value();
    for (const auto& problem : settings.problems)
        std::fprintf(stderr, "safemap %s: note: %s\n", command, problem.describe().c_str());
    return project;
}

std::function<Result<Project>()> secondReader(const Project& project, const std::string& path) {
    if (!project.notes().empty())
        return nullptr;
    return [path] { return Project::open(path, Project::Access::ReadOnly); };
}

void noteSavedFilter(const char* command, const Args& args, const ProjectSettings& saved,
                     const std::vector<Zone>& zones) {
    if (saved.filter.isEmpty() || args.flag("no-filter") || args.option("filter"))
        return;
    std::fprintf(stderr,
                 "safemap %s: note: the project's saved filter applies (%s); --no-filter for "
                 "every facility\n",
                 command, describe(saved.filter, false, zones).c_str());
}

}  // namespace safemap
