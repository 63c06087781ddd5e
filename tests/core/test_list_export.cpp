// The heading of list exports and formula-safe cells (issue 9).
#include <catch2/catch.hpp>

#include "core/project/list_export.h"
#include "core/tabular/csv_field.h"
#include "core/tabular/spreadsheet_text.h"
#include "core/util/timestamp.h"
#include "project_fixture.h"

using namespace safemap;
using namespace safemap::test;

namespace {

ProjectStatus statusWithCriteria() {
    ProjectStatus status;
    status.criteria = criteriaFrom(kCrlnFile);
    status.asOf = *parseDate("2021-06-30");
    status.settings.asOf = status.asOf;
    return status;
}

std::vector<ListRow> rowsWithFormulas() {
    ListRow a;
    a.rank = 1;
    a.siteId = "F-001";
    a.name = "=HYPERLINK(\"http://x\",\"Công ty May Đồng Văn\")";
    a.district = "+Duy Tiên";
    a.zone = "@KCN";
    a.level = RiskLevel::VeryHigh;
    a.percent = 92.5;
    ListRow b;
    b.rank = 2;
    b.siteId = "F-002";
    b.name = "Nhà máy Thép Hòa Phát";
    b.district = "-3";
    return {a, b};
}

// The cells of an RFC 4180 text, row by row, as any CSV reader sees them; empty rows
// are skipped.
std::vector<std::vector<std::string>> cellsOf(const std::string& csv) {
    std::vector<std::vector<std::string>> out;
    std::vector<std::string> row;
    std::string cell;
    bool quoted = false, any = false;
    for (std::size_t i = 0; i < csv.size(); ++i) {
        const char c = csv[i];
        if (quoted) {
            if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"')
                cell += csv[++i];
            else if (c == '"')
                quoted = false;
            else
                cell += c;
        } else if (c == '"') {
            quoted = any = true;
        } else if (c == ',') {
            row.push_back(std::move(cell));
            cell.clear();
            any = true;
        } else if (c == '\n') {
            if (any || !cell.empty()) {
                row.push_back(std::move(cell));
                out.push_back(std::move(row));
            }
            row.clear();
            cell.clear();
            any = false;
        } else if (c != '\r') {
            cell += c;
            any = true;
        }
    }
    return out;
}

}  // namespace

TEST_CASE("a CSV field is quoted only when it holds a comma, a quote or a line break", "[export]") {
    CHECK(csvField("Hà Nam") == "Hà Nam");
    CHECK(csvField("").empty());
    CHECK(csvField("a,b") == "\"a,b\"");
    CHECK(csvField("cỡ 5\"") == "\"cỡ 5\"\"\"");
    CHECK(csvField("dòng 1\ndòng 2") == "\"dòng 1\ndòng 2\"");
    CHECK(csvField("x\r") == "\"x\r\"");
    std::string out = "a,";
    appendCsvField(out, "b,c");
    appendCsvField(out, "d");
    CHECK(out == "a,\"b,c\"d");
}

TEST_CASE("spreadsheetText prefixes only what would start a formula", "[export]") {
    CHECK(spreadsheetText("=1+1") == "'=1+1");
    CHECK(spreadsheetText("+84 912") == "'+84 912");
    CHECK(spreadsheetText("-3") == "'-3");
    CHECK(spreadsheetText("@SUM(A1)") == "'@SUM(A1)");
    CHECK(spreadsheetText("Hà Nam") == "Hà Nam");
    CHECK(spreadsheetText("").empty());
    CHECK(spreadsheetText("a=b") == "a=b");
}

TEST_CASE("a list export says as of when, which criteria set and version and which filter",
          "[export]") {
    const ProjectStatus status = statusWithCriteria();
    SiteFilter filter;
    filter.districts.insert("Duy Tiên");
    ListExportOptions options;
    options.generatedAt = 1625097600;  // 2021-07-01 00:00 UTC
    options.excelBom = false;
    const std::string csv =
        listExportCsv(ActionList::ToSuspend, rowsWithFormulas(), status, filter, {}, options);
    const auto cells = cellsOf(csv);
    CHECK(cells[0][0] == "Danh sách cơ sở cần tạm dừng hoạt động");
    auto value = [&](const std::string& label) -> std::string {
        for (const auto& row : cells)
            if (row.size() >= 2 && row[0] == label)
                return row[1];
        return "(missing)";
    };
    CHECK(value("Tính đến ngày") == "30/06/2021");
    const std::string criteria = value("Bộ tiêu chí");
    CHECK(criteria.find(status.criteria->id) != std::string::npos);
    CHECK(criteria.find(numbered("phiên bản ", status.criteria->version)) != std::string::npos);
    CHECK(value("Bộ lọc").find("Duy Tiên") != std::string::npos);
    CHECK(value("Số dòng") == "2");
    CHECK(value("Lập lúc") == formatLocalTimestamp(options.generatedAt));

    // The machine-readable part: the table starts after the first empty row, with the same
    // header and cells as the bare export.
    const std::size_t blank = csv.find("\r\n\r\n");
    REQUIRE(blank != std::string::npos);
    options.heading = false;
    const std::string bare =
        listExportCsv(ActionList::ToSuspend, rowsWithFormulas(), status, filter, {}, options);
    CHECK(csv.substr(blank + 4) == bare);
    CHECK(bare.rfind("rank,priority,", 0) == 0);
}

TEST_CASE("list export cells that would run as formulas stay text", "[export]") {
    ListExportOptions options;
    options.heading = false;
    options.excelBom = false;
    const auto cells = cellsOf(listExportCsv(ActionList::ToSuspend, rowsWithFormulas(),
                                             statusWithCriteria(), {}, {}, options));
    REQUIRE(cells.size() == 3);
    const auto& header = cells[0];
    auto column = [&](const std::string& name) {
        return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) -
                                        header.begin());
    };
    CHECK(cells[1][column("name")] == "'=HYPERLINK(\"http://x\",\"Công ty May Đồng Văn\")");
    CHECK(cells[1][column("district")] == "'+Duy Tiên");
    CHECK(cells[1][column("zone")] == "'@KCN");
    CHECK(cells[2][column("district")] == "'-3");
    CHECK(cells[2][column("name")] == "Nhà máy Thép Hòa Phát");
    // Numbers are written by the exporter and never prefixed.
    CHECK(cells[1][column("percent")] == "92.5");
    CHECK(cells[1][column("rank")] == "1");
}

TEST_CASE("list export heading in English and without criteria", "[export]") {
    ProjectStatus status;
    status.asOf = *parseDate("2021-06-30");
    ListExportOptions options;
    options.vietnamese = false;
    const std::string csv = listExportCsv(ActionList::ToInspect, {}, status, {}, {}, options);
    CHECK(csv.rfind("\xEF\xBB\xBF"
                    "Facilities due for inspection\r\n",
                    0) == 0);
    CHECK(csv.find("As of,2021-06-30") != std::string::npos);
    CHECK(csv.find("Criteria set,none chosen yet (no scores)") != std::string::npos);
    CHECK(csv.find("Filter,none (every facility)") != std::string::npos);
}
