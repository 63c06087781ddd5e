#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/filter/search_index.h"
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
///
/// Facilities and their addresses, nearly all of a project's places, are not copied: they
/// are read from the facts, and a facility's folded text is the filter's (SearchIndex). A
/// copy of each as a Place took 47 MB of a 100,000-facility window.
struct PlaceIndex {
    std::shared_ptr<const ProjectFacts> facts;
    std::shared_ptr<const SearchIndex> search;  ///< per factory: the folded "name tax-code"
    /// Provinces, districts and zones, positions 0 … areas.size() - 1.
    std::vector<Place> areas;
    std::vector<std::string> areaFolded;
    /// Each factory's folded address, back to back; factory i's ends at addressEnds[i].
    std::string addressFolded;
    std::vector<std::uint32_t> addressEnds;

    /// Areas first, then one position per factory, then one per factory's address.
    size_t size() const { return areas.size() + 2 * factoryCount(); }
    Place place(size_t position) const;
    PlaceKind kind(size_t position) const;
    std::string_view name(size_t position) const;
    std::string_view folded(size_t position) const;

private:
    size_t factoryCount() const { return facts ? facts->factories.size() : 0; }
};

/// Provinces and districts of the basemap (its kBasemapProvincesId and kBasemapDistrictsId
/// layers, if given; a district's detail is the province it lies in), the project's zones,
/// its facilities by name and tax code (`search`: buildSearchIndex of its factories, made
/// here if null or of another size),
/// their addresses, and districts the facilities name that the basemap lacks (their extent
/// is that of their facilities).
PlaceIndex buildPlaceIndex(std::shared_ptr<const ProjectFacts> facts,
                           std::shared_ptr<const SearchIndex> search,
                           const std::vector<LayerRender>& basemap);

/// Positions (PlaceIndex::place) of the places matching every word of `query` (accents and
/// case ignored), best first: the whole name, then names starting with the query, then names
/// where the query starts a word, then its first word starts one, then the words anywhere;
/// equal ranks by kind (provinces, districts, zones, facilities, addresses), then shorter
/// names. At most `limit`.
std::vector<size_t> searchPlaces(const PlaceIndex& index, std::string_view query,
                                 size_t limit = 20);

}  // namespace safemap
