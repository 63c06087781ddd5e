#pragma once
// A map report for meetings: a landscape page with the project's map (the one map
// composition), its legend, scale bar, north arrow, as-of date, criteria set and basemap
// attribution, then a page with the top of both action lists. Painted by one function onto
// a PDF (QPdfWriter), a printer (QPrinter, through its QPagedPaintDevice base) or an image,
// so the PDF, the printout and the PNG are the same drawing.

#include <QImage>
#include <QRectF>
#include <QSizeF>
#include <cstddef>
#include <ctime>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/filter/site_filter.h"
#include "core/project/list_rows.h"
#include "core/project/project_facts.h"
#include "core/project/project_settings.h"
#include "core/project/project_status.h"
#include "core/report/report_template.h"
#include "core/result.h"
#include "gis/project/map_composition.h"
#include "gis/render/map_language.h"
#include "gis/render/map_settings.h"

class QPagedPaintDevice;
class QPaintDevice;
class QPainter;

namespace safemap {

enum class ReportPaper { A4, A3 };
enum class ReportOrientation { Landscape, Portrait };

/// \brief How a report is laid out and worded.
struct MapReportOptions {
    ReportPaper paper = ReportPaper::A4;
    ReportOrientation orientation = ReportOrientation::Landscape;
    std::string title;  ///< empty: mapReportDefaultTitle(language)
    MapLanguage language = MapLanguage::Vietnamese;
    std::time_t generatedAt = 0;  ///< generationTime() (core/util/timestamp.h)
    bool mapPage = true;          ///< the first page: the map, its legend and scale
    /// The first page's blocks and places (a template's); none: the map with its legend
    /// beside it (landscape) or under it (portrait).
    std::vector<ReportBlockPlace> blocks;
    /// The action-list tables after the map page, in this order, each continued over as
    /// many pages as it needs (at most its `rows`, when not 0).
    std::vector<ReportListPart> lists = {{ActionList::ToSuspend, 0}, {ActionList::ToInspect, 0}};
    std::size_t listRowLimit = 0;  ///< rows of every list at most; 0: no limit beyond `lists`
};

/// The options a template gives (sheet, title, blocks, lists); the rest stay as they are.
void applyReportTemplate(MapReportOptions& options, const ReportTemplate& tmpl);

/// \brief One evaluated scenario and its composed map: everything a report draws. Cheap to
/// copy (the facts and status are shared), so a worker thread can keep its own copy.
struct MapReportData {
    std::string projectName;  ///< shown under the title (the project file's name)
    std::shared_ptr<const ProjectFacts> facts;
    std::shared_ptr<const ProjectStatus> status;
    SiteFilter filter;
    MapStyleChoice style;
    std::vector<LayerRender> layers;  ///< composeMap(…).layers
    BBox extent;                      ///< Web Mercator metres, as MapSettings::extent
    /// The same facts with every facility's whole score history, for the trend chart when
    /// `facts` hold only the newest scores (what the window's first frame reads). Called on
    /// the thread that draws; without it, or when it gives nothing, the trend shows the
    /// report's own date only.
    std::function<std::shared_ptr<const ProjectFacts>()> fullHistory;
};

/// The report of a scenario with the project's saved style, layers and view (the extent
/// that shows every site that passes the filter when no view is saved): the map that
/// `safemap render` and the window draw.
MapReportData mapReportData(std::string projectName, std::shared_ptr<const ProjectFacts> facts,
                            std::shared_ptr<const ProjectStatus> status,
                            const MapGeometry& geometry, const ProjectSettings& settings,
                            const SiteFilter& filter);

/// "Bản đồ nguy cơ lây nhiễm COVID-19 tại khu, cụm công nghiệp và cơ sở sản xuất" or its
/// English form.
std::string mapReportDefaultTitle(MapLanguage language);

/// \brief Where the blocks of the map page sit, in millimetres from the page's top left.
struct MapReportLayout {
    QSizeF page;    ///< the whole sheet
    QRectF title;   ///< title, project, as of, criteria set, filter
    QRectF map;     ///< the map frame
    QRectF legend;  ///< legend, counts, scale
    QRectF footer;  ///< attribution, generated at, page number
};

/// The layout of a page of `pageMm` (any paper): the legend beside the map on a landscape
/// sheet, under it (in two columns) on a portrait one.
MapReportLayout mapReportLayout(QSizeF pageMm);
/// The sheet of a paper size, in millimetres (A4 landscape: 297 × 210).
QSizeF reportPaperSize(ReportPaper paper,
                       ReportOrientation orientation = ReportOrientation::Landscape);

/// The render settings of the report's map in its frame: the data's layers and extent, sized
/// in logical pixels of 1/96 inch on paper (so symbols are as big as on a screen, and
/// scaleDenominator(settings) is the scale on paper).
MapSettings mapReportMapSettings(const MapReportData& data, const QRectF& mapMm);

/// Paints the map page on `painter`, whose device is a sheet of `pageMm` (its full paper,
/// not only the printable area) at the device's resolution. `pages` is the report's page
/// count for the footer's "Trang 1/N".
void paintMapReportPage(QPainter& painter, QSizeF pageMm, const MapReportData& data,
                        const MapReportOptions& options, int pages = 1);

/// Pages the report takes on `device` (a sheet of `pageMm`): the map page, if any, and the
/// pages of the action-list tables.
int mapReportPageCount(const QPaintDevice& device, QSizeF pageMm, const MapReportData& data,
                       const MapReportOptions& options);

/// Called with (pages done, pages in all); false stops.
using ReportProgress = std::function<bool(int, int)>;

/// Paints every page onto a paged device (a QPdfWriter, or the QPrinter of a print dialog
/// with the paper the user chose). The device's page layout must be set already.
[[nodiscard]] Status paintMapReport(QPagedPaintDevice& device, const MapReportData& data,
                                    const MapReportOptions& options,
                                    const ReportProgress& progress = {});

/// Writes the report as a PDF (fonts embedded, map features as vectors) to `path` through a
/// temporary file renamed into place.
[[nodiscard]] Status writeMapReportPdf(const std::string& path, const MapReportData& data,
                                       const MapReportOptions& options,
                                       const ReportProgress& progress = {});

/// The map page as an image at `dpi` (its physical size is the paper's).
QImage mapReportImage(const MapReportData& data, const MapReportOptions& options, double dpi);

/// Page `page` (0-based) of the report as an image at `dpi` — the map page or a page of the
/// tables, as the PDF has it — for a dialog's preview; `pages` gets the report's page count.
/// A page past the end gives the last one.
QImage mapReportPageImage(const MapReportData& data, const MapReportOptions& options, double dpi,
                          int page = 0, int* pages = nullptr);

/// Writes the map page as a PNG at `dpi` through a temporary file renamed into place.
[[nodiscard]] Status writeMapReportPng(const std::string& path, const MapReportData& data,
                                       const MapReportOptions& options, double dpi);

/// \brief The map view as an image of a chosen size (Export map view…, `safemap render`):
/// the map alone, as the window shows it, or with the report's title band and/or legend
/// (then with its frame, scale bar, north arrow and a footer naming the sources).
struct MapViewOptions {
    QSize pixels{1600, 1000};
    /// Sets the image's physical size: symbols and text are as big as printed at this
    /// resolution (96: as on a screen; 300: a 3000-pixel-wide image is a 25 cm print).
    double dpi = 96;
    bool title = false;
    bool legend = false;
};

enum class MapViewFormat { Png, Svg };

/// Paints the map view on `painter`, whose device is `view.pixels` at `view.dpi`.
void paintMapView(QPainter& painter, const MapReportData& data, const MapReportOptions& options,
                  const MapViewOptions& view);

/// The map view as an image of `view.pixels` (its dots per metre are `view.dpi`'s).
QImage mapViewImage(const MapReportData& data, const MapReportOptions& options,
                    const MapViewOptions& view);

/// Writes the map view as a PNG or as an SVG (map features and text as vectors: paths and
/// searchable text) through a temporary file renamed into place.
[[nodiscard]] Status writeMapView(const std::string& path, MapViewFormat format,
                                  const MapReportData& data, const MapReportOptions& options,
                                  const MapViewOptions& view);

}  // namespace safemap
