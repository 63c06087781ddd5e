#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTreeWidget>
#include <catch2/catch.hpp>

#include "app/gui/cordon_dialog.h"
#include "app_fixture.h"

using namespace safemap;

namespace {

// Near 21.03° N one degree of latitude is 110.7 km and one of longitude 103.9 km (WGS 84
// radii of curvature); the distances below are far enough from 1 km and 2 km for that
// rounding not to matter.
constexpr double kMetresPerDegreeLat = 110700;
constexpr double kMetresPerDegreeLon = 103900;
const GeoPoint kCase{105.85, 21.03};

Factory factory(std::string id, std::string name, double east, double north,
                std::optional<int> workers, std::string zoneId = {}) {
    Factory f;
    f.id = std::move(id);
    f.name = std::move(name);
    f.location = {kCase.lon + east / kMetresPerDegreeLon, kCase.lat + north / kMetresPerDegreeLat};
    f.workforce.total = workers;
    f.zoneId = std::move(zoneId);
    return f;
}

std::vector<Factory> factories() {
    return {
        factory("F1", "Công ty Sự cố", 0, 0, 3000, "Z1"),
        factory("F2", "Đông Anh", 0, 500, 1000, "Z1"),
        factory("F3", "Ánh Dương", 800, 0, std::nullopt, "Z1"),
        factory("F4", "An Phát", 0, -900, 250),
        factory("F5", "Dệt May", -1500, 0, 40),
        factory("F6", "Zeta", 3000, 3000, 7),
    };
}

// A square zone 1.7 km across (±850 m) around the case: F1, F2 and F3 are in it, F4 (900 m
// south) is not.
std::vector<Zone> zones() {
    Zone z;
    z.id = "Z1";
    z.name = "KCN Thử";
    const double dx = 850 / kMetresPerDegreeLon, dy = 850 / kMetresPerDegreeLat;
    z.area = {Polygon{{Ring{{kCase.lon - dx, kCase.lat - dy},
                            {kCase.lon + dx, kCase.lat - dy},
                            {kCase.lon + dx, kCase.lat + dy},
                            {kCase.lon - dx, kCase.lat + dy},
                            {kCase.lon - dx, kCase.lat - dy}}}}};
    return {z};
}

struct CordonFixture {
    QApplication& app = test::app();  // before any widget
    QLocale previousLocale;           // numbers below are checked in US English
    CordonDialog dialog;
    QSpinBox* radius = nullptr;
    QCheckBox* wholeZone = nullptr;
    QPushButton* compute = nullptr;
    QPushButton* clear = nullptr;
    QTreeWidget* list = nullptr;

    CordonFixture() {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        dialog.setSites(factories(), zones());
        radius = dialog.findChild<QSpinBox*>("radiusSpin");
        wholeZone = dialog.findChild<QCheckBox*>("wholeZoneCheck");
        compute = dialog.findChild<QPushButton*>("computeButton");
        clear = dialog.findChild<QPushButton*>("clearButton");
        list = dialog.findChild<QTreeWidget*>("facilityList");
        REQUIRE(radius);
        REQUIRE(wholeZone);
        REQUIRE(compute);
        REQUIRE(clear);
        REQUIRE(list);
        dialog.show();
        REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    }
    ~CordonFixture() { QLocale::setDefault(previousLocale); }

    void typeRadius(const QString& metres) {
        radius->setFocus();
        radius->selectAll();
        QTest::keyClicks(radius, metres);
        QTest::keyClick(radius, Qt::Key_Tab);
    }
};

Cordon cordonOf(const QSignalSpy& spy, int i) {
    return spy.at(i).at(0).value<Cordon>();
}

}  // namespace

TEST_CASE("Cordon dialog: defaults and no case site", "[cordon][dialog]") {
    CordonFixture f;
    CHECK(f.radius->value() == 1000);
    CHECK(f.radius->minimum() == 50);
    CHECK(f.radius->maximum() == 20000);
    CHECK_FALSE(f.wholeZone->isChecked());
    CHECK_FALSE(f.compute->isEnabled());  // nothing selected yet
    CHECK_FALSE(f.dialog.isModal());
}

TEST_CASE("Cordon dialog: compute around the case, list sorted ignoring accents",
          "[cordon][dialog]") {
    CordonFixture f;
    QSignalSpy computed(&f.dialog, &CordonDialog::cordonComputed);
    f.dialog.setCaseSite("F1", "Công ty Sự cố");
    REQUIRE(f.compute->isEnabled());

    QTest::mouseClick(f.compute, Qt::LeftButton);
    REQUIRE(computed.count() == 1);
    // 1000 m: the case, 500 m north, 800 m east and 900 m south; not 1500 m west.
    const Cordon first = cordonOf(computed, 0);
    CHECK(first.facilityIds.size() == 4);
    CHECK(first.request.radiusMetres == 1000);
    CHECK(first.knownWorkers == 3000 + 1000 + 250);
    CHECK(first.unknownWorkforce == 1);
    CHECK(f.dialog.resultText().startsWith("4 facilities, 4,250 workers inside, 3.1"));
    CHECK(f.dialog.resultText().contains("unknown for 1"));
    // Folded: "an phat" < "anh duong" < "cong ty su co" < "dong anh". Sorting by bytes
    // would put "Ánh" and "Đông" after every plain letter.
    CHECK(f.dialog.facilityRows() == QStringList{"An Phát\t250", "Ánh Dương\tunknown",
                                                 "Công ty Sự cố\t3,000", "Đông Anh\t1,000"});

    f.typeRadius("2000");
    REQUIRE(f.radius->value() == 2000);
    QTest::mouseClick(f.compute, Qt::LeftButton);
    REQUIRE(computed.count() == 2);
    const Cordon second = cordonOf(computed, 1);
    CHECK(second.facilityIds.size() == 5);  // now 1500 m west as well
    CHECK(std::count(second.facilityIds.begin(), second.facilityIds.end(), "F5") == 1);
    CHECK(f.dialog.cordon() == second);
}

TEST_CASE("Cordon dialog: whole zone, then clear", "[cordon][dialog]") {
    CordonFixture f;
    QSignalSpy computed(&f.dialog, &CordonDialog::cordonComputed);
    QSignalSpy cleared(&f.dialog, &CordonDialog::cordonCleared);
    f.dialog.setCaseSite("F1", "Công ty Sự cố");
    f.typeRadius("1500");

    QTest::mouseClick(f.wholeZone, Qt::LeftButton);
    REQUIRE(f.wholeZone->isChecked());
    CHECK(f.radius->value() == 0);  // the zone itself, no margin
    QTest::mouseClick(f.compute, Qt::LeftButton);
    REQUIRE(computed.count() == 1);
    const Cordon zone = cordonOf(computed, 0);
    CHECK(zone.request.wholeZone);
    CHECK(zone.zoneId == "Z1");
    CHECK(zone.facilityIds == std::vector<std::string>{"F1", "F2", "F3"});
    CHECK(f.list->topLevelItemCount() == 3);

    QTest::mouseClick(f.clear, Qt::LeftButton);
    CHECK(cleared.count() == 1);
    CHECK(f.list->topLevelItemCount() == 0);
    CHECK_FALSE(f.dialog.cordon().has_value());
    CHECK(f.dialog.resultText().isEmpty());

    QTest::mouseClick(f.wholeZone, Qt::LeftButton);
    CHECK(f.radius->value() == 1500);  // the radius comes back
}

TEST_CASE("Cordon dialog: an error shows and clears the cordon shown", "[cordon][dialog]") {
    CordonFixture f;
    QSignalSpy computed(&f.dialog, &CordonDialog::cordonComputed);
    QSignalSpy cleared(&f.dialog, &CordonDialog::cordonCleared);
    f.dialog.setCaseSite("F1", "Công ty Sự cố");
    QTest::mouseClick(f.compute, Qt::LeftButton);
    REQUIRE(computed.count() == 1);

    f.dialog.setCaseSite("F4", "An Phát");  // outside any zone
    QTest::mouseClick(f.wholeZone, Qt::LeftButton);
    QTest::mouseClick(f.compute, Qt::LeftButton);
    CHECK(computed.count() == 1);
    CHECK(cleared.count() == 1);
    CHECK(f.dialog.resultText().contains("not in any zone"));
    CHECK(f.list->topLevelItemCount() == 0);

    f.dialog.setCaseSite("nobody", "?");
    QTest::mouseClick(f.wholeZone, Qt::LeftButton);
    QTest::mouseClick(f.compute, Qt::LeftButton);
    CHECK(computed.count() == 1);
    CHECK(f.dialog.resultText().contains("unknown site id"));
}
