#include <QCoreApplication>
#include <QElapsedTimer>
#include <catch2/catch.hpp>

#include "gis/render/render_job.h"
#include "test_render_support.h"

using namespace safemap;
using safemap::test::at;

namespace {

MapSettings scene(QSize size) {
    LayerBuilder b("f", "f", LayerKind::Factories);
    b.addPoint("f1", at(1000, 1000));
    LayerStyle style = factoryStyle();
    style.categories = {{QColor(255, 0, 0), QColor(255, 0, 0)}};
    style.pointSize = 10;
    MapSettings s;
    s.extent = {0, 0, 2000, 2000};
    s.outputSize = size;
    s.background = QColor(0, 0, 255);
    s.layers = {{b.finish(), style, true}};
    return s;
}

// Runs the event loop until `done` or ten seconds pass (a generous guard, not a timing check).
template <class Done>
bool spinUntil(Done done) {
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return done();
}

}  // namespace

TEST_CASE("RenderJob renders on a worker and delivers on the UI thread", "[render][job]") {
    safemap::test::ensureGuiApp();
    RenderJob job;
    int count = 0;
    QImage image;
    MapSettings got;
    bool onUiThread = false;
    QObject::connect(&job, &RenderJob::finished,
                     [&](const QImage& i, const MapSettings& s, const RenderStats&) {
                         ++count;
                         image = i;
                         got = s;
                         onUiThread = QThread::currentThread() == qApp->thread();
                     });
    job.start(scene(QSize(200, 200)));
    CHECK(job.isActive());
    REQUIRE(spinUntil([&] { return count > 0; }));
    CHECK(onUiThread);
    CHECK_FALSE(job.isActive());
    CHECK(got.outputSize == QSize(200, 200));
    REQUIRE(image.size() == QSize(200, 200));
    CHECK(image.pixelColor(100, 100) == QColor(255, 0, 0));  // Mercator (1000, 1000)
    CHECK(image.pixelColor(5, 5) == QColor(0, 0, 255));
}

TEST_CASE("a new start supersedes the render in flight", "[render][job]") {
    safemap::test::ensureGuiApp();
    RenderJob job;
    std::vector<QSize> sizes;
    QObject::connect(&job, &RenderJob::finished,
                     [&](const QImage& i, const MapSettings& s, const RenderStats&) {
                         sizes.push_back(s.outputSize);
                         CHECK(i.size() == s.outputSize);
                     });
    job.start(scene(QSize(300, 300)));
    job.start(scene(QSize(120, 80)));
    REQUIRE(spinUntil([&] { return !sizes.empty(); }));
    job.waitForWorker();
    QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    CHECK(sizes == std::vector<QSize>{QSize(120, 80)});

    // Cancelled renders never report.
    job.start(scene(QSize(50, 50)));
    job.cancel();
    CHECK_FALSE(job.isActive());
    job.waitForWorker();
    QCoreApplication::processEvents(QEventLoop::AllEvents, 100);
    CHECK(sizes.size() == 1);
}

TEST_CASE("RenderJob redraws only the layer that changed", "[render][job][cache]") {
    safemap::test::ensureGuiApp();
    RenderJob job;
    RenderStats last;
    QImage image;
    int count = 0;
    QObject::connect(&job, &RenderJob::finished,
                     [&](const QImage& i, const MapSettings&, const RenderStats& st) {
                         ++count;
                         image = i;
                         last = st;
                     });
    // Two layers: a point at pixel (100, 100) over a second point layer at (50, 50).
    MapSettings s = scene(QSize(200, 200));
    LayerBuilder other("g", "g", LayerKind::Factories);
    other.addPoint("g1", at(500, 1500));
    s.layers.insert(s.layers.begin(), {other.finish(), s.layers[0].style, true});
    auto renderOnce = [&](const MapSettings& settings) {
        const int before = count;
        job.start(settings);
        REQUIRE(spinUntil([&] { return count > before; }));
    };
    renderOnce(s);
    CHECK(last.layersRendered == 2);
    CHECK(image.pixelColor(100, 100) == QColor(255, 0, 0));

    s.layers[1].data = withFlags(*s.layers[1].data, {kFeatureHidden});
    renderOnce(s);
    CHECK(last.layerRendered == std::vector<std::uint8_t>{0, 1});
    CHECK(image.pixelColor(100, 100) == QColor(0, 0, 255));
    CHECK(image.pixelColor(50, 50) == QColor(255, 0, 0));
    CHECK(job.cache().size() == 3);  // g; g + f; g + the new f

    job.setCacheEnabled(false);
    CHECK(job.cache().size() == 0);
    renderOnce(s);
    CHECK(last.layersRendered == 2);
    CHECK(last.layersFromCache == 0);
    CHECK(image.pixelColor(100, 100) == QColor(0, 0, 255));
}
