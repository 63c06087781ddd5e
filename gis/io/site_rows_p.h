#pragma once

// Private to gis/io: turning one source row (already decoded to text) into a validated site.
// Plain C++ with no GDAL, so the rules are easy to read in one place.

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "core/model/site.h"
#include "core/result.h"
#include "gis/io/field_mapping.h"

namespace safemap {

/// \brief One row of a source: the text of each mapped attribute, trimmed ("" if unmapped or
/// empty), and where it came from.
struct SiteRow {
    std::string file;  ///< file name for messages
    long row = 0;      ///< as defined in docs/import.md
    std::array<std::string, kSiteAttributeCount> text;

    const std::string& operator[](SiteAttribute a) const { return text[static_cast<int>(a)]; }
};

/// The sane box for Vietnam (mainland and islands) in EPSG:4326, inclusive.
inline constexpr double kMinLon = 100.0, kMaxLon = 112.0, kMinLat = 7.0, kMaxLat = 24.0;

/// Number with '.' or a lone ',' as the decimal separator ("105,85"); nullopt otherwise.
std::optional<double> parseDecimal(std::string_view text);

/// Builds a factory from a row and its location (already in EPSG:4326). Checks name, counts,
/// date and the Vietnam box; `lonColumn`/`latColumn` are named when the location is outside.
Result<Factory> factoryFromRow(const SiteRow& row, const FieldMapping& mapping, GeoPoint location,
                               const std::string& lonColumn, const std::string& latColumn);

/// Builds a zone from a row and its area (already in EPSG:4326).
Result<Zone> zoneFromRow(const SiteRow& row, const FieldMapping& mapping, MultiPolygon area,
                         const std::string& geometryColumn, ZoneKind defaultKind);

/// The column a duplicate-id error should point at: the one the stable id came from.
std::string idColumnFor(const SiteRow& row, const FieldMapping& mapping, bool zone);

}  // namespace safemap
