<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>safemap::ActionTable</name>
    <message>
        <source>%1 (%2 %)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Cơ sở</translation>
    </message>
    <message>
        <source>Tax code</source>
        <translation>Mã số thuế</translation>
    </message>
    <message>
        <source>Zone / cluster</source>
        <translation>Khu / cụm</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Quận/huyện</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Số lao động</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>Mức nguy cơ</translation>
    </message>
    <message>
        <source>Assessed on</source>
        <translation>Ngày đánh giá</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>outside any zone</source>
        <translation>ngoài khu, cụm</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Xuất CSV…</translation>
    </message>
    <message>
        <source>1 facility</source>
        <translation>1 cơ sở</translation>
    </message>
    <message>
        <source>%1 facilities</source>
        <translation>%1 cơ sở</translation>
    </message>
    <message>
        <source>Export list</source>
        <translation>Xuất danh sách</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
    <message>
        <source>Priority %1 (place %2 on the list): %3</source>
        <translation>Mức ưu tiên %1 (thứ %2 trong danh sách): %3</translation>
    </message>
    <message>
        <source>Within this week&apos;s inspection capacity: marked on the map.</source>
        <translation>Trong số cơ sở kiểm tra được tuần này: được đánh dấu trên bản đồ.</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Ưu tiên</translation>
    </message>
    <message>
        <source>to_suspend.csv</source>
        <translation>danh_sach_tam_dung_hoat_dong.csv</translation>
    </message>
    <message>
        <source>due_for_inspection.csv</source>
        <translation>danh_sach_can_kiem_tra.csv</translation>
    </message>
    <message>
        <source>Last inspection</source>
        <translation>Lần kiểm tra gần nhất</translation>
    </message>
    <message>
        <source>measures in place</source>
        <translation>đã thực hiện biện pháp</translation>
    </message>
    <message>
        <source>measures missing</source>
        <translation>chưa thực hiện biện pháp</translation>
    </message>
    <message>
        <source>keep operating</source>
        <translation>duy trì hoạt động</translation>
    </message>
    <message>
        <source>fix</source>
        <translation>khắc phục</translation>
    </message>
    <message>
        <source>propose suspension</source>
        <translation>đề xuất tạm dừng</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>safemap::AsOfBar</name>
    <message>
        <source>As of</source>
        <translation>Tính đến ngày</translation>
    </message>
    <message>
        <source>Move back through the dates the project has data for: the map, the legend and both lists show the project as it stood at the end of that day</source>
        <translation>Lùi về các ngày dự án có dữ liệu: bản đồ, chú giải và hai danh sách hiển thị dự án như cuối ngày đó</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Mới nhất</translation>
    </message>
    <message>
        <source>Follow the newest data</source>
        <translation>Theo dữ liệu mới nhất</translation>
    </message>
</context>
<context>
    <name>safemap::ComparePanel</name>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <source>Thresholds…</source>
        <translation>Ngưỡng…</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>So sánh</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Xuất CSV…</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Cơ sở</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>Mức nguy cơ</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <source>To suspend</source>
        <translation>Cần tạm dừng hoạt động</translation>
    </message>
    <message>
        <source>Due for inspection</source>
        <translation>Cần kiểm tra</translation>
    </message>
    <message>
        <source>Compare the current scenario with</source>
        <translation>So sánh kịch bản hiện tại với</translation>
    </message>
    <message>
        <source>Compare with a criteria set</source>
        <translation>So sánh với bộ tiêu chí</translation>
    </message>
    <message>
        <source>Criteria sets (*.json)</source>
        <translation>Bộ tiêu chí (*.json)</translation>
    </message>
    <message>
        <source>Not loaded: %1</source>
        <translation>Không nạp được: %1</translation>
    </message>
    <message>
        <source>the same criteria set</source>
        <translation>cùng bộ tiêu chí</translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation>%1 v%2</translation>
    </message>
    <message>
        <source>a criteria set from a file…</source>
        <translation>bộ tiêu chí từ tệp…</translation>
    </message>
    <message>
        <source>Thresholds to compare with</source>
        <translation>Ngưỡng để so sánh</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Đang so sánh…</translation>
    </message>
    <message>
        <source>Not compared: %1</source>
        <translation>Không so sánh được: %1</translation>
    </message>
    <message>
        <source>no criteria set</source>
        <translation>chưa có bộ tiêu chí</translation>
    </message>
    <message>
        <source>%1 of %2 facilities would change (%3 → %4, as of %5). The project is not changed.</source>
        <translation>%1 trên %2 cơ sở sẽ thay đổi (%3 → %4, tính đến %5). Dự án không bị thay đổi.</translation>
    </message>
    <message>
        <source>Export the changes</source>
        <translation>Xuất các thay đổi</translation>
    </message>
    <message>
        <source>what_if.csv</source>
        <translation>so_sanh_kich_ban.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>safemap::ConnectDialog</name>
    <message>
        <source>Connect to server</source>
        <translation>Kết nối tới máy chủ</translation>
    </message>
    <message>
        <source>empty: from ~/.pgpass</source>
        <translation>để trống: lấy từ ~/.pgpass</translation>
    </message>
    <message>
        <source>(new connection)</source>
        <translation>(kết nối mới)</translation>
    </message>
    <message>
        <source>Recent:</source>
        <translation>Gần đây:</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Máy chủ:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Cổng:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Cơ sở dữ liệu:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Người dùng:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <source>SSL mode:</source>
        <translation>Chế độ SSL:</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Thử kết nối</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Kết nối</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>Chưa kết nối được: %1</translation>
    </message>
    <message>
        <source>Connected: a SafeMap project, schema %1.</source>
        <translation>Đã kết nối: dự án SafeMap, lược đồ %1.</translation>
    </message>
</context>
<context>
    <name>safemap::ContextLayerEditor</name>
    <message>
        <source>points</source>
        <translation>điểm</translation>
    </message>
    <message>
        <source>lines</source>
        <translation>đường</translation>
    </message>
    <message>
        <source>areas</source>
        <translation>vùng</translation>
    </message>
    <message>
        <source>mixed geometry</source>
        <translation>hình học hỗn hợp</translation>
    </message>
    <message>
        <source>no geometry</source>
        <translation>không có hình học</translation>
    </message>
    <message>
        <source>Vector files (*.gpkg *.shp *.geojson *.json *.kml *.kmz *.gml *.dxf *.tab *.mif *.sqlite *.fgb *.gpx)</source>
        <translation>Tệp vector (*.gpkg *.shp *.geojson *.json *.kml *.kmz *.gml *.dxf *.tab *.mif *.sqlite *.fgb *.gpx)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Fill areas</source>
        <translation>Tô màu vùng</translation>
    </message>
    <message>
        <source>Add a context layer</source>
        <translation>Thêm lớp tham chiếu</translation>
    </message>
    <message>
        <source>Context layer</source>
        <translation>Lớp tham chiếu</translation>
    </message>
    <message>
        <source>As declared by the file</source>
        <translation>Theo khai báo của tệp</translation>
    </message>
    <message>
        <source>VN-2000 TM-3, %1 (%2°%3&apos;)</source>
        <translation>VN-2000 TM-3, %1 (%2°%3&apos;)</translation>
    </message>
    <message>
        <source>Only for a file that declares no CRS (a shapefile without .prj, a DXF): e.g. EPSG:9215 or VN2000:Lạng Sơn</source>
        <translation>Chỉ dùng cho tệp không khai báo hệ tọa độ (shapefile thiếu .prj, tệp DXF): ví dụ EPSG:9215 hoặc VN2000:Lạng Sơn</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Lớp</translation>
    </message>
    <message>
        <source>Source CRS</source>
        <translation>Hệ tọa độ nguồn</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên hiển thị</translation>
    </message>
    <message>
        <source>Line colour</source>
        <translation>Màu đường</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Tô màu</translation>
    </message>
    <message>
        <source>Line width</source>
        <translation>Độ rộng đường</translation>
    </message>
    <message>
        <source>Names from</source>
        <translation>Lấy tên từ trường</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Đang đọc tệp…</translation>
    </message>
    <message>
        <source>The file is missing: choose where it is now.</source>
        <translation>Không tìm thấy tệp: hãy chọn vị trí hiện tại của tệp.</translation>
    </message>
    <message>
        <source>features: %1</source>
        <translation>số đối tượng: %1</translation>
    </message>
    <message>
        <source>no CRS declared</source>
        <translation>không khai báo hệ tọa độ</translation>
    </message>
    <message>
        <source>nothing to draw: choose a file with points, lines or areas</source>
        <translation>không có gì để vẽ: hãy chọn tệp có điểm, đường hoặc vùng</translation>
    </message>
    <message>
        <source>(no names)</source>
        <translation>(không ghi tên)</translation>
    </message>
    <message>
        <source>Fill colour</source>
        <translation>Màu tô</translation>
    </message>
</context>
<context>
    <name>safemap::ContextLayersDialog</name>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Context layers</source>
        <translation>Lớp tham chiếu</translation>
    </message>
    <message>
        <source>Reference layers drawn with the map (official boundaries, roads, rivers): any vector file, in WGS 84 or VN-2000. They are saved in the project; the files stay where they are.</source>
        <translation>Các lớp tham chiếu vẽ cùng bản đồ (ranh giới chính thức, đường giao thông, sông ngòi): bất kỳ tệp vector nào, theo WGS 84 hoặc VN-2000. Chúng được lưu trong dự án; các tệp vẫn ở nguyên chỗ cũ.</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Thêm…</translation>
    </message>
    <message>
        <source>Add a context layer</source>
        <translation>Thêm lớp tham chiếu</translation>
    </message>
</context>
<context>
    <name>safemap::ContextLegend</name>
    <message>
        <source>Context layers</source>
        <translation>Lớp tham chiếu</translation>
    </message>
</context>
<context>
    <name>safemap::CordonDialog</name>
    <message>
        <source>Whole zone/cluster of the facility</source>
        <translation>Toàn bộ khu/cụm của cơ sở</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Khoanh vùng</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Cordon around a case</source>
        <translation>Khoanh vùng quanh ca bệnh</translation>
    </message>
    <message>
        <source> m</source>
        <translation> m</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Cơ sở</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Số lao động</translation>
    </message>
    <message>
        <source>Case at:</source>
        <translation>Ca bệnh tại:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>không</translation>
    </message>
    <message>
        <source>Margin around the zone:</source>
        <translation>Vùng đệm quanh khu:</translation>
    </message>
    <message>
        <source>Radius:</source>
        <translation>Bán kính:</translation>
    </message>
    <message>
        <source>Select the facility where the case is reported first.</source>
        <translation>Trước hết hãy chọn cơ sở ghi nhận ca bệnh.</translation>
    </message>
    <message>
        <source>1 facility</source>
        <translation>1 cơ sở</translation>
    </message>
    <message>
        <source>%1 facilities</source>
        <translation>%1 cơ sở</translation>
    </message>
    <message>
        <source>, %1 workers inside, %2 km²</source>
        <translation>, %1 người lao động trong vùng, %2 km²</translation>
    </message>
    <message>
        <source> (worker count unknown for %1)</source>
        <translation> (%1 cơ sở chưa rõ số lao động)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>chưa rõ</translation>
    </message>
    <message>
        <source>Case reported here</source>
        <translation>Nơi ghi nhận ca bệnh</translation>
    </message>
    <message>
        <source>no facility selected: select one on the map</source>
        <translation>chưa chọn cơ sở: hãy chọn một cơ sở trên bản đồ</translation>
    </message>
</context>
<context>
    <name>safemap::CriteriaManager</name>
    <message>
        <source>Criteria sets</source>
        <translation>Bộ tiêu chí</translation>
    </message>
    <message>
        <source>Index / answer</source>
        <translation>Chỉ số / câu trả lời</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Load from file…</source>
        <translation>Nạp từ tệp…</translation>
    </message>
    <message>
        <source>Use this set</source>
        <translation>Dùng bộ này</translation>
    </message>
    <message>
        <source>Load a criteria set</source>
        <translation>Nạp bộ tiêu chí</translation>
    </message>
    <message>
        <source>Criteria sets (*.json)</source>
        <translation>Bộ tiêu chí (*.json)</translation>
    </message>
    <message>
        <source>%1 v%2%3</source>
        <translation>%1 v%2%3</translation>
    </message>
    <message>
        <source> — active</source>
        <translation> — đang dùng</translation>
    </message>
    <message>
        <source>%1 — %2. Total = sum of points / %3 × 100 %.</source>
        <translation>%1 — %2. Tổng = tổng điểm / %3 × 100%.</translation>
    </message>
    <message>
        <source>SafeMap proposal, not from the decision</source>
        <translation>Đề xuất của SafeMap, không lấy từ quyết định</translation>
    </message>
    <message>
        <source>from the decision</source>
        <translation>Theo quyết định</translation>
    </message>
    <message>
        <source>; mandatory measure</source>
        <translation>; biện pháp bắt buộc</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <source>Level: %1</source>
        <translation>Mức: %1</translation>
    </message>
    <message>
        <source>may operate</source>
        <translation>được hoạt động</translation>
    </message>
    <message>
        <source>may not operate</source>
        <translation>không được hoạt động</translation>
    </message>
    <message>
        <source>Veto: %1</source>
        <translation>Điều kiện loại trừ: %1</translation>
    </message>
    <message>
        <source>Not loaded: %1</source>
        <translation>Không nạp được: %1</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Không đổi được: %1</translation>
    </message>
    <message>
        <source>Re-scoring every assessment…</source>
        <translation>Đang chấm điểm lại mọi lượt đánh giá…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>%1 v%2 is now active; %3 assessments re-scored.</source>
        <translation>Đang dùng %1 v%2; đã chấm điểm lại %3 lượt đánh giá.</translation>
    </message>
</context>
<context>
    <name>safemap::FieldMode</name>
    <message>
        <source>Not undone: %1</source>
        <translation>Chưa hoàn tác được: %1</translation>
    </message>
    <message>
        <source>Field visit</source>
        <translation>Chuyến kiểm tra</translation>
    </message>
    <message>
        <source>&amp;Undo inspection</source>
        <translation>&amp;Hoàn tác lần kiểm tra</translation>
    </message>
    <message>
        <source>&amp;Redo inspection</source>
        <translation>&amp;Làm lại lần kiểm tra</translation>
    </message>
    <message>
        <source>Click on the map where the inspection took place.</source>
        <translation>Bấm vào nơi kiểm tra trên bản đồ.</translation>
    </message>
    <message>
        <source>Not opened as a field package: %1</source>
        <translation>Không mở được như gói hiện trường: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Made by %2 on %3 from %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Do %2 lập ngày %3 từ %4</translation>
    </message>
    <message>
        <source>The package&apos;s visit list cannot be read</source>
        <translation>Không đọc được danh sách điểm đến của gói</translation>
    </message>
    <message>
        <source>Field visit: %1 stops, %2 km</source>
        <translation>Chuyến kiểm tra: %1 điểm dừng, %2 km</translation>
    </message>
    <message>
        <source>The inspection was not saved</source>
        <translation>Chưa lưu được lần kiểm tra</translation>
    </message>
    <message>
        <source>inspection of %1</source>
        <translation>lần kiểm tra %1</translation>
    </message>
    <message>
        <source>Inspection of %1 saved in the package</source>
        <translation>Đã lưu lần kiểm tra %1 vào gói</translation>
    </message>
    <message>
        <source>%1%2. %3 — %4</source>
        <translation>%1%2. %3 — %4</translation>
    </message>
    <message>
        <source>✓ </source>
        <translation>✓ </translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <source>correction of %1</source>
        <translation>sửa biên bản của %1</translation>
    </message>
    <message>
        <source>Inspection of %1 corrected in the package</source>
        <translation>Đã sửa biên bản kiểm tra %1 trong gói</translation>
    </message>
    <message>
        <source>keep operating</source>
        <translation>duy trì hoạt động</translation>
    </message>
    <message>
        <source>fix</source>
        <translation>khắc phục</translation>
    </message>
    <message>
        <source>propose suspension</source>
        <translation>đề xuất tạm dừng</translation>
    </message>
    <message>
        <source>Saved: %1 — %2 — %3</source>
        <translation>Đã lưu: %1 — %2 — %3</translation>
    </message>
</context>
<context>
    <name>safemap::FileDialogs</name>
    <message>
        <source>Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>%1 file</source>
        <translation>Tệp %1</translation>
    </message>
</context>
<context>
    <name>safemap::FilterPanel</name>
    <message>
        <source>Industrial zones (KCN)</source>
        <translation>Khu công nghiệp (KCN)</translation>
    </message>
    <message>
        <source>Industrial clusters (CCN)</source>
        <translation>Cụm công nghiệp (CCN)</translation>
    </message>
    <message>
        <source>Economic zones (KKT)</source>
        <translation>Khu kinh tế (KKT)</translation>
    </message>
    <message>
        <source>Outside any zone</source>
        <translation>Ngoài khu, cụm</translation>
    </message>
    <message>
        <source>Find site</source>
        <translation>Tìm cơ sở</translation>
    </message>
    <message>
        <source>or never assessed</source>
        <translation>hoặc chưa từng đánh giá</translation>
    </message>
    <message>
        <source>Name or tax code (Ctrl+F)</source>
        <translation>Tên hoặc mã số thuế (Ctrl+F)</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>Mức nguy cơ</translation>
    </message>
    <message>
        <source>Site type</source>
        <translation>Loại khu vực</translation>
    </message>
    <message>
        <source>Zone / cluster</source>
        <translation>Khu / cụm</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Quận/huyện</translation>
    </message>
    <message>
        <source>any</source>
        <translation>không giới hạn</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Số lao động</translation>
    </message>
    <message>
        <source> days</source>
        <translation> ngày</translation>
    </message>
    <message>
        <source>Only facilities whose newest assessment is at most this old</source>
        <translation>Chỉ các cơ sở có lần đánh giá gần nhất không quá số ngày này</translation>
    </message>
    <message>
        <source>Also (or, with no age set, only) facilities never assessed</source>
        <translation>Thêm (hoặc, khi không đặt số ngày, chỉ gồm) các cơ sở chưa từng đánh giá</translation>
    </message>
    <message>
        <source>Assessed within</source>
        <translation>Đánh giá trong vòng</translation>
    </message>
    <message>
        <source>All facilities</source>
        <translation>Tất cả cơ sở</translation>
    </message>
    <message>
        <source>To suspend</source>
        <translation>Cần tạm dừng hoạt động</translation>
    </message>
    <message>
        <source>Due for inspection</source>
        <translation>Cần kiểm tra</translation>
    </message>
    <message>
        <source>On either list</source>
        <translation>Thuộc một trong hai danh sách</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Danh sách</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <source>All zones and clusters</source>
        <translation>Tất cả khu, cụm</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>Tất cả quận/huyện</translation>
    </message>
    <message>
        <source>%1 zones</source>
        <translation>%1 khu, cụm</translation>
    </message>
    <message>
        <source>%1 districts</source>
        <translation>%1 quận/huyện</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Tỉnh, thành phố</translation>
    </message>
    <message>
        <source>All provinces</source>
        <translation>Tất cả tỉnh, thành phố</translation>
    </message>
    <message>
        <source>%1 provinces</source>
        <translation>%1 tỉnh, thành phố</translation>
    </message>
</context>
<context>
    <name>safemap::HelpBrowser</name>
    <message>
        <source>&lt;b&gt;Map&lt;/b&gt;: zones and facilities coloured by their latest risk level. Drag to pan, use the wheel or +/− to zoom, click a site for its record.</source>
        <translation>&lt;b&gt;Bản đồ&lt;/b&gt;: khu, cụm và cơ sở tô màu theo mức nguy cơ gần nhất. Kéo để di chuyển, lăn chuột hoặc +/− để phóng to, thu nhỏ, bấm vào một cơ sở để xem hồ sơ.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Legend&lt;/b&gt;: what each colour and mark means, and how zones are coloured.</source>
        <translation>&lt;b&gt;Chú giải&lt;/b&gt;: ý nghĩa của từng màu và ký hiệu, và cách tô màu khu, cụm.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Filter&lt;/b&gt;: narrows the map and both lists together, by name, level, type, zone, district, workers and age of the assessment.</source>
        <translation>&lt;b&gt;Bộ lọc&lt;/b&gt;: thu hẹp cùng lúc bản đồ và cả hai danh sách theo tên, mức nguy cơ, loại khu vực, khu, cụm, quận/huyện, số lao động và thời gian từ lần đánh giá.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lists&lt;/b&gt;: the facilities to suspend and those due for inspection, each with its reasons. Click a row to go to the site.</source>
        <translation>&lt;b&gt;Danh sách&lt;/b&gt;: các cơ sở cần tạm dừng hoạt động và cần kiểm tra, kèm lý do. Bấm vào một dòng để chuyển tới cơ sở đó.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Site record&lt;/b&gt;: the selected site&apos;s details, its latest score index by index and its assessment history.</source>
        <translation>&lt;b&gt;Hồ sơ&lt;/b&gt;: thông tin của khu, cụm hoặc cơ sở đang chọn, điểm lần gần nhất theo từng chỉ số và lịch sử đánh giá.</translation>
    </message>
    <message>
        <source>More in the user guide (F1)</source>
        <translation>Xem thêm trong hướng dẫn sử dụng (F1)</translation>
    </message>
    <message>
        <source>SafeMap — User guide</source>
        <translation>SafeMap — Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Trở lại</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Tiếp</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Mục lục</translation>
    </message>
    <message>
        <source># The user guide is not installed

SafeMap looked for `docs/guide` in `$SAFEMAP_HOME`, next to the build directory and in `/usr/share/safemap`.</source>
        <translation># Chưa cài đặt tài liệu hướng dẫn

SafeMap đã tìm `docs/guide` trong `$SAFEMAP_HOME`, cạnh thư mục biên dịch và trong `/usr/share/safemap`.</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>Help on this panel</source>
        <translation>Trợ giúp về phần này</translation>
    </message>
    <message>
        <source>What&apos;s &amp;This?</source>
        <translation>&amp;Đây là gì?</translation>
    </message>
</context>
<context>
    <name>safemap::IdentifyPanel</name>
    <message>
        <source>unknown</source>
        <translation>chưa rõ</translation>
    </message>
    <message>
        <source>Industrial zone (KCN)</source>
        <translation>Khu công nghiệp (KCN)</translation>
    </message>
    <message>
        <source>Industrial cluster (CCN)</source>
        <translation>Cụm công nghiệp (CCN)</translation>
    </message>
    <message>
        <source>Economic zone</source>
        <translation>Khu kinh tế</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <source>no assessment</source>
        <translation>chưa đánh giá</translation>
    </message>
    <message>
        <source>very low risk</source>
        <translation>nguy cơ rất thấp</translation>
    </message>
    <message>
        <source>low risk</source>
        <translation>nguy cơ thấp</translation>
    </message>
    <message>
        <source>medium risk</source>
        <translation>nguy cơ trung bình</translation>
    </message>
    <message>
        <source>high risk</source>
        <translation>nguy cơ cao</translation>
    </message>
    <message>
        <source>very high risk</source>
        <translation>nguy cơ rất cao</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>Mức nguy cơ</translation>
    </message>
    <message>
        <source>%1 (%2 %)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source>Assessed on</source>
        <translation>Ngày đánh giá</translation>
    </message>
    <message>
        <source>%1 (%2 days before the list date)%3</source>
        <translation>%1 (%2 ngày trước ngày lập danh sách)%3</translation>
    </message>
    <message>
        <source> — stale</source>
        <translation> — quá hạn cập nhật</translation>
    </message>
    <message>
        <source>To suspend</source>
        <translation>Cần tạm dừng hoạt động</translation>
    </message>
    <message>
        <source>Due for inspection</source>
        <translation>Cần kiểm tra</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Danh sách</translation>
    </message>
    <message>
        <source>on neither list</source>
        <translation>không thuộc danh sách nào</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Site ID</source>
        <translation>Mã cơ sở</translation>
    </message>
    <message>
        <source>Tax code</source>
        <translation>Mã số thuế</translation>
    </message>
    <message>
        <source>none</source>
        <translation>không có</translation>
    </message>
    <message>
        <source>Zone / cluster</source>
        <translation>Khu / cụm</translation>
    </message>
    <message>
        <source>outside any zone</source>
        <translation>ngoài khu, cụm</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Tỉnh/thành phố</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Quận/huyện</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Ngành nghề</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Số lao động</translation>
    </message>
    <message>
        <source>Out-of-province workers</source>
        <translation>Số lao động ngoại tỉnh</translation>
    </message>
    <message>
        <source>Largest shift</source>
        <translation>Số lao động ca đông nhất</translation>
    </message>
    <message>
        <source>Account issued</source>
        <translation>Ngày cấp tài khoản</translation>
    </message>
    <message>
        <source>no account</source>
        <translation>chưa có tài khoản</translation>
    </message>
    <message>
        <source>Longitude, latitude</source>
        <translation>Kinh độ, vĩ độ</translation>
    </message>
    <message>
        <source>Latest score: %1 v%2</source>
        <translation>Điểm lần gần nhất: %1 v%2</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>chưa trả lời</translation>
    </message>
    <message>
        <source>%1 → %2 / %3 points</source>
        <translation>%1 → %2 / %3 điểm</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng</translation>
    </message>
    <message>
        <source>%1 % — %2</source>
        <translation>%1 % — %2</translation>
    </message>
    <message>
        <source>Veto</source>
        <translation>Điều kiện loại trừ</translation>
    </message>
    <message>
        <source>Mandatory measure missing</source>
        <translation>Thiếu biện pháp bắt buộc</translation>
    </message>
    <message>
        <source>Assessments (%1)</source>
        <translation>Các lần đánh giá (%1)</translation>
    </message>
    <message>
        <source>%1 % %2 — %3</source>
        <translation>%1 % %2 — %3</translation>
    </message>
    <message>
        <source>submitter unknown</source>
        <translation>không rõ người gửi</translation>
    </message>
    <message>
        <source>No assessment submitted</source>
        <translation>Chưa có đánh giá nào được gửi</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Khu / cụm</translation>
    </message>
    <message>
        <source>Zone ID</source>
        <translation>Mã khu / cụm</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Facilities</source>
        <translation>Cơ sở</translation>
    </message>
    <message>
        <source>Workers in facilities</source>
        <translation>Người lao động tại các cơ sở</translation>
    </message>
    <message>
        <source>Assessed</source>
        <translation>Đã đánh giá</translation>
    </message>
    <message>
        <source>Worst level</source>
        <translation>Mức nguy cơ cao nhất</translation>
    </message>
    <message>
        <source>Unsafe share</source>
        <translation>Tỷ lệ không an toàn</translation>
    </message>
    <message>
        <source>%1 % (%2 of %3 assessed)</source>
        <translation>%1 % (%2 trên %3 cơ sở đã đánh giá)</translation>
    </message>
    <message>
        <source>Click a site on the map to see its record.</source>
        <translation>Bấm vào một cơ sở hoặc khu, cụm trên bản đồ để xem hồ sơ.</translation>
    </message>
    <message>
        <source>Inspections (%1)</source>
        <translation>Các lần kiểm tra (%1)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Không có</translation>
    </message>
    <message>
        <source>never inspected</source>
        <translation>chưa từng kiểm tra</translation>
    </message>
    <message>
        <source>measures in place</source>
        <translation>đã thực hiện biện pháp</translation>
    </message>
    <message>
        <source>measures missing</source>
        <translation>chưa thực hiện biện pháp</translation>
    </message>
    <message>
        <source>keep operating</source>
        <translation>duy trì hoạt động</translation>
    </message>
    <message>
        <source>fix</source>
        <translation>khắc phục</translation>
    </message>
    <message>
        <source>propose suspension</source>
        <translation>đề xuất tạm dừng</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>inspector unknown</source>
        <translation>chưa rõ người kiểm tra</translation>
    </message>
    <message>
        <source>: %1</source>
        <translation>: %1</translation>
    </message>
</context>
<context>
    <name>safemap::ImportDialog</name>
    <message>
        <source>Site ID</source>
        <translation>Mã định danh</translation>
    </message>
    <message>
        <source>Tax code</source>
        <translation>Mã số thuế</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Kind (KCN/CCN/KKT)</source>
        <translation>Loại (KCN/CCN/KKT)</translation>
    </message>
    <message>
        <source>Zone / cluster ID</source>
        <translation>Mã khu / cụm</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Tỉnh/thành phố</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Quận/huyện</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Ngành nghề</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Số lao động</translation>
    </message>
    <message>
        <source>Out-of-province workers</source>
        <translation>Số lao động ngoại tỉnh</translation>
    </message>
    <message>
        <source>Largest shift</source>
        <translation>Số lao động ca đông nhất</translation>
    </message>
    <message>
        <source>Account issued on</source>
        <translation>Ngày cấp tài khoản</translation>
    </message>
    <message>
        <source>Longitude / X</source>
        <translation>Kinh độ / X</translation>
    </message>
    <message>
        <source>Latitude / Y</source>
        <translation>Vĩ độ / Y</translation>
    </message>
    <message>
        <source>Import sites</source>
        <translation>Nhập khu, cụm và cơ sở</translation>
    </message>
    <message>
        <source>GeoPackage, Shapefile, GeoJSON, KML, CSV, XLSX, ODS</source>
        <translation>GeoPackage, Shapefile, GeoJSON, KML, CSV, XLSX, ODS</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Layer / sheet</source>
        <translation>Lớp / trang tính</translation>
    </message>
    <message>
        <source>Decide from the geometry</source>
        <translation>Tự xác định theo dạng hình học</translation>
    </message>
    <message>
        <source>Zones and clusters</source>
        <translation>Khu, cụm</translation>
    </message>
    <message>
        <source>Facilities</source>
        <translation>Cơ sở sản xuất kinh doanh</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>Nhập dưới dạng</translation>
    </message>
    <message>
        <source>As declared by the file</source>
        <translation>Theo khai báo trong tệp</translation>
    </message>
    <message>
        <source>VN-2000 TM-3, %1 (%2°%3&apos;)</source>
        <translation>VN-2000 múi 3°, %1 (KTT %2°%3&apos;)</translation>
    </message>
    <message>
        <source>Source CRS</source>
        <translation>Hệ tọa độ nguồn</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Cột dữ liệu</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Choose a file to import</source>
        <translation>Chọn tệp cần nhập</translation>
    </message>
    <message>
        <source>GIS files and spreadsheets (*.gpkg *.shp *.geojson *.json *.kml *.csv *.xlsx *.ods);;All files (*)</source>
        <translation>Tệp GIS và bảng tính (*.gpkg *.shp *.geojson *.json *.kml *.csv *.xlsx *.ods);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>(không nhập)</translation>
    </message>
    <message>
        <source>%1 · %2 features · %3</source>
        <translation>%1 · %2 đối tượng · %3</translation>
    </message>
    <message>
        <source>no CRS declared</source>
        <translation>không khai báo hệ tọa độ</translation>
    </message>
    <message>
        <source>Nothing was imported. %1</source>
        <translation>Không có dữ liệu nào được nhập. %1</translation>
    </message>
    <message>
        <source>Imported %1 rows: %2 new, %3 updated, %4 unchanged</source>
        <translation>Đã nhập %1 dòng: %2 mới, %3 cập nhật, %4 không đổi</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Tự nhận biết</translation>
    </message>
    <message>
        <source>Text encoding (CSV)</source>
        <translation>Bảng mã (CSV)</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Ghi chú:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>no geometry</source>
        <translation>không có hình học</translation>
    </message>
</context>
<context>
    <name>safemap::InspectionForm</name>
    <message>
        <source>Device position</source>
        <translation>Vị trí thiết bị</translation>
    </message>
    <message>
        <source>&amp;Save inspection</source>
        <translation>&amp;Lưu lần kiểm tra</translation>
    </message>
    <message>
        <source>Mandatory measure</source>
        <translation>Biện pháp bắt buộc</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Keep operating</source>
        <translation>Duy trì hoạt động</translation>
    </message>
    <message>
        <source>Fix by a date</source>
        <translation>Khắc phục trước ngày</translation>
    </message>
    <message>
        <source>Propose suspension</source>
        <translation>Đề xuất tạm dừng hoạt động</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>Thêm ảnh…</translation>
    </message>
    <message>
        <source>Attach a photo</source>
        <translation>Đính kèm ảnh</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.webp)</source>
        <translation>Ảnh (*.jpg *.jpeg *.png *.webp)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Pick on map</source>
        <translation>Chọn trên bản đồ</translation>
    </message>
    <message>
        <source>This computer has no positioning source: pick on the map</source>
        <translation>Máy này không có nguồn định vị: hãy chọn trên bản đồ</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Người kiểm tra</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Phát hiện</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết luận</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Ảnh</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <source>Choose a stop of the route to record its inspection.</source>
        <translation>Chọn một điểm dừng trên lộ trình để ghi lần kiểm tra.</translation>
    </message>
    <message>
        <source>New inspection: %1 (%2)</source>
        <translation>Lần kiểm tra mới: %1 (%2)</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>chưa kiểm tra</translation>
    </message>
    <message>
        <source>in place</source>
        <translation>đã thực hiện</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>chưa thực hiện</translation>
    </message>
    <message>
        <source>Photo not attached</source>
        <translation>Chưa đính kèm ảnh</translation>
    </message>
    <message>
        <source>%1 cannot be read or is larger than 25 MB.</source>
        <translation>Không đọc được %1 hoặc tệp lớn hơn 25 MB.</translation>
    </message>
    <message>
        <source>%1 is not a JPEG, PNG or WebP image.</source>
        <translation>%1 không phải ảnh JPEG, PNG hay WebP.</translation>
    </message>
    <message>
        <source>%1 (%2 kB)</source>
        <translation>%1 (%2 kB)</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Chưa ghi</translation>
    </message>
    <message>
        <source>from the device</source>
        <translation>từ thiết bị</translation>
    </message>
    <message>
        <source>picked on the map</source>
        <translation>chọn trên bản đồ</translation>
    </message>
    <message>
        <source>%1°, %2° (%3)</source>
        <translation>%1°, %2° (%3)</translation>
    </message>
    <message>
        <source>Fix by</source>
        <translation>Khắc phục trước</translation>
    </message>
    <message>
        <source>Correcting the inspection of %1 on %2</source>
        <translation>Sửa biên bản kiểm tra %1 ngày %2</translation>
    </message>
</context>
<context>
    <name>safemap::LayerPanel</name>
    <message>
        <source>Move layer up</source>
        <translation>Đưa lớp lên trên</translation>
    </message>
    <message>
        <source>Move layer down</source>
        <translation>Đưa lớp xuống dưới</translation>
    </message>
</context>
<context>
    <name>safemap::LegendPanel</name>
    <message>
        <source>Symbol size by workforce</source>
        <translation>Cỡ ký hiệu theo số lao động</translation>
    </message>
    <message>
        <source>Zone names</source>
        <translation>Tên khu, cụm</translation>
    </message>
    <message>
        <source>Facilities by latest assessment</source>
        <translation>Cơ sở theo lần đánh giá gần nhất</translation>
    </message>
    <message>
        <source>Zones and clusters</source>
        <translation>Khu, cụm</translation>
    </message>
    <message>
        <source>Worst facility level</source>
        <translation>Mức cao nhất của các cơ sở</translation>
    </message>
    <message>
        <source>Share of unsafe facilities (4 area levels)</source>
        <translation>Tỷ lệ cơ sở không an toàn (4 cấp độ dịch)</translation>
    </message>
    <message>
        <source>Colour by</source>
        <translation>Tô màu theo</translation>
    </message>
    <message>
        <source>Scored with %1 v%2.</source>
        <translation>Chấm điểm theo %1 v%2.</translation>
    </message>
    <message>
        <source>No criteria set chosen yet.</source>
        <translation>Chưa chọn bộ tiêu chí.</translation>
    </message>
    <message>
        <source>Facility names (when zoomed in)</source>
        <translation>Tên cơ sở (khi phóng to)</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>Ký hiệu đánh dấu</translation>
    </message>
    <message>
        <source>on the list to suspend</source>
        <translation>thuộc danh sách cần tạm dừng hoạt động</translation>
    </message>
    <message>
        <source>assessment out of date</source>
        <translation>đánh giá quá hạn cập nhật</translation>
    </message>
    <message>
        <source>to inspect this week (top of the list)</source>
        <translation>cần kiểm tra tuần này (đầu danh sách)</translation>
    </message>
    <message>
        <source>%1 As of %2: %3 stale, %4 to suspend, %5 due for inspection, of which the first %6 (by priority) are this week&apos;s, marked on the map.</source>
        <translation>%1 Tính đến %2: %3 quá hạn cập nhật, %4 cần tạm dừng hoạt động, %5 cần kiểm tra, trong đó %6 cơ sở đầu tiên (theo mức ưu tiên) được kiểm tra tuần này và đánh dấu trên bản đồ.</translation>
    </message>
</context>
<context>
    <name>safemap::ListsMode</name>
    <message>
        <source>&amp;Lists at full height</source>
        <translation>&amp;Danh sách toàn chiều cao</translation>
    </message>
    <message>
        <source>The action lists take the whole height of the window (the map steps aside); again to bring the map back</source>
        <translation>Các danh sách chiếm toàn bộ chiều cao cửa sổ (bản đồ tạm ẩn); chọn lại để hiện bản đồ</translation>
    </message>
</context>
<context>
    <name>safemap::MainWindow</name>
    <message>
        <source>Lon %1°, lat %2°</source>
        <translation>Kinh độ %1°, vĩ độ %2°</translation>
    </message>
    <message>
        <source>Scale 1:%1</source>
        <translation>Tỷ lệ 1:%1</translation>
    </message>
    <message>
        <source>Basemap not loaded: %1</source>
        <translation>Không tải được bản đồ nền: %1</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Lớp bản đồ</translation>
    </message>
    <message>
        <source>Site record</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Chú giải</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>&amp;Dự án</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>Dự án &amp;mới…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>Mở &amp;dự án…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Mở &amp;gần đây</translation>
    </message>
    <message>
        <source>&amp;Save view</source>
        <translation>&amp;Lưu khung nhìn</translation>
    </message>
    <message>
        <source>Save project &amp;as…</source>
        <translation>Lưu dự án &amp;với tên khác…</translation>
    </message>
    <message>
        <source>&amp;Import sites…</source>
        <translation>&amp;Nhập khu, cụm và cơ sở…</translation>
    </message>
    <message>
        <source>Import &amp;assessments…</source>
        <translation>Nhập &amp;kết quả đánh giá…</translation>
    </message>
    <message>
        <source>&amp;Criteria sets…</source>
        <translation>&amp;Bộ tiêu chí…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Bản đồ</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Phóng &amp;to</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Thu &amp;nhỏ</translation>
    </message>
    <message>
        <source>Zoom to &amp;all</source>
        <translation>&amp;Xem toàn bộ</translation>
    </message>
    <message>
        <source>Zoom to &amp;layer</source>
        <translation>Phóng tới &amp;lớp</translation>
    </message>
    <message>
        <source>Zoom to &amp;selection</source>
        <translation>Phóng tới đối tượng &amp;chọn</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Trợ giúp</translation>
    </message>
    <message>
        <source>&amp;About SafeMap</source>
        <translation>&amp;Giới thiệu SafeMap</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>Không mở được dự án</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Đã mở %1</translation>
    </message>
    <message>
        <source>%1 zones · %2 facilities</source>
        <translation>%1 khu, cụm · %2 cơ sở</translation>
    </message>
    <message>
        <source>Zones and clusters</source>
        <translation>Khu, cụm</translation>
    </message>
    <message>
        <source>Facilities</source>
        <translation>Cơ sở sản xuất kinh doanh</translation>
    </message>
    <message>
        <source>Countries (basemap)</source>
        <translation>Các nước (bản đồ nền)</translation>
    </message>
    <message>
        <source>View saved in the project</source>
        <translation>Đã lưu khung nhìn vào dự án</translation>
    </message>
    <message>
        <source>no project</source>
        <translation>chưa mở dự án</translation>
    </message>
    <message>
        <source>%1 — SafeMap</source>
        <translation>%1 — SafeMap</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Dự án mới</translation>
    </message>
    <message>
        <source>SafeMap project (*.gpkg)</source>
        <translation>Dự án SafeMap (*.gpkg)</translation>
    </message>
    <message>
        <source>%1 already exists. Choose another name, or open it.</source>
        <translation>%1 đã tồn tại. Hãy chọn tên khác hoặc mở dự án đó.</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Mở dự án</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>Lưu dự án với tên khác</translation>
    </message>
    <message>
        <source>Import sites</source>
        <translation>Nhập khu, cụm và cơ sở</translation>
    </message>
    <message>
        <source>Create or open a project first (Project → New project).</source>
        <translation>Hãy tạo hoặc mở một dự án trước (Dự án → Dự án mới).</translation>
    </message>
    <message>
        <source>Import assessments</source>
        <translation>Nhập kết quả đánh giá</translation>
    </message>
    <message>
        <source>About SafeMap</source>
        <translation>Giới thiệu SafeMap</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Bộ lọc</translation>
    </message>
    <message>
        <source>To suspend</source>
        <translation>Cần tạm dừng hoạt động</translation>
    </message>
    <message>
        <source>Due for inspection</source>
        <translation>Cần kiểm tra</translation>
    </message>
    <message>
        <source>Filter: %1 — %2 of %3 facilities shown</source>
        <translation>Bộ lọc: %1 — hiển thị %2 trên %3 cơ sở</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Công cụ</translation>
    </message>
    <message>
        <source>&amp;Cordon around a case…</source>
        <translation>&amp;Khoanh vùng quanh ca bệnh…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>N&amp;gôn ngữ</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Đang cập nhật…</translation>
    </message>
    <message>
        <source>Not saved in the project: %1</source>
        <translation>Chưa lưu được vào dự án: %1</translation>
    </message>
    <message>
        <source>What if…</source>
        <translation>Giả định…</translation>
    </message>
    <message>
        <source>Could not read the project: %1</source>
        <translation>Không đọc được dự án: %1</translation>
    </message>
    <message>
        <source>Import i&amp;nspections…</source>
        <translation>Nhập kết quả k&amp;iểm tra…</translation>
    </message>
    <message>
        <source>&amp;Rule thresholds…</source>
        <translation>&amp;Ngưỡng quy tắc…</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>Tính đến ngày</translation>
    </message>
    <message>
        <source>&amp;What if…</source>
        <translation>&amp;Giả định…</translation>
    </message>
    <message>
        <source>View not saved: %1</source>
        <translation>Chưa lưu được khung nhìn: %1</translation>
    </message>
    <message>
        <source>Import inspections</source>
        <translation>Nhập kết quả kiểm tra</translation>
    </message>
    <message>
        <source>Rule thresholds</source>
        <translation>Ngưỡng quy tắc</translation>
    </message>
    <message>
        <source>&lt;b&gt;SafeMap %1&lt;/b&gt; — Bản đồ chung sống an toàn&lt;br&gt;Industrial zones, clusters and facilities coloured by infection risk.&lt;br&gt;Works fully offline. Licence: GPL-2.0-or-later.&lt;br&gt;%2</source>
        <translation>&lt;b&gt;SafeMap %1&lt;/b&gt; — Bản đồ chung sống an toàn&lt;br&gt;Khu công nghiệp, cụm công nghiệp và cơ sở sản xuất kinh doanh, tô màu theo mức nguy cơ lây nhiễm.&lt;br&gt;Hoạt động hoàn toàn ngoại tuyến. Giấy phép: GPL-2.0-or-later.&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>Cordon around a case</source>
        <translation>Khoanh vùng quanh ca bệnh</translation>
    </message>
    <message>
        <source>Context layer &amp;style…</source>
        <translation>&amp;Kiểu hiển thị lớp tham chiếu…</translation>
    </message>
    <message>
        <source>&amp;Add context layer…</source>
        <translation>&amp;Thêm lớp tham chiếu…</translation>
    </message>
    <message>
        <source>Add con&amp;text layer…</source>
        <translation>Thêm lớp &amp;tham chiếu…</translation>
    </message>
    <message>
        <source>Conte&amp;xt layers…</source>
        <translation>Các lớp tham &amp;chiếu…</translation>
    </message>
    <message>
        <source>Zoom to &amp;filter</source>
        <translation>Phóng tới &amp;bộ lọc</translation>
    </message>
    <message>
        <source>&amp;Go to a place…</source>
        <translation>&amp;Đi tới địa điểm…</translation>
    </message>
    <message>
        <source>The filter keeps no facility.</source>
        <translation>Bộ lọc không giữ lại cơ sở nào.</translation>
    </message>
    <message>
        <source>%1 is hidden by the filter; its place is shown.</source>
        <translation>%1 đang bị bộ lọc ẩn; chỉ hiển thị vị trí của nó.</translation>
    </message>
    <message>
        <source>Context layers not shown</source>
        <translation>Không hiển thị được lớp tham chiếu</translation>
    </message>
    <message>
        <source>These context layers could not be drawn; the rest of the project opened:&lt;br&gt;&lt;br&gt;%1&lt;br&gt;&lt;br&gt;Project → Context layers… shows them: choose the file where it is now, or remove the layer.</source>
        <translation>Không vẽ được các lớp tham chiếu sau; phần còn lại của dự án đã mở:&lt;br&gt;&lt;br&gt;%1&lt;br&gt;&lt;br&gt;Dự án → Các lớp tham chiếu… liệt kê chúng: hãy chọn vị trí hiện tại của tệp, hoặc xóa lớp.</translation>
    </message>
    <message>
        <source>Context layers</source>
        <translation>Lớp tham chiếu</translation>
    </message>
    <message>
        <source>Add a context layer</source>
        <translation>Thêm lớp tham chiếu</translation>
    </message>
    <message>
        <source>Create field package</source>
        <translation>Tạo gói hiện trường</translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation>Hãy mở một dự án trước.</translation>
    </message>
    <message>
        <source>Merge field package</source>
        <translation>Gộp gói hiện trường</translation>
    </message>
    <message>
        <source>Open the project the package was made from first.</source>
        <translation>Hãy mở dự án đã dùng để tạo gói trước.</translation>
    </message>
    <message>
        <source>Field package (*.gpkg)</source>
        <translation>Gói hiện trường (*.gpkg)</translation>
    </message>
    <message>
        <source>Create &amp;field package…</source>
        <translation>Tạo gói &amp;hiện trường…</translation>
    </message>
    <message>
        <source>&amp;Merge field package…</source>
        <translation>&amp;Gộp gói hiện trường…</translation>
    </message>
    <message>
        <source>Print facility sheets</source>
        <translation>In phiếu kiểm tra cơ sở</translation>
    </message>
    <message>
        <source>_sheets</source>
        <translation>_phieu_kiem_tra</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Drawing the facility sheets…</source>
        <translation>Đang vẽ phiếu kiểm tra cơ sở…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Facility sheets written to %1</source>
        <translation>Đã ghi phiếu kiểm tra cơ sở vào %1</translation>
    </message>
    <message>
        <source>Print facility &amp;sheets…</source>
        <translation>In &amp;phiếu kiểm tra cơ sở…</translation>
    </message>
    <message>
        <source>One printable page per facility of a field package: record, latest assessment, past inspections, a map and a blank findings form</source>
        <translation>Mỗi cơ sở của gói công tác một trang để in: thông tin, đánh giá gần nhất, các lần kiểm tra trước, bản đồ và mẫu ghi kết quả kiểm tra</translation>
    </message>
    <message>
        <source>Connect to &amp;server…</source>
        <translation>Kết nối tới &amp;máy chủ…</translation>
    </message>
    <message>
        <source>%1 — %2 — SafeMap</source>
        <translation>%1 — %2 — SafeMap</translation>
    </message>
    <message>
        <source>Role: %1</source>
        <translation>Vai trò: %1</translation>
    </message>
</context>
<context>
    <name>safemap::MapViewExportDialog</name>
    <message>
        <source>Title band (title, as of, criteria set, filter)</source>
        <translation>Dải tiêu đề (tiêu đề, ngày dữ liệu, bộ tiêu chí, bộ lọc)</translation>
    </message>
    <message>
        <source>Legend, scale bar, north arrow and sources</source>
        <translation>Chú giải, thước tỷ lệ, mũi tên chỉ hướng bắc và nguồn</translation>
    </message>
    <message>
        <source>Export map view</source>
        <translation>Xuất khung nhìn bản đồ</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>Ảnh PNG</translation>
    </message>
    <message>
        <source>SVG drawing (vectors, for editing and posters)</source>
        <translation>Hình SVG (véc-tơ, để chỉnh sửa và in khổ lớn)</translation>
    </message>
    <message>
        <source> px</source>
        <translation> điểm ảnh</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>96: symbols as on the screen; 300: as on a print of the image&apos;s size</source>
        <translation>96: ký hiệu như trên màn hình; 300: như khi in ảnh đúng kích thước</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Định dạng:</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>Chiều rộng:</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>Chiều cao:</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>Độ phân giải:</translation>
    </message>
</context>
<context>
    <name>safemap::MergeDialog</name>
    <message>
        <source>keep operating</source>
        <translation>duy trì hoạt động</translation>
    </message>
    <message>
        <source>fix</source>
        <translation>khắc phục</translation>
    </message>
    <message>
        <source>propose suspension</source>
        <translation>đề xuất tạm dừng</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Gộp</translation>
    </message>
    <message>
        <source>Merge field package: %1</source>
        <translation>Gộp gói hiện trường: %1</translation>
    </message>
    <message>
        <source>Reading the package…</source>
        <translation>Đang đọc gói…</translation>
    </message>
    <message>
        <source>Facility</source>
        <translation>Cơ sở</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Người kiểm tra</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết luận</translation>
    </message>
    <message>
        <source>Conflict / attribute</source>
        <translation>Xung đột / thuộc tính</translation>
    </message>
    <message>
        <source>In the office</source>
        <translation>Tại văn phòng</translation>
    </message>
    <message>
        <source>In the field</source>
        <translation>Tại hiện trường</translation>
    </message>
    <message>
        <source>When packaged</source>
        <translation>Khi tạo gói</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Inspections to add:</source>
        <translation>Các lần kiểm tra sẽ thêm:</translation>
    </message>
    <message>
        <source>Changed both in the office and in the field (choose which to keep):</source>
        <translation>Đã sửa cả ở văn phòng và ở hiện trường (chọn bên cần giữ):</translation>
    </message>
    <message>
        <source>This package cannot be merged: %1</source>
        <translation>Không gộp được gói này: %1</translation>
    </message>
    <message>
        <source>Package &quot;%1&quot; made by %2 on %3.</source>
        <translation>Gói &quot;%1&quot; do %2 lập ngày %3.</translation>
    </message>
    <message>
        <source>Nothing new: everything in it is in the project already (%1 inspections).</source>
        <translation>Không có gì mới: mọi thứ trong gói đã có trong dự án (%1 lần kiểm tra).</translation>
    </message>
    <message>
        <source>Will add %1 inspections with %2 photos, update %3, correct %4 facilities; %5 conflicts; %6 already merged, %7 duplicates.</source>
        <translation>Sẽ thêm %1 lần kiểm tra kèm %2 ảnh, cập nhật %3, sửa %4 cơ sở; %5 xung đột; %6 đã gộp trước đó, %7 bị trùng.</translation>
    </message>
    <message>
        <source>Keep the office&apos;s</source>
        <translation>Giữ bản của văn phòng</translation>
    </message>
    <message>
        <source>Take the field&apos;s</source>
        <translation>Lấy bản của hiện trường</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Giữ cả hai</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Đang gộp…</translation>
    </message>
    <message>
        <source>Nothing was merged: %1</source>
        <translation>Chưa gộp gì: %1</translation>
    </message>
    <message>
        <source>Nothing new: the package was merged before as it is.</source>
        <translation>Không có gì mới: gói này đã được gộp trước đó.</translation>
    </message>
    <message>
        <source>Merged: %1 inspections added with %2 photos, %3 updated, %4 facilities corrected; conflicts: %5 kept the office&apos;s, %6 took the field&apos;s, %7 kept both.</source>
        <translation>Đã gộp: thêm %1 lần kiểm tra kèm %2 ảnh, cập nhật %3, sửa %4 cơ sở; xung đột: %5 giữ bản văn phòng, %6 lấy bản hiện trường, %7 giữ cả hai.</translation>
    </message>
</context>
<context>
    <name>safemap::PackageDialog</name>
    <message>
        <source>Due for inspection (the list as shown), the first</source>
        <translation>Cần kiểm tra (danh sách đang hiển thị), lấy</translation>
    </message>
    <message>
        <source>Due for inspection in the district</source>
        <translation>Cần kiểm tra trong quận/huyện</translation>
    </message>
    <message>
        <source>The selected facilities (%1)</source>
        <translation>Các cơ sở đang chọn (%1)</translation>
    </message>
    <message>
        <source>&amp;Make the route</source>
        <translation>&amp;Lập lộ trình</translation>
    </message>
    <message>
        <source>&amp;Create package…</source>
        <translation>&amp;Tạo gói…</translation>
    </message>
    <message>
        <source>Create field package</source>
        <translation>Tạo gói hiện trường</translation>
    </message>
    <message>
        <source>longitude, latitude of the office, e.g. 105.9120, 20.5410</source>
        <translation>kinh độ, vĩ độ của cơ quan, ví dụ 105.9120, 20.5410</translation>
    </message>
    <message>
        <source>Drag a stop to change the order</source>
        <translation>Kéo một điểm dừng để đổi thứ tự</translation>
    </message>
    <message>
        <source>Start point</source>
        <translation>Điểm xuất phát</translation>
    </message>
    <message>
        <source>The start point must be longitude, latitude in degrees.</source>
        <translation>Điểm xuất phát phải là kinh độ, vĩ độ tính bằng độ.</translation>
    </message>
    <message>
        <source>Making the route…</source>
        <translation>Đang lập lộ trình…</translation>
    </message>
    <message>
        <source>No visit list: %1</source>
        <translation>Không lập được danh sách điểm đến: %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No facility is due for inspection there.</source>
        <translation>Ở đó không có cơ sở nào cần kiểm tra.</translation>
    </message>
    <message>
        <source>Ordered from the start: %1 km instead of %2 km in the list&apos;s order.</source>
        <translation>Xếp từ điểm xuất phát: %1 km thay vì %2 km theo thứ tự danh sách.</translation>
    </message>
    <message>
        <source>%1 stops, %2 km straight-line in this order</source>
        <translation>%1 điểm dừng, %2 km đường chim bay theo thứ tự này</translation>
    </message>
    <message>
        <source>Field package (*.gpkg)</source>
        <translation>Gói hiện trường (*.gpkg)</translation>
    </message>
    <message>
        <source>Writing the package…</source>
        <translation>Đang ghi gói…</translation>
    </message>
    <message>
        <source>No package was made: %1</source>
        <translation>Chưa tạo được gói: %1</translation>
    </message>
    <message>
        <source>Field package made: %1 facilities, %2 zones, %3 assessments, %4 inspections; route %5 km.</source>
        <translation>Đã tạo gói hiện trường: %1 cơ sở, %2 khu/cụm, %3 lượt đánh giá, %4 lần kiểm tra; lộ trình %5 km.</translation>
    </message>
</context>
<context>
    <name>safemap::ReportActions</name>
    <message>
        <source>Export map as &amp;PDF…</source>
        <translation>Xuất bản đồ ra &amp;PDF…</translation>
    </message>
    <message>
        <source>Export map as i&amp;mage…</source>
        <translation>Xuất bản đồ ra ả&amp;nh…</translation>
    </message>
    <message>
        <source>&amp;Print map…</source>
        <translation>&amp;In bản đồ…</translation>
    </message>
    <message>
        <source>Drawing the report…</source>
        <translation>Đang vẽ báo cáo…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Export map as PDF</source>
        <translation>Xuất bản đồ ra PDF</translation>
    </message>
    <message>
        <source>map_report</source>
        <translation>bao_cao_ban_do</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export map as image</source>
        <translation>Xuất bản đồ ra ảnh</translation>
    </message>
    <message>
        <source>Resolution (dots per inch):</source>
        <translation>Độ phân giải (điểm ảnh mỗi inch):</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Ảnh PNG (*.png)</translation>
    </message>
    <message>
        <source>Map report</source>
        <translation>Báo cáo bản đồ</translation>
    </message>
    <message>
        <source>Print map</source>
        <translation>In bản đồ</translation>
    </message>
    <message>
        <source>Export map &amp;view (PNG, SVG)…</source>
        <translation>Xuất khung &amp;nhìn bản đồ (PNG, SVG)…</translation>
    </message>
    <message>
        <source>Export &amp;lists and facilities (XLSX, CSV, GeoPackage, GeoJSON)…</source>
        <translation>Xuất &amp;danh sách và cơ sở (XLSX, CSV, GeoPackage, GeoJSON)…</translation>
    </message>
    <message>
        <source>Export map view</source>
        <translation>Xuất khung nhìn bản đồ</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>Hình SVG (*.svg)</translation>
    </message>
    <message>
        <source>Export lists and facilities</source>
        <translation>Xuất danh sách và cơ sở</translation>
    </message>
    <message>
        <source>Files (*.%1)</source>
        <translation>Tệp (*.%1)</translation>
    </message>
    <message>
        <source>Map &amp;report…</source>
        <translation>&amp;Báo cáo bản đồ…</translation>
    </message>
</context>
<context>
    <name>safemap::ReportDialog</name>
    <message>
        <source>Save as template…</source>
        <translation>Lưu thành mẫu…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Xuất PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <source>Map report</source>
        <translation>Báo cáo bản đồ</translation>
    </message>
    <message>
        <source>Province overview (one page)</source>
        <translation>Tổng quan tỉnh (một trang)</translation>
    </message>
    <message>
        <source>Action lists (every page)</source>
        <translation>Danh sách hành động (mọi trang)</translation>
    </message>
    <message>
        <source>From a file…</source>
        <translation>Từ tệp…</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Khổ ngang</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Khổ dọc</translation>
    </message>
    <message>
        <source>The usual title</source>
        <translation>Tiêu đề thông thường</translation>
    </message>
    <message>
        <source>Drawing the preview…</source>
        <translation>Đang vẽ bản xem trước…</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Mẫu:</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Khổ giấy:</translation>
    </message>
    <message>
        <source>Orientation:</source>
        <translation>Hướng giấy:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Tiêu đề:</translation>
    </message>
    <message>
        <source>Pages: %1</source>
        <translation>Số trang: %1</translation>
    </message>
    <message>
        <source>Open a report template</source>
        <translation>Mở mẫu báo cáo</translation>
    </message>
    <message>
        <source>Report templates (*.json)</source>
        <translation>Mẫu báo cáo (*.json)</translation>
    </message>
    <message>
        <source>Open a project to see its report.</source>
        <translation>Hãy mở một dự án để xem báo cáo.</translation>
    </message>
    <message>
        <source>Save as template</source>
        <translation>Lưu thành mẫu</translation>
    </message>
    <message>
        <source>report_template</source>
        <translation>mau_bao_cao</translation>
    </message>
</context>
<context>
    <name>safemap::RuleSettingsDialog</name>
    <message>
        <source>List facilities never inspected</source>
        <translation>Liệt kê cơ sở chưa từng được kiểm tra</translation>
    </message>
    <message>
        <source>Rule thresholds</source>
        <translation>Ngưỡng quy tắc</translation>
    </message>
    <message>
        <source> days</source>
        <translation> ngày</translation>
    </message>
    <message>
        <source> workers</source>
        <translation> người lao động</translation>
    </message>
    <message>
        <source> points</source>
        <translation> điểm</translation>
    </message>
    <message>
        <source> percentage points</source>
        <translation> điểm phần trăm</translation>
    </message>
    <message>
        <source>Thresholds of the lists (see the guide, “Rules”). They are saved in the project; the command line and reports use them too.</source>
        <translation>Ngưỡng của các danh sách (xem hướng dẫn, mục “Quy tắc”). Ngưỡng được lưu trong dự án; dòng lệnh và báo cáo cũng dùng các ngưỡng này.</translation>
    </message>
    <message>
        <source>To suspend: no assessment within</source>
        <translation>Tạm dừng: không có đánh giá trong vòng</translation>
    </message>
    <message>
        <source>Inspect: large facility above</source>
        <translation>Kiểm tra: cơ sở lớn trên</translation>
    </message>
    <message>
        <source>Inspect: medium risk with an index of at least</source>
        <translation>Kiểm tra: nguy cơ trung bình có chỉ số từ</translation>
    </message>
    <message>
        <source>Inspect: assessment older than</source>
        <translation>Kiểm tra: đánh giá cũ hơn</translation>
    </message>
    <message>
        <source>Inspect: risk rose by at least</source>
        <translation>Kiểm tra: nguy cơ tăng ít nhất</translation>
    </message>
</context>
<context>
    <name>safemap::SearchBox</name>
    <message>
        <source>province</source>
        <translation>tỉnh, thành phố</translation>
    </message>
    <message>
        <source>district</source>
        <translation>quận, huyện</translation>
    </message>
    <message>
        <source>zone or cluster</source>
        <translation>khu, cụm</translation>
    </message>
    <message>
        <source>facility</source>
        <translation>cơ sở</translation>
    </message>
    <message>
        <source>address</source>
        <translation>địa chỉ</translation>
    </message>
    <message>
        <source>Go to a place, zone, facility or address…</source>
        <translation>Tìm địa danh, khu, cơ sở hoặc địa chỉ…</translation>
    </message>
    <message>
        <source>Find a province, district, zone, facility (name or tax code) or address; accents are optional. Enter goes to the first result.</source>
        <translation>Tìm tỉnh, huyện, khu, cụm, cơ sở (tên hoặc mã số thuế) hoặc địa chỉ; không cần gõ dấu. Enter đi tới kết quả đầu tiên.</translation>
    </message>
</context>
<context>
    <name>safemap::TableExportDialog</name>
    <message>
        <source>Export lists and facilities</source>
        <translation>Xuất danh sách và cơ sở</translation>
    </message>
    <message>
        <source>Facilities to suspend (filtered)</source>
        <translation>Cơ sở cần tạm dừng hoạt động (theo bộ lọc)</translation>
    </message>
    <message>
        <source>Facilities due for inspection (filtered)</source>
        <translation>Cơ sở cần kiểm tra (theo bộ lọc)</translation>
    </message>
    <message>
        <source>Every facility that passes the filter</source>
        <translation>Mọi cơ sở qua bộ lọc</translation>
    </message>
    <message>
        <source>Facilities in the cordon shown on the map</source>
        <translation>Cơ sở trong vùng phong tỏa đang hiện trên bản đồ</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation>Sổ tính Excel (XLSX)</translation>
    </message>
    <message>
        <source>CSV table</source>
        <translation>Bảng CSV</translation>
    </message>
    <message>
        <source>GeoPackage (points, for other GIS)</source>
        <translation>GeoPackage (điểm, cho phần mềm GIS khác)</translation>
    </message>
    <message>
        <source>GeoJSON (points, for other GIS)</source>
        <translation>GeoJSON (điểm, cho phần mềm GIS khác)</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>Xuất:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Định dạng:</translation>
    </message>
</context>
<context>
    <name>safemap::TableImportDialog</name>
    <message>
        <source>Import assessments</source>
        <translation>Nhập kết quả đánh giá</translation>
    </message>
    <message>
        <source>Import inspections</source>
        <translation>Nhập kết quả kiểm tra</translation>
    </message>
    <message>
        <source>CSV, XLSX or ODS: one row per assessment</source>
        <translation>CSV, XLSX hoặc ODS: mỗi dòng là một lượt đánh giá</translation>
    </message>
    <message>
        <source>CSV, XLSX or ODS: one row per inspection</source>
        <translation>CSV, XLSX hoặc ODS: mỗi dòng một lượt kiểm tra</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Tự nhận biết</translation>
    </message>
    <message>
        <source>Text encoding (CSV)</source>
        <translation>Bảng mã (CSV)</translation>
    </message>
    <message>
        <source>first sheet</source>
        <translation>trang tính đầu tiên</translation>
    </message>
    <message>
        <source>Sheet (XLSX, ODS)</source>
        <translation>Trang tính (XLSX, ODS)</translation>
    </message>
    <message>
        <source>Scored with</source>
        <translation>Chấm điểm theo</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>%1 v%2 (active set)</source>
        <translation>%1 v%2 (bộ đang dùng)</translation>
    </message>
    <message>
        <source>the bundled CRLN set (Decision 1203/QĐ-BCĐ)</source>
        <translation>bộ tiêu chí CRLN đi kèm (Quyết định 1203/QĐ-BCĐ)</translation>
    </message>
    <message>
        <source>Choose assessments</source>
        <translation>Chọn tệp kết quả đánh giá</translation>
    </message>
    <message>
        <source>Choose inspections</source>
        <translation>Chọn tệp kết quả kiểm tra</translation>
    </message>
    <message>
        <source>Tables (*.csv *.txt *.xlsx *.ods);;All files (*)</source>
        <translation>Bảng dữ liệu (*.csv *.txt *.xlsx *.ods);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>%1 rows: %2 new inspections, %3 already recorded</source>
        <translation>%1 dòng: %2 lượt kiểm tra mới, %3 đã có</translation>
    </message>
    <message>
        <source>%1 rows (%2): %3 new assessments, %4 already in the project</source>
        <translation>%1 dòng (%2): %3 lượt đánh giá mới, %4 đã có trong dự án</translation>
    </message>
    <message>
        <source>Nothing was imported. %1</source>
        <translation>Không có dữ liệu nào được nhập. %1</translation>
    </message>
</context>
</TS>
