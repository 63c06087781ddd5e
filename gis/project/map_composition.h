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
    std::vector<LayerRender> basemap;  ///< bottom to top, styled; may be empty
    /// The project's context layers (loadContextLayers), styled, in the settings' order;
    /// drawn above the basemap and below the zones unless the saved order says otherwise.
    std::vector<LayerRender> context;
    std::shared_ptr<const LayerData> zones;      ///< one feature per zone, in facts order
    std::shared_ptr<const LayerData> factories;  ///< one feature per factory, in facts order
};

/// `factoryPoints`, if given, is a factories layer's geometry built before (makeFactoryLayer's
/// second form): kept where it holds the same positions.
MapGeometry buildMapGeometry(const ProjectFacts& facts, std::vector<LayerRender> basemap,
                             std::vector<LayerRender> context = {},
                             const std::shared_ptr<const FeatureGeometry>& factoryPoints = nullptr);

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

/// The project's sites before their status is known: every zone and facility drawn, none
/// coloured by risk (a pale symbol that no risk level uses, so nothing reads as "not
/// assessed" or "safe"). `facts` need only the zones and the facilities' ids, zones and
/// positions (ProjectRepository::factoryPositions); no filter applies.
MapContent composePendingMap(const MapGeometry& geometry, const ProjectFacts& facts,
                             const MapStyleChoice& style,
                             const std::vector<LayerState>& layerOrder);

/// Which sites an extent is made of.
enum class SitesScope {
    /// Every zone and the facilities the filter keeps ("zoom to all"): a facility the filter
    /// hides is not drawn, so it does not stretch the view to an empty corner.
    AllSites,
    /// Only the facilities the filter keeps ("zoom to filter"); empty when it keeps none.
    FilteredFacilities,
};

/// The extent of the sites of `scope` with a margin (a fraction of each side), in Web
/// Mercator metres; empty if there are none. Context and basemap layers never count.
BBox sitesExtent(const MapContent& content, SitesScope scope, double margin = 0.05);
/// sitesExtent(content, SitesScope::AllSites, margin).
BBox sitesExtent(const MapContent& content, double margin = 0.05);

/// The smallest extent the window zooms to, in metres: a single facility has no size, so it
/// is shown with about 2 km around it.
inline constexpr double kMinimumViewSpan = 2000;
/// `box` grown about its centre to at least `span` metres each way.
BBox withMinimumSpan(BBox box, double span);

/// True when `siteId` is a facility of the map that the filter hides (false for zones,
/// unknown ids and facilities shown): the window drops a record the filter hides.
bool facilityHidden(const MapContent& content, std::string_view siteId);

/// The layer order and visibility of `content`, for saving.
std::vector<LayerState> layerStates(const std::vector<LayerRender>& layers);

}  // namespace safemap
