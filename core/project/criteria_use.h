#pragma once

#include <atomic>
#include <memory>
#include <optional>

#include "core/criteria/criteria_set.h"
#include "core/project/project_facts.h"
#include "core/result.h"

namespace safemap {

class Project;
class ProjectRepository;

/// \brief What making a criteria set active did.
struct ActivationOutcome {
    CriteriaRef set;
    bool changed = false;  ///< another set (or none) was active before
    long long scored = 0;  ///< assessments scored under the set
};

/// Stores `set` (refused if the same id and version holds another definition), scores
/// every assessment with it, then makes it the active set — all in one transaction, so an
/// interruption leaves the previous set active with its scores, never an active set
/// without scores.
///
/// `readActive`, when given, is the active set the user saw when choosing (empty inside: none
/// was active): if someone else has activated another set since, nothing changes and the
/// Error is project.criteria_conflict.
[[nodiscard]] Result<ActivationOutcome> activateCriteriaSet(
    Project& project, const CriteriaSet& set, const ProgressFn& progress = {},
    const std::atomic<bool>* cancel = nullptr,
    const std::optional<std::optional<CriteriaRef>>& readActive = std::nullopt);

/// The stored set that `ref` (the active set) names; criteria.active_missing if the
/// project does not hold it.
[[nodiscard]] Result<std::shared_ptr<const CriteriaSet>> storedCriteriaSet(
    const ProjectRepository& repo, const CriteriaRef& ref);

/// The project's active set, or `fallback` when it has none (null if neither).
[[nodiscard]] Result<std::shared_ptr<const CriteriaSet>> activeOrFallback(
    const Project& project, std::shared_ptr<const CriteriaSet> fallback);

}  // namespace safemap
