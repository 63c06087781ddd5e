#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "core/model/site.h"
#include "core/project/project_settings.h"
#include "core/project/project_status.h"
#include "core/rules/site_status.h"
#include "gis/render/map_settings.h"

namespace safemap {

/// \brief Style classes of the sites (risk category 0..5, see riskCategory()); empty
/// functions leave every site in class 0 (no assessment).
struct SiteCategories {
    std::function<std::uint8_t(const Factory&)> factory;
    std::function<std::uint8_t(const Zone&)> zone;
};

/// The style class (0..5, as riskCategory) of a zone under a colouring.
std::uint8_t zoneCategory(const ZoneAggregate& aggregate, ZoneColouring colouring);

/// Risk categories from the project's status: facilities by their latest level, zones by
/// `colouring`. `status` must outlive the returned functions.
SiteCategories riskCategories(const ProjectStatus& status, ZoneColouring colouring);

/// The map layers of a project, bottom to top: the basemap (if any), zones, facilities,
/// each with its default style.
std::vector<LayerRender> makeProjectLayers(const std::vector<Zone>& zones,
                                           const std::vector<Factory>& factories,
                                           std::shared_ptr<const LayerData> basemap,
                                           const SiteCategories& categories = {});

/// The map marks of a facility's status (kFeatureStale, kFeatureSuspend, kFeatureInspect).
std::uint8_t siteMarkFlags(const SiteStatus& status);

}  // namespace safemap
