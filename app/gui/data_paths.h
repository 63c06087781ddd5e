#pragma once

#include <QString>

namespace safemap {

/// Finds a file shipped with SafeMap by its path in the source tree, e.g.
/// "resources/criteria/crln-1203-v1.json" or "data/basemap/countries.geojson": under
/// $SAFEMAP_HOME, then the source tree a build directory sits in, then the installed
/// <prefix>/share/safemap (the executable being <prefix>/bin/safemap), then
/// /usr/share/safemap. Returns an empty string if none exists.
QString findShippedFile(const QString& relativePath);

/// findShippedFile("data/" + relativePath).
QString findDataFile(const QString& relativePath);

/// The bundled default criteria set (CRLN, Decision 1203/QĐ-BCĐ).
QString defaultCriteriaFile();

}  // namespace safemap
