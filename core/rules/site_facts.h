#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/criteria/risk_level.h"
#include "core/util/date.h"

namespace safemap {

/// \brief The score of one assessment, as much as the rules need of it.
struct ScoredAssessment {
    Date date{};
    double percent = 0;
    RiskLevel level = RiskLevel::VeryLow;
    bool safeToOperate = true;
    double maxIndexPoints = 0;                 ///< the worst single index
    std::string worstIndex;                    ///< its id
    std::vector<std::string> failedMandatory;  ///< mandatory measures not implemented
    std::vector<std::string> firedVetoes;      ///< veto rule ids
    std::string criteriaSetId;
    int criteriaVersion = 0;
};

/// \brief An inspection's outcome, as much as the rules need of it.
struct InspectionFact {
    Date date{};
    bool measuresOk = true;
    std::string finding;
};

/// \brief Everything the inspection and suspension rules look at for one facility.
///
/// Built from the store by one query (rules_input.h); the rules themselves are pure
/// functions of these values and the settings, which is what makes every list reproducible.
struct SiteFacts {
    std::string siteId;
    std::string name;
    std::string zoneId;
    std::optional<int> workers;
    std::optional<Date> accountIssued;
    std::optional<ScoredAssessment> latest;    ///< newest assessment by date
    std::optional<ScoredAssessment> previous;  ///< the one before it
    std::optional<InspectionFact> lastInspection;
};

}  // namespace safemap
