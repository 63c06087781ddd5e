#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "core/filter/search_index.h"
#include "core/project/project_facts.h"
#include "core/project/project_settings.h"
#include "core/project/project_status.h"
#include "gis/render/map_settings.h"

namespace safemap {

/// Layer ids of a project's map.
inline constexpr const char* kBasemapLayerId = "basemap";
inline constexpr const char* kZonesLayerId = "zones";
inline constexpr const char* kFactoriesLayerId = "factories";

/// \brief The geometry of a project's map, built once per load of the sites (projected
/// and indexed); scenarios only change its categories and flags.
struct MapGeometry {
    std::vector<LayerRender> basemap;            ///< bottom to top, styled; may be empty
    std::shared_ptr<const LayerData> zones;      ///< one feature per zone, in facts order
    std::shared_ptr<const LayerData> factories;  ///< one feature per factory, in facts order
};

MapGeometry buildMapGeometry(const ProjectFacts& facts, std::vector<LayerRender> basemap);

/// \brief What a composed map shows for one scenario.
struct MapContent {
    std::vector<LayerRender> layers;  ///< bottom to top, in the saved order and visibility
    size_t visibleFactories = 0;      ///< facilities that pass the filter
};

/// The one map composition: the project's layers coloured by `status`, facilities the
/// `filter` rejects hidden, list and staleness marks set, styled by `style` and ordered and
/// shown as `layerOrder` says (layers it does not name go on top, shown). The window,
/// `safemap render` and reports all draw what this returns, so they draw the same map.
/// `search` may be null; if given it must have been built from facts.factories.
MapContent composeMap(const MapGeometry& geometry, const ProjectFacts& facts,
                      const ProjectStatus& status, const MapStyleChoice& style,
                      const std::vector<LayerState>& layerOrder, const SiteFilter& filter,
                      const SearchIndex* search = nullptr);

/// The extent that shows every site (zones and facilities; the facilities that pass the
/// filter only, when any do) with a margin, in Web Mercator metres; empty if there are none.
BBox sitesExtent(const MapContent& content, double margin = 0.05);

/// The layer order and visibility of `content`, for saving.
std::vector<LayerState> layerStates(const std::vector<LayerRender>& layers);

}  // namespace safemap
