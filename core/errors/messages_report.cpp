// The catalogue's entries for map reports: their templates (core/report/report_template).
#include "core/errors/error_catalogue.h"

namespace safemap {

namespace {

constexpr ErrorTemplate kReportMessages[] = {
    {"report_template.not_found",
     "there is no built-in report template called \"{1}\" (built in: {2}) and no file of that "
     "name",
     "không có mẫu báo cáo dựng sẵn tên \"{1}\" (mẫu dựng sẵn: {2}) và cũng không có tệp nào "
     "tên như vậy"},
    {"report_template.not_json", "the report template is not valid JSON",
     "mẫu báo cáo không phải JSON hợp lệ"},
    {"report_template.missing_field", "the report template has no \"{1}\"",
     "mẫu báo cáo thiếu mục \"{1}\""},
    {"report_template.bad_value", "\"{1}\" in the report template must be {2}",
     "mục \"{1}\" của mẫu báo cáo không hợp lệ (cần: {3})"},
    {"report_template.unknown_field",
     "the report template has a field \"{1}\" that SafeMap does not know (misspelt?)",
     "mẫu báo cáo có mục \"{1}\" mà SafeMap không biết (viết sai tên?)"},
    {"report_template.newer_version",
     "the report template is version {1}, made by a newer SafeMap; this one reads version 1",
     "mẫu báo cáo là phiên bản {1} do SafeMap mới hơn tạo; phiên bản này chỉ đọc được phiên "
     "bản 1"},
    {"report_template.empty",
     "the report template shows nothing: give \"blocks\" (the first page) or \"lists\"",
     "mẫu báo cáo không có nội dung: cần mục \"blocks\" (trang đầu) hoặc \"lists\" (danh "
     "sách)"},
};

}  // namespace

std::span<const ErrorTemplate> reportMessages() {
    return kReportMessages;
}

}  // namespace safemap
