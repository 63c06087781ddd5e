#pragma once

#include <QPointF>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model/geometry.h"
#include "core/model/site.h"
#include "core/result.h"
#include "gis/index/packed_rtree.h"

namespace safemap {

/// Per-feature flag bits (LayerData::flags). Flags change with filters and re-scoring while the
/// geometry stays: see withFlags().
/// Filtered out: not drawn, not identified, not counted in level-of-detail cells or labels.
inline constexpr std::uint8_t kFeatureHidden = 1;
/// The latest assessment is older than the configured period (a white centre dot).
inline constexpr std::uint8_t kFeatureStale = 2;
/// On the "to suspend" list (a black ring around the symbol).
inline constexpr std::uint8_t kFeatureSuspend = 4;
/// Among the first of the "due for inspection" list, within the weekly inspection capacity
/// (SiteStatus::inspectTop): a blue marker at the upper right.
inline constexpr std::uint8_t kFeatureInspect = 8;
/// The flags that draw a mark on a point symbol.
inline constexpr std::uint8_t kFeatureMarks = kFeatureStale | kFeatureSuspend | kFeatureInspect;

/// What a layer shows; decides its default style and how identify treats it.
enum class LayerKind : std::uint8_t { Basemap, Zones, Factories };

/// How a layer's features are stored and drawn.
enum class GeometryKind : std::uint8_t { Points, Polygons, Lines };

/// \brief Geometry of a layer's features in Web Mercator metres, with a spatial index.
///
/// Point layers use `points` (one per feature). Polygon layers keep all vertices in one
/// flat array: feature f owns rings [featureRings[f], featureRings[f+1]) and ring r owns
/// vertices [ringStarts[r], ringStarts[r+1]). All rings of a feature (outer boundaries of
/// every part and their holes) are drawn as one even-odd path. Line layers (`isLines`) keep
/// their parts the same way, as open paths. Shared, never mutated.
struct FeatureGeometry {
    bool isPoints = true;
    bool isLines = false;  ///< with isPoints false: the "rings" are open lines (rivers)
    std::vector<QPointF> points;
    std::vector<QPointF> vertices;
    std::vector<std::uint32_t> ringStarts{0};
    std::vector<std::uint32_t> featureRings{0};
    std::vector<BBox> boxes;  ///< per feature, Mercator
    /// Per feature: the point, a spot on the largest ring (or one given by the builder), the
    /// middle of a line's longest part.
    std::vector<QPointF> labelAnchors;
    PackedRTree index;  ///< over `boxes`; item i is feature i
    BBox extent;        ///< Mercator

    std::size_t featureCount() const { return boxes.size(); }
};

/// \brief Immutable strings, one per feature, shared by every copy of a layer: a layer
/// re-coloured for a new status or filter (withCategoriesAndFlags) copies the pointer, not
/// 100,000 site ids and names (about 13 MB each time on the 100,000-facility project).
class SharedStrings {
public:
    SharedStrings() = default;
    SharedStrings(std::vector<std::string> values)  // NOLINT(google-explicit-constructor)
        : values_(std::make_shared<const std::vector<std::string>>(std::move(values))) {}

    const std::vector<std::string>& values() const { return values_ ? *values_ : none(); }
    std::size_t size() const { return values().size(); }
    bool empty() const { return values().empty(); }
    const std::string& operator[](std::size_t i) const { return values()[i]; }
    auto begin() const { return values().begin(); }
    auto end() const { return values().end(); }
    friend bool operator==(const SharedStrings& a, const std::vector<std::string>& b) {
        return a.values() == b;
    }

private:
    static const std::vector<std::string>& none() {
        static const std::vector<std::string> empty;
        return empty;
    }
    std::shared_ptr<const std::vector<std::string>> values_;
};

/// \brief One layer's features, ready to draw: immutable once built.
///
/// UI and render threads share it through `std::shared_ptr<const LayerData>` without locks
/// (the QGIS rule: a render never touches anything live). The geometry sits behind its own
/// shared pointer, and the ids and labels are SharedStrings, so re-scoring (new categories,
/// same sites) copies only the small arrays.
struct LayerData {
    std::string id;
    std::string title;
    LayerKind kind = LayerKind::Factories;
    std::shared_ptr<const FeatureGeometry> geometry;
    SharedStrings featureIds;              ///< site id per feature (Factory::id, Zone::id)
    SharedStrings labels;                  ///< display name per feature
    std::vector<std::uint8_t> categories;  ///< style class per feature (risk level 0..5)
    std::vector<float> sizes;         ///< per feature, NaN where unknown (workforce); may be empty
    std::vector<std::uint8_t> flags;  ///< per feature kFeature* bits; empty = none set

    std::size_t featureCount() const { return featureIds.size(); }
    const BBox& extent() const { return geometry->extent; }
    /// Size value of feature f; NaN when unknown or when the layer has no sizes.
    float sizeOf(std::size_t f) const {
        return f < sizes.size() ? sizes[f] : std::numeric_limits<float>::quiet_NaN();
    }
    std::uint8_t flagsOf(std::size_t f) const { return f < flags.size() ? flags[f] : 0; }
    bool isHidden(std::size_t f) const { return (flagsOf(f) & kFeatureHidden) != 0; }
    /// True when every per-feature array matches the geometry (the builders guarantee it;
    /// the renderer skips a hand-made layer that breaks it rather than read out of bounds).
    bool consistent() const {
        const std::size_t n = geometry ? geometry->featureCount() : 0;
        return geometry && featureIds.size() == n && labels.size() == n && categories.size() == n &&
               geometry->labelAnchors.size() == n && (sizes.empty() || sizes.size() == n) &&
               (flags.empty() || flags.size() == n) &&
               (geometry->isPoints ? geometry->points.size() == n
                                   : geometry->featureRings.size() == n + 1);
    }
};

/// \brief Collects features in EPSG:4326 and produces a LayerData (projects and indexes once).
class LayerBuilder {
public:
    /// Factories are points, other kinds polygons.
    LayerBuilder(std::string id, std::string title, LayerKind kind);
    LayerBuilder(std::string id, std::string title, LayerKind kind, GeometryKind geometry);
    /// Room for `points` more points: a layer of 100,000 built by doubling holds up to twice
    /// its size while each array is copied.
    void reservePoints(std::size_t points);
    /// Adds a point feature (point layers). `size` NaN = unknown.
    void addPoint(std::string featureId, GeoPoint where, std::uint8_t category = 0,
                  float size = std::numeric_limits<float>::quiet_NaN(), std::string label = {});
    /// Adds a polygon feature (polygon layers); empty rings are skipped, open rings are
    /// closed. Its label goes at `labelAt` if given, else at the centre of the largest outer
    /// ring's box.
    void addPolygon(std::string featureId, const MultiPolygon& area, std::uint8_t category = 0,
                    std::string label = {}, std::optional<GeoPoint> labelAt = std::nullopt);
    /// Adds a line feature of one or more parts (line layers); parts of fewer than two
    /// points are skipped. Its label goes at the middle vertex of the longest part.
    void addLine(std::string featureId, const std::vector<std::vector<GeoPoint>>& parts,
                 std::uint8_t category = 0, std::string label = {});
    std::shared_ptr<const LayerData> finish();

private:
    void reset();

    GeometryKind geometryKind_;
    std::shared_ptr<LayerData> data_;
    std::shared_ptr<FeatureGeometry> geometry_;
    std::vector<std::string> featureIds_;  ///< data_'s, until finish()
    std::vector<std::string> labels_;
};

/// Factories as points; `categorize` gives each its style class (default: 0). Sizes are the
/// total workforce where known.
std::shared_ptr<const LayerData> makeFactoryLayer(
    const std::vector<Factory>& factories,
    const std::function<std::uint8_t(const Factory&)>& categorize = {});

/// The factories' layer sharing `points` (an earlier factories layer's geometry) where it
/// holds exactly their positions, in their order: the window draws the sites from their
/// positions alone before the facilities are read, and keeps that geometry instead of
/// building and holding a second one (16 MB and its R-tree on 100,000 facilities).
/// Otherwise as makeFactoryLayer.
std::shared_ptr<const LayerData> makeFactoryLayer(
    const std::vector<Factory>& factories, const std::shared_ptr<const FeatureGeometry>& points);

/// Zones as polygons; zones with an empty area are kept as features with no geometry drawn.
std::shared_ptr<const LayerData> makeZoneLayer(
    const std::vector<Zone>& zones,
    const std::function<std::uint8_t(const Zone&)>& categorize = {});

/// Reads polygons (EPSG:4326, `name` property as label) from any OGR vector file, e.g.
/// data/basemap/countries.geojson. Non-polygon features are skipped.
Result<std::shared_ptr<const LayerData>> loadBasemapLayer(const std::string& path);

/// The same layer with new categories (one per feature), sharing its geometry: re-scoring
/// does not re-project or re-index.
std::shared_ptr<const LayerData> withCategories(const LayerData& layer,
                                                std::vector<std::uint8_t> categories);

/// The same layer with new per-feature flags (kFeature* bits, one byte per feature; shorter
/// arrays are padded with 0, empty clears them), sharing its geometry: a filter or a list
/// change costs a copy of the small arrays, not a rebuild.
std::shared_ptr<const LayerData> withFlags(const LayerData& layer, std::vector<std::uint8_t> flags);

/// withCategories and withFlags in one copy (re-scoring changes both).
std::shared_ptr<const LayerData> withCategoriesAndFlags(const LayerData& layer,
                                                        std::vector<std::uint8_t> categories,
                                                        std::vector<std::uint8_t> flags);

}  // namespace safemap
