// Criteria sets (core/criteria): every file is either refused with a path and a reason, or
// read into a set that writes back to the same set, compiles, and scores any answers —
// missing, invalid, at the band edges, absurd — as a finite percentage from 0 to 100.
#include <cmath>
#include <limits>
#include <vector>

#include "core/criteria/criteria_io.h"
#include "core/scoring/compiled_criteria.h"
#include "core/scoring/score.h"
#include "fuzz_support.h"

using namespace safemap;

namespace {

void checkScore(const CompiledCriteria& cc, const std::vector<double>& row) {
    const ScoreSummary s = scoreRow(cc, row, {});
    FUZZ_CHECK(std::isfinite(s.points), std::to_string(s.points));
    FUZZ_CHECK(std::isfinite(s.percent) && s.percent >= 0 && s.percent <= 100,
               std::to_string(s.percent));
    bool levelDefined = false;
    for (const auto& l : cc.set.levels)
        levelDefined = levelDefined || l.level == s.level;
    FUZZ_CHECK(levelDefined, "the score's level is not one of the set's");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto set = parseCriteriaSet(fuzz::bytesOf(data, size), "fuzz.json");
    if (!set) {
        fuzz::checkError(set.error());
        FUZZ_CHECK(set.error().file == "fuzz.json", set.error().describe());
        return 0;
    }
    const std::string written = writeCriteriaSet(*set);
    auto again = parseCriteriaSet(written, "written.json");
    FUZZ_CHECK(again.ok(), again.ok() ? "" : again.error().describe());
    FUZZ_CHECK(*again == *set, "a written set must read back equal");
    FUZZ_CHECK(writeCriteriaSet(*again) == written, "writing must be stable");

    const CompiledCriteria cc = compileCriteria(*set);
    const std::size_t k = cc.indexCount();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    for (double v : {nan, inf, -inf, 0.0, 1.0, -1.0, 1e300, 0.5})
        checkScore(cc, std::vector<double>(k, v));
    // Every band edge of every index, each index in turn.
    std::vector<double> row(k, nan);
    for (std::size_t j = 0; j < k; ++j) {
        for (const Band& b : set->indices[j].bands)
            for (const auto& edge : {b.min, b.max})
                if (edge) {
                    row[j] = *edge;
                    checkScore(cc, row);
                }
        row[j] = 0;
    }
    return 0;
}
