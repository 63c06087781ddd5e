#include <catch2/catch.hpp>

#include "gis/io/field_mapping.h"
#include "gis/io/site_import.h"
#include "gis/io/source_info.h"
#include "test_import_fixtures.h"
#include "test_support.h"

using namespace safemap;

namespace {

SourceLayerInfo layerWith(std::vector<std::string> names) {
    SourceLayerInfo layer;
    for (auto& n : names)
        layer.fields.push_back({std::move(n), SourceFieldType::Text});
    return layer;
}

}  // namespace

TEST_CASE("Vietnamese headers with diacritics, spaces and slashes are recognised") {
    const auto m = guessFieldMapping(
        layerWith({"STT", "Mã số thuế", "Tên cơ sở", "Tỉnh", "Quận/Huyện", "Địa chỉ", "Ngành nghề",
                   "Số lao động", "Lao động ngoại tỉnh", "Lao động ca đông nhất",
                   "Ngày cấp tài khoản", "Kinh độ", "Vĩ độ", "Mã khu", "Loại"}));
    CHECK(m.id.empty());  // "STT" (row number) is not an id
    CHECK(m.taxCode == "Mã số thuế");
    CHECK(m.name == "Tên cơ sở");
    CHECK(m.province == "Tỉnh");
    CHECK(m.district == "Quận/Huyện");
    CHECK(m.address == "Địa chỉ");
    CHECK(m.sector == "Ngành nghề");
    CHECK(m.workersTotal == "Số lao động");
    CHECK(m.workersOutOfProvince == "Lao động ngoại tỉnh");
    CHECK(m.workersLargestShift == "Lao động ca đông nhất");
    CHECK(m.accountIssued == "Ngày cấp tài khoản");
    CHECK(m.longitude == "Kinh độ");
    CHECK(m.latitude == "Vĩ độ");
    CHECK(m.zoneId == "Mã khu");
    CHECK(m.kind == "Loại");
}

TEST_CASE("ASCII, upper-case and English headers are recognised") {
    auto m = guessFieldMapping(
        layerWith({"MST", "TEN", "TINH", "HUYEN", "SO_LAO_DONG", "LON", "LAT", "MA_CO_SO"}));
    CHECK(m.taxCode == "MST");
    CHECK(m.name == "TEN");
    CHECK(m.province == "TINH");
    CHECK(m.district == "HUYEN");
    CHECK(m.workersTotal == "SO_LAO_DONG");
    CHECK(m.longitude == "LON");
    CHECK(m.latitude == "LAT");
    CHECK(m.id == "MA_CO_SO");

    m = guessFieldMapping(layerWith({"id", "TaxCode", "Name", "Province", "District", "Workers",
                                     "lng", "y", "kind", "zone_id"}));
    CHECK(m.id == "id");
    CHECK(m.taxCode == "TaxCode");
    CHECK(m.name == "Name");
    CHECK(m.province == "Province");
    CHECK(m.district == "District");
    CHECK(m.workersTotal == "Workers");
    CHECK(m.longitude == "lng");
    CHECK(m.latitude == "y");
    CHECK(m.kind == "kind");
    CHECK(m.zoneId == "zone_id");
}

TEST_CASE("the more specific synonym wins and a column feeds one attribute only") {
    // Both "ten" and "ten_co_so" would do for the name; the specific one is taken.
    auto m = guessFieldMapping(layerWith({"ten", "ten_co_so"}));
    CHECK(m.name == "ten_co_so");
    // "ma" is the id; it is not reused for anything else.
    m = guessFieldMapping(layerWith({"ma", "ten"}));
    CHECK(m.id == "ma");
    CHECK(m.zoneId.empty());
    CHECK(m.taxCode.empty());
    // Unrelated columns stay unmapped.
    m = guessFieldMapping(layerWith({"ghi_chu", "dien_tich"}));
    CHECK(m == FieldMapping{});
}

TEST_CASE("a mapping round-trips through JSON") {
    FieldMapping m;
    m.name = "Tên cơ sở";
    m.taxCode = "MST";
    m.workersTotal = "Số LĐ";
    m.longitude = "X";
    m.latitude = "Y";
    const std::string json = fieldMappingToJson(m);
    CHECK(json.find("\"tax_code\": \"MST\"") != std::string::npos);
    CHECK(json.find("province") == std::string::npos);  // unmapped attributes are left out
    auto back = fieldMappingFromJson(json);
    REQUIRE_OK(back);
    CHECK(*back == m);
}

TEST_CASE("mapping JSON: null and empty leave attributes unmapped, mistakes are errors") {
    auto m = fieldMappingFromJson(R"({"name": "ten", "district": null, "sector": ""})");
    REQUIRE_OK(m);
    CHECK(m->name == "ten");
    CHECK(m->district.empty());
    CHECK(m->sector.empty());

    auto typo = fieldMappingFromJson(R"({"nmae": "ten"})");
    REQUIRE_FALSE(typo.ok());
    CHECK(typo.error().message.find("nmae") != std::string::npos);
    CHECK_FALSE(fieldMappingFromJson(R"({"name": 3})").ok());
    CHECK_FALSE(fieldMappingFromJson(R"(["name"])").ok());
    CHECK_FALSE(fieldMappingFromJson("{name: ten}").ok());
}

TEST_CASE("a mapping file is read and used for an import") {
    TempDir dir;
    fixtures::writeFile(dir.file("m.json"),
                        R"({"name": "Doanh nghiệp", "workers_total": "Tổng LĐ",
                            "longitude": "Đông", "latitude": "Bắc"})");
    auto mapping = readFieldMappingFile(dir.file("m.json"));
    REQUIRE_OK(mapping);
    CHECK(mapping->workersTotal == "Tổng LĐ");
    CHECK_FALSE(readFieldMappingFile(dir.file("none.json")).ok());

    fixtures::writeFile(dir.file("a.csv"),
                        "Doanh nghiệp,Tổng LĐ,Đông,Bắc\nCông ty Một,42,105.9,20.6\n");
    auto info = describeSource(dir.file("a.csv"));
    REQUIRE_OK(info);
    CHECK(guessFieldMapping(info->layers[0]).name.empty());  // nothing to guess from
    SiteImportOptions options;
    options.mapping = *mapping;
    auto batch = readSites(dir.file("a.csv"), options);
    REQUIRE_OK(batch);
    REQUIRE(batch->factories.size() == 1);
    CHECK(batch->factories[0].name == "Công ty Một");
    CHECK(batch->factories[0].workforce.total == 42);
    CHECK(batch->factories[0].location == GeoPoint{105.9, 20.6});
}

TEST_CASE("attribute keys round-trip") {
    for (SiteAttribute a : allSiteAttributes()) {
        CHECK(siteAttributeFromKey(siteAttributeKey(a)) == a);
        CHECK_FALSE(fieldSynonyms(a).empty());
    }
    CHECK(allSiteAttributes().size() == kSiteAttributeCount);
    CHECK_FALSE(siteAttributeFromKey("ten").has_value());
}
