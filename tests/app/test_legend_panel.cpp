// The legend: counts from the project status (this week's inspections among them), and a
// panel that scrolls in a short dock (a 1280 × 720 screen).
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QTest>
#include <catch2/catch.hpp>

#include "app/gui/legend_panel.h"
#include "app_fixture.h"

using namespace safemap;

TEST_CASE("The legend counts levels, lists and this week's inspections", "[app][legend]") {
    QApplication& app = test::app();
    (void)app;
    ProjectStatus status;
    auto put = [&](const char* id, std::optional<RiskLevel> level, bool suspend, bool inspect,
                   bool top) {
        SiteStatus s;
        s.siteId = id;
        s.level = level;
        s.toSuspend = suspend;
        s.toInspect = inspect;
        s.inspectTop = top;
        status.sites.push_back(s);
    };
    put("a", RiskLevel::High, true, true, true);
    put("b", RiskLevel::Low, false, true, true);
    put("c", RiskLevel::Low, false, true, false);
    put("d", std::nullopt, true, false, false);
    LegendPanel legend;
    legend.setStatus(status);
    const QStringList lines = legend.lines();
    CHECK(lines.contains(QStringLiteral("high risk: 1")));
    CHECK(lines.contains(QStringLiteral("low risk: 2")));
    CHECK(lines.contains(QStringLiteral("no assessment: 1")));
    bool found = false;
    for (const QLabel* label : legend.findChildren<QLabel*>())
        if (label->text().contains(QStringLiteral("2 to suspend, 3 due for inspection, of which "
                                                  "the first 2 (by priority) are this week's")))
            found = true;
    CHECK(found);
}

TEST_CASE("The legend scrolls instead of growing past a short dock", "[app][legend]") {
    QApplication& app = test::app();
    (void)app;
    LegendPanel legend;
    legend.resize(280, 220);
    legend.show();
    REQUIRE(QTest::qWaitForWindowExposed(&legend));
    auto* scroll = legend.findChild<QScrollArea*>(QStringLiteral("legendScroll"));
    REQUIRE(scroll);
    CHECK(scroll->verticalScrollBar()->maximum() > 0);
    CHECK(legend.minimumSizeHint().height() < 220);
}
