#include "core/storage/site_store.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "core/errors/error_catalogue.h"
#include "core/storage/database.h"
#include "core/storage/factory_bulk_insert.h"
#include "core/storage/factory_rows.h"
#include "core/storage/gpkg_geometry.h"
#include "core/storage/rtree_bulk.h"
#include "core/storage/site_merge.h"

namespace safemap {

namespace {

Zone readZone(const Statement& st) {
    Zone z;
    z.id = st.text(0);
    z.kind = zoneKindFromCode(st.text(1)).value_or(ZoneKind::IndustrialZone);
    z.name = st.text(2);
    z.province = st.text(3);
    z.district = st.text(4);
    const auto blob = st.blob(5);
    if (auto mp = decodeGpkgMultiPolygon(blob))
        z.area = std::move(*mp);
    return z;
}

Factory readFactory(const Statement& st) {
    Factory f;
    f.id = st.text(0);
    f.taxCode = st.text(1);
    f.name = st.text(2);
    f.zoneId = st.text(3);
    f.province = st.text(4);
    f.district = st.text(5);
    f.address = st.text(6);
    f.sector = st.text(7);
    f.workforce.total = st.optionalInt(8);
    f.workforce.outOfProvince = st.optionalInt(9);
    f.workforce.largestShift = st.optionalInt(10);
    // Views, not copies: a window or a list reads 100,000 of these.
    if (!st.isNull(11))
        f.accountIssued = parseDate(st.textView(11));
    if (auto p = decodeGpkgPoint(st.blobView(12)))
        f.location = *p;
    f.approximatePosition = st.integer(13) != 0;
    return f;
}

constexpr const char* kZoneColumns = "zone_id, kind, name, province, district, geom";
Status updateExtent(Database& db, const char* table) {
    // One scan of the index for all four bounds (four subqueries scanned it four times).
    const std::string rtree = quotedIdentifier(std::string("rtree_") + table + "_geom");
    return db.exec(
        "UPDATE gpkg_contents SET (min_x, max_x, min_y, max_y) = (SELECT min(minx), "
        "max(maxx), min(miny), max(maxy) FROM " +
        rtree + "), last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name = '" +
        std::string(table) + "'");
}

// Shared shape of the two upserts: look the row up by key, compare, then insert or update.
template <class Site, class Bind>
Status upsertAll(Database& db, const std::vector<Site>& sites,
                 const std::unordered_map<std::string, Site>& existing,
                 const std::set<SiteField>& provided, const std::string& insertSql,
                 const std::string& updateSql, const char* table, int64_t importId,
                 const std::string& now, Bind bindColumns, ImportSummary& sum) {
    auto ins = db.prepare(insertSql);
    auto upd = db.prepare(updateSql);
    auto log = db.prepare(
        "INSERT INTO change_log (changed_at, table_name, row_key, action, import_id, detail) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    if (!ins)
        return ins.error();
    if (!upd)
        return upd.error();
    if (!log)
        return log.error();
    std::set<std::string> changed;
    for (const auto& site : sites) {
        auto it = existing.find(site.id);
        const char* action = nullptr;
        changed.clear();
        if (it == existing.end()) {
            bindColumns(*ins, site);
            ins->bindUncopied(15, now);
            if (auto st = ins->run(); !st)
                return st;
            ++sum.inserted;
            action = "insert";
        } else if (const Site updated = mergeSite(it->second, site, provided, changed);
                   !changed.empty()) {
            bindColumns(*upd, updated);
            upd->bindUncopied(15, now);
            if (auto st = upd->run(); !st)
                return st;
            ++sum.updated;
            sum.updatedAttributes.insert(changed.begin(), changed.end());
            action = "update";
        } else {
            ++sum.unchanged;
        }
        if (action) {
            std::string detail;
            for (const auto& key : changed)
                detail += (detail.empty() ? "" : ", ") + key;
            log->bindUncopied(1, now)
                .bindUncopied(2, std::string_view(table))
                .bindUncopied(3, site.id)
                .bindUncopied(4, std::string_view(action))
                .bind(5, importId)
                .bindTextOrNull(6, detail);
            if (auto st = log->run(); !st)
                return st;
        }
    }
    return {};
}

std::string placeholders(int n) {
    std::string s;
    for (int i = 0; i < n; ++i)
        s += i ? ", ?" : "?";
    return s;
}

// The edit's check: every facility it read still has the version it read. Runs inside
// the write transaction (BEGIN IMMEDIATE), so nobody can change one between check and write.
Status checkReadVersions(const Database& db, const SiteBatch& batch) {
    for (const auto& [siteId, read] : batch.readVersions) {
        auto now = loadFacilityVersion(db, siteId);
        if (!now)
            return now.error();
        if (now->version == 0)
            return codedError("project.no_such_facility", {siteId}, db.path());
        if (now->version != read) {
            auto name = db.prepare("SELECT name FROM factories WHERE site_id = ?");
            if (!name)
                return name.error();
            name->bind(1, siteId);
            const std::string shown = name->step() ? name->text(0) : siteId;
            return codedError("project.facility_conflict", {shown, siteId, now->changedAt},
                              db.path());
        }
    }
    return {};
}

}  // namespace

Result<RowVersion> loadFacilityVersion(const Database& db, const std::string& siteId) {
    auto st = db.prepare(
        "SELECT f.updated_at, (SELECT max(c.fid) FROM change_log c "
        "WHERE c.table_name = 'factories' AND c.row_key = f.site_id) "
        "FROM factories f WHERE f.site_id = ?");
    if (!st)
        return st.error();
    st->bind(1, siteId);
    RowVersion v;
    if (st->step()) {
        v.changedAt = st->text(0);
        v.version = (st->isNull(1) ? 0 : st->integer(1)) + 1;
    }
    if (!st->error().empty())
        return st->failure(db.path());
    return v;
}

Result<ImportSummary> upsertSites(Database& db, const SiteBatch& batch,
                                  const std::string& sourceName) {
    if (auto st = checkReadVersions(db, batch); !st)
        return st.error();
    ImportSummary sum;
    sum.rows = static_cast<int>(batch.zones.size() + batch.factories.size());
    const std::string now = db.nowUtc();

    auto logImport = db.prepare(
        "INSERT INTO import_log (imported_at, kind, source_file, rows) VALUES (?, 'sites', ?, ?)");
    if (!logImport)
        return logImport.error();
    logImport->bind(1, now).bind(2, sourceName).bind(3, sum.rows);
    if (auto st = logImport->run(); !st)
        return st.error();
    const int64_t importId = db.lastInsertId();

    auto storedZones = loadZones(db);
    if (!storedZones)
        return storedZones.error();
    std::unordered_map<std::string, Zone> zones;
    for (auto& z : *storedZones)
        zones.emplace(z.id, std::move(z));
    auto bindZone = [](Statement& st, const Zone& z) {
        st.bind(1, z.id).bind(2, zoneKindCode(z.kind)).bind(3, z.name);
        st.bindTextOrNull(4, z.province).bindTextOrNull(5, z.district);
        st.bindBlob(6, encodeGpkgMultiPolygon(z.area));
        for (int i = 7; i <= 14; ++i)
            st.bindNull(i);  // keeps one binder shape for both tables
    };
    // ?7..?14 unused for zones; SQLite allows gaps in numbered parameters.
    if (auto st = upsertAll(
            db, batch.zones, zones, batch.provided,
            std::string("INSERT INTO zones (") + kZoneColumns +
                ", updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?15)",
            "UPDATE zones SET kind = ?2, name = ?3, province = ?4, district = ?5, geom = ?6, "
            "updated_at = ?15 WHERE zone_id = ?1",
            "zones", importId, now, bindZone, sum);
        !st)
        return st.error();

    auto storedFactories = loadFactories(db);
    if (!storedFactories)
        return storedFactories.error();
    std::unordered_map<std::string, Factory> factories;
    for (auto& f : *storedFactories)
        factories.emplace(f.id, std::move(f));
    // The factory outlives the run() that follows the binding: its texts are not copied.
    auto bindRow = [](Statement& st, const Factory& f) { bindFactory(st, 0, f); };
    // A large batch (a province's first import, a re-import of every facility) writes the
    // spatial index once at the end: row by row through the triggers it was most of the time.
    const bool bulkIndex =
        batch.factories.size() >= 1000 && batch.factories.size() * 4 >= factories.size();
    std::string rtreeTriggers;
    if (bulkIndex) {
        auto dropped = suspendRtreeTriggers(db, "factories");
        if (!dropped)
            return dropped.error();
        rtreeTriggers = std::move(*dropped);
    }
    // A province's first import (many facilities, every one new) in a few statements: row by
    // row, the inserts and their log lines were half of it (docs/benchmarks.md, E).
    const bool allNew =
        bulkIndex && std::none_of(batch.factories.begin(), batch.factories.end(),
                                  [&](const Factory& f) { return factories.count(f.id) > 0; });
    const Status written =
        allNew ? insertNewFactories(db, batch.factories, importId, now)
               : upsertAll(db, batch.factories, factories, batch.provided,
                           std::string("INSERT INTO factories (") + kFactoryColumns +
                               ", updated_at) VALUES (" + placeholders(14) + ", ?15)",
                           "UPDATE factories SET tax_code = ?2, name = ?3, zone_id = ?4, "
                           "province = ?5, district = ?6, address = ?7, sector = ?8, "
                           "workers_total = ?9, workers_out_of_province = ?10, "
                           "workers_largest_shift = ?11, account_issued = ?12, geom = ?13, "
                           "approximate_position = ?14, updated_at = ?15 WHERE site_id = ?1",
                           "factories", importId, now, bindRow, sum);
    if (!written)
        return written.error();
    if (allNew)
        sum.inserted += static_cast<int>(batch.factories.size());
    if (bulkIndex) {
        if (auto st = rebuildRtree(db, "factories"); !st)
            return st.error();
        if (auto st = restoreRtreeTriggers(db, rtreeTriggers); !st)
            return st.error();
    }

    auto finish =
        db.prepare("UPDATE import_log SET inserted = ?, updated = ?, unchanged = ? WHERE fid = ?");
    if (!finish)
        return finish.error();
    finish->bind(1, sum.inserted).bind(2, sum.updated).bind(3, sum.unchanged).bind(4, importId);
    if (auto st = finish->run(); !st)
        return st.error();
    if (auto st = updateExtent(db, "zones"); !st)
        return st.error();
    if (auto st = updateExtent(db, "factories"); !st)
        return st.error();
    return sum;
}

Result<std::vector<Zone>> loadZones(const Database& db) {
    std::vector<Zone> out;
    auto st = db.prepare(std::string("SELECT ") + kZoneColumns + " FROM zones ORDER BY fid");
    if (!st)
        return st.error();
    while (st->step())
        out.push_back(readZone(*st));
    if (!st->error().empty())
        return st->failure(db.path());
    return out;
}

namespace {

// How many factories a vector read from the table should be sized for first: growing a
// vector of 100,000 factories moves each one many times over. Bounded, since a damaged
// count must not reserve the machine's memory; 0 if it cannot be read.
size_t factoriesToReserve(const Database& db) {
    if (auto count = db.prepare("SELECT count(*) FROM factories"); count && count->step())
        return static_cast<size_t>(std::clamp<int64_t>(count->integer(0), 0, 1 << 22));
    return 0;
}

template <class Read>
Result<std::vector<Factory>> readFactories(const Database& db, const std::string& columns,
                                           Read read) {
    std::vector<Factory> out;
    out.reserve(factoriesToReserve(db));
    auto st = db.prepare("SELECT " + columns + " FROM factories ORDER BY fid");
    if (!st)
        return st.error();
    while (st->step())
        out.push_back(read(*st));
    if (!st->error().empty())
        return st->failure(db.path());
    return out;
}

}  // namespace

Result<std::vector<Factory>> loadFactories(const Database& db) {
    return readFactories(db, kFactoryColumns, readFactory);
}

Result<std::vector<Factory>> loadFactoryPositions(const Database& db) {
    return readFactories(db, "site_id, zone_id, geom", [](const Statement& st) {
        Factory f;
        f.id = st.text(0);
        f.zoneId = st.text(1);
        if (auto p = decodeGpkgPoint(st.blobView(2)))
            f.location = *p;
        return f;
    });
}

Result<std::vector<std::string>> loadFactoryIds(const Database& db) {
    std::vector<std::string> ids;
    ids.reserve(factoriesToReserve(db));
    // Off the unique index of site ids: already in order, BINARY collation being bytewise.
    auto st = db.prepare("SELECT site_id FROM factories ORDER BY site_id");
    if (!st)
        return st.error();
    while (st->step())
        ids.emplace_back(st->textView(0));
    if (!st->error().empty())
        return st->failure(db.path());
    if (!std::is_sorted(ids.begin(), ids.end()))  // a number stored as an id by another program
        std::sort(ids.begin(), ids.end());
    return ids;
}

Result<std::vector<Factory>> loadFactoryKeys(const Database& db) {
    return readFactories(db, "site_id, tax_code", [](const Statement& st) {
        Factory f;
        f.id = st.text(0);
        f.taxCode = st.text(1);
        return f;
    });
}

}  // namespace safemap
