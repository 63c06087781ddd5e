// The catalogue's entries for the application itself: the window's own refusals and the
// command line's option checks.
#include "core/errors/error_catalogue.h"

namespace safemap {

namespace {

constexpr ErrorTemplate kAppMessages[] = {
    // The window (app/gui).
    {"app.default_criteria_missing",
     "the bundled criteria set resources/criteria/crln-1203-v1.json was not found (set "
     "SAFEMAP_HOME to SafeMap's folder)",
     "không tìm thấy bộ tiêu chí đi kèm resources/criteria/crln-1203-v1.json (hãy đặt biến môi "
     "trường SAFEMAP_HOME là thư mục cài SafeMap)"},
    {"app.no_project", "no project is loaded yet", "chưa nạp dự án nào"},

    // The command line (app/cli).
    {"cli.filter_and_no_filter", "give --filter or --no-filter, not both",
     "hãy dùng --filter hoặc --no-filter, không dùng cả hai"},
    {"cli.filter_unreadable", "--filter: not JSON and not a readable file",
     "--filter: không phải JSON và cũng không phải tệp đọc được"},
    {"cli.bad_filter", "--filter: {1}", "--filter không hợp lệ: {2}"},
    {"internal.not_run", "internal: the import did not run",
     "lỗi nội bộ: việc nhập dữ liệu chưa chạy"},
    {"cli.no_such_facility", "no facility {1} in the project", "dự án không có cơ sở {1}"},
    {"cli.cannot_read_photo", "cannot read the photo", "không đọc được ảnh chụp"},
    {"cli.not_an_image", "not a JPEG, PNG or WebP image", "không phải ảnh JPEG, PNG hay WebP"},
};

}  // namespace

std::span<const ErrorTemplate> appMessages() {
    return kAppMessages;
}

}  // namespace safemap
