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

double inspectRim(const LayerStyle& style) {
    return 0.8 * markUnit(style);
}

// Radius of the disc with its outline, or of the suspend ring around it.
double bodyRadius(const LayerStyle& style, double diameter, std::uint8_t flags) {
    double r = diameter / 2 + std::max(0.0, style.strokeWidth) / 2;
    if (flags & kFeatureSuspend) {
        const SuspendRing ring = suspendRing(style, diameter);
        r = std::max(r, diameter / 2 + ring.gap + ring.width);
    }
    return r;
}

// Big enough to see at the default 6 px symbol (a 4 px dot with a white rim): only this
// week's inspections carry it, a handful on the map.
double inspectRadius(const LayerStyle& style, double diameter) {
    return std::max(2.0 * markUnit(style), 0.25 * diameter);
}

// Where the inspect marker sits: upper right, mostly outside the rim of whatever is drawn
// below it, so the disc keeps its risk colour.
QPointF inspectOffset(const LayerStyle& style, double diameter, std::uint8_t flags) {
    double rim = diameter / 2;
    if (flags & kFeatureSuspend) {
        const SuspendRing ring = suspendRing(style, diameter);
        rim += ring.gap + ring.width;
    }
    const double d = (rim + 0.6 * inspectRadius(style, diameter)) * std::sqrt(0.5);
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
    double r = bodyRadius(style, diameter, flags) + std::max(0.0, style.haloWidth);
    if (flags & kFeatureInspect) {
        const QPointF o = inspectOffset(style, diameter, flags);
        const double edge = inspectRadius(style, diameter) + inspectRim(style);
        r = std::max(r, std::hypot(o.x(), o.y()) + edge);
    }
    return r;
}

void drawPointSymbol(QPainter& p, QPointF c, const LayerStyle& style, std::uint8_t category,
                     std::uint8_t flags, double diameter) {
    const double r = diameter / 2;
    const double u = markUnit(style);
    const CategoryStyle& cs = style.forCategory(category);
    if (style.haloWidth > 0) {
        // A light ring under the symbol: a yellow site on a yellow zone keeps its edge.
        const double halo = bodyRadius(style, diameter, flags) + style.haloWidth;
        p.setPen(Qt::NoPen);
        p.setBrush(kSymbolHaloColor);
        p.drawEllipse(c, halo, halo);
    }
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
        p.drawEllipse(at, ri + inspectRim(style), ri + inspectRim(style));
        p.setBrush(kInspectMarkColor);
        p.drawEllipse(at, ri, ri);
    }
}

void drawPointSymbol(QPainter& painter, QPointF centre, const LayerStyle& style,
                     std::uint8_t category, std::uint8_t flags) {
    drawPointSymbol(painter, centre, style, category, flags, style.pointSize);
}

}  // namespace safemap
