#include "gis/io/table_file.h"

#include <filesystem>

#include "core/tabular/csv_reader.h"
#include "gis/io/spreadsheet_table.h"

namespace safemap {

bool isWorkbookPath(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (auto& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".xlsx" || ext == ".ods";
}

Result<Table> readTableFile(const std::string& path, std::optional<TextEncoding> encoding,
                            const std::string& sheet, const std::vector<std::string>& headerNames) {
    if (isWorkbookPath(path))
        return readSpreadsheetTable(path, sheet, headerNames);
    CsvOptions options;
    options.encoding = encoding;
    options.headerNames = headerNames;
    return readCsvFile(path, options);
}

}  // namespace safemap
