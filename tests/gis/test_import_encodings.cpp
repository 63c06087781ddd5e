#include <catch2/catch.hpp>

#include "gis/io/site_reading.h"
#include "gis/io/source_info.h"
#include "test_site_fixtures.h"

using namespace safemap;

namespace {

// The list of tests/data/sites/make_fixtures.py, typed out again by hand.
void checkList(const SiteReading& r) {
    REQUIRE(r.batch.factories.size() == 3);
    const Factory& a = r.batch.factories[0];
    CHECK(a.taxCode == "0101234567");
    CHECK(a.name == "Công ty TNHH Điện tử Đồng Văn");
    CHECK(a.address == "Lô 5, đường số 2");
    CHECK(a.zoneId == "HNA-KCN-DONGVAN2");  // "KCN Đồng Văn II"
    CHECK(a.workforce.total == 1250);       // "1.250"
    CHECK(a.location.lon == Approx(105.9312));
    CHECK(a.location.lat == Approx(20.6345));
    CHECK_FALSE(a.approximatePosition);

    const Factory& b = r.batch.factories[1];
    CHECK(b.name == "Công ty cổ phần may Sông Hồng");
    CHECK(b.address == "Số 2, đường Nguyễn Trãi");
    CHECK(b.zoneId == "HNA-CCN-KIMBINH");  // "Cụm công nghiệp Kim Bình"
    CHECK(b.workforce.total == 310);
    // No coordinates: placed inside its zone and marked.
    CHECK(b.approximatePosition);
    CHECK(fixtures::inside(fixtures::sampleZone("HNA-CCN-KIMBINH").area, b.location));

    const Factory& c = r.batch.factories[2];
    CHECK(c.name == "Hợp tác xã dệt thổ cẩm Lạng Sơn");
    CHECK(c.address == "Thôn Nà Lượng, xã Hợp Thành");
    CHECK(c.zoneId == "LS-KKT-DONGDANG");  // "KKT Đồng Đăng - Lạng Sơn"
    CHECK(c.workforce.total == 1250);      // "1,250"
    CHECK(fixtures::noteWith(r.notes, "placed inside") != nullptr);
}

SiteImportOptions withZones() {
    SiteImportOptions options;
    options.knownZones = fixtures::sampleZones();
    return options;
}

}  // namespace

TEST_CASE("a site list in each legacy encoding and in UTF-16 is detected and read") {
    const std::pair<const char*, const char*> cases[] = {
        {"co_so_tcvn3.csv", "tcvn3"},    {"co_so_vni.csv", "vni"},
        {"co_so_viscii.csv", "viscii"},  {"co_so_cp1258.csv", "cp1258"},
        {"co_so_utf16.txt", "utf-16le"}, {"co_so_utf8_semicolon.csv", "utf-8"},
    };
    for (const auto& [file, encoding] : cases) {
        INFO(file);
        const std::string path = fixtures::sitesData(file);
        const std::string before = fixtures::readFile(path);
        auto r = readSiteSource(path, withZones());
        REQUIRE_OK(r);
        CHECK(r->encoding == encoding);
        checkList(*r);
        CHECK(fixtures::readFile(path) == before);  // opened read-only

        auto info = describeSource(path);
        REQUIRE_OK(info);
        CHECK(info->encoding == encoding);
        REQUIRE(info->layers.size() == 1);
        REQUIRE(info->layers[0].fields.size() == 7);
        CHECK(info->layers[0].fields[0].name == "Mã số thuế");
        CHECK(info->layers[0].fields[6].name == "Vĩ độ");
    }
}

TEST_CASE("a chosen encoding is used, and a wrong one is refused, not turned into mojibake") {
    SiteImportOptions options = withZones();
    options.encoding = TextEncoding::Vni;
    auto right = readSiteSource(fixtures::sitesData("co_so_vni.csv"), options);
    REQUIRE_OK(right);
    checkList(*right);

    options.encoding = TextEncoding::Tcvn3;
    auto wrong = readSiteSource(fixtures::sitesData("co_so_vni.csv"), options);
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().file == "co_so_vni.csv");
    CHECK(wrong.error().message.find("TCVN3") != std::string::npos);

    // The encoding changes what describeSource reads as the header.
    auto info = describeSource(fixtures::sitesData("co_so_vni.csv"), TextEncoding::Vni);
    REQUIRE_OK(info);
    CHECK(info->layers[0].fields[1].name == "Tên doanh nghiệp");
}

TEST_CASE("a NUL byte in a site CSV is named at its row and column") {
    TempDir dir;
    const auto path = dir.file("nul.csv");
    using namespace std::string_literals;
    fixtures::writeFile(path,
                        "ten_co_so,kinh_do,vi_do\n"
                        "Công ty Một,105.9,20.6\n"
                        "Công ty Hai,105.9,20.6\n"
                        "Công ty\0 Ba,105.9,20.6\n"s);
    REQUIRE(fixtures::readFile(path).find('\0') != std::string::npos);
    auto r = readSiteSource(path);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().row == 4);
    CHECK(r.error().column == "ten_co_so");
    CHECK(r.error().message.find("NUL") != std::string::npos);
}
