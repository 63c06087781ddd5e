#pragma once
// Printable facility sheets of a field package: one A4 portrait page per facility, in route
// order, for an inspector who works on paper as well as on the laptop. Each page holds the
// facility's record, its status, its latest assessment index by index, its past
// inspections, a map inset of the facility in its zone, and a blank findings form (date,
// inspector, each mandatory measure with boxes, lines for findings, the outcome
// keep / fix by / propose suspension, signatures). Noto Sans, embedded in the PDF.

#include <ctime>
#include <string>
#include <vector>

#include "core/project/facility_sheets.h"
#include "core/result.h"
#include "gis/render/map_language.h"
#include "gis/render/map_settings.h"
#include "gis/report/map_report.h"

class QPainter;

namespace safemap {

/// \brief How the sheets are drawn.
struct FacilitySheetsOptions {
    MapLanguage language = MapLanguage::Vietnamese;  ///< must match the sheets' words
    std::time_t generatedAt = 0;                     ///< generationTime()
    std::string packageFile;                         ///< shown in the footer
};

/// The sheet of A4 portrait in millimetres (210 × 297).
QSizeF facilitySheetPage();

/// Paints page `index` of `sheets` on `painter`, whose device is a sheet of A4 portrait at
/// the device's resolution. `basemap` (bottom first, may be empty) goes under the inset's
/// zones and facilities.
void paintFacilitySheet(QPainter& painter, const FacilitySheets& sheets, std::size_t index,
                        const std::vector<LayerRender>& mapLayers,
                        const FacilitySheetsOptions& options);

/// The layers of the insets: the basemap, then the package's zones and facilities coloured
/// by its status (the one map composition).
std::vector<LayerRender> facilitySheetLayers(const FacilitySheets& sheets,
                                             std::vector<LayerRender> basemap);

/// Writes every sheet to a PDF at `path` (temporary file renamed into place). Refuses a
/// package without facilities. `progress` is called with (pages done, pages) and may stop.
[[nodiscard]] Status writeFacilitySheetsPdf(const std::string& path, const FacilitySheets& sheets,
                                            std::vector<LayerRender> basemap,
                                            const FacilitySheetsOptions& options,
                                            const ReportProgress& progress = {});

}  // namespace safemap
