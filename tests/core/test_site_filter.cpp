#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/filter/filter_json.h"
#include "core/filter/filter_match.h"
#include "core/filter/search_index.h"
#include "core/filter/site_filter.h"
#include "core/project/project_status.h"

using namespace safemap;

namespace {

using Ids = std::set<std::string>;

Zone zone(std::string id, ZoneKind kind, std::string name) {
    Zone z;
    z.id = std::move(id);
    z.kind = kind;
    z.name = std::move(name);
    return z;
}

Factory factory(std::string id, std::string tax, std::string name, std::string zoneId,
                std::string district, std::string province, std::optional<int> workers) {
    Factory f;
    f.id = std::move(id);
    f.taxCode = std::move(tax);
    f.name = std::move(name);
    f.zoneId = std::move(zoneId);
    f.district = std::move(district);
    f.province = std::move(province);
    f.workforce.total = workers;
    return f;
}

SiteStatus status(std::string id, std::optional<RiskLevel> level, int ageDays, bool suspend,
                  bool inspect) {
    SiteStatus s;
    s.siteId = std::move(id);
    s.level = level;
    if (level)
        s.assessedOn = Date{std::chrono::year(2021), std::chrono::month(6), std::chrono::day(1)};
    s.ageDays = level ? ageDays : -1;
    s.toSuspend = suspend;
    s.toInspect = inspect;
    return s;
}

// Five facilities, each chosen to sit on a different side of some dimension:
//   A  KCN z1, Duy Tiên, Hà Nam, 1200 workers, high, 3 days, to suspend
//   B  CCN z2, Kim Bảng, Hà Nam, 300 workers, low, 10 days, due for inspection
//   C  outside any zone, Phủ Lý, Hà Nam, workforce unknown, no status at all
//   D  KKT z3, Văn Lãng, Lạng Sơn, 50 workers, very high, 0 days, on both lists
//   E  KCN z1, Duy Tiên, Hà Nam, 100 workers, status without assessment, to suspend
struct SampleSites {
    std::vector<Zone> zones{zone("z1", ZoneKind::IndustrialZone, "KCN Đồng Văn II"),
                            zone("z2", ZoneKind::IndustrialCluster, "CCN Kim Bình"),
                            zone("z3", ZoneKind::EconomicZone, "KKT cửa khẩu Đồng Đăng")};
    std::vector<Factory> factories{
        factory("A", "0700123456", "Khu công nghiệp Đồng Văn II", "z1", "Duy Tiên", "Hà Nam", 1200),
        // "Hoà" with the accent on the a, the older placement, precomposed.
        factory("B", "9900112233", "Công ty Hoà Phát", "z2", "Kim Bảng", "Hà Nam", 300),
        // "Hòa" with the accent on the o, written with a combining grave (NFD).
        factory("C", "",
                "Cơ sở Ho\xCC\x80"
                "a Bình",
                "", "Phủ Lý", "Hà Nam", std::nullopt),
        factory("D", "0101999000", "Nhà máy Kính Lạng Sơn", "z3", "Văn Lãng", "Lạng Sơn", 50),
        factory("E", "", "Xưởng may Minh Anh", "z1", "Duy Tiên", "Hà Nam", 100),
    };
    std::vector<SiteStatus> statuses{
        status("A", RiskLevel::High, 3, true, false),
        status("B", RiskLevel::Low, 10, false, true),
        status("D", RiskLevel::VeryHigh, 0, true, true),
        status("E", std::nullopt, -1, true, false),
    };
    SearchIndex index = buildSearchIndex(factories);

    std::vector<FilterRow> rows(bool withKeys) const {
        const Zone* byId[] = {&zones[0], &zones[1], nullptr, &zones[2], &zones[0]};
        const SiteStatus* st[] = {&statuses[0], &statuses[1], nullptr, &statuses[2], &statuses[3]};
        std::vector<FilterRow> out;
        for (size_t i = 0; i < factories.size(); ++i)
            out.push_back({&factories[i], st[i], byId[i], withKeys ? &index.keys[i] : nullptr});
        return out;
    }

    // Matching ids; the folded-on-demand path and the index path must agree.
    Ids match(const SiteFilter& f) const {
        Ids indexed, unindexed;
        for (const auto& r : rows(true))
            if (matches(f, r))
                indexed.insert(r.factory->id);
        for (const auto& r : rows(false))
            if (matches(f, r))
                unindexed.insert(r.factory->id);
        CHECK(indexed == unindexed);
        return indexed;
    }
};

SiteFilter onlyLevels(std::initializer_list<std::optional<RiskLevel>> levels) {
    SiteFilter f;
    f.levels.reset();
    for (auto l : levels)
        f.setLevel(l, true);
    return f;
}

SiteFilter onlyTypes(std::initializer_list<SiteType> types) {
    SiteFilter f;
    f.types.reset();
    for (auto t : types)
        f.setType(t, true);
    return f;
}

SiteFilter query(std::string q) {
    SiteFilter f;
    f.query = std::move(q);
    return f;
}

}  // namespace

TEST_CASE("An empty filter matches every facility", "[filter]") {
    SampleSites p;
    SiteFilter f;
    CHECK(f.isEmpty());
    CHECK(p.match(f) == Ids{"A", "B", "C", "D", "E"});
    f.query = "   ";
    CHECK(f.isEmpty());
    f.setLevel(RiskLevel::Low, false);
    CHECK_FALSE(f.isEmpty());
    f.setLevel(RiskLevel::Low, true);
    CHECK(f.isEmpty());
}

TEST_CASE("Filter by risk level, 'no assessment' included", "[filter]") {
    SampleSites p;
    CHECK(p.match(onlyLevels({RiskLevel::High, RiskLevel::VeryHigh})) == Ids{"A", "D"});
    CHECK(p.match(onlyLevels({RiskLevel::Low})) == Ids{"B"});
    // C has no status at all, E a status without an assessment: both are "no assessment".
    CHECK(p.match(onlyLevels({std::nullopt})) == Ids{"C", "E"});
    CHECK(p.match(onlyLevels({std::nullopt, RiskLevel::VeryHigh})) == Ids{"C", "D", "E"});
    CHECK(p.match(onlyLevels({RiskLevel::Medium})).empty());
    // No box ticked shows nothing (not everything).
    CHECK(p.match(onlyLevels({})).empty());
    CHECK_FALSE(onlyLevels({}).isEmpty());
}

TEST_CASE("Filter by site type", "[filter]") {
    SampleSites p;
    CHECK(p.match(onlyTypes({SiteType::IndustrialZone})) == Ids{"A", "E"});
    CHECK(p.match(onlyTypes({SiteType::IndustrialCluster})) == Ids{"B"});
    CHECK(p.match(onlyTypes({SiteType::EconomicZone})) == Ids{"D"});
    CHECK(p.match(onlyTypes({SiteType::OutsideZone})) == Ids{"C"});
    CHECK(p.match(onlyTypes({SiteType::OutsideZone, SiteType::IndustrialCluster})) ==
          Ids{"B", "C"});
    CHECK(p.match(onlyTypes({})).empty());
}

TEST_CASE("Filter by zone, district and province", "[filter]") {
    SampleSites p;
    SiteFilter f;
    f.zoneIds = {"z1"};
    CHECK(p.match(f) == Ids{"A", "E"});
    f.zoneIds = {"z1", "z2"};
    CHECK(p.match(f) == Ids{"A", "B", "E"});
    f.zoneIds = {"no-such-zone"};
    CHECK(p.match(f).empty());

    SiteFilter d;
    d.districts = {"Kim Bảng"};
    CHECK(p.match(d) == Ids{"B"});
    // Districts compare with accents and case ignored (sources spell them differently).
    d.districts = {"duy tien", "PHỦ LÝ"};
    CHECK(p.match(d) == Ids{"A", "C", "E"});

    SiteFilter pr;
    pr.provinces = {"Lạng Sơn"};
    CHECK(p.match(pr) == Ids{"D"});
    pr.provinces = {"HÀ NAM"};
    CHECK(p.match(pr) == Ids{"A", "B", "C", "E"});
}

TEST_CASE("Filter by workforce range, bounds inclusive, unknown excluded", "[filter]") {
    SampleSites p;
    SiteFilter f;
    f.minWorkers = 100;
    f.maxWorkers = 1000;
    CHECK(p.match(f) == Ids{"B", "E"});
    f.maxWorkers.reset();
    CHECK(p.match(f) == Ids{"A", "B", "E"});
    f.minWorkers.reset();
    f.maxWorkers = 100;
    CHECK(p.match(f) == Ids{"D", "E"});
    f.maxWorkers = 49;
    CHECK(p.match(f).empty());
}

TEST_CASE("Filter by assessment age and 'never assessed'", "[filter]") {
    SampleSites p;
    SiteFilter f;
    f.maxAgeDays = 3;
    CHECK(p.match(f) == Ids{"A", "D"});
    f.neverAssessed = true;  // OR within the dimension
    CHECK(p.match(f) == Ids{"A", "C", "D", "E"});
    f.maxAgeDays.reset();
    CHECK(p.match(f) == Ids{"C", "E"});
    SiteFilter old;
    old.minAgeDays = 4;
    CHECK(p.match(old) == Ids{"B"});
    old.maxAgeDays = 9;
    CHECK(p.match(old).empty());
}

TEST_CASE("Filter by list membership", "[filter]") {
    SampleSites p;
    SiteFilter f;
    f.list = ListMembership::ToSuspend;
    CHECK(p.match(f) == Ids{"A", "D", "E"});
    f.list = ListMembership::ToInspect;
    CHECK(p.match(f) == Ids{"B", "D"});
    f.list = ListMembership::Either;
    CHECK(p.match(f) == Ids{"A", "B", "D", "E"});
}

TEST_CASE("Search ignores accents, case and extra spaces", "[filter][search]") {
    SampleSites p;
    CHECK(p.match(query("dong van")) == Ids{"A"});
    CHECK(p.match(query("ĐỒNG")) == Ids{"A"});
    CHECK(p.match(query("dong   van")) == Ids{"A"});
    CHECK(p.match(query("  Đồng Văn II ")) == Ids{"A"});
    CHECK(p.match(query("van dong")) == Ids{"A"});  // every word, in any order
    CHECK(p.match(query("dong xuan")).empty());
    CHECK(p.match(query("khu cong nghiep")) == Ids{"A"});
}

TEST_CASE("Search finds 'Hòa' and 'Hoà', precomposed or combining", "[filter][search]") {
    SampleSites p;
    // B is "Hoà" (precomposed à), C "Hòa" with a combining grave on the o.
    CHECK(p.match(query("Hoà")) == Ids{"B", "C"});
    CHECK(p.match(query("Hòa")) == Ids{"B", "C"});
    CHECK(p.match(query("Ho\xCC\x80"
                        "a")) == Ids{"B", "C"});
    CHECK(p.match(query("hoa")) == Ids{"B", "C"});
    CHECK(p.match(query("hoa binh")) == Ids{"C"});
}

TEST_CASE("Search by tax code, prefix or inside", "[filter][search]") {
    SampleSites p;
    // B's is 9900112233; D's 0101999000 holds 9900 from its sixth digit.
    CHECK(p.match(query("9900")) == Ids{"B", "D"});
    CHECK(p.match(query("99001")) == Ids{"B"});
    CHECK(p.match(query("0700123456")) == Ids{"A"});
    // Name and tax code words combine.
    CHECK(p.match(query("kinh 0101")) == Ids{"D"});
    CHECK(p.match(query("hoa 0101")).empty());
}

TEST_CASE("Dimensions combine with AND, choices within one with OR", "[filter]") {
    SampleSites p;
    SiteFilter f = onlyLevels({RiskLevel::High, RiskLevel::VeryHigh, std::nullopt});
    CHECK(p.match(f) == Ids{"A", "C", "D", "E"});
    f.types.reset();
    f.setType(SiteType::IndustrialZone, true);
    f.setType(SiteType::OutsideZone, true);
    CHECK(p.match(f) == Ids{"A", "C", "E"});
    f.list = ListMembership::ToSuspend;
    CHECK(p.match(f) == Ids{"A", "E"});
    f.minWorkers = 500;
    CHECK(p.match(f) == Ids{"A"});
    f.query = "minh anh";
    CHECK(p.match(f).empty());
}

TEST_CASE("matchingRows returns the indices of matching rows in order", "[filter]") {
    SampleSites p;
    const auto rows = p.rows(true);
    SiteFilter f;
    f.list = ListMembership::Either;
    CHECK(matchingRows(f, rows) == std::vector<size_t>{0, 1, 3, 4});
    CHECK(matchingRows(SiteFilter{}, rows).size() == 5);
}

TEST_CASE("makeFilterRows resolves statuses, zones and search keys", "[filter]") {
    SampleSites p;
    p.factories.push_back(factory("F", "", "Lost", "z-gone", "", "", std::nullopt));
    p.index = buildSearchIndex(p.factories);
    ProjectStatus ps;
    for (const auto& s : p.statuses)
        ps.sites.push_back(s);
    const auto rows = makeFilterRows(p.factories, p.zones, ps, &p.index);
    REQUIRE(rows.size() == 6);
    CHECK(rows[0].factory == &p.factories[0]);
    CHECK(rows[0].zone == &p.zones[0]);
    CHECK(rows[0].status->level == RiskLevel::High);
    CHECK(rows[1].zone == &p.zones[1]);
    CHECK(rows[2].zone == nullptr);
    CHECK(rows[2].status == nullptr);
    CHECK(rows[3].zone == &p.zones[2]);
    CHECK(rows[5].zone == nullptr);  // zone id not among the zones
    CHECK(rows[4].key == &p.index.keys[4]);
    CHECK(rows[0].key->text == "khu cong nghiep dong van ii 0700123456");
    CHECK(rows[0].key->district == "duy tien");
    // An index of another size is not used (keys left null, folded on demand).
    SearchIndex stale;
    for (const auto& r : makeFilterRows(p.factories, p.zones, ps, &stale))
        CHECK(r.key == nullptr);
}

TEST_CASE("District choices: distinct, sorted with accents ignored", "[filter]") {
    std::vector<Factory> fs;
    for (const char* d :
         {"Kim Bảng", "Duy Tiên", "duy tiên", "", "Bình Lục", "Ân Thi", "Đông Anh", "Ba Vì"})
        fs.push_back(factory("x", "", "x", "", d, "", std::nullopt));
    // a(n thi), ba vi, binh luc, dong anh (đ as d), duy tien, kim bang.
    CHECK(districtChoices(fs) == std::vector<std::string>{"Ân Thi", "Ba Vì", "Bình Lục", "Đông Anh",
                                                          "Duy Tiên", "Kim Bảng"});
}

TEST_CASE("describe() says what a filter keeps", "[filter]") {
    SampleSites p;
    CHECK(describe(SiteFilter{}).empty());
    SiteFilter f = onlyLevels({RiskLevel::High, RiskLevel::VeryHigh});
    f.types.reset();
    f.setType(SiteType::IndustrialZone, true);
    f.minWorkers = 100;
    f.maxWorkers = 500;
    f.query = "dong van";
    CHECK(describe(f) == "risk: high, very high · KCN · 100–500 workers · “dong van”");
    CHECK(describe(f, true) == "nguy cơ: cao, rất cao · KCN · 100–500 lao động · “dong van”");

    SiteFilter g;
    g.zoneIds = {"z1"};
    g.maxAgeDays = 7;
    g.neverAssessed = true;
    g.list = ListMembership::ToSuspend;
    CHECK(describe(g, false, p.zones) ==
          "zone: KCN Đồng Văn II · assessed ≤ 7 days ago or never · to suspend");
    CHECK(describe(g) == "zone: z1 · assessed ≤ 7 days ago or never · to suspend");
    SiteFilter n = onlyLevels({std::nullopt});
    n.neverAssessed = true;
    CHECK(describe(n) == "risk: no assessment · never assessed");
}

TEST_CASE("Filters survive a JSON round trip", "[filter][json]") {
    CHECK(siteFilterToJson(SiteFilter{}) == R"({"version":1})");
    auto empty = siteFilterFromJson(R"({"version":1})");
    REQUIRE(empty);
    CHECK(empty->isEmpty());

    SiteFilter f = onlyLevels({std::nullopt, RiskLevel::Medium});
    f.types.reset();
    f.setType(SiteType::EconomicZone, true);
    f.zoneIds = {"z1", "z3"};
    f.districts = {"Duy Tiên"};
    f.provinces = {"Hà Nam"};
    f.minWorkers = 10;
    f.maxAgeDays = 7;
    f.neverAssessed = true;
    f.list = ListMembership::Either;
    f.query = "Đồng \"Văn\"";
    auto back = siteFilterFromJson(siteFilterToJson(f));
    REQUIRE(back);
    CHECK(*back == f);
}

TEST_CASE("Saved filters are read from hand-written JSON", "[filter][json]") {
    auto f = siteFilterFromJson(
        R"({"version":1,"levels":["none","high"],"types":["CCN","outside"],)"
        R"("workers":{"max":500},"age_days":{"min":3},"list":"suspend","query":"hoà",)"
        R"("future_key":42})");
    REQUIRE(f);
    CHECK(f->hasLevel(std::nullopt));
    CHECK(f->hasLevel(RiskLevel::High));
    CHECK_FALSE(f->hasLevel(RiskLevel::VeryHigh));
    CHECK(f->levels.count() == 2);
    CHECK(f->hasType(SiteType::IndustrialCluster));
    CHECK(f->hasType(SiteType::OutsideZone));
    CHECK_FALSE(f->hasType(SiteType::IndustrialZone));
    CHECK_FALSE(f->minWorkers);
    CHECK(f->maxWorkers == 500);
    CHECK(f->minAgeDays == 3);
    CHECK_FALSE(f->neverAssessed);
    CHECK(f->list == ListMembership::ToSuspend);
    CHECK(f->query == "hoà");

    CHECK_FALSE(siteFilterFromJson("not json"));
    CHECK_FALSE(siteFilterFromJson("[]"));
    CHECK_FALSE(siteFilterFromJson(R"({"levels":["high"]})"));  // no version
    CHECK_FALSE(siteFilterFromJson(R"({"version":2})"));
    CHECK_FALSE(siteFilterFromJson(R"({"version":1,"levels":["severe"]})"));
    CHECK_FALSE(siteFilterFromJson(R"({"version":1,"types":["KCX"]})"));
    CHECK_FALSE(siteFilterFromJson(R"({"version":1,"workers":{"min":"ten"}})"));
    CHECK_FALSE(siteFilterFromJson(R"({"version":1,"list":"maybe"})"));
    CHECK_FALSE(siteFilterFromJson(R"({"version":1,"zones":"z1"})"));
    const auto err = siteFilterFromJson(R"({"version":1,"levels":["severe"]})");
    CHECK(err.error().message.find("severe") != std::string::npos);
}
