#include "core/project/project.h"

#include "core/project/project_location.h"

#include <filesystem>

#include "core/storage/gpkg_repository.h"
#include "core/storage/pg/pg_repository.h"

namespace safemap {

Project::Project(std::unique_ptr<ProjectRepository> repository, std::vector<std::string> notes)
    : repo_(std::move(repository)), notes_(std::move(notes)) {}

Project::~Project() = default;

bool isServerProject(const std::string& location) {
    return isServerLocation(location);
}

Result<Project> Project::create(const std::string& location) {
    if (isServerLocation(location)) {
        auto server = PgRepository::create(location);
        if (!server)
            return server.error();
        return Project(std::move(server).value());
    }
    auto repo = GpkgRepository::create(location);
    if (!repo)
        return repo.error();
    return Project(std::move(repo).value());
}

Result<Project> Project::createTemporary(const std::string& path) {
    auto repo = GpkgRepository::create(path, true);
    if (!repo)
        return repo.error();
    return Project(std::move(repo).value());
}

Result<Project> Project::open(const std::string& location, Access access) {
    if (isServerLocation(location)) {
        auto server = PgRepository::open(location, access == Access::ReadOnly);
        if (!server)
            return server.error();
        return Project(std::move(server).value());
    }
    std::vector<std::string> notes;
    auto repo = GpkgRepository::open(location, access == Access::ReadOnly, &notes);
    if (!repo)
        return repo.error();
    return Project(std::move(repo).value(), std::move(notes));
}

Result<Project> Project::openOrCreate(const std::string& location, bool* created) {
    if (isServerLocation(location)) {
        // A database without a project yet is the server's "no file".
        auto opened = open(location);
        const bool fresh = !opened && opened.error().code == "server.no_project";
        if (created)
            *created = fresh;
        return fresh ? create(location) : std::move(opened);
    }
    std::error_code ec;
    const bool fresh = !std::filesystem::exists(location, ec);
    if (created)
        *created = fresh;
    return fresh ? create(location) : open(location);
}

}  // namespace safemap
