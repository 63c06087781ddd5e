#pragma once

#include <vector>

#include "core/assessments/assessment_table.h"
#include "core/model/inspection.h"

namespace safemap {

/// Reads an inspection table: the facility's tax code (ma_so_thue) or site id, the date
/// (ngay_kiem_tra, date), the inspector (nguoi_kiem_tra, inspector), whether the measures
/// were in place (dat_yeu_cau, measures_ok: có/không) and the finding (ket_luan, finding).
/// Every row is checked first; a bad one (including a date more than one day after `today`,
/// the wall clock's UTC date when not given) is an Error naming file, row and column.
Result<std::vector<Inspection>> parseInspectionTable(const Table& table, const SiteLookup& sites,
                                                     std::optional<Date> today = std::nullopt);

}  // namespace safemap
