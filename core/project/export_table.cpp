#include "core/project/export_table.h"

#include <algorithm>
#include <charconv>

#include "core/tabular/csv_field.h"
#include "core/tabular/spreadsheet_text.h"

namespace safemap {

namespace {

std::string oneDecimalText(double v) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 1);
    return ec == std::errc() ? std::string(buf, end) : std::string();
}

}  // namespace

ExportSheet listSheet(const std::vector<ListRow>& rows, std::string sheetName) {
    ExportSheet sheet;
    sheet.name = sheetNameOf(sheetName);
    for (const auto& name : listColumnNames()) {
        ExportColumnType type = ExportColumnType::Text;
        if (name == "rank" || name == "workers")
            type = ExportColumnType::Integer;
        else if (name == "priority" || name == "percent")
            type = ExportColumnType::Real;
        sheet.columns.push_back({name, type});
    }
    sheet.rows.reserve(rows.size());
    for (const auto& r : rows) {
        std::string codes;
        for (const auto& reason : r.reasons)
            codes += (codes.empty() ? "" : "; ") + std::string(reasonCode(reason.code));
        sheet.rows.push_back({std::to_string(r.rank),
                              oneDecimalText(r.priority.total()),
                              r.thisWeek ? "yes" : "no",
                              spreadsheetText(r.siteId),
                              spreadsheetText(r.taxCode),
                              spreadsheetText(r.name),
                              spreadsheetText(r.zone),
                              spreadsheetText(r.district),
                              r.workers ? std::to_string(*r.workers) : std::string(),
                              r.level ? std::string(riskLevelCode(*r.level)) : std::string(),
                              r.level ? oneDecimalText(r.percent) : std::string(),
                              r.assessedOn ? formatDate(*r.assessedOn) : std::string(),
                              codes,
                              spreadsheetText(r.reasonsIn(true)),
                              spreadsheetText(r.reasonsIn(false))});
    }
    return sheet;
}

std::string sheetToCsv(const ExportSheet& sheet, const ExportHeading* heading, bool excelBom) {
    std::string out = excelBom ? "\xEF\xBB\xBF" : "";
    if (heading)
        out += headingToCsv(*heading);
    for (std::size_t i = 0; i < sheet.columns.size(); ++i)
        (out += i ? "," : "") += csvField(sheet.columns[i].name);
    out += "\r\n";
    for (const auto& row : sheet.rows) {
        for (std::size_t i = 0; i < row.size(); ++i)
            (out += i ? "," : "") += csvField(row[i]);
        out += "\r\n";
    }
    return out;
}

std::string sheetNameOf(const std::string& text) {
    std::string out;
    for (const char c : text)
        out += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '-';
    // Excel counts UTF-16 units; every Vietnamese letter is one, so 31 code points will do.
    std::size_t points = 0, cut = 0;
    while (cut < out.size() && points < 31) {
        const auto c = static_cast<unsigned char>(out[cut]);
        cut += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        ++points;
    }
    out.resize(std::min(cut, out.size()));
    while (!out.empty() && (out.back() == ' ' || out.back() == '\''))
        out.pop_back();
    return out.empty() ? std::string("Sheet1") : out;
}

}  // namespace safemap
