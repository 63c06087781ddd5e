// Scenario benchmark (issue "One project model…", item 7): what the window does off the UI
// thread when the user moves the as-of date or ticks a filter box, on a real project.
//   bench_scenario PROJECT.gpkg [--runs N] [--width W --height H]
// Prints one line per step, "step<TAB>what<TAB>median ms<TAB>min ms<TAB>max ms<TAB>runs", for:
//   load   open the project read-only and read the facts (sites, every score, inspections);
//          build the map geometry and the search index (once per project load);
//   asof   an as-of change: status of every facility as of that date, the composed map,
//          both lists, and the frame (factories layer redrawn through the render cache);
//   filter a filter change (one risk level ticked off and on): composed map, both lists, frame.
// The window shows the frame when the job ends; the UI thread only swaps the results in
// (bench_window measures that part).
#include <QGuiApplication>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "core/filter/search_index.h"
#include "core/project/list_rows.h"
#include "core/project/project.h"
#include "core/project/scenario.h"
#include "gis/project/map_composition.h"
#include "gis/render/render_cache.h"

using namespace safemap;

namespace {

struct Figures {
    double median, min, max;
};

Figures measure(int runs, const std::function<void(int)>& fn) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        fn(i);
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count());
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms.front(), ms.back()};
}

void print(const char* step, const char* what, const Figures& f, int runs) {
    std::printf("%s\t%s\t%.1f\t%.1f\t%.1f\t%d\n", step, what, f.median, f.min, f.max, runs);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_scenario PROJECT.gpkg [--runs N]\n");
        return 2;
    }
    int runs = 7, width = 1600, height = 1000;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--runs"))
            runs = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--width"))
            width = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--height"))
            height = std::atoi(argv[i + 1]);
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const std::string path = argv[1];

    std::shared_ptr<const ProjectFacts> facts;
    print("load", "open read-only + loadProjectFacts",
          measure(3,
                  [&](int) {
                      auto project = Project::open(path, Project::Access::ReadOnly);
                      if (!project) {
                          std::fprintf(stderr, "%s\n", project.error().describe().c_str());
                          std::exit(1);
                      }
                      auto loaded = loadProjectFacts(*project);
                      if (!loaded) {
                          std::fprintf(stderr, "%s\n", loaded.error().describe().c_str());
                          std::exit(1);
                      }
                      facts = std::make_shared<const ProjectFacts>(std::move(*loaded));
                  }),
          3);
    std::printf("# %zu factories, %zu zones, %zu scores, %zu inspections\n",
                facts->factories.size(), facts->zones.size(), facts->scores.entries.size(),
                facts->inspections.size());
    MapGeometry geometry;
    SearchIndex search;
    print("load", "map geometry + search index",
          measure(3,
                  [&](int) {
                      geometry = buildMapGeometry(*facts, {});
                      search = buildSearchIndex(facts->factories);
                  }),
          3);

    const std::vector<Date> dates = dataDates(*facts);
    if (dates.empty()) {
        std::fprintf(stderr, "the project has no assessments\n");
        return 1;
    }
    std::printf("# as-of dates %s .. %s (%zu)\n", formatDate(dates.front()).c_str(),
                formatDate(dates.back()).c_str(), dates.size());
    const MapStyleChoice style;
    RenderCache cache;
    MapSettings map;
    map.outputSize = QSize(width, height);
    Scenario scenario;
    ProjectStatus status = computeStatus(*facts, scenario.rules);
    MapContent content = composeMap(geometry, *facts, status, style, {}, scenario.filter, &search);
    map.layers = content.layers;
    map.extent = sitesExtent(content);
    (void)cache.render(map);  // the first frame fills the cache, as the window's does

    auto job = [&](bool recompute) {
        if (recompute)
            status = computeStatus(*facts, scenario.rules);
        content = composeMap(geometry, *facts, status, style, {}, scenario.filter, &search);
        const auto suspend = listPositions(ActionList::ToSuspend, *facts, status, scenario.filter);
        const auto inspect = listPositions(ActionList::ToInspect, *facts, status, scenario.filter);
        map.layers = content.layers;
        const QImage frame = cache.render(map);
        if (frame.isNull() || suspend.size() + inspect.size() > facts->factories.size() * 2)
            std::abort();
    };
    print("asof", "status + map + lists + frame, one date back per run",
          measure(runs,
                  [&](int i) {
                      scenario.rules.asOf =
                          dates[dates.size() - 1 - static_cast<size_t>(i) % dates.size()];
                      job(true);
                  }),
          runs);
    scenario.rules.asOf.reset();
    job(true);
    print("filter", "map + lists + frame, a risk level off/on per run",
          measure(runs,
                  [&](int i) {
                      scenario.filter.setLevel(RiskLevel::Low, i % 2 != 0);
                      job(false);
                  }),
          runs);
    print("status", "computeStatus alone (latest)",
          measure(runs, [&](int) { status = computeStatus(*facts, scenario.rules); }), runs);
    print("compose", "composeMap alone",
          measure(runs,
                  [&](int) {
                      content =
                          composeMap(geometry, *facts, status, style, {}, scenario.filter, &search);
                  }),
          runs);
    print("lists", "listRows, both lists",
          measure(runs,
                  [&](int) {
                      (void)listRows(ActionList::ToSuspend, *facts, status, scenario.filter);
                      (void)listRows(ActionList::ToInspect, *facts, status, scenario.filter);
                  }),
          runs);
    return 0;
}
