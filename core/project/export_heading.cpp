#include "core/project/export_heading.h"

#include "core/tabular/csv_field.h"
#include "core/tabular/spreadsheet_text.h"
#include "core/util/timestamp.h"

namespace safemap {

std::string humanDate(const Date& date, bool vietnamese) {
    const std::string iso = formatDate(date);
    if (!vietnamese)
        return iso;
    return iso.substr(8, 2) + '/' + iso.substr(5, 2) + '/' + iso.substr(0, 4);
}

std::string listTitle(ActionList list, bool vietnamese) {
    if (list == ActionList::ToSuspend)
        return vietnamese ? "Danh sách cơ sở cần tạm dừng hoạt động" : "Facilities to suspend";
    return vietnamese ? "Danh sách cơ sở cần kiểm tra" : "Facilities due for inspection";
}

ExportHeading exportHeading(std::string title, const ProjectStatus& status,
                            const std::string& filterText, std::size_t count,
                            std::time_t generatedAt, bool vietnamese) {
    ExportHeading h;
    h.title = std::move(title);
    auto add = [&](const char* vi, const char* en, std::string value) {
        h.lines.emplace_back(vietnamese ? vi : en, std::move(value));
    };
    add("Tính đến ngày", "As of", humanDate(status.asOf, vietnamese));
    if (status.criteria) {
        const CriteriaSet& c = *status.criteria;
        const std::string& name = vietnamese || c.nameEn.empty() ? c.name : c.nameEn;
        add("Bộ tiêu chí", "Criteria set",
            name + " (" + c.id + (vietnamese ? ", phiên bản " : ", version ") +
                std::to_string(c.version) + ")");
    } else {
        add("Bộ tiêu chí", "Criteria set",
            vietnamese ? "chưa chọn (chưa có điểm)" : "none chosen yet (no scores)");
    }
    // The thresholds as the command line takes them (the date has its own line).
    const std::string described = describeRuleSettings(status.settings);
    std::string rules;
    for (std::size_t pos = 0; pos < described.size();) {
        std::size_t end = described.find('\n', pos);
        if (end == std::string::npos)
            end = described.size();
        const std::string_view line(described.data() + pos, end - pos);
        if (!line.empty() && !line.starts_with("as-of="))
            (rules += rules.empty() ? "" : "; ") += line;
        pos = end + 1;
    }
    add("Ngưỡng quy tắc", "Rule thresholds", rules);
    add("Bộ lọc", "Filter",
        filterText.empty() ? (vietnamese ? "không (mọi cơ sở)" : "none (every facility)")
                           : filterText);
    add("Số dòng", "Rows", std::to_string(count));
    add("Lập lúc", "Generated at", formatLocalTimestamp(generatedAt));
    return h;
}

std::string headingToCsv(const ExportHeading& heading) {
    std::string out = csvField(spreadsheetText(heading.title)) + "\r\n";
    for (const auto& [label, value] : heading.lines)
        out += csvField(spreadsheetText(label)) + ',' + csvField(spreadsheetText(value)) + "\r\n";
    return out + "\r\n";
}

}  // namespace safemap
