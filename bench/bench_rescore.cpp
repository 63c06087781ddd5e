// Re-scoring phases on a real project (goal 3 of issue 8): how long reading and decoding
// every stored answer takes, then that plus scoring, then the whole re-score with its writes
// (rolled back, so the project is left as it was), and that with half the assessments read
// and scored on a second connection and thread, as `safemap score` does. Minimum and median of
// --runs runs each, in one process, so the figures do not carry process start or the final commit's
// fsync. Usage: bench_rescore PROJECT.gpkg [--runs N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "core/project/criteria_use.h"
#include "core/project/project.h"
#include "core/project/scoring_run.h"
#include "core/scoring/compiled_criteria.h"

using namespace safemap;

namespace {

double secondsOf(const std::function<void()>& work) {
    const auto t0 = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void report(const char* what, std::vector<double> s) {
    std::sort(s.begin(), s.end());
    std::printf("%-34s min %.3f s  median %.3f s  max %.3f s\n", what, s.front(), s[s.size() / 2],
                s.back());
}

[[noreturn]] void die(const char* what, const Error& e) {
    std::fprintf(stderr, "bench_rescore: %s: %s\n", what, e.message.c_str());
    std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_rescore PROJECT.gpkg [--runs N]\n");
        return 2;
    }
    int runs = 5;
    for (int i = 2; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--runs") == 0)
            runs = std::max(1, std::atoi(argv[i + 1]));
    auto project = Project::open(argv[1]);
    if (!project)
        die("open", project.error());
    auto set = activeOrFallback(*project, nullptr);
    if (!set)
        die("criteria", set.error());
    if (!*set) {
        std::fprintf(stderr, "bench_rescore: the project has no active criteria set\n");
        return 1;
    }
    const CompiledCriteria criteria = compileCriteria(**set);
    auto& repo = project->repository();
    const size_t k = criteria.indexCount();

    std::vector<double> read, readScore, rescore, rescoreAside, rescoreEvery;
    long long rows = 0;
    double checksum = 0;
    for (int r = 0; r < runs; ++r) {
        read.push_back(secondsOf([&] {
            rows = 0;
            auto st = repo.forEachAnswerRow(
                criteria, {}, [&](std::span<const int64_t> ids, std::span<const double> values) {
                    rows += static_cast<long long>(ids.size());
                    checksum += values.empty() ? 0 : values.front();
                    return Status{};
                });
            if (!st)
                die("read", st.error());
        }));
        readScore.push_back(secondsOf([&] {
            ScoredBatch scored;
            auto st = repo.forEachAnswerRow(
                criteria, {}, [&](std::span<const int64_t> ids, std::span<const double> values) {
                    scored.rows.clear();
                    scored.points.clear();
                    for (size_t i = 0; i < ids.size(); ++i)
                        appendScoreOfRow(criteria, values.subspan(i * k, k), ids[i], scored);
                    checksum += scored.rows.empty() ? 0 : scored.rows.back().summary.percent;
                    return Status{};
                });
            if (!st)
                die("read and score", st.error());
        }));
        rescore.push_back(secondsOf([&] {
            auto write = repo.beginWrite();
            if (!write)
                die("begin", write.error());
            auto scored = rescoreAll(repo, criteria);
            if (!scored)
                die("rescore", scored.error());
            // *write goes out of scope uncommitted: rolled back.
        }));
        rescoreEvery.push_back(secondsOf([&] {
            auto write = repo.beginWrite();
            if (!write)
                die("begin", write.error());
            // As the first re-score under a set: no stored block to keep.
            if (auto st = repo.clearScores(criteria); !st)
                die("clear", st.error());
            auto scored = rescoreAll(repo, criteria, {}, nullptr, [&] {
                return Project::open(argv[1], Project::Access::ReadOnly);
            });
            if (!scored)
                die("rescore", scored.error());
        }));
        rescoreAside.push_back(secondsOf([&] {
            auto write = repo.beginWrite();
            if (!write)
                die("begin", write.error());
            auto scored = rescoreAll(repo, criteria, {}, nullptr, [&] {
                return Project::open(argv[1], Project::Access::ReadOnly);
            });
            if (!scored)
                die("rescore", scored.error());
        }));
    }
    std::printf("%lld assessments, %zu indices, %d runs (checksum %.1f)\n", rows, k, runs,
                checksum);
    report("read + decode answers", read);
    report("read + decode + score", readScore);
    report("re-score, storing what changed", rescore);
    report("the same, half read on a 2nd connection", rescoreAside);
    report("2 connections, every block written", rescoreEvery);
    return 0;
}
