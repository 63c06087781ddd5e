#include "core/project/imports.h"

#include "core/assessments/assessment_table.h"
#include "core/assessments/inspection_table.h"
#include "core/errors/error_catalogue.h"
#include "core/project/project.h"
#include "core/project/scoring_run.h"

namespace safemap {

namespace {
ImportSummary counts(int rows, int inserted, int unchanged) {
    ImportSummary s;
    s.rows = rows;
    s.inserted = inserted;
    s.unchanged = unchanged;
    return s;
}
}  // namespace

Result<ImportSummary> importSites(Project& project, const SiteBatch& batch,
                                  const std::string& sourceName) {
    ProjectRepository& repo = project.repository();
    auto tx = repo.beginWrite();
    if (!tx)
        return tx.error();
    auto summary = repo.upsertSites(batch, sourceName);
    if (!summary)
        return summary.error();
    if (auto st = (*tx)->commit(); !st)
        return st.error();
    return summary;
}

Result<AssessmentImportOutcome> importAssessments(Project& project, const Table& table,
                                                  const AssessmentImportRequest& request) {
    ProjectRepository& repo = project.repository();
    auto tx = repo.beginWrite();
    if (!tx)
        return tx.error();
    // Which set scores: decided inside the transaction, so another program cannot change
    // the active set between the choice and the writes.
    auto active = repo.activeCriteria();
    if (!active)
        return active.error();
    std::shared_ptr<const CriteriaSet> set = request.criteria;
    if (!set && *active) {
        auto stored = repo.criteriaSet(**active);
        if (!stored)
            return stored.error();
        if (!*stored)
            return codedError("criteria.active_missing", {(*active)->key()}, project.location());
        set = std::make_shared<const CriteriaSet>(std::move(**stored));
    }
    if (!set)
        set = request.fallback;
    if (!set)
        return codedError("criteria.none", {}, project.location());
    AssessmentImportOutcome out;
    out.scoredWith = CriteriaRef{set->id, set->version};
    const CompiledCriteria compiled = compileCriteria(*set);
    out.criteriaChanged = !*active || !(**active == out.scoredWith);
    if (out.criteriaChanged || request.criteria) {
        if (auto st = repo.storeCriteriaSet(*set); !st)
            return st.error();
    }
    if (out.criteriaChanged) {
        if (auto st = rescoreAll(repo, compiled, {}, request.cancel); !st)
            return st.error();
        if (auto st = repo.setActiveCriteria(out.scoredWith); !st)
            return st.error();
    }

    auto factories = repo.factories();
    if (!factories)
        return factories.error();
    auto parsed = parseAssessmentTable(table, *set, SiteLookup::from(*factories));
    if (!parsed)
        return parsed.error();
    out.rows = static_cast<int>(parsed->assessments.size());
    out.warnings = std::move(parsed->warnings);
    auto importId = repo.beginImport("assessments", table.fileName, out.rows);
    if (!importId)
        return importId.error();

    constexpr size_t kBatch = 4096;
    const std::span<const Assessment> all(parsed->assessments);
    const std::span<const long> rows(parsed->rows);
    std::vector<int64_t> ids;
    ScoredBatch scored;
    for (size_t first = 0; first < all.size(); first += kBatch) {
        if (request.cancel && request.cancel->load(std::memory_order_relaxed))
            return codedError("import.cancelled", {}, table.fileName);
        const size_t n = std::min(kBatch, all.size() - first);
        if (auto st = repo.appendAssessments(all.subspan(first, n),
                                             rows.subspan(first, std::min(n, rows.size() - first)),
                                             *importId, ids);
            !st)
            return atFile(st.error(), table.fileName);
        scored.rows.clear();
        scored.points.clear();
        for (size_t i = 0; i < n; ++i) {
            if (ids[i] == 0) {
                ++out.alreadyPresent;
                continue;
            }
            ++out.inserted;
            appendScore(compiled, all[first + i], ids[i], scored);
        }
        if (auto st = repo.writeScores(compiled, scored.rows, scored.points); !st)
            return st.error();
        if (request.progress)
            request.progress(static_cast<long long>(first + n), static_cast<long long>(all.size()));
    }
    if (auto st = repo.finishImport(*importId, counts(out.rows, out.inserted, out.alreadyPresent));
        !st)
        return st.error();
    if (auto st = (*tx)->commit(); !st)
        return st.error();
    return out;
}

Result<InspectionImportOutcome> importInspections(Project& project, const Table& table) {
    ProjectRepository& repo = project.repository();
    auto tx = repo.beginWrite();
    if (!tx)
        return tx.error();
    auto factories = repo.factories();
    if (!factories)
        return factories.error();
    auto parsed = parseInspectionTable(table, SiteLookup::from(*factories));
    if (!parsed)
        return parsed.error();
    InspectionImportOutcome out;
    out.rows = static_cast<int>(parsed->size());
    auto importId = repo.beginImport("inspections", table.fileName, out.rows);
    if (!importId)
        return importId.error();
    auto added = repo.addInspections(*parsed);
    if (!added)
        return atFile(added.error(), table.fileName);
    out.inserted = *added;
    out.alreadyPresent = out.rows - out.inserted;
    if (auto st = repo.finishImport(*importId, counts(out.rows, out.inserted, out.alreadyPresent));
        !st)
        return st.error();
    if (auto st = (*tx)->commit(); !st)
        return st.error();
    return out;
}

}  // namespace safemap
