#pragma once

#include "core/result.h"
#include "core/storage/pg/pg_connection.h"

namespace safemap {

// The schema of a project on a PostgreSQL/PostGIS server. Versions are rows of
// safemap_schema (one per migration applied, with who applied it and when); migrations are
// append-only: a shipped one is never edited, a change is a new one.

/// The newest server schema this SafeMap writes.
int latestServerSchemaVersion();
/// The server project's schema version: 0 if the database holds no SafeMap project.
[[nodiscard]] Result<int> serverSchemaVersion(const PgConnection& db);
/// Applies every migration newer than the database's version (up to `target`, 0 = the
/// latest; tests make older projects with it), each in its own transaction under an
/// advisory lock, so two SafeMaps opening an old project at once upgrade it once.
[[nodiscard]] Status migrateServer(const PgConnection& db, int target = 0);

}  // namespace safemap
