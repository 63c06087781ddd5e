// The catalogue's entries for the gis module: site files (zones and factories), GDAL sources,
// coordinate systems, field mappings, context layers, the basemap, cordons and reports.
// GDAL's own English words reach a message only as an argument the Vietnamese template
// frames with its own words ("chi tiết: …").
#include "core/errors/error_catalogue.h"

namespace safemap {

namespace {

constexpr ErrorTemplate kGisMessages[] = {
    // Site rows (gis/io/site_rows.cpp, site_assembler.cpp, polygon_repair.cpp).
    {"sites.count_negative", "{1} is negative", "{1} là số âm"},
    {"sites.longitude_outside",
     "longitude {1} is outside Vietnam (100 to 112 east); check the columns and the CRS",
     "kinh độ {1} nằm ngoài Việt Nam (từ 100 đến 112 độ Đông); hãy kiểm tra các cột và hệ tọa "
     "độ"},
    {"sites.latitude_outside",
     "latitude {1} is outside Vietnam (7 to 24 north); check the columns and the CRS",
     "vĩ độ {1} nằm ngoài Việt Nam (từ 7 đến 24 độ Bắc); hãy kiểm tra các cột và hệ tọa độ"},
    {"sites.name_missing", "the name is missing", "thiếu tên"},
    {"sites.more_out_of_province", "more out-of-province workers ({1}) than workers ({2})",
     "số lao động ngoại tỉnh ({1}) nhiều hơn tổng số lao động ({2})"},
    {"sites.more_in_shift", "more workers in one shift ({1}) than workers ({2})",
     "số lao động trong một ca ({1}) nhiều hơn tổng số lao động ({2})"},
    {"sites.not_a_zone_kind", "{1} is not a zone kind (KCN, CCN or KKT)",
     "{1} không phải loại khu (KCN, CCN hoặc KKT)"},
    {"sites.area_empty", "the area is empty", "vùng không có diện tích"},
    {"sites.factory_needs_point", "the geometry is a {1}; a factory needs a point",
     "hình học là {1}; một cơ sở cần một điểm"},
    {"sites.zone_needs_polygon", "the geometry is a {1}; a zone needs a polygon",
     "hình học là {1}; một khu cần một vùng (đa giác)"},
    {"sites.coordinate_missing", "the coordinate is missing", "thiếu tọa độ"},
    {"sites.cannot_transform_position", "cannot transform this position to WGS 84",
     "không chuyển được vị trí này sang hệ WGS 84"},
    {"sites.cannot_transform_geometry", "cannot transform this geometry to WGS 84",
     "không chuyển được hình học này sang hệ WGS 84"},
    {"sites.no_geometry", "the row has no geometry", "dòng này không có hình học"},
    {"sites.polygon_repaired",
     "the polygon was not valid (its boundary crosses itself or has a collapsed part) and was "
     "repaired with MakeValid: check the zone's shape on the map",
     "đa giác không hợp lệ (đường biên tự cắt hoặc có phần bị suy biến) và đã được sửa tự động: "
     "hãy kiểm tra hình dạng của khu trên bản đồ"},
    {"sites.polygon_one_point",
     "the polygon has only {1} distinct point, so it encloses no area and cannot be repaired; "
     "redraw the zone",
     "đa giác chỉ có {1} điểm phân biệt nên không bao diện tích nào và không sửa được; hãy vẽ "
     "lại khu"},
    {"sites.polygon_few_points",
     "the polygon has only {1} distinct points, so it encloses no area and cannot be repaired; "
     "redraw the zone",
     "đa giác chỉ có {1} điểm phân biệt nên không bao diện tích nào và không sửa được; hãy vẽ "
     "lại khu"},
    {"sites.polygon_on_a_line",
     "the polygon is not valid and encloses no area (its points lie on a line), so it cannot be "
     "repaired; redraw the zone",
     "đa giác không hợp lệ và không bao diện tích nào (các điểm nằm trên một đường thẳng) nên "
     "không sửa được; hãy vẽ lại khu"},
    {"sites.duplicate_id", "the same id {1} as row {2}", "trùng mã {1} với dòng {2}"},
    {"sites.no_position_no_zone", "the row has no coordinates and no zone to place it in",
     "dòng này không có tọa độ và cũng không có khu để đặt cơ sở vào"},
    {"sites.no_position_no_project_zones",
     "the row has no coordinates, and the project has no zones to place it in (import the zones "
     "first)",
     "dòng này không có tọa độ, và dự án chưa có khu nào để đặt cơ sở vào (hãy nhập các khu "
     "trước)"},
    {"sites.no_position_zone_no_area",
     "the row has no coordinates, and its zone {1} has no area to place it in",
     "dòng này không có tọa độ, và khu {1} của nó không có diện tích để đặt cơ sở vào"},
    {"sites.no_position_zone_unknown",
     "the row has no coordinates, and its zone {1} is not one of the project's zones",
     "dòng này không có tọa độ, và khu {1} của nó không phải là một khu của dự án"},
    {"sites.cell_too_long",
     "the cell holds {1} bytes; a site's text is at most 4096 (is a quote left open?)",
     "ô này chứa {1} byte; văn bản của một cơ sở dài tối đa 4096 byte (có dấu ngoặc kép nào "
     "chưa đóng không?)"},
    {"sites.zones_not_checked",
     "the project has no zones yet, so the {1} zone names or ids in this column are kept as "
     "written and not checked; import the zones first to link them",
     "dự án chưa có khu nào, nên {1} tên hoặc mã khu trong cột này được giữ nguyên như đã viết "
     "và chưa được kiểm tra; hãy nhập các khu trước để liên kết"},
    {"sites.zone_unknown",
     "zone {1} is not in the project ({2}); kept as written, not linked to a zone",
     "khu {1} không có trong dự án (dòng {3}); giữ nguyên như đã viết, không liên kết với khu "
     "nào"},
    {"sites.zone_ambiguous",
     "zone {1} fits more than one zone of the project ({2}); give the zone's id or its kind (KCN, "
     "CCN, KKT)",
     "khu {1} khớp với nhiều khu của dự án (dòng {3}); hãy ghi mã khu hoặc loại khu (KCN, CCN, "
     "KKT)"},
    {"sites.approximate_one",
     "{1} facility has no coordinates and was placed inside its zone, marked as an approximate "
     "position ({2}): move it to the real place on the map",
     "{1} cơ sở không có tọa độ và đã được đặt vào trong khu của nó, đánh dấu là vị trí gần đúng "
     "(dòng {3}): hãy kéo cơ sở đến đúng vị trí trên bản đồ"},
    {"sites.approximate_many",
     "{1} facilities have no coordinates and were placed inside their zone, marked as an "
     "approximate position ({2}): move them to the real place on the map",
     "{1} cơ sở không có tọa độ và đã được đặt vào trong khu của chúng, đánh dấu là vị trí gần "
     "đúng (dòng {3}): hãy kéo các cơ sở đến đúng vị trí trên bản đồ"},
    {"sites.more_notes", "… and {1} more notes", "… và {1} ghi chú khác"},
    {"sites.text_not_utf8",
     "the text is not valid UTF-8 (the file's encoding is not what it declares; for a shapefile "
     "check its .cpg)",
     "văn bản không phải UTF-8 hợp lệ (bảng mã của tệp không đúng như tệp khai báo; với "
     "shapefile hãy kiểm tra tệp .cpg)"},
    {"sites.row_short", "the row has fewer values than the header has columns",
     "dòng này có ít giá trị hơn số cột của dòng tiêu đề"},
    {"sites.not_wkt", "not a WKT geometry", "không phải hình học dạng WKT"},
    {"sites.signature_row", "row {1} looks like a signature block ({3}) and was not imported",
     "dòng {1} giống phần ký tên ({3}) nên không được nhập"},
    {"sites.signature_rows", "rows {1}–{2} look like a signature block ({3}) and were not imported",
     "các dòng {1}–{2} giống phần ký tên ({3}) nên không được nhập"},
    {"sites.title_row", "row {1} above the header (row {3}) is a title and was not imported: {4}",
     "dòng {1} phía trên dòng tiêu đề cột (dòng {3}) là tiêu đề văn bản nên không được nhập: {4}"},
    {"sites.title_rows",
     "rows {1}–{2} above the header (row {3}) are titles and were not imported: {4}",
     "các dòng {1}–{2} phía trên dòng tiêu đề cột (dòng {3}) là tiêu đề văn bản nên không được "
     "nhập: {4}"},
    {"sites.column_without_name",
     "column {1} has values but no name in the header, so it is not imported",
     "cột thứ {1} có giá trị nhưng không có tên trong dòng tiêu đề nên không được nhập"},
    {"sites.column_numbers_row",
     "row {1} only numbers the columns ((1), (2), …) and was not imported",
     "dòng {1} chỉ đánh số thứ tự các cột ((1), (2), …) nên không được nhập"},
    {"sites.total_row", "row {1} is a total ({2}) and was not imported",
     "dòng {1} là dòng tổng cộng ({2}) nên không được nhập"},
    {"sites.shapefile_no_prj",
     "the shapefile has no {1}.prj file, so its coordinate reference system is unknown: copy the "
     ".prj with it, or give the CRS (e.g. EPSG:9215 or VN2000:<province>)",
     "shapefile không có tệp {1}.prj nên không biết hệ tọa độ: hãy chép kèm tệp .prj, hoặc chọn "
     "hệ tọa độ (ví dụ EPSG:9215 hoặc VN2000:<tỉnh>)"},
    {"sites.layer_no_crs",
     "the layer has no coordinate reference system; give one, e.g. EPSG:9215 or "
     "VN2000:<province>",
     "lớp dữ liệu không có hệ tọa độ; hãy chọn một hệ, ví dụ EPSG:9215 hoặc VN2000:<tỉnh>"},
    {"sites.no_columns", "the layer has no columns at all, so there is no site name",
     "lớp dữ liệu không có cột nào nên không có tên cơ sở"},
    {"sites.no_name_column", "no column is mapped to the site name (name)",
     "không có cột nào được gán cho tên cơ sở (name)"},
    {"sites.mapped_column_missing", "the file has no column {1} (mapped to {2})",
     "tệp không có cột {1} (được gán cho thuộc tính {2})"},
    {"sites.target_unknown_no_geometry",
     "cannot tell whether the rows are zones or factories: the layer has no geometry and no "
     "longitude/latitude columns",
     "không xác định được các dòng là khu hay cơ sở: lớp dữ liệu không có hình học và không có "
     "cột kinh độ/vĩ độ"},
    {"sites.target_unknown",
     "cannot tell whether the rows are zones or factories: the layer has {1} geometry and no "
     "longitude/latitude columns",
     "không xác định được các dòng là khu hay cơ sở: lớp dữ liệu có hình học kiểu {1} và không "
     "có cột kinh độ/vĩ độ"},
    {"sites.zones_need_polygons_none", "zones need polygon geometry; this layer has none",
     "khu cần hình học dạng vùng (đa giác); lớp dữ liệu này không có hình học"},
    {"sites.zones_need_polygons", "zones need polygon geometry; this layer has {1}",
     "khu cần hình học dạng vùng (đa giác); lớp dữ liệu này có hình học kiểu {1}"},
    {"sites.factories_need_position",
     "factories need point geometry, longitude and latitude columns, or a zone column (to be "
     "placed inside their zone)",
     "cơ sở cần hình học dạng điểm, các cột kinh độ và vĩ độ, hoặc một cột khu (để đặt cơ sở "
     "vào trong khu)"},
    {"sites.column_not_imported",
     "column {1} is not imported: no attribute is mapped to it (see the column list in "
     "docs/import.md, or give a mapping)",
     "cột {1} không được nhập: không có thuộc tính nào được gán cho cột này (xem danh sách cột "
     "trong tài liệu hướng dẫn nhập dữ liệu, hoặc khai báo cách gán cột)"},
    {"sites.cannot_transform_crs", "cannot transform from {1} to WGS 84{2}",
     "không chuyển được từ hệ tọa độ {1} sang WGS 84{3}"},
    {"sites.shapefile_no_shx",
     "the shapefile's index file {1}.shx is missing: copy every file of the shapefile (.shp, "
     ".shx, .dbf, .prj, .cpg) into the same folder",
     "thiếu tệp chỉ mục {1}.shx của shapefile: hãy chép đủ mọi tệp của shapefile (.shp, .shx, "
     ".dbf, .prj, .cpg) vào cùng một thư mục"},
    {"sites.shapefile_no_dbf",
     "the shapefile's attribute table {1}.dbf is missing, so there are no names, tax codes or "
     "other columns: copy every file of the shapefile (.shp, .shx, .dbf, .prj, .cpg) into the "
     "same folder",
     "thiếu bảng thuộc tính {1}.dbf của shapefile nên không có tên, mã số thuế hay cột nào khác: "
     "hãy chép đủ mọi tệp của shapefile (.shp, .shx, .dbf, .prj, .cpg) vào cùng một thư mục"},

    // GDAL sources (gis/io/ogr_source.cpp, spreadsheet_table.cpp, site_table_reader.cpp).
    {"gdal.unsupported_file",
     "cannot read this file as GeoPackage, Shapefile, GeoJSON, KML, CSV, XLSX or ODS{1}",
     "không đọc được tệp này dưới dạng GeoPackage, Shapefile, GeoJSON, KML, CSV, XLSX hay "
     "ODS{2}"},
    {"gdal.cannot_reopen_shapefile", "cannot reopen the shapefile{1}",
     "không mở lại được shapefile{2}"},
    {"gdal.cannot_open", "cannot open the file", "không mở được tệp"},
    {"gdal.no_layers", "the file has no layers", "tệp không có lớp dữ liệu nào"},
    {"gdal.no_such_layer", "no layer named {1} (the file has: {2})",
     "không có lớp dữ liệu (trang tính) tên {1} (tệp có: {2})"},
    {"gdal.read_incomplete", "the file could not be read to the end{1}",
     "không đọc được tệp đến hết{2}"},
    {"gdal.cannot_read_layer", "cannot read the layer{1}", "không đọc được lớp dữ liệu{2}"},
    {"gdal.workbook_damaged",
     "cannot read this workbook: the file is damaged or cut short, or is not really an XLSX or "
     "ODS file; open it in a spreadsheet program and save it again",
     "không đọc được bảng tính này: tệp bị hỏng hoặc bị cắt cụt, hoặc thật ra không phải tệp "
     "XLSX hay ODS; hãy mở tệp bằng chương trình bảng tính rồi lưu lại"},
    {"gdal.not_a_workbook", "not an XLSX or ODS workbook (GDAL driver {1})",
     "không phải bảng tính XLSX hay ODS (GDAL nhận ra dạng {1})"},
    {"gdal.cannot_read_sheet", "cannot read the sheet{1}", "không đọc được trang tính{2}"},

    // Coordinate reference systems (gis/io/crs_input.cpp, vn2000.cpp).
    {"crs.none_given", "no coordinate reference system given", "chưa chọn hệ tọa độ"},
    {"crs.meridian_outside", "VN-2000 central meridian {1} is outside Vietnam (100°–112° E)",
     "kinh tuyến trục VN-2000 {1} nằm ngoài Việt Nam (100°–112° Đông)"},
    {"crs.not_understood", "not a coordinate reference system GDAL understands: {1}{2}",
     "không phải hệ tọa độ mà GDAL hiểu được: {1}{3}"},
    {"crs.unknown_province",
     "unknown province for VN-2000: {1} (give an EPSG code or a central meridian such as "
     "VN2000:107.25)",
     "không biết tỉnh {1} trong VN-2000 (hãy ghi mã EPSG hoặc kinh tuyến trục, ví dụ "
     "VN2000:107.25)"},

    // Field mappings (gis/io/field_mapping.cpp).
    {"mapping.not_utf8", "field mapping: not valid UTF-8",
     "cách gán cột: văn bản không phải UTF-8 hợp lệ"},
    {"mapping.not_json", "field mapping: not valid JSON", "cách gán cột: không phải JSON hợp lệ"},
    {"mapping.not_object", "field mapping: expected a JSON object",
     "cách gán cột: cần một đối tượng JSON ({…})"},
    {"mapping.unknown_attribute", "field mapping: unknown attribute {1}",
     "cách gán cột: không có thuộc tính {1}"},
    {"mapping.not_a_string", "field mapping: the column for {1} must be a string",
     "cách gán cột: cột của thuộc tính {1} phải là một chuỗi văn bản"},
    {"mapping.cannot_open", "cannot open the field mapping file", "không mở được tệp cách gán cột"},

    // Context layers (gis/io/context_read.cpp, gis/project/context_layers.cpp).
    {"context.no_geometry",
     "the layer has no geometry: a context layer needs points, lines or areas (a table of sites "
     "is imported with Project → Import sites)",
     "lớp dữ liệu không có hình học: lớp nền cần điểm, đường hoặc vùng (bảng danh sách cơ sở "
     "hãy nhập bằng Dự án → Nhập cơ sở)"},
    {"context.no_label_field", "the layer has no field {1} to name features by",
     "lớp dữ liệu không có trường {1} để ghi tên đối tượng"},
    {"context.nothing_to_draw",
     "the layer has no points, lines or areas to draw ({1} features read)",
     "lớp dữ liệu không có điểm, đường hay vùng nào để vẽ (đã đọc {1} đối tượng)"},
    {"context.file_missing",
     "context layer {1}: the file is missing (moved, renamed or on a drive not connected); the "
     "rest of the project opened without it",
     "lớp nền {1}: không thấy tệp (đã bị chuyển, đổi tên hoặc nằm trên ổ đĩa chưa kết nối); "
     "phần còn lại của dự án đã mở mà không có lớp này"},
    {"context.layer_failed", "context layer {1}: {2}", "lớp nền {1}: {3}"},

    // The basemap (gis/render/basemap_layer.cpp, basemap_layers.cpp).
    {"basemap.unknown_format", "cannot open basemap: unknown format",
     "không mở được bản đồ nền: không nhận ra định dạng tệp"},
    {"basemap.cannot_open", "cannot open basemap: {1}",
     "không mở được bản đồ nền (chi tiết từ GDAL: {1})"},
    {"basemap.cannot_open_gdal", "cannot open the basemap{1}", "không mở được bản đồ nền{2}"},
    {"basemap.no_layer", "basemap has no layer", "bản đồ nền không có lớp dữ liệu nào"},
    {"basemap.layer_missing", "basemap layer {1} is missing", "bản đồ nền thiếu lớp dữ liệu {1}"},
    {"basemap.cannot_reproject", "cannot reproject the basemap to EPSG:4326{1}",
     "không chuyển được bản đồ nền sang hệ tọa độ EPSG:4326{2}"},
    {"basemap.cannot_read", "cannot read the basemap{1}", "không đọc được bản đồ nền{2}"},
    {"basemap.cannot_write_package", "cannot write the basemap into the field package{1}",
     "không ghi được bản đồ nền vào gói công tác{2}"},

    // Cordons (gis/analysis/cordon.cpp).
    {"cordon.margin_negative", "the margin around the zone cannot be negative: {1}",
     "khoảng mở rộng quanh khu không được âm: {1}"},
    {"cordon.radius_not_positive", "the cordon radius must be more than 0 m: {1}",
     "bán kính vùng phong tỏa phải lớn hơn 0 m: {1}"},
    {"cordon.radius_too_large", "the cordon radius is larger than {1}: {2}",
     "bán kính vùng phong tỏa lớn hơn {1}: {2}"},
    {"cordon.cannot_set_up_crs", "cannot set up EPSG:{1}{2}",
     "không thiết lập được hệ tọa độ EPSG:{1}{3}"},
    {"cordon.cannot_project", "cannot project to EPSG:{1}{2}",
     "không chiếu được sang hệ tọa độ EPSG:{1}{3}"},
    {"cordon.cannot_project_site", "cannot project the case site to EPSG:{1}{2}",
     "không chiếu được vị trí cơ sở có ca bệnh sang hệ tọa độ EPSG:{1}{3}"},
    {"cordon.no_buffer", "cannot compute the buffer (is GDAL built with GEOS?){1}",
     "không tính được vùng đệm (GDAL có được biên dịch kèm GEOS không?){2}"},
    {"cordon.cannot_project_back", "cannot project the buffer back to EPSG:4326{1}",
     "không chiếu được vùng đệm về hệ tọa độ EPSG:4326{2}"},
    {"cordon.site_without_zone", "facility {1} is not in any zone or cluster",
     "cơ sở {1} không thuộc khu hay cụm nào"},
    {"cordon.zone_no_area", "zone {1} has no area to cordon",
     "khu {1} không có diện tích để phong tỏa"},
    {"cordon.zone_not_loaded", "zone {1} of facility {2} is not loaded",
     "khu {1} của cơ sở {2} chưa được nạp"},
    {"cordon.zone_invalid", "the area of zone {1} is not a valid polygon{2}",
     "vùng của khu {1} không phải đa giác hợp lệ{3}"},
    {"cordon.unknown_site", "unknown site id: {1}", "không có cơ sở nào mang mã {1}"},
    {"cordon.cannot_prepare",
     "cannot prepare the cordon for point tests (is GDAL built with GEOS?){1}",
     "không chuẩn bị được vùng phong tỏa để kiểm tra điểm (GDAL có được biên dịch kèm GEOS "
     "không?){2}"},

    // Map reports (gis/report/map_report.cpp).
    {"report.not_loaded", "nothing to report: the project is not loaded",
     "không có gì để báo cáo: dự án chưa được nạp"},
    {"report.cannot_start", "cannot start drawing the report (printer or file not ready)",
     "không bắt đầu vẽ báo cáo được (máy in hoặc tệp chưa sẵn sàng)"},
    {"report.cancelled", "cancelled", "đã hủy"},
    {"report.cannot_add_page", "cannot start a new page of the report",
     "không thêm được trang mới cho báo cáo"},
    {"report.no_pages", "the report has no pages: it shows neither the map nor a list",
     "báo cáo không có trang nào: không có bản đồ cũng không có danh sách"},
    {"report.cannot_finish", "cannot finish the report (disk full?)",
     "không hoàn tất được báo cáo (ổ đĩa đầy?)"},
    {"report.cannot_write", "cannot write the report (disk full?)",
     "không ghi được báo cáo (ổ đĩa đầy?)"},
    {"report.bad_dpi", "the resolution must be from 30 to 1200 dpi",
     "độ phân giải phải từ 30 đến 1200 dpi"},
    {"report.cannot_write_image", "cannot write the image (disk full?)",
     "không ghi được ảnh (ổ đĩa đầy?)"},
    {"export.nothing_to_export", "nothing to export: choose a list, the facilities or a cordon",
     "không có gì để xuất: hãy chọn một danh sách, các cơ sở hoặc một vùng phong tỏa"},
    {"export.cannot_write", "cannot write the export file{1}", "không ghi được tệp xuất{2}"},
    {"report.bad_image_size", "the image must be from 16 to 20000 pixels wide and high",
     "ảnh phải rộng và cao từ 16 đến 20000 điểm ảnh"},
};

}  // namespace

std::span<const ErrorTemplate> gisMessages() {
    return kGisMessages;
}

}  // namespace safemap
