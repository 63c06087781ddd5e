#include "core/project/imports.h"

#include "core/assessments/assessment_table.h"
#include "core/assessments/inspection_table.h"
#include "core/errors/error_catalogue.h"
#include "core/project/criteria_use.h"
#include "core/project/project.h"
#include "core/project/scoring_run.h"
#include "core/tabular/row_roles.h"

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
    WholeTable source(table);
    return importAssessments(project, source, request);
}

Result<AssessmentImportOutcome> importAssessments(Project& project, TableSource& source,
                                                  const AssessmentImportRequest& request) {
    const Table& table = source.head();
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
        auto stored = storedCriteriaSet(repo, **active);
        if (!stored)
            return stored.error();
        set = std::move(stored).value();
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

    // Scoped: the import's working memory (facilities, lookups, the last piece) is freed
    // before the commit renews the newest scores, which then reuses it instead of adding
    // to the peak.
    {
        auto factories = repo.factoryKeys();
        if (!factories)
            return factories.error();
        // `factories` stays allocated until the rows are stored: freeing its 100,000 records here
        // left a fragmented heap that the parsed answers were then allocated from, scattered, and
        // the import took 20 % more CPU.
        const SiteLookup sites = SiteLookup::from(*factories);
        auto reader = AssessmentRowReader::open(table, *set, sites);
        if (!reader)
            return reader.error();
        out.warnings = reader->headerWarnings();
        long long pieceSpan = source.done();  // how much of the source the current piece is
        // The row count is known at the end (finishImport): the file may arrive in pieces.
        auto importId = repo.beginImport("assessments", table.fileName, 0);
        if (!importId)
            return importId.error();

        // Streamed: each slice of rows is parsed, stored and scored before the next is read, and
        // the file itself arrives in pieces (CsvChunks), so memory does not grow with the file. A
        // bad row fails the whole import: the transaction is rolled back when `tx` goes out of
        // scope uncommitted, so nothing of it is kept.
        constexpr size_t kBatch = 4096;
        ParsedAssessments slice;
        std::vector<int64_t> ids;
        ScoredBatch scored;
        auto importRows = [&](const Table& piece, const std::vector<RowRole>* roles) -> Status {
            const size_t total = piece.rows.size();
            for (size_t first = 0; first < total; first += kBatch) {
                if (request.cancel && request.cancel->load(std::memory_order_relaxed))
                    return codedError("import.cancelled", {}, table.fileName);
                slice.startNextSlice();
                if (auto st = roles ? reader->read(piece, *roles, first, kBatch, slice)
                                    : reader->read(first, kBatch, slice);
                    !st)
                    return st.error();
                out.warnings.insert(out.warnings.end(),
                                    std::make_move_iterator(slice.warnings.begin()),
                                    std::make_move_iterator(slice.warnings.end()));
                out.rows += static_cast<int>(slice.assessments.size());
                if (auto st = repo.appendAssessments(slice.assessments, slice.rows, *importId, ids);
                    !st)
                    return atFile(st.error(), table.fileName);
                scored.rows.clear();
                scored.points.clear();
                for (size_t i = 0; i < slice.assessments.size(); ++i) {
                    if (ids[i] == 0) {
                        ++out.alreadyPresent;
                        continue;
                    }
                    ++out.inserted;
                    appendScore(compiled, slice.assessments[i], ids[i], scored);
                }
                if (auto st = repo.writeScores(compiled, scored.rows, scored.points); !st)
                    return st.error();
                if (request.progress) {
                    // Rows of this piece done, as a share of the piece's part of the source.
                    const long long before = source.done() - pieceSpan;
                    const long long within =
                        pieceSpan * static_cast<long long>(std::min(total, first + kBatch)) /
                        static_cast<long long>(std::max<size_t>(total, 1));
                    request.progress(before + within, source.total());
                }
            }
            return {};
        };
        if (auto st = importRows(table, nullptr); !st)
            return st.error();
        Table piece;
        for (;;) {
            const long long doneBefore = source.done();
            auto more = source.next(piece);
            if (!more)
                return more.error();
            if (!*more)
                break;
            pieceSpan = source.done() - doneBefore;
            const std::vector<RowRole> roles = reader->rolesOf(piece);
            if (auto st = importRows(piece, &roles); !st)
                return st.error();
        }
        if (auto st =
                repo.finishImport(*importId, counts(out.rows, out.inserted, out.alreadyPresent));
            !st)
            return st.error();
    }
    if (auto st = (*tx)->commit(); !st)
        return st.error();
    return out;
}

Result<InspectionImportOutcome> importInspections(Project& project, const Table& table) {
    ProjectRepository& repo = project.repository();
    auto tx = repo.beginWrite();
    if (!tx)
        return tx.error();
    auto factories = repo.factoryKeys();
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
