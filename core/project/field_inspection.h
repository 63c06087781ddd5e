#pragma once

#include <set>
#include <span>
#include <string>
#include <vector>

#include "core/criteria/criteria_set.h"
#include "core/model/inspection_record.h"
#include "core/model/site.h"
#include "core/project/records.h"
#include "core/result.h"

namespace safemap {

class Project;

/// The measures the inspection form asks about: the criteria set's mandatory measures, in
/// the set's order, none checked yet.
std::vector<MeasureCheck> measuresToCheck(const CriteriaSet& set);

/// \brief An inspection as the form (or `safemap inspect`) filled it in: the record and the
/// bytes of the photos attached since it was last saved.
struct InspectionDraft {
    InspectionRecord record;  ///< an empty recordId makes a new record
    std::vector<Photo> newPhotos;
    /// Editing a stored record: recordContentHash() of the record as it was read. If the
    /// stored record no longer has it (someone else saved it since), nothing is saved and
    /// the Error is project.record_conflict. Empty: no check.
    std::string readHash;
};

/// Checks what a record must satisfy before it is stored: a date not after `today`, an
/// inspector, a deadline (not before the date) exactly when the outcome is Fix, measures
/// that are mandatory measures of `criteria` (when given) each at most once, a position on
/// the Earth. The Error names the field (Error::column: "date", "inspector", "fix_by",
/// "measures", "position").
[[nodiscard]] Status validateInspection(const InspectionRecord& record, const CriteriaSet* criteria,
                                        Date today);

/// Stores an inspection in one transaction: a new record (new id, recorded now, and in a
/// field package marked as the package's) or a new version of a stored one (its id, origin
/// and first recording kept). Its photos that are not stored yet must be in newPhotos, and
/// their bytes must match their size and hash. Returns the record as stored.
[[nodiscard]] Result<InspectionRecord> saveInspection(Project& project,
                                                      const InspectionDraft& draft);

/// Puts a record back exactly as it was (undoing an edit), with the bytes of its photos that
/// are no longer stored. One transaction.
[[nodiscard]] Status restoreInspection(Project& project, const InspectionRecord& record,
                                       std::span<const Photo> photos);

/// Removes a record with its photos (undoing a new record). One transaction.
[[nodiscard]] Status removeInspection(Project& project, const std::string& recordId);

/// The attributes an inspector may correct on site: name, address, sector, the worker
/// counts and the position.
const std::set<SiteField>& correctableFields();

/// Writes the `fields` of `corrected` over the stored facility (the others stay as stored),
/// in one transaction, logged as a correction. A corrected position is exact (the inspector
/// placed it). Fields outside correctableFields() are refused.
/// `readVersion`: the facility's version when the correction was read
/// (ProjectRepository::facilityVersion); if someone else changed it since, nothing is saved
/// and the Error is project.facility_conflict.
[[nodiscard]] Result<ImportSummary> correctFacility(
    Project& project, Factory corrected, const std::set<SiteField>& fields,
    std::optional<int64_t> readVersion = std::nullopt);

}  // namespace safemap
