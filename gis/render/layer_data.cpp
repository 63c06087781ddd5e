#include "gis/render/layer_data.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "gis/render/web_mercator.h"

namespace safemap {

namespace {

// A facility's symbol size: its total workforce, NaN where unknown.
float workforceSize(const Factory& f) {
    return f.workforce.total ? static_cast<float>(*f.workforce.total)
                             : std::numeric_limits<float>::quiet_NaN();
}

}  // namespace

LayerBuilder::LayerBuilder(std::string id, std::string title, LayerKind kind)
    : LayerBuilder(std::move(id), std::move(title), kind,
                   kind == LayerKind::Factories ? GeometryKind::Points : GeometryKind::Polygons) {}

LayerBuilder::LayerBuilder(std::string id, std::string title, LayerKind kind, GeometryKind geometry)
    : geometryKind_(geometry), data_(std::make_shared<LayerData>()) {
    data_->id = std::move(id);
    data_->title = std::move(title);
    data_->kind = kind;
    reset();
}

void LayerBuilder::reset() {
    geometry_ = std::make_shared<FeatureGeometry>();
    geometry_->isPoints = geometryKind_ == GeometryKind::Points;
    geometry_->isLines = geometryKind_ == GeometryKind::Lines;
}

void LayerBuilder::reservePoints(std::size_t points) {
    geometry_->points.reserve(geometry_->points.size() + points);
    geometry_->boxes.reserve(geometry_->boxes.size() + points);
    geometry_->labelAnchors.reserve(geometry_->labelAnchors.size() + points);
    featureIds_.reserve(featureIds_.size() + points);
    labels_.reserve(labels_.size() + points);
    data_->categories.reserve(data_->categories.size() + points);
    data_->sizes.reserve(data_->sizes.size() + points);
}

void LayerBuilder::addPoint(std::string featureId, GeoPoint where, std::uint8_t category,
                            float size, std::string label) {
    const QPointF m = toMercator(where);
    geometry_->points.push_back(m);
    geometry_->boxes.push_back({m.x(), m.y(), m.x(), m.y()});
    geometry_->labelAnchors.push_back(m);
    geometry_->extent.extend(m.x(), m.y());
    featureIds_.push_back(std::move(featureId));
    labels_.push_back(std::move(label));
    data_->categories.push_back(category);
    data_->sizes.push_back(size);
}

void LayerBuilder::addPolygon(std::string featureId, const MultiPolygon& area,
                              std::uint8_t category, std::string label,
                              std::optional<GeoPoint> labelAt) {
    FeatureGeometry& g = *geometry_;
    BBox box;
    double bestArea = -1;
    QPointF anchor;
    for (const Polygon& polygon : area) {
        for (std::size_t r = 0; r < polygon.rings.size(); ++r) {
            const Ring& ring = polygon.rings[r];
            if (ring.size() < 3)
                continue;
            BBox ringBox;
            for (const GeoPoint& p : ring) {
                const QPointF m = toMercator(p);
                g.vertices.push_back(m);
                ringBox.extend(m.x(), m.y());
            }
            if (!(ring.front() == ring.back()))
                g.vertices.push_back(g.vertices[g.ringStarts.back()]);
            g.ringStarts.push_back(static_cast<std::uint32_t>(g.vertices.size()));
            box.extend(ringBox);
            // The label goes at the centre of the largest outer ring's box: cheap, and right
            // for the compact shapes of zones and most countries.
            const double a = (ringBox.maxX - ringBox.minX) * (ringBox.maxY - ringBox.minY);
            if (r == 0 && a > bestArea) {
                bestArea = a;
                anchor = {(ringBox.minX + ringBox.maxX) / 2, (ringBox.minY + ringBox.maxY) / 2};
            }
        }
    }
    g.featureRings.push_back(static_cast<std::uint32_t>(g.ringStarts.size() - 1));
    g.boxes.push_back(box);
    g.labelAnchors.push_back(labelAt ? toMercator(*labelAt) : anchor);
    g.extent.extend(box);
    featureIds_.push_back(std::move(featureId));
    labels_.push_back(std::move(label));
    data_->categories.push_back(category);
    data_->sizes.push_back(std::numeric_limits<float>::quiet_NaN());
}

void LayerBuilder::addLine(std::string featureId, const std::vector<std::vector<GeoPoint>>& parts,
                           std::uint8_t category, std::string label) {
    FeatureGeometry& g = *geometry_;
    BBox box;
    double longest = -1;
    QPointF anchor;
    for (const auto& part : parts) {
        if (part.size() < 2)
            continue;
        const std::size_t first = g.vertices.size();
        double length = 0;
        for (const GeoPoint& p : part) {
            const QPointF m = toMercator(p);
            if (g.vertices.size() > first)
                length += std::hypot(m.x() - g.vertices.back().x(), m.y() - g.vertices.back().y());
            g.vertices.push_back(m);
            box.extend(m.x(), m.y());
        }
        g.ringStarts.push_back(static_cast<std::uint32_t>(g.vertices.size()));
        if (length > longest) {
            longest = length;
            anchor = g.vertices[first + part.size() / 2];
        }
    }
    g.featureRings.push_back(static_cast<std::uint32_t>(g.ringStarts.size() - 1));
    g.boxes.push_back(box);
    g.labelAnchors.push_back(anchor);
    g.extent.extend(box);
    featureIds_.push_back(std::move(featureId));
    labels_.push_back(std::move(label));
    data_->categories.push_back(category);
    data_->sizes.push_back(std::numeric_limits<float>::quiet_NaN());
}

std::shared_ptr<const LayerData> LayerBuilder::finish() {
    geometry_->index = PackedRTree(geometry_->boxes);
    data_->geometry = std::move(geometry_);
    data_->featureIds = std::exchange(featureIds_, {});
    data_->labels = std::exchange(labels_, {});
    reset();
    auto out = std::move(data_);
    data_ = std::make_shared<LayerData>();
    data_->id = out->id;
    data_->title = out->title;
    data_->kind = out->kind;
    return out;
}

std::shared_ptr<const LayerData> makeFactoryLayer(
    const std::vector<Factory>& factories,
    const std::function<std::uint8_t(const Factory&)>& categorize) {
    LayerBuilder builder("factories", "Factories", LayerKind::Factories);
    builder.reservePoints(factories.size());
    for (const Factory& f : factories)
        builder.addPoint(f.id, f.location, categorize ? categorize(f) : std::uint8_t{0},
                         workforceSize(f), f.name);
    return builder.finish();
}

std::shared_ptr<const LayerData> makeFactoryLayer(
    const std::vector<Factory>& factories, const std::shared_ptr<const FeatureGeometry>& points) {
    const bool same =
        points && points->isPoints && points->points.size() == factories.size() &&
        std::equal(factories.begin(), factories.end(), points->points.begin(),
                   [](const Factory& f, const QPointF& p) { return toMercator(f.location) == p; });
    if (!same)
        return makeFactoryLayer(factories);
    // The arrays addPoint fills, but not the geometry.
    auto out = std::make_shared<LayerData>();
    out->id = "factories";
    out->title = "Factories";
    out->kind = LayerKind::Factories;
    out->geometry = points;
    std::vector<std::string> ids, labels;
    ids.reserve(factories.size());
    labels.reserve(factories.size());
    out->sizes.reserve(factories.size());
    for (const Factory& f : factories) {
        ids.push_back(f.id);
        labels.push_back(f.name);
        out->sizes.push_back(workforceSize(f));
    }
    out->featureIds = std::move(ids);
    out->labels = std::move(labels);
    out->categories.assign(factories.size(), 0);
    return out;
}

std::shared_ptr<const LayerData> makeZoneLayer(
    const std::vector<Zone>& zones, const std::function<std::uint8_t(const Zone&)>& categorize) {
    LayerBuilder builder("zones", "Industrial zones", LayerKind::Zones);
    for (const Zone& z : zones)
        builder.addPolygon(z.id, z.area, categorize ? categorize(z) : std::uint8_t{0}, z.name);
    return builder.finish();
}

std::shared_ptr<const LayerData> withCategories(const LayerData& layer,
                                                std::vector<std::uint8_t> categories) {
    auto out = std::make_shared<LayerData>(layer);
    categories.resize(layer.featureCount(), 0);
    out->categories = std::move(categories);
    return out;
}

std::shared_ptr<const LayerData> withFlags(const LayerData& layer,
                                           std::vector<std::uint8_t> flags) {
    auto out = std::make_shared<LayerData>(layer);
    if (!flags.empty())
        flags.resize(layer.featureCount(), 0);
    out->flags = std::move(flags);
    return out;
}

std::shared_ptr<const LayerData> withCategoriesAndFlags(const LayerData& layer,
                                                        std::vector<std::uint8_t> categories,
                                                        std::vector<std::uint8_t> flags) {
    auto out = std::make_shared<LayerData>(layer);
    categories.resize(layer.featureCount(), 0);
    out->categories = std::move(categories);
    if (!flags.empty())
        flags.resize(layer.featureCount(), 0);
    out->flags = std::move(flags);
    return out;
}

}  // namespace safemap
