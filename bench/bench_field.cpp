// Field package benchmark (issue 10, item 4): making a package from a big project and
// merging one back.
//   bench_field PROJECT.gpkg WORKDIR [--data DIR] [--runs N] [--district NAME]
// PROJECT is only read (a copy in WORKDIR is merged into). Prints one line per step,
// "step<TAB>what<TAB>median ms<TAB>min ms<TAB>max ms<TAB>runs":
//   list      the inspection list of one district (dueForInspection; the whole scenario
//             is evaluated, as `safemap package create --list inspect --district` does);
//   district  createFieldPackage of that list (route from its first stop), with the
//             basemap cut into it when --data names SafeMap's data/ folder;
//   sites1k   createFieldPackage of 1,000 facilities (the first of the inspection list);
//   record    saveInspection of one inspection at each of the 1,000 stops (one transaction
//             each, as field mode saves);
//   plan      planMerge of that package into a copy of the project (reads only);
//   merge     mergePackage of it (one transaction: 1,000 records and inspection rows);
//   again     mergePackage of the same package again (nothing new, nothing written).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/project/field_inspection.h"
#include "core/project/field_package.h"
#include "core/project/merge.h"
#include "core/project/project.h"
#include "core/project/project_settings.h"
#include "core/project/scenario.h"
#include "core/project/visit_list.h"
#include "core/util/date.h"
#include "gis/field/package_basemap.h"

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

void print(const char* step, const std::string& what, const Figures& f, int runs) {
    std::printf("%s\t%s\t%.1f\t%.1f\t%.1f\t%d\n", step, what.c_str(), f.median, f.min, f.max, runs);
    std::fflush(stdout);
}

[[noreturn]] void die(const char* what, const Error& e) {
    std::fprintf(stderr, "bench_field: %s: %s\n", what, e.describe().c_str());
    std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr,
                     "usage: bench_field PROJECT.gpkg WORKDIR [--data DIR] [--runs N] "
                     "[--district NAME]\n");
        return 2;
    }
    const std::string projectPath = argv[1];
    const std::filesystem::path work = argv[2];
    std::string dataDir, districtName;
    int runs = 3;
    for (int i = 3; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--data"))
            dataDir = argv[i + 1];
        else if (!std::strcmp(argv[i], "--runs"))
            runs = std::max(1, std::atoi(argv[i + 1]));
        else if (!std::strcmp(argv[i], "--district"))
            districtName = argv[i + 1];
    }
    std::filesystem::create_directories(work);
    auto project = Project::open(projectPath, Project::Access::ReadOnly);
    if (!project)
        die("open", project.error());
    auto settings = loadProjectSettings(*project);
    if (!settings)
        die("settings", settings.error());
    const Scenario all = savedScenario(*settings);
    PackageExtras extras;
    if (!dataDir.empty())
        extras = [dataDir](const std::string& path, const BBox& area) {
            return writePackageBasemap(path, dataDir, area);
        };

    // The district: the one named, else the district of the list's first facility; a
    // project without districts (safemap generate makes none) takes that facility's
    // province instead, and says so.
    std::vector<std::string> inspectAll;
    {
        auto due = dueForInspection(*project, all, std::nullopt);
        if (!due)
            die("list", due.error());
        inspectAll = std::move(due).value();
    }
    std::string province;
    if (districtName.empty()) {
        auto factories = project->repository().factories();
        if (!factories)
            die("factories", factories.error());
        for (const auto& f : *factories)
            if (!inspectAll.empty() && f.id == inspectAll.front()) {
                districtName = f.district;
                province = f.province;
            }
    }
    Scenario inDistrict = all;
    std::string area;
    if (!districtName.empty()) {
        auto district = findDistrict(*project, districtName);
        if (!district)
            die("district", district.error());
        inDistrict.filter.districts = {*district};
        area = "district " + *district;
    } else {
        inDistrict.filter.provinces = {province};
        area = "province " + province + " (the project has no districts)";
    }
    std::vector<std::string> districtList;
    print("list", "inspection list of " + area,
          measure(runs,
                  [&](int) {
                      auto due = dueForInspection(*project, inDistrict, std::nullopt);
                      if (!due)
                          die("list", due.error());
                      districtList = std::move(due).value();
                  }),
          runs);
    std::printf("#\t%zu facilities due for inspection in the %s; %zu in the project\n",
                districtList.size(), area.c_str(), inspectAll.size());

    const auto makePackage = [&](const std::vector<std::string>& ids, const std::string& file) {
        PackageRequest request;
        request.siteIds = ids;
        request.createdBy = "bench";
        request.replaceExisting = true;
        auto made = createFieldPackage(*project, request, (work / file).string(), extras);
        if (!made)
            die("package", made.error());
        return *made;
    };
    PackageSummary summary;
    print("district",
          std::to_string(districtList.size()) + " facilities" + (extras ? " + basemap" : ""),
          measure(runs, [&](int) { summary = makePackage(districtList, "district.gpkg"); }), runs);
    std::printf("#\tdistrict package: %lld bytes\n",
                static_cast<long long>(std::filesystem::file_size(work / "district.gpkg")));

    std::vector<std::string> thousand(
        inspectAll.begin(), inspectAll.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(
                                                     1000, inspectAll.size())));
    if (thousand.size() < 1000) {
        auto factories = project->repository().factories();
        if (!factories)
            die("factories", factories.error());
        for (const auto& f : *factories)
            if (thousand.size() < 1000 &&
                std::find(thousand.begin(), thousand.end(), f.id) == thousand.end())
                thousand.push_back(f.id);
    }
    print("sites1k", std::to_string(thousand.size()) + " facilities" + (extras ? " + basemap" : ""),
          measure(runs, [&](int) { summary = makePackage(thousand, "sites1k.gpkg"); }), runs);
    std::printf("#\t1k package: %lld bytes\n",
                static_cast<long long>(std::filesystem::file_size(work / "sites1k.gpkg")));

    // One inspection at every stop, saved as field mode saves them.
    const std::string packagePath = (work / "sites1k.gpkg").string();
    {
        auto package = Project::open(packagePath);
        if (!package)
            die("open package", package.error());
        const Date day = today();
        print("record", std::to_string(thousand.size()) + " saveInspection",
              measure(1,
                      [&](int) {
                          for (const std::string& id : thousand) {
                              InspectionDraft d;
                              d.record.siteId = id;
                              d.record.date = day;
                              d.record.inspector = "Đoàn kiểm tra số 1";
                              d.record.outcome = InspectionOutcome::Keep;
                              d.record.findings = "Đủ điều kiện";
                              if (auto st = saveInspection(*package, d); !st)
                                  die("save", st.error());
                          }
                      }),
              1);
    }
    auto package = openPackageForMerge(packagePath);
    if (!package)
        die("open package", package.error());
    const std::filesystem::path masterCopy = work / "master.gpkg";
    Figures plan{}, merge{}, again{};
    std::vector<double> planMs, mergeMs, againMs;
    for (int r = 0; r < runs; ++r) {
        std::filesystem::copy_file(projectPath, masterCopy,
                                   std::filesystem::copy_options::overwrite_existing);
        auto master = Project::open(masterCopy.string());
        if (!master)
            die("open copy", master.error());
        MergePlan p;
        const Figures fp = measure(1, [&](int) {
            auto planned = planMerge(*master, *package);
            if (!planned)
                die("plan", planned.error());
            p = std::move(planned).value();
        });
        if (p.added.size() != thousand.size())
            std::fprintf(stderr, "bench_field: plan adds %zu, not %zu\n", p.added.size(),
                         thousand.size());
        const Figures fm = measure(1, [&](int) {
            auto done = mergePackage(*master, *package);
            if (!done)
                die("merge", done.error());
        });
        const Figures fa = measure(1, [&](int) {
            auto done = mergePackage(*master, *package);
            if (!done)
                die("merge again", done.error());
            if (!done->nothingNew)
                std::fprintf(stderr, "bench_field: the second merge wrote something\n");
        });
        planMs.push_back(fp.median);
        mergeMs.push_back(fm.median);
        againMs.push_back(fa.median);
    }
    const auto figures = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return Figures{v[v.size() / 2], v.front(), v.back()};
    };
    plan = figures(planMs);
    merge = figures(mergeMs);
    again = figures(againMs);
    const std::string what = std::to_string(thousand.size()) + " records";
    print("plan", what, plan, runs);
    print("merge", what, merge, runs);
    print("again", what + " (nothing new)", again, runs);
    std::filesystem::remove(masterCopy);
    return 0;
}
