#include "core/project/export_table.h"

#include <charconv>
#include <unordered_map>

#include "core/criteria/risk_level.h"
#include "core/filter/filter_match.h"
#include "core/rules/action_lists.h"
#include "core/tabular/csv_field.h"
#include "core/tabular/spreadsheet_text.h"

namespace safemap {

namespace {

std::string oneDecimalText(double v) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 1);
    return ec == std::errc() ? std::string(buf, end) : std::string();
}

std::string optionalInt(const std::optional<int>& v) {
    return v ? std::to_string(*v) : std::string();
}

}  // namespace

ExportTable listTable(const std::vector<ListRow>& rows) {
    ExportTable t;
    for (const std::string& name : listColumnNames()) {
        ExportColumnType type = ExportColumnType::Text;
        if (name == "rank" || name == "workers")
            type = ExportColumnType::Integer;
        else if (name == "priority" || name == "percent")
            type = ExportColumnType::Real;
        t.columns.push_back({name, type});
    }
    t.rows.reserve(rows.size());
    for (const ListRow& r : rows) {
        std::string codes, indices;
        for (const auto& reason : r.reasons) {
            (codes += codes.empty() ? "" : "; ") += reasonCode(reason.code);
            for (const auto& id : reasonIndexIds(reason, r.criteria.get()))
                (indices += indices.empty() ? "" : "; ") += id;
        }
        t.rows.push_back({std::to_string(r.rank), oneDecimalText(r.priority.total()),
                          r.thisWeek ? "yes" : "no", r.siteId, r.taxCode, r.name, r.zone,
                          r.district, optionalInt(r.workers),
                          r.level ? std::string(riskLevelCode(*r.level)) : "",
                          r.level ? oneDecimalText(r.percent) : "",
                          r.assessedOn ? formatDate(*r.assessedOn) : "", codes, r.reasonsIn(true),
                          r.reasonsIn(false), indices});
    }
    return t;
}

ExportTable facilityTableAt(const ProjectFacts& facts, const ProjectStatus& status,
                            const std::vector<std::uint32_t>& positions) {
    using T = ExportColumnType;
    ExportTable t;
    t.columns = {{"site_id", T::Text},
                 {"tax_code", T::Text},
                 {"name", T::Text},
                 {"zone", T::Text},
                 {"district", T::Text},
                 {"province", T::Text},
                 {"workers", T::Integer},
                 {"level", T::Text},
                 {"level_name", T::Text},
                 {"percent", T::Real},
                 {"assessed_on", T::Text},
                 {"to_suspend", T::Integer},
                 {"suspend_rank", T::Integer},
                 {"to_inspect", T::Integer},
                 {"inspect_rank", T::Integer},
                 {"approximate_position", T::Integer}};
    std::unordered_map<std::string, std::string> zoneNames;
    for (const Zone& z : facts.zones)
        zoneNames.emplace(z.id, z.name);
    t.rows.reserve(positions.size());
    t.positions = positions;
    for (const std::uint32_t p : positions) {
        const Factory& f = facts.factories[p];
        const SiteStatus& s = status.sites[p];
        auto zone = zoneNames.find(f.zoneId);
        auto rank = [](int r) { return r > 0 ? std::to_string(r) : std::string(); };
        t.rows.push_back({f.id, f.taxCode, f.name,
                          zone == zoneNames.end() ? std::string() : zone->second, f.district,
                          f.province, optionalInt(f.workforce.total),
                          s.level ? std::string(riskLevelCode(*s.level)) : "",
                          s.level ? std::string(riskLevelLabelVi(*s.level)) : "chưa đánh giá",
                          s.level ? oneDecimalText(s.percent) : "",
                          s.assessedOn ? formatDate(*s.assessedOn) : "", s.toSuspend ? "1" : "0",
                          rank(s.suspendRank), s.toInspect ? "1" : "0", rank(s.inspectRank),
                          f.approximatePosition ? "1" : "0"});
    }
    return t;
}

ExportTable facilityTable(const ProjectFacts& facts, const ProjectStatus& status,
                          const SiteFilter& filter) {
    const std::vector<FilterRow> rows =
        makeFilterRows(facts.factories, facts.zones, status, nullptr);
    std::vector<std::uint32_t> positions;
    for (const std::size_t i : matchingRows(filter, rows))
        positions.push_back(static_cast<std::uint32_t>(i));
    return facilityTableAt(facts, status, positions);
}

std::string exportTableCsv(const ExportTable& table, const ExportHeading* heading) {
    std::string out = "\xEF\xBB\xBF";
    if (heading)
        out += headingToCsv(*heading);
    for (const ExportColumn& c : table.columns)
        (out += csvField(c.name)) += ',';
    if (!table.columns.empty())
        out.back() = '\r';
    out += '\n';
    for (const auto& row : table.rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            const bool text = table.columns[i].type == ExportColumnType::Text;
            (out += text ? csvField(spreadsheetText(row[i])) : row[i]) += ',';
        }
        if (!row.empty())
            out.back() = '\r';
        out += '\n';
    }
    return out;
}

std::string exportFileName(ExportKind kind, const Date& asOf, bool vietnamese,
                           const std::string& extension) {
    std::string name;
    switch (kind) {
        case ExportKind::SuspendList:
            name = vietnamese ? "danh_sach_dinh_chi" : "suspend_list";
            break;
        case ExportKind::InspectList:
            name = vietnamese ? "danh_sach_kiem_tra" : "inspection_list";
            break;
        case ExportKind::Facilities:
            name = vietnamese ? "co_so" : "facilities";
            break;
        case ExportKind::Cordon:
            name = vietnamese ? "vung_phong_toa" : "cordon";
            break;
        case ExportKind::Map:
            name = vietnamese ? "ban_do" : "map";
            break;
    }
    name += '_';
    name += formatDate(asOf);
    name += '.';
    name += extension;
    return name;
}

}  // namespace safemap
