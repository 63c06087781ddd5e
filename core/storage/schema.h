#pragma once

#include "core/result.h"

namespace safemap {

class Database;

/// The schema version this build writes. Older projects are migrated forward on open;
/// newer ones are refused rather than guessed at.
int latestSchemaVersion();

/// Schema version stored in the project (0 for a file with no SafeMap tables); an Error if
/// the stored value is not a plain positive number.
[[nodiscard]] Result<int> schemaVersion(const Database& db);

/// Applies every migration after the file's version up to `target` (default: latest), each in
/// its own transaction, so an interrupted upgrade leaves a valid older project.
[[nodiscard]] Status migrate(Database& db, int target = -1);

}  // namespace safemap
