#include "gis/project/map_composition.h"

#include <algorithm>
#include <unordered_map>

#include "core/filter/filter_match.h"
#include "gis/project/project_layers.h"

namespace safemap {

MapGeometry buildMapGeometry(const ProjectFacts& facts, std::vector<LayerRender> basemap,
                             std::vector<LayerRender> context,
                             const std::shared_ptr<const FeatureGeometry>& factoryPoints) {
    MapGeometry g;
    g.basemap = std::move(basemap);
    g.context = std::move(context);
    g.zones = makeZoneLayer(facts.zones);
    g.factories = factoryPoints ? makeFactoryLayer(facts.factories, factoryPoints)
                                : makeFactoryLayer(facts.factories);
    return g;
}

MapContent composeMap(const MapGeometry& geometry, const ProjectFacts& facts,
                      const ProjectStatus& status, const MapStyleChoice& style,
                      const std::vector<LayerState>& layerOrder, const SiteFilter& filter,
                      const SearchIndex* search) {
    MapContent out;
    std::vector<LayerRender> layers;
    layers.insert(layers.end(), geometry.basemap.begin(), geometry.basemap.end());
    layers.insert(layers.end(), geometry.context.begin(), geometry.context.end());

    if (geometry.zones) {
        std::vector<std::uint8_t> categories(geometry.zones->featureCount(), 0);
        for (size_t i = 0; i < categories.size() && i < facts.zones.size(); ++i)
            if (auto it = status.zones.find(facts.zones[i].id); it != status.zones.end())
                categories[i] = zoneCategory(it->second, style.zoneColouring);
        LayerRender zones{withCategories(*geometry.zones, std::move(categories)),
                          defaultStyleFor(LayerKind::Zones), true};
        zones.style.showLabels = style.zoneLabels;
        layers.push_back(std::move(zones));
    }

    if (geometry.factories) {
        std::unordered_map<std::string_view, const Zone*> zoneById;
        for (const auto& z : facts.zones)
            zoneById.emplace(z.id, &z);
        const SiteMatcher match(filter);
        const size_t n = geometry.factories->featureCount();
        std::vector<std::uint8_t> categories(n, 0), flags(n, 0);
        for (size_t i = 0; i < n && i < facts.factories.size(); ++i) {
            const Factory& f = facts.factories[i];
            const SiteStatus* s = i < status.sites.size() ? &status.sites[i] : nullptr;
            const Zone* zone = nullptr;
            if (auto it = zoneById.find(f.zoneId); it != zoneById.end())
                zone = it->second;
            const SearchKey* key = search && i < search->keys.size() ? &search->keys[i] : nullptr;
            if (!match(FilterRow{&f, s, zone, key})) {
                flags[i] |= kFeatureHidden;
            } else {
                ++out.visibleFactories;
            }
            if (s) {
                categories[i] = riskCategory(*s);
                flags[i] |= siteMarkFlags(*s);
            }
        }
        LayerRender factories{
            withCategoriesAndFlags(*geometry.factories, std::move(categories), std::move(flags)),
            defaultStyleFor(LayerKind::Factories), true};
        factories.style.sizeByValue = style.sizeByWorkforce;
        factories.style.showLabels = style.facilityLabels;
        layers.push_back(std::move(factories));
    }

    // The saved order and visibility; layers it does not know keep their place on top.
    std::vector<LayerRender> ordered;
    for (const auto& state : layerOrder)
        for (auto& l : layers)
            if (l.data && l.data->id == state.id) {
                l.visible = state.visible;
                ordered.push_back(l);
                l.data = nullptr;
            }
    for (auto& l : layers)
        if (l.data)
            ordered.push_back(std::move(l));
    out.layers = std::move(ordered);
    return out;
}

MapContent composePendingMap(const MapGeometry& geometry, const ProjectFacts& facts,
                             const MapStyleChoice& style,
                             const std::vector<LayerState>& layerOrder) {
    MapContent out = composeMap(geometry, facts, ProjectStatus{}, style, layerOrder, SiteFilter{});
    for (LayerRender& l : out.layers)
        if (l.data->kind == LayerKind::Factories || l.data->kind == LayerKind::Zones)
            l.style.categories = {statusPendingStyle(l.data->kind)};
    return out;
}

BBox sitesExtent(const MapContent& content, SitesScope scope, double margin) {
    BBox box;
    for (const auto& l : content.layers) {
        if (l.data->kind == LayerKind::Basemap)
            continue;
        if (scope == SitesScope::FilteredFacilities && l.data->kind != LayerKind::Factories)
            continue;
        const auto& g = *l.data->geometry;
        for (size_t i = 0; i < l.data->featureCount(); ++i)
            if (!l.data->isHidden(i))
                box.extend(g.boxes[i]);
    }
    if (box.empty())
        return box;
    const double mx = (box.maxX - box.minX) * margin, my = (box.maxY - box.minY) * margin;
    return BBox{box.minX - mx, box.minY - my, box.maxX + mx, box.maxY + my};
}

BBox sitesExtent(const MapContent& content, double margin) {
    return sitesExtent(content, SitesScope::AllSites, margin);
}

BBox withMinimumSpan(BBox box, double span) {
    if (box.empty())
        return box;
    if (box.maxX - box.minX < span) {
        const double c = (box.minX + box.maxX) / 2;
        box.minX = c - span / 2;
        box.maxX = c + span / 2;
    }
    if (box.maxY - box.minY < span) {
        const double c = (box.minY + box.maxY) / 2;
        box.minY = c - span / 2;
        box.maxY = c + span / 2;
    }
    return box;
}

bool facilityHidden(const MapContent& content, std::string_view siteId) {
    for (const auto& l : content.layers) {
        if (l.data->kind != LayerKind::Factories)
            continue;
        const auto& ids = l.data->featureIds;
        for (size_t i = 0; i < ids.size(); ++i)
            if (ids[i] == siteId)
                return l.data->isHidden(i);
    }
    return false;
}

std::vector<LayerState> layerStates(const std::vector<LayerRender>& layers) {
    std::vector<LayerState> out;
    out.reserve(layers.size());
    for (const auto& l : layers)
        out.push_back({l.data->id, l.visible});
    return out;
}

}  // namespace safemap
