#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "gis/render/map_language.h"
#include "gis/render/map_settings.h"

namespace safemap {

/// Ids of the basemap layers, stable (a project's saved view refers to them).
inline constexpr const char* kBasemapLandId = "basemap-land";
inline constexpr const char* kBasemapArchipelagosId = "basemap-archipelagos";
inline constexpr const char* kBasemapProvincesId = "basemap-provinces";
inline constexpr const char* kBasemapDistrictsId = "basemap-districts";
inline constexpr const char* kBasemapRiversId = "basemap-rivers";
inline constexpr const char* kBasemapTownsId = "basemap-towns";

/// Scales (1:N, 96 dpi) at which the basemap changes: districts and their names, towns and
/// river names appear below kBasemapDetailScale (a province or two fill the screen); above it
/// (the whole country) only provinces, their names, rivers and countries are drawn.
inline constexpr double kBasemapDetailScale = 2500000;

/// \brief Việt Nam's offline basemap as map layers, bottom to top: land (countries, Việt Nam
/// apart from its neighbours), the Hoàng Sa and Trường Sa archipelagos, provinces, districts,
/// rivers, towns. Every layer is LayerKind::Basemap with its own style, scale range and title
/// in `language`; their labels are placed with the project's in the label pass, so a town's
/// name never covers a facility.
///
/// `dataDir` is the directory that holds `basemap/countries.geojson` and
/// `basemap/vietnam_admin.gpkg` (the source tree's or the installed `data/`). Country names
/// come out in `language` (the file has English ones); Việt Nam's own names stay Vietnamese.
/// The project's layers go on top of these (zones, then facilities). An Error names the file
/// that could not be read.
Result<std::vector<LayerRender>> loadBasemapLayers(const std::string& dataDir,
                                                   MapLanguage language);

/// The prefix of the basemap layers a field package holds (basemap_countries,
/// basemap_provinces, basemap_districts, basemap_rivers, basemap_places).
inline constexpr const char* kPackageBasemapPrefix = "basemap_";

/// The basemap a field package holds, clipped to its area (gis/field/package_basemap.h), as
/// the same layers loadBasemapLayers makes: field mode draws it when SafeMap's own basemap is
/// missing. An Error (basemap.layer_missing) for a package or project without one.
Result<std::vector<LayerRender>> loadPackageBasemapLayers(const std::string& packagePath,
                                                          MapLanguage language);

/// The name of a Natural Earth country (its English `name` in countries.geojson) in
/// `language`: "China" → "Trung Quốc". Names not in the table come back as given; the
/// archipelagos' unnamed islets feature and "Scarborough Reef" get no name.
std::string countryName(std::string_view naturalEarthName, MapLanguage language);

/// The labels of the two archipelagos: "Quần đảo Hoàng Sa" / "Hoang Sa (Paracel) Islands"
/// and "Quần đảo Trường Sa" / "Truong Sa (Spratly) Islands".
std::string hoangSaLabel(MapLanguage language);
std::string truongSaLabel(MapLanguage language);

}  // namespace safemap
