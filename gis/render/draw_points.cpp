#include <QImage>
#include <QPaintDevice>
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <utility>

#include "gis/render/render_context_p.h"

namespace safemap::detail {

namespace {

constexpr std::size_t kMaxLabelledPoints = 300;
constexpr double kClusterCellPx = 48.0;

double symbolDiameter(const LayerStyle& style, float size) {
    if (!style.sizeByValue || !(size > 0) || style.sizeReference <= 0)
        return style.pointSize;
    // Area proportional to the value, so a factory of 4× the workforce looks 4× as big.
    const double k = std::sqrt(static_cast<double>(size) / style.sizeReference);
    return style.pointSize * std::clamp(k, 0.5, 4.0);
}

// A pre-antialiased circle per category, stamped with drawImage: an order of magnitude
// cheaper than drawEllipse for tens of thousands of symbols and looks the same on an image.
class SymbolCache {
public:
    SymbolCache(const LayerStyle& style, double dpr) : style_(style), dpr_(dpr) {}
    const QImage& symbol(std::uint8_t category) {
        QImage& img = cache_[category];
        if (!img.isNull())
            return img;
        const double d = style_.pointSize;
        const int side = static_cast<int>(std::ceil(d + style_.strokeWidth + 2.0));
        img = QImage(QSize(side, side) * dpr_, QImage::Format_ARGB32_Premultiplied);
        img.setDevicePixelRatio(dpr_);
        img.fill(Qt::transparent);
        QPainter p(&img);
        p.setRenderHint(QPainter::Antialiasing);
        const CategoryStyle& cs = style_.forCategory(category);
        p.setBrush(cs.fill);
        p.setPen(style_.strokeWidth > 0 ? QPen(cs.stroke, style_.strokeWidth) : QPen(Qt::NoPen));
        p.drawEllipse(QPointF(side / 2.0, side / 2.0), d / 2, d / 2);
        return img;
    }

private:
    const LayerStyle& style_;
    double dpr_;
    std::array<QImage, 256> cache_;
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
// (colouring it by its worst site alone turns the whole map red).
void drawClusters(RenderContext& ctx, const LayerData& data, const LayerStyle& style,
                  const std::vector<std::uint32_t>& hits) {
    constexpr std::size_t kSlots = 8;  // categories past 7 share the last slice
    const FeatureGeometry& g = *data.geometry;
    struct Cell {
        double sx = 0, sy = 0;
        std::size_t count = 0;
        std::array<std::uint32_t, kSlots> perCategory{};
    };
    std::map<std::pair<std::int64_t, std::int64_t>, Cell> cells;  // ordered: stable drawing
    for (std::size_t i = 0; i < hits.size(); ++i) {
        if ((i & 4095) == 0 && ctx.cancelled())
            return;
        const std::uint32_t f = hits[i];
        const QPointF px = ctx.transform.toPixel(g.points[f]);
        Cell& c =
            cells[{static_cast<std::int64_t>(std::floor(px.y() / (kClusterCellPx * ctx.scale))),
                   static_cast<std::int64_t>(std::floor(px.x() / (kClusterCellPx * ctx.scale)))}];
        c.sx += px.x();
        c.sy += px.y();
        ++c.count;
        ++c.perCategory[std::min<std::size_t>(data.categories[f], kSlots - 1)];
    }
    QPainter& p = ctx.painter;
    QFont font = p.font();
    font.setPixelSize(std::max(1, static_cast<int>(std::lround(10 * ctx.scale))));
    p.setFont(font);
    for (const auto& [key, c] : cells) {
        if (ctx.cancelled())
            return;
        const QPointF at(c.sx / c.count, c.sy / c.count);
        if (c.count == 1) {
            const auto category =
                static_cast<std::uint8_t>(std::find_if(c.perCategory.begin(), c.perCategory.end(),
                                                       [](std::uint32_t n) { return n > 0; }) -
                                          c.perCategory.begin());
            const CategoryStyle& cs = style.forCategory(category);
            p.setBrush(cs.fill);
            p.setPen(QPen(cs.stroke, style.strokeWidth));
            const double r = style.pointSize / 2;
            p.drawEllipse(at, r, r);
            ++ctx.stats.featuresDrawn;
            continue;
        }
        const double r = (9.0 + 3.0 * std::log10(static_cast<double>(c.count))) * ctx.scale;
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
        p.drawEllipse(at, r, r);
        p.setPen(Qt::black);
        p.drawText(box, Qt::AlignCenter, shortCount(c.count));
        ++ctx.stats.clusters;
        ++ctx.stats.featuresDrawn;
    }
}

}  // namespace

void drawPointLayer(RenderContext& ctx, const LayerData& data, const LayerStyle& style,
                    std::vector<LabelSpot>* labels) {
    const FeatureGeometry& g = *data.geometry;
    const MapTransform& t = ctx.transform;
    QPainter& p = ctx.painter;

    const double maxDiameter = style.sizeByValue ? style.pointSize * 4 : style.pointSize;
    const double margin = maxDiameter / 2 + style.strokeWidth + 1;
    std::vector<std::uint32_t> hits = g.index.query(ctx.viewGrownBy(margin));
    ctx.stats.featuresQueried += hits.size();
    if (hits.empty() || ctx.cancelled())
        return;

    if (style.pointLod == PointLod::Cluster && style.clusterAbove >= 0 &&
        hits.size() > static_cast<std::size_t>(style.clusterAbove)) {
        drawClusters(ctx, data, style, hits);
        return;
    }

    // Grid decimation: cells half a symbol wide, so whatever is dropped would have been
    // almost entirely covered anyway. Per cell the highest category wins, then the larger
    // symbol, then the lower feature index (deterministic).
    const double cell = std::max(ctx.scale, style.pointSize / 2);
    const QSize out = ctx.deviceSize;
    const auto cols = static_cast<std::size_t>(std::ceil((out.width() + 2 * margin) / cell)) + 1;
    const auto rows = static_cast<std::size_t>(std::ceil((out.height() + 2 * margin) / cell)) + 1;
    std::vector<std::int32_t> grid(cols * rows, -1);
    std::vector<std::uint32_t> chosen;
    chosen.reserve(std::min(hits.size(), grid.size()));
    std::vector<std::uint32_t> selected;
    auto better = [&](std::uint32_t a, std::uint32_t b) {
        if (data.categories[a] != data.categories[b])
            return data.categories[a] > data.categories[b];
        const float sa = data.sizeOf(a);
        const float sb = data.sizeOf(b);
        if (style.sizeByValue && sa != sb && (sa > sb || std::isnan(sb)))
            return !std::isnan(sa);
        return a < b;
    };
    for (std::size_t i = 0; i < hits.size(); ++i) {
        if ((i & 4095) == 0 && ctx.cancelled())
            return;
        const std::uint32_t f = hits[i];
        if (ctx.isSelected(data.featureIds[f]))
            selected.push_back(f);
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
            continue;
        }
        ++ctx.stats.pointsDecimated;
        std::uint32_t& current = chosen[static_cast<std::size_t>(slot)];
        if (better(f, current))
            current = f;
    }
    // Higher categories are drawn last so red sits on top of green where symbols overlap.
    std::stable_sort(chosen.begin(), chosen.end(), [&](std::uint32_t a, std::uint32_t b) {
        return data.categories[a] < data.categories[b];
    });

    // Stamping pre-drawn symbols is only faithful on raster targets with no scaling;
    // a PDF or a scaled painter gets real ellipses.
    const bool stamp = !style.sizeByValue && p.device() &&
                       p.device()->devType() == QInternal::Image &&
                       p.transform().type() <= QTransform::TxTranslate;
    SymbolCache symbols(style, p.device() ? p.device()->devicePixelRatio() : 1.0);
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        if ((i & 1023) == 0 && ctx.cancelled())
            return;
        const std::uint32_t f = chosen[i];
        const QPointF px = t.toPixel(g.points[f]);
        if (stamp) {
            const QImage& img = symbols.symbol(data.categories[f]);
            const double half = img.width() / img.devicePixelRatio() / 2;
            p.drawImage(QPointF(std::round(px.x() - half), std::round(px.y() - half)), img);
        } else {
            const CategoryStyle& cs = style.forCategory(data.categories[f]);
            const double r = symbolDiameter(style, data.sizeOf(f)) / 2;
            p.setBrush(cs.fill);
            p.setPen(style.strokeWidth > 0 ? QPen(cs.stroke, style.strokeWidth) : QPen(Qt::NoPen));
            p.drawEllipse(px, r, r);
        }
    }
    ctx.stats.featuresDrawn += chosen.size();

    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(style.selectionColor, 2.0 * ctx.scale));
    for (std::uint32_t f : selected) {
        const double r = symbolDiameter(style, data.sizeOf(f)) / 2 + 2.0 * ctx.scale;
        p.drawEllipse(t.toPixel(g.points[f]), r, r);
    }

    if (labels && style.showLabels && chosen.size() <= kMaxLabelledPoints) {
        for (std::uint32_t f : chosen) {
            if (data.labels[f].empty())
                continue;
            const double r = symbolDiameter(style, data.sizeOf(f)) / 2;
            labels->push_back({t.toPixel(g.points[f]) + QPointF(r + 3 * ctx.scale, 0),
                               QString::fromStdString(data.labels[f]), false});
        }
    }
}

}  // namespace safemap::detail
