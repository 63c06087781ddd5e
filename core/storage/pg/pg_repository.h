#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/project/repository.h"
#include "core/storage/pg/pg_connection.h"

namespace safemap {

/// \brief The project repository on a PostgreSQL 15 + PostGIS 3 server (docs/server.md),
/// chosen by a "postgresql://…" location. Talks to the server with libpq only. Which rows
/// a user may read or write is the server's business (roles, grants, row-level security):
/// this class never filters by role itself.
///
/// Inspection records with their photos and the merge audit log are held as in a file, so
/// field packages are made from and merged into a server project. Not held: a field
/// package's own plan (refused with server.not_supported) — a package is always a
/// GeoPackage file, and the server is always a master.
class PgRepository final : public ProjectRepository {
public:
    /// Creates the project's schema in an existing, empty database (its owner or a role
    /// that may create in it). Fails if the database already holds a project.
    [[nodiscard]] static Result<std::unique_ptr<PgRepository>> create(const std::string& url);
    /// Opens the project in the database. Read-write upgrades an older schema; read-only
    /// refuses an older one (a server is shared: nobody upgrades it by reading).
    [[nodiscard]] static Result<std::unique_ptr<PgRepository>> open(const std::string& url,
                                                                    bool readOnly);

    const std::string& location() const override { return location_; }
    bool readOnly() const override { return readOnly_; }
    int schemaVersion() const override { return schemaVersion_; }
    Result<std::unique_ptr<WriteTransaction>> beginWrite() override;
    /// The connection (tests and the server tools read through it as the same role).
    const PgConnection& connection() const { return db_; }

    Result<std::map<std::string, std::string>> settings() const override;
    Status setSetting(const std::string& key, const std::string& value) override;
    Status removeSetting(const std::string& key) override;

    Result<std::vector<Zone>> zones() const override;
    Result<std::vector<Factory>> factories() const override;
    Result<std::vector<Factory>> factoryPositions() const override;
    Result<std::vector<Factory>> factoryKeys() const override;
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
    Status forEachAssessment(
        const std::function<Status(std::span<const StoredAssessment>)>& visit) const override;
    Result<long long> assessmentCount() const override;
    Result<std::vector<AssessmentRecord>> assessmentsOf(const std::string& siteId) const override;
    Status clearScores(const CompiledCriteria& criteria) override;
    Status writeScores(const CompiledCriteria& criteria, std::span<const ScoreRow> rows,
                       std::span<const double> points) override;
    Result<ScoreTimeline> scoreTimeline(const CompiledCriteria& criteria) const override;

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
    Result<std::string> loginRole() const override;

private:
    class Write;
    PgRepository(PgConnection db, bool readOnly, int schemaVersion);
    Status requireWrite() const;

    PgConnection db_;
    std::string location_;
    bool readOnly_ = false;
    int schemaVersion_ = 0;
    bool writing_ = false;
};

}  // namespace safemap
