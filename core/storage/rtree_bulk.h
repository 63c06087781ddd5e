#pragma once
// The GeoPackage spatial index of a table, written in one pass (sort-tile-recursive packing)
// instead of one R*-tree insert per row through the table's triggers. SQLite's rtree module
// inserts a row in about 9 µs; 100,000 factories spent most of an import there.

#include <string>

#include "core/result.h"

namespace safemap {

class Database;

/// Drops the rtree triggers that fire on inserts and updates of `table`'s geometry (`delete`
/// stays), so that a bulk write does not touch the index row by row. Returns their SQL, for
/// restoreRtreeTriggers. Call inside a write transaction: a rollback restores them too.
[[nodiscard]] Result<std::string> suspendRtreeTriggers(Database& db, const std::string& table);

/// Re-creates the triggers suspendRtreeTriggers dropped, from the SQL it returned.
[[nodiscard]] Status restoreRtreeTriggers(Database& db, const std::string& triggerSql);

/// Replaces the contents of `rtree_<table>_geom` with an index of every non-empty geometry
/// of `table`, packed level by level (leaves sorted into vertical slices, then by y), written
/// straight into the rtree's node, parent and rowid tables. The result is what the triggers
/// would have built, in fewer and fuller nodes: `rtreecheck()` says "ok" and every query
/// returns the same rows.
[[nodiscard]] Status rebuildRtree(Database& db, const std::string& table);

}  // namespace safemap
