// Scoring benchmark: 1,000,000 seeded assessments scored with the batch API on one thread,
// for the CRLN set (10 indices) and the extended set (16), then 100,000 assessments through
// the per-assessment (map-based) API. Prints assessments per second and total milliseconds
// (median of --runs runs) and a level histogram, so a change in results shows up too.
// Usage: bench_scoring [--runs N] [--criteria-dir DIR]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "core/criteria/criteria_io.h"
#include "core/scoring/score.h"

using namespace safemap;

namespace {

constexpr std::size_t kBatch = 1000000;
constexpr std::size_t kSingle = 100000;

// Answers spread over every band: a number within the bands' range (sometimes exactly on a
// band edge), yes/no 70 % yes, any choice, and 2 % left blank.
double denseAnswer(const Criterion& c, std::mt19937_64& rng) {
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const double u = unit(rng);
    if (u < 0.02)
        return std::numeric_limits<double>::quiet_NaN();
    switch (c.input) {
        case InputType::YesNo:
            return unit(rng) < 0.7 ? 1.0 : 0.0;
        case InputType::Choice:
            return static_cast<double>(rng() % c.choices.size());
        case InputType::Percent:
            return std::round(unit(rng) * 1000) / 10;
        case InputType::Bands: {
            const Band& b = c.bands[rng() % c.bands.size()];
            const double lo = b.min.value_or(0);
            const double hi = b.max.value_or(lo * 2 + 10);
            return unit(rng) < 0.1 ? lo : lo + (hi - lo) * unit(rng);
        }
    }
    return 0;
}

// The same kind of answers as an enterprise's form gives them: text for yes/no and choices.
AnswerValue rawAnswer(const Criterion& c, double dense) {
    if (std::isnan(dense))
        return std::string();
    if (c.input == InputType::YesNo)
        return std::string(dense == 1.0 ? "có" : "không");
    if (c.input == InputType::Choice)
        return c.choices[static_cast<std::size_t>(dense)].value;
    return dense;
}

double millis(const std::function<void()>& work) {
    const auto t0 = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

void report(const char* what, std::size_t n, const std::vector<double>& runs) {
    const double ms = median(runs);
    std::printf("  %-44s %9zu in %9.1f ms  = %12.0f assessments/s  (runs:", what, n, ms,
                static_cast<double>(n) / (ms / 1000.0));
    for (double r : runs)
        std::printf(" %.1f", r);
    std::printf(")\n");
}

void histogram(const std::vector<std::size_t>& counts, std::size_t unsafe) {
    std::printf("    levels:");
    for (int l = 0; l < kRiskLevelCount; ++l)
        std::printf(" %s=%zu", std::string(riskLevelCode(static_cast<RiskLevel>(l))).c_str(),
                    counts[static_cast<std::size_t>(l)]);
    std::printf("  unsafe=%zu\n", unsafe);
}

int benchSet(const std::string& path, int runs) {
    auto set = loadCriteriaSet(path);
    if (!set.ok()) {
        std::fprintf(stderr, "%s\n", set.error().describe().c_str());
        return 1;
    }
    std::printf("%s v%d (%zu indices)\n", set->id.c_str(), set->version, set->indices.size());
    CompiledCriteria compiled;
    const double compileMs = millis([&] { compiled = compileCriteria(*set); });
    std::printf("  compile: %.3f ms\n", compileMs);

    const std::size_t k = compiled.indexCount();
    std::mt19937_64 rng(20210406);  // 6/4/2020 → Decision 1203's date, any fixed seed would do
    std::vector<double> answers(kBatch * k);
    for (std::size_t n = 0; n < kBatch; ++n)
        for (std::size_t j = 0; j < k; ++j)
            answers[n * k + j] = denseAnswer(set->indices[j], rng);

    std::vector<ScoreSummary> out(kBatch);
    std::vector<double> batchRuns;
    for (int r = 0; r < runs; ++r)
        batchRuns.push_back(millis([&] {
            if (!scoreBatch(compiled, answers, out).ok())
                std::abort();
        }));
    report("batch API (dense array, one thread)", kBatch, batchRuns);
    std::vector<std::size_t> levels(kRiskLevelCount);
    std::size_t unsafe = 0;
    for (const ScoreSummary& s : out) {
        ++levels[static_cast<std::size_t>(s.level)];
        unsafe += s.safeToOperate ? 0 : 1;
    }
    histogram(levels, unsafe);

    std::vector<Assessment> assessments(kSingle);
    for (std::size_t n = 0; n < kSingle; ++n) {
        assessments[n].siteId = "MST-" + std::to_string(100000000 + n);
        for (std::size_t j = 0; j < k; ++j)
            assessments[n].answers[set->indices[j].id] =
                rawAnswer(set->indices[j], answers[n * k + j]);
    }
    std::vector<double> singleRuns;
    std::size_t agree = 0;
    for (int r = 0; r < runs; ++r) {
        agree = 0;
        singleRuns.push_back(millis([&] {
            for (std::size_t n = 0; n < kSingle; ++n) {
                const ScoreResult res = scoreAssessment(compiled, assessments[n]);
                agree += res.level == out[n].level && res.points == out[n].points;
            }
        }));
    }
    report("scoreAssessment(CompiledCriteria, map)", kSingle, singleRuns);
    std::printf("    agrees with the batch on %zu of %zu\n", agree, kSingle);

    std::vector<double> compileEachRuns;
    for (int r = 0; r < runs; ++r)
        compileEachRuns.push_back(millis([&] {
            for (std::size_t n = 0; n < kSingle / 10; ++n)
                agree += scoreAssessment(*set, assessments[n]).points > 0;
        }));
    report("scoreAssessment(CriteriaSet, map), compiles", kSingle / 10, compileEachRuns);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 5;
    // The sets ship in resources/criteria beside this file's directory.
    std::filesystem::path dir =
        std::filesystem::path(__FILE__).parent_path().parent_path() / "resources" / "criteria";
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--runs") == 0)
            runs = std::max(1, std::atoi(argv[i + 1]));
        if (std::strcmp(argv[i], "--criteria-dir") == 0)
            dir = argv[i + 1];
    }
    std::printf("bench_scoring: %zu assessments (batch), %zu (per assessment), median of %d\n",
                kBatch, kSingle, runs);
    for (const char* name : {"crln-1203-v1.json", "extended-letters-v1.json"})
        if (benchSet((dir / name).string(), runs) != 0)
            return 1;
    return 0;
}
