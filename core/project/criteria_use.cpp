#include "core/project/criteria_use.h"

#include "core/errors/error_catalogue.h"
#include "core/project/project.h"
#include "core/project/project_location.h"
#include "core/project/scoring_run.h"

namespace safemap {

Result<ActivationOutcome> activateCriteriaSet(
    Project& project, const CriteriaSet& set, const ProgressFn& progress,
    const std::atomic<bool>* cancel, const std::optional<std::optional<CriteriaRef>>& readActive) {
    ProjectRepository& repo = project.repository();
    auto tx = repo.beginWrite();
    if (!tx)
        return tx.error();
    // The set is stored first: on a shared server that makes activations take turns (the
    // repository holds a lock until commit), so the active set read next is the one the
    // previous activation committed, and the check below cannot be overtaken.
    if (auto st = repo.storeCriteriaSet(set); !st)
        return st.error();
    auto active = repo.activeCriteria();
    if (!active)
        return active.error();
    if (readActive && *readActive != *active)
        return codedError("project.criteria_conflict",
                          {*active ? (*active)->key() : std::string("—")}, project.location());
    ActivationOutcome out;
    out.set = CriteriaRef{set.id, set.version};
    out.changed = !*active || !(**active == out.set);
    // Storing the set changed neither the assessments nor their terms, so a second
    // connection reads them as this one does: half of them are read and scored on it.
    ReopenProject aside;
    if (!isServerProject(project.location()))
        aside = [path = project.location()] {
            return Project::open(path, Project::Access::ReadOnly);
        };
    auto scored = rescoreAll(repo, compileCriteria(set), progress, cancel, aside);
    if (!scored)
        return scored.error();
    out.scored = *scored;
    if (auto st = repo.setActiveCriteria(out.set); !st)
        return st.error();
    if (auto st = (*tx)->commit(); !st)
        return st.error();
    return out;
}

Result<std::shared_ptr<const CriteriaSet>> storedCriteriaSet(const ProjectRepository& repo,
                                                             const CriteriaRef& ref) {
    auto set = repo.criteriaSet(ref);
    if (!set)
        return set.error();
    if (!*set)
        return codedError("criteria.active_missing", {ref.key()}, repo.location());
    return std::shared_ptr<const CriteriaSet>(std::make_shared<CriteriaSet>(std::move(**set)));
}

Result<std::shared_ptr<const CriteriaSet>> activeOrFallback(
    const Project& project, std::shared_ptr<const CriteriaSet> fallback) {
    auto active = project.repository().activeCriteria();
    if (!active)
        return active.error();
    if (!*active)
        return fallback;
    return storedCriteriaSet(project.repository(), **active);
}

}  // namespace safemap
