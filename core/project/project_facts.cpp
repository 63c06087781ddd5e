#include "core/project/project_facts.h"

#include <algorithm>
#include <cassert>
#include <future>
#include <optional>
#include <unordered_map>

#include "core/errors/error_catalogue.h"
#include "core/project/criteria_use.h"
#include "core/project/project.h"
#include "core/project/scoring_run.h"

namespace safemap {

namespace {

InspectionFact toFact(const Inspection& i) {
    return InspectionFact{i.date, i.measuresOk, i.finding};
}

void groupInspections(ProjectFacts& facts, std::vector<Inspection> all) {
    const FactoryIndex& position = *facts.index;
    // Inspections of sites no longer in the project are dropped; the rest are grouped in
    // the factories' order, oldest first (storage gives them oldest first already).
    std::vector<std::vector<Inspection>> bySite(facts.factories.size());
    for (auto& i : all)
        if (auto it = position.find(i.siteId); it != position.end())
            bySite[it->second].push_back(std::move(i));
    facts.inspectionBegin.assign(facts.factories.size() + 1, 0);
    for (size_t f = 0; f < bySite.size(); ++f) {
        std::stable_sort(bySite[f].begin(), bySite[f].end(),
                         [](const Inspection& a, const Inspection& b) { return a.date < b.date; });
        facts.inspectionBegin[f + 1] =
            facts.inspectionBegin[f] + static_cast<uint32_t>(bySite[f].size());
        for (auto& i : bySite[f])
            facts.inspections.push_back(std::move(i));
    }
}

}  // namespace

namespace {

// Each factory's site in facts.scores, by one merge of both in site id order (`byId`: the
// factories' positions in that order) instead of a binary search per facility.
void mapScoreSites(ProjectFacts& facts, const std::vector<uint32_t>& byId) {
    facts.scoreSite.assign(facts.factories.size(), ProjectFacts::kNoScores);
    size_t t = 0;
    const auto& ids = facts.scores.siteIds;
    for (const uint32_t i : byId) {
        const std::string& id = facts.factories[i].id;
        while (t < ids.size() && ids[t] < id)
            ++t;
        if (t < ids.size() && ids[t] == id)
            facts.scoreSite[i] = static_cast<uint32_t>(t);
    }
}

}  // namespace

void prepareFacts(ProjectFacts& facts) {
    const auto n = facts.factories.size();
    if (!facts.index || facts.index->size() != n)
        facts.index = makeFactoryIndex(facts.factories);
    std::vector<uint32_t> byId(n);
    for (uint32_t i = 0; i < n; ++i)
        byId[i] = i;
    const auto byIdLess = [&](uint32_t a, uint32_t b) {
        return facts.factories[a].id < facts.factories[b].id;
    };
    // Factories read from a project mostly come in id order already (a province's first
    // import is written sorted): checking costs one comparison each, sorting seventeen.
    if (!std::is_sorted(byId.begin(), byId.end(), byIdLess))
        std::sort(byId.begin(), byId.end(), byIdLess);
    facts.idRank.assign(n, 0);
    for (uint32_t r = 0; r < n; ++r)
        facts.idRank[byId[r]] = r;
    mapScoreSites(facts, byId);
}

std::shared_ptr<const FactoryIndex> makeFactoryIndex(const std::vector<Factory>& factories) {
    auto index = std::make_shared<FactoryIndex>();
    index->reserve(factories.size());
    for (size_t i = 0; i < factories.size(); ++i)
        index->emplace(factories[i].id, static_cast<std::uint32_t>(i));
    return index;
}

Result<ProjectFacts> loadProjectFacts(const Project& project, const FactsRequest& request) {
    const ProjectRepository& repo = project.repository();
    auto active = repo.activeCriteria();
    if (!active)
        return active.error();
    std::shared_ptr<const CriteriaSet> set = request.criteria;
    if (!set && *active) {
        auto stored = storedCriteriaSet(repo, **active);
        if (!stored)
            return stored.error();
        set = std::move(stored).value();
    }
    std::optional<CompiledCriteria> compiled;
    if (set)
        compiled = compileCriteria(*set);
    const bool stored = set && *active && **active == CriteriaRef{set->id, set->version};
    const bool latest = stored && request.history == ScoreHistory::Latest;
    auto readScores = [&](const ProjectRepository& from) {
        return latest ? from.latestScores(*compiled, 2) : from.scoreTimeline(*compiled);
    };
    // The stored scores on a second connection meanwhile, if the caller can open one. Each
    // read has its own snapshot either way; a write between them is followed by a reload.
    // On any return below, the future (std::async's) waits for the thread as it is destroyed,
    // before what the thread uses above it.
    std::future<Result<ScoreTimeline>> scoresAside;
    if (stored && request.reopen)
        scoresAside = std::async(std::launch::async, [&]() -> Result<ScoreTimeline> {
            auto other = request.reopen();
            if (!other)
                return other.error();
            return readScores(other->repository());
        });
    ProjectFacts facts;
    auto zones = repo.zones();
    if (!zones)
        return zones.error();
    facts.zones = std::move(zones).value();
    auto factories = repo.factories();
    if (!factories)
        return factories.error();
    facts.factories = std::move(factories).value();
    facts.index = makeFactoryIndex(facts.factories);
    auto inspections = repo.inspections();
    if (!inspections)
        return inspections.error();
    groupInspections(facts, std::move(inspections).value());

    if (!set) {
        prepareFacts(facts);
        return facts;  // no criteria set yet: nothing is scored
    }
    facts.criteria = set;
    if (stored) {
        auto timeline = scoresAside.valid() ? scoresAside.get() : readScores(repo);
        if (!timeline)
            return timeline.error();
        facts.scores = std::move(timeline).value();
        if (latest)
            facts.history = ScoreHistory::Latest;
    } else {
        auto timeline = scoreTimelineInMemory(repo, *compiled, request.progress, request.cancel);
        if (!timeline)
            return timeline.error();
        facts.scores = std::move(timeline).value();
        facts.scoredInMemory = true;
    }
    prepareFacts(facts);
    return facts;
}

Result<ProjectFacts> withFullHistory(const Project& project, const ProjectFacts& facts) {
    if (facts.history == ScoreHistory::Full || !facts.criteria)
        return facts;
    const CriteriaRef ref{facts.criteria->id, facts.criteria->version};
    auto active = project.repository().activeCriteria();
    if (!active)
        return active.error();
    if (!*active || !(**active == ref))  // changed meanwhile: all is read, under their set
        return loadProjectFacts(project,
                                FactsRequest{facts.criteria, {}, nullptr, ScoreHistory::Full});
    // The sites are copied on a second thread while the scores are read (65-100 ms beside
    // 600 ms on 100,000 facilities); the connection stays on this one. The future joins on
    // every return.
    auto copied = std::async(std::launch::async, [&facts] {
        ProjectFacts out;
        out.zones = facts.zones;
        out.factories = facts.factories;
        out.index = facts.index;
        out.criteria = facts.criteria;
        out.inspections = facts.inspections;
        out.inspectionBegin = facts.inspectionBegin;
        out.idRank = facts.idRank;
        return out;
    });
    auto timeline = project.repository().scoreTimeline(compileCriteria(*facts.criteria));
    if (!timeline)
        return timeline.error();
    ProjectFacts out = copied.get();
    out.scores = std::move(timeline).value();
    if (out.idRank.size() != out.factories.size()) {
        prepareFacts(out);
        return out;
    }
    std::vector<uint32_t> byId(out.factories.size());
    for (uint32_t i = 0; i < byId.size(); ++i)
        byId[out.idRank[i]] = i;
    mapScoreSites(out, byId);
    return out;
}

bool coversAsOf(const ProjectFacts& facts, Date asOf) {
    if (facts.history == ScoreHistory::Full)
        return true;
    const auto newest = facts.scores.newest();
    return !newest || asOf >= *newest;
}

void factsOfSiteAsOf(const ProjectFacts& facts, size_t i, Date asOf, SiteFacts& f) {
    const Factory& factory = facts.factories[i];
    f.siteId = factory.id;
    f.workers = factory.workforce.total;
    f.accountIssued.reset();
    if (factory.accountIssued && *factory.accountIssued <= asOf)
        f.accountIssued = factory.accountIssued;
    f.latest.reset();
    f.previous.reset();
    f.lastInspection.reset();
    if (facts.criteria) {
        std::span<const TimelineEntry> scores;
        if (i < facts.scoreSite.size()) {
            if (const uint32_t t = facts.scoreSite[i]; t != ProjectFacts::kNoScores)
                scores = std::span<const TimelineEntry>(facts.scores.entries)
                             .subspan(facts.scores.siteBegin[t],
                                      facts.scores.siteBegin[t + 1] - facts.scores.siteBegin[t]);
        } else {
            scores = facts.scores.of(factory.id);
        }
        // Entries are oldest first: the newest on or before asOf is the last not after it.
        const int32_t last = dayNumber(asOf);
        auto end =
            std::upper_bound(scores.begin(), scores.end(), last,
                             [](int32_t day, const TimelineEntry& e) { return day < e.day; });
        const auto n = end - scores.begin();
        if (n >= 1)
            f.latest = toScoredAssessment(*(end - 1));
        if (n >= 2)
            f.previous = toScoredAssessment(*(end - 2));
    }
    if (i + 1 < facts.inspectionBegin.size()) {
        for (uint32_t k = facts.inspectionBegin[i + 1]; k > facts.inspectionBegin[i]; --k) {
            const Inspection& ins = facts.inspections[k - 1];
            if (ins.date <= asOf) {
                f.lastInspection = toFact(ins);
                break;
            }
        }
    }
}

std::vector<SiteFacts> factsAsOf(const ProjectFacts& facts, Date asOf) {
    assert(coversAsOf(facts, asOf));
    std::vector<SiteFacts> out(facts.factories.size());
    for (size_t i = 0; i < facts.factories.size(); ++i)
        factsOfSiteAsOf(facts, i, asOf, out[i]);
    return out;
}

Date defaultAsOf(const ProjectFacts& facts) {
    // Inspections count as data too: one recorded in the field after the newest assessment
    // must show in the lists and the record as soon as it is merged.
    std::optional<Date> newest = facts.scores.newest();
    for (const auto& i : facts.inspections)
        if (!newest || i.date > *newest)
            newest = i.date;
    if (newest)
        return *newest;
    std::optional<Date> account;
    for (const auto& f : facts.factories)
        if (f.accountIssued && (!account || *f.accountIssued > *account))
            account = f.accountIssued;
    return account.value_or(
        Date{std::chrono::year(1970), std::chrono::month(1), std::chrono::day(1)});
}

std::vector<Date> dataDates(const ProjectFacts& facts) {
    assert(facts.history == ScoreHistory::Full);
    std::vector<int32_t> days;
    days.reserve(facts.scores.entries.size() + facts.inspections.size());
    for (const auto& e : facts.scores.entries)
        days.push_back(e.day);
    for (const auto& i : facts.inspections)
        days.push_back(dayNumber(i.date));
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    std::vector<Date> out;
    out.reserve(days.size());
    for (int32_t d : days)
        out.push_back(fromDayNumber(d));
    return out;
}

Result<std::vector<Date>> loadDataDates(const Project& project, const ProjectFacts& facts) {
    if (facts.history == ScoreHistory::Full)
        return dataDates(facts);
    auto dates = project.repository().assessmentDates();
    if (!dates)
        return dates.error();
    std::vector<Date> out = std::move(dates).value();
    for (const auto& i : facts.inspections)
        out.push_back(i.date);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace safemap
