#include "core/storage/project_store.h"

#include <sqlite3.h>

#include <cstdio>
#include <filesystem>

#include "core/storage/schema.h"

namespace safemap {

Result<ProjectStore> ProjectStore::create(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::exists(path, ec))
        return Error{"file already exists", path};
    auto db = Database::open(path, true);
    if (!db)
        return db.error();
    if (auto st = migrate(*db); !st) {
        std::filesystem::remove(path, ec);
        return st.error();
    }
    ProjectStore store(std::move(db).value());
    return store;
}

Result<ProjectStore> ProjectStore::open(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return Error{"no such file", path};
    auto db = Database::open(path, false);
    if (!db)
        return db.error();
    if (!db->queryInt("SELECT 1 FROM sqlite_master WHERE name='gpkg_contents'"))
        return Error{"not a GeoPackage (no gpkg_contents table)", path};
    if (safemap::schemaVersion(*db) == 0)
        return Error{
            "a GeoPackage, but not a SafeMap project (no safemap_meta table); "
            "import its layers into a project instead",
            path};
    if (auto st = migrate(*db); !st)
        return st.error();
    return ProjectStore(std::move(db).value());
}

int ProjectStore::schemaVersion() const {
    return safemap::schemaVersion(db_);
}

std::string ProjectStore::meta(const std::string& key, const std::string& fallback) const {
    auto st = db_.prepare("SELECT value FROM safemap_meta WHERE key = ?");
    if (!st)
        return fallback;
    st->bind(1, key);
    return st->step() && !st->isNull(0) ? st->text(0) : fallback;
}

Status ProjectStore::setMeta(const std::string& key, const std::string& value) {
    auto st = db_.prepare("INSERT OR REPLACE INTO safemap_meta (key, value) VALUES (?, ?)");
    if (!st)
        return st.error();
    st->bind(1, key).bind(2, value);
    return st->run();
}

Status ProjectStore::saveAs(const std::string& path) const {
    const std::string tmp = path + ".partial";
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    sqlite3* dst = nullptr;
    if (sqlite3_open(tmp.c_str(), &dst) != SQLITE_OK) {
        sqlite3_close(dst);
        return Error{"cannot create file", tmp};
    }
    sqlite3_backup* backup = sqlite3_backup_init(dst, "main", db_.handle(), "main");
    int rc = backup ? sqlite3_backup_step(backup, -1) : sqlite3_errcode(dst);
    if (backup)
        sqlite3_backup_finish(backup);
    if (rc == SQLITE_DONE)
        rc = sqlite3_exec(dst, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
    const std::string msg = sqlite3_errmsg(dst);
    sqlite3_close(dst);
    if (rc != SQLITE_OK && rc != SQLITE_DONE) {
        std::filesystem::remove(tmp, ec);
        return Error{"copy failed: " + msg, path};
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        return Error{"cannot replace file: " + ec.message(), path};
    }
    return {};
}

}  // namespace safemap
