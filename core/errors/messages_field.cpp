// The catalogue's entries for work in the field and what it touches in the project: field
// packages, merging them back, inspection records and their photos, on-site corrections.
#include "core/errors/error_catalogue.h"

namespace safemap {

namespace {

constexpr ErrorTemplate kFieldMessages[] = {
    // Facilities and records named by id.
    {"project.no_such_facility", "no facility {1} in the project", "dự án không có cơ sở {1}"},
    {"project.no_such_photo", "no photo {1}", "không có ảnh {1}"},
    {"project.record_measures_not_list", "inspection record {1}: its measures are not a JSON list",
     "biên bản kiểm tra {1}: danh sách biện pháp bị hỏng (không phải danh sách JSON)"},
    {"project.record_measure_no_id", "inspection record {1}: a measure has no id",
     "biên bản kiểm tra {1}: có một biện pháp không có mã"},
    {"project.record_bad_date", "inspection record {1} has no valid date (\"{2}\")",
     "biên bản kiểm tra {1} không có ngày hợp lệ (\"{2}\")"},
    {"project.record_bad_outcome", "inspection record {1} has an unknown outcome \"{2}\"",
     "biên bản kiểm tra {1} có kết luận không rõ \"{2}\""},
    {"project.photo_elsewhere", "photo {1} already belongs to inspection record {2}",
     "ảnh {1} đã thuộc về biên bản kiểm tra {2}"},
    {"project.photo_no_data", "photo {1} ({2}) of inspection record {3} has no data",
     "ảnh {1} ({2}) của biên bản kiểm tra {3} không có dữ liệu"},
    {"file.exists", "the file already exists; choose another name",
     "tệp đã tồn tại; hãy chọn tên khác"},

    // Field packages (core/project/field_package.cpp, core/storage/package_store.cpp).
    {"package.bad_format_setting",
     "the field package's format ({1}) is not a version number; its safemap_meta table was "
     "edited",
     "định dạng của gói công tác ({1}) không phải số phiên bản; bảng safemap_meta của gói đã bị "
     "sửa ngoài SafeMap"},
    {"sheets.no_facilities", "the package holds no facility: there is no sheet to print",
     "gói không có cơ sở nào: không có phiếu nào để in"},
    {"package.nothing_chosen", "no facilities were chosen for the field package",
     "chưa chọn cơ sở nào cho gói công tác"},
    {"package.from_package", "this is a field package: make packages from the office's project",
     "đây là một gói công tác: hãy tạo gói từ dự án của cơ quan"},
    {"package.replaces_source", "a field package cannot replace the project it is made from",
     "gói công tác không được ghi đè lên dự án mà nó được tạo từ đó"},
    {"package.no_project_id", "the project has no id to give its packages",
     "dự án không có mã định danh để gán cho các gói công tác"},
    {"package.not_a_package", "not a field package", "không phải gói công tác"},
    {"package.no_such_facility", "facility {1} is not in the package",
     "cơ sở {1} không có trong gói công tác"},
    {"package.copy_unreadable", "the package's copy of facility {1} cannot be read",
     "không đọc được bản sao của cơ sở {1} trong gói công tác"},
    {"package.damaged_detail", "the file is damaged: {1}", "tệp bị hỏng (chi tiết từ SQLite: {1})"},
    {"package.damaged_or_cut", "the file is damaged or cut short: {1}",
     "tệp bị hỏng hoặc bị cắt cụt (chi tiết từ SQLite: {1})"},
    {"package.damaged", "the file is damaged ({1})", "tệp bị hỏng (chi tiết từ SQLite: {1})"},

    // Merging a package back (core/project/merge.cpp).
    {"merge.not_a_package",
     "{1} is not a field package (it is a project: open it, or import from it)",
     "{1} không phải gói công tác (đó là một dự án: hãy mở nó, hoặc nhập dữ liệu từ nó)"},
    {"merge.newer_format",
     "the field package was made by a newer SafeMap (package format {1}, this one reads up to "
     "{2}): update SafeMap before merging it",
     "gói công tác được tạo bằng SafeMap mới hơn (định dạng gói {1}, bản này chỉ đọc đến {2}): "
     "hãy cập nhật SafeMap trước khi gộp"},
    {"merge.newer_schema",
     "the field package was made by a newer SafeMap (schema {1}, this one writes {2}): update "
     "SafeMap before merging it",
     "gói công tác được tạo bằng SafeMap mới hơn (lược đồ {1}, bản này ghi lược đồ {2}): hãy "
     "cập nhật SafeMap trước khi gộp"},
    {"merge.into_package",
     "this is a field package itself: merge field packages into the office's project",
     "đây chính là một gói công tác: hãy gộp các gói công tác vào dự án của cơ quan"},
    {"merge.other_project",
     "the field package was made from another project ({1}, id {2}), not from this one ({3}{4}): "
     "nothing was merged",
     "gói công tác được tạo từ một dự án khác ({1}, mã {2}), không phải từ dự án này ({3}{4}): "
     "chưa gộp gì cả"},
    {"merge.package_lost_facility", "the field package lost facility {1}: it is damaged",
     "gói công tác bị mất cơ sở {1}: gói đã bị hỏng"},
    {"merge.facility_gone", "facility {1} ({2}) of the field package is no longer in the project",
     "cơ sở {1} ({2}) của gói công tác không còn trong dự án"},
    {"merge.undecided",
     "{1} conflict(s) need a decision (keep the office's or take the field's): {2}. Nothing was "
     "merged.",
     "{1} chỗ khác nhau cần được quyết định (giữ bản của cơ quan hay lấy bản hiện trường): {2}. "
     "Chưa gộp gì cả."},
    {"merge.photo_damaged",
     "photo {1} of the inspection of {2} on {3} is damaged in the field package; nothing was "
     "merged",
     "ảnh {1} của lần kiểm tra cơ sở {2} ngày {3} trong gói công tác bị hỏng; chưa gộp gì cả"},
    {"merge.cannot_merge", "the field package cannot be merged: {1}",
     "không gộp được gói công tác: {2}"},
    {"merge.cannot_read", "cannot read the field package: {1}", "không đọc được gói công tác: {2}"},
    {"merge.internal_lost_record", "internal: conflict {1} lost its record",
     "lỗi nội bộ: chỗ khác nhau {1} bị mất biên bản"},
    {"merge.internal_lost_facility", "internal: conflict {1} lost its facility",
     "lỗi nội bộ: chỗ khác nhau {1} bị mất cơ sở"},

    // Inspection records made in the field (core/project/field_inspection.cpp).
    {"inspection.photo_empty", "photo {1} is empty or cut short",
     "ảnh {1} bị trống hoặc bị cắt cụt"},
    {"inspection.photo_too_large", "photo {1} is larger than {2} MB", "ảnh {1} lớn hơn {2} MB"},
    {"inspection.photo_checksum", "photo {1} does not match its checksum",
     "ảnh {1} không khớp với mã kiểm tra của nó"},
    {"inspection.no_site", "no facility chosen", "chưa chọn cơ sở"},
    {"inspection.bad_date", "the date is not a valid date", "ngày không hợp lệ"},
    {"inspection.future_date", "the date {1} is in the future", "ngày {1} ở tương lai"},
    {"inspection.no_inspector", "the inspector's name is missing", "thiếu tên người kiểm tra"},
    {"inspection.fix_by_missing", "\"fix by a date\" needs the date",
     "“khắc phục trước hạn” cần có ngày hạn"},
    {"inspection.fix_by_before", "the deadline {1} is before the inspection",
     "hạn khắc phục {1} trước ngày kiểm tra"},
    {"inspection.fix_by_unexpected", "a deadline is given only with \"fix by a date\"",
     "chỉ ghi hạn khắc phục khi kết luận là “khắc phục trước hạn”"},
    {"inspection.measure_twice", "measure {1} is given twice", "biện pháp {1} được ghi hai lần"},
    {"inspection.not_mandatory", "measure {1} is not a mandatory measure of {2} v{3}",
     "biện pháp {1} không phải biện pháp bắt buộc của bộ tiêu chí {2} phiên bản {3}"},
    {"inspection.bad_position", "the position is not a longitude and latitude",
     "vị trí không phải là kinh độ và vĩ độ"},
    {"inspection.record_missing", "inspection record {1} of {2} is not in the project",
     "biên bản kiểm tra {1} của cơ sở {2} không có trong dự án"},
    {"inspection.not_correctable", "the facility's {1} cannot be corrected on site",
     "thuộc tính {1} của cơ sở không sửa được tại hiện trường"},
    {"inspection.empty_name", "the facility's name cannot be empty",
     "tên cơ sở không được để trống"},

    // Settings read back from a project.
    {"settings.context_layers", "setting {1}: {2}",
     "cài đặt {1} (các lớp nền) có mục không hợp lệ: mục đó được bỏ qua hoặc dùng giá trị mặc "
     "định"},
    {"internal.not_a_setting", "\"{1}\" is not a setting", "“{1}” không phải một cài đặt"},
};

}  // namespace

std::span<const ErrorTemplate> fieldMessages() {
    return kFieldMessages;
}

}  // namespace safemap
