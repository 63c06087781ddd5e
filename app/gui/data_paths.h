#pragma once

#include <QString>

namespace safemap {

/// findShippedPath (app/cli/shipped_files.h) as a QString: a file shipped with SafeMap by its
/// path in the source tree; an empty string if none exists.
QString findShippedFile(const QString& relativePath);

/// findShippedFile("data/" + relativePath).
QString findDataFile(const QString& relativePath);

/// The bundled default criteria set (CRLN, Decision 1203/QĐ-BCĐ).
QString defaultCriteriaFile();

}  // namespace safemap
