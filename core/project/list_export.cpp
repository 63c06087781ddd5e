#include "core/project/list_export.h"

#include "core/project/export_heading.h"

namespace safemap {

std::string listExportCsv(ActionList list, const std::vector<ListRow>& rows,
                          const ProjectStatus& status, const SiteFilter& filter,
                          const std::vector<Zone>& zones, const ListExportOptions& options) {
    if (!options.heading)
        return listRowsToCsv(rows, options.excelBom);
    const ExportHeading heading = exportHeading(
        listTitle(list, options.vietnamese), status, describe(filter, options.vietnamese, zones),
        rows.size(), options.generatedAt, options.vietnamese);
    return listRowsToCsv(rows, options.excelBom, &heading);
}

std::string listExportCsv(const ListView& view, const ListExportOptions& options) {
    if (!options.heading)
        return listViewToCsv(view, options.excelBom);
    const ProjectStatus noStatus;
    const std::vector<Zone> noZones;
    const ProjectStatus& status = view.status ? *view.status : noStatus;
    const std::vector<Zone>& zones = view.facts ? view.facts->zones : noZones;
    const ExportHeading heading =
        exportHeading(listTitle(view.list, options.vietnamese), status,
                      describe(view.filter, options.vietnamese, zones), view.size(),
                      options.generatedAt, options.vietnamese);
    return listViewToCsv(view, options.excelBom, &heading);
}

}  // namespace safemap
