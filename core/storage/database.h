#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace safemap {

class Database;

/// \brief A prepared SQLite statement. Bind by 1-based index, step, read columns.
class Statement {
public:
    Statement() = default;
    Statement(Statement&& o) noexcept;
    Statement& operator=(Statement&& o) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::optional<int> value);
    Statement& bindBlob(int index, const std::vector<uint8_t>& blob);
    Statement& bindNull(int index);
    /// Binds empty text as NULL: optional attributes are NULL in the store, never "".
    Statement& bindTextOrNull(int index, std::string_view text);
    /// As bind and bindTextOrNull, without SQLite's copy of the text: for bulk writes whose
    /// values outlive the statement's next run() (it steps and resets at once).
    Statement& bindUncopied(int index, std::string_view text);
    Statement& bindUncopiedOrNull(int index, std::string_view text);
    Statement& bindBlobUncopied(int index, std::span<const uint8_t> blob);

    /// Returns true while there is a row; false when done. Errors are remembered (error()).
    bool step();
    /// Steps once and reports failure as an Error (for INSERT/UPDATE/DELETE).
    [[nodiscard]] Status run();
    void reset();

    bool isNull(int col) const;
    std::string text(int col) const;
    int64_t integer(int col) const;
    std::optional<int> optionalInt(int col) const;
    double real(int col) const;
    std::vector<uint8_t> blob(int col) const;
    /// The column's bytes without a copy; valid until the next step, reset or read of it.
    std::string_view textView(int col) const;
    std::span<const uint8_t> blobView(int col) const;

    const std::string& error() const { return error_; }
    /// The remembered error as an Error about `path` (sqliteError).
    Error failure(const std::string& path) const;

private:
    friend class Database;
    Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
    std::string error_;
    int errorCode_ = 0;
};

/// How a file is opened.
enum class OpenMode {
    ReadWrite,  ///< an existing file
    Create,     ///< a new file (or an existing one)
    /// A new file that nothing refers to yet: a temporary one, renamed into place only when
    /// complete (commitTemporaryFile). Its rollback journal is kept in memory and nothing is
    /// synced, since a failure or a kill abandons the whole file; the rename's own sync makes
    /// it durable.
    CreateTemporary,
    ReadOnly,  ///< never written: SQLite refuses every write on the connection
};

/// \brief One SQLite connection, with the GeoPackage SQL functions registered.
class Database {
public:
    /// A second writer waits this long for the first to finish before giving up with a
    /// message that names the project (imports of a million rows take seconds, not minutes).
    static constexpr int kBusyTimeoutMs = 30000;

    [[nodiscard]] static Result<Database> open(const std::string& path, OpenMode mode);
    /// Connections opened after this call leave out SQLite's lock around every call on them
    /// (its multi-thread mode, SQLITE_OPEN_NOMUTEX). Only for a program that never uses one
    /// connection on two threads at once, as the command-line front, whose second threads
    /// open their own: a list there takes and drops the lock for every column of every
    /// row, 8 % of its time (docs/benchmarks.md, E). The window keeps the lock.
    static void openWithoutLocks();
    /// Leaves out SQLite's count of the memory it holds (SQLITE_CONFIG_MEMSTATUS), which
    /// takes a process-wide lock around every allocation of every connection: 2.7 % of an
    /// assessment import's instructions. Nothing in SafeMap reads the count or sets a heap
    /// limit. Must come before SQLite's first use in the process (a later call does nothing),
    /// so it is the first thing each program's main does.
    static void withoutMemoryStatistics();
    /// A private in-memory copy of `source` (SQLite's backup API), e.g. to upgrade a
    /// project that was opened read-only without writing to its file.
    [[nodiscard]] static Result<Database> memoryCopyOf(const Database& source);
    Database(Database&& o) noexcept;
    Database& operator=(Database&& o) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    [[nodiscard]] Status exec(std::string_view sql);
    /// Prepare or fail with the SQL and SQLite's message; callers treat failure as a bug.
    Result<Statement> prepare(std::string_view sql) const;
    /// First column of the first row, as text, or nothing.
    std::optional<std::string> queryText(std::string_view sql) const;
    std::optional<int64_t> queryInt(std::string_view sql) const;
    /// The current UTC time as SQLite sees it, "YYYY-MM-DDTHH:MM:SSZ" (for logs and records).
    std::string nowUtc() const;
    void setBusyTimeout(int milliseconds);
    int64_t lastInsertId() const;
    int changes() const;
    const std::string& path() const { return path_; }
    bool readOnly() const { return readOnly_; }
    sqlite3* handle() const { return db_; }

private:
    Database(sqlite3* db, std::string path, bool readOnly)
        : db_(db), path_(std::move(path)), readOnly_(readOnly) {}
    sqlite3* db_ = nullptr;
    std::string path_;
    bool readOnly_ = false;
};

/// `name` as an SQL identifier in double quotes (table names a user can edit, in gpkg_contents).
std::string quotedIdentifier(std::string_view name);

/// What to tell the user when another program holds the project's write lock for longer
/// than the busy timeout.
Error busyError(const std::string& path);

/// An SQLite failure (result code `resultCode`, SQLite's own words `detail`) as a coded error
/// about `path`: a file that is not a database, a project another program is writing, a
/// damaged file, a full disk, a read-only file, a file that cannot be opened each by name;
/// any other with SQLite's words (storage.sqlite).
Error sqliteError(int resultCode, std::string detail, std::string path);

/// \brief BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless commit() ran.
///
/// This is what makes every write all-or-nothing: an early return, an error or a killed
/// process leaves the file as it was before the transaction began.
class Transaction {
public:
    explicit Transaction(Database& db);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    bool began() const { return began_; }
    const Error& beginError() const { return beginError_; }
    [[nodiscard]] Status commit();

private:
    Database& db_;
    bool began_ = false;
    bool done_ = false;
    Error beginError_;
};

}  // namespace safemap
