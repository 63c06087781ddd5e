#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/filter/search_index.h"
#include "core/filter/site_filter.h"
#include "core/rules/site_status.h"

namespace safemap {

struct ProjectStatus;

/// \brief What the filter looks at for one facility. A view: it points into the caller's
/// factories, statuses, zones and search index, which must outlive it.
struct FilterRow {
    const Factory* factory = nullptr;    ///< required
    const SiteStatus* status = nullptr;  ///< null: no status yet (unassessed, on no list)
    const Zone* zone = nullptr;          ///< null: outside any zone
    const SearchKey* key = nullptr;      ///< null: the factory is folded on each match
};

/// \brief A filter made ready for many rows: the query, districts and provinces are folded
/// once here instead of once per row.
class SiteMatcher {
public:
    explicit SiteMatcher(const SiteFilter& filter);
    bool operator()(const FilterRow& row) const;

private:
    bool matchesText(const FilterRow& row) const;
    SiteFilter filter_;
    bool empty_;
    std::string query_;                   ///< folded
    std::vector<std::string> districts_;  ///< folded
    std::vector<std::string> provinces_;  ///< folded
};

/// True if `row` passes every dimension of `filter`. For many rows use SiteMatcher or
/// matchingRows, which fold the filter once.
bool matches(const SiteFilter& filter, const FilterRow& row);

/// Indices into `rows` of the rows that pass, in order.
std::vector<size_t> matchingRows(const SiteFilter& filter, const std::vector<FilterRow>& rows);

/// One row per factory, in the factories' order. `index` may be null; if given it must have
/// been built from `factories`. Everything passed in must outlive the rows.
std::vector<FilterRow> makeFilterRows(const std::vector<Factory>& factories,
                                      const std::vector<Zone>& zones, const ProjectStatus& status,
                                      const SearchIndex* index);

/// The factories' distinct districts (empty ones left out; spellings that fold alike kept
/// once), sorted with accents and case ignored: the choices of a district combo.
std::vector<std::string> districtChoices(const std::vector<Factory>& factories);

/// \brief What the filter panel offers for a project's sites: its districts and provinces
/// (sorted with accents and case ignored), and which district lies in which province.
struct FilterChoices {
    std::vector<std::string> districts;
    std::vector<std::string> provinces;
    /// (province, district) pairs the facilities name, each once (accents and case ignored).
    std::vector<std::pair<std::string, std::string>> places;
};

/// The choices of a project's sites. Folds every facility once: for a large project, make
/// it off the UI thread.
FilterChoices filterChoicesOf(const std::vector<Zone>& zones,
                              const std::vector<Factory>& factories);

/// Sorts strings with accents and case ignored (ties by bytes), as the panels list them.
void sortFolded(std::vector<std::string>& items);

}  // namespace safemap
