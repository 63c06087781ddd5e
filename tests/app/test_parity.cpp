// One project, one scenario: the window and `safemap render` draw the same pixels, and
// the window's lists are the command line's lists.
#include <QDateEdit>
#include <QImage>
#include <QSlider>
#include <QTest>
#include <catch2/catch.hpp>

#include "app/gui/action_table.h"
#include "app/gui/as_of_bar.h"
#include "app/gui/language.h"
#include "app/gui/legend_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/map_canvas.h"
#include "app/gui/project_session.h"
#include "cli_fixture.h"
#include "core/project/criteria_use.h"
#include "core/project/project_facts.h"
#include "core/project/project_settings.h"
#include "core/storage/database.h"
#include "sample_window.h"

using namespace safemap;
using namespace safemap::test;

namespace {

bool waitRendered(MapCanvas* canvas) {
    return QTest::qWaitFor([&] { return !canvas->isRendering() && !canvas->lastImage().isNull(); },
                           10000);
}

QStringList cliIds(const QString& project, const QStringList& options) {
    const CliRun r = runCli(QStringList{"list", project} + options);
    REQUIRE(r.exitCode == 0);
    QStringList ids;
    const QStringList lines = r.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    for (int i = 1; i < lines.size(); ++i)
        ids << lines[i].section(',', 3, 3);  // rank,priority,this_week,site_id,…
    return ids;
}

}  // namespace

TEST_CASE("the window and safemap render draw the same map of the same scenario", "[parity]") {
    TempDir dir;
    const QString project = QString::fromStdString(dir.file("sample.gpkg"));
    makeSampleProject(project);
    MainWindow w;
    w.resize(1200, 800);
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    REQUIRE(w.openProject(project, true));
    w.waitForIdle();
    // A saved style and filter that differ from the defaults, so that parity means something.
    MapStyleChoice style;
    style.zoneColouring = ZoneColouring::UnsafeShare;
    style.sizeByWorkforce = true;
    w.setStyleChoice(style);
    SiteFilter filter;
    filter.levels.reset();
    filter.setLevel(RiskLevel::High, true);
    filter.setLevel(RiskLevel::VeryHigh, true);
    filter.setLevel(std::nullopt, true);
    w.setFilter(filter);
    w.waitForIdle();
    w.saveViewState();
    // The view as saved (rounded to the centimetre), so both draw exactly the same extent.
    auto reopened = Project::open(project.toStdString(), Project::Access::ReadOnly);
    REQUIRE(reopened.ok());
    auto settings = loadProjectSettings(*reopened);
    REQUIRE(settings.ok());
    REQUIRE(settings->view.extent);
    CHECK(settings->style == style);
    w.canvas()->setExtent(*settings->view.extent);
    REQUIRE(waitRendered(w.canvas()));
    QTest::qWait(50);
    REQUIRE(waitRendered(w.canvas()));
    const QImage window = w.canvas()->lastImage().convertToFormat(QImage::Format_ARGB32);

    const QString png = QString::fromStdString(dir.file("cli.png"));
    const CliRun r = runCli({"render", project, "--out", png, "--size",
                             QStringLiteral("%1x%2").arg(window.width()).arg(window.height()),
                             "--language", currentLanguage()});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QImage cli = QImage(png).convertToFormat(QImage::Format_ARGB32);
    REQUIRE(cli.size() == window.size());
    long differing = 0;
    for (int y = 0; y < cli.height(); ++y)
        for (int x = 0; x < cli.width(); ++x)
            differing += cli.pixel(x, y) != window.pixel(x, y);
    CHECK(differing == 0);
    // The filter applied on both: not every facility is drawn.
    CHECK(r.out.contains(QStringLiteral("facilities shown")));
    CHECK_FALSE(r.out.contains(QStringLiteral("300 of 300")));
}

TEST_CASE("the window's lists are the command line's lists, as of any date", "[parity]") {
    SampleWindow sample("sample.gpkg");
    MainWindow& w = sample.w;
    const QString& project = sample.project;
    auto sortedIds = [](ActionTable* t) {
        QStringList ids = t->visibleSiteIds();
        ids.sort();
        return ids;
    };
    auto sorted = [](QStringList ids) {
        ids.sort();
        return ids;
    };
    CHECK(sortedIds(w.suspendTable()) == sorted(cliIds(project, {"--suspend"})));
    CHECK(sortedIds(w.inspectTable()) == sorted(cliIds(project, {"--inspect"})));
    // Today's lists came from each facility's newest scores; the slider's stops are still
    // every date of the whole history.
    REQUIRE(w.session().frame().facts);
    CHECK(w.session().frame().facts->history == ScoreHistory::Latest);
    {
        auto full = Project::open(project.toStdString(), Project::Access::ReadOnly);
        REQUIRE(full.ok());
        auto facts = loadProjectFacts(*full);
        REQUIRE(facts.ok());
        const std::vector<Date> expected = dataDates(*facts);
        REQUIRE(expected.size() > 2);
        REQUIRE(w.session().frame().dates);
        CHECK(*w.session().frame().dates == expected);
    }

    const QStringList legendNow = w.legendPanel()->lines();
    const auto geometryNow = w.session().frame().geometry;
    const auto factsNow = w.session().frame().facts;
    // Move the as-of date back with the slider, as a user would.
    AsOfBar* bar = w.asOfBar();
    REQUIRE(bar->isEnabled());
    // With data, the field shows the day the map stands at.
    CHECK(QDate::fromString(bar->dateEdit()->text(), QStringLiteral("dd/MM/yyyy")) ==
          QDate(2021, 6, 30));
    bar->slider()->setValue(bar->slider()->maximum() / 2);
    w.waitForIdle();
    const QString day =
        w.status().asOf == Date{} ? QString() : QString::fromStdString(formatDate(w.status().asOf));
    REQUIRE_FALSE(day.isEmpty());
    CHECK(day < QStringLiteral("2021-06-30"));
    CHECK(w.session().frame().facts->history == ScoreHistory::Full);
    // Only the scores were read again: the sites' map is the one drawn before, and what
    // searches the facilities reads them from the new facts, not the old ones.
    CHECK(w.session().frame().geometry == geometryNow);
    CHECK(w.session().frame().facts != factsNow);
    CHECK(w.session().frame().facts->factories == factsNow->factories);
    REQUIRE(w.session().frame().places);
    CHECK(w.session().frame().places->facts == w.session().frame().facts);
    const QStringList then = sorted(cliIds(project, {"--suspend", "--as-of", day}));
    CHECK(sortedIds(w.suspendTable()) == then);
    CHECK(sortedIds(w.inspectTable()) == sorted(cliIds(project, {"--inspect", "--as-of", day})));
    CHECK(then != sorted(cliIds(project, {"--suspend"})));
    // The legend counts follow the date too.
    CHECK(w.legendPanel()->lines() != legendNow);

    // Back to the latest data.
    bar->choose(std::nullopt);
    w.waitForIdle();
    CHECK(sortedIds(w.suspendTable()) == sorted(cliIds(project, {"--suspend"})));
}

TEST_CASE(
    "moving the date back after another client changed the project shows its sites as they are",
    "[parity]") {
    SampleWindow sample("sample.gpkg");
    MainWindow& w = sample.w;
    REQUIRE(w.session().frame().facts->history == ScoreHistory::Latest);
    const std::string renamed = "Công ty Đổi Tên (dữ liệu mẫu)";
    std::string siteId;
    {
        // Another client: a new version of the active set, and a facility renamed.
        auto other = Project::open(sample.project.toStdString());
        REQUIRE(other.ok());
        auto active = other->repository().activeCriteria();
        REQUIRE(active.ok());
        REQUIRE(active->has_value());
        auto set = storedCriteriaSet(other->repository(), **active);
        REQUIRE(set.ok());
        CriteriaSet next = **set;
        next.version += 1;
        REQUIRE(activateCriteriaSet(*other, next).ok());
        siteId = w.session().frame().facts->factories.front().id;
        auto db = Database::open(sample.project.toStdString(), OpenMode::Create);
        REQUIRE(db.ok());
        REQUIRE(db->exec("UPDATE factories SET name = '" + renamed + "' WHERE site_id = '" +
                         siteId + "'")
                    .ok());
    }
    AsOfBar* bar = w.asOfBar();
    REQUIRE(bar->isEnabled());
    bar->slider()->setValue(bar->slider()->maximum() / 2);
    w.waitForIdle();
    const SessionFrame& frame = w.session().frame();
    REQUIRE(frame.facts);
    CHECK(frame.facts->history == ScoreHistory::Full);
    const Factory* f = nullptr;
    for (const Factory& x : frame.facts->factories)
        if (x.id == siteId)
            f = &x;
    REQUIRE(f);
    CHECK(f->name == renamed);
    // The map's names are the facts' names, not the ones read before.
    REQUIRE(frame.geometry);
    const auto& labels = frame.geometry->factories->labels;
    CHECK(std::find(labels.begin(), labels.end(), renamed) != labels.end());
    const QString day = QString::fromStdString(formatDate(w.status().asOf));
    QStringList shown = w.suspendTable()->visibleSiteIds();
    QStringList expected = cliIds(sample.project, {"--suspend", "--as-of", day});
    shown.sort();
    expected.sort();
    CHECK(shown == expected);
}
