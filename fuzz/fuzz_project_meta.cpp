// The project's own settings table (`safemap_meta`), which QGIS shows and a user can edit:
// the schema version, the active criteria set, the saved view, style, filter and rule
// thresholds. The input is lines "key<TAB>value" written into a fresh project's table.
// Opening must refuse with a readable message or succeed; settings that were read, saved
// again and read back must come back the same and without problems (a value that could not
// be read was replaced by its default, and the default is what is saved).

#include <filesystem>
#include <fstream>

#include "core/project/project.h"
#include "core/project/project_settings.h"
#include "fuzz_meta_file.h"

using namespace safemap;

namespace {

const std::string& templateBytes() {
    static const std::string bytes = [] {
        const std::string path = fuzz::scratchFile("meta-template.gpkg");
        std::filesystem::remove(path);
        if (!Project::create(path))
            fuzz::fail("cannot create the template project");
        std::ifstream in(path, std::ios::binary);
        std::string b{std::istreambuf_iterator<char>(in), {}};
        std::filesystem::remove(path);
        return b;
    }();
    return bytes;
}

const std::string& scratchPath() {
    static const std::string path = fuzz::scratchFile("meta.gpkg");
    return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 4096)
        return 0;
    const std::string path = scratchPath();
    fuzz::writeMetaFile(path, templateBytes(), fuzz::bytesOf(data, size));
    auto project = Project::open(path);
    if (!project) {
        fuzz::checkError(project.error());
        return 0;
    }
    auto settings = loadProjectSettings(*project);
    if (!settings) {
        fuzz::checkError(settings.error());
        return 0;
    }
    for (const Error& e : settings->problems)
        fuzz::checkError(e);
    if (project->repository().readOnly())
        return 0;
    const auto saved = saveProjectSettings(*project, *settings);
    FUZZ_CHECK(saved.ok(), saved.error().describe());
    auto again = loadProjectSettings(*project);
    FUZZ_CHECK(again.ok(), again.error().describe());
    FUZZ_CHECK(again->problems.empty(), again->problems.front().describe());
    FUZZ_CHECK(again->view == settings->view, "view");
    FUZZ_CHECK(again->style == settings->style, "style");
    FUZZ_CHECK(again->filter == settings->filter, "filter");
    FUZZ_CHECK(ruleSettingPairs(again->rules) == ruleSettingPairs(settings->rules), "rules");
    return 0;
}
