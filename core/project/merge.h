#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/inspection_record.h"
#include "core/model/site.h"
#include "core/project/field_package.h"
#include "core/result.h"

namespace safemap {

class Project;

/// What a merge cannot decide alone (docs/field.md, "Conflicts").
enum class ConflictKind {
    /// A facility's record (name, address, workers, …) was changed in the office and in the
    /// field since the package was made.
    Facility,
    /// The same, and both sides moved the facility's position.
    Position,
    /// An inspection recorded in the package and merged before was edited since both in the
    /// office and in the field.
    Inspection,
};
std::string_view conflictKindCode(ConflictKind kind);  ///< "facility", "position", "inspection"

/// \brief One attribute of a conflict, side by side.
struct ConflictValue {
    std::string field;    ///< siteFieldKey() for facilities; "date", "outcome", … for records
    std::string base;     ///< as packaged (facilities; empty for records)
    std::string office;   ///< in the project now
    std::string inField;  ///< in the package
};

/// \brief A conflict the user resolves: keep what the office has, or take the field's.
struct MergeConflict {
    ConflictKind kind = ConflictKind::Facility;
    std::string key;  ///< "facility:<site id>" or "inspection:<record id>"
    std::string siteId;
    std::string title;                  ///< the facility's name (and the inspection's date)
    std::vector<ConflictValue> values;  ///< every attribute changed on either side
};

/// KeepBoth (inspections only): the office's version stays as it is and the field's is added
/// as a record of its own (an id derived from the original's id and the field's content, so
/// merging again adds nothing). What a conflict on an inspection gets when nobody decided.
enum class Resolution { KeepOffice, TakeField, KeepBoth };
/// Decisions by MergeConflict::key.
using Resolutions = std::map<std::string, Resolution>;

/// \brief A facility the field corrected and the office did not touch.
struct FacilityChange {
    Factory field;                ///< as the package holds it
    std::set<SiteField> changed;  ///< what the field changed (only these are written)
};

/// \brief What merging a package would do, worked out without writing anything.
struct MergePlan {
    PackageInfo package;
    std::vector<InspectionRecord> added;    ///< recorded in the field, new to the project
    std::vector<InspectionRecord> updated;  ///< edited in the field only since the last merge
    std::vector<FacilityChange> facilities;
    std::vector<MergeConflict> conflicts;
    int photos = 0;     ///< photos that will be copied
    int unchanged = 0;  ///< records already merged as they are
    /// New to the project by id, but the project holds a record with the same content
    /// (recordContentHash): the same inspection entered twice; not added again.
    int duplicates = 0;
    bool nothingToDo() const {
        return added.empty() && updated.empty() && facilities.empty() && conflicts.empty();
    }
};

/// \brief What a merge did.
struct MergeOutcome {
    int added = 0;
    int updated = 0;
    int facilities = 0;
    int photos = 0;
    int keptOffice = 0;
    int tookField = 0;
    int keptBoth = 0;
    int duplicates = 0;  ///< records the project held already with the same content
    /// Every conflict there was, with how it was resolved (for the report).
    std::vector<std::pair<MergeConflict, Resolution>> conflicts;
    bool nothingNew = false;  ///< the package was merged before as it is: nothing was written
};

/// Checks that `package` may be merged into `master` — a sound field package of a format
/// this SafeMap reads, made from this very project (its project id), into a project that is
/// not itself a package — and works out what merging would do. Reads only.
[[nodiscard]] Result<MergePlan> planMerge(const Project& master, const Project& package);

/// Merges a field package into the project in one transaction: new inspection records with
/// their photos, records edited in the field, facilities corrected in the field, each
/// conflict as `resolutions` decide (an undecided inspection conflict keeps both versions;
/// every facility conflict needs a decision, or nothing is merged),
/// and lines in the merge log saying what came from which package. Merging a package again
/// finds nothing new and writes nothing. A kill or an error at any point leaves the project
/// as it was.
/// `progress` is called inside the transaction after each record written.
[[nodiscard]] Result<MergeOutcome> mergePackage(Project& master, const Project& package,
                                                const Resolutions& resolutions = {},
                                                const ProgressFn& progress = {});

std::string_view resolutionCode(Resolution r);  ///< "kept office", "took field", "kept both"

/// Opens a field package for merging (read-only), with messages that say what is wrong with
/// the file: damaged, cut short, not a SafeMap file, from a newer SafeMap.
[[nodiscard]] Result<Project> openPackageForMerge(const std::string& path);

}  // namespace safemap
