#include "core/storage/factory_bulk_insert.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "core/errors/error_catalogue.h"
#include "core/storage/database.h"
#include "core/storage/factory_rows.h"

namespace safemap {

namespace {

// 256 rows of 15 parameters stay far below SQLite's 32,766; larger statements gained
// nothing measurable.
constexpr size_t kRowsPerInsert = 256;

std::string insertSql(size_t rows) {
    std::string sql =
        std::string("INSERT INTO factories (") + kFactoryColumns + ", updated_at) VALUES ";
    std::string row = "(?";
    for (int k = 1; k < kFactoryColumnCount + 1; ++k)  // the columns and updated_at
        row += ", ?";
    row += ')';
    for (size_t i = 0; i < rows; ++i)
        (sql += i ? ", " : "") += row;
    return sql;
}

// The CREATE INDEX statements of `table`'s own indexes (not the ones SQLite makes for
// UNIQUE and PRIMARY KEY, whose sql is NULL), dropped; their SQL to create them again.
Result<std::vector<std::string>> dropIndexes(Database& db, const std::string& table) {
    auto st = db.prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS "
        "NOT NULL ORDER BY name");
    if (!st)
        return st.error();
    st->bind(1, table);
    std::vector<std::string> names, sql;
    while (st->step()) {
        names.push_back(st->text(0));
        sql.push_back(st->text(1));
    }
    if (!st->error().empty())
        return st->failure(db.path());
    for (const auto& name : names)
        if (auto r = db.exec("DROP INDEX " + quotedIdentifier(name)); !r)
            return r.error();
    return sql;
}

}  // namespace

Status insertNewFactories(Database& db, std::span<const Factory> factories, int64_t importId,
                          const std::string& now) {
    const auto before = db.queryInt("SELECT coalesce(max(fid), 0) FROM factories");
    if (!before)
        return codedError("project.table_unreadable", {"factories", "no highest fid"}, db.path());
    auto indexes = dropIndexes(db, "factories");
    if (!indexes)
        return indexes.error();
    constexpr int kParams = kFactoryColumnCount + 1;  // and updated_at
    auto full = db.prepare(insertSql(kRowsPerInsert));
    if (!full)
        return full.error();
    for (size_t begin = 0; begin < factories.size(); begin += kRowsPerInsert) {
        const size_t n = std::min(kRowsPerInsert, factories.size() - begin);
        std::optional<Statement> last;
        if (n < kRowsPerInsert) {
            auto st = db.prepare(insertSql(n));
            if (!st)
                return st.error();
            last.emplace(std::move(st).value());
        }
        Statement& ins = last ? *last : *full;
        for (size_t i = 0; i < n; ++i) {
            const int first = static_cast<int>(i) * kParams;
            bindFactory(ins, first, factories[begin + i]);
            ins.bindUncopied(first + kParams, now);
        }
        if (auto st = ins.run(); !st)
            return st;
    }
    // Their log lines in the order they were inserted, as the row-by-row upsert writes them.
    auto log = db.prepare(
        "INSERT INTO change_log (changed_at, table_name, row_key, action, import_id, detail) "
        "SELECT ?, 'factories', site_id, 'insert', ?, NULL FROM factories WHERE fid > ? "
        "ORDER BY fid");
    if (!log)
        return log.error();
    log->bind(1, now).bind(2, importId).bind(3, *before);
    if (auto st = log->run(); !st)
        return st;
    for (const auto& sql : *indexes)
        if (auto st = db.exec(sql); !st)
            return st;
    return {};
}

}  // namespace safemap
