#include "core/storage/pg/pg_connection.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstdlib>

#include "core/errors/error_catalogue.h"

namespace safemap {

namespace {

Error serverError(const std::string& message, const std::string& state,
                  const std::string& location) {
    std::string m = message;
    while (!m.empty() && (m.back() == '\n' || m.back() == ' '))
        m.pop_back();
    return codedError("server.error", {m, state}, location);
}

int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

}  // namespace

PgParam pgText(std::string_view text) {
    return std::string(text);
}

PgParam pgTextOrNull(std::string_view text) {
    if (text.empty())
        return std::nullopt;
    return std::string(text);
}

PgParam pgInt(int64_t value) {
    return std::to_string(value);
}

PgParam pgInt(std::optional<int> value) {
    if (!value)
        return std::nullopt;
    return std::to_string(*value);
}

PgParam pgReal(double value) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    return std::string(buf, ec == std::errc() ? static_cast<size_t>(end - buf) : 0);
}

PgParam pgBool(bool value) {
    return std::string(value ? "true" : "false");
}

PgParam pgBytes(const std::vector<uint8_t>& bytes) {
    static const char* hex = "0123456789abcdef";
    std::string out = "\\x";
    out.reserve(2 + bytes.size() * 2);
    for (uint8_t b : bytes) {
        out += hex[b >> 4];
        out += hex[b & 15];
    }
    return out;
}

int PgRows::rows() const {
    return result_ ? PQntuples(result_.get()) : 0;
}

bool PgRows::isNull(int row, int col) const {
    return PQgetisnull(result_.get(), row, col) != 0;
}

std::string PgRows::text(int row, int col) const {
    if (isNull(row, col))
        return {};
    return std::string(PQgetvalue(result_.get(), row, col),
                       static_cast<size_t>(PQgetlength(result_.get(), row, col)));
}

int64_t PgRows::integer(int row, int col) const {
    const char* v = PQgetvalue(result_.get(), row, col);
    const char* e = v + PQgetlength(result_.get(), row, col);
    int64_t out = 0;
    std::from_chars(v, e, out);
    return out;
}

std::optional<int> PgRows::optionalInt(int row, int col) const {
    if (isNull(row, col))
        return std::nullopt;
    return static_cast<int>(integer(row, col));
}

double PgRows::real(int row, int col) const {
    const char* v = PQgetvalue(result_.get(), row, col);
    const char* e = v + PQgetlength(result_.get(), row, col);
    double out = 0;
    std::from_chars(v, e, out);
    return out;
}

bool PgRows::boolean(int row, int col) const {
    const char* v = PQgetvalue(result_.get(), row, col);
    return v && v[0] == 't';
}

std::vector<uint8_t> PgRows::bytes(int row, int col) const {
    std::vector<uint8_t> out;
    if (isNull(row, col))
        return out;
    const char* v = PQgetvalue(result_.get(), row, col);
    const auto n = static_cast<size_t>(PQgetlength(result_.get(), row, col));
    if (n < 2 || v[0] != '\\' || v[1] != 'x')
        return out;
    out.reserve((n - 2) / 2);
    for (size_t i = 2; i + 1 < n; i += 2) {
        const int hi = hexValue(v[i]);
        const int lo = hexValue(v[i + 1]);
        if (hi < 0 || lo < 0)
            return {};
        out.push_back(static_cast<uint8_t>(hi << 4 | lo));
    }
    return out;
}

std::string PgRows::command() const {
    return result_ ? std::string(PQcmdStatus(result_.get())) : std::string();
}

Result<PgConnection> PgConnection::open(const std::string& conninfo, const std::string& location) {
    std::shared_ptr<pg_conn> conn(PQconnectdb(conninfo.c_str()), PQfinish);
    if (!conn)
        return codedError("server.cannot_connect", {"out of memory"}, location);
    if (PQstatus(conn.get()) != CONNECTION_OK) {
        std::string why = PQerrorMessage(conn.get());
        while (!why.empty() && (why.back() == '\n' || why.back() == ' '))
            why.pop_back();
        return codedError("server.cannot_connect", {why}, location);
    }
    // The server's NOTICEs ("already exists, skipping") are for people at psql, not for
    // a program's stderr.
    PQsetNoticeProcessor(
        conn.get(), [](void*, const char*) {}, nullptr);
    PgConnection c;
    c.conn_ = std::move(conn);
    c.location_ = location;
    // The store's text forms: ISO dates, UTC times, UTF-8 (Vietnamese names), and doubles
    // that read back exactly.
    if (auto st = c.exec("SET client_encoding = 'UTF8'; SET DateStyle = 'ISO, YMD'; "
                         "SET TimeZone = 'UTC'; SET extra_float_digits = 1; "
                         "SET bytea_output = 'hex'");
        !st)
        return st.error();
    auto who = c.query("SELECT current_user");
    if (!who)
        return who.error();
    c.user_ = who->text(0, 0);
    return c;
}

Result<PgRows> PgConnection::query(const std::string& sql,
                                   const std::vector<PgParam>& params) const {
    if (!conn_)
        return codedError("server.cannot_connect", {"not connected"}, location_);
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params)
        values.push_back(p ? p->c_str() : nullptr);
    pg_result* raw = params.empty()
                         ? PQexec(conn_.get(), sql.c_str())
                         : PQexecParams(conn_.get(), sql.c_str(), static_cast<int>(params.size()),
                                        nullptr, values.data(), nullptr, nullptr, 0);
    std::shared_ptr<pg_result> result(raw, PQclear);
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        if (!result)
            return serverError(PQerrorMessage(conn_.get()), "", location_);
        const char* state = PQresultErrorField(result.get(), PG_DIAG_SQLSTATE);
        return serverError(PQresultErrorMessage(result.get()), state ? state : "", location_);
    }
    PgRows rows;
    rows.result_ = std::move(result);
    return rows;
}

Status PgConnection::exec(const std::string& sql, const std::vector<PgParam>& params) const {
    auto r = query(sql, params);
    if (!r)
        return r.error();
    return {};
}

bool isServerLocation(std::string_view location) {
    return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::string redactedLocation(std::string_view url) {
    // postgresql://user:password@host… → postgresql://user@host…
    const size_t scheme = url.find("://");
    if (scheme == std::string_view::npos)
        return std::string(url);
    const size_t start = scheme + 3;
    const size_t at = url.find('@', start);
    const size_t slash = url.find('/', start);
    std::string out(url);
    if (at != std::string_view::npos && (slash == std::string_view::npos || at < slash)) {
        const size_t colon = url.find(':', start);
        if (colon != std::string_view::npos && colon < at)
            out = std::string(url.substr(0, colon)) + std::string(url.substr(at));
    }
    // A password given as a query parameter goes too.
    const size_t pw = out.find("password=");
    if (pw != std::string::npos) {
        size_t end = out.find('&', pw);
        out.erase(pw, end == std::string::npos ? std::string::npos : end - pw + 1);
        while (!out.empty() && (out.back() == '&' || out.back() == '?'))
            out.pop_back();
    }
    return out;
}

std::string sqlState(const Error& error) {
    if (error.code != "server.error" || error.args.size() < 2)
        return {};
    return error.args[1];
}

}  // namespace safemap
