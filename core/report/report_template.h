#pragma once
// Report templates as data (issue 9): which blocks a report's first page holds and where,
// the sheet, the filter and which action lists follow, read from and written to JSON so an
// analyst can keep "the report of our Monday meeting" in a file. docs/report_templates.md
// describes the format; two templates are built in.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/filter/site_filter.h"
#include "core/project/list_rows.h"
#include "core/result.h"

namespace safemap {

/// The blocks a template may place on the first page.
enum class ReportBlockKind {
    Map,             ///< the map, its scale bar and north arrow
    Legend,          ///< the legend with counts, the scale and the coordinate reference
    Overview,        ///< an inset locating the map in Viet Nam
    LevelsChart,     ///< facilities by risk level
    DistrictsChart,  ///< facilities by district, split by level
    TrendChart,      ///< the levels as of each data date
};

std::string_view reportBlockCode(ReportBlockKind kind);  ///< "map", "legend", …
std::optional<ReportBlockKind> reportBlockFromCode(std::string_view code);

/// \brief A block and its place, as fractions (0 to 1) of the page's body: the area
/// between the title band and the footer, so one template fits A4 and A3 alike.
struct ReportBlockPlace {
    ReportBlockKind kind = ReportBlockKind::Map;
    double x = 0, y = 0, width = 1, height = 1;
    friend bool operator==(const ReportBlockPlace&, const ReportBlockPlace&) = default;
};

/// \brief An action list's table after the first page.
struct ReportListPart {
    ActionList list = ActionList::ToSuspend;
    std::size_t rows = 0;  ///< at most this many rows; 0: every row
    friend bool operator==(const ReportListPart&, const ReportListPart&) = default;
};

enum class TemplatePaper { A4, A3 };
enum class TemplateOrientation { Landscape, Portrait };

/// \brief A report template.
struct ReportTemplate {
    std::string name;   ///< what the dialog and --template call it
    std::string title;  ///< empty: the report's usual title
    TemplatePaper paper = TemplatePaper::A4;
    TemplateOrientation orientation = TemplateOrientation::Landscape;
    /// Which facilities; none: the project's saved filter (or the command line's).
    std::optional<SiteFilter> filter;
    std::vector<ReportBlockPlace> blocks;  ///< the first page; none: no map page
    std::vector<ReportListPart> lists;     ///< the tables, in this order
    friend bool operator==(const ReportTemplate&, const ReportTemplate&) = default;
};

inline constexpr int kReportTemplateVersion = 1;

/// Reads a template. A malformed one is a coded error (report_template.*) naming the field
/// ("blocks[1].width") in Error::column and `fileName` in Error::file.
[[nodiscard]] Result<ReportTemplate> parseReportTemplate(std::string_view json,
                                                         const std::string& fileName = {});

/// The template as JSON (indented, UTF-8) that parseReportTemplate reads back equal.
std::string reportTemplateToJson(const ReportTemplate& tmpl);

/// The built-in template called `nameOrPath`, else the template in that file (its errors
/// name the file).
[[nodiscard]] Result<ReportTemplate> loadReportTemplate(const std::string& nameOrPath);

/// Writes the template to `path` (through a temporary file renamed into place).
[[nodiscard]] Status saveReportTemplate(const std::string& path, const ReportTemplate& tmpl);

/// The built-in templates: "overview" (one page: the province's map, legend, inset and
/// charts) and "action-lists" (every row of both lists, portrait).
const std::vector<ReportTemplate>& builtInReportTemplates();
/// The built-in template called `name`, or none.
std::optional<ReportTemplate> builtInReportTemplate(std::string_view name);

}  // namespace safemap
