#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace safemap {

/// Turns what a user typed as a source CRS into a definition GDAL accepts, resolving our own
/// shorthands: "9215" → "EPSG:9215"; "VN2000" → "EPSG:4756" (geographic VN-2000);
/// "VN2000:Lạng Sơn" / "VN2000:lang son" → the province's TM-3 zone; "VN2000:107.25",
/// "VN2000:107-15" or "VN2000:107°15'" → the TM-3 zone with that central meridian.
/// Anything else (EPSG:xxxx, WKT, PROJ strings) is passed through and checked.
/// Fails if GDAL cannot make a CRS of the result.
Result<std::string> resolveCrsInput(std::string_view text);

/// The name of the CRS a user's input resolves to, e.g. "VN-2000 / TM-3 107-15", for showing
/// next to the input box.
Result<std::string> crsDisplayName(std::string_view text);

}  // namespace safemap
