#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/criteria/risk_level.h"
#include "core/util/date.h"

namespace safemap {

/// \brief The score of one assessment, as much as the rules need of it. Indices and vetoes
/// are positions in the criteria set the score was made with (no strings: a hundred
/// thousand facilities are judged again whenever the as-of date moves).
struct ScoredAssessment {
    Date date{};
    double percent = 0;
    RiskLevel level = RiskLevel::VeryLow;
    bool safeToOperate = true;
    double maxIndexPoints = 0;          ///< the worst single index
    int worstIndex = -1;                ///< its position in the set
    std::uint64_t failedMandatory = 0;  ///< bit k: mandatory index k not implemented
    std::uint32_t firedVetoes = 0;      ///< bit v: veto v of the set fired
};

/// \brief An inspection's outcome, as much as the rules need of it.
struct InspectionFact {
    Date date{};
    bool measuresOk = true;
    std::string finding;
};

/// \brief Everything the inspection and suspension rules look at for one facility.
///
/// The rules are pure functions of these values and the settings, which is what makes
/// every list reproducible (core/project builds them from the project as of a date).
struct SiteFacts {
    std::string siteId;
    std::optional<int> workers;
    std::optional<Date> accountIssued;
    std::optional<ScoredAssessment> latest;    ///< newest assessment by date
    std::optional<ScoredAssessment> previous;  ///< the one before it
    std::optional<InspectionFact> lastInspection;
};

}  // namespace safemap
