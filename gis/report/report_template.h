#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/filter/site_filter.h"
#include "core/model/geometry.h"
#include "core/result.h"

namespace safemap {

/// Paper of a report page.
enum class PaperSize { A4, A3 };
enum class PaperOrientation { Portrait, Landscape };

/// \brief What a block of a report page shows.
enum class BlockType {
    Map,            ///< the project's map (the one map composition) with scale bar, north arrow, CRS
    Legend,         ///< every symbol on the map, with counts under the report's filter
    Overview,       ///< Việt Nam (with Hoàng Sa and Trường Sa) and where the map is
    Summary,        ///< the key numbers: facilities, to suspend, due for inspection, …
    LevelChart,     ///< facilities by risk level
    DistrictChart,  ///< facilities by district, split by level
    TrendChart,     ///< facilities by level at each date of the project's history
    SuspendTable,   ///< the "to suspend" list, continued over as many pages as it needs
    InspectTable,   ///< the "due for inspection" list, likewise
    Text,           ///< a fixed paragraph (a note, a signature line)
};

std::string_view blockTypeCode(BlockType type);  ///< "map", "legend", … as in template files
std::optional<BlockType> blockTypeFromCode(std::string_view code);

/// Which part of the world a map block shows.
enum class MapExtentMode {
    Sites,  ///< every site that passes the filter (zones and facilities), with a margin
    View,   ///< the window's current view (the project's saved view from the command line)
    Fixed,  ///< ReportBlock::extent, in degrees
};

/// \brief Where a block sits, as fractions of the page body (the part of the page inside
/// the margins, between the title band and the footer), so one template fits A4 and A3,
/// portrait and landscape. (0, 0) is the top left.
struct BlockRect {
    double x = 0, y = 0, width = 1, height = 1;
    friend bool operator==(const BlockRect&, const BlockRect&) = default;
};

/// \brief One block of a page.
struct ReportBlock {
    BlockType type = BlockType::Map;
    BlockRect rect;
    /// The heading above the block; empty: the usual heading of its type in the report's
    /// language. "-" draws none.
    std::string title;
    MapExtentMode extent = MapExtentMode::Sites;  ///< Map
    BBox fixedExtent;                             ///< Map with MapExtentMode::Fixed: degrees
    int top = 10;      ///< DistrictChart: the districts with the most facilities
    int maxRows = 0;   ///< tables: at most this many rows (0: the whole list)
    std::string text;  ///< Text
    friend bool operator==(const ReportBlock&, const ReportBlock&) = default;
};

struct ReportPageTemplate {
    std::vector<ReportBlock> blocks;
    friend bool operator==(const ReportPageTemplate&, const ReportPageTemplate&) = default;
};

/// \brief A report's layout as data (docs/reports.md): which blocks, where, on what paper,
/// for which facilities. Every page gets the title band (title, province, as-of date, criteria
/// set) and the footer (sources, page number); a table that does not fit its block goes on
/// over extra pages with its header repeated.
struct ReportTemplate {
    std::string id;      ///< short ASCII name: `safemap report --template ID`
    std::string name;    ///< shown in the report dialog (Vietnamese)
    std::string nameEn;  ///< shown in the English UI; empty: `name`
    std::string title;   ///< the report's title; empty: the usual title in the report's language
    PaperSize paper = PaperSize::A4;
    PaperOrientation orientation = PaperOrientation::Landscape;
    double marginMm = 10;
    /// Replaces the scenario's filter when set (a template "for district X").
    std::optional<SiteFilter> filter;
    std::vector<ReportPageTemplate> pages;
    friend bool operator==(const ReportTemplate&, const ReportTemplate&) = default;
};

/// The format_version template files are written with and the newest this build reads.
inline constexpr int kReportTemplateFormatVersion = 1;

/// Reads a template (docs/reports.md). Anything wrong is an Error that names the field, e.g.
/// "pages[0].blocks[2].width: expected a number from 0 to 1, got 1.5"; `file` goes into
/// the Error.
[[nodiscard]] Result<ReportTemplate> reportTemplateFromJson(std::string_view json,
                                                            const std::string& file = {});
/// Reads a template file.
[[nodiscard]] Result<ReportTemplate> loadReportTemplate(const std::string& path);
/// Writes a template as JSON that reportTemplateFromJson reads back to an equal value.
std::string reportTemplateToJson(const ReportTemplate& report);

/// The templates that ship with SafeMap: "overview" (one-page province overview, A4
/// landscape) and "action-list" (both lists in full over as many pages as they need).
const std::vector<ReportTemplate>& builtinReportTemplates();
/// A built-in template by id.
std::optional<ReportTemplate> builtinReportTemplate(std::string_view id);

}  // namespace safemap
