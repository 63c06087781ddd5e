#include "core/scoring/compiled_criteria.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

namespace safemap {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();

// "v ≤ x" is exactly "v < nextafter(x, +inf)" for every double v, so inclusive and
// exclusive bounds become one kind of comparison.
double exclusiveAbove(double x, bool inclusive) {
    return inclusive ? std::nextafter(x, kInf) : x;
}
}  // namespace

int CompiledCriteria::positionOf(std::string_view indexId) const {
    for (std::size_t k = 0; k < set.indices.size(); ++k)
        if (set.indices[k].id == indexId)
            return static_cast<int>(k);
    return -1;
}

CompiledCriteria compileCriteria(const CriteriaSet& set) {
    // The scoring loop keeps one bit and one stack slot per index; the parser enforces this.
    assert(set.indices.size() <= kMaxCriteria && set.vetoes.size() <= kMaxVetoes);
    CompiledCriteria out;
    out.set = set;
    for (const Criterion& c : set.indices) {
        CompiledIndex ci;
        ci.first = static_cast<std::uint32_t>(out.points.size());
        ci.pointsMax = c.pointsMax;
        ci.failAt = c.mandatory ? c.failAt() : kInf;
        switch (c.input) {
            case InputType::Bands:
            case InputType::Percent: {
                ci.kind = CompiledIndex::Kind::Cuts;
                ci.count = static_cast<std::uint32_t>(c.bands.size());
                const Band& first = c.bands.front();
                const Band& last = c.bands.back();
                ci.lo = first.min
                            ? (first.minInclusive ? *first.min : std::nextafter(*first.min, kInf))
                            : -kInf;
                ci.hi = last.max ? exclusiveAbove(*last.max, last.maxInclusive) : kInf;
                for (std::size_t k = 0; k < c.bands.size(); ++k) {
                    const Band& b = c.bands[k];
                    out.cuts.push_back(
                        k + 1 < c.bands.size() ? exclusiveAbove(*b.max, b.maxInclusive) : kInf);
                    out.points.push_back(b.points);
                }
                break;
            }
            case InputType::YesNo:
                ci.kind = CompiledIndex::Kind::Table;
                ci.count = 2;
                out.points.push_back(c.noPoints);  // dense 0 = no
                out.points.push_back(c.yesPoints);
                out.cuts.insert(out.cuts.end(), 2, kInf);
                break;
            case InputType::Choice:
                ci.kind = CompiledIndex::Kind::Table;
                ci.count = static_cast<std::uint32_t>(c.choices.size());
                for (const auto& ch : c.choices)
                    out.points.push_back(ch.points);
                out.cuts.insert(out.cuts.end(), c.choices.size(), kInf);
                break;
        }
        out.indices.push_back(ci);
        out.choiceLookups.push_back(c.input == InputType::Choice ? choiceLookupFor(c)
                                                                 : ChoiceLookup{});
    }
    for (const LevelRule& l : set.levels)
        out.levels.push_back({l.upper ? exclusiveAbove(*l.upper, l.upperInclusive) : kInf, l.level,
                              l.safeToOperate});
    for (const VetoRule& v : set.vetoes) {
        CompiledVeto cv{v.whenLevel, v.anyIndexAtLeast, 0};
        for (std::size_t k = 0; k < set.indices.size(); ++k) {
            bool looked = v.indices.empty();
            for (const auto& id : v.indices)
                looked = looked || id == set.indices[k].id;
            if (looked)
                cv.indexMask |= std::uint64_t{1} << k;
        }
        out.vetoes.push_back(cv);
    }
    out.pointsMaxSum = set.pointsMaxSum();
    for (std::size_t k = 0; k < set.indices.size(); ++k) {
        out.idOrder.push_back(static_cast<std::uint16_t>(k));
        out.unanswered.push_back(readAnswerText(set.indices[k], "").value);
    }
    std::sort(out.idOrder.begin(), out.idOrder.end(), [&](std::uint16_t a, std::uint16_t b) {
        return set.indices[a].id < set.indices[b].id;
    });
    return out;
}

}  // namespace safemap
