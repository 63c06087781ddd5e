#include "gis/render/point_symbol.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

#include "gis/render/layer_data.h"

namespace safemap {

namespace {

// Marks keep a minimum thickness tied to the style's pointSize (one unit is 1 px at the
// default 6 px), so a small size class still shows them, and grow with large classes.
double markUnit(const LayerStyle& style) {
    return style.pointSize / 6.0;
}

struct SuspendRing {
    double gap;    // white between the disc and the ring
    double width;  // the black ring
};

SuspendRing suspendRing(const LayerStyle& style, double diameter) {
    const double u = markUnit(style);
    return {std::max(0.75 * u, 0.08 * diameter), std::max(1.75 * u, 0.2 * diameter)};
}

double inspectRadius(const LayerStyle& style, double diameter) {
    return std::max(1.1 * markUnit(style), 0.15 * diameter);
}

// Where the inspect marker sits: upper right, on the rim of whatever is drawn below it.
QPointF inspectOffset(const LayerStyle& style, double diameter, std::uint8_t flags) {
    double rim = diameter / 2;
    if (flags & kFeatureSuspend) {
        const SuspendRing ring = suspendRing(style, diameter);
        rim += ring.gap + ring.width;
    }
    const double d = rim * std::sqrt(0.5);
    return {d, -d};
}

}  // namespace

int sizeClassOf(const LayerStyle& style, float value) {
    if (!style.sizeByValue || !(value > 0))
        return kDefaultSizeClass;
    int k = 0;
    while (k < static_cast<int>(style.sizeBreaks.size()) &&
           value >= style.sizeBreaks[static_cast<std::size_t>(k)])
        ++k;
    return k;
}

double sizeClassDiameter(const LayerStyle& style, int sizeClass) {
    const int k = std::clamp(sizeClass, 0, kSizeClassCount - 1);
    return style.pointSize * kSizeClassScale[static_cast<std::size_t>(k)];
}

double pointSymbolRadius(const LayerStyle& style, double diameter, std::uint8_t flags) {
    double r = diameter / 2 + std::max(0.0, style.strokeWidth) / 2;
    if (flags & kFeatureSuspend) {
        const SuspendRing ring = suspendRing(style, diameter);
        r = std::max(r, diameter / 2 + ring.gap + ring.width);
    }
    if (flags & kFeatureInspect) {
        const QPointF o = inspectOffset(style, diameter, flags);
        const double edge = inspectRadius(style, diameter) + 0.5 * markUnit(style);
        r = std::max(r, std::hypot(o.x(), o.y()) + edge);
    }
    return r;
}

void drawPointSymbol(QPainter& p, QPointF c, const LayerStyle& style, std::uint8_t category,
                     std::uint8_t flags, double diameter) {
    const double r = diameter / 2;
    const double u = markUnit(style);
    const CategoryStyle& cs = style.forCategory(category);
    if (flags & kFeatureSuspend) {
        // Black disc, white disc, then the symbol: a ring that is black on every colour,
        // kept apart from dark fills (very low green, very high red) by the white gap.
        const SuspendRing ring = suspendRing(style, diameter);
        p.setPen(Qt::NoPen);
        p.setBrush(kSuspendMarkColor);
        p.drawEllipse(c, r + ring.gap + ring.width, r + ring.gap + ring.width);
        p.setBrush(Qt::white);
        p.drawEllipse(c, r + ring.gap, r + ring.gap);
    }
    p.setBrush(cs.fill);
    p.setPen(style.strokeWidth > 0 ? QPen(cs.stroke, style.strokeWidth) : QPen(Qt::NoPen));
    p.drawEllipse(c, r, r);
    if (flags & kFeatureStale) {
        // A white dot reads on red, green and grey; an edge in the category's outline colour
        // keeps it apart from yellow.
        const double dot = std::max(1.25 * u, 0.2 * diameter);
        p.setPen(Qt::NoPen);
        p.setBrush(cs.stroke);
        p.drawEllipse(c, dot + 0.4 * u, dot + 0.4 * u);
        p.setBrush(kStaleMarkColor);
        p.drawEllipse(c, dot, dot);
    }
    if (flags & kFeatureInspect) {
        const QPointF at = c + inspectOffset(style, diameter, flags);
        const double ri = inspectRadius(style, diameter);
        p.setPen(Qt::NoPen);
        p.setBrush(Qt::white);
        p.drawEllipse(at, ri + 0.5 * u, ri + 0.5 * u);
        p.setBrush(kInspectMarkColor);
        p.drawEllipse(at, ri, ri);
    }
}

void drawPointSymbol(QPainter& painter, QPointF centre, const LayerStyle& style,
                     std::uint8_t category, std::uint8_t flags) {
    drawPointSymbol(painter, centre, style, category, flags, style.pointSize);
}

}  // namespace safemap
