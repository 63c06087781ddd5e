#include "core/project/list_export.h"

#include <optional>

#include "core/project/export_heading.h"

namespace safemap {

namespace {

// The heading both forms of the export write, if the options ask for one.
std::optional<ExportHeading> listHeading(ActionList list, const ProjectStatus& status,
                                         const SiteFilter& filter, const std::vector<Zone>& zones,
                                         std::size_t rows, const ListExportOptions& options) {
    if (!options.heading)
        return std::nullopt;
    return exportHeading(listTitle(list, options.vietnamese), status,
                         describe(filter, options.vietnamese, zones), rows, options.generatedAt,
                         options.vietnamese);
}

}  // namespace

std::string listExportCsv(ActionList list, const std::vector<ListRow>& rows,
                          const ProjectStatus& status, const SiteFilter& filter,
                          const std::vector<Zone>& zones, const ListExportOptions& options) {
    const auto heading = listHeading(list, status, filter, zones, rows.size(), options);
    return listRowsToCsv(rows, options.excelBom, heading ? &*heading : nullptr);
}

namespace {

std::optional<ExportHeading> viewHeading(const ListView& view, const ListExportOptions& options) {
    const ProjectStatus noStatus;
    const std::vector<Zone> noZones;
    return listHeading(view.list, view.status ? *view.status : noStatus, view.filter,
                       view.facts ? view.facts->zones : noZones, view.size(), options);
}

}  // namespace

std::string listExportCsv(const ListView& view, const ListExportOptions& options) {
    const auto heading = viewHeading(view, options);
    return listViewToCsv(view, options.excelBom, heading ? &*heading : nullptr);
}

void listExportCsvPieces(const ListView& view, const ListExportOptions& options,
                         const std::function<void(std::string_view)>& sink,
                         std::size_t pieceBytes) {
    const auto heading = viewHeading(view, options);
    listViewToCsvPieces(view, options.excelBom, heading ? &*heading : nullptr, sink, pieceBytes);
}

}  // namespace safemap
