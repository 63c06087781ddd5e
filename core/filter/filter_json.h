#pragma once

#include <string>
#include <string_view>

#include "core/filter/site_filter.h"
#include "core/result.h"

namespace safemap {

/// Project meta key under which the last filter is remembered.
inline constexpr const char* kSiteFilterMetaKey = "filter.sites";

/// Compact JSON with a "version" (1) and only the dimensions that restrict something, so a
/// saved empty filter is {"version":1}.
std::string siteFilterToJson(const SiteFilter& filter);

/// Reads what siteFilterToJson wrote. Missing keys restrict nothing; unknown keys are
/// ignored (a newer build may add some); a bad value or a newer version is an Error.
Result<SiteFilter> siteFilterFromJson(std::string_view json);

}  // namespace safemap
