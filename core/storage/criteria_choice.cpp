#include "core/storage/criteria_choice.h"

#include "core/criteria/criteria_io.h"
#include "core/storage/assessment_store.h"

namespace safemap {

Result<CriteriaChoice> chooseCriteria(Database& db, const std::string& explicitFile,
                                      const std::string& defaultFile) {
    const auto active = activeCriteriaSet(db);
    if (explicitFile.empty() && active)
        return CriteriaChoice{*active, false};
    const std::string file = explicitFile.empty() ? defaultFile : explicitFile;
    if (file.empty())
        return Error("no criteria set: the project has none and none was given");
    auto set = loadCriteriaSet(file);
    if (!set)
        return set.error();
    if (auto st = storeCriteriaSet(db, *set, true); !st)
        return st.error();
    const bool changed = !active || active->id != set->id || active->version != set->version;
    return CriteriaChoice{std::move(set).value(), changed};
}

}  // namespace safemap
