// Rendering benchmark on a project file, for the comparison with QGIS in
// bench/run_render_bench.sh: opens a SafeMap GeoPackage (e.g. from `safemap generate`),
// builds its zone and factory layers as the window does (makeProjectLayers, no basemap,
// every site in style class 0, labels off, white background, so QGIS can be styled the same)
// and renders each frame of FRAMES with renderMap, one thread, reporting the median of
// --runs renders after one warm-up render. Also reports:
//   * the cluster level of detail at the first frame (the default is grid decimation);
//   * "every point": the same frame with the factories drawn one by one (stamped symbols,
//     no decimation) on top of SafeMap's zone layer: not SafeMap's renderer, but what drawing
//     every feature costs with Qt on this machine, since decimation cannot be switched off
//     through LayerStyle;
//   * the pan blit: what MapCanvas::paintEvent does while a drag is in progress (fill the
//     background, drawImage the last frame shifted), on an image the size of the output.
//
// FRAMES is a text file, one frame a line: NAME<TAB>MINX<TAB>MINY<TAB>MAXX<TAB>MAXY in Web
// Mercator metres (the extent is widened to the output's aspect ratio, as QGIS does).
// Output: one tab-separated "result" line per measurement (for the script) and a table.
//
// Usage: bench_render_project PROJECT.gpkg FRAMES [--runs N] [--size WxH] [--png DIR]
#include <QColor>
#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/project/project.h"
#include "gis/project/project_layers.h"
#include "gis/render/map_renderer.h"

using namespace safemap;

namespace {

struct Frame {
    std::string name;
    BBox extent;
};

double medianOf(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double elapsedMs(const QElapsedTimer& t) {
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

std::vector<Frame> readFrames(const char* path) {
    std::vector<Frame> frames;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        const auto tab = line.find('\t');
        if (line.empty() || line[0] == '#' || tab == std::string::npos)
            continue;
        Frame f;
        f.name = line.substr(0, tab);
        std::istringstream numbers(line.substr(tab + 1));
        if (numbers >> f.extent.minX >> f.extent.minY >> f.extent.maxX >> f.extent.maxY)
            frames.push_back(f);
    }
    return frames;
}

void printResult(const std::string& what, const std::string& frame, const std::vector<double>& ms,
                 const RenderStats& stats) {
    std::printf("result\t%s\t%s\t%.2f\t%.2f\t%zu\t%zu\t%zu\t%zu\n", what.c_str(), frame.c_str(),
                medianOf(ms), *std::min_element(ms.begin(), ms.end()), stats.featuresQueried,
                stats.featuresDrawn, stats.pointsDecimated, stats.clusters);
}

// Every visible factory stamped once, bottom to top in file order: the cost of drawing all
// features without level of detail, with the cheapest per-symbol method Qt offers.
QImage renderEveryPoint(const MapSettings& zonesOnly, const LayerRender& factories,
                        const QImage& stamp, RenderStats& stats) {
    QImage image = renderMap(zonesOnly, nullptr, &stats);
    const MapTransform t(zonesOnly);
    const FeatureGeometry& g = *factories.data->geometry;
    const double r = stamp.width() / 2.0;
    QPainter p(&image);
    const std::vector<std::uint32_t> hits = g.index.query(t.visibleExtent());
    for (std::uint32_t f : hits)
        p.drawImage(t.toPixel(g.points[f]) - QPointF(r, r), stamp);
    stats.featuresQueried += hits.size();
    stats.featuresDrawn += hits.size();
    return image;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr,
                     "Usage: bench_render_project PROJECT.gpkg FRAMES [--runs N] "
                     "[--size WxH] [--png DIR]\n");
        return 2;
    }
    int runs = 7;
    QSize size(1600, 1000);
    QString pngDir;
    for (int i = 3; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--runs"))
            runs = std::max(1, std::atoi(argv[i + 1]));
        if (!std::strcmp(argv[i], "--png"))
            pngDir = QString::fromLocal8Bit(argv[i + 1]);
        if (!std::strcmp(argv[i], "--size")) {
            int w = 0, h = 0;
            if (std::sscanf(argv[i + 1], "%dx%d", &w, &h) == 2 && w > 0 && h > 0)
                size = QSize(w, h);
        }
    }
    const std::vector<Frame> frames = readFrames(argv[2]);
    if (frames.empty()) {
        std::fprintf(stderr, "bench_render_project: no frames in %s\n", argv[2]);
        return 2;
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);

    QElapsedTimer timer;
    timer.start();
    auto project = Project::open(argv[1], Project::Access::ReadOnly);
    if (!project) {
        std::fprintf(stderr, "%s\n", project.error().describe().c_str());
        return 1;
    }
    const std::vector<Zone> zones = project->repository().zones().value();
    const std::vector<Factory> factories = project->repository().factories().value();
    const double readMs = elapsedMs(timer);
    timer.restart();
    MapSettings base;
    base.outputSize = size;
    base.background = Qt::white;
    base.layers = makeProjectLayers(zones, factories, nullptr);
    for (LayerRender& layer : base.layers)
        layer.style.showLabels = false;
    const double layersMs = elapsedMs(timer);
    std::printf("load\tSafeMap: open project, read (%zu zones, %zu factories)\t%.1f\n",
                zones.size(), factories.size(), readMs);
    std::printf("load\tSafeMap: build layers (project to Mercator, index)\t%.1f\n", layersMs);

    std::printf("%-34s %-26s %9s %9s %8s %8s %9s %8s\n", "what", "frame", "median ms", "min ms",
                "queried", "drawn", "decimated", "clusters");
    auto measure = [&](const std::string& what, const Frame& frame, auto&& render) {
        RenderStats stats;
        QImage image = render(stats);  // warm-up: stamps, fonts, caches
        std::vector<double> ms;
        for (int r = 0; r < runs; ++r) {
            timer.restart();
            image = render(stats);
            ms.push_back(elapsedMs(timer));
        }
        std::printf("%-34s %-26s %9.1f %9.1f %8zu %8zu %9zu %8zu\n", what.c_str(),
                    frame.name.c_str(), medianOf(ms), *std::min_element(ms.begin(), ms.end()),
                    stats.featuresQueried, stats.featuresDrawn, stats.pointsDecimated,
                    stats.clusters);
        printResult(what, frame.name, ms, stats);
        return image;
    };

    QImage fullFrame;
    for (std::size_t i = 0; i < frames.size(); ++i) {
        MapSettings s = base;
        s.extent = frames[i].extent;
        QImage image = measure("safemap renderMap", frames[i],
                               [&](RenderStats& st) { return renderMap(s, nullptr, &st); });
        if (i == 0)
            fullFrame = image;
        if (!pngDir.isEmpty())
            image.save(QDir(pngDir).filePath(QStringLiteral("safemap_frame%1.png").arg(i)));
    }

    const Frame& full = frames.front();
    {
        MapSettings s = base;
        s.extent = full.extent;
        s.layers.back().style.pointLod = PointLod::Cluster;
        measure("safemap renderMap, cluster LOD", full,
                [&](RenderStats& st) { return renderMap(s, nullptr, &st); });
    }
    {
        // The factory symbol as SafeMap draws it, stamped at every point.
        MapSettings zonesOnly = base;
        zonesOnly.layers.pop_back();
        const LayerRender& points = base.layers.back();
        QImage stamp(9, 9, QImage::Format_ARGB32_Premultiplied);
        stamp.fill(Qt::transparent);
        {
            QPainter p(&stamp);
            p.setRenderHint(QPainter::Antialiasing);
            const CategoryStyle& c = points.style.forCategory(0);
            p.setPen(QPen(c.stroke, points.style.strokeWidth));
            p.setBrush(c.fill);
            p.drawEllipse(QPointF(4.5, 4.5), points.style.pointSize / 2,
                          points.style.pointSize / 2);
        }
        for (const Frame& f : frames) {
            zonesOnly.extent = f.extent;
            QImage image = measure("every point stamped (not LOD)", f, [&](RenderStats& st) {
                return renderEveryPoint(zonesOnly, points, stamp, st);
            });
            if (&f == &full && !pngDir.isEmpty())
                image.save(QDir(pngDir).filePath(QStringLiteral("safemap_every_point_frame0.png")));
        }
    }
    {
        // MapCanvas::paintEvent during a drag: background, then the last frame shifted.
        QImage screen(size, QImage::Format_ARGB32_Premultiplied);
        const Frame blit{"pan blit (shifted last frame)", full.extent};
        measure("canvas pan blit", blit, [&](RenderStats&) {
            QPainter p(&screen);
            p.fillRect(screen.rect(), base.background);
            p.drawImage(
                QRectF(size.width() * 0.25, size.height() * 0.1, size.width(), size.height()),
                fullFrame);
            return QImage();
        });
    }
    std::printf("runs per measurement: %d after one warm-up; one thread; output %dx%d\n", runs,
                size.width(), size.height());
    return 0;
}
