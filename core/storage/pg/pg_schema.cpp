#include "core/storage/pg/pg_schema.h"

#include <algorithm>
#include <string>
#include <vector>

#include "core/errors/error_catalogue.h"

namespace safemap {

namespace {

// Taken by migrations (and by nothing else): one upgrade at a time per database.
constexpr const char* kMigrationLock = "SELECT pg_advisory_xact_lock(7306020001)";

// Version 1: the same facts as the GeoPackage's schema 1–3 (sites, import and change logs,
// criteria sets, assessments, scores, inspections), in PostGIS types: geometries in
// EPSG:4326 with GiST indexes, dates as date, flags as boolean.
const char* const kMigration1 = R"SQL(
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE TABLE safemap_meta (key text PRIMARY KEY, value text);
INSERT INTO safemap_meta (key, value) VALUES ('project.id', md5(random()::text || clock_timestamp()::text));
CREATE TABLE zones (
  fid bigserial PRIMARY KEY, zone_id text NOT NULL UNIQUE, kind text NOT NULL,
  name text NOT NULL, province text, district text, geom geometry(MultiPolygon, 4326),
  updated_at timestamptz, row_version integer NOT NULL DEFAULT 1);
CREATE INDEX zones_geom ON zones USING gist (geom);
CREATE TABLE factories (
  fid bigserial PRIMARY KEY, site_id text NOT NULL UNIQUE, tax_code text, name text NOT NULL,
  zone_id text, province text, district text, address text, sector text,
  workers_total integer, workers_out_of_province integer, workers_largest_shift integer,
  account_issued date, geom geometry(Point, 4326),
  approximate_position boolean NOT NULL DEFAULT false, updated_at timestamptz,
  row_version integer NOT NULL DEFAULT 1);
CREATE INDEX factories_geom ON factories USING gist (geom);
CREATE INDEX factories_zone ON factories (zone_id);
CREATE INDEX factories_district ON factories (district);
CREATE TABLE import_log (
  fid bigserial PRIMARY KEY, imported_at timestamptz NOT NULL DEFAULT now(),
  kind text NOT NULL, source_file text NOT NULL, rows integer, inserted integer,
  updated integer, unchanged integer, imported_by text NOT NULL DEFAULT current_user);
CREATE TABLE change_log (
  fid bigserial PRIMARY KEY, changed_at timestamptz NOT NULL DEFAULT now(),
  table_name text NOT NULL, row_key text NOT NULL, action text NOT NULL, import_id bigint,
  detail text, changed_by text NOT NULL DEFAULT current_user);
CREATE TABLE criteria_sets (
  set_id text NOT NULL, version integer NOT NULL, name text, definition text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (set_id, version));
CREATE TABLE assessments (
  fid bigserial PRIMARY KEY, site_id text NOT NULL, assessed_on date NOT NULL,
  submitter text, answers text NOT NULL, import_id bigint, source_row integer,
  content_key bytea NOT NULL UNIQUE);
CREATE INDEX assessments_site ON assessments (site_id, assessed_on);
CREATE TABLE scores (
  fid bigserial PRIMARY KEY,
  assessment_id bigint NOT NULL REFERENCES assessments (fid) ON DELETE CASCADE,
  set_id text NOT NULL, set_version integer NOT NULL, percent double precision NOT NULL,
  level text NOT NULL, safe boolean NOT NULL, max_index_points double precision,
  worst_index text, mandatory_failed text, vetoes_fired text, points text NOT NULL,
  UNIQUE (set_id, set_version, assessment_id));
CREATE TABLE inspections (
  fid bigserial PRIMARY KEY, site_id text NOT NULL, inspected_on date NOT NULL,
  inspector text, measures_ok boolean NOT NULL, finding text, source text, outcome text,
  recorded_by text NOT NULL DEFAULT current_user);
-- What makes an inspection "already recorded": two clients adding the same one at once
-- store it once (ON CONFLICT DO NOTHING against this index).
CREATE UNIQUE INDEX inspections_once ON inspections
  (site_id, inspected_on, coalesce(inspector, ''), coalesce(finding, ''));
)SQL";

// Version 2: roles enforced by the server itself (docs/server.md). Three group roles; a
// province's people log in as their own roles, members of one of them:
//   safemap_official   everything: sites, assessments, criteria sets and the active set,
//                      the rules of the lists, inspections, who inspects where;
//   safemap_analyst    reads everything; imports sites, assessments (scored under the
//                      active set) and inspections; may not choose criteria sets or rules;
//   safemap_inspector  reads and records inspections only in the districts assigned to it
//                      (inspector_districts), and the facilities, assessments and scores there.
// Row-level security does the filtering, so hand-written SQL sees no more than SafeMap does.
const char* const kMigration2 = R"SQL(
-- Roles belong to the whole cluster: another database's project may have made them, maybe
-- at this very moment (the advisory lock is per database), hence the exceptions.
DO $$ DECLARE r text; BEGIN
  FOREACH r IN ARRAY ARRAY['safemap_official', 'safemap_analyst', 'safemap_inspector'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
      BEGIN
        EXECUTE format('CREATE ROLE %I NOLOGIN', r);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END;
    END IF;
  END LOOP;
END $$;
CREATE TABLE inspector_districts (
  role_name text NOT NULL, district text NOT NULL, PRIMARY KEY (role_name, district));

GRANT USAGE ON SCHEMA public TO safemap_official, safemap_analyst, safemap_inspector;
GRANT SELECT ON safemap_schema, safemap_meta, zones, criteria_sets, inspector_districts,
  factories, assessments, scores, inspections, import_log
  TO safemap_official, safemap_analyst, safemap_inspector;
GRANT SELECT ON change_log TO safemap_official, safemap_analyst;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public
  TO safemap_official, safemap_analyst, safemap_inspector;
GRANT INSERT, UPDATE, DELETE ON safemap_meta, zones, factories, criteria_sets, assessments,
  scores, inspections, import_log, change_log, inspector_districts TO safemap_official;
GRANT INSERT, UPDATE ON safemap_meta, zones, factories, assessments, scores, inspections,
  import_log, change_log TO safemap_analyst;
GRANT INSERT ON inspections TO safemap_inspector;
GRANT INSERT, UPDATE ON import_log TO safemap_inspector;

ALTER TABLE factories ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff ON factories TO safemap_official, safemap_analyst USING (true);
CREATE POLICY inspector_districts ON factories FOR SELECT TO safemap_inspector
  USING (district IN (SELECT d.district FROM inspector_districts d
                      WHERE d.role_name = current_user));

-- Facts of a facility follow the facility: the subqueries run under the reader's own
-- policies, so an inspector reaches only what belongs to the factories it may see.
ALTER TABLE assessments ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff ON assessments TO safemap_official, safemap_analyst USING (true);
CREATE POLICY inspector_sites ON assessments FOR SELECT TO safemap_inspector
  USING (site_id IN (SELECT site_id FROM factories));
ALTER TABLE scores ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff ON scores TO safemap_official, safemap_analyst USING (true);
CREATE POLICY inspector_sites ON scores FOR SELECT TO safemap_inspector
  USING (assessment_id IN (SELECT fid FROM assessments));
ALTER TABLE inspections ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff ON inspections TO safemap_official, safemap_analyst USING (true);
CREATE POLICY inspector_read ON inspections FOR SELECT TO safemap_inspector
  USING (site_id IN (SELECT site_id FROM factories));
CREATE POLICY inspector_record ON inspections FOR INSERT TO safemap_inspector
  WITH CHECK (site_id IN (SELECT site_id FROM factories));

-- Who inspects where: an inspector reads its own assignment only.
ALTER TABLE inspector_districts ENABLE ROW LEVEL SECURITY;
CREATE POLICY official ON inspector_districts TO safemap_official USING (true);
CREATE POLICY own ON inspector_districts FOR SELECT TO safemap_analyst, safemap_inspector
  USING (role_name = current_user OR pg_has_role(current_user, 'safemap_analyst', 'MEMBER'));

-- Criteria sets, the active set and the rules of the lists are the official's decision.
ALTER TABLE safemap_meta ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON safemap_meta FOR SELECT
  TO safemap_official, safemap_analyst, safemap_inspector USING (true);
CREATE POLICY official ON safemap_meta TO safemap_official USING (true);
CREATE POLICY analyst_insert ON safemap_meta FOR INSERT TO safemap_analyst
  WITH CHECK (key NOT IN ('criteria.active', 'project.id') AND key NOT LIKE 'rules.%');
CREATE POLICY analyst_update ON safemap_meta FOR UPDATE TO safemap_analyst
  USING (key NOT IN ('criteria.active', 'project.id') AND key NOT LIKE 'rules.%')
  WITH CHECK (key NOT IN ('criteria.active', 'project.id') AND key NOT LIKE 'rules.%');

-- Logs: everyone's own writes, stamped by the server with who made them.
ALTER TABLE import_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON import_log FOR SELECT
  TO safemap_official, safemap_analyst, safemap_inspector USING (true);
CREATE POLICY own_insert ON import_log FOR INSERT
  TO safemap_official, safemap_analyst, safemap_inspector
  WITH CHECK (imported_by = current_user);
CREATE POLICY own_update ON import_log FOR UPDATE
  TO safemap_official, safemap_analyst, safemap_inspector
  USING (imported_by = current_user) WITH CHECK (imported_by = current_user);
)SQL";

// Version 3: field inspection records with their photos, and the merge audit log (the same
// as the GeoPackage's schema 4), so field packages are made from and merged into a server
// project. A record is one row of inspections too (record_id); the "already recorded"
// index covers imported rows only, since a record's row follows its record.
// Who may: official and analyst everything (a merge is an import); an inspector reads,
// records, corrects and removes records only of the facilities it may see (its districts),
// and only the inspections rows that belong to such records.
const char* const kMigration3 = R"SQL(
ALTER TABLE inspections ADD COLUMN record_id text;
CREATE UNIQUE INDEX inspections_record ON inspections (record_id);
DROP INDEX inspections_once;
CREATE UNIQUE INDEX inspections_once ON inspections
  (site_id, inspected_on, coalesce(inspector, ''), coalesce(finding, ''))
  WHERE record_id IS NULL;
CREATE TABLE inspection_records (
  fid bigserial PRIMARY KEY, record_id text NOT NULL UNIQUE, site_id text NOT NULL,
  inspected_on date NOT NULL, inspector text NOT NULL, outcome text NOT NULL, fix_by date,
  findings text, notes text, measures text NOT NULL, position_source text, origin text,
  merged_hash text, recorded_at text NOT NULL, updated_at text NOT NULL,
  geom geometry(Point, 4326), recorded_by text NOT NULL DEFAULT current_user);
CREATE INDEX inspection_records_site ON inspection_records (site_id, inspected_on);
CREATE INDEX inspection_records_geom ON inspection_records USING gist (geom);
CREATE TABLE inspection_photos (
  fid bigserial PRIMARY KEY, photo_id text NOT NULL UNIQUE, record_id text NOT NULL,
  file_name text, mime_type text NOT NULL, bytes bigint NOT NULL, content_hash text NOT NULL,
  data bytea NOT NULL);
CREATE INDEX inspection_photos_record ON inspection_photos (record_id);
CREATE TABLE merge_log (
  fid bigserial PRIMARY KEY, merged_at text NOT NULL, package_id text NOT NULL,
  package_file text, package_by text, item text NOT NULL, item_key text NOT NULL,
  action text NOT NULL, detail text, content_hash text,
  merged_by text NOT NULL DEFAULT current_user);

GRANT SELECT, INSERT, UPDATE, DELETE ON inspection_records, inspection_photos
  TO safemap_official, safemap_analyst, safemap_inspector;
GRANT SELECT, INSERT ON merge_log TO safemap_official, safemap_analyst, safemap_inspector;
GRANT UPDATE, DELETE ON inspections TO safemap_analyst, safemap_inspector;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public
  TO safemap_official, safemap_analyst, safemap_inspector;

ALTER TABLE inspection_records ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff ON inspection_records TO safemap_official, safemap_analyst USING (true);
CREATE POLICY inspector_sites ON inspection_records TO safemap_inspector
  USING (site_id IN (SELECT site_id FROM factories))
  WITH CHECK (site_id IN (SELECT site_id FROM factories));
ALTER TABLE inspection_photos ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff ON inspection_photos TO safemap_official, safemap_analyst USING (true);
CREATE POLICY inspector_records ON inspection_photos TO safemap_inspector
  USING (record_id IN (SELECT record_id FROM inspection_records))
  WITH CHECK (record_id IN (SELECT record_id FROM inspection_records));
CREATE POLICY inspector_record_rows ON inspections FOR UPDATE TO safemap_inspector
  USING (record_id IS NOT NULL AND site_id IN (SELECT site_id FROM factories))
  WITH CHECK (record_id IS NOT NULL AND site_id IN (SELECT site_id FROM factories));
CREATE POLICY inspector_record_rows_delete ON inspections FOR DELETE TO safemap_inspector
  USING (record_id IS NOT NULL AND site_id IN (SELECT site_id FROM factories));
ALTER TABLE merge_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff ON merge_log TO safemap_official, safemap_analyst USING (true);
CREATE POLICY inspector_own ON merge_log TO safemap_inspector
  USING (merged_by = current_user) WITH CHECK (merged_by = current_user);
)SQL";

const std::vector<const char*>& pgMigrations() {
    static const std::vector<const char*> all = {kMigration1, kMigration2, kMigration3};
    return all;
}

}  // namespace

int latestServerSchemaVersion() {
    return static_cast<int>(pgMigrations().size());
}

Result<int> serverSchemaVersion(const PgConnection& db) {
    auto exists = db.query("SELECT to_regclass('safemap_schema') IS NOT NULL");
    if (!exists)
        return exists.error();
    if (!exists->boolean(0, 0))
        return 0;
    auto v = db.query("SELECT coalesce(max(version), 0) FROM safemap_schema");
    if (!v)
        return v.error();
    return static_cast<int>(v->integer(0, 0));
}

Status migrateServer(const PgConnection& db, int target) {
    const auto& all = pgMigrations();
    const size_t last = target > 0 ? std::min(all.size(), static_cast<size_t>(target)) : all.size();
    for (size_t i = 0; i < last; ++i) {
        const int version = static_cast<int>(i + 1);
        if (auto st = db.exec("BEGIN"); !st)
            return st;
        auto fail = [&db, version](const Error& e) -> Status {
            (void)db.exec("ROLLBACK");
            const std::string why = e.args.empty() ? e.message : e.args[0];
            return codedError("project.migration_failed", {std::to_string(version), why},
                              db.location());
        };
        if (auto st = db.exec(kMigrationLock); !st)
            return fail(st.error());
        if (auto st =
                db.exec("CREATE TABLE IF NOT EXISTS safemap_schema (version integer PRIMARY KEY, "
                        "applied_at timestamptz NOT NULL DEFAULT now(), "
                        "applied_by text NOT NULL DEFAULT current_user)");
            !st)
            return fail(st.error());
        auto applied =
            db.query("SELECT 1 FROM safemap_schema WHERE version = $1", {pgInt(int64_t{version})});
        if (!applied)
            return fail(applied.error());
        if (applied->rows() == 0) {
            if (auto st = db.exec(all[i]); !st)
                return fail(st.error());
            if (auto st = db.exec("INSERT INTO safemap_schema (version) VALUES ($1)",
                                  {pgInt(int64_t{version})});
                !st)
                return fail(st.error());
        }
        if (auto st = db.exec("COMMIT"); !st)
            return fail(st.error());
    }
    return {};
}

}  // namespace safemap
