// The catalogue's entries for projects on disk: files that are not projects, projects that
// are busy, damaged, read-only or too new, migrations, settings and SQLite's own failures.
#include "core/errors/error_catalogue.h"

namespace safemap {

namespace {

constexpr ErrorTemplate kStorageMessages[] = {
    {"project.exists", "file already exists", "tệp đã tồn tại"},
    {"project.not_a_database", "file is not a database (not a GeoPackage or SQLite file)",
     "tệp này không phải cơ sở dữ liệu (không phải GeoPackage hay SQLite)"},
    {"project.not_a_geopackage", "not a GeoPackage (no gpkg_contents table)",
     "tệp không phải GeoPackage (thiếu bảng gpkg_contents)"},
    {"project.not_safemap",
     "a GeoPackage, but not a SafeMap project (no safemap_meta table); import its layers into a "
     "project instead",
     "tệp là GeoPackage nhưng không phải dự án SafeMap: hãy nhập các lớp của nó vào một dự án"},
    {"project.too_new",
     "project schema version {1} is newer than this SafeMap understands ({2}); update SafeMap",
     "dự án được lưu bằng phiên bản SafeMap mới hơn (lược đồ {1}, phiên bản này đọc được đến "
     "{2}): hãy cập nhật SafeMap"},
    {"project.no_schema_version",
     "the project's settings table has no schema_version: not a SafeMap project, or its "
     "safemap_meta table was edited",
     "bảng cài đặt của dự án không ghi phiên bản lược đồ: tệp không phải dự án SafeMap, hoặc "
     "bảng cài đặt đã bị sửa ngoài SafeMap"},
    {"project.bad_schema_version",
     "the project's schema_version is {1}, not a version number; its safemap_meta table was "
     "edited",
     "phiên bản lược đồ của dự án ({1}) không phải là số: bảng cài đặt đã bị sửa ngoài "
     "SafeMap"},
    {"project.migration_failed", "migration to version {1} failed: {2}",
     "không nâng cấp được dự án lên phiên bản lược đồ {1} ({2})"},
    {"project.migration_orphans",
     "migration to version {1} would leave rows of {2} without their parent row",
     "nâng cấp dự án lên phiên bản lược đồ {1} sẽ để lại các dòng của bảng {2} không có dòng "
     "gốc: dự án không được thay đổi"},
    {"project.busy",
     "another program is writing to this project (SafeMap, QGIS or a copy tool); nothing was "
     "changed: try again when it has finished",
     "một chương trình khác đang ghi vào dự án này (SafeMap, QGIS hoặc công cụ sao chép); chưa "
     "có gì thay đổi: hãy thử lại khi chương trình đó xong việc"},
    {"project.damaged", "the project file is damaged (database disk image is malformed)",
     "tệp dự án bị hỏng"},
    {"project.read_only_file", "the project file is read-only: nothing can be saved in it",
     "tệp dự án chỉ cho phép đọc: không thể lưu gì vào đó"},
    {"project.cannot_open", "cannot open the project file", "không mở được tệp dự án"},
    {"project.io_error", "the disk could not read or write the project: {1}",
     "ổ đĩa không đọc hoặc ghi được dự án (lỗi vào/ra)"},
    {"project.opened_read_only", "the project was opened read-only",
     "dự án đang được mở ở chế độ chỉ đọc"},
    {"project.table_unreadable", "table {1} is listed in gpkg_contents but cannot be read: {2}",
     "bảng {1} có trong danh mục của GeoPackage nhưng không đọc được"},
    {"project.cannot_create_copy", "cannot create file", "không tạo được tệp"},
    {"project.assessment_bad_date", "assessment {1} has no valid date (\"{2}\")",
     "đánh giá số {1} không có ngày hợp lệ (\"{2}\")"},
    {"project.score_bad_level", "score of assessment {1} has an unknown level \"{2}\"",
     "điểm của đánh giá số {1} có mức nguy cơ không xác định (\"{2}\")"},
    {"project.score_block_bad",
     "scores of criteria set {1} (block {2}) are damaged: {3}; re-score the project with the set",
     "điểm theo bộ tiêu chí {1} (khối {2}) bị hỏng; hãy chấm điểm lại dự án bằng bộ tiêu chí này"},
    {"project.answers_bad", "the answers of assessment {1} are damaged: {2}",
     "câu trả lời của đánh giá số {1} bị hỏng"},
    {"project.inspection_bad_date", "an inspection of {1} has no valid date (\"{2}\")",
     "một lần kiểm tra cơ sở {1} không có ngày hợp lệ (\"{2}\")"},
    {"storage.sqlite", "{1}", "lỗi cơ sở dữ liệu của dự án"},
    {"storage.out_of_memory", "out of memory", "không đủ bộ nhớ"},

    // Saved settings and filters.
    {"settings.bad_value", "setting {1} = {2}: {3}; the default is used",
     "cài đặt {1} = {2} không hợp lệ; dùng giá trị mặc định"},
    {"filter.bad_saved", "saved filter: {1}: {2}", "bộ lọc đã lưu: mục {1} không hợp lệ"},
    {"filter.not_json", "saved filter: not a JSON object",
     "bộ lọc đã lưu bị hỏng (không phải đối tượng JSON)"},

    // Programming errors: worded, but a user should never meet them.
    {"internal.nested_write", "internal: a write transaction is already open",
     "lỗi nội bộ: đã có một giao dịch ghi đang mở"},
    {"internal.write_outside_transaction", "internal: a write outside a transaction was refused",
     "lỗi nội bộ: thao tác ghi ngoài giao dịch đã bị từ chối"},
    {"internal.schema_version_setting", "the schema version is not a setting",
     "lỗi nội bộ: phiên bản lược đồ không phải là một cài đặt"},
    {"internal.write_scores", "writeScores: {1} points for {2} scores of {3} indices",
     "lỗi nội bộ: {1} điểm cho {2} kết quả của {3} chỉ số"},
    {"internal.term_unknown", "internal: answer term \"{1}\" is not known to the encoder",
     "lỗi nội bộ: bộ mã hoá chưa biết thuật ngữ câu trả lời \"{1}\""},
    {"internal.score_batch", "scoreBatch: {1} answers for {2} assessments of {3} indices",
     "lỗi nội bộ: {1} câu trả lời cho {2} đánh giá của {3} chỉ số"},
    // Optimistic version checks: an edit carries what it read; someone else saved first.
    {"project.facility_conflict",
     "facility {1} ({2}) was changed by someone else at {3} since you read it; nothing was "
     "saved: reload and make your change again",
     "cơ sở {1} ({2}) đã được người khác sửa lúc {3} — chưa lưu gì: tải lại rồi sửa lại"},
    {"project.record_conflict",
     "inspection record {1} of facility {2} was changed by someone else at {3} since you read "
     "it; nothing was saved: reload and make your change again",
     "biên bản kiểm tra {1} của cơ sở {2} đã được người khác sửa lúc {3} — chưa lưu gì: tải "
     "lại rồi sửa lại"},
    {"project.criteria_conflict",
     "the active criteria set was changed by someone else to {1} since you read it; nothing "
     "was saved: reload and choose again",
     "bộ tiêu chí đang dùng đã được người khác đổi thành {1} sau khi bạn mở — chưa lưu gì: tải "
     "lại rồi chọn lại"},
};

}  // namespace

std::span<const ErrorTemplate> storageMessages() {
    return kStorageMessages;
}

}  // namespace safemap
