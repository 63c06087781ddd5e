#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/geometry.h"
#include "core/project/project_facts.h"
#include "gis/render/map_settings.h"

namespace safemap {

/// What a search result is; also the order results of equal rank are listed in.
enum class PlaceKind : std::uint8_t { Province, District, Zone, Facility, Address };

/// \brief Something the search box can go to.
struct Place {
    PlaceKind kind = PlaceKind::Facility;
    std::string name;    ///< as shown: "Kim Bảng", "KCN Đồng Văn I", "Công ty May 10"
    std::string detail;  ///< what tells equal names apart: the province, tax code, facility
    std::string siteId;  ///< zones, facilities and addresses: the site to select
    BBox extent;         ///< Web Mercator metres: the area, or the facility's point
};

/// \brief Every place of a project and its basemap, with its text folded once (accents and
/// case ignored, core/text/fold.h), so a search only compares bytes. Built on a worker when
/// the sites are loaded; immutable, shared with the search box.
struct PlaceIndex {
    std::vector<Place> places;
    std::vector<std::string> folded;  ///< per place: the folded text a query is matched with
};

/// Provinces and districts of the basemap (its kBasemapProvincesId and kBasemapDistrictsId
/// layers, if given; a district's detail is the province it lies in), the project's zones,
/// its facilities by name and tax code, their addresses, and districts the facilities name
/// that the basemap lacks (their extent is that of their facilities).
PlaceIndex buildPlaceIndex(const ProjectFacts& facts, const std::vector<LayerRender>& basemap);

/// Positions in `index.places` of the places matching every word of `query` (accents and
/// case ignored), best first: the whole name, then names starting with the query, then names
/// where the query starts a word, then its first word starts one, then the words anywhere;
/// equal ranks by kind (provinces, districts, zones, facilities, addresses), then shorter
/// names. At most `limit`.
std::vector<size_t> searchPlaces(const PlaceIndex& index, std::string_view query,
                                 size_t limit = 20);

}  // namespace safemap
