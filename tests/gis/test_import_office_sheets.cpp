#include <catch2/catch.hpp>

#include "gis/io/site_reading.h"
#include "gis/io/source_info.h"
#include "test_site_fixtures.h"

using namespace safemap;

namespace {

SiteImportOptions officeWithZones() {
    SiteImportOptions options;
    options.knownZones = fixtures::sampleZones();
    return options;
}

// danh_sach_co_so.xlsx / .csv (tests/data/sites/make_fixtures.py): five facilities below
// five title rows and a column-number row, then a total row and a signature block.
void checkOfficeList(const SiteReading& r, const std::string& file) {
    REQUIRE(r.batch.factories.size() == 5);
    const auto& f = r.batch.factories;
    CHECK(f[0].name == "Công ty TNHH Điện tử Đồng Văn");
    CHECK(f[0].taxCode == "0101234567");
    CHECK(f[0].zoneId == "HNA-KCN-DONGVAN2");  // "KCN Đồng Văn II"
    CHECK(f[0].workforce.total == 1250);       // "1.250"
    CHECK(f[0].workforce.outOfProvince == 300);
    CHECK(f[0].location.lon == Approx(105.9312));
    CHECK_FALSE(f[0].approximatePosition);

    CHECK(f[1].name == "Công ty CP May Hữu Lũng");
    CHECK(f[1].zoneId == "LS-KCN-HUULUNG");  // "Khu công nghiệp Hữu Lũng"
    CHECK(f[1].workforce.total == 850);
    CHECK(f[1].approximatePosition);
    CHECK(fixtures::inside(fixtures::sampleZone("LS-KCN-HUULUNG").area, f[1].location));

    CHECK(f[2].zoneId == "HNA-CCN-KIMBINH");      // "cụm cn kim binh"
    CHECK(f[2].workforce.total == 2000);          // "2.000"
    CHECK(f[2].workforce.outOfProvince == 1200);  // "1,200"
    CHECK(f[2].approximatePosition);
    CHECK(fixtures::inside(fixtures::sampleZone("HNA-CCN-KIMBINH").area, f[2].location));

    CHECK(f[3].zoneId == "LS-KKT-DONGDANG");  // "KKT cửa khẩu Đồng Đăng – Lạng Sơn"
    CHECK(f[4].zoneId == "HN-CCN-PHUTHI");    // "CCN Phú Thị"
    CHECK(f[4].workforce.total == 1500);      // "1 500"

    // Every skipped row and unused column is in a note with its row.
    const Error* titles = fixtures::noteWith(r.notes, "titles");
    REQUIRE(titles != nullptr);
    CHECK(titles->file == file);
    CHECK(titles->row == 1);
    CHECK(titles->message.find("UBND TỈNH HÀ NAM") != std::string::npos);
    CHECK(titles->message.find("row 6") != std::string::npos);  // the header
    const Error* numbers = fixtures::noteWith(r.notes, "numbers the columns");
    REQUIRE(numbers != nullptr);
    CHECK(numbers->row == 7);
    const Error* total = fixtures::noteWith(r.notes, "total");
    REQUIRE(total != nullptr);
    CHECK(total->row == 13);
    CHECK(total->message.find("Tổng cộng") != std::string::npos);
    const Error* signature = fixtures::noteWith(r.notes, "signature");
    REQUIRE(signature != nullptr);
    CHECK(signature->row == 15);
    CHECK(signature->message.find("rows 15–19") != std::string::npos);
    const Error* unused = fixtures::noteWith(r.notes, "Ghi chú");
    REQUIRE(unused != nullptr);
    CHECK(unused->column == "Ghi chú");
    // STT is a row number, not a column worth a note.
    CHECK(fixtures::noteWith(r.notes, "\"STT\"") == nullptr);
    const Error* placed = fixtures::noteWith(r.notes, "placed inside");
    REQUIRE(placed != nullptr);
    CHECK(placed->message.find("rows 9, 10") != std::string::npos);
}

}  // namespace

TEST_CASE("an office's XLSX list: header below merged title rows, STT, totals, signatures") {
    const std::string path = fixtures::sitesData("danh_sach_co_so.xlsx");
    auto r = readSiteSource(path, officeWithZones());
    REQUIRE_OK(r);
    checkOfficeList(*r, "danh_sach_co_so.xlsx");

    auto info = describeSource(path);
    REQUIRE_OK(info);
    REQUIRE(info->layers.size() == 1);
    CHECK(info->layers[0].name == "Danh sach");
    REQUIRE(info->layers[0].fields.size() == 10);
    CHECK(info->layers[0].fields[0].name == "STT");
    CHECK(info->layers[0].fields[1].name == "Tên doanh nghiệp");
    const FieldMapping m = guessFieldMapping(info->layers[0]);
    CHECK(m.id.empty());
    CHECK(m.zoneId == "KCN/CCN");
    CHECK(m.workersOutOfProvince == "Lao động ngoại tỉnh");
}

TEST_CASE("the same list saved by Excel as CSV (BOM, ';', padded rows) reads the same") {
    auto r = readSiteSource(fixtures::sitesData("danh_sach_co_so.csv"), officeWithZones());
    REQUIRE_OK(r);
    CHECK(r->encoding == "utf-8-bom");
    checkOfficeList(*r, "danh_sach_co_so.csv");
}

TEST_CASE("worker counts: thousands separators are read, fractions are refused with the cell") {
    TempDir dir;
    const auto path = dir.file("so_lao_dong.csv");
    fixtures::writeFile(path,
                        "ten_co_so;so_lao_dong;lao_dong_ngoai_tinh;kinh_do;vi_do\n"
                        "Một;1.250;1,250;105,9;20,6\n"       // row 2: both 1250
                        "Hai;1.250.000;1250.0;105,9;20,6\n"  // row 3
                        "Ba;1,5;;105,9;20,6\n"               // row 4: a fraction
                        "Bốn;12.5;;105,9;20,6\n"             // row 5: a fraction
                        "Năm;1.25;;105,9;20,6\n");           // row 6: a fraction
    auto r = readSiteSource(path);
    REQUIRE_FALSE(r.ok());
    const Error& e = r.error();
    CHECK(e.row == 4);
    CHECK(e.column == "so_lao_dong");
    CHECK(e.message.find("\"1,5\"") != std::string::npos);
    CHECK(e.message.find("whole number") != std::string::npos);
    REQUIRE(e.more.size() == 2);
    CHECK(e.more[0].row == 5);
    CHECK(e.more[0].message.find("\"12.5\"") != std::string::npos);
    CHECK(e.more[1].row == 6);

    fixtures::writeFile(path,
                        "ten_co_so;so_lao_dong;lao_dong_ngoai_tinh;kinh_do;vi_do\n"
                        "Một;1.250;1,250;105,9;20,6\n"
                        "Hai;1.250.000;1250.0;105,9;20,6\n");
    auto ok = readSiteSource(path);
    REQUIRE_OK(ok);
    REQUIRE(ok->batch.factories.size() == 2);
    CHECK(ok->batch.factories[0].workforce.total == 1250);
    CHECK(ok->batch.factories[0].workforce.outOfProvince == 1250);
    CHECK(ok->batch.factories[1].workforce.total == 1250000);
    CHECK(ok->batch.factories[1].workforce.outOfProvince == 1250);
    CHECK(ok->batch.factories[0].location.lon == Approx(105.9));
}
