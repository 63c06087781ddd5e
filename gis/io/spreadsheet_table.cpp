#include "gis/io/spreadsheet_table.h"

#include <filesystem>

#include "gis/io/ogr_source_p.h"

namespace safemap {

Result<Table> readSpreadsheetTable(const std::string& path, const std::string& sheet) {
    ensureGdalRegistered();
    GdalErrorScope errors;
    auto source = openOgrSource(path);
    const std::string file = displayFileName(path);
    if (!source) {
        // openOgrSource lists every format sites may come in, and GDAL only says "not
        // recognized"; here a workbook was expected, so say what is wrong with it.
        if (!std::filesystem::exists(path))
            return source.error();
        return Error(
            "cannot read this workbook: the file is damaged or cut short, or is not really an "
            "XLSX or ODS file; open it in a spreadsheet program and save it again",
            file);
    }
    if (!(*source)->isSpreadsheet())
        return Error("not an XLSX or ODS workbook (GDAL driver " + (*source)->driver + ")", file);
    auto layer = findLayer(**source, sheet);
    if (!layer)
        return layer.error();
    OGRLayer& l = **layer;
    Table table;
    table.fileName = file;
    OGRFeatureDefn* defn = l.GetLayerDefn();
    const int n = defn->GetFieldCount();
    for (int i = 0; i < n; ++i)
        table.header.push_back((*source)->text(defn->GetFieldDefn(i)->GetNameRef()));
    l.ResetReading();
    std::vector<std::string> cells(static_cast<size_t>(n));
    std::vector<std::string_view> views(static_cast<size_t>(n));
    long index = 0;
    for (auto& feature : l) {
        ++index;
        bool any = false;
        for (int i = 0; i < n; ++i) {
            cells[static_cast<size_t>(i)] = feature->IsFieldSetAndNotNull(i)
                                                ? (*source)->text(feature->GetFieldAsString(i))
                                                : "";
            views[static_cast<size_t>(i)] = cells[static_cast<size_t>(i)];
            any = any || !cells[static_cast<size_t>(i)].empty();
        }
        if (!any)
            continue;
        // The drivers number features by sheet row; fall back to counting if they do not.
        const long row = feature->GetFID() > 1 ? static_cast<long>(feature->GetFID()) : index + 1;
        table.addRow(row, row, views);
    }
    if (errors.failed())
        return errors.error("cannot read the sheet", file);
    return table;
}

}  // namespace safemap
