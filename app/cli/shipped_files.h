#pragma once
// Files shipped with SafeMap (the bundled criteria set, the basemap, the guide), found
// without Qt: the command-line front (app/light_main.cpp) has no QCoreApplication, and the
// window's findShippedFile (app/gui/data_paths.h) is this same search.

#include <memory>
#include <string>
#include <string_view>

#include "core/criteria/criteria_set.h"
#include "core/result.h"

namespace safemap {

/// The directory of the running executable (/proc/self/exe); empty if it cannot be read.
std::string executableDirectory();

/// Finds a file shipped with SafeMap by its path in the source tree, e.g.
/// "resources/criteria/crln-1203-v1.json" or "data/basemap/countries.geojson": under
/// $SAFEMAP_HOME, then the source tree a build directory sits in, then the installed
/// <prefix>/share/safemap (the executable being <prefix>/bin/safemap or
/// <prefix>/libexec/safemap/safemap-full), then /usr/share/safemap. Returns the canonical
/// path, or an empty string if none exists.
std::string findShippedPath(std::string_view relativePath);

/// The bundled default criteria set (CRLN, Decision 1203/QĐ-BCĐ), read from its file.
[[nodiscard]] Result<std::shared_ptr<const CriteriaSet>> loadDefaultCriteria();

}  // namespace safemap
