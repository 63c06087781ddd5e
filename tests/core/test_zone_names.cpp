#include <catch2/catch.hpp>

#include "core/model/zone_names.h"

using namespace safemap;

TEST_CASE("zone names reduce to a kind and a folded core") {
    const ZoneNameKey dongVan{ZoneKind::IndustrialZone, "dong van 2"};
    CHECK(zoneNameKey("Khu công nghiệp Đồng Văn II") == dongVan);
    CHECK(zoneNameKey("KCN Đồng Văn II") == dongVan);
    CHECK(zoneNameKey("kcn dong van 2") == dongVan);
    CHECK(zoneNameKey("KHU CN ĐỒNG VĂN – II") == dongVan);
    CHECK(zoneNameKey("Khu công nghiệp Đồng Văn-II") == dongVan);
    CHECK(zoneNameKey("Khu công nghiệp Đồng Văn — 2") == dongVan);

    const ZoneNameKey kimBinh{ZoneKind::IndustrialCluster, "kim binh"};
    CHECK(zoneNameKey("Cụm công nghiệp Kim Bình") == kimBinh);
    CHECK(zoneNameKey("CCN Kim Bình") == kimBinh);
    CHECK(zoneNameKey("cụm CN kim binh") == kimBinh);

    const ZoneNameKey dongDang{ZoneKind::EconomicZone, "dong dang lang son"};
    CHECK(zoneNameKey("Khu kinh tế cửa khẩu Đồng Đăng – Lạng Sơn") == dongDang);
    CHECK(zoneNameKey("KKT Đồng Đăng - Lạng Sơn") == dongDang);
    CHECK(zoneNameKey("KKTCK Đồng Đăng-Lạng Sơn") == dongDang);

    // No kind phrase: the whole name is the core.
    CHECK(zoneNameKey("Đồng Văn II") == ZoneNameKey{std::nullopt, "dong van 2"});
    CHECK(zoneNameKey("Khu CNC Hòa Lạc") == ZoneNameKey{std::nullopt, "khu cong nghe cao hoa lac"});
    // A Roman numeral is only read as one at the end, after a name.
    CHECK(zoneNameKey("I").core == "i");
    CHECK(zoneNameKey("KCN Việt Yên").core == "viet yen");
}
