// Filter benchmark: 100,000 synthetic facilities (core/synthetic) with made-up statuses,
// filtered by the filters a user sets in the panel. Prints the time to fold the search index,
// to build the rows, and per filter the median milliseconds of --runs runs and the count,
// so a change in results shows up too.
// Usage: bench_filter [--runs N] [--factories N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "core/filter/filter_match.h"
#include "core/filter/search_index.h"
#include "core/project/project_status.h"
#include "core/synthetic/synthetic_sites.h"

using namespace safemap;

namespace {

double medianMs(int runs, const std::function<void()>& fn) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        fn();
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

// Statuses spread over every level, age and list, from the facility's position alone.
ProjectStatus statuses(const std::vector<Factory>& factories) {
    ProjectStatus ps;
    for (size_t i = 0; i < factories.size(); ++i) {
        SiteStatus s;
        s.siteId = factories[i].id;
        const size_t h = (i * 2654435761u) >> 7;
        if (h % 10 != 0) {  // 10 % never assessed
            s.level = static_cast<RiskLevel>(h % kRiskLevelCount);
            s.percent = 10.0 + static_cast<double>(h % 80);
            s.assessedOn = Date{std::chrono::year(2021), std::chrono::month(6),
                                std::chrono::day(static_cast<unsigned>(1 + h % 28))};
            s.ageDays = static_cast<int>(h % 28);
        }
        s.toSuspend = h % 7 == 0;
        s.toInspect = h % 5 == 0;
        ps.sites.push_back(std::move(s));
    }
    ps.index = makeFactoryIndex(factories);
    return ps;
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 9;
    int count = 100000;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--runs"))
            runs = std::max(1, std::atoi(argv[i + 1]));
        if (!std::strcmp(argv[i], "--factories"))
            count = std::max(1, std::atoi(argv[i + 1]));
    }
    SyntheticSpec spec;
    spec.factories = count;
    SiteBatch batch = generateSyntheticSites(spec);
    const char* districts[] = {"Duy Tiên", "Kim Bảng", "Thanh Liêm",
                               "Bình Lục", "Lý Nhân",  "Phủ Lý"};
    for (size_t i = 0; i < batch.factories.size(); ++i)
        batch.factories[i].district = districts[i % std::size(districts)];
    const ProjectStatus ps = statuses(batch.factories);

    SearchIndex index;
    const double indexMs = medianMs(runs, [&] { index = buildSearchIndex(batch.factories); });
    std::vector<FilterRow> rows;
    const double rowsMs =
        medianMs(runs, [&] { rows = makeFilterRows(batch.factories, batch.zones, ps, &index); });
    std::printf("%zu facilities, %zu zones, median of %d runs\n", batch.factories.size(),
                batch.zones.size(), runs);
    std::printf("  %-44s %8.2f ms\n", "build search index (fold names)", indexMs);
    std::printf("  %-44s %8.2f ms\n", "make filter rows", rowsMs);

    struct Case {
        const char* label;
        SiteFilter filter;
    };
    std::vector<Case> cases;
    cases.push_back({"empty", {}});
    {
        SiteFilter f;
        f.query = "may mặc 1234";
        cases.push_back({"query \"may mac 1234\" (accented)", f});
    }
    {
        SiteFilter f;
        f.query = "98000123";
        cases.push_back({"query tax code \"98000123\"", f});
    }
    {
        SiteFilter f;
        f.query = "khong co dau";
        cases.push_back({"query matching nothing", f});
    }
    {
        SiteFilter f;
        f.levels.reset();
        f.setLevel(RiskLevel::High, true);
        f.setLevel(RiskLevel::VeryHigh, true);
        f.list = ListMembership::Either;
        cases.push_back({"high/very high, on either list", f});
    }
    {
        SiteFilter f;
        f.districts = {"Duy Tiên", "kim bang"};
        f.minWorkers = 500;
        f.maxAgeDays = 7;
        f.neverAssessed = true;
        cases.push_back({"2 districts, >=500 workers, age<=7 or never", f});
    }
    {
        SiteFilter f;
        f.types.reset();
        f.setType(SiteType::IndustrialZone, true);
        f.provinces = {"Hà Nam"};
        f.query = "điện tử";
        cases.push_back({"KCN, province, query \"dien tu\" (accented)", f});
    }
    for (const auto& c : cases) {
        size_t n = 0;
        const double ms = medianMs(runs, [&] { n = matchingRows(c.filter, rows).size(); });
        std::printf("  %-44s %8.2f ms  %7zu match\n", c.label, ms, n);
    }
    return 0;
}
