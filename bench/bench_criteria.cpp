// Criteria parsing benchmark: the shipped CRLN set with N comment keys ("_c0" … "_cN-1", all
// allowed) added to the top-level object, then the same with one key given twice. Issue 13:
// 200,000 keys took 31 s when the duplicate-key check compared each key with every earlier
// one. Prints the median of --runs runs for each of --keys sizes (default 1000 10000 100000
// 200000), and what the parser answered, so a change in what is read shows up.
// Usage (from the repository root): bench_criteria [--runs N] [--keys N ...] [--file SET.json]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/criteria/criteria_io.h"

using namespace safemap;

namespace {

using Clock = std::chrono::steady_clock;

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string withKeys(const std::string& set, int n, bool duplicate) {
    std::string keys;
    keys.reserve(static_cast<size_t>(n) * 16);
    for (int i = 0; i < n; ++i)
        keys += "\"_c" + std::to_string(i) + "\": 0, ";
    if (duplicate)
        keys += "\"_c0\": 1, ";
    std::string out = set;
    out.insert(out.find('{') + 1, keys);
    return out;
}

double medianMs(const std::string& text, int runs, std::string& answer) {
    std::vector<double> ms;
    for (int r = 0; r < runs; ++r) {
        const auto start = Clock::now();
        auto set = parseCriteriaSet(text, "bench.json");
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        answer = set.ok() ? "ok, " + std::to_string(set->indices.size()) + " indices"
                          : set.error().message;
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 5;
    std::vector<int> sizes;
    std::string file = "resources/criteria/crln-1203-v1.json";
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
            runs = std::max(1, std::atoi(argv[++i]));
        } else if (std::strcmp(argv[i], "--file") == 0 && i + 1 < argc) {
            file = argv[++i];
        } else if (std::strcmp(argv[i], "--keys") == 0) {
            while (i + 1 < argc && argv[i + 1][0] != '-')
                sizes.push_back(std::atoi(argv[++i]));
        } else {
            std::fprintf(stderr,
                         "usage: bench_criteria [--runs N] [--keys N ...] [--file SET.json]\n");
            return 2;
        }
    }
    if (sizes.empty())
        sizes = {1000, 10000, 100000, 200000};
    const std::string set = readText(file);
    if (set.empty()) {
        std::fprintf(stderr, "cannot read %s (run from the repository root)\n", file.c_str());
        return 1;
    }
    std::printf("%-8s %-10s %12s  %s\n", "keys", "duplicate", "median ms", "answer");
    for (int n : sizes) {
        for (bool dup : {false, true}) {
            const std::string text = withKeys(set, n, dup);
            std::string answer;
            const double ms = medianMs(text, runs, answer);
            std::printf("%-8d %-10s %12.1f  %s\n", n, dup ? "yes" : "no", ms, answer.c_str());
        }
    }
    return 0;
}
