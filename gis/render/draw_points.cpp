#include <QImage>
#include <QPaintDevice>
#include <QStaticText>
#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>
#include <utility>

#include "gis/render/point_symbol.h"
#include "gis/render/render_context_p.h"

namespace safemap::detail {

namespace {

// Names are clutter beyond this many symbols in view; below it they are placed around their
// symbols where there is room.
constexpr std::size_t kMaxLabelledPoints = 300;
constexpr double kClusterCellPx = 48.0;
constexpr std::size_t kMarkCombinations = 8;  // stale × suspend × inspect

std::size_t markIndex(std::uint8_t flags) {
    static_assert(kFeatureStale == 2 && kFeatureSuspend == 4 && kFeatureInspect == 8);
    return static_cast<std::size_t>((flags & kFeatureMarks) >> 1);
}

// Pre-drawn symbols stamped with drawImage: an order of magnitude cheaper than drawing the
// ellipses for tens of thousands of symbols, and the same pixels. One stamp per (category,
// marks, size class), drawn by drawPointSymbol, made on first use. Each stamp has an odd side
// with the symbol centred in its middle pixel, so a symbol is centred on the pixel that holds
// its point, exactly as drawPointSymbol would centre it there.
class SymbolStamps {
public:
    SymbolStamps(const LayerStyle& style, double dpr)
        : style_(style),
          dpr_(dpr),
          categories_(style.categories.size()),
          stamps_(categories_ * kMarkCombinations * kSizeClassCount) {}

    void draw(QPainter& p, QPointF at, std::uint8_t category, std::uint8_t flags, int sizeClass) {
        const std::size_t c = std::min<std::size_t>(category, categories_ - 1);
        Stamp& s = stamps_[(c * kMarkCombinations + markIndex(flags)) * kSizeClassCount +
                           static_cast<std::size_t>(sizeClass)];
        if (s.image.isNull())
            make(s, static_cast<std::uint8_t>(c), flags & kFeatureMarks, sizeClass);
        p.drawImage(QPointF((std::floor(at.x() * dpr_) - s.half) / dpr_,
                            (std::floor(at.y() * dpr_) - s.half) / dpr_),
                    s.image);
    }

private:
    struct Stamp {
        QImage image;
        int half = 0;  // device pixels from the stamp's edge to its centre pixel
    };

    void make(Stamp& s, std::uint8_t category, std::uint8_t flags, int sizeClass) const {
        const double diameter = sizeClassDiameter(style_, sizeClass);
        s.half = static_cast<int>(std::ceil(pointSymbolRadius(style_, diameter, flags) * dpr_)) + 1;
        const int side = 2 * s.half + 1;
        s.image = QImage(side, side, QImage::Format_ARGB32_Premultiplied);
        s.image.setDevicePixelRatio(dpr_);
        s.image.fill(Qt::transparent);
        QPainter painter(&s.image);
        painter.setRenderHint(QPainter::Antialiasing);
        const double centre = (s.half + 0.5) / dpr_;
        drawPointSymbol(painter, QPointF(centre, centre), style_, category, flags, diameter);
    }

    const LayerStyle& style_;
    double dpr_;
    std::size_t categories_;
    std::vector<Stamp> stamps_;
};

QString shortCount(std::size_t n) {
    if (n < 1000)
        return QString::number(n);
    if (n < 10000)
        return QString::number(n / 1000.0, 'f', 1) + QStringLiteral("k");
    return QString::number(n / 1000) + QStringLiteral("k");
}

// Coarse aggregation: one bubble per cell at the mean position of its points, a ring of
// category shares around the count, so a cluster shows how many sites are at which risk
// (colouring it by its worst site alone turns the whole map red). `margin` is how far (device
// px) beyond the frame the points of `hits` may lie.
void drawClusters(RenderContext& ctx, const LayerData& data, const LayerStyle& style,
                  const std::vector<std::uint32_t>& hits, double margin, LayerOutput& out) {
    constexpr std::size_t kSlots = 8;  // categories past 7 share the last slice
    const FeatureGeometry& g = *data.geometry;
    struct Cell {
        double sx = 0, sy = 0;
        std::size_t count = 0;
        std::array<std::uint32_t, kSlots> perCategory{};
        std::uint32_t first = 0;  // the point itself when count == 1
        bool anySuspend = false;
    };
    // A flat grid over the frame and its margin, read row by row: the same bubbles in the same
    // order as any ordered map of (row, column), at a fraction of the cost.
    const double cellPx = kClusterCellPx * ctx.scale;
    const auto first = static_cast<std::int64_t>(std::floor(-margin / cellPx));
    const auto lastCol =
        static_cast<std::int64_t>(std::floor((ctx.deviceSize.width() + margin) / cellPx));
    const auto lastRow =
        static_cast<std::int64_t>(std::floor((ctx.deviceSize.height() + margin) / cellPx));
    const auto cols = static_cast<std::size_t>(lastCol - first + 1);
    const auto rows = static_cast<std::size_t>(lastRow - first + 1);
    std::vector<std::int32_t> grid(cols * rows, -1);
    std::vector<Cell> cells;
    for (std::size_t i = 0; i < hits.size(); ++i) {
        if ((i & 4095) == 0 && ctx.cancelled())
            return;
        const std::uint32_t f = hits[i];
        const QPointF px = ctx.transform.toPixel(g.points[f]);
        const std::int64_t col =
            std::clamp(static_cast<std::int64_t>(std::floor(px.x() / cellPx)), first, lastCol);
        const std::int64_t row =
            std::clamp(static_cast<std::int64_t>(std::floor(px.y() / cellPx)), first, lastRow);
        std::int32_t& slot = grid[static_cast<std::size_t>(row - first) * cols +
                                  static_cast<std::size_t>(col - first)];
        if (slot < 0) {
            slot = static_cast<std::int32_t>(cells.size());
            cells.emplace_back();
        }
        Cell& c = cells[static_cast<std::size_t>(slot)];
        c.sx += px.x();
        c.sy += px.y();
        if (c.count++ == 0)
            c.first = f;
        c.anySuspend = c.anySuspend || (data.flagsOf(f) & kFeatureSuspend);
        ++c.perCategory[std::min<std::size_t>(data.categories[f], kSlots - 1)];
    }
    QPainter& p = ctx.painter;
    QFont font = p.font();
    font.setPixelSize(std::max(1, static_cast<int>(std::lround(10 * ctx.scale))));
    p.setFont(font);
    const bool stamp = stampsSymbols(p);
    SymbolStamps stamps(style, p.device() ? p.device()->devicePixelRatio() : 1.0);
    std::unordered_map<std::size_t, QStaticText> counts;  // laid out once per count
    for (const std::int32_t slot : grid) {
        if (slot < 0)
            continue;
        if (ctx.cancelled())
            return;
        const Cell& c = cells[static_cast<std::size_t>(slot)];
        const QPointF at(c.sx / c.count, c.sy / c.count);
        if (c.count == 1) {
            const std::uint8_t marks = data.flagsOf(c.first) & kFeatureMarks;
            const int sizeClass = sizeClassOf(style, data.sizeOf(c.first));
            const double diameter = sizeClassDiameter(style, sizeClass);
            const QPointF centre = symbolCentre(p, at);
            if (stamp)
                stamps.draw(p, at, data.categories[c.first], marks, sizeClass);
            else
                drawPointSymbol(p, centre, style, data.categories[c.first], marks, diameter);
            const double r = pointSymbolRadius(style, diameter, marks);
            out.obstacles.emplace_back(centre.x() - r, centre.y() - r, 2 * r, 2 * r);
            ++ctx.stats.featuresDrawn;
            continue;
        }
        const double r = (9.0 + 3.0 * std::log10(static_cast<double>(c.count))) * ctx.scale;
        out.obstacles.emplace_back(at.x() - r, at.y() - r, 2 * r, 2 * r);
        const QRectF box(at.x() - r, at.y() - r, 2 * r, 2 * r);
        // Slices clockwise from 12 o'clock, highest category first; angles in 1/16 degree.
        int startAngle = 90 * 16;
        p.setPen(Qt::NoPen);
        for (std::size_t k = kSlots; k-- > 0;) {
            if (c.perCategory[k] == 0)
                continue;
            const int span = -static_cast<int>(std::lround(5760.0 * c.perCategory[k] / c.count));
            p.setBrush(style.forCategory(static_cast<std::uint8_t>(k)).fill);
            p.drawPie(box, startAngle, span);
            startAngle += span;
        }
        p.setBrush(QColor(255, 255, 255, 235));
        p.setPen(QPen(QColor(90, 90, 90), 0.8 * ctx.scale));
        p.drawEllipse(at, r * 0.62, r * 0.62);
        p.setBrush(Qt::NoBrush);
        if (c.anySuspend)  // the suspend mark's black ring, so a cluster never hides one
            p.setPen(QPen(kSuspendMarkColor, 2.5 * ctx.scale));
        p.drawEllipse(at, r, r);
        auto text = counts.find(c.count);
        if (text == counts.end()) {
            QStaticText t(shortCount(c.count));
            t.setTextFormat(Qt::PlainText);
            t.prepare(QTransform(), font);
            text = counts.emplace(c.count, std::move(t)).first;
        }
        p.setPen(Qt::black);
        p.drawStaticText(
            at - QPointF(text->second.size().width() / 2, text->second.size().height() / 2),
            text->second);
        ++ctx.stats.clusters;
        ++ctx.stats.featuresDrawn;
    }
}

}  // namespace

void drawPointLayer(RenderContext& ctx, const LayerData& data, const LayerStyle& style,
                    LayerOutput& out) {
    const FeatureGeometry& g = *data.geometry;
    const MapTransform& t = ctx.transform;
    QPainter& p = ctx.painter;

    const double maxDiameter =
        sizeClassDiameter(style, style.sizeByValue ? kSizeClassCount - 1 : kDefaultSizeClass);
    const double margin = pointSymbolRadius(style, maxDiameter, kFeatureMarks) + 1;
    const BBox view = ctx.viewGrownBy(margin);
    std::vector<std::uint32_t> hits;
    const BBox& all = g.extent;
    const double overlapW = std::min(view.maxX, all.maxX) - std::max(view.minX, all.minX);
    const double overlapH = std::min(view.maxY, all.maxY) - std::max(view.minY, all.minY);
    if (overlapW > 0 && overlapH > 0 &&
        overlapW * overlapH > 0.5 * (all.maxX - all.minX) * (all.maxY - all.minY)) {
        // Most of the layer is in view: a scan in feature order finds the same points, and
        // reading them in order (not the index's Hilbert order) keeps the loops below in the
        // cache; at full extent this halves the time spent outside drawing.
        hits.reserve(g.points.size());
        for (std::uint32_t f = 0; f < g.points.size(); ++f) {
            const QPointF& m = g.points[f];
            if (m.x() >= view.minX && m.x() <= view.maxX && m.y() >= view.minY &&
                m.y() <= view.maxY)
                hits.push_back(f);
        }
    } else {
        hits = g.index.query(view);
    }
    ctx.stats.featuresQueried += hits.size();
    if (!data.flags.empty()) {
        // Filtered-out points take no part in anything below: not drawn, not in a cell, not
        // in a cluster, not labelled.
        const auto shown = std::remove_if(hits.begin(), hits.end(),
                                          [&](std::uint32_t f) { return data.isHidden(f); });
        ctx.stats.featuresHidden += static_cast<std::size_t>(hits.end() - shown);
        hits.erase(shown, hits.end());
    }
    if (hits.empty() || ctx.cancelled())
        return;

    if (style.pointLod == PointLod::Cluster && style.clusterAbove >= 0 &&
        hits.size() > static_cast<std::size_t>(style.clusterAbove)) {
        drawClusters(ctx, data, style, hits, margin, out);
        return;
    }

    // Grid decimation: cells half a symbol wide, so whatever is dropped would have been
    // almost entirely covered anyway. Per cell the most severe point wins (pointSeverity:
    // suspend, then category, then stale), so a mark is never lost to decimation; then the
    // larger size class, then the lower feature index (deterministic).
    const double cell = std::max(ctx.scale, style.pointSize / 2);
    const QSize outSize = ctx.deviceSize;
    const auto cols =
        static_cast<std::size_t>(std::ceil((outSize.width() + 2 * margin) / cell)) + 1;
    const auto rows =
        static_cast<std::size_t>(std::ceil((outSize.height() + 2 * margin) / cell)) + 1;
    std::vector<std::int32_t> grid(cols * rows, -1);
    std::vector<std::uint32_t> chosen;
    std::vector<QPointF> chosenPx;  // where each chosen point falls, computed once
    chosen.reserve(std::min(hits.size(), grid.size()));
    chosenPx.reserve(chosen.capacity());
    auto severity = [&](std::uint32_t f) {
        return pointSeverity(data.categories[f], data.flagsOf(f));
    };
    auto better = [&](std::uint32_t a, std::uint32_t b) {
        const std::uint32_t sa = severity(a);
        const std::uint32_t sb = severity(b);
        if (sa != sb)
            return sa > sb;
        if (style.sizeByValue) {
            const int ca = sizeClassOf(style, data.sizeOf(a));
            const int cb = sizeClassOf(style, data.sizeOf(b));
            if (ca != cb)
                return ca > cb;
        }
        return a < b;
    };
    for (std::size_t i = 0; i < hits.size(); ++i) {
        if ((i & 4095) == 0 && ctx.cancelled())
            return;
        const std::uint32_t f = hits[i];
        const QPointF px = t.toPixel(g.points[f]);
        const double gx = (px.x() + margin) / cell;
        const double gy = (px.y() + margin) / cell;
        if (gx < 0 || gy < 0 || gx >= static_cast<double>(cols) || gy >= static_cast<double>(rows))
            continue;
        std::int32_t& slot =
            grid[static_cast<std::size_t>(gy) * cols + static_cast<std::size_t>(gx)];
        if (slot < 0) {
            slot = static_cast<std::int32_t>(chosen.size());
            chosen.push_back(f);
            chosenPx.push_back(px);
            continue;
        }
        ++ctx.stats.pointsDecimated;
        const auto at = static_cast<std::size_t>(slot);
        if (better(f, chosen[at])) {
            chosen[at] = f;
            chosenPx[at] = px;
        }
    }
    // The more severe are drawn last, so a red or suspended site sits on top where symbols
    // overlap.
    // A counting sort on a compact rank (suspend, category, stale, inspect: under 2,048
    // values) keeps equal ranks in cell order and costs two passes.
    auto rank = [&](std::uint32_t f) {
        const std::uint32_t sv = severity(f);
        return static_cast<std::size_t>(((sv >> 16) & 1u) << 10 | ((sv >> 8) & 0xffu) << 2 |
                                        (sv & 3u));
    };
    std::vector<std::uint32_t> order(chosen.size());
    {
        std::vector<std::uint32_t> starts(2049, 0);
        for (std::uint32_t f : chosen)
            ++starts[rank(f) + 1];
        for (std::size_t r = 1; r < starts.size(); ++r)
            starts[r] += starts[r - 1];
        for (std::size_t k = 0; k < chosen.size(); ++k)
            order[starts[rank(chosen[k])]++] = static_cast<std::uint32_t>(k);
    }

    // Stamping pre-drawn symbols is only faithful on raster targets with no scaling;
    // a PDF or a scaled painter gets real ellipses.
    const bool stamp = stampsSymbols(p);
    SymbolStamps stamps(style, p.device() ? p.device()->devicePixelRatio() : 1.0);
    // The label (and the selection ring) follow the symbol to where the stamp puts it.
    auto centreOf = [&](std::uint32_t f) { return symbolCentre(p, t.toPixel(g.points[f])); };
    for (std::size_t i = 0; i < order.size(); ++i) {
        if ((i & 1023) == 0 && ctx.cancelled())
            return;
        const std::uint32_t f = chosen[order[i]];
        const QPointF px = chosenPx[order[i]];
        const std::uint8_t marks = data.flagsOf(f) & kFeatureMarks;
        const int sizeClass = sizeClassOf(style, data.sizeOf(f));
        if (stamp)
            stamps.draw(p, px, data.categories[f], marks, sizeClass);
        else
            drawPointSymbol(p, px, style, data.categories[f], marks,
                            sizeClassDiameter(style, sizeClass));
    }
    ctx.stats.featuresDrawn += chosen.size();

    auto radiusOf = [&](std::uint32_t f) {
        return pointSymbolRadius(style,
                                 sizeClassDiameter(style, sizeClassOf(style, data.sizeOf(f))),
                                 data.flagsOf(f) & kFeatureMarks);
    };

    // Every symbol is an obstacle for every label (a town's name never covers a facility).
    // Radii by (size class, marks), worked out once: tens of thousands of symbols at the
    // decimated overview.
    std::array<double, kSizeClassCount * kMarkCombinations> radii{};
    radii.fill(-1);
    out.obstacles.reserve(chosen.size());
    for (std::size_t k = 0; k < chosen.size(); ++k) {
        const std::uint32_t f = chosen[k];
        const std::uint8_t marks = data.flagsOf(f) & kFeatureMarks;
        const int sizeClass = sizeClassOf(style, data.sizeOf(f));
        double& r =
            radii[static_cast<std::size_t>(sizeClass) * kMarkCombinations + markIndex(marks)];
        if (r < 0)
            r = pointSymbolRadius(style, sizeClassDiameter(style, sizeClass), marks);
        const QPointF c = stamp ? symbolCentre(p, chosenPx[k]) : chosenPx[k];
        out.obstacles.emplace_back(c.x() - r, c.y() - r, 2 * r, 2 * r);
    }
    // Few enough to name: the most severe sites are named first.
    if (chosen.size() > kMaxLabelledPoints || !style.showLabels)
        return;
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const std::uint32_t f = chosen[*it];
        if (data.labels[f].empty())
            continue;
        out.labels.push_back({centreOf(f), QString::fromStdString(data.labels[f]), false,
                              radiusOf(f) + 3 * ctx.scale, 0, QRectF()});
    }
}

}  // namespace safemap::detail
