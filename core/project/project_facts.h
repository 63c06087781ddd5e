#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/criteria/criteria_set.h"
#include "core/model/inspection.h"
#include "core/model/site.h"
#include "core/project/score_timeline.h"
#include "core/result.h"
#include "core/rules/site_facts.h"

namespace safemap {

class Project;

/// Site id → position in ProjectFacts::factories (and in ProjectStatus::sites).
using FactoryIndex = std::unordered_map<std::string, std::uint32_t>;
std::shared_ptr<const FactoryIndex> makeFactoryIndex(const std::vector<Factory>& factories);

/// Progress of long work: (done, total); total may be -1 when unknown.
using ProgressFn = std::function<void(long long done, long long total)>;

/// \brief How much of each facility's score history facts hold.
enum class ScoreHistory {
    Full,  ///< every score: the status as of any date, the data dates
    /// Each facility's two newest scores: the status as of the newest data date or later,
    /// which is what lists and today's map show. A fifth of a timeline where facilities
    /// have ten assessments each.
    Latest,
};

/// \brief Everything a project knows that the rules read, under one criteria set and for
/// every date (or, with ScoreHistory::Latest, for its newest date on): the sites, each
/// facility's scored assessments and its inspections.
///
/// Loaded once; the status for any "as of" date and any rule settings is then a pure
/// function of it (computeStatus), so the window can move through time without a query.
struct ProjectFacts {
    std::vector<Zone> zones;
    std::vector<Factory> factories;
    std::shared_ptr<const FactoryIndex> index;  ///< of `factories`; may be null (then built)
    /// The set the scores are under; null when the project has no criteria set yet, in
    /// which case no facility has an assessment the rules can read.
    std::shared_ptr<const CriteriaSet> criteria;
    /// True when the scores were computed in memory for a set other than the active one
    /// (a what-if), false when they were read from the project.
    bool scoredInMemory = false;
    ScoreHistory history = ScoreHistory::Full;
    ScoreTimeline scores;
    std::vector<Inspection> inspections;    ///< grouped by site id, oldest first within one
    std::vector<uint32_t> inspectionBegin;  ///< inspections of factories[i]: [begin[i], begin[i+1])
    /// Derived once per load (prepareFacts), so that judging every facility as of a date
    /// needs no string lookups: factories[i]'s site in `scores` (kNoScores if none), and its
    /// place when the factories are ordered by site id (the lists' tie-break).
    std::vector<uint32_t> scoreSite;
    std::vector<uint32_t> idRank;
    static constexpr uint32_t kNoScores = 0xFFFFFFFFu;
};

/// \brief Which criteria set the facts are read under.
struct FactsRequest {
    /// Null: the project's active set (its stored scores). Otherwise this set: its stored
    /// scores if it is the active set, else every assessment scored in memory now (the
    /// project is not changed).
    std::shared_ptr<const CriteriaSet> criteria;
    ProgressFn progress;
    const std::atomic<bool>* cancel = nullptr;
    /// Latest reads less; scores computed in memory (another set) are always Full.
    ScoreHistory history = ScoreHistory::Full;
    /// Opens another read-only connection to the same project; if given, the stored scores
    /// are read on it on a second thread while the sites are read on the first (together
    /// they are most of a large project's load; docs/benchmarks.md, E).
    std::function<Result<Project>()> reopen = nullptr;
};

/// Reads the facts from the project. Errors from the store are returned, never hidden as
/// empty data.
[[nodiscard]] Result<ProjectFacts> loadProjectFacts(const Project& project,
                                                    const FactsRequest& request = {});

/// The same facts with every facility's whole score history, as judging them as of a date
/// before their newest scores needs (coversAsOf). Only the scores are read; the sites,
/// zones and inspections are those of `facts`, which the caller knows to be current (a
/// write is followed by a reload). Facts that have the whole history already, or no
/// criteria set, are returned as they are; if the active set is no longer theirs, all is
/// read again. The result shares `facts.index` exactly when its sites are `facts`' own.
[[nodiscard]] Result<ProjectFacts> withFullHistory(const Project& project,
                                                   const ProjectFacts& facts);

/// Fills the derived lookups (index, scoreSite, idRank) of facts assembled by hand;
/// loadProjectFacts does it itself.
void prepareFacts(ProjectFacts& facts);

/// Each facility's facts as they stood at the end of `asOf`: assessments, inspections and
/// accounts dated after it do not exist. One entry per factory, in the factories' order.
/// Facts with only the latest history need `asOf` on or after their newest score
/// (coversAsOf); evaluateScenario sees to it.
std::vector<SiteFacts> factsAsOf(const ProjectFacts& facts, Date asOf);

/// factsAsOf of the factory at position `i` alone, into `out` (every field is set, so one
/// SiteFacts serves a whole walk). The same condition on `asOf` (coversAsOf).
void factsOfSiteAsOf(const ProjectFacts& facts, size_t i, Date asOf, SiteFacts& out);

/// The date the lists are made for when none is chosen: the newest assessment or
/// inspection, else the newest account, else 1970-01-01 (never the wall clock, so lists are
/// reproducible).
Date defaultAsOf(const ProjectFacts& facts);

/// Whether facts answer for `asOf`: always with the full history; with the latest only
/// from their newest score on (before it, a facility's older scores would be missing).
bool coversAsOf(const ProjectFacts& facts, Date asOf);

/// Every date on which the project received an assessment or an inspection, oldest first:
/// the stops of the window's "as of" slider. Needs the full history.
std::vector<Date> dataDates(const ProjectFacts& facts);
/// The same dates for facts of either history: with only the latest scores, the
/// assessments' dates are read from the project (a pass over an index, no rows).
[[nodiscard]] Result<std::vector<Date>> loadDataDates(const Project& project,
                                                      const ProjectFacts& facts);

}  // namespace safemap
