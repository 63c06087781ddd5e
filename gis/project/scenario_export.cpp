#include "gis/project/scenario_export.h"

#include <cctype>

#include "core/errors/error_catalogue.h"
#include "core/project/export_heading.h"
#include "core/project/list_export.h"
#include "core/project/list_rows.h"
#include "core/util/atomic_file.h"
#include "gis/io/table_export.h"

namespace safemap {

namespace {

std::string title(const ScenarioExport& r) {
    const bool vi = r.vietnamese;
    switch (r.what) {
        case ExportKind::SuspendList:
            return listTitle(ActionList::ToSuspend, vi);
        case ExportKind::InspectList:
            return listTitle(ActionList::ToInspect, vi);
        case ExportKind::Cordon: {
            std::string t = vi ? "Cơ sở trong vùng phong tỏa quanh «"
                               : "Facilities in the cordon "
                                 "around «";
            t += r.cordon ? r.cordon->caseSiteName : std::string();
            t += "»";
            return t;
        }
        case ExportKind::Facilities:
        case ExportKind::Map:
            break;
    }
    return vi ? "Danh sách cơ sở sản xuất và mức nguy cơ" : "Facilities and their risk levels";
}

std::vector<std::uint32_t> cordonPositions(const Cordon& cordon, const ProjectFacts& facts) {
    const auto index = makeFactoryIndex(facts.factories);
    std::vector<std::uint32_t> positions;
    for (const std::string& id : cordon.facilityIds)
        if (auto it = index->find(id); it != index->end())
            positions.push_back(it->second);
    return positions;
}

}  // namespace

std::string exportFormatExtension(ExportFormat format) {
    switch (format) {
        case ExportFormat::Xlsx:
            return "xlsx";
        case ExportFormat::Csv:
            return "csv";
        case ExportFormat::GeoPackage:
            return "gpkg";
        case ExportFormat::GeoJson:
            break;
    }
    return "geojson";
}

std::optional<ExportFormat> exportFormatOfPath(const std::string& path) {
    const auto dot = path.rfind('.');
    if (dot == std::string::npos)
        return std::nullopt;
    std::string ext = path.substr(dot + 1);
    for (char& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const ExportFormat f :
         {ExportFormat::Xlsx, ExportFormat::Csv, ExportFormat::GeoPackage, ExportFormat::GeoJson})
        if (ext == exportFormatExtension(f))
            return f;
    if (ext == "json")
        return ExportFormat::GeoJson;
    return std::nullopt;
}

Result<std::size_t> exportScenario(const std::string& path, const ScenarioExport& request,
                                   const ProjectFacts& facts, const ProjectStatus& status,
                                   const SiteFilter& filter) {
    const bool vi = request.vietnamese;
    const bool isList =
        request.what == ExportKind::SuspendList || request.what == ExportKind::InspectList;
    const ActionList list =
        request.what == ExportKind::SuspendList ? ActionList::ToSuspend : ActionList::ToInspect;
    if (request.what == ExportKind::Map || (request.what == ExportKind::Cordon && !request.cordon))
        return codedError("export.nothing_to_export", {}, path);
    const bool cordon = request.what == ExportKind::Cordon;
    const std::string filterText = cordon ? std::string() : describe(filter, vi, facts.zones);
    const bool tableForm =
        request.format == ExportFormat::Xlsx || request.format == ExportFormat::Csv;

    if (isList && tableForm) {
        const std::vector<ListRow> rows = listRows(list, facts, status, filter);
        if (request.format == ExportFormat::Csv) {
            // The one CSV form of a list (the window's "Export CSV…" and `safemap list`).
            ListExportOptions options;
            options.vietnamese = vi;
            options.generatedAt = request.generatedAt;
            const std::string text =
                listExportCsv(list, rows, status, filter, facts.zones, options);
            if (auto st = writeFileAtomically(path, text); !st)
                return st.error();
            return rows.size();
        }
        const ExportHeading heading =
            exportHeading(title(request), status, filterText, rows.size(), request.generatedAt, vi);
        if (auto st = writeTableXlsx(path, heading, vi ? "Danh sách" : "List", listTable(rows), vi);
            !st)
            return st.error();
        return rows.size();
    }

    ExportTable table;
    if (cordon) {
        table = facilityTableAt(facts, status, cordonPositions(*request.cordon, facts));
    } else if (isList) {
        table = facilityTableAt(facts, status, listPositions(list, facts, status, filter));
    } else {
        table = facilityTable(facts, status, filter);
    }
    ExportHeading heading = exportHeading(title(request), status, filterText, table.rows.size(),
                                          request.generatedAt, vi);
    if (cordon) {
        const Cordon& c = *request.cordon;
        std::string area =
            c.request.wholeZone
                ? (vi ? "cả khu/cụm" : "whole zone")
                : std::to_string(static_cast<long long>(c.request.radiusMetres)) + " m";
        heading.lines.insert(heading.lines.begin() + 1,
                             {vi ? "Vùng phong tỏa" : "Cordon",
                              area + (vi ? ", cơ sở có ca bệnh: " : ", case at: ") +
                                  c.caseSiteName + " (" + c.request.caseSiteId + ")"});
    }
    Status written;
    switch (request.format) {
        case ExportFormat::Xlsx:
            written = writeTableXlsx(path, heading, vi ? "Cơ sở" : "Facilities", table, vi);
            break;
        case ExportFormat::Csv:
            written = writeFileAtomically(path, exportTableCsv(table, &heading));
            break;
        case ExportFormat::GeoPackage:
            written = writeFacilitiesGis(path, GisFormat::GeoPackage, facts, heading, table);
            break;
        case ExportFormat::GeoJson:
            written = writeFacilitiesGis(path, GisFormat::GeoJson, facts, heading, table);
            break;
    }
    if (!written)
        return written.error();
    return table.rows.size();
}

}  // namespace safemap
