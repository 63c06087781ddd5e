#pragma once
// Point symbols of the risk map: a disc in the category's colour, sized by class, with marks
// for the action lists. The map (through pre-drawn stamps) and the legend draw them with the
// same function, so they cannot drift apart.

#include <QColor>
#include <QPointF>
#include <array>
#include <cstdint>

#include "gis/render/layer_data.h"
#include "gis/render/layer_style.h"

class QPainter;

namespace safemap {

/// Number of symbol size classes when LayerStyle::sizeByValue is set.
inline constexpr int kSizeClassCount = 5;
/// Diameter of each size class as a multiple of LayerStyle::pointSize: √2 steps, so the area
/// doubles from one class to the next (class 1 is drawn at pointSize). With the default
/// breaks and a 6 px pointSize: 4.2, 6, 8.5, 12 and 17 px.
inline constexpr std::array<double, kSizeClassCount> kSizeClassScale{
    0.70710678118654752, 1.0, 1.41421356237309505, 2.0, 2.82842712474619010};
/// The class of features with no size value (unknown workforce), and of every feature when
/// the style does not size by value: drawn at pointSize.
inline constexpr int kDefaultSizeClass = 1;

/// Colours of the marks. Each is drawn with a contrasting edge (a white gap, a darker
/// outline, a white rim), so it reads on every risk colour and on grey.
inline const QColor kSuspendMarkColor{0, 0, 0};
inline const QColor kStaleMarkColor{255, 255, 255};
inline const QColor kInspectMarkColor{21, 101, 192};
/// The ring under a symbol when LayerStyle::haloWidth is set: nearly opaque white.
inline const QColor kSymbolHaloColor{255, 255, 255, 230};

/// Size class of a feature whose size value is `value` (NaN or ≤ 0 = unknown).
int sizeClassOf(const LayerStyle& style, float value);
/// Diameter of the disc of `sizeClass` in `style` (its pixel units).
double sizeClassDiameter(const LayerStyle& style, int sizeClass);

/// Radius of everything a symbol of disc `diameter` with `flags`' marks paints, from its
/// centre (outline, suspend ring, halo and inspect marker included).
double pointSymbolRadius(const LayerStyle& style, double diameter, std::uint8_t flags);

/// Draws one point symbol centred on `centre`: a light halo (LayerStyle::haloWidth), the
/// category's disc of `diameter`, and on it the marks of `flags`: kFeatureSuspend a thick
/// black ring around the disc (with a white gap), kFeatureStale a white centre dot edged in the
/// category's outline colour, kFeatureInspect a blue dot with a white rim at the upper right.
/// kFeatureHidden is ignored here. Sets the painter's pen and brush.
void drawPointSymbol(QPainter& painter, QPointF centre, const LayerStyle& style,
                     std::uint8_t category, std::uint8_t flags, double diameter);
/// The same at the style's pointSize: what the legend shows for (category, flags).
void drawPointSymbol(QPainter& painter, QPointF centre, const LayerStyle& style,
                     std::uint8_t category, std::uint8_t flags);

/// Rank of a point for level of detail and drawing order: on the suspend list first, then the
/// higher category, then a stale assessment, then due for inspection. Larger is more severe.
inline std::uint32_t pointSeverity(std::uint8_t category, std::uint8_t flags) {
    return ((flags & kFeatureSuspend) ? 1u << 16 : 0u) | (std::uint32_t{category} << 8) |
           ((flags & kFeatureStale) ? 2u : 0u) | ((flags & kFeatureInspect) ? 1u : 0u);
}

}  // namespace safemap
