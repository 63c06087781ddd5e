#pragma once

#include <string>

namespace safemap {

/// True for a project on a PostgreSQL/PostGIS server ("postgresql://…" or "postgres://…",
/// docs/server.md) rather than a file: what Project::open and the commands tell apart.
bool isServerProject(const std::string& location);

}  // namespace safemap
