// Load test of a shared project: N clients (threads, each with its own connection) import
// assessments and inspections into one project at once for a bounded time, then every row
// is checked: nothing lost, nothing duplicated, every assessment scored.
//
//   bench_server_load LOCATION --clients N --seconds S --criteria FILE
//
// LOCATION: a new GeoPackage path, or a postgresql:// URL of an empty database (the
// project is created there). Prints throughput and the check's result (docs/benchmarks.md).
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/criteria/criteria_io.h"
#include "core/project/imports.h"
#include "core/project/project.h"
#include "core/scoring/compiled_criteria.h"

using namespace safemap;

namespace {

constexpr int kFacilities = 200;
constexpr int kRowsPerImport = 20;

std::string taxOf(int i) {
    std::string s = std::to_string(i);
    return "99" + std::string(8 - s.size(), '0') + s;
}

// An import of one client's round: kRowsPerImport assessments no other round has (the
// submitter names client and round), half of them also in the client's previous round's
// file, re-imported (what an office re-sending a file does).
Table assessments(int client, int round) {
    Table t;
    t.fileName = "danh_gia_" + std::to_string(client) + "_" + std::to_string(round) + ".csv";
    t.header = {"Mã số thuế",         "Ngày đánh giá",         "Người nộp",
                "workers_concurrent", "floor_area_per_worker", "hand_washing",
                "masks_worn",         "temperature_check",     "canteen_distancing",
                "shuttle_bus_share",  "residential_areas",     "daily_masks",
                "night_shift"};
    long r = 2;
    for (int k = 0; k < kRowsPerImport; ++k) {
        const int half = kRowsPerImport / 2;
        const int from = k < half ? round - 1 : round;  // the first half: last round's rows
        if (from < 0)
            continue;
        const int j = k % half;
        const std::string tax = taxOf((client * 37 + j) % kFacilities + 1);
        const std::string who = "Client " + std::to_string(client) + " lượt " +
                                std::to_string(from) + "/" + std::to_string(j);
        const std::string workers = std::to_string(50 + j);
        t.addRow(r, r,
                 {tax, "2021-06-14", who, workers, "20", "có", "có", "100", "vach_ngan", "0", "1",
                  "có", "khong"});
        ++r;
    }
    return t;
}

Table inspections(int client, int round) {
    Table t;
    t.fileName = "kiem_tra_" + std::to_string(client) + ".csv";
    t.header = {"ma_so_thue", "ngay_kiem_tra", "nguoi_kiem_tra", "dat_yeu_cau", "ket_luan"};
    const std::string who = "Đoàn " + std::to_string(client) + "/" + std::to_string(round);
    t.addRow(2, 2, {taxOf(round % kFacilities + 1), "2021-06-20", who, "có", ""});
    return t;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr,
                     "usage: bench_server_load LOCATION [--clients N] [--seconds S] "
                     "[--criteria FILE]\n");
        return 2;
    }
    const std::string location = argv[1];
    int clients = 4;
    double seconds = 10;
    std::string criteriaFile = "resources/criteria/crln-1203-v1.json";
    for (int i = 2; i + 1 < argc; i += 2) {
        const std::string o = argv[i];
        if (o == "--clients")
            clients = std::atoi(argv[i + 1]);
        else if (o == "--seconds")
            seconds = std::atof(argv[i + 1]);
        else if (o == "--criteria")
            criteriaFile = argv[i + 1];
    }
    auto set = loadCriteriaSet(criteriaFile);
    if (!set) {
        std::fprintf(stderr, "%s\n", set.error().describe().c_str());
        return 1;
    }
    {
        auto project = Project::create(location);
        if (!project) {
            std::fprintf(stderr, "%s\n", project.error().describe().c_str());
            return 1;
        }
        SiteBatch sites;
        for (int i = 1; i <= kFacilities; ++i) {
            Factory f;
            f.taxCode = taxOf(i);
            f.id = factoryIdFor(f.taxCode, "", "", "");
            f.name = "Cơ sở " + std::to_string(i);
            f.location = {105.8 + i * 0.001, 21.0};
            sites.factories.push_back(f);
        }
        AssessmentImportRequest request;
        request.fallback = std::make_shared<CriteriaSet>(*set);
        if (!importSites(*project, sites, "co_so.csv") ||
            !importAssessments(*project, assessments(clients, 0), request)) {
            std::fprintf(stderr, "setup failed\n");
            return 1;
        }
    }
    const long initialAssessments = kRowsPerImport / 2;

    std::atomic<long> rounds{0};
    std::atomic<long> newAssessments{0};
    std::atomic<long> newInspections{0};
    std::atomic<long> failures{0};
    std::mutex printing;
    const auto start = std::chrono::steady_clock::now();
    const auto deadline = start + std::chrono::duration<double>(seconds);
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c)
        threads.emplace_back([&, c] {
            auto project = Project::open(location);
            if (!project) {
                ++failures;
                return;
            }
            AssessmentImportRequest request;
            for (int round = 0; std::chrono::steady_clock::now() < deadline; ++round) {
                auto a = importAssessments(*project, assessments(c, round), request);
                auto i = importInspections(*project, inspections(c, round));
                if (!a || !i) {
                    ++failures;
                    std::lock_guard lock(printing);
                    std::fprintf(stderr, "client %d: %s\n", c,
                                 (!a ? a.error() : i.error()).describe().c_str());
                    continue;
                }
                newAssessments += a->inserted;
                newInspections += i->inserted;
                ++rounds;
            }
        });
    for (auto& t : threads)
        t.join();
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    // The check: every row the clients reported as new is there once, and scored.
    auto project = Project::open(location, Project::Access::ReadOnly);
    if (!project) {
        std::fprintf(stderr, "%s\n", project.error().describe().c_str());
        return 1;
    }
    const auto stored = project->repository().assessmentCount();
    const auto timeline = project->repository().scoreTimeline(compileCriteria(*set));
    const auto inspected = project->repository().inspections();
    const long expectedAssessments = initialAssessments + newAssessments.load();
    const bool ok = stored && timeline && inspected && *stored == expectedAssessments &&
                    static_cast<long>(timeline->entries.size()) == expectedAssessments &&
                    static_cast<long>(inspected->size()) == newInspections.load() &&
                    failures.load() == 0;
    std::printf("location: %s\nclients: %d, %.1f s\n", project->location().c_str(), clients,
                elapsed);
    std::printf(
        "rounds (one assessment import of %d rows + one inspection import): %ld, "
        "%.1f per second\n",
        kRowsPerImport, rounds.load(), rounds.load() / elapsed);
    std::printf("new assessments: %ld (%.0f per second), new inspections: %ld, failures: %ld\n",
                newAssessments.load(), newAssessments.load() / elapsed, newInspections.load(),
                failures.load());
    std::printf(
        "check: stored %lld assessments, %zu scores, %zu inspections; expected %ld, %ld, "
        "%ld: %s\n",
        stored ? *stored : -1LL, timeline ? timeline->entries.size() : size_t{0},
        inspected ? inspected->size() : size_t{0}, expectedAssessments, expectedAssessments,
        newInspections.load(), ok ? "OK" : "FAILED");
    return ok ? 0 : 1;
}
