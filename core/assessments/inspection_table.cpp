#include "core/assessments/inspection_table.h"

#include <initializer_list>

#include "core/criteria/answer_reading.h"
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
        return Error("no tax code column (ma_so_thue) and no site id column (site_id)", file,
                     table.headerRow);
    if (dateCol < 0)
        return Error("no inspection date column (ngay_kiem_tra)", file, table.headerRow);
    if (okCol < 0)
        return Error("no column saying whether the measures were in place (dat_yeu_cau)", file,
                     table.headerRow);
    std::vector<Inspection> out;
    for (const TableRow& row : table.rows) {
        Inspection i;
        const std::string tax =
            taxCol >= 0 ? std::string(trimmed(table.cell(row, taxCol))) : std::string();
        const std::string id =
            idCol >= 0 ? std::string(trimmed(table.cell(row, idCol))) : std::string();
        if (!tax.empty()) {
            auto it = sites.siteIdByTaxCode.find(tax);
            if (it == sites.siteIdByTaxCode.end())
                return Error(
                    "no facility with tax code " + quotedForMessage(tax) + " in the project", file,
                    row.row, table.header[static_cast<size_t>(taxCol)]);
            i.siteId = it->second;
        } else if (!id.empty() && sites.siteIds.count(id)) {
            i.siteId = id;
        } else {
            return Error(id.empty() ? "no tax code or site id"
                                    : "no facility with site id " + quotedForMessage(id),
                         file, row.row,
                         table.header[static_cast<size_t>(taxCol >= 0 ? taxCol : idCol)]);
        }
        const std::string dateText = std::string(trimmed(table.cell(row, dateCol)));
        auto date = parseDate(dateText);
        if (!date)
            return Error(quotedForMessage(dateText) + " is not a date", file, row.row,
                         table.header[static_cast<size_t>(dateCol)]);
        if (auto future = futureDateProblem(*date, now))
            return Error(*future, file, row.row, table.header[static_cast<size_t>(dateCol)]);
        i.date = *date;
        const std::string okText = std::string(trimmed(table.cell(row, okCol)));
        auto ok = parseYesNo(okText);
        if (!ok)
            return Error(quotedForMessage(okText) + " is not có/không", file, row.row,
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
