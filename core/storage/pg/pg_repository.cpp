#include "core/storage/pg/pg_repository.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "core/criteria/criteria_io.h"
#include "core/errors/error_catalogue.h"
#include "core/scoring/compiled_criteria.h"
#include "core/storage/assessment_store.h"
#include "core/storage/gpkg_geometry.h"
#include "core/storage/inspection_record_store.h"
#include "core/storage/pg/pg_schema.h"
#include "core/storage/score_text.h"
#include "core/storage/site_merge.h"
#include "core/text/quoted.h"

namespace safemap {

namespace {

// Site imports read the stored sites, merge and write: two clients importing the same new
// site at once must not both insert it, so site imports take turns (per database).
constexpr const char* kSiteImportLock = "SELECT pg_advisory_xact_lock(7306020002)";
// A timestamptz column as the store's UTC text ("YYYY-MM-DDTHH:MM:SSZ").
std::string utcText(const char* column) {
    std::string s = "to_char(";
    s += column;
    s += " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
    return s;
}
// Taken by storeCriteriaSet until the transaction ends (see there).
constexpr const char* kCriteriaLock = "SELECT pg_advisory_xact_lock(7306020003)";
// Rows per multi-row INSERT: few round trips, well under libpq's 65535 parameters.
constexpr size_t kChunk = 500;

// WKB of a GeoPackage blob: the blob minus its header and envelope (GPKG 1.3 §2.1.3).
std::vector<uint8_t> wkbOf(const std::vector<uint8_t>& gpkg) {
    if (gpkg.size() < 8)
        return {};
    static constexpr size_t kEnvelope[8] = {0, 32, 48, 48, 64, 0, 0, 0};
    const size_t header = 8 + kEnvelope[(gpkg[3] >> 1) & 7];
    if (gpkg.size() < header)
        return {};
    return {gpkg.begin() + static_cast<std::ptrdiff_t>(header), gpkg.end()};
}

// A GeoPackage blob around WKB from PostGIS (little-endian header, no envelope), so the one
// decoder of the store reads both.
std::vector<uint8_t> gpkgOf(const std::vector<uint8_t>& wkb) {
    std::vector<uint8_t> out = {'G', 'P', 0, 0x01, 0xE6, 0x10, 0, 0};  // SRS 4326
    out.insert(out.end(), wkb.begin(), wkb.end());
    return out;
}

std::string placeholders(size_t first, size_t count, const char* cast = nullptr) {
    std::string s = "(";
    for (size_t i = 0; i < count; ++i) {
        if (i)
            s += ", ";
        s += '$';
        s += std::to_string(first + i);
        if (cast && i == count - 1)
            s += cast;
    }
    s += ')';
    return s;
}

constexpr const char* kZoneSelect =
    "SELECT zone_id, kind, name, province, district, ST_AsBinary(geom) FROM zones";
constexpr const char* kFactorySelect =
    "SELECT site_id, tax_code, name, zone_id, province, district, address, sector, "
    "workers_total, workers_out_of_province, workers_largest_shift, account_issued, "
    "ST_X(geom), ST_Y(geom), approximate_position FROM factories";

Zone readZone(const PgRows& r, int i) {
    Zone z;
    z.id = r.text(i, 0);
    z.kind = zoneKindFromCode(r.text(i, 1)).value_or(ZoneKind::IndustrialZone);
    z.name = r.text(i, 2);
    z.province = r.text(i, 3);
    z.district = r.text(i, 4);
    if (!r.isNull(i, 5))
        if (auto mp = decodeGpkgMultiPolygon(gpkgOf(r.bytes(i, 5))))
            z.area = std::move(*mp);
    return z;
}

Factory readFactory(const PgRows& r, int i) {
    Factory f;
    f.id = r.text(i, 0);
    f.taxCode = r.text(i, 1);
    f.name = r.text(i, 2);
    f.zoneId = r.text(i, 3);
    f.province = r.text(i, 4);
    f.district = r.text(i, 5);
    f.address = r.text(i, 6);
    f.sector = r.text(i, 7);
    f.workforce.total = r.optionalInt(i, 8);
    f.workforce.outOfProvince = r.optionalInt(i, 9);
    f.workforce.largestShift = r.optionalInt(i, 10);
    if (!r.isNull(i, 11))
        f.accountIssued = parseDate(r.text(i, 11));
    if (!r.isNull(i, 12))
        f.location = {r.real(i, 12), r.real(i, 13)};
    f.approximatePosition = r.boolean(i, 14);
    return f;
}

std::vector<PgParam> zoneParams(const Zone& z) {
    return {pgText(z.id),
            pgText(zoneKindCode(z.kind)),
            pgText(z.name),
            pgTextOrNull(z.province),
            pgTextOrNull(z.district),
            pgBytes(wkbOf(encodeGpkgMultiPolygon(z.area)))};
}

std::vector<PgParam> factoryParams(const Factory& f) {
    return {pgText(f.id),
            pgTextOrNull(f.taxCode),
            pgText(f.name),
            pgTextOrNull(f.zoneId),
            pgTextOrNull(f.province),
            pgTextOrNull(f.district),
            pgTextOrNull(f.address),
            pgTextOrNull(f.sector),
            pgInt(f.workforce.total),
            pgInt(f.workforce.outOfProvince),
            pgInt(f.workforce.largestShift),
            f.accountIssued ? pgText(formatDate(*f.accountIssued)) : PgParam(),
            pgReal(f.location.lon),
            pgReal(f.location.lat),
            pgBool(f.approximatePosition)};
}

const char* const kZoneInsert =
    "INSERT INTO zones (zone_id, kind, name, province, district, geom, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, ST_Multi(ST_GeomFromWKB($6, 4326)), now())";
const char* const kZoneUpdate =
    "UPDATE zones SET kind = $2, name = $3, province = $4, district = $5, "
    "geom = ST_Multi(ST_GeomFromWKB($6, 4326)), updated_at = now(), "
    "row_version = row_version + 1 WHERE zone_id = $1";
const char* const kFactoryInsert =
    "INSERT INTO factories (site_id, tax_code, name, zone_id, province, district, address, "
    "sector, workers_total, workers_out_of_province, workers_largest_shift, account_issued, "
    "geom, approximate_position, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
    "$11, $12, ST_SetSRID(ST_MakePoint($13, $14), 4326), $15, now())";
const char* const kFactoryUpdate =
    "UPDATE factories SET tax_code = $2, name = $3, zone_id = $4, province = $5, "
    "district = $6, address = $7, sector = $8, workers_total = $9, "
    "workers_out_of_province = $10, workers_largest_shift = $11, account_issued = $12, "
    "geom = ST_SetSRID(ST_MakePoint($13, $14), 4326), approximate_position = $15, "
    "updated_at = now(), row_version = row_version + 1 WHERE site_id = $1";

// Inserts new sites and updates known ones, logging each change (as the GeoPackage does).
template <class Site, class Params>
Status upsertAll(const PgConnection& db, const std::vector<Site>& sites,
                 const std::unordered_map<std::string, Site>& existing,
                 const std::set<SiteField>& provided, const char* insertSql, const char* updateSql,
                 const char* table, int64_t importId, Params params, ImportSummary& sum) {
    std::set<std::string> changed;
    for (const auto& site : sites) {
        auto it = existing.find(site.id);
        const char* action = nullptr;
        changed.clear();
        if (it == existing.end()) {
            if (auto st = db.exec(insertSql, params(site)); !st)
                return st;
            ++sum.inserted;
            action = "insert";
        } else if (const Site updated = mergeSite(it->second, site, provided, changed);
                   !changed.empty()) {
            if (auto st = db.exec(updateSql, params(updated)); !st)
                return st;
            ++sum.updated;
            sum.updatedAttributes.insert(changed.begin(), changed.end());
            action = "update";
        } else {
            ++sum.unchanged;
        }
        if (action) {
            std::string detail;
            for (const auto& key : changed) {
                if (!detail.empty())
                    detail += ", ";
                detail += key;
            }
            if (auto st = db.exec(
                    "INSERT INTO change_log (table_name, row_key, action, import_id, detail) "
                    "VALUES ($1, $2, $3, $4, $5)",
                    {pgText(table), pgText(site.id), pgText(action), pgInt(importId),
                     pgTextOrNull(detail)});
                !st)
                return st;
        }
    }
    return {};
}

Assessment readAssessment(const PgRows& r, int i, int first) {
    Assessment a;
    a.siteId = r.text(i, first);
    if (auto d = parseDate(r.text(i, first + 1)))
        a.date = *d;
    a.submitter = r.text(i, first + 2);
    a.answers = answersFromJson(r.text(i, first + 3));
    return a;
}

Result<PgConnection> connect(const std::string& url) {
    auto db = PgConnection::open(url, redactedLocation(url));
    if (!db)
        return db.error();
    // A waiting writer gives up after a while with the server's message, as a file does.
    if (auto st = db->exec("SET lock_timeout = '30s'"); !st)
        return st.error();
    return db;
}

Error notOnServer(const std::string& what, const std::string& location) {
    return codedError("server.not_supported", {what}, location);
}

}  // namespace

/// The transaction handed out by beginWrite(): rolls back unless committed.
class PgRepository::Write final : public WriteTransaction {
public:
    explicit Write(PgRepository& repo) : repo_(repo) { repo_.writing_ = true; }
    ~Write() override {
        if (!done_)
            (void)repo_.db_.exec("ROLLBACK");
        repo_.writing_ = false;
    }
    Status commit() override {
        done_ = true;
        repo_.writing_ = false;
        auto r = repo_.db_.query("COMMIT");
        if (!r)
            return r.error();
        // After a failed statement the server answers COMMIT with ROLLBACK: nothing kept.
        if (r->command() != "COMMIT")
            return codedError("server.error", {"the transaction was rolled back", "25P02"},
                              repo_.location_);
        return {};
    }

private:
    PgRepository& repo_;
    bool done_ = false;
};

PgRepository::PgRepository(PgConnection db, bool readOnly, int schemaVersion)
    : db_(std::move(db)),
      location_(db_.location()),
      readOnly_(readOnly),
      schemaVersion_(schemaVersion) {}

Result<std::unique_ptr<PgRepository>> PgRepository::create(const std::string& url) {
    auto db = connect(url);
    if (!db)
        return db.error();
    auto version = serverSchemaVersion(*db);
    if (!version)
        return version.error();
    if (*version > 0)
        return codedError("project.exists", {}, db->location());
    if (auto st = migrateServer(*db); !st)
        return st.error();
    return std::unique_ptr<PgRepository>(
        new PgRepository(std::move(db).value(), false, latestServerSchemaVersion()));
}

Result<std::unique_ptr<PgRepository>> PgRepository::open(const std::string& url, bool readOnly) {
    auto db = connect(url);
    if (!db)
        return db.error();
    auto version = serverSchemaVersion(*db);
    if (!version)
        return version.error();
    const int latest = latestServerSchemaVersion();
    if (*version == 0)
        return codedError("server.no_project", {}, db->location());
    if (*version > latest)
        return codedError("project.too_new", {std::to_string(*version), std::to_string(latest)},
                          db->location());
    if (*version < latest) {
        if (readOnly)
            return codedError("server.needs_upgrade",
                              {std::to_string(*version), std::to_string(latest)}, db->location());
        if (auto st = migrateServer(*db); !st)
            return st.error();
    }
    if (readOnly)
        if (auto st = db->exec("SET default_transaction_read_only = on"); !st)
            return st.error();
    return std::unique_ptr<PgRepository>(new PgRepository(std::move(db).value(), readOnly, latest));
}

Result<std::unique_ptr<WriteTransaction>> PgRepository::beginWrite() {
    if (readOnly_)
        return codedError("project.opened_read_only", {}, location_);
    if (writing_)
        return codedError("internal.nested_write", {}, location_);
    if (auto st = db_.exec("BEGIN"); !st)
        return st.error();
    return std::unique_ptr<WriteTransaction>(std::make_unique<Write>(*this));
}

Status PgRepository::requireWrite() const {
    if (!writing_)
        return codedError("internal.write_outside_transaction", {}, location_);
    return {};
}

Result<std::map<std::string, std::string>> PgRepository::settings() const {
    auto r = db_.query("SELECT key, value FROM safemap_meta WHERE value IS NOT NULL");
    if (!r)
        return r.error();
    std::map<std::string, std::string> out;
    for (int i = 0; i < r->rows(); ++i)
        out[r->text(i, 0)] = r->text(i, 1);
    return out;
}

Status PgRepository::setSetting(const std::string& key, const std::string& value) {
    if (auto st = requireWrite(); !st)
        return st;
    if (key == "schema_version")
        return codedError("internal.schema_version_setting", {}, location_);
    return db_.exec(
        "INSERT INTO safemap_meta (key, value) VALUES ($1, $2) "
        "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
        {pgText(key), pgText(value)});
}

Status PgRepository::removeSetting(const std::string& key) {
    if (auto st = requireWrite(); !st)
        return st;
    if (key == "schema_version" || key == "project.id" || key == "criteria.active")
        return codedError("internal.not_a_setting", {key}, location_);
    return db_.exec("DELETE FROM safemap_meta WHERE key = $1", {pgText(key)});
}

Result<std::vector<Zone>> PgRepository::zones() const {
    auto r = db_.query(std::string(kZoneSelect) + " ORDER BY fid");
    if (!r)
        return r.error();
    std::vector<Zone> out;
    out.reserve(static_cast<size_t>(r->rows()));
    for (int i = 0; i < r->rows(); ++i)
        out.push_back(readZone(*r, i));
    return out;
}

Result<std::vector<Factory>> PgRepository::factories() const {
    auto r = db_.query(std::string(kFactorySelect) + " ORDER BY fid");
    if (!r)
        return r.error();
    std::vector<Factory> out;
    out.reserve(static_cast<size_t>(r->rows()));
    for (int i = 0; i < r->rows(); ++i)
        out.push_back(readFactory(*r, i));
    return out;
}

Result<std::vector<Factory>> PgRepository::factoryPositions() const {
    auto r =
        db_.query("SELECT site_id, zone_id, ST_X(geom), ST_Y(geom) FROM factories ORDER BY fid");
    if (!r)
        return r.error();
    std::vector<Factory> out(static_cast<size_t>(r->rows()));
    for (int i = 0; i < r->rows(); ++i) {
        Factory& f = out[static_cast<size_t>(i)];
        f.id = r->text(i, 0);
        f.zoneId = r->text(i, 1);
        if (!r->isNull(i, 2))
            f.location = {r->real(i, 2), r->real(i, 3)};
    }
    return out;
}

Result<std::vector<Factory>> PgRepository::factoryKeys() const {
    auto r = db_.query("SELECT site_id, tax_code FROM factories ORDER BY fid");
    if (!r)
        return r.error();
    std::vector<Factory> out(static_cast<size_t>(r->rows()));
    for (int i = 0; i < r->rows(); ++i) {
        Factory& f = out[static_cast<size_t>(i)];
        f.id = r->text(i, 0);
        f.taxCode = r->text(i, 1);
    }
    return out;
}

Result<ImportSummary> PgRepository::upsertSites(const SiteBatch& batch,
                                                const std::string& sourceName) {
    if (auto st = requireWrite(); !st)
        return st.error();
    if (auto st = db_.exec(kSiteImportLock); !st)
        return st.error();
    // An edit's check: each facility it read still has that row_version. FOR UPDATE waits
    // for anyone writing the row and then reads its committed version, and holds the row
    // until this transaction ends, so nothing changes it between the check and the write.
    for (const auto& [siteId, read] : batch.readVersions) {
        std::string sql = "SELECT name, row_version, ";
        sql += utcText("updated_at");
        sql += " FROM factories WHERE site_id = $1 FOR UPDATE";
        auto r = db_.query(sql, {pgText(siteId)});
        if (!r)
            return r.error();
        if (r->rows() == 0)
            return codedError("project.no_such_facility", {siteId}, location_);
        if (r->integer(0, 1) != read)
            return codedError("project.facility_conflict", {r->text(0, 0), siteId, r->text(0, 2)},
                              location_);
    }
    ImportSummary sum;
    sum.rows = static_cast<int>(batch.zones.size() + batch.factories.size());
    auto importId = beginImport("sites", sourceName, sum.rows);
    if (!importId)
        return importId.error();

    auto storedZones = zones();
    if (!storedZones)
        return storedZones.error();
    std::unordered_map<std::string, Zone> zoneMap;
    for (auto& z : *storedZones)
        zoneMap.emplace(z.id, std::move(z));
    if (auto st = upsertAll(db_, batch.zones, zoneMap, batch.provided, kZoneInsert, kZoneUpdate,
                            "zones", *importId, zoneParams, sum);
        !st)
        return st.error();

    auto storedFactories = factories();
    if (!storedFactories)
        return storedFactories.error();
    std::unordered_map<std::string, Factory> factoryMap;
    for (auto& f : *storedFactories)
        factoryMap.emplace(f.id, std::move(f));
    if (auto st = upsertAll(db_, batch.factories, factoryMap, batch.provided, kFactoryInsert,
                            kFactoryUpdate, "factories", *importId, factoryParams, sum);
        !st)
        return st.error();
    if (auto st = finishImport(*importId, sum); !st)
        return st.error();
    return sum;
}

Result<RowVersion> PgRepository::facilityVersion(const std::string& siteId) const {
    std::string sql = "SELECT row_version, ";
    sql += utcText("updated_at");
    sql += " FROM factories WHERE site_id = $1";
    auto r = db_.query(sql, {pgText(siteId)});
    if (!r)
        return r.error();
    RowVersion v;
    if (r->rows() > 0) {
        v.version = r->integer(0, 0);
        v.changedAt = r->text(0, 1);
    }
    return v;
}

Result<std::vector<StoredCriteriaSet>> PgRepository::criteriaSets() const {
    auto r = db_.query(
        "SELECT set_id, version, name FROM criteria_sets "
        "ORDER BY set_id, version DESC");
    if (!r)
        return r.error();
    std::vector<StoredCriteriaSet> out;
    out.reserve(static_cast<size_t>(r->rows()));
    for (int i = 0; i < r->rows(); ++i)
        out.push_back({{r->text(i, 0), static_cast<int>(r->integer(i, 1))}, r->text(i, 2)});
    return out;
}

Result<std::optional<CriteriaSet>> PgRepository::criteriaSet(const CriteriaRef& ref) const {
    auto r = db_.query("SELECT definition FROM criteria_sets WHERE set_id = $1 AND version = $2",
                       {pgText(ref.id), pgInt(int64_t{ref.version})});
    if (!r)
        return r.error();
    if (r->rows() == 0)
        return std::optional<CriteriaSet>();
    auto set = parseCriteriaSet(r->text(0, 0), location_ + " (criteria set " + ref.key() + ")");
    if (!set)
        return set.error();
    return std::optional<CriteriaSet>(std::move(set).value());
}

Status PgRepository::storeCriteriaSet(const CriteriaSet& set) {
    if (auto st = requireWrite(); !st)
        return st;
    // Writes of criteria take turns until commit: an activation stores its set first, so its
    // optimistic check of the active set (criteria_use) reads what the previous activation
    // committed, and nobody activates another set between that check and its own write.
    if (auto st = db_.exec(kCriteriaLock); !st)
        return st;
    // Inserted unless there; then whatever is stored (ours or another client's, written at
    // the same moment) must be the same definition.
    auto inserted = db_.query(
        "INSERT INTO criteria_sets (set_id, version, name, definition) VALUES ($1, $2, $3, $4) "
        "ON CONFLICT (set_id, version) DO NOTHING RETURNING 1",
        {pgText(set.id), pgInt(int64_t{set.version}), pgText(set.name),
         pgText(writeCriteriaSet(set))});
    if (!inserted)
        return inserted.error();
    if (inserted->rows() == 1)
        return {};
    auto existing = criteriaSet({set.id, set.version});
    if (!existing)
        return existing.error();
    if (*existing && **existing == set)
        return {};
    return codedError("criteria.version_conflict",
                      {set.id, std::to_string(set.version), set.name.empty() ? set.id : set.name},
                      location_);
}

Result<std::optional<CriteriaRef>> PgRepository::activeCriteria() const {
    auto r = db_.query("SELECT value FROM safemap_meta WHERE key = 'criteria.active'");
    if (!r)
        return r.error();
    if (r->rows() == 0 || r->isNull(0, 0))
        return std::optional<CriteriaRef>();
    const std::string value = r->text(0, 0);
    auto ref = parseCriteriaRef(value);
    if (!ref)
        return codedError("criteria.bad_active_setting", {quotedForMessage(printableText(value))},
                          location_);
    return std::optional<CriteriaRef>(*ref);
}

Status PgRepository::setActiveCriteria(const CriteriaRef& ref) {
    if (auto st = requireWrite(); !st)
        return st;
    return db_.exec(
        "INSERT INTO safemap_meta (key, value) VALUES ('criteria.active', $1) "
        "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
        {pgText(ref.key())});
}

Result<int64_t> PgRepository::beginImport(const std::string& kind, const std::string& sourceName,
                                          long rows) {
    if (auto st = requireWrite(); !st)
        return st.error();
    auto r = db_.query(
        "INSERT INTO import_log (kind, source_file, rows) VALUES ($1, $2, $3) RETURNING fid",
        {pgText(kind), pgText(sourceName), pgInt(int64_t{rows})});
    if (!r)
        return r.error();
    return r->integer(0, 0);
}

Status PgRepository::finishImport(int64_t importId, const ImportSummary& s) {
    if (auto st = requireWrite(); !st)
        return st;
    return db_.exec(
        "UPDATE import_log SET inserted = $1, updated = $2, unchanged = $3 WHERE fid = $4",
        {pgInt(int64_t{s.inserted}), pgInt(int64_t{s.updated}), pgInt(int64_t{s.unchanged}),
         pgInt(importId)});
}

Status PgRepository::appendAssessments(std::span<const Assessment> assessments,
                                       std::span<const long> sourceRows, int64_t importId,
                                       std::vector<int64_t>& ids) {
    if (auto st = requireWrite(); !st)
        return st;
    ids.assign(assessments.size(), 0);
    // Idempotent across clients: the unique content key decides, so two offices importing
    // the same file at once store each assessment once (the second waits for the first's
    // row and skips it).
    for (size_t from = 0; from < assessments.size(); from += kChunk) {
        const size_t n = std::min(kChunk, assessments.size() - from);
        std::string sql =
            "INSERT INTO assessments (site_id, assessed_on, submitter, answers, import_id, "
            "source_row, content_key) VALUES ";
        std::vector<PgParam> params;
        params.reserve(n * 7);
        std::unordered_map<std::string, size_t> firstOfKey;
        for (size_t j = 0; j < n; ++j) {
            const size_t i = from + j;
            const Assessment& a = assessments[i];
            if (j)
                sql += ", ";
            sql += placeholders(params.size() + 1, 7);
            const PgParam key = pgBytes(assessmentKeyBlob(a));
            firstOfKey.emplace(*key, i);
            params.push_back(pgText(a.siteId));
            params.push_back(pgText(formatDate(a.date)));
            params.push_back(pgTextOrNull(a.submitter));
            params.push_back(pgText(answersToJson(a)));
            params.push_back(pgInt(importId));
            params.push_back(pgInt(int64_t{i < sourceRows.size() ? sourceRows[i] : -1}));
            params.push_back(key);
        }
        sql += " ON CONFLICT (content_key) DO NOTHING RETURNING fid, content_key";
        auto r = db_.query(sql, params);
        if (!r)
            return r.error();
        for (int row = 0; row < r->rows(); ++row) {
            auto it = firstOfKey.find(r->text(row, 1));
            if (it != firstOfKey.end())
                ids[it->second] = r->integer(row, 0);
        }
    }
    return {};
}

Status PgRepository::forEachAssessment(
    const std::function<Status(std::span<const StoredAssessment>)>& visit) const {
    // In pages by id: a million assessments are never all held at once.
    constexpr int kPage = 4096;
    int64_t after = 0;
    std::vector<StoredAssessment> batch;
    for (;;) {
        auto r = db_.query(
            "SELECT fid, site_id, assessed_on, submitter, answers FROM assessments "
            "WHERE fid > $1 ORDER BY fid LIMIT $2",
            {pgInt(after), pgInt(int64_t{kPage})});
        if (!r)
            return r.error();
        if (r->rows() == 0)
            return {};
        batch.clear();
        for (int i = 0; i < r->rows(); ++i)
            batch.push_back({r->integer(i, 0), readAssessment(*r, i, 1)});
        after = batch.back().id;
        if (auto st = visit(batch); !st)
            return st;
        if (r->rows() < kPage)
            return {};
    }
}

Result<long long> PgRepository::assessmentCount() const {
    auto r = db_.query("SELECT count(*) FROM assessments");
    if (!r)
        return r.error();
    return static_cast<long long>(r->integer(0, 0));
}

Result<std::vector<AssessmentRecord>> PgRepository::assessmentsOf(const std::string& siteId) const {
    auto r = db_.query(
        "SELECT a.fid, a.site_id, a.assessed_on, a.submitter, a.answers, l.source_file, "
        "a.source_row FROM assessments a LEFT JOIN import_log l ON l.fid = a.import_id "
        "WHERE a.site_id = $1 ORDER BY a.assessed_on, a.fid",
        {pgText(siteId)});
    if (!r)
        return r.error();
    std::vector<AssessmentRecord> out;
    for (int i = 0; i < r->rows(); ++i) {
        AssessmentRecord rec;
        rec.id = r->integer(i, 0);
        rec.assessment = readAssessment(*r, i, 1);
        rec.sourceFile = r->text(i, 5);
        rec.sourceRow = static_cast<long>(r->integer(i, 6));
        out.push_back(std::move(rec));
    }
    return out;
}

Status PgRepository::clearScores(const CompiledCriteria& criteria) {
    if (auto st = requireWrite(); !st)
        return st;
    return db_.exec("DELETE FROM scores WHERE set_id = $1 AND set_version = $2",
                    {pgText(criteria.set.id), pgInt(int64_t{criteria.set.version})});
}

Status PgRepository::writeScores(const CompiledCriteria& criteria, std::span<const ScoreRow> rows,
                                 std::span<const double> points) {
    if (auto st = requireWrite(); !st)
        return st;
    const CriteriaSet& set = criteria.set;
    const size_t k = set.indices.size();
    if (points.size() != rows.size() * k)
        return codedError(
            "internal.write_scores",
            {std::to_string(points.size()), std::to_string(rows.size()), std::to_string(k)});
    for (size_t from = 0; from < rows.size(); from += kChunk) {
        const size_t n = std::min(kChunk, rows.size() - from);
        std::string sql =
            "INSERT INTO scores (assessment_id, set_id, set_version, percent, level, safe, "
            "max_index_points, worst_index, mandatory_failed, vetoes_fired, points) VALUES ";
        std::vector<PgParam> params;
        params.reserve(n * 11);
        for (size_t j = 0; j < n; ++j) {
            const size_t i = from + j;
            const ScoreRow& r = rows[i];
            if (j)
                sql += ", ";
            sql += placeholders(params.size() + 1, 11);
            params.push_back(pgInt(r.assessmentId));
            params.push_back(pgText(set.id));
            params.push_back(pgInt(int64_t{set.version}));
            params.push_back(pgReal(r.summary.percent));
            params.push_back(pgText(riskLevelCode(r.summary.level)));
            params.push_back(pgBool(r.summary.safeToOperate));
            params.push_back(pgReal(r.maxIndexPoints));
            params.push_back(r.worstIndex >= 0 && static_cast<size_t>(r.worstIndex) < k
                                 ? pgText(set.indices[static_cast<size_t>(r.worstIndex)].id)
                                 : PgParam());
            params.push_back(pgText(idsOfMask(set, r.summary.mandatoryFailedMask)));
            params.push_back(pgText(vetoIdsOfMask(set, r.summary.vetoMask)));
            params.push_back(pgText(pointsText(points.subspan(i * k, k))));
        }
        sql +=
            " ON CONFLICT (set_id, set_version, assessment_id) DO UPDATE SET "
            "percent = EXCLUDED.percent, level = EXCLUDED.level, safe = EXCLUDED.safe, "
            "max_index_points = EXCLUDED.max_index_points, worst_index = EXCLUDED.worst_index, "
            "mandatory_failed = EXCLUDED.mandatory_failed, "
            "vetoes_fired = EXCLUDED.vetoes_fired, points = EXCLUDED.points";
        if (auto st = db_.exec(sql, params); !st)
            return st;
    }
    return {};
}

Result<ScoreTimeline> PgRepository::scoreTimeline(const CompiledCriteria& criteria) const {
    const CriteriaSet& set = criteria.set;
    auto r = db_.query(
        "SELECT a.site_id, a.assessed_on, s.assessment_id, s.percent, s.level, s.safe, "
        "s.max_index_points, s.worst_index, s.mandatory_failed, s.vetoes_fired "
        "FROM scores s JOIN assessments a ON a.fid = s.assessment_id "
        "WHERE s.set_id = $1 AND s.set_version = $2 "
        "ORDER BY a.site_id, a.assessed_on, s.assessment_id",
        {pgText(set.id), pgInt(int64_t{set.version})});
    if (!r)
        return r.error();
    ScoreTimelineBuilder builder(CriteriaRef{set.id, set.version});
    for (int i = 0; i < r->rows(); ++i) {
        TimelineEntry e;
        const auto date = parseDate(r->text(i, 1));
        if (!date)
            return codedError("project.assessment_bad_date",
                              {std::to_string(r->integer(i, 2)), r->text(i, 1)}, location_);
        e.day = dayNumber(*date);
        e.assessmentId = r->integer(i, 2);
        e.percent = r->real(i, 3);
        const auto level = riskLevelFromCode(r->text(i, 4));
        if (!level)
            return codedError("project.score_bad_level",
                              {std::to_string(e.assessmentId), r->text(i, 4)}, location_);
        e.level = *level;
        e.safeToOperate = r->boolean(i, 5);
        e.maxIndexPoints = r->real(i, 6);
        const std::string worst = r->text(i, 7);
        for (size_t k = 0; k < set.indices.size(); ++k)
            if (set.indices[k].id == worst)
                e.worstIndex = static_cast<int16_t>(k);
        e.mandatoryFailedMask = maskOfIds(set.indices, r->text(i, 8));
        e.vetoMask = static_cast<uint32_t>(maskOfIds(set.vetoes, r->text(i, 9)));
        builder.add(r->text(i, 0), e);
    }
    return std::move(builder).finish();
}

Result<int> PgRepository::addInspections(std::span<const Inspection> inspections) {
    if (auto st = requireWrite(); !st)
        return st.error();
    int added = 0;
    for (const auto& i : inspections) {
        // The unique index inspections_once says what "already recorded" means, so two
        // clients adding the same inspection at once store it once.
        auto r = db_.query(
            "INSERT INTO inspections (site_id, inspected_on, inspector, measures_ok, finding, "
            "source, outcome) VALUES ($1, $2, $3, $4, $5, $6, $7) "
            "ON CONFLICT (site_id, inspected_on, coalesce(inspector, ''), "
            "coalesce(finding, '')) WHERE record_id IS NULL DO NOTHING RETURNING 1",
            {pgText(i.siteId), pgText(formatDate(i.date)), pgTextOrNull(i.inspector),
             pgBool(i.measuresOk), pgTextOrNull(i.finding), pgTextOrNull(i.source),
             i.outcome ? pgText(outcomeCode(*i.outcome)) : PgParam()});
        if (!r)
            return r.error();
        added += r->rows();
    }
    return added;
}

Result<std::vector<Inspection>> PgRepository::inspections(const std::string& siteId) const {
    auto r = siteId.empty()
                 ? db_.query(
                       "SELECT site_id, inspected_on, inspector, measures_ok, finding, "
                       "source, outcome FROM inspections ORDER BY site_id, inspected_on, fid")
                 : db_.query(
                       "SELECT site_id, inspected_on, inspector, measures_ok, finding, "
                       "source, outcome FROM inspections WHERE site_id = $1 "
                       "ORDER BY inspected_on, fid",
                       {pgText(siteId)});
    if (!r)
        return r.error();
    std::vector<Inspection> out;
    for (int row = 0; row < r->rows(); ++row) {
        Inspection i;
        i.siteId = r->text(row, 0);
        const auto date = parseDate(r->text(row, 1));
        if (!date)
            return codedError("project.inspection_bad_date", {i.siteId, r->text(row, 1)},
                              location_);
        i.date = *date;
        i.inspector = r->text(row, 2);
        i.measuresOk = r->boolean(row, 3);
        i.finding = r->text(row, 4);
        i.source = r->text(row, 5);
        if (!r->isNull(row, 6))
            i.outcome = outcomeFromCode(r->text(row, 6));
        out.push_back(std::move(i));
    }
    return out;
}

namespace {

constexpr const char* kRecordSelect =
    "SELECT record_id, site_id, inspected_on, inspector, outcome, fix_by, findings, notes, "
    "measures, position_source, origin, merged_hash, recorded_at, updated_at, ST_X(geom), "
    "ST_Y(geom) FROM inspection_records";

Result<InspectionRecord> readRecord(const PgRows& r, int i, const std::string& location) {
    InspectionRecord rec;
    rec.recordId = r.text(i, 0);
    rec.siteId = r.text(i, 1);
    const auto date = parseDate(r.text(i, 2));
    if (!date)
        return codedError("project.record_bad_date", {rec.recordId, r.text(i, 2)}, location);
    rec.date = *date;
    rec.inspector = r.text(i, 3);
    const auto outcome = outcomeFromCode(r.text(i, 4));
    if (!outcome)
        return codedError("project.record_bad_outcome", {rec.recordId, r.text(i, 4)}, location);
    rec.outcome = *outcome;
    if (!r.isNull(i, 5))
        rec.fixBy = parseDate(r.text(i, 5));
    rec.findings = r.text(i, 6);
    rec.notes = r.text(i, 7);
    auto measures = measuresFromJson(r.text(i, 8), rec.recordId, location);
    if (!measures)
        return measures.error();
    rec.measures = std::move(measures).value();
    rec.positionSource = positionSourceFromCode(r.text(i, 9));
    rec.origin = r.text(i, 10);
    rec.mergedHash = r.text(i, 11);
    rec.recordedAt = r.text(i, 12);
    rec.updatedAt = r.text(i, 13);
    if (!r.isNull(i, 14))
        rec.position = GeoPoint{r.real(i, 14), r.real(i, 15)};
    return rec;
}

}  // namespace

Result<std::vector<InspectionRecord>> PgRepository::inspectionRecords(
    const std::string& siteId) const {
    std::string sql = kRecordSelect;
    std::vector<PgParam> params;
    if (!siteId.empty()) {
        sql += " WHERE site_id = $1";
        params.push_back(pgText(siteId));
    }
    sql += " ORDER BY inspected_on, fid";
    // In a write, the rows read are held until commit: an edit's optimistic check
    // (saveInspection) and its write see the same record, and a second editor waits.
    if (writing_)
        sql += " FOR UPDATE";
    auto r = db_.query(sql, params);
    if (!r)
        return r.error();
    std::vector<InspectionRecord> out;
    std::unordered_map<std::string, size_t> byId;
    for (int i = 0; i < r->rows(); ++i) {
        auto rec = readRecord(*r, i, location_);
        if (!rec)
            return rec.error();
        byId.emplace(rec->recordId, out.size());
        out.push_back(std::move(rec).value());
    }
    if (out.empty())
        return out;
    std::string photoSql =
        "SELECT p.record_id, p.photo_id, p.file_name, p.mime_type, p.bytes, p.content_hash "
        "FROM inspection_photos p";
    std::vector<PgParam> photoParams;
    if (!siteId.empty()) {
        photoSql +=
            " WHERE p.record_id IN (SELECT record_id FROM inspection_records WHERE site_id = $1)";
        photoParams.push_back(pgText(siteId));
    }
    photoSql += " ORDER BY p.fid";
    auto photos = db_.query(photoSql, photoParams);
    if (!photos)
        return photos.error();
    for (int i = 0; i < photos->rows(); ++i) {
        auto it = byId.find(photos->text(i, 0));
        if (it == byId.end())
            continue;
        PhotoInfo p;
        p.photoId = photos->text(i, 1);
        p.fileName = photos->text(i, 2);
        p.mimeType = photos->text(i, 3);
        p.bytes = photos->integer(i, 4);
        p.contentHash = photos->text(i, 5);
        out[it->second].photos.push_back(std::move(p));
    }
    return out;
}

Result<std::vector<std::uint8_t>> PgRepository::photoData(const std::string& photoId) const {
    auto r = db_.query("SELECT data FROM inspection_photos WHERE photo_id = $1", {pgText(photoId)});
    if (!r)
        return r.error();
    if (r->rows() == 0)
        return codedError("project.no_such_photo", {photoId}, location_);
    return r->bytes(0, 0);
}

Status PgRepository::putInspectionRecord(const InspectionRecord& rec, std::span<const Photo> photos,
                                         const std::string& source) {
    if (auto st = requireWrite(); !st)
        return st;
    // A facility the user may not see (row security) is, for them, not in the project.
    auto known = db_.query("SELECT 1 FROM factories WHERE site_id = $1", {pgText(rec.siteId)});
    if (!known)
        return known.error();
    if (known->rows() == 0)
        return codedError("project.no_such_facility", {rec.siteId}, location_);
    std::vector<PgParam> params = {
        pgText(rec.recordId),
        pgText(rec.siteId),
        pgText(formatDate(rec.date)),
        pgText(rec.inspector),
        pgText(outcomeCode(rec.outcome)),
        rec.fixBy ? pgText(formatDate(*rec.fixBy)) : PgParam(),
        pgTextOrNull(rec.findings),
        pgTextOrNull(rec.notes),
        pgText(measuresToJson(rec.measures)),
        pgTextOrNull(std::string(positionSourceCode(rec.positionSource))),
        pgTextOrNull(rec.origin),
        pgTextOrNull(rec.mergedHash),
        pgText(rec.recordedAt),
        pgText(rec.updatedAt),
        rec.position ? pgReal(rec.position->lon) : PgParam(),
        rec.position ? pgReal(rec.position->lat) : PgParam()};
    if (auto st = db_.exec(
            "INSERT INTO inspection_records (record_id, site_id, inspected_on, inspector, "
            "outcome, fix_by, findings, notes, measures, position_source, origin, merged_hash, "
            "recorded_at, updated_at, geom) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
            "$11, $12, $13, $14, ST_SetSRID(ST_MakePoint($15, $16), 4326)) "
            "ON CONFLICT (record_id) DO UPDATE SET site_id = $2, inspected_on = $3, "
            "inspector = $4, outcome = $5, fix_by = $6, findings = $7, notes = $8, "
            "measures = $9, position_source = $10, origin = $11, merged_hash = $12, "
            "recorded_at = $13, updated_at = $14, "
            "geom = ST_SetSRID(ST_MakePoint($15, $16), 4326)",
            params);
        !st)
        return st;

    // The row the rules read, kept in step with the record.
    const Inspection ins = inspectionOf(rec, source);
    if (auto st = db_.exec(
            "INSERT INTO inspections (site_id, inspected_on, inspector, measures_ok, finding, "
            "source, outcome, record_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
            "ON CONFLICT (record_id) DO UPDATE SET site_id = $1, inspected_on = $2, "
            "inspector = $3, measures_ok = $4, finding = $5, source = $6, outcome = $7",
            {pgText(ins.siteId), pgText(formatDate(ins.date)), pgTextOrNull(ins.inspector),
             pgBool(ins.measuresOk), pgTextOrNull(ins.finding), pgTextOrNull(ins.source),
             pgText(outcomeCode(rec.outcome)), pgText(rec.recordId)});
        !st)
        return st;

    // Photos: add the new ones, drop the ones the record no longer lists.
    std::set<std::string> wanted;
    for (const auto& p : rec.photos)
        wanted.insert(p.photoId);
    std::string ids = "{";
    for (const auto& id : wanted) {
        if (ids.size() > 1)
            ids += ',';
        ids += '"';
        for (char c : id) {
            if (c == '"' || c == '\\')
                ids += '\\';
            ids += c;
        }
        ids += '"';
    }
    ids += '}';
    auto have = db_.query(
        "SELECT photo_id, record_id FROM inspection_photos "
        "WHERE record_id = $1 OR photo_id = ANY($2::text[])",
        {pgText(rec.recordId), pgText(ids)});
    if (!have)
        return have.error();
    std::set<std::string> stored;
    for (int i = 0; i < have->rows(); ++i) {
        if (have->text(i, 1) != rec.recordId)
            return codedError("project.photo_elsewhere", {have->text(i, 0), have->text(i, 1)},
                              location_);
        stored.insert(have->text(i, 0));
    }
    for (const auto& id : stored)
        if (!wanted.count(id))
            if (auto st =
                    db_.exec("DELETE FROM inspection_photos WHERE photo_id = $1", {pgText(id)});
                !st)
                return st;
    for (const auto& info : rec.photos) {
        if (stored.count(info.photoId))
            continue;
        const auto it = std::find_if(photos.begin(), photos.end(), [&](const Photo& p) {
            return p.info.photoId == info.photoId;
        });
        if (it == photos.end() || it->data.empty())
            return codedError("project.photo_no_data", {info.photoId, info.fileName, rec.recordId},
                              location_);
        if (auto st = db_.exec(
                "INSERT INTO inspection_photos (photo_id, record_id, file_name, mime_type, "
                "bytes, content_hash, data) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                {pgText(info.photoId), pgText(rec.recordId), pgTextOrNull(info.fileName),
                 pgText(info.mimeType), pgInt(static_cast<int64_t>(it->data.size())),
                 pgText(info.contentHash), pgBytes(it->data)});
            !st)
            return st;
    }
    return {};
}

Status PgRepository::deleteInspectionRecord(const std::string& recordId) {
    if (auto st = requireWrite(); !st)
        return st;
    for (const char* sql : {"DELETE FROM inspection_photos WHERE record_id = $1",
                            "DELETE FROM inspections WHERE record_id = $1",
                            "DELETE FROM inspection_records WHERE record_id = $1"})
        if (auto st = db_.exec(sql, {pgText(recordId)}); !st)
            return st;
    return {};
}

Result<std::vector<PackageSite>> PgRepository::packageSites() const {
    return std::vector<PackageSite>{};  // a master project (the server always is one)
}

// A field package is always a GeoPackage file made from the server (package create --db).
Status PgRepository::setPackagePlan(const PackagePlan&) {
    return notOnServer("field package plans", location_);
}

Status PgRepository::appendMergeLog(std::span<const MergeLogEntry> entries) {
    if (auto st = requireWrite(); !st)
        return st;
    for (const auto& e : entries)
        if (auto st = db_.exec(
                "INSERT INTO merge_log (merged_at, package_id, package_file, package_by, item, "
                "item_key, action, detail, content_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
                "$9)",
                {pgText(e.mergedAt), pgText(e.packageId), pgTextOrNull(e.packageFile),
                 pgTextOrNull(e.packageBy), pgText(e.item), pgText(e.itemKey), pgText(e.action),
                 pgTextOrNull(e.detail), pgTextOrNull(e.contentHash)});
            !st)
            return st;
    return {};
}

Result<std::vector<MergeLogEntry>> PgRepository::mergeLog(const std::string& packageId) const {
    std::string sql =
        "SELECT merged_at, package_id, package_file, package_by, item, item_key, action, "
        "detail, content_hash FROM merge_log";
    std::vector<PgParam> params;
    if (!packageId.empty()) {
        sql += " WHERE package_id = $1";
        params.push_back(pgText(packageId));
    }
    sql += " ORDER BY fid";
    auto r = db_.query(sql, params);
    if (!r)
        return r.error();
    std::vector<MergeLogEntry> out;
    for (int i = 0; i < r->rows(); ++i)
        out.push_back({r->text(i, 0), r->text(i, 1), r->text(i, 2), r->text(i, 3), r->text(i, 4),
                       r->text(i, 5), r->text(i, 6), r->text(i, 7), r->text(i, 8)});
    return out;
}

Status PgRepository::checkIntegrity() const {
    // The server guards its own pages; what can fail here is reading: every table once.
    for (const char* table :
         {"safemap_meta", "zones", "factories", "criteria_sets", "assessments", "scores",
          "inspections", "import_log", "inspection_records", "inspection_photos", "merge_log"})
        if (auto st = db_.exec(std::string("SELECT count(*) FROM ") + table); !st)
            return st;
    return {};
}

Result<std::vector<TableSummary>> PgRepository::tables() const {
    std::vector<TableSummary> out;
    for (const char* table : {"factories", "zones"}) {
        auto r = db_.query(std::string("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) "
                                       "FROM (SELECT ST_Extent(geom) AS e FROM ") +
                           table + ") x");
        if (!r)
            return r.error();
        TableSummary t{table, "features", 0, std::nullopt};
        auto count = db_.query(std::string("SELECT count(*) FROM ") + table);
        if (!count)
            return count.error();
        t.rows = count->integer(0, 0);
        if (r->rows() == 1 && !r->isNull(0, 0))
            t.extent = BBox{r->real(0, 0), r->real(0, 1), r->real(0, 2), r->real(0, 3)};
        out.push_back(std::move(t));
    }
    for (const char* table : {"assessments", "change_log", "criteria_sets", "import_log",
                              "inspections", "safemap_meta", "scores"}) {
        auto count = db_.query(std::string("SELECT count(*) FROM ") + table);
        if (!count)
            return count.error();
        out.push_back({table, "attributes", count->integer(0, 0), std::nullopt});
    }
    return out;
}

Result<std::vector<ImportLogEntry>> PgRepository::importLog(int newest) const {
    auto r = db_.query(
        "SELECT to_char(imported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), kind, "
        "source_file, rows, inserted, updated, unchanged FROM import_log "
        "ORDER BY fid DESC LIMIT $1",
        {pgInt(int64_t{newest})});
    if (!r)
        return r.error();
    std::vector<ImportLogEntry> out;
    out.reserve(static_cast<size_t>(r->rows()));
    for (int i = 0; i < r->rows(); ++i)
        out.push_back({r->text(i, 0), r->text(i, 1), r->text(i, 2),
                       static_cast<long>(r->integer(i, 3)), static_cast<long>(r->integer(i, 4)),
                       static_cast<long>(r->integer(i, 5)), static_cast<long>(r->integer(i, 6))});
    return out;
}

Status PgRepository::saveCopy(const std::string&) const {
    return notOnServer("a copy as a file (use `safemap pull`)", location_);
}

}  // namespace safemap
