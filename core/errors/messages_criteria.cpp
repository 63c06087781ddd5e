// The catalogue's entries for criteria sets, answers and rule settings.
#include "core/errors/error_catalogue.h"

namespace safemap {

namespace {

constexpr ErrorTemplate kMessages[] = {
    // Criteria sets in a project.
    {"criteria.active_missing", "the active criteria set {1} is not in the project",
     "bộ tiêu chí đang dùng ({1}) không có trong dự án"},
    {"criteria.none", "no criteria set: the project has none and none was given",
     "chưa có bộ tiêu chí: dự án chưa có bộ nào và cũng không có bộ nào được chọn"},
    {"criteria.version_conflict",
     "criteria set {1} version {2} is already in the project with a different definition; a "
     "changed set needs a new version number (\"version\" in the file), so that every score "
     "still says which rules made it",
     "bộ tiêu chí “{3}” phiên bản {2} đã có trong dự án nhưng với nội dung khác; bộ tiêu chí đã "
     "sửa cần một số phiên bản mới (mục \"version\" trong tệp), để mỗi điểm số vẫn cho biết nó "
     "được tính theo quy tắc nào"},
    {"criteria.bad_active_setting",
     "the project's active criteria set is {1}, which is not of the form id@version; its "
     "safemap_meta table was edited (choose a criteria set again in Project → Criteria sets)",
     "thiết lập bộ tiêu chí đang dùng của dự án ({1}) bị hỏng do bảng cài đặt đã bị sửa "
     "ngoài SafeMap: hãy chọn lại bộ tiêu chí trong Dự án → Bộ tiêu chí"},

    // Criteria files (core/criteria/criteria_parser.cpp). "invalid" carries the schema
    // check's own words (a JSON path and what it expected) for the file's author.
    {"criteria_file.not_utf8", "not valid UTF-8 at line {1}: save the criteria file as UTF-8",
     "tệp tiêu chí không phải UTF-8 hợp lệ ở dòng {1}: hãy lưu tệp tiêu chí dưới dạng UTF-8"},
    {"criteria_file.field_twice", "a field is given twice", "một mục được ghi hai lần"},
    {"criteria_file.invalid", "{1}",
     "tệp tiêu chí không đúng quy cách (chi tiết kỹ thuật cho người soạn tệp: {1})"},
    {"criteria_file.not_json", "not valid JSON: {1}", "tệp tiêu chí không phải JSON hợp lệ"},
    {"criteria_file.not_json_at", "not valid JSON: {1}",
     "tệp tiêu chí không phải JSON hợp lệ ở dòng {2}, cột {3} (đoạn đọc được cuối cùng: {4})"},
    {"criteria_file.number_too_large", "{1}the number {2}is too large to be read",
     "{1}số {2}quá lớn, không đọc được"},
    {"criteria_file.not_criteria", "not a valid criteria file: {1}",
     "không phải tệp tiêu chí hợp lệ (chi tiết: {1})"},
    {"criteria_file.cannot_open", "cannot open the criteria file", "không mở được tệp tiêu chí"},
    {"criteria_file.cannot_read", "cannot read the criteria file", "không đọc được tệp tiêu chí"},

    // Answers.
    {"answer.not_valid", "{1} is not a valid answer", "{1} không phải câu trả lời hợp lệ"},
    {"answer.outside_bands", "{1} is outside the bands ({2})",
     "{1} nằm ngoài các khoảng giá trị cho phép ({2})"},
    {"answer.not_an_option", "{1} is not one of the options ({2})",
     "{1} không phải một trong các lựa chọn ({3})"},
    {"answer.not_yes_no", "{1} is not a yes/no answer (có/không, yes/no, x, 1/0)",
     "{1} không phải câu trả lời có/không (có/không, x, 1/0)"},
    {"answer.number_not_yes_no", "{1} is not a yes/no answer (1 or 0)",
     "{1} không phải câu trả lời có/không (1 hoặc 0)"},
    {"answer.bool_not_valid", "{1} is not a valid answer here",
     "giá trị đúng/sai không phải câu trả lời hợp lệ cho chỉ số này"},
    {"answer.unknown_input", "unknown input type", "kiểu câu trả lời không xác định"},

    // Rule settings (`safemap list --rule key=value`, the settings table).
    {"rules.unknown", "unknown rule setting {1}", "không có thiết lập quy tắc nào tên {1}"},
    {"rules.expected_date", "rule setting {1}: expected a date YYYY-MM-DD, got \"{2}\"",
     "thiết lập quy tắc {1}: cần một ngày (YYYY-MM-DD), nhưng nhận được \"{2}\""},
    {"rules.expected_days", "rule setting {1}: expected a whole number of days, got \"{2}\"",
     "thiết lập quy tắc {1}: cần một số ngày nguyên, nhưng nhận được \"{2}\""},
    {"rules.expected_workers", "rule setting {1}: expected a whole number of workers, got \"{2}\"",
     "thiết lập quy tắc {1}: cần một số lao động nguyên, nhưng nhận được \"{2}\""},
    {"rules.expected_points", "rule setting {1}: expected a number of points, got \"{2}\"",
     "thiết lập quy tắc {1}: cần một số điểm, nhưng nhận được \"{2}\""},
    {"rules.expected_percentage_points",
     "rule setting {1}: expected a number of percentage points, got \"{2}\"",
     "thiết lập quy tắc {1}: cần một số điểm phần trăm, nhưng nhận được \"{2}\""},
    {"rules.expected_capacity",
     "rule setting {1}: expected a whole number of inspections per week (0 = no limit), got "
     "\"{2}\"",
     "thiết lập quy tắc {1}: cần số lượt kiểm tra mỗi tuần là số nguyên (0 = không giới hạn), "
     "nhưng nhận được \"{2}\""},
    {"rules.expected_yes_no", "rule setting {1}: expected yes or no, got \"{2}\"",
     "thiết lập quy tắc {1}: cần “có” hoặc “không”, nhưng nhận được \"{2}\""},

    // Scoring.
    {"scoring.cancelled", "cancelled: no score was changed",
     "đã hủy: không điểm số nào bị thay đổi"},
    {"work.cancelled", "cancelled", "đã hủy"},
};

}  // namespace

std::span<const ErrorTemplate> criteriaMessages() {
    return kMessages;
}

}  // namespace safemap
