#pragma once

#include <QColor>
#include <array>
#include <cstdint>
#include <vector>

namespace safemap {

enum class LayerKind : std::uint8_t;

/// \brief Fill and outline of one style class (for risk layers: one risk level).
struct CategoryStyle {
    QColor fill;
    QColor stroke;
    friend bool operator==(const CategoryStyle&, const CategoryStyle&) = default;
};

/// \brief How points of a layer are thinned when there are too many to draw one by one.
enum class PointLod : std::uint8_t {
    /// One symbol per occupied grid cell about half a symbol wide; in each cell the point
    /// with the highest category wins, so a high-risk site is never hidden by a low one.
    Decimate,
    /// Above `LayerStyle::clusterAbove` visible points, draw one count bubble per coarse
    /// grid cell (coloured by the highest category inside); below it, as Decimate.
    Cluster,
};

/// \brief Everything about how a layer looks; a plain value copied into each render.
///
/// Sizes are in logical pixels (device-independent), so the same style draws the same on a
/// high-DPI screen and in a PDF.
struct LayerStyle {
    /// Indexed by LayerData category; categories past the end use the last entry.
    // (Built with the count constructor: GCC 12 misreports an initializer_list here as
    // maybe-uninitialized.)
    std::vector<CategoryStyle> categories =
        std::vector<CategoryStyle>(1, CategoryStyle{QColor(128, 128, 128), QColor(64, 64, 64)});
    double strokeWidth = 1.0;  ///< outline width of polygons and point symbols, px
    double pointSize = 6.0;    ///< diameter of point symbols, px (marks scale with it)
    /// Size point symbols by LayerData::sizes in five classes (see point_symbol.h): values
    /// below sizeBreaks[0] are class 0, below sizeBreaks[1] class 1, …, the rest class 4.
    bool sizeByValue = false;
    /// Class limits; the default is the workforce bands of CRLN index 1 (Decision 1203/QĐ-BCĐ:
    /// <100, 100–499, 500–999, 1,000–4,999, ≥5,000 workers at the same time).
    std::array<float, 4> sizeBreaks{100, 500, 1000, 5000};
    bool showLabels = false;  ///< draw LayerData::labels when few features are visible
    QColor labelColor{40, 40, 40};
    double labelSize = 11;        ///< label font size, px
    bool labelBold = false;       ///< a heavier face (provinces)
    bool labelItalic = false;     ///< italic (water, archipelagos)
    bool labelUppercase = false;  ///< capitals, spaced a little (provinces)
    /// Area labels only where the feature is at least this many times as wide on screen as
    /// its name (1 = the name fits inside; 0 = however small the feature), so small zones are
    /// named only at closer scales.
    double labelRoom = 0;
    /// Labels only at scales of 1:N with N at most this (0 = at every scale); e.g. 25,000 for
    /// facility names at street scale.
    double labelMaxScale = 0;
    /// The layer is drawn only at scales 1:N with minScale ≤ N ≤ maxScale (0 = no limit):
    /// districts only when zoomed in, towns only below the national overview.
    double minScale = 0;
    double maxScale = 0;
    /// A light ring of this width (px) around point symbols, outside their outline, so a
    /// facility stays apart from a zone fill of its own colour. 0 = none.
    double haloWidth = 0;
    double opacity = 1.0;  ///< whole-layer opacity, 0..1
    PointLod pointLod = PointLod::Decimate;
    int clusterAbove = 50000;  ///< visible points above which PointLod::Cluster aggregates
    QColor selectionColor{0, 200, 255};  ///< outline drawn around selected features

    /// The style of `category`, clamped to the last configured one.
    const CategoryStyle& forCategory(std::uint8_t category) const {
        return categories[category < categories.size() ? category : categories.size() - 1];
    }
    friend bool operator==(const LayerStyle&, const LayerStyle&) = default;
};

/// Colours of the risk levels 0..5 (0 = no assessment, grey; 1 very low, green … 5 very high,
/// red), the category scale that issue 4's risk layer uses.
std::vector<CategoryStyle> riskCategoryStyles(int fillAlpha = 255);
/// Zones and facilities whose status is still being worked out: white with a slate
/// outline (zones a faint fill), unlike any risk level's colour.
CategoryStyle statusPendingStyle(LayerKind kind);

/// Land light beige, borders grey; the sea is the map background (kSeaColor).
LayerStyle basemapStyle();
/// The draws-at-all test for a scale 1:`scaleDenominator` (LayerStyle::minScale/maxScale).
bool inScaleRange(const LayerStyle& style, double scaleDenominator);
/// Semi-transparent fill with a solid outline, coloured by risk category.
LayerStyle zoneStyle();
/// Small circles coloured by risk category, named when few are in view.
LayerStyle factoryStyle();
/// The default style of a layer kind.
LayerStyle defaultStyleFor(LayerKind kind);

/// Background of the map (the sea where there is a basemap).
inline const QColor kSeaColor{214, 232, 245};

}  // namespace safemap
