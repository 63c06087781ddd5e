#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/criteria/criteria_ref.h"
#include "core/model/assessment.h"
#include "core/model/geometry.h"
#include "core/model/site.h"

namespace safemap {

/// \brief Sites read from one source, validated and ready to write.
struct SiteBatch {
    std::vector<Zone> zones;
    std::vector<Factory> factories;
    /// The attributes the source provided (had a column or geometry for). An update must
    /// leave every other attribute of an existing site as stored; a new site gets them
    /// empty (zones: the import's default kind). Batches built in code provide everything.
    std::set<SiteField> provided = allSiteFields();
    /// Facilities an edit read (site id → ProjectRepository::facilityVersion's version): each
    /// is written only if it still has that version; otherwise the whole batch is refused
    /// with project.facility_conflict and nothing changes (someone else edited it since).
    std::map<std::string, int64_t> readVersions;
};

/// \brief What an import of sites did: counts by outcome. Unchanged rows are not rewritten.
struct ImportSummary {
    int rows = 0;
    int inserted = 0;
    int updated = 0;
    int unchanged = 0;
    std::set<std::string> updatedAttributes;  ///< keys (siteFieldKey) of what updates changed
};

/// \brief An assessment as stored, with where it came from.
struct AssessmentRecord {
    int64_t id = 0;
    Assessment assessment;
    std::string sourceFile;
    long sourceRow = -1;
};

/// \brief A criteria set the project holds.
struct StoredCriteriaSet {
    CriteriaRef ref;
    std::string name;
};

/// \brief One successful import, as the project logs it.
struct ImportLogEntry {
    std::string importedAt;  ///< UTC, "YYYY-MM-DDTHH:MM:SSZ"
    std::string kind;        ///< "sites", "assessments", "inspections"
    std::string sourceFile;
    long rows = 0;
    long inserted = 0;
    long updated = 0;
    long unchanged = 0;
};

/// \brief One table of the project as `safemap info` lists it.
struct TableSummary {
    std::string name;
    std::string kind;  ///< "features" or "attributes"
    long long rows = 0;
    std::optional<BBox> extent;  ///< longitude/latitude, features only
};

}  // namespace safemap
