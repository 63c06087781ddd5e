// Report templates as data (issue 9): built-ins parse, a template round-trips through JSON
// and a file, and a malformed one is refused with the field it got wrong.
#include <catch2/catch.hpp>

#include "core/errors/error_catalogue.h"
#include "core/filter/filter_json.h"
#include "core/report/report_template.h"
#include "test_support.h"

using namespace safemap;

namespace {

std::string withBlocks(const std::string& blocks) {
    std::string json = R"({"format": "safemap-report-template", "version": 1, "name": "t",
                         "blocks": )";
    json += blocks;
    json += "}";
    return json;
}

}  // namespace

TEST_CASE("the built-in report templates", "[report_template]") {
    const auto& all = builtInReportTemplates();
    REQUIRE(all.size() == 2);
    const auto overview = builtInReportTemplate("overview");
    REQUIRE(overview);
    CHECK(overview->lists.empty());
    CHECK(overview->blocks.size() >= 2);
    CHECK(overview->blocks.front().kind == ReportBlockKind::Map);
    const auto lists = builtInReportTemplate("action-lists");
    REQUIRE(lists);
    CHECK(lists->blocks.empty());
    CHECK(lists->orientation == TemplateOrientation::Portrait);
    REQUIRE(lists->lists.size() == 2);
    CHECK(lists->lists[0] == ReportListPart{ActionList::ToSuspend, 0});
    CHECK_FALSE(builtInReportTemplate("nosuch"));
}

TEST_CASE("a report template round-trips through JSON and a file", "[report_template]") {
    ReportTemplate t;
    t.name = "Họp thứ Hai — huyện Duy Tiên";
    t.title = "Báo cáo tuần: cơ sở cần kiểm tra";
    t.paper = TemplatePaper::A3;
    t.orientation = TemplateOrientation::Portrait;
    auto filter = siteFilterFromJson(R"({"version": 1, "districts": ["Duy Tiên"]})");
    REQUIRE(filter.ok());
    REQUIRE_FALSE(filter->isEmpty());
    t.filter = *filter;
    t.blocks = {{ReportBlockKind::Map, 0, 0, 1, 0.7},
                {ReportBlockKind::Legend, 0, 0.7, 0.5, 0.3},
                {ReportBlockKind::LevelsChart, 0.5, 0.7, 0.5, 0.3}};
    t.lists = {{ActionList::ToInspect, 25}};
    const std::string json = reportTemplateToJson(t);
    auto back = parseReportTemplate(json);
    INFO(json);
    REQUIRE(back.ok());
    CHECK(*back == t);
    CHECK(reportTemplateToJson(*back) == json);

    TempDir dir;
    const std::string path = dir.file("mẫu.json");
    REQUIRE(saveReportTemplate(path, t).ok());
    auto loaded = loadReportTemplate(path);
    REQUIRE(loaded.ok());
    CHECK(*loaded == t);
    // Every built-in writes back to itself too.
    for (const ReportTemplate& b : builtInReportTemplates()) {
        auto again = parseReportTemplate(reportTemplateToJson(b));
        REQUIRE(again.ok());
        CHECK(*again == b);
    }
}

TEST_CASE("a malformed report template is refused naming the field", "[report_template]") {
    struct Case {
        std::string json;
        std::string field;
        std::string code;
    };
    const std::vector<Case> cases{
        {withBlocks(R"([{"block": "map", "x": 0, "y": 0, "widht": 1, "height": 1}])"),
         "blocks[0].widht", "report_template.unknown_field"},
        {withBlocks(R"([{"block": "map", "x": 0, "y": 0, "width": 1, "height": 1},
                        {"block": "legend", "x": 0.5, "y": 0, "width": 0.7, "height": 1}])"),
         "blocks[1].width", "report_template.bad_value"},
        {withBlocks(R"([{"block": "pie", "x": 0, "y": 0, "width": 1, "height": 1}])"),
         "blocks[0].block", "report_template.bad_value"},
        {withBlocks(R"([{"block": "map", "x": "0", "y": 0, "width": 1, "height": 1}])"),
         "blocks[0].x", "report_template.bad_value"},
        {withBlocks(R"([{"block": "map", "x": 0, "width": 1, "height": 1}])"), "blocks[0].y",
         "report_template.missing_field"},
        {withBlocks("[]"), "blocks", "report_template.empty"},
        {R"({"format": "safemap-report-template", "version": 1, "name": "t", "paper": "a5",
             "lists": [{"list": "suspend"}]})",
         "paper", "report_template.bad_value"},
        {R"({"format": "safemap-report-template", "version": 1, "name": "t",
             "lists": [{"list": "suspend", "rows": -1}]})",
         "lists[0].rows", "report_template.bad_value"},
        {R"({"format": "safemap-report-template", "version": 1,
             "lists": [{"list": "suspend"}]})",
         "name", "report_template.missing_field"},
        {R"({"format": "safemap-report-template", "version": 2, "name": "t"})", "version",
         "report_template.newer_version"},
        {R"({"format": "safemap-report-template", "version": 1, "name": "t",
             "filter": {"version": 1, "levels": ["purple"]}, "lists": [{"list": "inspect"}]})",
         "filter", "report_template.bad_value"},
    };
    for (const Case& c : cases) {
        INFO(c.json);
        auto t = parseReportTemplate(c.json, "mẫu.json");
        REQUIRE_FALSE(t.ok());
        CHECK(t.error().column == c.field);
        CHECK(t.error().code == c.code);
        CHECK(t.error().file == "mẫu.json");
        // Worded in both languages, the field named in each.
        CHECK(describeError(t.error(), Language::English).find(c.field) != std::string::npos);
        CHECK(describeError(t.error(), Language::Vietnamese).find(c.field) != std::string::npos);
    }
    auto notJson = parseReportTemplate("{\"format\": ", "x.json");
    REQUIRE_FALSE(notJson.ok());
    CHECK(notJson.error().code == "report_template.not_json");
    auto missing = loadReportTemplate("no-such-template");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == "report_template.not_found");
    CHECK(missing.error().message.find("action-lists") != std::string::npos);
}
