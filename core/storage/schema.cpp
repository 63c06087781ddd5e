#include "core/storage/schema.h"

#include <charconv>
#include <functional>
#include <optional>
#include <string>
#include <vector>
#include "core/errors/error_catalogue.h"

#include <sqlite3.h>

#include "core/storage/assessment_store.h"
#include "core/storage/database.h"
#include "core/storage/newest_score_store.h"
#include "core/storage/score_store.h"
#include "core/text/quoted.h"

namespace safemap {

namespace {

constexpr const char* kWgs84Wkt =
    "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,"
    "AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,"
    "AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\","
    "\"9122\"]],AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]";

// GeoPackage 1.3 core tables (OGC 12-128r17, Annex C). Written by hand rather than through
// GDAL so that the store needs only SQLite; see docs/storage.md.
std::string gpkgCore() {
    return std::string(R"SQL(
PRAGMA application_id = 1196444487;
PRAGMA user_version = 10300;
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
INSERT INTO gpkg_spatial_ref_sys VALUES
  ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
  ('WGS 84 geodetic', 4326, 'EPSG', 4326, ')SQL") +
           kWgs84Wkt +
           R"SQL(', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
CREATE TABLE gpkg_extensions (
  table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
  scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
CREATE TABLE safemap_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description)
  VALUES ('safemap_meta', 'attributes', 'safemap_meta', 'SafeMap project settings');
)SQL";
}

// A feature table with the GeoPackage R-tree extension and its standard triggers.
std::string featureTable(const std::string& table, const std::string& geomType,
                         const std::string& columns, const std::string& description) {
    const std::string rt = "rtree_" + table + "_geom";
    const std::string vals =
        "VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), "
        "ST_MinY(NEW.geom), ST_MaxY(NEW.geom))";
    return "CREATE TABLE " + table + " (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom " +
           geomType + ", " + columns + ");\n" +
           "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) "
           "VALUES ('" +
           table + "', 'features', '" + table + "', '" + description +
           "', 4326);\n"
           "INSERT INTO gpkg_geometry_columns VALUES ('" +
           table + "', 'geom', '" + geomType +
           "', 4326, 0, 0);\n"
           "INSERT INTO gpkg_extensions VALUES ('" +
           table +
           "', 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree',"
           " 'write-only');\n"
           "CREATE VIRTUAL TABLE " +
           rt +
           " USING rtree(id, minx, maxx, miny, maxy);\n"
           "CREATE TRIGGER " +
           rt + "_insert AFTER INSERT ON " + table +
           " WHEN (NEW.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN INSERT OR REPLACE INTO " +
           rt + " " + vals +
           "; END;\n"
           "CREATE TRIGGER " +
           rt + "_update1 AFTER UPDATE OF geom ON " + table +
           " WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN "
           "INSERT OR REPLACE INTO " +
           rt + " " + vals +
           "; END;\n"
           "CREATE TRIGGER " +
           rt + "_update2 AFTER UPDATE OF geom ON " + table +
           " WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN "
           "DELETE FROM " +
           rt +
           " WHERE id = OLD.fid; END;\n"
           "CREATE TRIGGER " +
           rt + "_update3 AFTER UPDATE ON " + table +
           " WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom)) BEGIN "
           "DELETE FROM " +
           rt + " WHERE id = OLD.fid; INSERT OR REPLACE INTO " + rt + " " + vals +
           "; END;\n"
           "CREATE TRIGGER " +
           rt + "_update4 AFTER UPDATE ON " + table +
           " WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom)) BEGIN "
           "DELETE FROM " +
           rt +
           " WHERE id IN (OLD.fid, NEW.fid); END;\n"
           "CREATE TRIGGER " +
           rt + "_delete AFTER DELETE ON " + table + " WHEN old.geom NOT NULL BEGIN DELETE FROM " +
           rt + " WHERE id = OLD.fid; END;\n";
}

std::string attributeTable(const std::string& table, const std::string& columns,
                           const std::string& description) {
    return "CREATE TABLE " + table + " (" + columns + ");\n" +
           "INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES ('" +
           table + "', 'attributes', '" + table + "', '" + description + "');\n";
}

// Version 1: the sites (zones, factories), import log and change history.
std::string migration1() {
    return gpkgCore() +
           featureTable("zones", "MULTIPOLYGON",
                        "zone_id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, name TEXT NOT NULL, "
                        "province TEXT, district TEXT, updated_at TEXT",
                        "Industrial zones, clusters and economic zones") +
           featureTable("factories", "POINT",
                        "site_id TEXT NOT NULL UNIQUE, tax_code TEXT, name TEXT NOT NULL, "
                        "zone_id TEXT, province TEXT, district TEXT, address TEXT, sector TEXT, "
                        "workers_total INTEGER, workers_out_of_province INTEGER, "
                        "workers_largest_shift INTEGER, account_issued DATE, updated_at TEXT",
                        "Factories and other facilities") +
           "CREATE INDEX factories_zone ON factories(zone_id);\n"
           "CREATE INDEX factories_tax ON factories(tax_code);\n" +
           attributeTable("import_log",
                          "fid INTEGER PRIMARY KEY AUTOINCREMENT, imported_at TEXT NOT NULL, "
                          "kind TEXT NOT NULL, source_file TEXT NOT NULL, rows INTEGER, "
                          "inserted INTEGER, updated INTEGER, unchanged INTEGER",
                          "One row per successful import") +
           attributeTable("change_log",
                          "fid INTEGER PRIMARY KEY AUTOINCREMENT, changed_at TEXT NOT NULL, "
                          "table_name TEXT NOT NULL, row_key TEXT NOT NULL, action TEXT NOT NULL, "
                          "import_id INTEGER, detail TEXT",
                          "History of every change to sites and records");
}

// Version 2: assessments (history, never overwritten), scores with the criteria set that
// produced them, criteria sets as data, and inspections.
std::string migration2() {
    return attributeTable("criteria_sets",
                          "set_id TEXT NOT NULL, version INTEGER NOT NULL, name TEXT, definition "
                          "TEXT NOT NULL, "
                          "loaded_at TEXT NOT NULL, PRIMARY KEY (set_id, version)",
                          "Criteria sets (JSON) used to score assessments") +
           attributeTable("assessments",
                          "fid INTEGER PRIMARY KEY, site_id TEXT NOT NULL, "
                          "assessed_on DATE NOT NULL, submitter TEXT, answers TEXT NOT NULL, "
                          "import_id INTEGER, source_row INTEGER, "
                          "content_key BLOB NOT NULL UNIQUE",
                          "Every risk assessment submitted, never overwritten") +
           "CREATE INDEX assessments_site ON assessments(site_id, assessed_on);\n" +
           attributeTable(
               "scores",
               "assessment_id INTEGER NOT NULL REFERENCES assessments(fid), "
               "set_id TEXT NOT NULL, set_version INTEGER NOT NULL, percent REAL NOT NULL, "
               "level TEXT NOT NULL, safe INTEGER NOT NULL, max_index_points REAL, "
               "worst_index TEXT, mandatory_failed TEXT, vetoes_fired TEXT, "
               "points TEXT NOT NULL, fid INTEGER PRIMARY KEY, "
               "UNIQUE (set_id, set_version, assessment_id)",
               "Scores of assessments, with the criteria set and version that produced them") +
           // The newest two scored assessments of each facility under each set: what the
           // rules read. Kept up to date by every write of scores, so making the lists reads
           // one row per facility instead of sorting every assessment.
           attributeTable("latest_scores",
                          "fid INTEGER PRIMARY KEY, set_id TEXT NOT NULL, set_version INTEGER "
                          "NOT NULL, site_id TEXT NOT NULL, rank INTEGER NOT NULL, "
                          "assessment_id INTEGER NOT NULL, assessed_on DATE NOT NULL, "
                          "percent REAL NOT NULL, level TEXT NOT NULL, safe INTEGER NOT NULL, "
                          "max_index_points REAL, worst_index TEXT, mandatory_failed TEXT, "
                          "vetoes_fired TEXT, UNIQUE (set_id, set_version, site_id, rank)",
                          "Newest two scores per facility and criteria set (derived)") +
           attributeTable(
               "inspections",
               "fid INTEGER PRIMARY KEY AUTOINCREMENT, site_id TEXT NOT NULL, "
               "inspected_on DATE NOT NULL, inspector TEXT, measures_ok INTEGER, finding TEXT, "
               "source TEXT",
               "Inspections and their findings") +
           "CREATE INDEX inspections_site ON inspections(site_id, inspected_on);\n";
}

// SQL functions for migration 3, from the store's own key and JSON code.
Status registerAssessmentKeyFunctions(Database& db) {
    auto canonical = [](sqlite3_context* ctx, int, sqlite3_value** argv) {
        const auto* text = sqlite3_value_text(argv[0]);
        Assessment a;
        a.answers = answersFromJson(text ? reinterpret_cast<const char*>(text) : "{}");
        const std::string json = answersToJson(a);
        sqlite3_result_text(ctx, json.c_str(), static_cast<int>(json.size()), SQLITE_TRANSIENT);
    };
    auto key = [](sqlite3_context* ctx, int, sqlite3_value** argv) {
        auto text = [&](int i) {
            const auto* p = sqlite3_value_text(argv[i]);
            return p ? std::string(reinterpret_cast<const char*>(p)) : std::string();
        };
        Assessment a;
        a.siteId = text(0);
        if (auto d = parseDate(text(1)))
            a.date = *d;
        a.submitter = text(2);
        a.answers = answersFromJson(text(3).empty() ? "{}" : text(3));
        const auto blob = assessmentKeyBlob(a);
        sqlite3_result_blob(ctx, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
    };
    sqlite3* h = db.handle();
    if (sqlite3_create_function(h, "safemap_canonical_answers", 1,
                                SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, canonical, nullptr,
                                nullptr) != SQLITE_OK ||
        sqlite3_create_function(h, "safemap_content_key", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                nullptr, key, nullptr, nullptr) != SQLITE_OK)
        return sqliteError(sqlite3_errcode(h), sqlite3_errmsg(h), db.path());
    return {};
}

bool hasColumn(const Database& db, const std::string& table, const std::string& column) {
    auto st = db.prepare("SELECT 1 FROM pragma_table_info(?) WHERE name = ?");
    if (!st)
        return false;
    st->bind(1, table).bind(2, column);
    return st->step();
}

bool hasTable(const Database& db, const std::string& table) {
    auto st = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    if (!st)
        return false;
    st->bind(1, table);
    return st->step();
}

// Version 3. Version 2 shipped in two forms: the first release stored each assessment's
// source file and a hex text content key and had no fid on scores; a later build changed
// those and added a latest_scores table inside the same version number. Both are brought
// to one layout here. It also gives the settings and criteria-set tables the INTEGER
// primary key a GeoPackage attribute table must have (Requirement 119), drops
// latest_scores (the rules now read every score through the project layer, so the table
// was only kept up to date, never read), and adds what later features need: a project id
// for field packages and the approximate-position flag of facilities placed at their zone.
Status migration3(Database& db) {
    std::string sql;
    if (hasColumn(db, "assessments", "source_file")) {
        // The early build wrote answers with another JSON writer and kept the content key
        // as hex text: both are rewritten as the current code writes them, so re-importing
        // the same file after the upgrade still adds nothing.
        if (auto st = registerAssessmentKeyFunctions(db); !st)
            return st;
        sql += R"SQL(
CREATE TABLE assessments_v3 (fid INTEGER PRIMARY KEY, site_id TEXT NOT NULL,
  assessed_on DATE NOT NULL, submitter TEXT, answers TEXT NOT NULL, import_id INTEGER,
  source_row INTEGER, content_key BLOB NOT NULL UNIQUE);
INSERT INTO assessments_v3 SELECT fid, site_id, assessed_on, submitter,
  safemap_canonical_answers(answers), import_id, source_row,
  safemap_content_key(site_id, assessed_on, submitter, answers) FROM assessments;
DROP TABLE assessments;
ALTER TABLE assessments_v3 RENAME TO assessments;
CREATE INDEX assessments_site ON assessments(site_id, assessed_on);
)SQL";
    }
    if (hasColumn(db, "scores", "scored_at")) {
        sql += R"SQL(
CREATE TABLE scores_v3 (assessment_id INTEGER NOT NULL REFERENCES assessments(fid),
  set_id TEXT NOT NULL, set_version INTEGER NOT NULL, percent REAL NOT NULL,
  level TEXT NOT NULL, safe INTEGER NOT NULL, max_index_points REAL, worst_index TEXT,
  mandatory_failed TEXT, vetoes_fired TEXT, points TEXT NOT NULL, fid INTEGER PRIMARY KEY,
  UNIQUE (set_id, set_version, assessment_id));
INSERT INTO scores_v3 (assessment_id, set_id, set_version, percent, level, safe,
  max_index_points, worst_index, mandatory_failed, vetoes_fired, points)
  SELECT assessment_id, set_id, set_version, percent, level, safe, max_index_points,
  worst_index, mandatory_failed, vetoes_fired, points FROM scores ORDER BY rowid;
DROP TABLE scores;
ALTER TABLE scores_v3 RENAME TO scores;
)SQL";
    }
    if (hasTable(db, "latest_scores"))
        sql += "DROP TABLE latest_scores;\n";
    sql += R"SQL(
DELETE FROM gpkg_contents WHERE table_name = 'latest_scores';
CREATE TABLE safemap_meta_v3 (fid INTEGER PRIMARY KEY AUTOINCREMENT,
  key TEXT NOT NULL UNIQUE, value TEXT);
INSERT INTO safemap_meta_v3 (key, value) SELECT key, value FROM safemap_meta ORDER BY rowid;
DROP TABLE safemap_meta;
ALTER TABLE safemap_meta_v3 RENAME TO safemap_meta;
CREATE TABLE criteria_sets_v3 (fid INTEGER PRIMARY KEY AUTOINCREMENT,
  set_id TEXT NOT NULL, version INTEGER NOT NULL, name TEXT, definition TEXT NOT NULL,
  loaded_at TEXT NOT NULL, UNIQUE (set_id, version));
INSERT INTO criteria_sets_v3 (set_id, version, name, definition, loaded_at)
  SELECT set_id, version, name, definition, loaded_at FROM criteria_sets ORDER BY rowid;
DROP TABLE criteria_sets;
ALTER TABLE criteria_sets_v3 RENAME TO criteria_sets;
ALTER TABLE factories ADD COLUMN approximate_position INTEGER NOT NULL DEFAULT 0;
INSERT OR IGNORE INTO safemap_meta (key, value)
  VALUES ('project.id', lower(hex(randomblob(16))));
)SQL";
    return db.exec(sql);
}

// Version 4, field inspections (issue 10, docs/field.md): inspection records made with the
// inspection form (outcome, measures checked, position) and their photos; on every
// inspection its outcome and the record it belongs to; a field package's facilities with
// their route order and base copies, and its route line; and the merge audit log. Every
// project has these tables (a field package is a project with the same schema), empty until
// used. Self-contained: it may be renumbered when merged after another version 4.
Status migrationFieldInspections(Database& db) {
    // Appended piece by piece: g++ 12 -O3 warns falsely (-Wrestrict) on "literal" + string&&.
    std::string sql =
        "ALTER TABLE inspections ADD COLUMN outcome TEXT;\n"
        "ALTER TABLE inspections ADD COLUMN record_id TEXT;\n"
        "CREATE UNIQUE INDEX inspections_record ON inspections(record_id);\n";
    sql +=
        featureTable("inspection_records", "POINT",
                     "record_id TEXT NOT NULL UNIQUE, site_id TEXT NOT NULL, "
                     "inspected_on DATE NOT NULL, inspector TEXT NOT NULL, outcome TEXT NOT NULL, "
                     "fix_by DATE, findings TEXT, notes TEXT, measures TEXT NOT NULL, "
                     "position_source TEXT, origin TEXT, merged_hash TEXT, "
                     "recorded_at TEXT NOT NULL, updated_at TEXT NOT NULL",
                     "Inspection records: outcome, measures checked, where the inspector stood") +
        "CREATE INDEX inspection_records_site ON inspection_records(site_id, inspected_on);\n" +
        attributeTable("inspection_photos",
                       "fid INTEGER PRIMARY KEY AUTOINCREMENT, photo_id TEXT NOT NULL UNIQUE, "
                       "record_id TEXT NOT NULL, file_name TEXT, mime_type TEXT NOT NULL, "
                       "bytes INTEGER NOT NULL, content_hash TEXT NOT NULL, data BLOB NOT NULL",
                       "Photos attached to inspection records") +
        "CREATE INDEX inspection_photos_record ON inspection_photos(record_id);\n" +
        attributeTable("package_sites",
                       "fid INTEGER PRIMARY KEY AUTOINCREMENT, site_id TEXT NOT NULL UNIQUE, "
                       "route_order INTEGER, base TEXT NOT NULL",
                       "Field package: its facilities, route order, and each as packaged") +
        featureTable("package_route", "LINESTRING", "metres REAL, stops INTEGER",
                     "Field package: the visit route from the start point") +
        attributeTable("merge_log",
                       "fid INTEGER PRIMARY KEY AUTOINCREMENT, merged_at TEXT NOT NULL, "
                       "package_id TEXT NOT NULL, package_file TEXT, package_by TEXT, "
                       "item TEXT NOT NULL, item_key TEXT NOT NULL, action TEXT NOT NULL, "
                       "detail TEXT, content_hash TEXT",
                       "What each merged field package brought in");
    return db.exec(sql);
}

// Version 5 (issue 8): scores in blocks per criteria set instead of a row per score
// (core/storage/score_store.h, docs/storage.md).
Status migrationScoreBlocks(Database& db) {
    return migrateScoresToBlocks(db);
}

// Version 6 (issue 8): answers stored densely, with their index ids and choice texts as
// numbered terms (core/storage/answer_codec.h, docs/storage.md).
Status migrationDenseAnswers(Database& db) {
    return migrateAnswersToTerms(db);
}

// Version 7 (issue 8): each facility's two newest scores under the active set, kept
// current by every write (core/storage/newest_score_store.h, docs/storage.md).
Status migrationNewestScores(Database& db) {
    return migrateNewestScores(db);
}

// Version 8 (issue 8): no content key per assessment; imports compare an assessment with
// those stored for the same site and day instead (core/storage/assessment_store.h).
Status migrationAssessmentsWithoutKeys(Database& db) {
    if (auto st = migrateAssessmentsWithoutKeys(db); !st)
        return st;
    // The newest scores' row is written again in its format 2; format 1 is not read.
    if (auto st = db.exec("DELETE FROM newest_scores"); !st)
        return st;
    return refreshNewestScores(db);
}

using Migration = std::function<Status(Database&)>;

Migration fromSql(std::string sql) {
    return [sql = std::move(sql)](Database& db) { return db.exec(sql); };
}

// Append only: a migration that has shipped is never edited (projects exist that ran it).
const std::vector<Migration>& migrations() {
    static const std::vector<Migration> all{
        fromSql(migration1()),     fromSql(migration2()),          migration3,
        migrationFieldInspections, migrationScoreBlocks,           migrationDenseAnswers,
        migrationNewestScores,     migrationAssessmentsWithoutKeys};
    return all;
}

// Migrations that rebuild a table (5 and 6 at a million assessments) leave the old
// table's pages free inside the file: a 600 MB project would stay 600 MB with 250 MB in
// use. A file mostly free is rewritten once, with VACUUM, which is itself one transaction
// (a crash or kill during it leaves the migrated file as it was). An in-memory copy of a
// project opened read-only is not worth compacting.
Status compactAfterMigrations(Database& db, bool migrated) {
    if (!migrated)
        return {};
    const char* file = sqlite3_db_filename(db.handle(), "main");
    if (!file || !*file)
        return {};
    const auto freePages = db.queryInt("PRAGMA freelist_count");
    const auto pages = db.queryInt("PRAGMA page_count");
    if (!freePages || !pages || *freePages * 3 < *pages)
        return {};
    // Only a saving: the migrations are committed, so a VACUUM that cannot run (another
    // program reading the file, a full disk for its copy) leaves the project open as it is.
    (void)db.exec("VACUUM");
    return {};
}

}  // namespace

int latestSchemaVersion() {
    return static_cast<int>(migrations().size());
}

Result<int> schemaVersion(const Database& db) {
    if (!db.queryInt("SELECT 1 FROM sqlite_master WHERE name='safemap_meta'"))
        return 0;
    auto v = db.queryText("SELECT value FROM safemap_meta WHERE key='schema_version'");
    if (!v)
        return codedError("project.no_schema_version", {}, db.path());
    // Strictly digits: the table is visible (and editable) in QGIS.
    int version = 0;
    auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), version);
    if (v->empty() || ec != std::errc() || end != v->data() + v->size() || version < 1 ||
        (*v)[0] == '+')  // any bytes: the table is editable in QGIS
        return codedError("project.bad_schema_version", {quotedForMessage(printableText(*v))},
                          db.path());
    return version;
}

Status migrate(Database& db, int target) {
    if (target < 0)
        target = latestSchemaVersion();
    auto current = schemaVersion(db);
    if (!current)
        return current.error();
    int version = *current;
    if (version > latestSchemaVersion())
        return codedError("project.too_new",
                          {std::to_string(version), std::to_string(latestSchemaVersion())},
                          db.path());
    // Tables are rebuilt by copy, drop and rename, which foreign keys would refuse half way;
    // they are checked as a whole before each migration commits instead. (The pragma has
    // no effect inside a transaction, so it is set around them.)
    if (auto st = db.exec("PRAGMA foreign_keys=OFF"); !st)
        return st;
    struct RestoreForeignKeys {
        Database& db;
        ~RestoreForeignKeys() { (void)db.exec("PRAGMA foreign_keys=ON"); }
    } restore{db};
    const bool migrated = version < target;
    // A new file is made in one transaction: it has no earlier state to keep between the
    // steps, and a commit each, with its fsyncs, made creating a project 0.02 s slower (a
    // small import into a new project: 0.17-0.19 s against 0.15-0.16 s). Killed half way,
    // it is left empty.
    std::optional<Transaction> whole;
    if (version == 0) {
        whole.emplace(db);
        if (!whole->began())
            return whole->beginError();
    }
    while (version < target) {
        std::optional<Transaction> step;
        if (!whole) {
            step.emplace(db);
            if (!step->began())
                return step->beginError();
        }
        if (auto st = migrations()[static_cast<size_t>(version)](db); !st)
            return codedError("project.migration_failed",
                              {std::to_string(version + 1), st.error().message}, db.path());
        if (auto bad = db.queryText("SELECT \"table\" FROM pragma_foreign_key_check LIMIT 1"))
            return codedError("project.migration_orphans", {std::to_string(version + 1), *bad},
                              db.path());
        ++version;
        if (auto st = db.exec("INSERT OR REPLACE INTO safemap_meta (key, value) VALUES "
                              "('schema_version', '" +
                              std::to_string(version) + "')");
            !st)
            return st;
        if (step)
            if (auto st = step->commit(); !st)
                return st;
    }
    if (whole)
        if (auto st = whole->commit(); !st)
            return st;
    return compactAfterMigrations(db, migrated);
}

}  // namespace safemap
