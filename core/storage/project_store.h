#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "core/storage/database.h"

namespace safemap {

/// \brief A SafeMap project: one GeoPackage file, opened and migrated to the latest schema.
///
/// Writes happen in transactions on the open file (see site_store.h, assessment_store.h), so
/// there is no unsaved state to lose; "save as" makes an atomic copy.
class ProjectStore {
public:
    /// Creates a new, empty project. Fails if the file exists.
    static Result<ProjectStore> create(const std::string& path);
    /// Opens an existing project and migrates it forward if it is older than this build.
    static Result<ProjectStore> open(const std::string& path);

    const std::string& path() const { return db_.path(); }
    Database& database() { return db_; }
    const Database& database() const { return db_; }
    int schemaVersion() const;

    std::string meta(const std::string& key, const std::string& fallback = {}) const;
    Status setMeta(const std::string& key, const std::string& value);

    /// Copies the whole project to `path` through SQLite's backup API into a temporary file
    /// that is renamed into place, so the target is never half-written.
    Status saveAs(const std::string& path) const;

private:
    explicit ProjectStore(Database db) : db_(std::move(db)) {}
    Database db_;
};

}  // namespace safemap
