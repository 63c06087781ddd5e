// The catalogue's entries for reading assessments, inspections and the values in their cells:
// missing columns, unknown facilities, dates, numbers and answers.
#include "core/errors/error_catalogue.h"

namespace safemap {

namespace {

constexpr ErrorTemplate kImportMessages[] = {
    // Assessment files.
    {"assessments.no_site_column",
     "no tax code column (ma_so_thue, mst, tax_code) and no site id column (site_id, "
     "ma_co_so): cannot tell which facility each row is about",
     "không có cột mã số thuế (ma_so_thue, mst) và cũng không có cột mã cơ sở (ma_co_so, "
     "site_id): không biết mỗi dòng nói về cơ sở nào"},
    {"assessments.no_date_column", "no assessment date column (ngay_danh_gia, date)",
     "không có cột ngày đánh giá (ngay_danh_gia)"},
    {"assessments.no_index_column",
     "no column for index {1}: every assessment scores it as unanswered",
     "không có cột cho chỉ số “{2}” (cột {1}): mọi đánh giá đều tính chỉ số này là chưa trả "
     "lời"},
    {"assessments.no_index_matches",
     "no column matches an index of criteria set {1} v{2} (e.g. {3})",
     "không cột nào khớp với một chỉ số của bộ tiêu chí “{4}” phiên bản {2} (ví dụ chỉ số “{5}”, "
     "cột {3})"},
    {"assessments.column_unused", "column {1} is not used", "cột {1} không được dùng"},
    {"assessments.title_row", "row {1} above the header is a title and was not read",
     "dòng {1} phía trên dòng tiêu đề cột là tiêu đề văn bản, không được đọc"},
    {"assessments.title_rows", "rows {1}–{2} above the header are titles and were not read",
     "các dòng {1}–{2} phía trên dòng tiêu đề cột là tiêu đề văn bản, không được đọc"},
    {"assessments.total_row", "row {1} is a total and was not read",
     "dòng {1} là dòng tổng cộng, không được đọc"},
    {"assessments.column_numbers_row", "row {1} only numbers the columns and was not read",
     "dòng {1} chỉ đánh số thứ tự các cột, không được đọc"},
    {"assessments.signature_row", "row {1} is part of a signature block and was not read",
     "dòng {1} thuộc phần ký tên, không được đọc"},
    {"assessments.unknown_tax_code",
     "no facility with tax code {1} in the project (import the sites first)",
     "dự án không có cơ sở nào mang mã số thuế {1} (hãy nhập danh sách cơ sở trước)"},

    // Inspection files.
    {"inspections.no_site_column",
     "no tax code column (ma_so_thue) and no site id column (site_id)",
     "không có cột mã số thuế (ma_so_thue) và cũng không có cột mã cơ sở (ma_co_so)"},
    {"inspections.no_date_column", "no inspection date column (ngay_kiem_tra)",
     "không có cột ngày kiểm tra (ngay_kiem_tra)"},
    {"inspections.no_measures_column",
     "no column saying whether the measures were in place (dat_yeu_cau)",
     "không có cột cho biết cơ sở có thực hiện đủ biện pháp hay không (dat_yeu_cau)"},
    {"inspections.not_yes_no", "{1} is not có/không", "{1} không phải “có” hoặc “không”"},

    // Both.
    {"import.unknown_tax_code", "no facility with tax code {1} in the project",
     "dự án không có cơ sở nào mang mã số thuế {1}"},
    {"import.unknown_site_id", "no facility with site id {1} in the project",
     "dự án không có cơ sở nào mang mã cơ sở {1}"},
    {"import.no_site", "no tax code or site id", "thiếu cả mã số thuế lẫn mã cơ sở"},
    {"import.cancelled", "cancelled: nothing was imported", "đã hủy: chưa nhập gì cả"},

    // Dates.
    {"date.missing", "no date", "thiếu ngày"},
    {"date.not_a_date", "{1} is not a date (use YYYY-MM-DD or DD/MM/YYYY)",
     "{1} không phải là ngày (hãy viết theo dạng DD/MM/YYYY hoặc YYYY-MM-DD)"},
    {"date.in_future", "{1} is in the future (today is {2}): check the year",
     "ngày {3} ở tương lai (hôm nay là {4}): hãy kiểm tra lại năm"},

    // Numbers.
    {"number.empty", "empty", "ô trống"},
    {"number.not_a_number", "{1} is not a number", "{1} không phải là số"},
    {"number.ambiguous", "{1} is ambiguous ({2} or {3}?); write it without a thousands separator",
     "{1} không rõ nghĩa ({2} hay {4}?); hãy viết số không có dấu phân cách hàng nghìn"},
    {"number.not_whole",
     "{1} is not a whole number: a count has no fraction (for thousands write 1250, 1.250 or "
     "1,250)",
     "{1} không phải số nguyên: số đếm không có phần lẻ (số hàng nghìn hãy viết 1250, 1.250 "
     "hoặc 1,250)"},
    {"number.too_large", "{1} is too large", "{1} quá lớn"},
};

}  // namespace

std::span<const ErrorTemplate> importMessages() {
    return kImportMessages;
}

}  // namespace safemap
