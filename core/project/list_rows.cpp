#include "core/project/list_rows.h"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string_view>
#include <unordered_map>

#include "core/filter/filter_match.h"
#include "core/project/export_heading.h"
#include "core/tabular/csv_field.h"
#include "core/tabular/spreadsheet_text.h"

namespace safemap {

namespace {

std::string oneDecimalText(double v) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 1);
    return ec == std::errc() ? std::string(buf, end) : std::string();
}

double oneDecimal(double v) {
    return std::round(v * 10) / 10;
}

}  // namespace

std::string_view actionListCode(ActionList list) {
    return list == ActionList::ToSuspend ? "suspend" : "inspect";
}

std::string ListRow::reasonsIn(bool vietnamese) const {
    return reasonsText(reasons, criteria.get(), vietnamese);
}

std::vector<std::uint32_t> listPositions(ActionList list, const ProjectFacts& facts,
                                         const ProjectStatus& status, const SiteFilter& filter) {
    const auto& order = list == ActionList::ToSuspend ? status.suspendOrder : status.inspectOrder;
    std::vector<std::uint32_t> out;
    out.reserve(order.size());
    if (filter.isEmpty()) {
        for (const std::uint32_t i : order)
            if (i < facts.factories.size() && i < status.sites.size())
                out.push_back(i);
        return out;
    }
    std::unordered_map<std::string_view, const Zone*> zoneById;
    for (const auto& z : facts.zones)
        zoneById.emplace(z.id, &z);
    const SiteMatcher match(filter);
    for (const std::uint32_t i : order) {
        if (i >= facts.factories.size() || i >= status.sites.size())
            continue;
        const Factory& f = facts.factories[i];
        const Zone* zone = nullptr;
        if (!f.zoneId.empty())
            if (auto it = zoneById.find(f.zoneId); it != zoneById.end())
                zone = it->second;
        if (match(FilterRow{&f, &status.sites[i], zone, nullptr}))
            out.push_back(i);
    }
    return out;
}

namespace {
std::shared_ptr<const std::unordered_map<std::string, std::string>> zoneNamesOf(
    const std::vector<Zone>& zones) {
    auto names = std::make_shared<std::unordered_map<std::string, std::string>>();
    for (const auto& z : zones)
        names->emplace(z.id, z.name);
    return names;
}
}  // namespace

std::string ListView::zoneName(std::size_t row) const {
    const std::string& id = factory(row).zoneId;
    if (id.empty() || !zoneNames)
        return {};
    auto it = zoneNames->find(id);
    return it == zoneNames->end() ? std::string() : it->second;
}

const std::vector<Reason>& ListView::reasons(std::size_t row) const {
    const SiteStatus& s = site(row);
    return list == ActionList::ToSuspend ? s.suspendReasons : s.inspectReasons;
}

ListRow ListView::row(std::size_t i) const {
    const Factory& f = factory(i);
    const SiteStatus& s = site(i);
    ListRow row;
    row.siteId = f.id;
    row.name = f.name;
    row.taxCode = f.taxCode;
    row.zone = zoneName(i);
    row.district = f.district;
    row.workers = f.workforce.total;
    row.level = s.level;
    row.percent = s.percent;
    row.assessedOn = s.assessedOn;
    row.reasons = reasons(i);
    row.priority = s.priority;
    row.rank = list == ActionList::ToSuspend ? s.suspendRank : s.inspectRank;
    row.thisWeek = list == ActionList::ToInspect && s.inspectTop;
    row.criteria = status->criteria;
    return row;
}

std::vector<ListRow> ListView::rows() const {
    std::vector<ListRow> out;
    out.reserve(size());
    for (std::size_t i = 0; i < size(); ++i)
        out.push_back(row(i));
    return out;
}

ListView listView(ActionList list, std::shared_ptr<const ProjectFacts> facts,
                  std::shared_ptr<const ProjectStatus> status, const SiteFilter& filter) {
    ListView v;
    v.list = list;
    v.positions = listPositions(list, *facts, *status, filter);
    v.zoneNames = zoneNamesOf(facts->zones);
    v.filter = filter;
    v.facts = std::move(facts);
    v.status = std::move(status);
    return v;
}

ListView listViewOf(ActionList list, const std::vector<ListRow>& rows) {
    auto facts = std::make_shared<ProjectFacts>();
    auto status = std::make_shared<ProjectStatus>();
    ListView v;
    v.list = list;
    for (const auto& r : rows) {
        Factory f;
        f.id = r.siteId;
        f.name = r.name;
        f.taxCode = r.taxCode;
        f.district = r.district;
        f.workforce.total = r.workers;
        if (!r.zone.empty()) {
            f.zoneId = "zone:" + r.zone;
            Zone z;
            z.id = f.zoneId;
            z.name = r.zone;
            facts->zones.push_back(std::move(z));
        }
        SiteStatus s;
        s.siteId = r.siteId;
        s.level = r.level;
        s.percent = r.percent;
        s.assessedOn = r.assessedOn;
        (list == ActionList::ToSuspend ? s.suspendReasons : s.inspectReasons) = r.reasons;
        (list == ActionList::ToSuspend ? s.toSuspend : s.toInspect) = true;
        s.priority = r.priority;
        (list == ActionList::ToSuspend ? s.suspendRank : s.inspectRank) = r.rank;
        s.inspectTop = r.thisWeek;
        if (!status->criteria)
            status->criteria = r.criteria;
        v.positions.push_back(static_cast<std::uint32_t>(facts->factories.size()));
        facts->factories.push_back(std::move(f));
        status->sites.push_back(std::move(s));
    }
    facts->index = makeFactoryIndex(facts->factories);
    status->index = facts->index;
    v.zoneNames = zoneNamesOf(facts->zones);
    v.facts = std::move(facts);
    v.status = std::move(status);
    return v;
}

std::vector<ListRow> listRows(ActionList list, const ProjectFacts& facts,
                              const ProjectStatus& status, const SiteFilter& filter) {
    // A view that does not own: the rows are copied out before the caller's objects go.
    ListView view;
    view.list = list;
    view.facts = std::shared_ptr<const ProjectFacts>(&facts, [](const ProjectFacts*) {});
    view.status = std::shared_ptr<const ProjectStatus>(&status, [](const ProjectStatus*) {});
    view.positions = listPositions(list, facts, status, filter);
    view.zoneNames = zoneNamesOf(facts.zones);
    return view.rows();
}

ListProvenance provenanceOf(ActionList list, const ProjectStatus& status, const SiteFilter& filter,
                            const std::vector<Zone>& zones) {
    ListProvenance p;
    p.list = list;
    if (status.criteria)
        p.criteria = CriteriaRef{status.criteria->id, status.criteria->version};
    p.asOf = status.asOf;
    p.settings = status.settings;
    p.filter = describe(filter, false, zones);
    return p;
}

const std::vector<std::string>& listColumnNames() {
    static const std::vector<std::string> names = {
        "rank",         "priority", "this_week",  "site_id",       "tax_code", "name",
        "zone",         "district", "workers",    "level",         "percent",  "assessed_on",
        "reason_codes", "reasons",  "reasons_en", "reason_indices"};
    return names;
}

namespace {

// What one CSV row shows, borrowed from a ListRow or straight from a view's facts and
// status, so that `safemap list` writes 100,000 rows without copying each into a ListRow.
struct ListCells {
    int rank = 0;
    double priority = 0;
    bool thisWeek = false;
    std::string_view siteId, taxCode, name, zone, district;
    std::optional<int> workers;
    std::optional<RiskLevel> level;
    double percent = 0;
    std::optional<Date> assessedOn;
    const std::vector<Reason>* reasons = nullptr;
    const CriteriaSet* criteria = nullptr;
};

ListCells cellsOf(const ListRow& r) {
    return ListCells{r.rank,     r.priority.total(), r.thisWeek, r.siteId, r.taxCode, r.name,
                     r.zone,     r.district,         r.workers,  r.level,  r.percent, r.assessedOn,
                     &r.reasons, r.criteria.get()};
}

ListCells cellsOf(const ListView& v, std::size_t row) {
    const Factory& f = v.factory(row);
    const SiteStatus& s = v.site(row);
    std::string_view zone;
    if (!f.zoneId.empty() && v.zoneNames)
        if (auto it = v.zoneNames->find(f.zoneId); it != v.zoneNames->end())
            zone = it->second;
    return ListCells{v.list == ActionList::ToSuspend ? s.suspendRank : s.inspectRank,
                     s.priority.total(),
                     v.list == ActionList::ToInspect && s.inspectTop,
                     f.id,
                     f.taxCode,
                     f.name,
                     zone,
                     f.district,
                     f.workforce.total,
                     s.level,
                     s.percent,
                     s.assessedOn,
                     &v.reasons(row),
                     v.status ? v.status->criteria.get() : nullptr};
}

// A list's rows are in priority order, so each reaches a facility and its status far from
// the previous row's: fetched a few rows ahead, their memory is there when the row is
// written (the wait for them was most of cellsOf on a 100,000-row list).
void prefetchRow(const ListView& v, std::size_t row) {
    constexpr std::size_t kAhead = 8;
    if (row + kAhead < v.size()) {
        __builtin_prefetch(&v.factory(row + kAhead));
        __builtin_prefetch(&v.site(row + kAhead));
    }
    if (row + kAhead / 2 < v.size()) {
        const Factory& f = v.factory(row + kAhead / 2);
        __builtin_prefetch(f.name.data());
        __builtin_prefetch(v.reasons(row + kAhead / 2).data());
    }
}

std::string csvHead(bool excelBom, const ExportHeading* heading, std::size_t rows) {
    std::string out = excelBom ? "\xEF\xBB\xBF" : "";
    if (heading)
        out += headingToCsv(*heading);
    for (const auto& name : listColumnNames())
        (out += name) += ',';
    out.back() = '\r';
    out += '\n';
    out.reserve(out.size() + rows * 400);  // an inspection row is about 360 bytes
    return out;
}

void appendCsvRow(std::string& out, const ListCells& r) {
    // Text that came from a file (names, zones, an inspector's finding in the reasons) may
    // begin like a formula; it stays text in a spreadsheet.
    const auto text = [&out](std::string_view s) {
        if (looksLikeFormula(s))
            appendCsvField(out, spreadsheetText(s));  // rare: a copy with the apostrophe
        else
            appendCsvField(out, s);
        out += ',';
    };
    std::string codes, indices;
    for (const auto& reason : *r.reasons) {
        (codes += codes.empty() ? "" : "; ") += reasonCode(reason.code);
        for (const auto& id : reasonIndexIds(reason, r.criteria))
            (indices += indices.empty() ? "" : "; ") += id;
    }
    ((out += std::to_string(r.rank)) += ',') += oneDecimalText(r.priority);
    out += r.thisWeek ? ",yes," : ",no,";
    text(r.siteId);
    text(r.taxCode);
    text(r.name);
    text(r.zone);
    text(r.district);
    if (r.workers)
        out += std::to_string(*r.workers);
    out += ',';
    if (r.level)
        (out += riskLevelCode(*r.level)) += ',' + oneDecimalText(r.percent);
    else
        out += ',';
    out += ',';
    if (r.assessedOn)
        out += formatDate(*r.assessedOn);
    out += ',';
    appendCsvField(out, codes);
    out += ',';
    text(reasonsText(*r.reasons, r.criteria, true));
    text(reasonsText(*r.reasons, r.criteria, false));
    appendCsvField(out, indices);
    out += "\r\n";
}

}  // namespace

std::string listRowsToCsv(const std::vector<ListRow>& rows, bool excelBom,
                          const ExportHeading* heading) {
    std::string out = csvHead(excelBom, heading, rows.size());
    for (const auto& r : rows)
        appendCsvRow(out, cellsOf(r));
    return out;
}

namespace {

// The one walk over a view's rows (the whole text, or pieces of it): `out` is handed to
// `full` whenever it holds `pieceBytes` or more.
template <class Full>
void appendViewRows(const ListView& view, std::string& out, std::size_t pieceBytes, Full full) {
    for (std::size_t i = 0; i < view.size(); ++i) {
        prefetchRow(view, i);
        appendCsvRow(out, cellsOf(view, i));
        if (out.size() >= pieceBytes)
            full(out);
    }
}

}  // namespace

std::string listViewToCsv(const ListView& view, bool excelBom, const ExportHeading* heading) {
    std::string out = csvHead(excelBom, heading, view.size());
    appendViewRows(view, out, std::string::npos, [](std::string&) {});
    return out;
}

void listViewToCsvPieces(const ListView& view, bool excelBom, const ExportHeading* heading,
                         const std::function<void(std::string_view)>& sink,
                         std::size_t pieceBytes) {
    std::string out = csvHead(excelBom, heading, 0);
    out.reserve(pieceBytes + 4096);
    appendViewRows(view, out, pieceBytes, [&sink](std::string& piece) {
        sink(piece);
        piece.clear();
    });
    if (!out.empty())
        sink(out);
}

std::string listRowsToJson(const std::vector<ListRow>& rows, const ListProvenance& p) {
    using nlohmann::json;
    json settings = json::object();
    const std::string text = describeRuleSettings(p.settings);
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t end = text.find('\n', pos);
        const std::string line = text.substr(pos, end - pos);
        if (auto eq = line.find('='); eq != std::string::npos)
            settings[line.substr(0, eq)] = line.substr(eq + 1);
        pos = end == std::string::npos ? text.size() : end + 1;
    }
    json j;
    j["list"] = actionListCode(p.list);
    j["criteria_set"] =
        p.criteria ? json{{"id", p.criteria->id}, {"version", p.criteria->version}} : json(nullptr);
    j["as_of"] = formatDate(p.asOf);
    j["settings"] = settings;
    j["filter"] = p.filter;
    j["count"] = rows.size();
    json sites = json::array();
    for (const auto& r : rows) {
        json reasons = json::array();
        for (const auto& reason : r.reasons)
            reasons.push_back({{"code", reasonCode(reason.code)},
                               {"indices", reasonIndexIds(reason, r.criteria.get())},
                               {"vi", reasonText(reason, r.criteria.get(), true)},
                               {"en", reasonText(reason, r.criteria.get(), false)}});
        const Priority& p = r.priority;
        const json parts = {{"level", oneDecimal(p.level)},
                            {"measures", oneDecimal(p.measures)},
                            {"index", oneDecimal(p.indices)},
                            {"workforce", oneDecimal(p.workforce)},
                            {"assessment_age", oneDecimal(p.assessmentAge)},
                            {"rise", oneDecimal(p.rise)},
                            {"inspection_age", oneDecimal(p.inspectionAge)}};
        json site = {{"rank", r.rank},          {"priority", p.total()}, {"priority_parts", parts},
                     {"this_week", r.thisWeek}, {"site_id", r.siteId},   {"name", r.name},
                     {"reasons", reasons}};
        site["level"] = r.level ? json(riskLevelCode(*r.level)) : json(nullptr);
        site["percent"] = r.level ? json(r.percent) : json(nullptr);
        site["assessed_on"] = r.assessedOn ? json(formatDate(*r.assessedOn)) : json(nullptr);
        sites.push_back(std::move(site));
    }
    j["sites"] = sites;
    return j.dump(2) + "\n";
}

}  // namespace safemap
