#include "gis/io/source_info.h"

#include <filesystem>

#include "gis/io/ogr_source_p.h"
#include "gis/io/site_table_p.h"
#include "gis/io/spreadsheet_table.h"

namespace safemap {

Result<SourceInfo> describeSource(const std::string& path, std::optional<TextEncoding> encoding) {
    ensureGdalRegistered();
    if (isTabularPath(path)) {
        // Read as the importer reads it, so that the fields are the header below any title
        // rows and the encoding is the one it will decode.
        SourceInfo info;
        info.path = path;
        if (isSpreadsheetPath(path)) {
            auto sheets = spreadsheetSheets(path);
            if (!sheets)
                return sheets.error();
            std::string ext = std::filesystem::path(path).extension().string();
            info.format = (ext == ".ods" || ext == ".ODS") ? "ODS" : "XLSX";
            for (const std::string& sheet : *sheets) {
                auto table = readSiteTable(path, sheet, std::nullopt, nullptr);
                if (!table) {
                    // An empty sheet has no header: list it without fields.
                    SourceLayerInfo empty;
                    empty.name = sheet;
                    empty.featureCount = 0;
                    empty.geometryType = "None";
                    info.layers.push_back(empty);
                    continue;
                }
                info.layers.push_back(describeSiteTable(*table, sheet));
            }
            return info;
        }
        auto table = readSiteTable(path, {}, encoding, nullptr);
        if (!table)
            return table.error();
        info.format = "CSV";
        info.encoding = std::string(encodingName(table->encoding));
        info.layers.push_back(
            describeSiteTable(*table, std::filesystem::path(path).stem().string()));
        return info;
    }
    auto source = openOgrSource(path);
    if (!source)
        return source.error();
    GdalErrorScope errors;
    SourceInfo info;
    info.path = path;
    info.format = (*source)->driver;
    info.encoding = (*source)->encoding;
    GDALDataset& ds = *(*source)->dataset;
    for (int i = 0; i < ds.GetLayerCount(); ++i)
        info.layers.push_back(describeLayer(**source, *ds.GetLayer(i)));
    return info;
}

}  // namespace safemap
