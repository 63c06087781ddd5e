#pragma once
// The repository suite runs the same tests against every ProjectRepository implementation:
// REPOSITORY_TEST defines the body once and a test case per backend (a GeoPackage file and
// a database on the PostgreSQL test cluster). Backend::newLocation() gives where a new,
// empty project can be created: a file path or a postgresql:// URL.

#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include "pg_fixture.h"
#include "project_fixture.h"
#include "test_support.h"

namespace safemap::test {

class Backend {
public:
    virtual ~Backend() = default;
    virtual std::string newLocation() = 0;
    /// A GeoPackage: tests may also look at the file's own tables.
    virtual bool isFile() const = 0;
    /// Runs SQL on the store directly, as another tool (or a failing disk) might.
    virtual void exec(const std::string& location, const std::string& sql) = 0;
    /// One number read from the store directly.
    virtual std::optional<long long> queryInt(const std::string& location,
                                              const std::string& sql) = 0;
    /// How many scores the store holds ("" = of every set), counted in its own layout.
    virtual long long scoreCount(const std::string& location, const std::string& setId = "") = 0;
};

class FileBackend final : public Backend {
public:
    std::string newLocation() override { return dir_.file(numbered("p", ++n_) + ".gpkg"); }
    bool isFile() const override { return true; }
    void exec(const std::string& location, const std::string& sql) override {
        sqlExec(location, sql);
    }
    std::optional<long long> queryInt(const std::string& location,
                                      const std::string& sql) override {
        return sqlInt(location, sql);
    }
    long long scoreCount(const std::string& location, const std::string& setId) override {
        return sqlInt(location,
                      "SELECT coalesce(sum(scores), 0) FROM score_blocks" +
                          (setId.empty() ? std::string() : " WHERE set_id = '" + setId + "'"))
            .value_or(-1);
    }

private:
    TempDir dir_;
    long long n_ = 0;
};

class ServerBackend final : public Backend {
public:
    std::string newLocation() override { return pgAdminUrl(databases_.create()); }
    bool isFile() const override { return false; }
    void exec(const std::string& location, const std::string& sql) override {
        auto c = pgConnect(location);
        auto st = c.exec(sql);
        INFO(sql);
        INFO((st.ok() ? std::string() : st.error().describe()));
        REQUIRE(st.ok());
    }
    std::optional<long long> queryInt(const std::string& location,
                                      const std::string& sql) override {
        auto c = pgConnect(location);
        auto r = c.query(sql);
        if (!r || r->rows() == 0 || r->isNull(0, 0))
            return std::nullopt;
        return r->integer(0, 0);
    }
    long long scoreCount(const std::string& location, const std::string& setId) override {
        return queryInt(location,
                        "SELECT count(*) FROM scores" +
                            (setId.empty() ? std::string() : " WHERE set_id = '" + setId + "'"))
            .value_or(-1);
    }

private:
    PgDatabases databases_;
};

}  // namespace safemap::test

#define SAFEMAP_CAT2(a, b) a##b
#define SAFEMAP_CAT(a, b) SAFEMAP_CAT2(a, b)
#define SAFEMAP_REPOSITORY_TEST(fn, title)                        \
    static void fn(safemap::test::Backend& backend);              \
    TEST_CASE("GeoPackage: " title, "[repository]") {             \
        safemap::test::FileBackend b;                             \
        fn(b);                                                    \
    }                                                             \
    TEST_CASE("PostgreSQL: " title, "[repository][postgresql]") { \
        if (!safemap::test::postgresAvailable()) {                \
            WARN(safemap::test::kNoPostgres);                     \
            return;                                               \
        }                                                         \
        safemap::test::ServerBackend b;                           \
        fn(b);                                                    \
    }                                                             \
    static void fn(safemap::test::Backend& backend)
/// REPOSITORY_TEST("title") { …body using `backend`… }
#define REPOSITORY_TEST(title) SAFEMAP_REPOSITORY_TEST(SAFEMAP_CAT(repositoryTest, __LINE__), title)
