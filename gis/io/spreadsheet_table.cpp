#include "gis/io/spreadsheet_table.h"

#include <filesystem>

#include "core/errors/error_catalogue.h"
#include "core/tabular/header_row.h"
#include "gis/io/ogr_source_p.h"

namespace safemap {

Result<Table> readSpreadsheetTable(const std::string& path, const std::string& sheet,
                                   const std::vector<std::string>& headerNames) {
    ensureGdalRegistered();
    GdalErrorScope errors;
    auto source = openOgrSource(path);
    const std::string file = displayFileName(path);
    if (!source) {
        // openOgrSource lists every format sites may come in, and GDAL only says "not
        // recognized"; here a workbook was expected, so say what is wrong with it.
        if (!std::filesystem::exists(path))
            return source.error();
        return codedError("gdal.workbook_damaged", {}, file);
    }
    if (!(*source)->isSpreadsheet())
        return codedError("gdal.not_a_workbook", {(*source)->driver}, file);
    auto layer = findLayer(**source, sheet);
    if (!layer)
        return layer.error();
    OGRLayer& l = **layer;
    Table table;
    table.fileName = file;
    const int n = l.GetLayerDefn()->GetFieldCount();
    l.ResetReading();
    std::vector<std::string> cells(static_cast<size_t>(n));
    std::vector<std::string_view> views(static_cast<size_t>(n));
    long index = 0;
    for (auto& feature : l) {
        ++index;
        int used = 0;  // cells up to the last non-empty one
        for (int i = 0; i < n; ++i) {
            cells[static_cast<size_t>(i)] = feature->IsFieldSetAndNotNull(i)
                                                ? (*source)->text(feature->GetFieldAsString(i))
                                                : "";
            if (!cells[static_cast<size_t>(i)].empty())
                used = i + 1;
        }
        if (used == 0)
            continue;
        for (int i = 0; i < used; ++i)
            views[static_cast<size_t>(i)] = cells[static_cast<size_t>(i)];
        // The drivers number features by sheet row; fall back to counting if they do not.
        const long row = feature->GetFID() >= 1 ? static_cast<long>(feature->GetFID()) : index;
        table.addRow(row, row, std::vector<std::string_view>(views.begin(), views.begin() + used));
    }
    if (errors.failed())
        return errors.error("gdal.cannot_read_sheet", {}, file);
    if (Status s = chooseHeaderRow(table, headerNames); !s)
        return s.error();
    return table;
}

Result<std::vector<std::string>> spreadsheetSheets(const std::string& path) {
    ensureGdalRegistered();
    auto source = openOgrSource(path);
    if (!source)
        return source.error();
    std::vector<std::string> names;
    GDALDataset& ds = *(*source)->dataset;
    for (int i = 0; i < ds.GetLayerCount(); ++i)
        names.emplace_back(ds.GetLayer(i)->GetName());
    return names;
}

}  // namespace safemap
