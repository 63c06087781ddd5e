// The catalogue's entries for criteria sets, answers and rule settings.
#include "core/errors/error_catalogue.h"

namespace safemap {

namespace {

constexpr ErrorTemplate kCriteriaMessages[] = {
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
     "tệp tiêu chí không đúng quy cách (chi tiết kỹ thuật cho người soạn tệp: {2})"},
    {"criteria_file.not_json", "not valid JSON: {1}", "tệp tiêu chí không phải JSON hợp lệ"},
    {"criteria_file.not_json_at", "not valid JSON: {1}",
     "tệp tiêu chí không phải JSON hợp lệ ở dòng {2}, cột {3} (đoạn đọc được cuối cùng: {4})"},
    {"criteria_file.number_too_large", "{1}the number {2}is too large to be read",
     "{1}số {2}quá lớn, không đọc được"},
    {"criteria_file.not_criteria", "not a valid criteria file: {1}",
     "không phải tệp tiêu chí hợp lệ (chi tiết: {1})"},
    {"criteria_file.cannot_open", "cannot open the criteria file", "không mở được tệp tiêu chí"},
    {"criteria_file.cannot_read", "cannot read the criteria file", "không đọc được tệp tiêu chí"},

    // What is wrong in a criteria file, for its author (the detail of criteria_file.invalid):
    // {1} is always the exact JSON path ("indices[2].bands[0].min"); field names, codes and
    // numbers stay as written in the file. An "expected_*" entry has the value found as {2}
    // in English and {3} in Vietnamese ("an object" / "một đối tượng"; scalars as written).
    {"criteria_schema.expected_set_id",
     "{1}: expected an ASCII id (a-z first, then a-z, 0-9, _, - or .), got {2}",
     "{1}: cần một mã viết bằng chữ ASCII (đầu tiên là a-z, sau đó a-z, 0-9, _, - hoặc .), nhưng "
     "gặp {3}"},
    {"criteria_schema.expected_id",
     "{1}: expected an ASCII id (a-z first, then a-z, 0-9 or _), got {2}",
     "{1}: cần một mã viết bằng chữ ASCII (đầu tiên là a-z, sau đó a-z, 0-9 hoặc _), nhưng gặp "
     "{3}"},
    {"criteria_schema.expected_object_top", "top level: expected an object, got {2}",
     "cấp ngoài cùng của tệp: cần một đối tượng JSON ({…}), nhưng gặp {3}"},
    {"criteria_schema.expected_object", "{1}: expected an object, got {2}",
     "{1}: cần một đối tượng JSON ({…}), nhưng gặp {3}"},
    {"criteria_schema.expected_nonempty_string", "{1}: expected a non-empty string, got {2}",
     "{1}: cần một chuỗi văn bản không rỗng, nhưng gặp {3}"},
    {"criteria_schema.expected_string", "{1}: expected a string, got {2}",
     "{1}: cần một chuỗi văn bản, nhưng gặp {3}"},
    {"criteria_schema.expected_bool", "{1}: expected true or false, got {2}",
     "{1}: cần true hoặc false, nhưng gặp {3}"},
    {"criteria_schema.expected_whole_number_from", "{1}: expected a whole number from {4}, got {2}",
     "{1}: cần một số nguyên từ {4} trở lên, nhưng gặp {3}"},
    {"criteria_schema.expected_array", "{1}: expected an array, got {2}",
     "{1}: cần một mảng JSON ([…]), nhưng gặp {3}"},
    {"criteria_schema.expected_number", "{1}: expected a number, got {2}",
     "{1}: cần một số, nhưng gặp {3}"},
    {"criteria_schema.expected_number_between", "{1}: expected a number from {4} to {5}, got {2}",
     "{1}: cần một số từ {4} đến {5}, nhưng gặp {3}"},
    {"criteria_schema.expected_provenance",
     "{1}: expected \"decision\" or \"safemap_proposal\", got {2}",
     "{1}: cần \"decision\" hoặc \"safemap_proposal\", nhưng gặp {3}"},
    {"criteria_schema.expected_percentage",
     "{1}: expected a percentage above 0 and at most 100, got {2}",
     "{1}: cần một tỷ lệ phần trăm lớn hơn 0 và không quá 100, nhưng gặp {3}"},
    {"criteria_schema.expected_unsafe", "{1}: expected \"unsafe\", got {2}",
     "{1}: cần \"unsafe\", nhưng gặp {3}"},
    {"criteria_schema.expected_index_ids", "{1}: expected an array of index ids, got {2}",
     "{1}: cần một mảng mã chỉ số, nhưng gặp {3}"},
    {"criteria_schema.expected_index_id", "{1}: expected an index id, got {2}",
     "{1}: cần một mã chỉ số, nhưng gặp {3}"},
    {"criteria_schema.required_missing", "{1}: required field is missing",
     "{1}: thiếu mục bắt buộc"},
    {"criteria_schema.empty_array", "{1}: expected at least 1 entry, got 0",
     "{1}: cần ít nhất 1 phần tử, nhưng mảng rỗng"},
    {"criteria_schema.too_few_entries", "{1}: expected at least {2} entries, got {3}",
     "{1}: cần ít nhất {2} phần tử, nhưng chỉ có {3}"},
    {"criteria_schema.unknown_field", "{1}: unknown field",
     "{1}: mục không có trong quy cách (viết sai tên? mục ghi chú phải bắt đầu bằng \"_\")"},
    {"criteria_schema.points_outside", "{1}: {2} is outside points_min..points_max ({3}..{4})",
     "{1}: {2} nằm ngoài khoảng points_min..points_max ({3}..{4})"},
    {"criteria_schema.without_min", "{1}: given without min", "{1}: có mục này nhưng thiếu min"},
    {"criteria_schema.without_max", "{1}: given without max", "{1}: có mục này nhưng thiếu max"},
    {"criteria_schema.without_upper", "{1}: given without upper",
     "{1}: có mục này nhưng thiếu upper"},
    {"criteria_schema.band_empty", "{1}: the band is empty (min {2}, max {3})",
     "{1}: khoảng giá trị rỗng (min {4}; max {5})"},
    {"criteria_schema.only_first_band_no_min", "{1}: only the first band may have no min",
     "{1}: chỉ khoảng đầu tiên được phép không có min"},
    {"criteria_schema.only_last_band_no_max", "{1}: only the last band may have no max",
     "{1}: chỉ khoảng cuối cùng được phép không có max"},
    {"criteria_schema.bands_overlap",
     "{1}: overlaps {2}, which ends at {3} (bands must be in ascending order, without overlap)",
     "{1}: chồng lên {2}, khoảng này kết thúc ở {4} (các khoảng phải theo thứ tự tăng dần, không "
     "chồng lên nhau)"},
    {"criteria_schema.bands_gap", "{1}: gap: {2} ends at {3} but this band starts at {4}",
     "{1}: bị hở: {2} kết thúc ở {3} nhưng khoảng này bắt đầu ở {4}"},
    {"criteria_schema.bound_in_both",
     "{1}: overlap: {2} is in both {3} and this band; make one bound exclusive",
     "{1}: chồng lên nhau: {2} thuộc cả {3} và khoảng này; hãy để một trong hai cận không tính "
     "điểm này"},
    {"criteria_schema.bound_in_neither",
     "{1}: gap: {2} is in neither {3} nor this band; make one bound inclusive",
     "{1}: bị hở: {2} không thuộc {3} cũng không thuộc khoảng này; hãy để một trong hai cận tính "
     "cả điểm này"},
    {"criteria_schema.percent_start", "{1}: a percent index's bands must start at 0, inclusive",
     "{1}: các khoảng của chỉ số phần trăm phải bắt đầu từ 0, tính cả 0"},
    {"criteria_schema.percent_end", "{1}: a percent index's bands must end at 100, inclusive",
     "{1}: các khoảng của chỉ số phần trăm phải kết thúc ở 100, tính cả 100"},
    {"criteria_schema.unknown_input",
     "{1}: unknown input type \"{2}\" (expected bands, yes_no, choice or percent)",
     "{1}: kiểu câu trả lời \"{2}\" không xác định (cần bands, yes_no, choice hoặc percent)"},
    {"criteria_schema.points_max_not_above", "{1}: must be greater than points_min ({2})",
     "{1}: phải lớn hơn points_min ({2})"},
    {"criteria_schema.fail_at_not_mandatory", "{1}: only allowed when mandatory is true",
     "{1}: chỉ được dùng khi mandatory là true"},
    {"criteria_schema.not_used_by_input", "{1}: not used by input type \"{2}\"",
     "{1}: kiểu câu trả lời \"{2}\" không dùng mục này"},
    {"criteria_schema.choice_twice",
     "{1}: \"{2}\" is the same as choices[{3}].value (case and accents are ignored)",
     "{1}: \"{2}\" trùng với choices[{3}].value (không phân biệt chữ hoa, chữ thường và dấu)"},
    {"criteria_schema.unknown_level",
     "{1}: unknown level \"{2}\" (expected very_low, low, medium, high or very_high)",
     "{1}: mức \"{2}\" không xác định (cần very_low, low, medium, high hoặc very_high)"},
    {"criteria_schema.last_level_upper",
     "{1}: the last level must have no upper bound (it takes every percentage above the level "
     "before it)",
     "{1}: mức cuối cùng không được có cận trên (mức này nhận mọi tỷ lệ phần trăm trên mức "
     "trước)"},
    {"criteria_schema.level_upper_missing",
     "{1}: required field is missing (only the last level has no upper bound)",
     "{1}: thiếu mục bắt buộc (chỉ mức cuối cùng không có cận trên)"},
    {"criteria_schema.veto_level_undefined", "{1}: level \"{2}\" is not defined in levels",
     "{1}: mức \"{2}\" không có trong levels"},
    {"criteria_schema.no_such_index", "{1}: no index has id \"{2}\"",
     "{1}: không có chỉ số nào có mã \"{2}\""},
    {"criteria_schema.unsupported_format",
     "{1}: unsupported format version {2} (this SafeMap reads version {3})",
     "{1}: không hỗ trợ phiên bản định dạng {2} (SafeMap này đọc phiên bản {3})"},
    {"criteria_schema.too_many_indices", "{1}: at most {2} indices are supported, got {3}",
     "{1}: chỉ hỗ trợ tối đa {2} chỉ số, nhưng tệp có {3}"},
    {"criteria_schema.index_id_twice", "{1}: \"{2}\" is already used by indices[{3}]",
     "{1}: \"{2}\" đã được dùng ở indices[{3}]"},
    {"criteria_schema.unknown_total_method",
     "{1}: unknown method \"{2}\" (expected \"sum_over_max\")",
     "{1}: phương pháp \"{2}\" không xác định (cần \"sum_over_max\")"},
    {"criteria_schema.levels_order",
     "{1}: \"{2}\" comes after \"{3}\"; levels must go from lowest to highest risk, each once",
     "{1}: \"{2}\" đứng sau \"{3}\"; các mức phải đi từ nguy cơ thấp nhất đến cao nhất, mỗi mức "
     "một lần"},
    {"criteria_schema.levels_not_increasing",
     "{1}: {2} is not above levels[{3}].upper ({4}); thresholds must increase",
     "{1}: {2} không lớn hơn levels[{3}].upper ({4}); các ngưỡng phải tăng dần"},
    {"criteria_schema.too_many_vetoes", "{1}: at most {2} vetoes are supported",
     "{1}: chỉ hỗ trợ tối đa {2} điều kiện loại trừ"},
    {"criteria_schema.veto_id_twice", "{1}: \"{2}\" is already used by vetoes[{3}]",
     "{1}: \"{2}\" đã được dùng ở vetoes[{3}]"},
    {"criteria_schema.too_deep", "{1}: nested more than {2} levels deep",
     "{1}: lồng nhau sâu quá {2} cấp"},
    {"criteria_schema.field_twice", "{1}: the field is given twice",
     "{1}: mục này được ghi hai lần"},

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
    return kCriteriaMessages;
}

}  // namespace safemap
