#pragma once

#include <QString>

namespace safemap {

/// Finds a shipped data file (e.g. "basemap/countries.geojson"): $SAFEMAP_DATA_DIR, then the
/// source tree next to a build directory, then the installed share/safemap/data.
/// Returns an empty string if none exists.
QString findDataFile(const QString& relativePath);

}  // namespace safemap
