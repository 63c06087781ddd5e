#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <catch2/catch.hpp>

#include "app/gui/filter_panel.h"
#include "app_fixture.h"

using namespace safemap;

namespace {

Zone zone(std::string id, ZoneKind kind, std::string name) {
    Zone z;
    z.id = std::move(id);
    z.kind = kind;
    z.name = std::move(name);
    return z;
}

struct FilterFixture {
    QApplication& app = test::app();
    FilterPanel panel;
    QSignalSpy spy{&panel, &FilterPanel::filterChanged};
    FilterFixture() {
        panel.setChoices({zone("z1", ZoneKind::IndustrialZone, "KCN Đồng Văn II"),
                          zone("z2", ZoneKind::IndustrialCluster, "CCN Âu Cơ"),
                          zone("z3", ZoneKind::IndustrialZone, "KCN Bảo Minh"),
                          zone("z4", ZoneKind::EconomicZone, "KKT Đông Hà")},
                         {"Kim Bảng", "Duy Tiên", "Ân Thi", "Đông Anh", "Bình Lục"});
        panel.resize(320, 700);
        panel.show();
        REQUIRE(QTest::qWaitForWindowExposed(&panel));
    }
    template <class T>
    T* child(const char* name) {
        T* w = panel.findChild<T*>(QString::fromLatin1(name));
        REQUIRE(w);
        return w;
    }
    SiteFilter last() {
        REQUIRE(spy.count() > 0);
        return spy.last().at(0).value<SiteFilter>();
    }
};

// The items joined with "|", so a failure prints them.
std::string items(QComboBox* combo) {
    QStringList out;
    for (int i = 0; i < combo->count(); ++i)
        out << combo->itemText(i);
    return out.join('|').toStdString();
}

}  // namespace

TEST_CASE("Typing in the search box emits one filter once typing pauses", "[app][filter_panel]") {
    FilterFixture fx;
    QTest::keyClicks(fx.panel.searchBox(), "dong van");
    // Nothing yet: eight key presses, and the delay has not passed.
    CHECK(fx.spy.count() == 0);
    REQUIRE(fx.spy.wait(2000));
    QTest::qWait(FilterPanel::kSearchDelayMs * 2);
    CHECK(fx.spy.count() == 1);
    const SiteFilter f = fx.last();
    CHECK(f.query == "dong van");
    CHECK(f.levels.all());
    CHECK(fx.panel.filter().query == "dong van");

    // Clearing the box (its clear button does this) emits an empty filter.
    fx.panel.searchBox()->clear();
    REQUIRE(fx.spy.wait(2000));
    CHECK(fx.last().isEmpty());
}

TEST_CASE("Ticking a level box emits at once", "[app][filter_panel]") {
    FilterFixture fx;
    QCheckBox* high = fx.panel.levelBox(RiskLevel::High);
    REQUIRE(high->isChecked());
    QTest::mouseClick(high, Qt::LeftButton, Qt::NoModifier, QPoint(8, high->height() / 2));
    REQUIRE(fx.spy.count() == 1);
    SiteFilter f = fx.last();
    CHECK_FALSE(f.hasLevel(RiskLevel::High));
    CHECK(f.hasLevel(RiskLevel::VeryHigh));
    CHECK(f.hasLevel(std::nullopt));
    CHECK(f.levels.count() == 5);

    fx.panel.levelBox(std::nullopt)->click();
    f = fx.last();
    CHECK_FALSE(f.hasLevel(std::nullopt));
    CHECK(f.levels.count() == 4);

    fx.panel.typeBox(SiteType::OutsideZone)->click();
    f = fx.last();
    CHECK_FALSE(f.hasType(SiteType::OutsideZone));
    CHECK(f.hasType(SiteType::IndustrialZone));
    CHECK(fx.spy.count() == 3);
}

TEST_CASE("Zones and districts are listed with accents ignored", "[app][filter_panel]") {
    FilterFixture fx;
    // ccn au co, kcn bao minh, kcn dong van ii, kkt dong ha.
    CHECK(items(fx.child<QComboBox>("filterZone")) ==
          "All zones and clusters|CCN Âu Cơ|KCN Bảo Minh|KCN Đồng Văn II|KKT Đông Hà");
    CHECK(items(fx.child<QComboBox>("filterDistrict")) ==
          "All districts|Ân Thi|Bình Lục|Đông Anh|Duy Tiên|Kim Bảng");
}

TEST_CASE("Combos, spin boxes and the list choice set their dimensions", "[app][filter_panel]") {
    FilterFixture fx;
    fx.child<QComboBox>("filterZone")->setCurrentIndex(3);
    CHECK(fx.last().zoneIds == std::set<std::string>{"z1"});
    fx.child<QComboBox>("filterDistrict")->setCurrentIndex(4);
    CHECK(fx.last().districts == std::set<std::string>{"Duy Tiên"});
    fx.child<QSpinBox>("minWorkers")->setValue(100);
    CHECK(fx.last().minWorkers == 100);
    CHECK_FALSE(fx.last().maxWorkers);
    fx.child<QSpinBox>("maxAgeDays")->setValue(7);
    CHECK(fx.last().maxAgeDays == 7);
    fx.child<QCheckBox>("neverAssessed")->click();
    CHECK(fx.last().neverAssessed);
    fx.child<QComboBox>("filterList")->setCurrentIndex(3);
    const SiteFilter f = fx.last();
    CHECK(f.list == ListMembership::Either);
    // Earlier choices stay.
    CHECK(f.zoneIds == std::set<std::string>{"z1"});
    CHECK(f.minWorkers == 100);
    CHECK(fx.spy.count() == 6);

    fx.child<QComboBox>("filterZone")->setCurrentIndex(0);
    CHECK(fx.last().zoneIds.empty());
    fx.child<QSpinBox>("minWorkers")->setValue(0);  // "any"
    CHECK_FALSE(fx.last().minWorkers);
}

TEST_CASE("setFilter shows a filter without emitting and keeps what has no control",
          "[app][filter_panel]") {
    FilterFixture fx;
    SiteFilter f;
    f.levels.reset();
    f.setLevel(RiskLevel::Medium, true);
    f.setLevel(std::nullopt, true);
    f.setType(SiteType::EconomicZone, false);
    f.zoneIds = {"z1", "z3"};
    f.districts = {"duy tien"};  // matched to "Duy Tiên" with accents ignored
    f.provinces = {"Hà Nam"};
    f.maxWorkers = 500;
    f.maxAgeDays = 14;
    f.list = ListMembership::ToInspect;
    f.query = "Hoà";
    fx.panel.setFilter(f);
    QTest::qWait(FilterPanel::kSearchDelayMs * 2);
    CHECK(fx.spy.count() == 0);
    CHECK(fx.panel.filter() == f);
    CHECK(fx.panel.searchBox()->text().toStdString() == "Hoà");
    CHECK(fx.panel.levelBox(RiskLevel::Medium)->isChecked());
    CHECK_FALSE(fx.panel.levelBox(RiskLevel::High)->isChecked());
    CHECK_FALSE(fx.panel.typeBox(SiteType::EconomicZone)->isChecked());
    CHECK(fx.child<QComboBox>("filterZone")->currentText().toStdString() ==
          "KCN Đồng Văn II, KCN Bảo Minh");
    CHECK(fx.child<QComboBox>("filterDistrict")->currentText().toStdString() == "Duy Tiên");
    CHECK(fx.child<QSpinBox>("maxWorkers")->value() == 500);
    CHECK(fx.child<QSpinBox>("maxAgeDays")->value() == 14);
    CHECK(fx.child<QComboBox>("filterList")->currentIndex() == 2);

    // A change elsewhere keeps both zones and the province.
    fx.panel.levelBox(RiskLevel::High)->click();
    const SiteFilter g = fx.last();
    CHECK(g.zoneIds == std::set<std::string>{"z1", "z3"});
    CHECK(g.provinces == std::set<std::string>{"Hà Nam"});
    CHECK(g.query == "Hoà");
    CHECK(g.hasLevel(RiskLevel::High));

    fx.child<QPushButton>("filterReset")->click();
    CHECK(fx.last().isEmpty());
    CHECK(fx.panel.filter().isEmpty());
    CHECK(fx.panel.searchBox()->text().isEmpty());
    CHECK(fx.panel.levelBox(RiskLevel::High)->isChecked());
    CHECK(fx.child<QComboBox>("filterZone")->currentIndex() == 0);
}

TEST_CASE("Ctrl+F puts the cursor in the search box", "[app][filter_panel]") {
    FilterFixture fx;
    fx.panel.searchBox()->setText("old");
    fx.child<QComboBox>("filterList")->setFocus();
    fx.panel.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&fx.panel));
    REQUIRE_FALSE(fx.panel.searchBox()->hasFocus());
    QTest::keyClick(&fx.panel, Qt::Key_F, Qt::ControlModifier);
    CHECK(fx.panel.searchBox()->hasFocus());
    CHECK(fx.panel.searchBox()->selectedText().toStdString() == "old");
}

TEST_CASE("Provinces come from the facilities and narrow districts and zones",
          "[app][filter_panel]") {
    QApplication& app = test::app();
    (void)app;
    auto factory = [](std::string province, std::string district) {
        Factory f;
        f.province = std::move(province);
        f.district = std::move(district);
        return f;
    };
    Zone dongVan = zone("z1", ZoneKind::IndustrialZone, "KCN Đồng Văn II");
    dongVan.province = "Hà Nam";
    Zone thangLong = zone("z2", ZoneKind::IndustrialZone, "KCN Thăng Long");
    thangLong.province = "Hà Nội";
    Zone dongDang = zone("z3", ZoneKind::EconomicZone, "KKT Đồng Đăng – Lạng Sơn");
    dongDang.province = "Lạng Sơn";
    FilterPanel panel;
    QSignalSpy spy(&panel, &FilterPanel::filterChanged);
    panel.setSites({dongVan, thangLong, dongDang},
                   {factory("Hà Nội", "Đông Anh"), factory("Hà Nam", "Duy Tiên"),
                    factory("Lạng Sơn", "Cao Lộc"), factory("Hà Nội", "Ba Vì"),
                    factory("Hà Nam", "Kim Bảng"), factory("Hà Nội", "Đông Anh")});
    panel.show();
    auto* province = panel.findChild<QComboBox*>(QStringLiteral("filterProvince"));
    auto* district = panel.findChild<QComboBox*>(QStringLiteral("filterDistrict"));
    auto* zones = panel.findChild<QComboBox*>(QStringLiteral("filterZone"));
    REQUIRE(province);
    REQUIRE(district);
    REQUIRE(zones);
    // Sorted with accents ignored: ha nam < ha noi < lang son.
    CHECK(items(province) == "All provinces|Hà Nam|Hà Nội|Lạng Sơn");
    CHECK(items(district) == "All districts|Ba Vì|Cao Lộc|Đông Anh|Duy Tiên|Kim Bảng");
    CHECK(spy.count() == 0);

    // A district of Hà Nội first; then Hà Nam: the district goes, the combos narrow.
    district->setCurrentIndex(district->findText(QStringLiteral("Ba Vì")));
    REQUIRE(spy.count() == 1);
    province->setCurrentIndex(1);
    REQUIRE(spy.count() == 2);
    SiteFilter f = spy.last().at(0).value<SiteFilter>();
    CHECK(f.provinces == std::set<std::string>{"Hà Nam"});
    CHECK(f.districts.empty());
    CHECK(items(district) == "All districts|Duy Tiên|Kim Bảng");
    CHECK(items(zones) == "All zones and clusters|KCN Đồng Văn II");

    // Within the province, a district; back to all provinces keeps it and lists them all.
    district->setCurrentIndex(2);
    f = spy.last().at(0).value<SiteFilter>();
    CHECK(f.districts == std::set<std::string>{"Kim Bảng"});
    CHECK(f.provinces == std::set<std::string>{"Hà Nam"});
    province->setCurrentIndex(0);
    f = spy.last().at(0).value<SiteFilter>();
    CHECK(f.provinces.empty());
    CHECK(f.districts == std::set<std::string>{"Kim Bảng"});
    CHECK(items(district) == "All districts|Ba Vì|Cao Lộc|Đông Anh|Duy Tiên|Kim Bảng");
    CHECK(district->currentText() == QStringLiteral("Kim Bảng"));

    // A saved filter with a province is shown narrowed, without a signal.
    const int before = spy.count();
    SiteFilter saved;
    saved.provinces = {"lang son"};  // accents ignored
    panel.setFilter(saved);
    CHECK(spy.count() == before);
    CHECK(province->currentText() == QStringLiteral("Lạng Sơn"));
    CHECK(items(district) == "All districts|Cao Lộc");
    CHECK(panel.filter().provinces == std::set<std::string>{"lang son"});
}

TEST_CASE("The filter panel scrolls instead of growing past a short dock", "[app][filter_panel]") {
    FilterFixture fx;
    fx.panel.resize(300, 240);
    QTest::qWait(20);
    auto* scroll = fx.panel.findChild<QScrollArea*>();
    REQUIRE(scroll);
    CHECK(scroll->verticalScrollBar()->maximum() > 0);
    CHECK(fx.panel.minimumSizeHint().height() < 240);
}
