#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/criteria/answer_reading.h"
#include "core/criteria/criteria_set.h"

namespace safemap {

/// \brief One index flattened for the scoring loop.
///
/// Bands become "cuts": band i holds the values v with cut[i-1] ≤ v < cut[i], an inclusive
/// upper bound x being stored as the next double above x, so one comparison per cut finds
/// the band with no special cases. Yes/no and choices become a table indexed by the dense
/// answer (0/1 or the option's position).
struct CompiledIndex {
    enum class Kind : std::uint8_t { Cuts, Table };
    Kind kind = Kind::Cuts;
    std::uint32_t first = 0;  ///< first entry in CompiledCriteria::points (and ::cuts)
    std::uint32_t count = 0;  ///< bands or table entries
    double lo = 0;            ///< Cuts: smallest accepted value (v ≥ lo)
    double hi = 0;            ///< Cuts: values must be below this
    double pointsMax = 0;     ///< what a missing or invalid answer scores
    double failAt = 0;        ///< mandatory measure failed at ≥ this; +inf if not mandatory
};

/// \brief A level as the scoring loop sees it: percentages below `cut` (and not claimed by
/// a lower level) are this level.
struct CompiledLevel {
    double cut = 0;
    RiskLevel level = RiskLevel::VeryLow;
    bool safeToOperate = true;
};

/// \brief A veto as a bit mask over the set's indices.
struct CompiledVeto {
    RiskLevel whenLevel = RiskLevel::Medium;
    double atLeast = 0;
    std::uint64_t indexMask = 0;
};

/// \brief A criteria set compiled into flat arrays for fast, repeated scoring.
///
/// Compile once per loaded set and share it (it is immutable after compileCriteria, so any
/// number of threads may score with it at once). Index k of the dense answer row is
/// set.indices[k].
struct CompiledCriteria {
    CriteriaSet set;  ///< the source, for ids, labels and the version stamped on results
    std::vector<CompiledIndex> indices;
    std::vector<double> cuts;    ///< Cuts indices: count entries each, the last is +inf
    std::vector<double> points;  ///< count entries per index
    std::vector<ChoiceLookup> choiceLookups;  ///< per index (empty unless Choice)
    std::vector<CompiledLevel> levels;
    std::vector<CompiledVeto> vetoes;
    double pointsMaxSum = 0;
    /// Index positions in the order of their ids (std::string's), which is the order of an
    /// assessment's answers: a row is read by walking both at once (readAnswerValues).
    std::vector<std::uint16_t> idOrder;
    /// Each index's value when it is not answered.
    std::vector<double> unanswered;

    std::size_t indexCount() const { return indices.size(); }
    /// Position of an index in the dense row, or -1.
    int positionOf(std::string_view indexId) const;
};

/// Compiles a validated set (one that parseCriteriaSet accepted).
CompiledCriteria compileCriteria(const CriteriaSet& set);

}  // namespace safemap
