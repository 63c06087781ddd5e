#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/project/repository.h"
#include "core/result.h"

namespace safemap {

/// \brief An open SafeMap project: the repository that holds its facts. Every use case
/// (core/project/*.h) takes one; the window, the `safemap` commands, reports and field
/// packages are adapters around those use cases.
class Project {
public:
    enum class Access {
        ReadWrite,
        /// Nothing is written, ever: the file stays byte for byte as it was. A project from
        /// an older SafeMap is upgraded in memory only (see notes()).
        ReadOnly,
    };

    /// Creates a new, empty project. Fails if the file exists.
    [[nodiscard]] static Result<Project> create(const std::string& location);
    /// Creates a new, empty project file that is to be renamed into place once complete
    /// (commitTemporaryFile): written without a journal on disk or syncs, which a file
    /// nobody opens before the rename does not need. See buildNewProject.
    [[nodiscard]] static Result<Project> createTemporary(const std::string& path);
    /// Opens a project (upgrading an older one in place when access is ReadWrite).
    [[nodiscard]] static Result<Project> open(const std::string& location,
                                              Access access = Access::ReadWrite);
    /// Opens an existing project, or creates it if there is no file yet.
    [[nodiscard]] static Result<Project> openOrCreate(const std::string& location,
                                                      bool* created = nullptr);

    explicit Project(std::unique_ptr<ProjectRepository> repository,
                     std::vector<std::string> notes = {});
    Project(Project&&) noexcept = default;
    Project& operator=(Project&&) noexcept = default;
    ~Project();

    ProjectRepository& repository() { return *repo_; }
    const ProjectRepository& repository() const { return *repo_; }
    const std::string& location() const { return repo_->location(); }
    /// Things the user should know about how the project was opened.
    const std::vector<std::string>& notes() const { return notes_; }

private:
    std::unique_ptr<ProjectRepository> repo_;
    std::vector<std::string> notes_;
};

}  // namespace safemap
