#include "core/project/new_project.h"

#include <filesystem>

#include "core/errors/error_catalogue.h"
#include "core/util/atomic_file.h"

namespace safemap {

Status buildNewProject(const std::string& path, const std::function<Status(Project&)>& fill) {
    std::error_code ec;
    if (std::filesystem::exists(path, ec))
        return codedError("project.exists", {}, path);
    const std::string tmp = temporaryPathFor(path);
    std::filesystem::remove(tmp, ec);  // left by a killed run of this process id
    RemoveUnlessKept cleanup{tmp};
    {
        // Scoped: the file is closed before it is renamed.
        auto project = Project::createTemporary(tmp);
        if (!project) {
            Error e = project.error();
            e.file = path;
            return e;
        }
        if (auto st = fill(*project); !st) {
            Error e = st.error();
            if (e.file == tmp)
                e.file = path;
            return e;
        }
    }
    // Another program may have made the file meanwhile: keep it rather than replace it.
    if (std::filesystem::exists(path, ec))
        return codedError("project.exists", {}, path);
    if (auto st = commitTemporaryFile(tmp, path); !st)
        return st;
    cleanup.keep = true;
    return {};
}

}  // namespace safemap
