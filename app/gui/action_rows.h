#pragma once

#include <QString>
#include <optional>
#include <vector>

#include "core/filter/site_filter.h"
#include "core/model/site.h"
#include "core/rules/action_lists.h"

namespace safemap {

struct ProjectStatus;

/// The two action lists of domain.md.
enum class ActionList { ToSuspend, ToInspect };

/// \brief One facility of an action list as the table shows it: copies, so the table owns
/// what it draws and the project can be reloaded underneath it.
struct ActionRow {
    QString siteId;
    QString name;
    QString taxCode;
    QString zone;  ///< the zone's name; empty outside any zone
    QString district;
    std::optional<int> workers;
    std::optional<RiskLevel> level;  ///< of the newest assessment; empty if none
    double percent = 0;
    std::optional<Date> assessedOn;
    std::vector<Reason> reasons;  ///< why the facility is on this list
    Priority priority;            ///< core/rules/priority.h: the list's order
    int rank = 0;                 ///< 1-based place on the whole list (before any filter)
    bool thisWeek = false;  ///< inspection list: within the weekly capacity (marked on the map)
};

/// The facilities on `list` that pass `filter`, in the list's order (highest priority first,
/// ties by site id), then by name with accents ignored for any without a place on it.
/// Facilities without a status are on no list.
std::vector<ActionRow> makeActionRows(ActionList list, const std::vector<Factory>& factories,
                                      const std::vector<Zone>& zones, const ProjectStatus& status,
                                      const SiteFilter& filter = {});

}  // namespace safemap
