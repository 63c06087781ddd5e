#include "core/assessments/inspection_table.h"

#include <initializer_list>

#include "core/criteria/answer_reading.h"
#include "core/errors/error_catalogue.h"
#include "core/text/quoted.h"
#include "core/text/trim.h"

namespace safemap {

Result<std::vector<Inspection>> parseInspectionTable(const Table& table, const SiteLookup& sites,
                                                     std::optional<Date> today) {
    const std::string& file = table.fileName;
    const Date now = today.value_or(safemap::today());
    const int taxCol = table.firstColumn({"ma_so_thue", "mst", "tax_code"});
    const int idCol = table.firstColumn({"site_id", "ma_co_so"});
    const int dateCol = table.firstColumn({"ngay_kiem_tra", "date", "inspected_on"});
    const int inspectorCol = table.firstColumn({"nguoi_kiem_tra", "inspector", "doan_kiem_tra"});
    const int okCol = table.firstColumn({"dat_yeu_cau", "measures_ok"});
    const int findingCol = table.firstColumn({"ket_luan", "finding", "ghi_chu"});
    if (taxCol < 0 && idCol < 0)
        return codedError("inspections.no_site_column", {}, file, table.headerRow);
    if (dateCol < 0)
        return codedError("inspections.no_date_column", {}, file, table.headerRow);
    if (okCol < 0)
        return codedError("inspections.no_measures_column", {}, file, table.headerRow);
    std::vector<Inspection> out;
    for (const TableRow& row : table.rows) {
        Inspection i;
        const std::string tax =
            taxCol >= 0 ? std::string(trimmed(table.cell(row, taxCol))) : std::string();
        const std::string id =
            idCol >= 0 ? std::string(trimmed(table.cell(row, idCol))) : std::string();
        if (!tax.empty()) {
            const std::string* site = sites.siteIdOfTaxCode(tax);
            if (!site)
                return codedError("import.unknown_tax_code", {quotedForMessage(tax)}, file, row.row,
                                  table.header[static_cast<size_t>(taxCol)]);
            i.siteId = *site;
        } else if (!id.empty() && sites.hasSiteId(id)) {
            i.siteId = id;
        } else {
            const std::string column =
                table.header[static_cast<size_t>(taxCol >= 0 ? taxCol : idCol)];
            return id.empty() ? codedError("import.no_site", {}, file, row.row, column)
                              : codedError("import.unknown_site_id", {quotedForMessage(id)}, file,
                                           row.row, column);
        }
        const std::string dateText = std::string(trimmed(table.cell(row, dateCol)));
        auto date = parseDate(dateText);
        if (!date)
            return codedError("date.not_a_date", {quotedForMessage(dateText)}, file, row.row,
                              table.header[static_cast<size_t>(dateCol)]);
        if (auto future = futureDateProblem(*date, now))
            return future->at(file, row.row, table.header[static_cast<size_t>(dateCol)]);
        i.date = *date;
        const std::string okText = std::string(trimmed(table.cell(row, okCol)));
        auto ok = parseYesNo(okText);
        if (!ok)
            return codedError("inspections.not_yes_no", {quotedForMessage(okText)}, file, row.row,
                              table.header[static_cast<size_t>(okCol)]);
        i.measuresOk = *ok;
        if (inspectorCol >= 0)
            i.inspector = std::string(trimmed(table.cell(row, inspectorCol)));
        if (findingCol >= 0)
            i.finding = std::string(trimmed(table.cell(row, findingCol)));
        i.source = file + ":" + std::to_string(row.row);
        out.push_back(std::move(i));
    }
    return out;
}

}  // namespace safemap
