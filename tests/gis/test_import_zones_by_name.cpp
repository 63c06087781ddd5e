#include <catch2/catch.hpp>

#include "gis/io/site_reading.h"
#include "test_site_fixtures.h"

using namespace safemap;

namespace {

Result<SiteReading> readCsv(const TempDir& dir, const std::string& csv,
                            const std::vector<Zone>& zones) {
    const auto path = dir.file("co_so.csv");
    fixtures::writeFile(path, csv);
    SiteImportOptions options;
    options.knownZones = zones;
    return readSiteSource(path, options);
}

}  // namespace

TEST_CASE("a zone is found by its id or by its name as offices write it") {
    TempDir dir;
    const std::string names[] = {
        "HNA-KCN-DONGVAN2",               // the id
        "hna-kcn-dongvan2",               // the id in another case
        "Khu công nghiệp Đồng Văn II",    // the stored name
        "KCN Đồng Văn II",                // abbreviated kind
        "kcn dong van 2",                 // no accents, numeral as digit
        "KHU CÔNG NGHIỆP ĐỒNG VĂN - II",  // upper case, hyphen
        "KCN Đồng Văn – II",              // en dash
        "Đồng Văn II",                    // no kind at all
    };
    for (const std::string& name : names) {
        INFO(name);
        auto r = readCsv(
            dir, "ten_co_so,ma_khu,kinh_do,vi_do\nCông ty Một,\"" + name + "\",105.93,20.63\n",
            fixtures::sampleZones());
        REQUIRE_OK(r);
        REQUIRE(r->batch.factories.size() == 1);
        CHECK(r->batch.factories[0].zoneId == "HNA-KCN-DONGVAN2");
        CHECK(r->notes.empty());
    }
    // The kind must agree when it is given: Kim Bình is a cluster, not an industrial zone.
    auto cluster = readCsv(dir, "ten_co_so,ma_khu,kinh_do,vi_do\nMột,CCN Kim Bình,105.9,20.6\n",
                           fixtures::sampleZones());
    REQUIRE_OK(cluster);
    CHECK(cluster->batch.factories[0].zoneId == "HNA-CCN-KIMBINH");
    auto wrongKind = readCsv(dir, "ten_co_so,ma_khu,kinh_do,vi_do\nMột,KCN Kim Bình,105.9,20.6\n",
                             fixtures::sampleZones());
    REQUIRE_OK(wrongKind);
    CHECK(wrongKind->batch.factories[0].zoneId == "KCN Kim Bình");
}

TEST_CASE("an unknown zone is a note naming the value and its rows, the value kept") {
    TempDir dir;
    auto r = readCsv(dir,
                     "ten_co_so,ma_khu,kinh_do,vi_do\n"
                     "Một,KCN Đồng Văn IX,105.9,20.6\n"  // row 2: unknown
                     "Hai,KCN Đồng Văn II,105.9,20.6\n"  // row 3: known
                     "Ba,KCN Đồng Văn IX,105.9,20.6\n",  // row 4: unknown again
                     fixtures::sampleZones());
    REQUIRE_OK(r);
    REQUIRE(r->batch.factories.size() == 3);
    CHECK(r->batch.factories[0].zoneId == "KCN Đồng Văn IX");
    CHECK(r->batch.factories[1].zoneId == "HNA-KCN-DONGVAN2");
    REQUIRE(r->notes.size() == 1);
    const Error& note = r->notes[0];
    CHECK(note.file == "co_so.csv");
    CHECK(note.row == 2);
    CHECK(note.column == "ma_khu");
    CHECK(note.message.find("\"KCN Đồng Văn IX\"") != std::string::npos);
    CHECK(note.message.find("rows 2, 4") != std::string::npos);
}

TEST_CASE("without zones in the project, zone values are kept and one note says so") {
    TempDir dir;
    auto r = readCsv(dir,
                     "ten_co_so,ma_khu,kinh_do,vi_do\n"
                     "Một,KCN A,105.9,20.6\nHai,KCN B,105.9,20.6\n",
                     {});
    REQUIRE_OK(r);
    CHECK(r->batch.factories[1].zoneId == "KCN B");
    REQUIRE(r->notes.size() == 1);
    CHECK(r->notes[0].message.find("no zones yet") != std::string::npos);
}

TEST_CASE("facilities without coordinates are placed inside their zone, or refused") {
    TempDir dir;
    SECTION("a zone column only: every facility lands inside its zone") {
        auto r = readCsv(dir,
                         "ten_co_so,ma_khu\n"
                         "Một,KCN Thăng Long\n"
                         "Hai,Cụm công nghiệp Ngọc Hồi\n"
                         "Ba,KKT cửa khẩu Đồng Đăng - Lạng Sơn\n",
                         fixtures::sampleZones());
        REQUIRE_OK(r);
        CHECK_FALSE(r->batch.provided.count(SiteField::Position));
        const char* ids[] = {"HN-KCN-THANGLONG", "HN-CCN-NGOCHOI", "LS-KKT-DONGDANG"};
        REQUIRE(r->batch.factories.size() == 3);
        for (size_t i = 0; i < 3; ++i) {
            const Factory& f = r->batch.factories[i];
            INFO(f.name);
            CHECK(f.zoneId == ids[i]);
            CHECK(f.approximatePosition);
            CHECK(fixtures::inside(fixtures::sampleZone(ids[i]).area, f.location));
        }
        // The same zone gives the same point: re-importing does not move anything.
        auto again =
            readCsv(dir, "ten_co_so,ma_khu\nMột,KCN Thăng Long\n", fixtures::sampleZones());
        REQUIRE_OK(again);
        CHECK(again->batch.factories[0].location == r->batch.factories[0].location);
    }
    SECTION("no coordinates and no known zone: every such row is an error") {
        auto r = readCsv(dir,
                         "ten_co_so,ma_khu,kinh_do,vi_do\n"
                         "Một,KCN Thăng Long,,\n"  // row 2: placed
                         "Hai,KCN Không Có,,\n"    // row 3: unknown zone
                         "Ba,,,\n",                // row 4: no zone
                         fixtures::sampleZones());
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().row == 3);
        CHECK(r.error().message.find("\"KCN Không Có\"") != std::string::npos);
        REQUIRE(r.error().more.size() == 1);
        CHECK(r.error().more[0].row == 4);
        CHECK(r.error().more[0].message.find("no zone") != std::string::npos);
    }
    SECTION("one coordinate without the other is still an error") {
        auto r = readCsv(dir, "ten_co_so,ma_khu,kinh_do,vi_do\nMột,KCN Thăng Long,105.8,\n",
                         fixtures::sampleZones());
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().column == "vi_do");
    }
}
