#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

struct pg_conn;
struct pg_result;

namespace safemap {

/// A query parameter in PostgreSQL's text form; nullopt is SQL NULL.
using PgParam = std::optional<std::string>;

PgParam pgText(std::string_view text);
/// Empty text as NULL: optional attributes are NULL on the server too, never "".
PgParam pgTextOrNull(std::string_view text);
PgParam pgInt(int64_t value);
PgParam pgInt(std::optional<int> value);
/// The shortest text that reads back as the same double (never the C locale's comma).
PgParam pgReal(double value);
PgParam pgBool(bool value);
/// bytea in hex form ("\x…").
PgParam pgBytes(const std::vector<uint8_t>& bytes);

/// \brief The rows of one query (a PGresult), read by row and column from 0.
class PgRows {
public:
    PgRows() = default;
    int rows() const;
    bool isNull(int row, int col) const;
    std::string text(int row, int col) const;
    int64_t integer(int row, int col) const;
    std::optional<int> optionalInt(int row, int col) const;
    double real(int row, int col) const;
    bool boolean(int row, int col) const;
    /// A bytea column (hex output form).
    std::vector<uint8_t> bytes(int row, int col) const;
    /// The command tag ("INSERT 0 3", "COMMIT", "ROLLBACK", …).
    std::string command() const;

private:
    friend class PgConnection;
    std::shared_ptr<pg_result> result_;
};

/// \brief One libpq connection. Every failure is an Error naming the server (never its
/// password) with PostgreSQL's message as args[0] and its SQLSTATE as args[1], so callers
/// can tell "permission denied" (42501) or a serialization failure (40001) from the rest.
class PgConnection {
public:
    /// `conninfo`: a postgresql:// URL or libpq key=value string. `location` is what
    /// messages show (the URL without its password).
    [[nodiscard]] static Result<PgConnection> open(const std::string& conninfo,
                                                   const std::string& location);
    PgConnection() = default;

    const std::string& location() const { return location_; }
    [[nodiscard]] Result<PgRows> query(const std::string& sql,
                                       const std::vector<PgParam>& params = {}) const;
    [[nodiscard]] Status exec(const std::string& sql,
                              const std::vector<PgParam>& params = {}) const;
    /// The role the connection logged in as (current_user at login).
    const std::string& user() const { return user_; }

private:
    std::shared_ptr<pg_conn> conn_;
    std::string location_;
    std::string user_;
};

/// True for a location SafeMap opens on a server: "postgresql://…" or "postgres://…".
bool isServerLocation(std::string_view location);
/// The URL without its password ("postgresql://user@host/db"), for messages and titles.
std::string redactedLocation(std::string_view url);
/// The SQLSTATE of a server error (args[1] of an Error from PgConnection), or "".
std::string sqlState(const Error& error);

}  // namespace safemap
