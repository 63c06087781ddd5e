#pragma once
// The basemap carried in a field package: SafeMap's offline basemap (countries, provinces,
// districts, rivers, towns) cut to the package's area and written as ordinary GeoPackage
// layers of the package (basemap_countries, basemap_provinces, …; registered in
// gpkg_contents and gpkg_geometry_columns, so QGIS shows them too). Field mode draws them
// when the laptop's SafeMap has no basemap of its own (loadPackageBasemapLayers).

#include <string>

#include "core/model/geometry.h"
#include "core/result.h"

namespace safemap {

/// Writes the shipped basemap under `dataDir` (the directory holding basemap/) clipped to
/// `areaLonLat` into the GeoPackage at `packagePath`, in one transaction: every feature that
/// meets the area, its geometry cut at the area's edge (GEOS), its attributes kept. Layers
/// already there are replaced. An Error names the file that could not be read or written.
[[nodiscard]] Status writePackageBasemap(const std::string& packagePath, const std::string& dataDir,
                                         const BBox& areaLonLat);

}  // namespace safemap
