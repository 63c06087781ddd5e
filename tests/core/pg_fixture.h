#pragma once
// A throwaway PostgreSQL/PostGIS cluster for tests: scripts/with_postgres starts one and sets
// SAFEMAP_TEST_PG (its superuser's libpq connection string). Without it the PostgreSQL tests
// pass after saying they were skipped and why, so `ctest` alone still runs everywhere.

#include <catch2/catch.hpp>

#include <unistd.h>
#include <atomic>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "core/storage/pg/pg_connection.h"

namespace safemap::test {

inline const char* const kNoPostgres =
    "skipped: SAFEMAP_TEST_PG is not set (run `bash scripts/with_postgres ctest --preset ci` "
    "for the PostgreSQL tests)";

/// The cluster's superuser connection string, or "" without a cluster.
inline std::string pgAdminConnInfo() {
    const char* v = std::getenv("SAFEMAP_TEST_PG");
    return v ? std::string(v) : std::string();
}

inline bool postgresAvailable() {
    return !pgAdminConnInfo().empty();
}

/// One key of the admin connection string ("host", "port", …).
inline std::string pgAdminPart(const std::string& key) {
    // Built by appending: g++ 12 -O3 warns falsely (-Wrestrict) on "literal" + string&&.
    std::string info = " ";
    info += pgAdminConnInfo();
    std::string needle = " ";
    needle += key;
    needle += '=';
    const size_t at = info.find(needle);
    if (at == std::string::npos)
        return {};
    const size_t from = at + needle.size();
    return info.substr(from, info.find(' ', from) - from);
}

/// A postgresql:// URL of `dbname` as the superuser over the cluster's Unix socket.
inline std::string pgAdminUrl(const std::string& dbname) {
    std::string url = "postgresql://";
    url += pgAdminPart("user");
    url += "@/";
    url += dbname;
    url += "?host=";
    url += pgAdminPart("host");
    url += "&port=";
    url += pgAdminPart("port");
    return url;
}

/// A postgresql:// URL logging in as `user` with `password` over TCP on localhost, as a
/// province's office would (SCRAM password authentication).
inline std::string pgUserUrl(const std::string& dbname, const std::string& user,
                             const std::string& password) {
    std::string url = "postgresql://";
    url += user;
    url += ':';
    url += password;
    url += "@127.0.0.1:";
    url += pgAdminPart("port");
    url += '/';
    url += dbname;
    return url;
}

inline PgConnection pgConnect(const std::string& url) {
    auto c = PgConnection::open(url, redactedLocation(url));
    INFO((c.ok() ? std::string() : c.error().describe()));
    REQUIRE(c.ok());
    return std::move(c).value();
}

/// Runs SQL as the superuser in `dbname` (to prepare a database as its administrator would).
inline void pgAdminExec(const std::string& dbname, const std::string& sql) {
    auto c = pgConnect(pgAdminUrl(dbname));
    auto st = c.exec(sql);
    INFO(sql);
    INFO((st.ok() ? std::string() : st.error().describe()));
    REQUIRE(st.ok());
}

/// End-of-test cleanup: `before + name + after` for each name, as the cluster's superuser;
/// failures are ignored (the cluster is thrown away anyway).
inline void pgDropAll(const std::vector<std::string>& names, const std::string& before,
                      const std::string& after) {
    if (names.empty())
        return;
    auto admin = PgConnection::open(pgAdminUrl("postgres"), "cluster");
    if (!admin)
        return;
    for (const auto& n : names) {
        std::string sql = before;
        sql += n;
        sql += after;
        (void)admin->exec(sql);
    }
}

/// \brief Empty databases (with PostGIS, from the cluster's template), dropped at the end.
class PgDatabases {
public:
    PgDatabases() = default;
    PgDatabases(const PgDatabases&) = delete;
    PgDatabases& operator=(const PgDatabases&) = delete;
    ~PgDatabases() { pgDropAll(names_, "DROP DATABASE IF EXISTS ", " WITH (FORCE)"); }
    /// A new database's name.
    std::string create() {
        static std::atomic<int> counter{0};
        std::string name =
            "safemap_t" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
        pgAdminExec("postgres", "CREATE DATABASE " + name + " TEMPLATE safemap_template");
        names_.push_back(name);
        return name;
    }

private:
    std::vector<std::string> names_;
};

/// \brief Login roles for one test (members of a SafeMap group role), dropped at the end.
/// Declare it before the PgDatabases, so the databases go first.
class PgLogins {
public:
    PgLogins() = default;
    PgLogins(const PgLogins&) = delete;
    PgLogins& operator=(const PgLogins&) = delete;
    ~PgLogins() { pgDropAll(names_, "DROP ROLE IF EXISTS ", ""); }
    /// A new login role in `group` ("safemap_inspector", …) with `password`; its name.
    std::string add(const std::string& kind, const std::string& group,
                    const std::string& password) {
        static std::atomic<int> counter{0};
        std::string name =
            kind + "_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
        // The group roles come with the first project's migration; a test that adds its
        // logins before creating its project (or runs first on a new cluster) needs them now.
        std::string ensure = "DO $$ BEGIN CREATE ROLE ";
        ensure += group;
        ensure += " NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$";
        pgAdminExec("postgres", ensure);
        pgAdminExec("postgres",
                    "CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "' IN ROLE " + group);
        names_.push_back(name);
        return name;
    }

private:
    std::vector<std::string> names_;
};

}  // namespace safemap::test
