#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/result.h"

namespace safemap {

/// \brief A province and the central meridian of its local VN-2000 TM-3 zone.
///
/// Circular 973/2001/TT-TCĐC fixes one meridian per province for large-scale (cadastral)
/// mapping: Transverse Mercator, k0 = 0.9999, false easting 500 000 m, on the WGS 84
/// ellipsoid with the VN-2000 datum.
struct Vn2000Province {
    std::string_view name;    ///< Vietnamese name with diacritics, e.g. "Lạng Sơn"
    int meridianMinutes = 0;  ///< central meridian in arc minutes east (107°15' = 6435)
    int epsg = 0;             ///< EPSG code of the matching "VN-2000 / TM-3 ..." CRS

    double centralMeridian() const { return meridianMinutes / 60.0; }
};

/// Every province (63, as of 2021), plus Hà Tây (merged into Hà Nội in 2008, still found in
/// old data), in the order of the circular's table.
std::span<const Vn2000Province> vn2000Provinces();

/// Finds a province by name, ignoring case, diacritics and prefixes such as "Tỉnh", "TP.",
/// "Thành phố": "lang son", "Lạng Sơn", "TP Hồ Chí Minh", "Hồ Chí Minh" and "HCM" all work.
std::optional<Vn2000Province> findVn2000Province(std::string_view name);

/// The source-CRS definition for a province's local zone, as "EPSG:<code>".
Result<std::string> vn2000CrsFor(std::string_view province);

/// A TM-3 VN-2000 definition for any central meridian (in degrees): the EPSG code when EPSG
/// has one for that meridian, else an equivalent PROJ string.
std::string vn2000TmCrsForMeridian(double centralMeridianDegrees);

/// VN-2000 → WGS 84 Helmert parameters in PROJ's +towgs84 order and sign convention
/// (position vector: dx, dy, dz in metres; rx, ry, rz in arc seconds; ds in ppm). The
/// Vietnamese decision publishes the rotations in the coordinate-frame convention, i.e. with
/// the opposite signs (-0.00928836, +0.01975479, -0.00427372); see docs/import.md.
inline constexpr std::array<double, 7> kVn2000ToWgs84 = {
    -191.90441429, -39.30318279, -111.45032835, 0.00928836, -0.01975479, 0.00427372, 0.252906278};

}  // namespace safemap
