#include "gis/project/place_search.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "core/text/fold.h"
#include "gis/render/basemap_layers.h"
#include "gis/render/web_mercator.h"

namespace safemap {

namespace {

const LayerData* basemapLayer(const std::vector<LayerRender>& basemap, std::string_view id) {
    for (const auto& l : basemap)
        if (l.data && l.data->id == id && l.data->consistent())
            return l.data.get();
    return nullptr;
}

// Even-odd test against every ring of one polygon feature (Mercator vertices).
bool featureContains(const FeatureGeometry& g, size_t f, QPointF p) {
    if (!g.boxes[f].contains(p.x(), p.y()))
        return false;
    bool inside = false;
    for (std::uint32_t r = g.featureRings[f]; r < g.featureRings[f + 1]; ++r) {
        const std::uint32_t begin = g.ringStarts[r], end = g.ringStarts[r + 1];
        for (std::uint32_t i = begin, j = end - 1; i < end; j = i++) {
            const QPointF& a = g.vertices[i];
            const QPointF& b = g.vertices[j];
            if ((a.y() > p.y()) != (b.y() > p.y()) &&
                p.x() < (b.x() - a.x()) * (p.y() - a.y()) / (b.y() - a.y()) + a.x())
                inside = !inside;
        }
    }
    return inside;
}

BBox pointBox(GeoPoint p) {
    const QPointF m = toMercator(p);
    return BBox{m.x(), m.y(), m.x(), m.y()};
}

BBox areaBox(const MultiPolygon& area) {
    BBox box;
    for (const auto& polygon : area)
        for (const auto& ring : polygon.rings)
            for (const GeoPoint& p : ring) {
                const QPointF m = toMercator(p);
                box.extend(m.x(), m.y());
            }
    return box;
}

// True if `word` starts at a word boundary of `text` (both folded).
bool hasWordStartingWith(std::string_view text, std::string_view word) {
    for (size_t pos = text.find(word); pos != std::string_view::npos;
         pos = text.find(word, pos + 1))
        if (pos == 0 || text[pos - 1] == ' ')
            return true;
    return false;
}

}  // namespace

Place PlaceIndex::place(size_t position) const {
    if (position < areas.size())
        return areas[position];
    position -= areas.size();
    const size_t n = factoryCount();
    const Factory& f = facts->factories[position % n];
    if (position < n)
        return {PlaceKind::Facility, f.name, f.taxCode, f.id, pointBox(f.location)};
    return {PlaceKind::Address, f.address, f.name, f.id, pointBox(f.location)};
}

PlaceKind PlaceIndex::kind(size_t position) const {
    if (position < areas.size())
        return areas[position].kind;
    return position - areas.size() < factoryCount() ? PlaceKind::Facility : PlaceKind::Address;
}

std::string_view PlaceIndex::name(size_t position) const {
    if (position < areas.size())
        return areas[position].name;
    position -= areas.size();
    const size_t n = factoryCount();
    const Factory& f = facts->factories[position % n];
    return position < n ? std::string_view(f.name) : std::string_view(f.address);
}

std::string_view PlaceIndex::folded(size_t position) const {
    if (position < areas.size())
        return areaFolded[position];
    position -= areas.size();
    const size_t n = factoryCount();
    if (position < n)
        return search->keys[position].text;
    position -= n;
    const std::uint32_t begin = position == 0 ? 0 : addressEnds[position - 1];
    return std::string_view(addressFolded).substr(begin, addressEnds[position] - begin);
}

PlaceIndex buildPlaceIndex(std::shared_ptr<const ProjectFacts> facts,
                           std::shared_ptr<const SearchIndex> search,
                           const std::vector<LayerRender>& basemap) {
    PlaceIndex index;
    auto add = [&](Place place, const std::string& searchText) {
        index.areaFolded.push_back(foldForSearch(searchText));
        index.areas.push_back(std::move(place));
    };

    const LayerData* provinces = basemapLayer(basemap, kBasemapProvincesId);
    const LayerData* districts = basemapLayer(basemap, kBasemapDistrictsId);
    if (provinces)
        for (size_t i = 0; i < provinces->featureCount(); ++i)
            if (!provinces->labels[i].empty())
                add({PlaceKind::Province,
                     provinces->labels[i],
                     {},
                     {},
                     provinces->geometry->boxes[i]},
                    provinces->labels[i]);
    // Folded district names of the basemap, to leave out the facilities' own copies of them.
    std::unordered_map<std::string, int> basemapDistricts;
    if (districts) {
        const FeatureGeometry& g = *districts->geometry;
        for (size_t i = 0; i < districts->featureCount(); ++i) {
            const std::string& name = districts->labels[i];
            if (name.empty())
                continue;
            std::string province;
            if (provinces)
                for (size_t p = 0; p < provinces->featureCount() && province.empty(); ++p)
                    if (featureContains(*provinces->geometry, p, g.labelAnchors[i]))
                        province = provinces->labels[p];
            ++basemapDistricts[foldForSearch(name)];
            std::string text = name;
            text += ' ';
            text += province;
            add({PlaceKind::District, name, province, {}, g.boxes[i]}, text);
        }
    }
    if (!facts)
        return index;

    for (const Zone& z : facts->zones) {
        const BBox box = areaBox(z.area);
        if (box.empty())
            continue;
        std::string detail = z.district.empty() ? z.province : z.district + ", " + z.province;
        add({PlaceKind::Zone, z.name, std::move(detail), z.id, box}, z.name);
    }

    // Districts named by facilities only (no basemap, or a name the basemap spells otherwise):
    // their extent is that of their facilities.
    std::unordered_map<std::string, size_t> ownDistricts;  // folded "district province" → place
    std::vector<Place> districtPlaces;
    index.addressEnds.reserve(facts->factories.size());
    for (const Factory& f : facts->factories) {
        index.addressFolded += foldForSearch(f.address);
        index.addressEnds.push_back(static_cast<std::uint32_t>(index.addressFolded.size()));
        if (f.district.empty())
            continue;
        std::string key = foldForSearch(f.district);
        if (basemapDistricts.count(key))
            continue;
        key += '|';
        key += foldForSearch(f.province);
        auto [it, fresh] = ownDistricts.emplace(key, districtPlaces.size());
        if (fresh)
            districtPlaces.push_back({PlaceKind::District, f.district, f.province, {}, {}});
        districtPlaces[it->second].extent.extend(pointBox(f.location));
    }
    for (auto& d : districtPlaces) {
        const std::string text = d.name + " " + d.detail;
        add(std::move(d), text);
    }
    index.addressFolded.shrink_to_fit();
    // A search index of other factories (or none) would give facilities the wrong text.
    if (!search || search->keys.size() != facts->factories.size())
        search = std::make_shared<const SearchIndex>(buildSearchIndex(facts->factories));
    index.facts = std::move(facts);
    index.search = std::move(search);
    return index;
}

std::vector<size_t> searchPlaces(const PlaceIndex& index, std::string_view query, size_t limit) {
    const std::string q = foldForSearch(query);
    std::vector<size_t> out;
    if (q.empty() || limit == 0)
        return out;
    const std::string_view first = std::string_view(q).substr(0, q.find(' '));
    // (rank, kind, name length, position): smaller is better.
    using Key = std::tuple<int, int, size_t, size_t>;
    std::vector<Key> hits;
    for (size_t i = 0; i < index.size(); ++i) {
        const std::string_view text = index.folded(i);
        if (!matchesFolded(text, q))
            continue;
        int rank = 4;
        // The name is the start of the folded text for every kind (see buildPlaceIndex).
        if (text == q ||
            (text.starts_with(q) && (text.size() == q.size() || text[q.size()] == ' ')))
            rank = 0;
        else if (text.starts_with(q))
            rank = 1;
        else if (hasWordStartingWith(text, q))
            rank = 2;  // the words in the order typed: "dong van i" in "KCN Đồng Văn I"
        else if (hasWordStartingWith(text, first))
            rank = 3;
        hits.emplace_back(rank, static_cast<int>(index.kind(i)), index.name(i).size(), i);
    }
    const size_t n = std::min(limit, hits.size());
    std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(n), hits.end());
    out.reserve(n);
    for (size_t i = 0; i < n; ++i)
        out.push_back(std::get<3>(hits[i]));
    return out;
}

}  // namespace safemap
