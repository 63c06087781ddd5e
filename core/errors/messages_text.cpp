// The catalogue's entries for reading files and text: files that cannot be opened or read,
// encodings, CSV structure, header rows.
#include "core/errors/error_catalogue.h"

namespace safemap {

namespace {

constexpr ErrorTemplate kTextMessages[] = {
    // Files (fileError).
    {"file.not_found", "file not found", "không tìm thấy tệp"},
    {"file.no_permission", "no permission to use this file (ask whoever manages the computer)",
     "không có quyền dùng tệp này (hãy hỏi người quản lý máy tính)"},
    {"file.is_folder", "this is a folder, not a file", "đây là một thư mục, không phải một tệp"},
    {"file.disk_full", "the disk is full: nothing was written; free some space and try again",
     "ổ đĩa đã đầy: chưa ghi gì cả; hãy giải phóng bớt dung lượng rồi thử lại"},
    {"file.read_only_disk", "the disk or folder is read-only: choose another place",
     "ổ đĩa hoặc thư mục chỉ cho phép đọc: hãy chọn nơi khác"},
    {"file.open_failed", "cannot open the file: {1}", "không mở được tệp (lỗi hệ thống: {1})"},
    {"file.read_failed", "cannot read the file: {1}", "không đọc được tệp (lỗi hệ thống: {1})"},
    {"file.write_failed", "cannot write: {1}", "không ghi được tệp (lỗi hệ thống: {1})"},
    {"file.flush_failed", "cannot flush to disk: {1}",
     "không ghi được dữ liệu xuống ổ đĩa (lỗi hệ thống: {1})"},
    {"file.replace_failed", "cannot replace the file: {1}",
     "không thay được tệp cũ bằng tệp mới (lỗi hệ thống: {1})"},
    {"file.too_large", "the file is too large (4 GiB or more of text)",
     "tệp quá lớn (từ 4 GiB văn bản trở lên)"},

    // Text encodings.
    {"text.encoding_unknown",
     "cannot tell the text encoding ({1}; best guess {2}): choose the file's encoding (utf-8, "
     "tcvn3, vni, viscii, cp1258)",
     "không xác định được bảng mã của văn bản (gần đúng nhất là {2}): hãy chọn bảng mã của tệp "
     "(utf-8, tcvn3, vni, viscii, cp1258)"},
    {"text.mojibake",
     "the text does not read as Vietnamese when decoded as {1}: the file is probably in another "
     "encoding, or was converted with the wrong one before it was saved; choose the right "
     "encoding",
     "đọc theo bảng mã {1} thì văn bản không ra tiếng Việt: có lẽ tệp dùng bảng mã khác, hoặc đã "
     "bị chuyển sai bảng mã trước khi lưu; hãy chọn đúng bảng mã"},
    {"text.mixed_utf8",
     "the text is not valid UTF-8 here (byte {1}): the file mixes UTF-8 with another encoding; "
     "save it again as UTF-8, or choose its encoding",
     "văn bản ở đây không phải UTF-8 hợp lệ (byte {1}): tệp trộn UTF-8 với một bảng mã khác; hãy "
     "lưu lại tệp dưới dạng UTF-8, hoặc chọn bảng mã của tệp"},
    {"text.bad_utf8",
     "not valid UTF-8: byte {1} at offset {2} (line {3}); choose the file's encoding explicitly",
     "văn bản không phải UTF-8 hợp lệ: byte {1} ở vị trí {2} (dòng văn bản {3}); hãy chọn rõ "
     "bảng mã của tệp"},
    {"text.bad_byte",
     "not {1} text: byte {2} at offset {3} (line {4}); choose the file's encoding explicitly",
     "văn bản không theo bảng mã {1}: byte {2} ở vị trí {3} (dòng văn bản {4}); hãy chọn rõ bảng "
     "mã của tệp"},
    {"text.utf16_odd", "the UTF-16 text ends in the middle of a character (an odd number of bytes)",
     "văn bản UTF-16 kết thúc giữa chừng một ký tự (số byte lẻ)"},
    {"text.utf16_surrogate", "not valid UTF-16: a lone surrogate at byte offset {1} (line {2})",
     "văn bản không phải UTF-16 hợp lệ: một nửa cặp thay thế (surrogate) đứng lẻ ở byte {1} "
     "(dòng văn bản {2})"},

    // CSV and tables.
    {"csv.nul_in_cell",
     "a NUL byte (0x00) in this cell: the file is damaged or is not CSV text (open it in a "
     "spreadsheet program and save it again as CSV UTF-8)",
     "ô này chứa byte NUL (0x00): tệp bị hỏng hoặc không phải văn bản CSV (hãy mở tệp bằng "
     "chương trình bảng tính rồi lưu lại dưới dạng CSV UTF-8)"},
    {"csv.nul_binary",
     "the cell holds a NUL byte (0x00): the file is not plain text (binary, or UTF-16 without a "
     "byte order mark); save it again as CSV",
     "ô chứa byte NUL (0x00): tệp không phải văn bản thuần (tệp nhị phân, hoặc UTF-16 không có "
     "dấu thứ tự byte); hãy lưu lại dưới dạng CSV"},
    {"csv.nul_byte", "a NUL byte (0x00): the file is damaged or is not CSV text",
     "có byte NUL (0x00): tệp bị hỏng hoặc không phải văn bản CSV"},
    {"csv.unclosed_quote",
     "a quoted cell is never closed: the quote opens on line {1} and the file ends inside it",
     "một ô mở dấu ngoặc kép mà không đóng: dấu ngoặc mở ở dòng văn bản {1} và tệp kết thúc khi "
     "vẫn còn trong ô đó"},
    {"csv.zip_not_text",
     "this is a ZIP file, such as an XLSX or ODS workbook, not CSV text: give it the extension "
     ".xlsx or .ods, or save it as CSV UTF-8",
     "đây là tệp ZIP (như sổ tính XLSX hoặc ODS), không phải văn bản CSV: hãy đặt phần mở rộng "
     ".xlsx hoặc .ods, hoặc lưu lại dưới dạng CSV UTF-8"},
    {"csv.xls_not_read",
     "this is an Excel 97-2003 workbook (.xls), which SafeMap does not read: save it as .xlsx or "
     "as CSV UTF-8",
     "đây là sổ tính Excel 97-2003 (.xls), SafeMap không đọc được loại này: hãy lưu lại dưới "
     "dạng .xlsx hoặc CSV UTF-8"},
    {"table.no_header", "the file has no header row", "tệp không có dòng tiêu đề cột"},
    {"table.too_many_cells", "the row has {1} cells but the header has {2} columns",
     "dòng này có {1} ô nhưng dòng tiêu đề chỉ có {2} cột"},
};

}  // namespace

std::span<const ErrorTemplate> textMessages() {
    return kTextMessages;
}

}  // namespace safemap
