#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/criteria/criteria_set.h"
#include "core/model/inspection.h"
#include "core/model/inspection_record.h"
#include "core/project/field_records.h"
#include "core/project/records.h"
#include "core/project/score_timeline.h"
#include "core/result.h"
#include "core/scoring/score.h"

namespace safemap {

struct CompiledCriteria;

/// \brief A write in progress: everything done through the repository between beginWrite()
/// and commit() is kept as a whole or not at all. Destroying it uncommitted rolls back.
class WriteTransaction {
public:
    virtual ~WriteTransaction() = default;
    [[nodiscard]] virtual Status commit() = 0;
};

/// \brief Rows' answers already in a store's own form (AnswerEncoder): row i's bytes are
/// [ends[i - 1], ends[i]) of `bytes` (from 0 for the first row), none where that range is
/// empty: the writer encodes those rows itself.
struct EncodedAnswers {
    std::vector<uint8_t> bytes;
    std::vector<uint32_t> ends;
    void clear() {
        bytes.clear();
        ends.clear();
    }
    /// Row i's bytes; empty for a row not encoded or past the rows given.
    std::span<const uint8_t> of(size_t i) const {
        if (i >= ends.size())
            return {};
        const uint32_t begin = i == 0 ? 0 : ends[i - 1];
        return std::span<const uint8_t>(bytes).subspan(begin, ends[i] - begin);
    }
};

/// \brief Puts rows' answers into a store's own form on another thread than the one writing
/// to the store, with only what the writer has met so far (its terms): a row it cannot
/// encode is left to the writer. Made by ProjectRepository::answerEncoder for one import.
class AnswerEncoder {
public:
    virtual ~AnswerEncoder() = default;
    /// Takes in what the writer has met since the last call (between slices of rows).
    virtual void refresh() = 0;
    /// Appends `a`'s row to `out`: its bytes, or none where the writer must encode it.
    virtual void encode(const Assessment& a, EncodedAnswers& out) = 0;
};

/// \brief One scored assessment, ready to store: the batch scorer's summary plus what the
/// record shows (the worst index) and each index's points (`points`, in the set's order).
struct ScoreRow {
    int64_t assessmentId = 0;
    ScoreSummary summary;
    double maxIndexPoints = 0;
    int worstIndex = -1;  ///< position in the set, -1 if the set has no index
};

/// Receives a batch of assessment ids and their dense answer rows (ids.size() × the set's
/// index count values).
using AnswerRowVisit =
    std::function<Status(std::span<const int64_t> ids, std::span<const double> rows)>;

/// \brief The stored assessments whose id is after `after`, up to and including `upTo`:
/// all of them by default.
struct AssessmentIds {
    int64_t after = std::numeric_limits<int64_t>::min();
    int64_t upTo = std::numeric_limits<int64_t>::max();
    bool contains(int64_t id) const { return id > after && id <= upTo; }
};

/// \brief Scores made ready to store (ProjectRepository::encodeScores), which may be done
/// on any thread, and stored later (writeEncodedScores) by the thread that writes.
struct EncodedScores {
    std::vector<uint8_t> bytes;  ///< the store's own form, where it has one
    int64_t first = 0;           ///< the lowest and highest assessment id among them
    int64_t last = 0;
    int64_t count = 0;
    std::vector<ScoreRow> rows;  ///< else the scores as they were made
    std::vector<double> points;
};

/// \brief An assessment as the scorer reads it back: its id and what was answered.
struct StoredAssessment {
    int64_t id = 0;
    Assessment assessment;
};

/// \brief A row's version as an edit reads it (optimistic concurrency): the edit carries the
/// version back, and the store refuses it if the row changed in between.
struct RowVersion {
    int64_t version = 0;    ///< opaque, grows with every change; 0: no such row
    std::string changedAt;  ///< UTC "YYYY-MM-DDTHH:MM:SSZ" of the last change, "" if unknown
};

/// \brief Where a project's facts live. Storage only stores: scoring, the rules and
/// styling run above it (core/project), and only an implementation of this interface
/// touches SQL. The GeoPackage file (core/storage) is one implementation; a shared server
/// can be another.
///
/// Every read returns an Error rather than empty data when the store cannot answer. Every
/// write must happen inside a WriteTransaction; a write outside one is refused.
class ProjectRepository {
public:
    virtual ~ProjectRepository() = default;

    /// The file path (or server address) for messages.
    virtual const std::string& location() const = 0;
    virtual bool readOnly() const = 0;
    virtual int schemaVersion() const = 0;

    /// Starts the write transaction. Waits a while for another program that is writing to
    /// the same project, then fails naming the project.
    [[nodiscard]] virtual Result<std::unique_ptr<WriteTransaction>> beginWrite() = 0;

    // --- settings (key → text) ------------------------------------------------------
    [[nodiscard]] virtual Result<std::map<std::string, std::string>> settings() const = 0;
    [[nodiscard]] virtual Status setSetting(const std::string& key, const std::string& value) = 0;
    [[nodiscard]] virtual Status removeSetting(const std::string& key) = 0;

    // --- sites -----------------------------------------------------------------------
    [[nodiscard]] virtual Result<std::vector<Zone>> zones() const = 0;
    [[nodiscard]] virtual Result<std::vector<Factory>> factories() const = 0;
    /// The facilities with their id, zone and position only, in factories()' order: what a
    /// map of the sites needs before their status is known. The default reads factories().
    [[nodiscard]] virtual Result<std::vector<Factory>> factoryPositions() const;
    /// The facilities with their id and tax code only, in factories()' order: what matching
    /// imported rows to facilities needs (SiteLookup), and all that counting them by id
    /// does (latestLevelSummary). The default reads factories().
    [[nodiscard]] virtual Result<std::vector<Factory>> factoryKeys() const;
    /// Every facility's id, sorted (bytewise, as ScoreTimeline::siteIds): all that counting
    /// facilities by their newest scores needs (latestLevelSummary). The default reads
    /// factoryKeys().
    [[nodiscard]] virtual Result<std::vector<std::string>> factoryIds() const;
    /// Inserts new sites and updates known ones (by stable id), logging each change and
    /// the import itself.
    [[nodiscard]] virtual Result<ImportSummary> upsertSites(const SiteBatch& batch,
                                                            const std::string& sourceName) = 0;
    /// The version of one facility now: what an edit reads before the user changes it, and
    /// passes back in SiteBatch::readVersions.
    [[nodiscard]] virtual Result<RowVersion> facilityVersion(const std::string& siteId) const = 0;

    // --- criteria sets -----------------------------------------------------------------
    [[nodiscard]] virtual Result<std::vector<StoredCriteriaSet>> criteriaSets() const = 0;
    [[nodiscard]] virtual Result<std::optional<CriteriaSet>> criteriaSet(
        const CriteriaRef& ref) const = 0;
    /// Stores a set. The same id and version with a different definition is refused: a
    /// changed set must carry a new version, or scores could no longer say what made them.
    [[nodiscard]] virtual Status storeCriteriaSet(const CriteriaSet& set) = 0;
    [[nodiscard]] virtual Result<std::optional<CriteriaRef>> activeCriteria() const = 0;
    [[nodiscard]] virtual Status setActiveCriteria(const CriteriaRef& ref) = 0;

    // --- assessments and scores ------------------------------------------------------
    /// Logs an import that is starting; its id marks what the import writes.
    [[nodiscard]] virtual Result<int64_t> beginImport(const std::string& kind,
                                                      const std::string& sourceName, long rows) = 0;
    [[nodiscard]] virtual Status finishImport(int64_t importId, const ImportSummary& summary) = 0;
    /// Appends the assessments that are not stored yet (the same site, date, submitter and
    /// answers are stored once). ids receives, per assessment, its new id or 0 if it was
    /// already there.
    [[nodiscard]] virtual Status appendAssessments(std::span<const Assessment> assessments,
                                                   std::span<const long> sourceRows,
                                                   int64_t importId, std::vector<int64_t>& ids) = 0;
    /// An encoder for the rows of import `importId`, for the thread that reads them while this
    /// store writes (importAssessments); null where the store encodes as it writes.
    [[nodiscard]] virtual std::unique_ptr<AnswerEncoder> answerEncoder(int64_t importId);
    /// appendAssessments with the answers of some rows already encoded by answerEncoder().
    [[nodiscard]] virtual Status appendEncodedAssessments(std::span<const Assessment> assessments,
                                                          std::span<const long> sourceRows,
                                                          int64_t importId,
                                                          const EncodedAnswers& encoded,
                                                          std::vector<int64_t>& ids);
    /// Calls `visit` with every stored assessment, in batches, oldest id first. Stops and
    /// returns the first failure `visit` reports.
    [[nodiscard]] virtual Status forEachAssessment(
        const std::function<Status(std::span<const StoredAssessment>)>& visit) const = 0;
    /// Calls `visit` with the answers of the stored assessments in `ids` read against
    /// `criteria`, in batches, oldest id first: the ids and their dense rows (indexCount()
    /// values each, as readAnswers gives them), what the batch scorer takes. This default
    /// reads through forEachAssessment; a store may read its own form faster.
    [[nodiscard]] virtual Status forEachAnswerRow(const CompiledCriteria& criteria,
                                                  const AssessmentIds& ids,
                                                  const AnswerRowVisit& visit) const;
    [[nodiscard]] virtual Result<long long> assessmentCount() const = 0;
    /// The ids the stored assessments span: `after` the lowest less one, `upTo` the highest
    /// (both 0 when there are none). This default reads through forEachAssessment; a store
    /// may look the two up.
    [[nodiscard]] virtual Result<AssessmentIds> assessmentIdSpan() const;
    /// The dates the stored assessments fall on, oldest first, each once. This default reads
    /// through forEachAssessment; a store may read only the dates.
    [[nodiscard]] virtual Result<std::vector<Date>> assessmentDates() const;
    /// One facility's assessments, oldest first.
    [[nodiscard]] virtual Result<std::vector<AssessmentRecord>> assessmentsOf(
        const std::string& siteId) const = 0;
    /// Removes every score made by `criteria`'s set and version.
    [[nodiscard]] virtual Status clearScores(const CompiledCriteria& criteria) = 0;
    /// Starts a re-score under `criteria`'s set and version: the scores written from now
    /// until endReplacingScores replace all of the set's scores. This default removes them
    /// at once (clearScores); a store may instead keep those it is given again unchanged,
    /// so that a re-score writes only what changed.
    [[nodiscard]] virtual Status beginReplacingScores(const CompiledCriteria& criteria);
    /// Ends the re-score: what it did not write again of the set's scores is gone.
    [[nodiscard]] virtual Status endReplacingScores(const CompiledCriteria& criteria);
    /// Stores scores made by `criteria`; points holds rows.size() × indexCount values.
    [[nodiscard]] virtual Status writeScores(const CompiledCriteria& criteria,
                                             std::span<const ScoreRow> rows,
                                             std::span<const double> points) = 0;
    /// The scores in the form writeEncodedScores stores. Reads and writes nothing, so any
    /// thread may call it on its own repository. This default keeps them as they are.
    [[nodiscard]] virtual Result<EncodedScores> encodeScores(const CompiledCriteria& criteria,
                                                             std::span<const ScoreRow> rows,
                                                             std::span<const double> points) const;
    /// Stores what encodeScores made, as writeScores would have stored the scores.
    [[nodiscard]] virtual Status writeEncodedScores(const CompiledCriteria& criteria,
                                                    const EncodedScores& scores);
    /// Every stored score of `criteria`'s set and version with its assessment's site and
    /// date: what the rules read.
    [[nodiscard]] virtual Result<ScoreTimeline> scoreTimeline(
        const CompiledCriteria& criteria) const = 0;
    /// The `perSite` newest stored scores of each of the project's facilities under
    /// `criteria` (as scoreTimeline, oldest first): what the status as of the newest data
    /// date needs. This default trims the whole timeline; a store may read less.
    [[nodiscard]] virtual Result<ScoreTimeline> latestScores(const CompiledCriteria& criteria,
                                                             size_t perSite) const;

    // --- inspections -----------------------------------------------------------------
    /// Adds inspections, skipping any already recorded (same site, date, inspector and
    /// finding); returns how many were new.
    [[nodiscard]] virtual Result<int> addInspections(std::span<const Inspection> inspections) = 0;
    /// The inspections of one facility (all of them if siteId is empty), oldest first.
    [[nodiscard]] virtual Result<std::vector<Inspection>> inspections(
        const std::string& siteId = {}) const = 0;

    // --- inspection records, field packages, merges (schema 4) ------------------------
    // docs/field.md. A server implementation may refuse the package methods: a field
    // package is always a GeoPackage file.

    /// The records of one facility (every record if siteId is empty), oldest first, with
    /// their photos' descriptions (not their bytes).
    [[nodiscard]] virtual Result<std::vector<InspectionRecord>> inspectionRecords(
        const std::string& siteId = {}) const = 0;
    /// The bytes of one stored photo; an Error if there is no such photo.
    [[nodiscard]] virtual Result<std::vector<std::uint8_t>> photoData(
        const std::string& photoId) const = 0;
    /// Stores a record, new or replacing the one with its id, and the inspections row the
    /// rules read for it (inspectionOf(record, source)). Its photos: those not stored yet
    /// must be in `photos` (bytes); stored photos of the record it no longer lists are
    /// removed.
    [[nodiscard]] virtual Status putInspectionRecord(const InspectionRecord& record,
                                                     std::span<const Photo> photos,
                                                     const std::string& source) = 0;
    /// Removes a record with its inspections row and its photos (undoing a new record).
    [[nodiscard]] virtual Status deleteInspectionRecord(const std::string& recordId) = 0;
    /// A field package's facilities (route order and base copies); empty in a master.
    [[nodiscard]] virtual Result<std::vector<PackageSite>> packageSites() const = 0;
    /// Replaces the package's facilities and its route line.
    [[nodiscard]] virtual Status setPackagePlan(const PackagePlan& plan) = 0;
    /// Appends to the merge audit log.
    [[nodiscard]] virtual Status appendMergeLog(std::span<const MergeLogEntry> entries) = 0;
    /// The merge audit log, oldest first (one package's lines if packageId is not empty).
    [[nodiscard]] virtual Result<std::vector<MergeLogEntry>> mergeLog(
        const std::string& packageId = {}) const = 0;
    /// Reads the whole store to check it is sound (SQLite's quick_check for a file): a
    /// damaged or truncated package fails here before anything is merged from it.
    [[nodiscard]] virtual Status checkIntegrity() const = 0;

    // --- about the project ------------------------------------------------------------
    [[nodiscard]] virtual Result<std::vector<TableSummary>> tables() const = 0;
    [[nodiscard]] virtual Result<std::vector<ImportLogEntry>> importLog(int newest) const = 0;
    /// Copies the whole project to `path` atomically (a temporary file renamed into place).
    [[nodiscard]] virtual Status saveCopy(const std::string& path) const = 0;
    /// The server's group role the login is a member of ("official", "analyst",
    /// "inspector", or "none"); empty for a file, whose user may do all the file allows.
    [[nodiscard]] virtual Result<std::string> loginRole() const { return std::string(); }
};

}  // namespace safemap
