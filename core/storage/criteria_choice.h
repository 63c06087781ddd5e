#pragma once

#include <string>

#include "core/criteria/criteria_set.h"
#include "core/result.h"

namespace safemap {

class Database;

/// \brief The criteria set a project scores with, and whether it just changed.
struct CriteriaChoice {
    CriteriaSet set;
    bool changed = false;  ///< a different set became active: stored scores need re-scoring
};

/// The set to score with: the file `explicitFile` if given (stored in the project and made
/// active), else the project's active set, else `defaultFile` (stored and made active).
/// Scores always record the set's id and version, so switching never mixes them up.
Result<CriteriaChoice> chooseCriteria(Database& db, const std::string& explicitFile,
                                      const std::string& defaultFile);

}  // namespace safemap
