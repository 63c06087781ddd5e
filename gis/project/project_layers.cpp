#include "gis/project/project_layers.h"

namespace safemap {

std::vector<LayerRender> makeProjectLayers(const std::vector<Zone>& zones,
                                           const std::vector<Factory>& factories,
                                           std::shared_ptr<const LayerData> basemap,
                                           const SiteCategories& categories) {
    std::vector<LayerRender> layers;
    auto add = [&](std::shared_ptr<const LayerData> data) {
        LayerRender r;
        r.style = defaultStyleFor(data->kind);
        r.data = std::move(data);
        layers.push_back(std::move(r));
    };
    if (basemap)
        add(std::move(basemap));
    add(makeZoneLayer(zones, categories.zone));
    add(makeFactoryLayer(factories, categories.factory));
    return layers;
}

SiteCategories riskCategories(const ProjectStatus& status, ZoneColouring colouring) {
    SiteCategories c;
    c.factory = [&status](const Factory& f) -> std::uint8_t {
        const SiteStatus* st = status.site(f.id);
        return st ? riskCategory(*st) : 0;
    };
    c.zone = [&status, colouring](const Zone& z) -> std::uint8_t {
        auto it = status.zones.find(z.id);
        return it == status.zones.end() ? 0 : zoneCategory(it->second, colouring);
    };
    return c;
}

std::uint8_t zoneCategory(const ZoneAggregate& a, ZoneColouring colouring) {
    if (a.assessed == 0)
        return 0;
    if (colouring == ZoneColouring::WorstLevel)
        return static_cast<std::uint8_t>(static_cast<int>(*a.worst) + 1);
    // Area levels 1..4 (green, yellow, orange, red) drawn with the facility palette's
    // matching colours: very low (green), medium (yellow), high (orange), very high (red).
    const double share = a.unsafeShare();
    if (share <= 0)
        return 1;
    if (share <= 0.10)
        return 3;
    if (share <= 0.30)
        return 4;
    return 5;
}

std::uint8_t siteMarkFlags(const SiteStatus& status) {
    std::uint8_t flags = 0;
    if (status.stale)
        flags |= kFeatureStale;
    if (status.toSuspend)
        flags |= kFeatureSuspend;
    if (status.inspectTop)  // this week's inspections, not the whole list
        flags |= kFeatureInspect;
    return flags;
}

}  // namespace safemap
