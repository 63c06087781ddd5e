#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/criteria/criteria_ref.h"
#include "core/filter/site_filter.h"
#include "core/project/project_facts.h"
#include "core/project/project_status.h"
#include "core/rules/action_lists.h"

namespace safemap {

/// The two action lists of domain.md.
enum class ActionList { ToSuspend, ToInspect };

std::string_view actionListCode(ActionList list);  ///< "suspend", "inspect"

/// \brief One facility of an action list, with what a table or an export shows of it.
struct ListRow {
    std::string siteId;
    std::string name;
    std::string taxCode;
    std::string zone;  ///< the zone's name; empty outside any zone
    std::string district;
    std::optional<int> workers;
    std::optional<RiskLevel> level;  ///< of the newest assessment; empty if none
    double percent = 0;
    std::optional<Date> assessedOn;
    std::vector<Reason> reasons;  ///< why the facility is on this list
    Priority priority;            ///< core/rules/priority.h: the list's order
    int rank = 0;                 ///< 1-based place on the whole list (before any filter)
    bool thisWeek = false;  ///< inspection list: within the weekly capacity (marked on the map)
    /// The set that scored it: names the indices in the reasons' words.
    std::shared_ptr<const CriteriaSet> criteria;

    /// The reasons in words, joined by "; ".
    std::string reasonsIn(bool vietnamese) const;
};

/// Positions (in facts.factories and status.sites) of the facilities on `list` that pass
/// `filter`, in the list's order.
std::vector<std::uint32_t> listPositions(ActionList list, const ProjectFacts& facts,
                                         const ProjectStatus& status, const SiteFilter& filter);

/// \brief One list of a scenario as positions into the facts and the status it was made
/// from: what a table shows, without copying tens of thousands of rows that nobody scrolls to.
struct ListView {
    ActionList list = ActionList::ToSuspend;
    std::shared_ptr<const ProjectFacts> facts;
    std::shared_ptr<const ProjectStatus> status;
    std::vector<std::uint32_t> positions;  ///< in the list's order
    /// Zone id → name, for the rows' zone column.
    std::shared_ptr<const std::unordered_map<std::string, std::string>> zoneNames;
    /// The filter the rows passed (an export's heading names it).
    SiteFilter filter;

    std::size_t size() const { return positions.size(); }
    const Factory& factory(std::size_t row) const { return facts->factories[positions[row]]; }
    const SiteStatus& site(std::size_t row) const { return status->sites[positions[row]]; }
    /// The zone's name of the row's facility; empty outside any zone.
    std::string zoneName(std::size_t row) const;
    const std::vector<Reason>& reasons(std::size_t row) const;
    ListRow row(std::size_t row) const;
    /// Every row, in the view's order.
    std::vector<ListRow> rows() const;
};

ListView listView(ActionList list, std::shared_ptr<const ProjectFacts> facts,
                  std::shared_ptr<const ProjectStatus> status, const SiteFilter& filter = {});

/// A view over rows made elsewhere (by hand, in tests, or read back from a file).
ListView listViewOf(ActionList list, const std::vector<ListRow>& rows);

/// The facilities on `list` that pass `filter`, in the list's order, as rows.
std::vector<ListRow> listRows(ActionList list, const ProjectFacts& facts,
                              const ProjectStatus& status, const SiteFilter& filter = {});

/// \brief What a list was made from, written beside it so anyone can make it again.
struct ListProvenance {
    ActionList list = ActionList::ToSuspend;
    std::optional<CriteriaRef> criteria;
    Date asOf{};
    RuleSettings settings;
    std::string filter;  ///< describe() of the filter; empty when none
};

ListProvenance provenanceOf(ActionList list, const ProjectStatus& status, const SiteFilter& filter,
                            const std::vector<Zone>& zones);

struct ExportHeading;

/// The columns of a list export, in order (listRowsToCsv's header, listSheet's columns).
const std::vector<std::string>& listColumnNames();

/// The one CSV form of a list (RFC 4180, comma, UTF-8; `excelBom` prefixes a byte order
/// mark so Excel shows the diacritics): rank, priority, this_week (yes/no: within the
/// inspection capacity), site_id, tax_code, name, zone, district, workers, level (code),
/// percent, assessed_on, reason_codes, reasons (vi), reasons_en, reason_indices (the ids of the
/// indices the reasons name). The reasons are written for people (index labels, 91,0 % and
/// 26/06/2021 in Vietnamese; 91.0 % and 2021-06-26 in English); every other column is for
/// machines (codes, ids, ISO dates, a decimal point). With a `heading`
/// (core/project/export_heading.h), its rows come first, then an empty row. Text cells that
/// a spreadsheet would take for a formula (= + - @ …) are prefixed with an apostrophe
/// (spreadsheetText).
std::string listRowsToCsv(const std::vector<ListRow>& rows, bool excelBom,
                          const ExportHeading* heading = nullptr);

/// The same CSV as listRowsToCsv, of a view's rows in its order, written straight from
/// its facts and status (no ListRow per row).
std::string listViewToCsv(const ListView& view, bool excelBom,
                          const ExportHeading* heading = nullptr);

/// listViewToCsv handed to `sink` in pieces of about `pieceBytes` as the rows are written,
/// so that `safemap list` holds one piece of a 100,000-row list (35 MB) at a time.
void listViewToCsvPieces(const ListView& view, bool excelBom, const ExportHeading* heading,
                         const std::function<void(std::string_view)>& sink,
                         std::size_t pieceBytes = 1 << 20);

/// JSON with the provenance and every row with its rank, priority (total and parts) and
/// reasons (code, the ids of the indices it names, vi, en).
std::string listRowsToJson(const std::vector<ListRow>& rows, const ListProvenance& provenance);

}  // namespace safemap
