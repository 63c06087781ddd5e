#pragma once
// A province's first import: many facilities, none stored yet, written in a few statements
// instead of two per facility.

#include <cstdint>
#include <span>
#include <string>

#include "core/model/site.h"
#include "core/result.h"

namespace safemap {

class Database;

/// Inserts `factories`, none of which is stored yet, with one change-log line each
/// ("insert", changed at `now`, by import `importId`), as the row-by-row upsert writes them
/// but in site-id order (their fids and log lines follow it), in a fraction of its time: several
/// hundred facilities per INSERT, the change log in one INSERT … SELECT. Runs inside the caller's
/// write transaction, so a failure or a kill leaves nothing of it. The spatial index is the
/// caller's: suspend its triggers first (rtree_bulk.h). A site id that is already stored fails the
/// UNIQUE constraint and the whole write with it.
[[nodiscard]] Status insertNewFactories(Database& db, std::span<const Factory> factories,
                                        int64_t importId, const std::string& now);

}  // namespace safemap
