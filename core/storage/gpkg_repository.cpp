#include "core/storage/gpkg_repository.h"

#include <sqlite3.h>
#include "core/errors/error_catalogue.h"

#include <filesystem>

#include "core/scoring/compiled_criteria.h"
#include "core/storage/assessment_store.h"
#include "core/storage/criteria_store.h"
#include "core/storage/inspection_record_store.h"
#include "core/storage/inspection_store.h"
#include "core/storage/newest_score_store.h"
#include "core/storage/package_store.h"
#include "core/storage/schema.h"
#include "core/storage/score_store.h"
#include "core/storage/site_store.h"

namespace safemap {

/// The transaction handed out by beginWrite(): rolls back unless committed.
class GpkgRepository::Write final : public WriteTransaction {
public:
    explicit Write(GpkgRepository& repo) : repo_(repo), tx_(repo.db_) {
        if (tx_.began())
            repo_.writing_ = true;
    }
    ~Write() override {
        repo_.writing_ = false;
        repo_.replacing_.reset();
    }
    bool began() const { return tx_.began(); }
    const Error& beginError() const { return tx_.beginError(); }
    Status commit() override {
        if (repo_.replacing_) {
            auto st = finishReplacingBlocks(repo_.db_, *repo_.replacing_);
            repo_.replacing_.reset();
            if (!st)
                return st;
        }
        // In the same transaction: the newest scores never disagree with what they summarise.
        if (auto st = refreshNewestScores(repo_.db_); !st)
            return st;
        auto st = tx_.commit();
        repo_.writing_ = false;
        return st;
    }

private:
    GpkgRepository& repo_;
    Transaction tx_;
};

namespace {

// A writer killed between creating its rollback journal and writing the journal's header
// leaves a file SQLite does not treat as hot: it is never rolled back (nothing needs to be)
// and never removed, and users copying the project see it beside the file. Once this
// connection holds the write lock no other writer exists, so such a file belongs to nobody.
void removeStaleJournal(Database& db) {
    const std::string journal = db.path() + "-journal";
    std::error_code ec;
    if (!std::filesystem::exists(journal, ec))
        return;
    db.setBusyTimeout(0);  // never wait for this: another writer means the file is not stale
    {
        Transaction tx(db);
        if (tx.began()) {
            std::filesystem::remove(journal, ec);
            (void)tx.commit();
        }
    }
    db.setBusyTimeout(Database::kBusyTimeoutMs);
}

}  // namespace

GpkgRepository::GpkgRepository(Database db, std::string path, bool readOnly, int schemaVersion)
    : db_(std::move(db)),
      path_(std::move(path)),
      readOnly_(readOnly),
      schemaVersion_(schemaVersion) {}

Result<std::unique_ptr<GpkgRepository>> GpkgRepository::create(const std::string& path,
                                                               bool temporary) {
    std::error_code ec;
    if (std::filesystem::exists(path, ec))
        return codedError("project.exists", {}, path);
    auto db = Database::open(path, temporary ? OpenMode::CreateTemporary : OpenMode::Create);
    if (!db)
        return db.error();
    if (auto st = migrate(*db); !st) {
        db = Error{};  // close before removing
        std::filesystem::remove(path, ec);
        return st.error();
    }
    return std::unique_ptr<GpkgRepository>(
        new GpkgRepository(std::move(db).value(), path, false, latestSchemaVersion()));
}

Result<std::unique_ptr<GpkgRepository>> GpkgRepository::open(const std::string& path, bool readOnly,
                                                             std::vector<std::string>* notes) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return codedError("file.not_found", {}, path);
    auto db = Database::open(path, readOnly ? OpenMode::ReadOnly : OpenMode::ReadWrite);
    if (!db)
        return db.error();
    {
        // Scoped: an open statement would keep the tables locked against the migrations.
        auto hasContents = db->prepare("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_contents'");
        if (!hasContents)
            return hasContents.error();
        if (!hasContents->step())
            return hasContents->error().empty() ? codedError("project.not_a_geopackage", {}, path)
                                                : hasContents->failure(path);
    }
    auto version = safemap::schemaVersion(*db);
    if (!version)
        return version.error();
    if (*version == 0)
        return codedError("project.not_safemap", {}, path);
    if (*version > latestSchemaVersion())
        return codedError("project.too_new",
                          {std::to_string(*version), std::to_string(latestSchemaVersion())}, path);
    if (*version < latestSchemaVersion()) {
        if (readOnly) {
            // Read-only means the file is never touched: upgrade a private copy instead.
            auto copy = Database::memoryCopyOf(*db);
            if (!copy)
                return copy.error();
            if (auto st = migrate(*copy); !st)
                return st.error();
            db = std::move(copy);
            if (notes)
                notes->push_back("the project is from an older SafeMap (schema " +
                                 std::to_string(*version) +
                                 "); it was read through an upgraded copy in memory and the file "
                                 "was not changed");
        } else if (auto st = migrate(*db); !st) {
            return st.error();
        }
    }
    if (!readOnly)
        removeStaleJournal(*db);
    return std::unique_ptr<GpkgRepository>(
        new GpkgRepository(std::move(db).value(), path, readOnly, latestSchemaVersion()));
}

Result<std::unique_ptr<WriteTransaction>> GpkgRepository::beginWrite() {
    if (readOnly_)
        return codedError("project.opened_read_only", {}, path_);
    if (writing_)
        return codedError("internal.nested_write", {}, path_);
    auto write = std::make_unique<Write>(*this);
    if (!write->began()) {
        Error e = write->beginError();
        e.file = path_;
        return e;
    }
    return std::unique_ptr<WriteTransaction>(std::move(write));
}

void GpkgRepository::setBusyTimeout(int milliseconds) {
    db_.setBusyTimeout(milliseconds);
}

Status GpkgRepository::requireWrite() const {
    if (!writing_)
        return codedError("internal.write_outside_transaction", {}, path_);
    return {};
}

Result<std::map<std::string, std::string>> GpkgRepository::settings() const {
    std::map<std::string, std::string> out;
    auto st = db_.prepare("SELECT key, value FROM safemap_meta WHERE value IS NOT NULL");
    if (!st)
        return st.error();
    while (st->step())
        out[st->text(0)] = st->text(1);
    if (!st->error().empty())
        return st->failure(path_);
    return out;
}

Status GpkgRepository::setSetting(const std::string& key, const std::string& value) {
    if (auto st = requireWrite(); !st)
        return st;
    if (key == "schema_version")
        return codedError("internal.schema_version_setting", {}, path_);
    auto st = db_.prepare("INSERT OR REPLACE INTO safemap_meta (key, value) VALUES (?, ?)");
    if (!st)
        return st.error();
    st->bind(1, key).bind(2, value);
    return st->run();
}

Status GpkgRepository::removeSetting(const std::string& key) {
    if (auto st = requireWrite(); !st)
        return st;
    if (key == "schema_version" || key == "project.id" || key == "criteria.active")
        return codedError("internal.not_a_setting", {key}, path_);
    auto st = db_.prepare("DELETE FROM safemap_meta WHERE key = ?");
    if (!st)
        return st.error();
    st->bind(1, key);
    return st->run();
}

Result<std::vector<Zone>> GpkgRepository::zones() const {
    return loadZones(db_);
}

Result<std::vector<Factory>> GpkgRepository::factories() const {
    return loadFactories(db_);
}

Result<std::vector<Factory>> GpkgRepository::factoryPositions() const {
    return loadFactoryPositions(db_);
}

Result<std::vector<Factory>> GpkgRepository::factoryKeys() const {
    return loadFactoryKeys(db_);
}

Result<std::vector<std::string>> GpkgRepository::factoryIds() const {
    return loadFactoryIds(db_);
}

Result<ImportSummary> GpkgRepository::upsertSites(const SiteBatch& batch,
                                                  const std::string& sourceName) {
    if (auto st = requireWrite(); !st)
        return st.error();
    return safemap::upsertSites(db_, batch, sourceName);
}

Result<RowVersion> GpkgRepository::facilityVersion(const std::string& siteId) const {
    return loadFacilityVersion(db_, siteId);
}

Result<std::vector<StoredCriteriaSet>> GpkgRepository::criteriaSets() const {
    return loadCriteriaSets(db_);
}

Result<std::optional<CriteriaSet>> GpkgRepository::criteriaSet(const CriteriaRef& ref) const {
    return loadCriteriaSet(db_, ref);
}

Status GpkgRepository::storeCriteriaSet(const CriteriaSet& set) {
    if (auto st = requireWrite(); !st)
        return st;
    return safemap::storeCriteriaSet(db_, set);
}

Result<std::optional<CriteriaRef>> GpkgRepository::activeCriteria() const {
    return loadActiveCriteria(db_);
}

Status GpkgRepository::setActiveCriteria(const CriteriaRef& ref) {
    if (auto st = requireWrite(); !st)
        return st;
    return storeActiveCriteria(db_, ref);
}

Result<int64_t> GpkgRepository::beginImport(const std::string& kind, const std::string& sourceName,
                                            long rows) {
    if (auto st = requireWrite(); !st)
        return st.error();
    auto log = db_.prepare(
        "INSERT INTO import_log (imported_at, kind, source_file, rows) VALUES (?, ?, ?, ?)");
    if (!log)
        return log.error();
    log->bind(1, db_.nowUtc()).bind(2, kind).bind(3, sourceName).bind(4, int64_t{rows});
    if (auto st = log->run(); !st)
        return st.error();
    const int64_t importId = db_.lastInsertId();
    auto any = db_.prepare("SELECT EXISTS (SELECT 1 FROM assessments)");
    if (!any)
        return any.error();
    if (!any->step())
        return any->failure(db_.path());
    newestDays_ = std::make_unique<NewestDays>(importId, any->integer(0) == 0);
    sharedTerms_ = std::make_shared<SharedTerms>();
    return importId;
}

Status GpkgRepository::finishImport(int64_t importId, const ImportSummary& s) {
    if (auto st = requireWrite(); !st)
        return st;
    auto finish = db_.prepare(
        "UPDATE import_log SET rows = ?, inserted = ?, updated = ?, unchanged = ? "
        "WHERE fid = ?");
    if (!finish)
        return finish.error();
    // rows too: a streamed import only knows at the end how many rows were assessments.
    finish->bind(1, s.rows).bind(2, s.inserted).bind(3, s.updated).bind(4, s.unchanged);
    finish->bind(5, importId);
    newestDays_.reset();
    sharedTerms_.reset();
    return finish->run();
}

Status GpkgRepository::appendAssessments(std::span<const Assessment> assessments,
                                         std::span<const long> sourceRows, int64_t importId,
                                         std::vector<int64_t>& ids) {
    return appendEncodedAssessments(assessments, sourceRows, importId, EncodedAnswers{}, ids);
}

std::unique_ptr<AnswerEncoder> GpkgRepository::answerEncoder(int64_t importId) {
    if (!newestDays_ || newestDays_->importId() != importId || !sharedTerms_)
        return nullptr;
    return std::make_unique<GpkgAnswerEncoder>(sharedTerms_);
}

Status GpkgRepository::appendEncodedAssessments(std::span<const Assessment> assessments,
                                                std::span<const long> sourceRows, int64_t importId,
                                                const EncodedAnswers& encoded,
                                                std::vector<int64_t>& ids) {
    if (auto st = requireWrite(); !st)
        return st;
    // Only for the import begun last: another caller's rows are looked for one by one.
    const bool ours = newestDays_ && newestDays_->importId() == importId;
    return safemap::appendAssessments(db_, assessments, sourceRows, importId, ids,
                                      ours ? newestDays_.get() : nullptr, &encoded,
                                      ours ? sharedTerms_.get() : nullptr);
}

Status GpkgRepository::forEachAnswerRow(const CompiledCriteria& criteria, const AssessmentIds& ids,
                                        const AnswerRowVisit& visit) const {
    return safemap::forEachAnswerRow(db_, criteria, ids, visit);
}

Result<AssessmentIds> GpkgRepository::assessmentIdSpan() const {
    auto q = db_.prepare("SELECT ifnull(min(fid), 1) - 1, ifnull(max(fid), 0) FROM assessments");
    if (!q)
        return q.error();
    if (!q->step())
        return q->failure(db_.path());
    return AssessmentIds{q->integer(0), q->integer(1)};
}

Status GpkgRepository::forEachAssessment(
    const std::function<Status(std::span<const StoredAssessment>)>& visit) const {
    return safemap::forEachAssessment(db_, visit);
}

Result<long long> GpkgRepository::assessmentCount() const {
    auto st = db_.prepare("SELECT count(*) FROM assessments");
    if (!st)
        return st.error();
    if (!st->step())
        return st->failure(path_);
    return static_cast<long long>(st->integer(0));
}

Result<std::vector<Date>> GpkgRepository::assessmentDates() const {
    return safemap::assessmentDates(db_);
}

Result<std::vector<AssessmentRecord>> GpkgRepository::assessmentsOf(
    const std::string& siteId) const {
    return safemap::assessmentsOf(db_, siteId);
}

Status GpkgRepository::clearScores(const CompiledCriteria& criteria) {
    if (auto st = requireWrite(); !st)
        return st;
    return safemap::clearScores(db_, {criteria.set.id, criteria.set.version});
}

Status GpkgRepository::beginReplacingScores(const CompiledCriteria& criteria) {
    if (auto st = requireWrite(); !st)
        return st;
    if (replacing_)
        if (auto st = finishReplacingBlocks(db_, *replacing_); !st)
            return st;
    auto started = startReplacingBlocks(db_, {criteria.set.id, criteria.set.version});
    if (!started)
        return started.error();
    replacing_ = std::move(started).value();
    return {};
}

Status GpkgRepository::endReplacingScores(const CompiledCriteria& criteria) {
    if (auto st = requireWrite(); !st)
        return st;
    if (!replacing_ || !(replacing_->set == CriteriaRef{criteria.set.id, criteria.set.version}))
        return {};
    auto st = finishReplacingBlocks(db_, *replacing_);
    replacing_.reset();
    return st;
}

Status GpkgRepository::writeScores(const CompiledCriteria& criteria, std::span<const ScoreRow> rows,
                                   std::span<const double> points) {
    if (auto st = requireWrite(); !st)
        return st;
    // Encoded here and stored as a block from another thread would be, so that a re-score
    // in progress (replacing_) sees every block alike.
    auto encoded = safemap::encodeScores(criteria.set, rows, points);
    if (!encoded)
        return encoded.error();
    return writeEncodedScores(criteria, *encoded);
}

Result<EncodedScores> GpkgRepository::encodeScores(const CompiledCriteria& criteria,
                                                   std::span<const ScoreRow> rows,
                                                   std::span<const double> points) const {
    return safemap::encodeScores(criteria.set, rows, points);
}

Status GpkgRepository::writeEncodedScores(const CompiledCriteria& criteria,
                                          const EncodedScores& scores) {
    if (auto st = requireWrite(); !st)
        return st;
    if (replacing_ && replacing_->set == CriteriaRef{criteria.set.id, criteria.set.version})
        return replaceWithBlock(db_, *replacing_, criteria.set, scores);
    return safemap::writeEncodedScores(db_, criteria.set, scores);
}

Result<ScoreTimeline> GpkgRepository::scoreTimeline(const CompiledCriteria& criteria) const {
    return loadScoreTimeline(db_, criteria.set);
}

Result<ScoreTimeline> GpkgRepository::latestScores(const CompiledCriteria& criteria,
                                                   size_t perSite) const {
    auto kept = readNewestScores(db_, criteria.set, perSite);
    if (!kept)
        return kept.error();
    if (*kept)
        return std::move(**kept);
    return loadLatestScores(db_, criteria.set, perSite);
}

Result<int> GpkgRepository::addInspections(std::span<const Inspection> inspections) {
    if (auto st = requireWrite(); !st)
        return st.error();
    return safemap::addInspections(db_, inspections);
}

Result<std::vector<Inspection>> GpkgRepository::inspections(const std::string& siteId) const {
    return loadInspections(db_, siteId);
}

Result<std::vector<InspectionRecord>> GpkgRepository::inspectionRecords(
    const std::string& siteId) const {
    return loadInspectionRecords(db_, siteId);
}

Result<std::vector<std::uint8_t>> GpkgRepository::photoData(const std::string& photoId) const {
    return loadPhotoData(db_, photoId);
}

Status GpkgRepository::putInspectionRecord(const InspectionRecord& record,
                                           std::span<const Photo> photos,
                                           const std::string& source) {
    if (auto st = requireWrite(); !st)
        return st;
    return safemap::putInspectionRecord(db_, record, photos, source);
}

Status GpkgRepository::deleteInspectionRecord(const std::string& recordId) {
    if (auto st = requireWrite(); !st)
        return st;
    return safemap::deleteInspectionRecord(db_, recordId);
}

Result<std::vector<PackageSite>> GpkgRepository::packageSites() const {
    return loadPackageSites(db_);
}

Status GpkgRepository::setPackagePlan(const PackagePlan& plan) {
    if (auto st = requireWrite(); !st)
        return st;
    return storePackagePlan(db_, plan);
}

Status GpkgRepository::appendMergeLog(std::span<const MergeLogEntry> entries) {
    if (auto st = requireWrite(); !st)
        return st;
    return safemap::appendMergeLog(db_, entries);
}

Result<std::vector<MergeLogEntry>> GpkgRepository::mergeLog(const std::string& packageId) const {
    return loadMergeLog(db_, packageId);
}

Status GpkgRepository::checkIntegrity() const {
    return safemap::checkIntegrity(db_);
}

Result<std::vector<TableSummary>> GpkgRepository::tables() const {
    std::vector<TableSummary> out;
    auto layers = db_.prepare(
        "SELECT table_name, data_type, min_x, min_y, max_x, max_y FROM gpkg_contents "
        "ORDER BY data_type DESC, table_name");
    if (!layers)
        return layers.error();
    while (layers->step()) {
        TableSummary t;
        t.name = layers->text(0);
        t.kind = layers->text(1);
        if (!layers->isNull(2))
            t.extent = BBox{layers->real(2), layers->real(3), layers->real(4), layers->real(5)};
        out.push_back(std::move(t));
    }
    if (!layers->error().empty())
        return layers->failure(path_);
    for (auto& t : out) {
        // Table names come from gpkg_contents, which a user can edit: quote them.
        auto count = db_.prepare("SELECT count(*) FROM " + quotedIdentifier(t.name));
        if (!count)
            return codedError("project.table_unreadable", {t.name, count.error().message}, path_);
        if (count->step())
            t.rows = count->integer(0);
    }
    return out;
}

Result<std::vector<ImportLogEntry>> GpkgRepository::importLog(int newest) const {
    std::vector<ImportLogEntry> out;
    auto st = db_.prepare(
        "SELECT imported_at, kind, source_file, rows, inserted, updated, unchanged "
        "FROM import_log ORDER BY fid DESC LIMIT ?");
    if (!st)
        return st.error();
    st->bind(1, newest);
    while (st->step())
        out.push_back({st->text(0), st->text(1), st->text(2), static_cast<long>(st->integer(3)),
                       static_cast<long>(st->integer(4)), static_cast<long>(st->integer(5)),
                       static_cast<long>(st->integer(6))});
    if (!st->error().empty())
        return st->failure(path_);
    return out;
}

Status GpkgRepository::saveCopy(const std::string& path) const {
    const std::string tmp = path + ".partial";
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    sqlite3* dst = nullptr;
    if (sqlite3_open(tmp.c_str(), &dst) != SQLITE_OK) {
        sqlite3_close(dst);
        return codedError("project.cannot_create_copy", {}, tmp);
    }
    sqlite3_backup* backup = sqlite3_backup_init(dst, "main", db_.handle(), "main");
    int rc = backup ? sqlite3_backup_step(backup, -1) : sqlite3_errcode(dst);
    if (backup)
        sqlite3_backup_finish(backup);
    if (rc == SQLITE_DONE)
        rc = sqlite3_exec(dst, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
    const std::string msg = sqlite3_errmsg(dst);
    sqlite3_close(dst);
    if (rc != SQLITE_OK && rc != SQLITE_DONE) {
        std::filesystem::remove(tmp, ec);
        return sqliteError(rc, msg, path);
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        return fileError("replace", ec.value(), path);
    }
    return {};
}

}  // namespace safemap
