#include "core/storage/database.h"

#include <sqlite3.h>

#include <atomic>

#include "core/errors/error_catalogue.h"
#include "core/storage/gpkg_functions.h"

namespace safemap {

Statement::Statement(Statement&& o) noexcept
    : db_(o.db_), stmt_(o.stmt_), error_(std::move(o.error_)) {
    o.stmt_ = nullptr;
}

Statement& Statement::operator=(Statement&& o) noexcept {
    if (this != &o) {
        sqlite3_finalize(stmt_);
        db_ = o.db_;
        stmt_ = o.stmt_;
        error_ = std::move(o.error_);
        o.stmt_ = nullptr;
    }
    return *this;
}

Statement::~Statement() {
    sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::string_view text) {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}
Statement& Statement::bind(int index, int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
}
Statement& Statement::bind(int index, double value) {
    sqlite3_bind_double(stmt_, index, value);
    return *this;
}
Statement& Statement::bind(int index, std::optional<int> value) {
    return value ? bind(index, static_cast<int64_t>(*value)) : bindNull(index);
}
Statement& Statement::bindBlob(int index, const std::vector<uint8_t>& blob) {
    sqlite3_bind_blob(stmt_, index, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
    return *this;
}
Statement& Statement::bindNull(int index) {
    sqlite3_bind_null(stmt_, index);
    return *this;
}
Statement& Statement::bindTextOrNull(int index, std::string_view text) {
    return text.empty() ? bindNull(index) : bind(index, text);
}

Statement& Statement::bindUncopied(int index, std::string_view text) {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
    return *this;
}

Statement& Statement::bindBlobUncopied(int index, std::span<const uint8_t> blob) {
    sqlite3_bind_blob(stmt_, index, blob.data(), static_cast<int>(blob.size()), SQLITE_STATIC);
    return *this;
}

Statement& Statement::bindUncopiedOrNull(int index, std::string_view text) {
    return text.empty() ? bindNull(index) : bindUncopied(index, text);
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE) {
        error_ = sqlite3_errmsg(db_);
        errorCode_ = rc;
    }
    return false;
}

Error Statement::failure(const std::string& path) const {
    return sqliteError(errorCode_, error_, path);
}

Status Statement::run() {
    error_.clear();
    errorCode_ = 0;
    step();
    sqlite3_reset(stmt_);
    if (!error_.empty())
        return failure({});
    return {};
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::isNull(int col) const {
    return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

std::string Statement::text(int col) const {
    const auto* p = sqlite3_column_text(stmt_, col);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string();
}
int64_t Statement::integer(int col) const {
    return sqlite3_column_int64(stmt_, col);
}
std::optional<int> Statement::optionalInt(int col) const {
    if (isNull(col))
        return std::nullopt;
    return sqlite3_column_int(stmt_, col);
}
double Statement::real(int col) const {
    return sqlite3_column_double(stmt_, col);
}
std::vector<uint8_t> Statement::blob(int col) const {
    const auto* p = static_cast<const uint8_t*>(sqlite3_column_blob(stmt_, col));
    return p ? std::vector<uint8_t>(p, p + sqlite3_column_bytes(stmt_, col))
             : std::vector<uint8_t>();
}

std::string_view Statement::textView(int col) const {
    const auto* p = sqlite3_column_text(stmt_, col);
    return p ? std::string_view(reinterpret_cast<const char*>(p),
                                static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::string_view();
}
std::span<const uint8_t> Statement::blobView(int col) const {
    const auto* p = static_cast<const uint8_t*>(sqlite3_column_blob(stmt_, col));
    return p ? std::span<const uint8_t>(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : std::span<const uint8_t>();
}

namespace {
Status configure(sqlite3* db, bool readOnly, bool temporary) {
    sqlite3_busy_timeout(db, Database::kBusyTimeoutMs);
    sqlite3_extended_result_codes(db, 1);
    // Rollback journal + full sync: a kill or power cut at any point leaves the last
    // committed state. (WAL would also be safe but leaves -wal/-shm files beside a file users
    // copy around.) A writer's page cache is 16 MB (allocated only as used). It was 64 MB to
    // hold the index pages a million-row import keeps touching, but with the schema of
    // issue 8 a million-row import took the same time with 16 MB and peaked at 136-139 MB
    // instead of 188-191 MB; a re-score under a new set, which reads each page once, took
    // less (0.63 against 0.76 s) with half the memory; 100,000 factories imported alike
    // (docs/benchmarks.md, E). Readers mostly scan, each page once: 8 MB opened the
    // million-assessment project's first frame about 0.3 s sooner than 64 MB, with 50-60 MB
    // less.
    // A new file gets 16 KB pages instead of SQLite's 4 KB: a million assessments are then
    // read in a quarter of the page fetches (re-scoring them took 12 % less time on the
    // bench's VM, importing them 9 % less; docs/benchmarks.md, E). A file that exists keeps
    // its size until it is compacted (VACUUM), which then applies it.
    const char* pragmas = readOnly ? "PRAGMA foreign_keys=ON; PRAGMA cache_size=-8192;"
                                     "PRAGMA temp_store=MEMORY;"
                                   : "PRAGMA page_size=16384;"
                                     "PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL;"
                                     "PRAGMA foreign_keys=ON; PRAGMA cache_size=-16384;"
                                     "PRAGMA temp_store=MEMORY;";
    char* msg = nullptr;
    int rc = sqlite3_exec(db, pragmas, nullptr, nullptr, &msg);
    // After the above, which fixes the page size: a temporary file's journal is no use on
    // disk (docs/benchmarks.md, E: 100,000 factories into a new project 0.1 s sooner).
    if (rc == SQLITE_OK && temporary)
        rc = sqlite3_exec(db, "PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF;", nullptr,
                          nullptr, &msg);
    if (rc != SQLITE_OK) {
        Error e = sqliteError(rc, msg ? msg : "SQLite error", {});
        sqlite3_free(msg);
        return e;
    }
    registerGpkgFunctions(db);
    return {};
}
}  // namespace

std::string quotedIdentifier(std::string_view name) {
    std::string q = "\"";
    for (char c : name)
        q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

Error busyError(const std::string& path) {
    return codedError("project.busy", {}, path);
}

Error sqliteError(int resultCode, std::string detail, std::string path) {
    switch (resultCode & 0xff) {
        case SQLITE_NOTADB:
            return codedError("project.not_a_database", {}, std::move(path));
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return busyError(path);
        case SQLITE_CORRUPT:
            return codedError("project.damaged", {}, std::move(path));
        case SQLITE_FULL:
            return codedError("file.disk_full", {}, std::move(path));
        case SQLITE_READONLY:
            return codedError("project.read_only_file", {}, std::move(path));
        case SQLITE_CANTOPEN:
            return codedError("project.cannot_open", {}, std::move(path));
        case SQLITE_PERM:
        case SQLITE_AUTH:
            return codedError("file.no_permission", {}, std::move(path));
        case SQLITE_IOERR:
            return codedError("project.io_error", {std::move(detail)}, std::move(path));
        default:
            return codedError("storage.sqlite", {std::move(detail)}, std::move(path));
    }
}

namespace {
std::atomic<bool> withoutLocks{false};

int lockFlag() {
    return withoutLocks.load(std::memory_order_relaxed) ? SQLITE_OPEN_NOMUTEX
                                                        : SQLITE_OPEN_FULLMUTEX;
}
}  // namespace

void Database::openWithoutLocks() {
    withoutLocks.store(true, std::memory_order_relaxed);
}

void Database::withoutMemoryStatistics() {
    // SQLITE_MISUSE once SQLite has started: then the count simply stays on.
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

Result<Database> Database::open(const std::string& path, OpenMode mode) {
    sqlite3* db = nullptr;
    const int flags =
        (mode == OpenMode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
        (mode == OpenMode::Create || mode == OpenMode::CreateTemporary ? SQLITE_OPEN_CREATE : 0) |
        lockFlag();
    if (const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr); rc != SQLITE_OK) {
        Error e = db ? sqliteError(rc, sqlite3_errmsg(db), path)
                     : codedError("storage.out_of_memory", {}, path);
        sqlite3_close(db);
        return e;
    }
    Database out(db, path, mode == OpenMode::ReadOnly);
    if (auto st = configure(db, out.readOnly_, mode == OpenMode::CreateTemporary); !st) {
        Error e = st.error();
        e.file = path;
        return e;
    }
    return out;
}

Result<Database> Database::memoryCopyOf(const Database& source) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | lockFlag(), nullptr) !=
        SQLITE_OK) {
        sqlite3_close(db);
        return codedError("storage.out_of_memory", {}, source.path());
    }
    sqlite3_backup* backup = sqlite3_backup_init(db, "main", source.db_, "main");
    int rc = backup ? sqlite3_backup_step(backup, -1) : sqlite3_errcode(db);
    if (backup)
        sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
        Error e = sqliteError(rc, sqlite3_errmsg(db), source.path());
        sqlite3_close(db);
        return e;
    }
    Database out(db, source.path(), false);
    if (auto st = configure(db, true, false); !st) {
        Error e = st.error();
        e.file = source.path();
        return e;
    }
    return out;
}

Database::Database(Database&& o) noexcept
    : db_(o.db_), path_(std::move(o.path_)), readOnly_(o.readOnly_) {
    o.db_ = nullptr;
}

Database& Database::operator=(Database&& o) noexcept {
    if (this != &o) {
        sqlite3_close_v2(db_);
        db_ = o.db_;
        path_ = std::move(o.path_);
        readOnly_ = o.readOnly_;
        o.db_ = nullptr;
    }
    return *this;
}

Database::~Database() {
    sqlite3_close_v2(db_);
}

Status Database::exec(std::string_view sql) {
    char* msg = nullptr;
    const std::string s(sql);
    if (const int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &msg); rc != SQLITE_OK) {
        Error e = sqliteError(rc, msg ? msg : "SQLite error", path_);
        sqlite3_free(msg);
        return e;
    }
    return {};
}

Result<Statement> Database::prepare(std::string_view sql) const {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
        SQLITE_OK)
        return sqliteError(sqlite3_errcode(db_),
                           std::string(sqlite3_errmsg(db_)) + " in: " + std::string(sql), path_);
    return Statement(db_, stmt);
}

std::optional<std::string> Database::queryText(std::string_view sql) const {
    auto st = prepare(sql);
    if (!st || !st->step() || st->isNull(0))
        return std::nullopt;
    return st->text(0);
}

std::optional<int64_t> Database::queryInt(std::string_view sql) const {
    auto st = prepare(sql);
    if (!st || !st->step() || st->isNull(0))
        return std::nullopt;
    return st->integer(0);
}

std::string Database::nowUtc() const {
    return queryText("SELECT strftime('%Y-%m-%dT%H:%M:%SZ','now')").value_or("");
}

void Database::setBusyTimeout(int milliseconds) {
    sqlite3_busy_timeout(db_, milliseconds);
}

int64_t Database::lastInsertId() const {
    return sqlite3_last_insert_rowid(db_);
}
int Database::changes() const {
    return sqlite3_changes(db_);
}

Transaction::Transaction(Database& db) : db_(db) {
    const int rc = sqlite3_exec(db_.handle(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    began_ = rc == SQLITE_OK;
    if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        beginError_ = busyError(db_.path());
    else if (!began_)
        beginError_ = sqliteError(rc, sqlite3_errmsg(db_.handle()), db_.path());
}

Transaction::~Transaction() {
    if (began_ && !done_)
        (void)db_.exec("ROLLBACK");
}

Status Transaction::commit() {
    if (!began_)
        return beginError_;
    done_ = true;
    if (auto st = db_.exec("COMMIT"); !st) {
        (void)db_.exec("ROLLBACK");
        Error e = st.error();
        e.file = db_.path();
        return e;
    }
    return {};
}

}  // namespace safemap
