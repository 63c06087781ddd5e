#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/project/repository.h"
#include "core/storage/assessment_store.h"
#include "core/storage/database.h"
#include "core/storage/score_store.h"

namespace safemap {

/// \brief The project repository in one GeoPackage file, written with SQLite directly
/// (docs/storage.md says why). The only code that holds SQL for a project.
class GpkgRepository final : public ProjectRepository {
public:
    /// Creates a new project file. Fails if the file exists. A temporary one (to be renamed
    /// into place when complete) is written without a journal on disk or syncs
    /// (OpenMode::CreateTemporary).
    [[nodiscard]] static Result<std::unique_ptr<GpkgRepository>> create(const std::string& path,
                                                                        bool temporary = false);
    /// Opens a project. Read-write upgrades an older project in place; read-only never
    /// writes to the file and upgrades an older project in a copy in memory (said in notes).
    [[nodiscard]] static Result<std::unique_ptr<GpkgRepository>> open(
        const std::string& path, bool readOnly, std::vector<std::string>* notes = nullptr);

    const std::string& location() const override { return path_; }
    bool readOnly() const override { return readOnly_; }
    int schemaVersion() const override { return schemaVersion_; }
    Result<std::unique_ptr<WriteTransaction>> beginWrite() override;
    /// How long beginWrite() waits for another writer (tests shorten it).
    void setBusyTimeout(int milliseconds);

    Result<std::map<std::string, std::string>> settings() const override;
    Status setSetting(const std::string& key, const std::string& value) override;
    Status removeSetting(const std::string& key) override;

    Result<std::vector<Zone>> zones() const override;
    Result<std::vector<Factory>> factories() const override;
    Result<std::vector<Factory>> factoryPositions() const override;
    Result<std::vector<Factory>> factoryKeys() const override;
    Result<std::vector<std::string>> factoryIds() const override;
    Result<ImportSummary> upsertSites(const SiteBatch& batch,
                                      const std::string& sourceName) override;
    Result<RowVersion> facilityVersion(const std::string& siteId) const override;

    Result<std::vector<StoredCriteriaSet>> criteriaSets() const override;
    Result<std::optional<CriteriaSet>> criteriaSet(const CriteriaRef& ref) const override;
    Status storeCriteriaSet(const CriteriaSet& set) override;
    Result<std::optional<CriteriaRef>> activeCriteria() const override;
    Status setActiveCriteria(const CriteriaRef& ref) override;

    Result<int64_t> beginImport(const std::string& kind, const std::string& sourceName,
                                long rows) override;
    Status finishImport(int64_t importId, const ImportSummary& summary) override;
    Status appendAssessments(std::span<const Assessment> assessments,
                             std::span<const long> sourceRows, int64_t importId,
                             std::vector<int64_t>& ids) override;
    std::unique_ptr<AnswerEncoder> answerEncoder(int64_t importId) override;
    Status appendEncodedAssessments(std::span<const Assessment> assessments,
                                    std::span<const long> sourceRows, int64_t importId,
                                    const EncodedAnswers& encoded,
                                    std::vector<int64_t>& ids) override;
    Status forEachAssessment(
        const std::function<Status(std::span<const StoredAssessment>)>& visit) const override;
    Status forEachAnswerRow(const CompiledCriteria& criteria, const AssessmentIds& ids,
                            const AnswerRowVisit& visit) const override;
    Result<long long> assessmentCount() const override;
    Result<AssessmentIds> assessmentIdSpan() const override;
    Result<std::vector<Date>> assessmentDates() const override;
    Result<std::vector<AssessmentRecord>> assessmentsOf(const std::string& siteId) const override;
    Status clearScores(const CompiledCriteria& criteria) override;
    Status beginReplacingScores(const CompiledCriteria& criteria) override;
    Status endReplacingScores(const CompiledCriteria& criteria) override;
    Result<EncodedScores> encodeScores(const CompiledCriteria& criteria,
                                       std::span<const ScoreRow> rows,
                                       std::span<const double> points) const override;
    Status writeEncodedScores(const CompiledCriteria& criteria,
                              const EncodedScores& scores) override;
    Status writeScores(const CompiledCriteria& criteria, std::span<const ScoreRow> rows,
                       std::span<const double> points) override;
    Result<ScoreTimeline> scoreTimeline(const CompiledCriteria& criteria) const override;
    Result<ScoreTimeline> latestScores(const CompiledCriteria& criteria,
                                       size_t perSite) const override;

    Result<int> addInspections(std::span<const Inspection> inspections) override;
    Result<std::vector<Inspection>> inspections(const std::string& siteId) const override;

    Result<std::vector<InspectionRecord>> inspectionRecords(
        const std::string& siteId) const override;
    Result<std::vector<std::uint8_t>> photoData(const std::string& photoId) const override;
    Status putInspectionRecord(const InspectionRecord& record, std::span<const Photo> photos,
                               const std::string& source) override;
    Status deleteInspectionRecord(const std::string& recordId) override;
    Result<std::vector<PackageSite>> packageSites() const override;
    Status setPackagePlan(const PackagePlan& plan) override;
    Status appendMergeLog(std::span<const MergeLogEntry> entries) override;
    Result<std::vector<MergeLogEntry>> mergeLog(const std::string& packageId) const override;
    Status checkIntegrity() const override;

    Result<std::vector<TableSummary>> tables() const override;
    Result<std::vector<ImportLogEntry>> importLog(int newest) const override;
    Status saveCopy(const std::string& path) const override;

private:
    class Write;
    GpkgRepository(Database db, std::string path, bool readOnly, int schemaVersion);
    /// An Error unless a write transaction of this repository is open.
    Status requireWrite() const;

    Database db_;
    std::string path_;
    bool readOnly_ = false;
    int schemaVersion_ = 0;
    /// The import in progress's NewestDays: made again by each beginImport, dropped by
    /// finishImport.
    std::unique_ptr<NewestDays> newestDays_;
    /// The terms its writer has met, for its encoder (answerEncoder): made and dropped with
    /// newestDays_.
    std::shared_ptr<SharedTerms> sharedTerms_;
    bool writing_ = false;
    /// A re-score in progress in the open write (beginReplacingScores): its blocks go
    /// through it, and commit finishes it if the caller did not.
    std::optional<BlocksBeingReplaced> replacing_;
};

}  // namespace safemap
