// The catalogue's entries for projects on a PostgreSQL/PostGIS server (core/storage/pg):
// connections, roles the server refuses, and what a server project cannot do.
#include "core/errors/error_catalogue.h"

namespace safemap {

namespace {

constexpr ErrorTemplate kServerMessages[] = {
    {"server.error", "the server refused: {1}", "máy chủ từ chối: {1}"},
    {"server.cannot_connect", "cannot connect to the server: {1}",
     "không kết nối được tới máy chủ: {1}"},
    {"server.no_project",
     "the database holds no SafeMap project; create one with `safemap push` or `safemap import`",
     "cơ sở dữ liệu chưa có dự án SafeMap: hãy tạo bằng `safemap push` hoặc `safemap import`"},
    {"server.needs_upgrade",
     "the server project has schema {1} and this SafeMap needs {2}; open it once read-write "
     "(as the project's owner) to upgrade it",
     "dự án trên máy chủ có lược đồ {1}, phiên bản SafeMap này cần {2}: hãy mở một lần ở chế độ "
     "ghi (bằng tài khoản chủ dự án) để nâng cấp"},
    {"server.not_supported",
     "a project on a server does not hold {1}; pull it into a GeoPackage file for that",
     "dự án trên máy chủ không lưu {1}: hãy tải về tệp GeoPackage để làm việc này"},
    {"server.conflict",
     "{1} was changed by {2} since you read it; reload and make your change again",
     "{1} đã được {2} thay đổi sau khi bạn mở: hãy tải lại rồi sửa lại"},
};

}  // namespace

std::span<const ErrorTemplate> serverMessages() {
    return kServerMessages;
}

}  // namespace safemap
