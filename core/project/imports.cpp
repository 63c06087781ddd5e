#include "core/project/imports.h"

#include <thread>

#include "core/assessments/assessment_table.h"
#include "core/assessments/inspection_table.h"
#include "core/errors/error_catalogue.h"
#include "core/project/criteria_use.h"
#include "core/project/import_slices.h"
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
        // The row count is known at the end (finishImport): the file may arrive in pieces.
        auto importId = repo.beginImport("assessments", table.fileName, 0);
        if (!importId)
            return importId.error();

        // Streamed: slices of rows are read and checked on a thread of their own
        // (readScoredSlices), which also scores and encodes them while this thread is busy,
        // and this one stores the slice before; the file itself arrives in pieces
        // (CsvChunks), so memory does not grow with the file. Three slices circulate between
        // the threads and are filled again. A bad row fails the whole import: the transaction
        // is rolled back when `tx` goes out of scope uncommitted, so nothing of it is kept.
        constexpr size_t kBatch = 4096;
        SliceHandover empty, full;
        for (int i = 0; i < 3; ++i)
            (void)empty.put(std::make_unique<ScoredSlice>());
        const long long sourceTotal = source.total();
        // The answers put into the store's form on the reading thread too, where the store
        // can (a GeoPackage): the writing thread then only stores them.
        const std::unique_ptr<AnswerEncoder> encoder = repo.answerEncoder(*importId);
        // Declared after everything the reading thread uses, so that on every return it is
        // told to stop and waited for before they go.
        struct Join {
            SliceHandover& empty;
            SliceHandover& full;
            std::thread thread;
            ~Join() {
                empty.close();
                full.close();
                thread.join();
            }
        } reading{
            empty, full,
            std::thread(readScoredSlices, std::ref(source), std::ref(*reader), std::cref(compiled),
                        encoder.get(), kBatch, std::ref(empty), std::ref(full), request.cancel)};
        std::vector<int64_t> ids;
        const auto cancelled = [&] {
            return request.cancel && request.cancel->load(std::memory_order_relaxed);
        };
        while (auto taken = full.take()) {
            ScoredSlice& slice = **taken;
            if (cancelled())
                return codedError("import.cancelled", {}, table.fileName);
            if (!slice.status)
                return slice.status.error();
            out.warnings.insert(out.warnings.end(),
                                std::make_move_iterator(slice.parsed.warnings.begin()),
                                std::make_move_iterator(slice.parsed.warnings.end()));
            out.rows += static_cast<int>(slice.parsed.assessments.size());
            if (auto st = repo.appendEncodedAssessments(slice.parsed.assessments, slice.parsed.rows,
                                                        *importId, slice.encoded, ids);
                !st)
                return atFile(st.error(), table.fileName);
            scoresOfStored(slice, ids, compiled);
            out.inserted += static_cast<int>(slice.scored.rows.size());
            out.alreadyPresent +=
                static_cast<int>(slice.parsed.assessments.size() - slice.scored.rows.size());
            if (auto st = repo.writeScores(compiled, slice.scored.rows, slice.scored.points); !st)
                return st.error();
            if (request.progress)
                request.progress(slice.progress, sourceTotal);
            (void)empty.put(std::move(*taken));
        }
        // The reader also stops, without a word, when it sees the cancel.
        if (cancelled())
            return codedError("import.cancelled", {}, table.fileName);
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
