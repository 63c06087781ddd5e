// Navigation (issue 11): "zoom to all" and "zoom to filter" extents use only the facilities
// the filter keeps; the search finds provinces, districts, zones, facilities and addresses,
// accents and case ignored, and knows where each is.
#include <algorithm>
#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "core/project/imports.h"
#include "core/project/project.h"
#include "core/project/project_facts.h"
#include "core/project/project_status.h"
#include "gis/io/site_import.h"
#include "gis/project/map_composition.h"
#include "gis/project/place_search.h"
#include "gis/render/basemap_layers.h"
#include "gis/render/web_mercator.h"
#include "test_support.h"

using namespace safemap;

namespace {

// A zone in Hà Nam with two facilities, a facility in Hà Nội and one far away in Lạng Sơn.
ProjectFacts twoProvinces(const TempDir& dir) {
    auto project = Project::create(dir.file("p.gpkg"));
    REQUIRE(project.ok());
    SiteBatch b;
    Zone z;
    z.id = "Z1";
    z.name = "Khu công nghiệp Đồng Văn I";
    z.province = "Hà Nam";
    z.district = "Duy Tiên";
    z.area = {Polygon{
        {{{105.95, 20.60}, {105.97, 20.60}, {105.97, 20.62}, {105.95, 20.62}, {105.95, 20.60}}}}};
    b.zones.push_back(z);
    struct Spec {
        const char* tax;
        const char* name;
        const char* province;
        const char* district;
        const char* address;
        GeoPoint at;
    };
    const Spec specs[] = {
        {"9900000001",
         "Công ty May Đồng Văn",
         "Hà Nam",
         "Duy Tiên",
         "Lô A1, đường D2, KCN Đồng Văn I",
         {105.955, 20.605}},
        {"9900000002",
         "Công ty Điện tử Hòa Mạc",
         "Hà Nam",
         "Duy Tiên",
         "Thôn Ngọc Động, xã Hoàng Đông",
         {105.965, 20.615}},
        {"9900000003",
         "Công ty Bao bì Thạch Thất",
         "Hà Nội",
         "Thạch Thất",
         "Km 20 Quốc lộ 32",
         {105.55, 21.02}},
        {"9900000004",
         "Công ty Gạch Na Dương",
         "Lạng Sơn",
         "Lộc Bình",
         "Thị trấn Na Dương",
         {106.97, 21.69}},
    };
    for (const Spec& s : specs) {
        Factory f;
        f.taxCode = s.tax;
        f.id = factoryIdFor(f.taxCode, "", "", "");
        f.name = s.name;
        f.province = s.province;
        f.district = s.district;
        f.address = s.address;
        f.zoneId = std::string(s.province) == "Hà Nam" ? "Z1" : "";
        f.location = s.at;
        b.factories.push_back(f);
    }
    REQUIRE(importSites(*project, b, "test").ok());
    auto facts = loadProjectFacts(*project);
    REQUIRE(facts.ok());
    return std::move(facts).value();
}

MapContent composed(const ProjectFacts& facts, const SiteFilter& filter) {
    const ProjectStatus status = computeStatus(facts, RuleSettings{});
    const MapGeometry geometry = buildMapGeometry(facts, {});
    return composeMap(geometry, facts, status, {}, {}, filter);
}

QPointF m(double lon, double lat) {
    return toMercator(GeoPoint{lon, lat});
}

const std::vector<LayerRender>& shippedBasemap() {
    static const auto loaded = loadBasemapLayers(sourcePath("data"), MapLanguage::Vietnamese);
    INFO((loaded.ok() ? std::string() : loaded.error().describe()));
    REQUIRE(loaded.ok());
    return *loaded;
}

PlaceIndex placesOf(const ProjectFacts& facts, const std::vector<LayerRender>& basemap) {
    auto shared = std::make_shared<const ProjectFacts>(facts);
    auto search = std::make_shared<const SearchIndex>(buildSearchIndex(shared->factories));
    return buildPlaceIndex(shared, search, basemap);
}

std::vector<Place> found(const PlaceIndex& index, const char* query) {
    std::vector<Place> out;
    for (size_t i : searchPlaces(index, query))
        out.push_back(index.place(i));
    return out;
}

}  // namespace

TEST_CASE("zoom to filter covers exactly the facilities the filter keeps", "[navigation]") {
    TempDir dir;
    const ProjectFacts facts = twoProvinces(dir);
    SiteFilter filter;
    filter.provinces = {"ha nam"};  // accents and case ignored
    const MapContent content = composed(facts, filter);
    REQUIRE(content.visibleFactories == 2);

    const BBox filtered = sitesExtent(content, SitesScope::FilteredFacilities, 0.0);
    CHECK(filtered.minX == Approx(m(105.955, 20.605).x()).margin(0.5));
    CHECK(filtered.minY == Approx(m(105.955, 20.605).y()).margin(0.5));
    CHECK(filtered.maxX == Approx(m(105.965, 20.615).x()).margin(0.5));
    CHECK(filtered.maxY == Approx(m(105.965, 20.615).y()).margin(0.5));

    // Zoom to all: the zone too, but not the facilities the filter hides in Hà Nội and
    // Lạng Sơn (the view would stretch to empty corners).
    const BBox all = sitesExtent(content, SitesScope::AllSites, 0.0);
    CHECK(all.minX == Approx(m(105.95, 20.60).x()).margin(0.5));
    CHECK(all.maxY == Approx(m(105.97, 20.62).y()).margin(0.5));
    CHECK(all.maxX < m(106.0, 20.6).x());

    // A margin grows each side by its share of the size.
    const BBox margin = sitesExtent(content, SitesScope::FilteredFacilities, 0.1);
    const double width = filtered.maxX - filtered.minX;
    CHECK(margin.minX == Approx(filtered.minX - 0.1 * width).margin(0.5));

    // No filter: every facility, Lạng Sơn included.
    const BBox every =
        sitesExtent(composed(facts, SiteFilter{}), SitesScope::FilteredFacilities, 0.0);
    CHECK(every.maxX == Approx(m(106.97, 21.69).x()).margin(0.5));
    CHECK(every.minX == Approx(m(105.55, 21.02).x()).margin(0.5));

    // A filter that keeps nothing has no extent (the window says so instead of zooming).
    SiteFilter none;
    none.query = "không có cơ sở nào tên này";
    CHECK(sitesExtent(composed(facts, none), SitesScope::FilteredFacilities, 0.0).empty());
}

TEST_CASE("a single facility is shown with a neighbourhood; hidden facilities are known",
          "[navigation]") {
    TempDir dir;
    const ProjectFacts facts = twoProvinces(dir);
    SiteFilter filter;
    filter.query = "Na Dương";
    const MapContent content = composed(facts, filter);
    const BBox point = sitesExtent(content, SitesScope::FilteredFacilities, 0.0);
    REQUIRE_FALSE(point.empty());
    const BBox shown = withMinimumSpan(point, kMinimumViewSpan);
    CHECK(shown.maxX - shown.minX == Approx(kMinimumViewSpan));
    CHECK(shown.maxY - shown.minY == Approx(kMinimumViewSpan));
    CHECK((shown.minX + shown.maxX) / 2 == Approx(m(106.97, 21.69).x()).margin(0.5));
    // A box larger than the span is left as it is.
    const BBox big{0, 0, 5000, 9000};
    CHECK(withMinimumSpan(big, kMinimumViewSpan).maxX == 5000);

    CHECK(facilityHidden(content, "MST-9900000001"));
    CHECK_FALSE(facilityHidden(content, "MST-9900000004"));
    CHECK_FALSE(facilityHidden(content, "Z1"));       // zones are never "hidden facilities"
    CHECK_FALSE(facilityHidden(content, "unknown"));  // nor unknown ids
}

TEST_CASE("search finds districts, provinces, zones, facilities and addresses", "[navigation]") {
    TempDir dir;
    const ProjectFacts facts = twoProvinces(dir);
    const PlaceIndex index = placesOf(facts, shippedBasemap());

    // A district of the basemap, without accents, with its province and its real extent.
    auto kimBang = found(index, "kim bang");
    REQUIRE_FALSE(kimBang.empty());
    CHECK(kimBang[0].kind == PlaceKind::District);
    CHECK(kimBang[0].name == "Kim Bảng");
    CHECK(kimBang[0].detail == "Hà Nam");
    CHECK(kimBang[0].extent.contains(m(105.85, 20.55).x(), m(105.85, 20.55).y()));

    // The province comes before districts and zones of the same name.
    auto haNam = found(index, "HÀ NAM");
    REQUIRE_FALSE(haNam.empty());
    CHECK(haNam[0].kind == PlaceKind::Province);

    // A zone by a word of its name; it goes to the zone's area.
    auto dongVan = found(index, "dong van i");
    REQUIRE_FALSE(dongVan.empty());
    CHECK(dongVan[0].kind == PlaceKind::Zone);
    CHECK(dongVan[0].siteId == "Z1");
    CHECK(dongVan[0].extent.contains(m(105.96, 20.61).x(), m(105.96, 20.61).y()));

    // A facility by its tax code, and by a word of its address.
    auto byTax = found(index, "9900000003");
    REQUIRE(byTax.size() == 1);
    CHECK(byTax[0].kind == PlaceKind::Facility);
    CHECK(byTax[0].siteId == "MST-9900000003");
    auto byAddress = found(index, "ngoc dong");
    REQUIRE(byAddress.size() == 1);
    CHECK(byAddress[0].kind == PlaceKind::Address);
    CHECK(byAddress[0].siteId == "MST-9900000002");
    CHECK(byAddress[0].detail == "Công ty Điện tử Hòa Mạc");
    CHECK(byAddress[0].extent.contains(m(105.965, 20.615).x(), m(105.965, 20.615).y()));

    // Every word must match; nothing else is returned; the limit holds.
    CHECK(found(index, "hoa mac lang son").empty());
    CHECK(searchPlaces(index, "a", 5).size() == 5);
    CHECK(searchPlaces(index, "   ").empty());
}

TEST_CASE("without a basemap, districts come from the facilities", "[navigation]") {
    TempDir dir;
    const ProjectFacts facts = twoProvinces(dir);
    const PlaceIndex index = placesOf(facts, {});
    auto duyTien = found(index, "duy tien");
    REQUIRE_FALSE(duyTien.empty());
    CHECK(duyTien[0].kind == PlaceKind::District);
    CHECK(duyTien[0].detail == "Hà Nam");
    // Its extent is that of its two facilities.
    CHECK(duyTien[0].extent.minX == Approx(m(105.955, 20.605).x()).margin(0.5));
    CHECK(duyTien[0].extent.maxX == Approx(m(105.965, 20.615).x()).margin(0.5));
}

TEST_CASE("every facility's address finds that facility, wherever it is in the index",
          "[navigation]") {
    TempDir dir;
    ProjectFacts facts = twoProvinces(dir);
    REQUIRE(facts.factories.size() >= 3);
    // Addresses read from the facts: the first, one left empty, and the last.
    for (size_t i = 0; i < facts.factories.size(); ++i)
        facts.factories[i].address = "Xóm Đoài số " + std::to_string(100 + i);
    facts.factories[1].address.clear();
    const PlaceIndex index = placesOf(facts, {});

    for (size_t i = 0; i < facts.factories.size(); ++i) {
        const std::string query = "xom doai so " + std::to_string(100 + i);
        const auto hits = found(index, query.c_str());
        if (i == 1) {
            CHECK(hits.empty());
            continue;
        }
        REQUIRE(hits.size() == 1);
        CHECK(hits[0].kind == PlaceKind::Address);
        CHECK(hits[0].name == facts.factories[i].address);
        CHECK(hits[0].siteId == facts.factories[i].id);
    }
    // Without the filter's index, one is made: the same places are found.
    auto shared = std::make_shared<const ProjectFacts>(facts);
    const PlaceIndex own = buildPlaceIndex(shared, nullptr, {});
    CHECK(own.size() == index.size());
    CHECK(found(own, "xom doai so 100").size() == 1);
    // Every facility once by name (its folded text is the filter's).
    for (const Factory& f : facts.factories) {
        const auto hits = found(index, f.taxCode.empty() ? f.name.c_str() : f.taxCode.c_str());
        REQUIRE_FALSE(hits.empty());
        CHECK(hits[0].siteId == f.id);
    }
}
