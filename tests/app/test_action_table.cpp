#include <QDir>
#include <QFile>
#include <QFont>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <catch2/catch.hpp>
#include <tuple>

#include "app/gui/action_table.h"
#include "app/gui/identify_panel.h"
#include "app/gui/language.h"
#include "app_fixture.h"
#include "core/project/export_heading.h"
#include "core/project/project_status.h"
#include "test_support.h"

using namespace safemap;

namespace {

Date ymd(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
}

// Sets the default locale for one test and puts the old one back.
struct LocaleGuard {
    QLocale saved;
    explicit LocaleGuard(const QLocale& l) { QLocale::setDefault(l); }
    ~LocaleGuard() { QLocale::setDefault(saved); }
};

ListRow row(std::string id, std::string name, std::string tax, std::string zone,
            std::string district, std::optional<int> workers, std::optional<RiskLevel> level,
            double percent, std::optional<Date> on, std::vector<Reason> reasons, double priority,
            int rank) {
    ListRow r;
    r.priority.level = priority;  // the total is all one would see
    r.rank = rank;
    r.siteId = std::move(id);
    r.name = std::move(name);
    r.taxCode = std::move(tax);
    r.zone = std::move(zone);
    r.district = std::move(district);
    r.workers = workers;
    r.level = level;
    r.percent = percent;
    r.assessedOn = on;
    r.reasons = std::move(reasons);
    return r;
}

// r2 has the most workers, the worst level and a name with a comma and quotes; r3 has no
// workforce, level or date; names start with Á, B, C and Z so that only an accent-blind
// sort puts "Ánh Dương" first.
Reason unsafe(RiskLevel level, double percent, Date on) {
    Reason r;
    r.code = ReasonCode::UnsafeLevel;
    r.level = level;
    r.percent = percent;
    r.date = on;
    return r;
}

Reason counted(ReasonCode code, int count, int limit) {
    Reason r;
    r.code = code;
    r.count = count;
    r.limit = limit;
    return r;
}

std::vector<ListRow> sampleRows() {
    Reason none;
    none.code = ReasonCode::NoAssessment;
    none.date = ymd(2021, 5, 1);
    Reason rising;
    rising.code = ReasonCode::RiskRising;
    rising.previousPercent = 12;
    rising.percent = 20;
    return {
        row("r1", "Công ty Đồng Văn", "0700000001", "KCN Đồng Văn II", "Duy Tiên", 1200,
            RiskLevel::High, 62, ymd(2021, 6, 10), {unsafe(RiskLevel::High, 62, ymd(2021, 6, 10))},
            61.5, 2),
        row("r2", "Ánh Dương, \"Sunrise\" Co.", "", "", "Kim Bảng", 15000, RiskLevel::VeryHigh, 85,
            ymd(2021, 6, 1),
            {unsafe(RiskLevel::VeryHigh, 85, ymd(2021, 6, 1)),
             counted(ReasonCode::AssessmentOverdue, 9, 7)},
            92.25, 1),
        row("r3", "Bảo Minh", "0101", "KCN Bảo Minh", "Vụ Bản", std::nullopt, std::nullopt, 0,
            std::nullopt, {none}, 40, 4),
        row("r4", "Zeta", "0202", "CCN Kim Bình", "Kim Bảng", 300, RiskLevel::Low, 20,
            ymd(2021, 6, 12), {rising}, 40, 3),
    };
}

struct Fixture {
    QApplication& app = test::app();
    LocaleGuard locale{QLocale(QLocale::English, QLocale::UnitedStates)};
    ActionTable table{ActionList::ToSuspend};
    Fixture() {
        table.resize(900, 300);
        table.setRows(sampleRows());
        table.show();
        REQUIRE(QTest::qWaitForWindowExposed(&table));
    }
    void sort(int column, Qt::SortOrder order) { table.view()->sortByColumn(column, order); }
    std::string cell(int row, int column) const {
        return table.view()->model()->index(row, column).data().toString().toStdString();
    }
    std::string order() const { return table.visibleSiteIds().join(',').toStdString(); }
};

QByteArray readAll(const QString& path) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

}  // namespace

TEST_CASE("Action table shows the rows, highest priority first, with a count",
          "[app][action_table]") {
    Fixture fx;
    CHECK(fx.table.rowCount() == 4);
    CHECK(fx.table.countLabel()->text().toStdString() == "4 facilities");
    CHECK(fx.order() == "r2,r1,r4,r3");
    CHECK(fx.cell(0, ActionTable::Priority) == "92.3");
    CHECK(fx.cell(2, ActionTable::Priority) == "40.0");
    const QModelIndex top = fx.table.view()->model()->index(0, ActionTable::Priority);
    CHECK_THAT(top.data(Qt::ToolTipRole).toString().toStdString(),
               Catch::Contains("place 1 on the list") && Catch::Contains("level 92.3"));
    // The priority column sorts as numbers, both ways, and the default is the list's order
    // (r4 and r3 tie on priority: their places on the list decide).
    fx.sort(ActionTable::Priority, Qt::AscendingOrder);
    CHECK(fx.order() == "r3,r4,r1,r2");
    fx.sort(ActionTable::Priority, Qt::DescendingOrder);
    CHECK(fx.order() == "r2,r1,r4,r3");
    CHECK(fx.cell(0, ActionTable::Level) == "very high risk (85.0 %)");
    CHECK(fx.cell(0, ActionTable::ZoneName) == "outside any zone");
    CHECK(fx.cell(0, ActionTable::Workers) == "15,000");
    CHECK(fx.cell(0, ActionTable::Reasons) ==
          "latest assessment 2021-06-01: very high risk (85.0 %); no assessment for 9 days "
          "(limit 7)");
    CHECK(fx.cell(3, ActionTable::Level) == "no assessment");
    const QModelIndex level = fx.table.view()->model()->index(1, ActionTable::Level);
    CHECK(level.data(Qt::BackgroundRole).value<QColor>() == riskLevelColour(RiskLevel::High));
    fx.table.setRows({sampleRows()[0]});
    CHECK(fx.table.countLabel()->text().toStdString() == "1 facility");
}

TEST_CASE("Action table sorts workers and dates as numbers, names without accents",
          "[app][action_table]") {
    Fixture fx;
    fx.sort(ActionTable::Workers, Qt::DescendingOrder);
    CHECK(fx.order() == "r2,r1,r4,r3");
    CHECK(fx.cell(0, ActionTable::Workers) == "15,000");
    fx.sort(ActionTable::Workers, Qt::AscendingOrder);
    // As text "1,200" < "15,000" < "300"; as numbers 300 < 1,200 < 15,000 (unknown first).
    CHECK(fx.order() == "r3,r4,r1,r2");
    fx.sort(ActionTable::Name, Qt::AscendingOrder);
    // Á sorts as A; by code point it would come after Z.
    CHECK(fx.order() == "r2,r3,r1,r4");
    fx.sort(ActionTable::AssessedOn, Qt::AscendingOrder);
    CHECK(fx.order() == "r3,r2,r1,r4");
    fx.sort(ActionTable::AssessedOn, Qt::DescendingOrder);
    CHECK(fx.order() == "r4,r1,r2,r3");
}

TEST_CASE("Clicking a row emits its site id; selectSite selects quietly", "[app][action_table]") {
    Fixture fx;
    QSignalSpy spy(&fx.table, &ActionTable::siteActivated);
    QTableView* view = fx.table.view();
    // Row 2 in the default order (priority, highest first) is r4.
    const QRect cell = view->visualRect(view->model()->index(2, ActionTable::Name));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, cell.center());
    REQUIRE(spy.count() == 1);
    CHECK(spy.takeFirst().at(0).toString().toStdString() == "r4");
    CHECK(fx.table.selectedSiteId().toStdString() == "r4");

    CHECK(fx.table.selectSite("r3"));
    CHECK(fx.table.selectedSiteId().toStdString() == "r3");
    CHECK(view->currentIndex().row() == 3);
    CHECK(spy.count() == 0);

    // Keeps the selected site across new rows and a new order, still quietly.
    fx.sort(ActionTable::Name, Qt::AscendingOrder);
    fx.table.setRows(sampleRows());
    CHECK(fx.table.selectedSiteId().toStdString() == "r3");
    CHECK(view->selectionModel()->selectedRows().at(0).row() == 1);
    CHECK(spy.count() == 0);

    CHECK_FALSE(fx.table.selectSite("missing"));
    CHECK(fx.table.selectedSiteId().isEmpty());
    CHECK(spy.count() == 0);

    // Keyboard moves are selections too.
    fx.table.selectSite("r2");  // row 0 by name
    QTest::keyClick(view, Qt::Key_Down);
    REQUIRE(spy.count() == 1);
    CHECK(spy.takeFirst().at(0).toString().toStdString() == "r3");
}

TEST_CASE("Reasons follow the UI language", "[app][action_table]") {
    Fixture fx;
    CHECK(fx.cell(1, ActionTable::Reasons) == "latest assessment 2021-06-10: high risk (62.0 %)");
    LocaleGuard vi(QLocale(QLocale::Vietnamese, QLocale::Vietnam));
    CHECK(fx.cell(1, ActionTable::Reasons) == "đánh giá gần nhất 10/06/2021: nguy cơ cao (62,0 %)");
    CHECK(fx.cell(0, ActionTable::Reasons) ==
          "đánh giá gần nhất 01/06/2021: nguy cơ rất cao (85,0 %); không cập nhật đánh giá 9 ngày "
          "(quá 7 ngày)");
}

TEST_CASE("Export writes the shown rows in the shown order, in the one list CSV form",
          "[app][action_table]") {
    Fixture fx;
    TempDir dir;
    fx.sort(ActionTable::Workers, Qt::DescendingOrder);
    const QString path = QString::fromStdString(dir.file("list.csv"));
    REQUIRE(fx.table.exportCsv(path).ok());
    // The same columns and text as `safemap list --out`: ids, codes and both languages.
    std::vector<ListRow> shown;
    for (const QString& id : fx.table.visibleSiteIds())
        for (const auto& r : sampleRows())
            if (r.siteId == id.toStdString())
                shown.push_back(r);
    REQUIRE(shown.size() == 4);
    CHECK(shown[0].siteId == "r2");  // 15,000 workers first
    // The heading block (title, as of, criteria set, filter, …), an empty row, then the same
    // table as `safemap list`.
    const std::string file = readAll(path).toStdString();
    CHECK(file.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(file.find(listTitle(fx.table.list(), currentLanguage() == QLatin1String("vi"))) == 3);
    const std::size_t blank = file.find("\r\n\r\n");
    REQUIRE(blank != std::string::npos);
    const std::string table = file.substr(blank + 4);
    CHECK(table == listRowsToCsv(shown, false));
    CHECK(table.rfind("rank,priority,this_week,site_id,tax_code,name,zone,district,"
                      "workers,level,percent,assessed_on,reason_codes,reasons,"
                      "reasons_en,reason_indices\r\n"
                      "1,92.3,no,r2,,\"Ánh Dương, \"\"Sunrise\"\" Co.\",,Kim Bảng,"
                      "15000,very_high,85.0,2021-06-01,unsafe_level; "
                      "assessment_overdue,",
                      0) == 0);
    // Written through a temporary file: nothing else is left in the folder.
    CHECK(QDir(QString::fromStdString(dir.path().string())).entryList(QDir::Files) ==
          QStringList{"list.csv"});

    // A new order replaces the old file.
    fx.sort(ActionTable::Name, Qt::AscendingOrder);
    REQUIRE(fx.table.exportCsv(path).ok());
    CHECK(readAll(path).contains(",no,r2,"));
    CHECK(readAll(path).indexOf(",no,r3,") < readAll(path).indexOf(",no,r1,"));  // Bảo < Công

    const Status bad = fx.table.exportCsv(QString::fromStdString(dir.file("no/such/dir.csv")));
    CHECK_FALSE(bad.ok());
    CHECK(bad.error().file.find("no/such/dir.csv") != std::string::npos);
}

TEST_CASE("listRows takes the facilities on one list, in the list's order, filtered",
          "[app][action_table]") {
    ProjectFacts facts;
    Zone z;
    z.id = "z1";
    z.name = "KCN Đồng Văn II";
    facts.zones = {z};
    auto factory = [](std::string id, std::string name, std::string zoneId, int workers) {
        Factory f;
        f.id = std::move(id);
        f.name = std::move(name);
        f.taxCode = f.id;
        f.zoneId = std::move(zoneId);
        f.district = "Duy Tiên";
        f.workforce.total = workers;
        return f;
    };
    facts.factories = {factory("a", "Zeta", "z1", 100), factory("b", "Ánh Dương", "", 2000),
                       factory("c", "Bảo Minh", "z1", 50), factory("d", "Cẩm Phú", "z1", 70)};
    ProjectStatus ps;
    ps.sites.resize(facts.factories.size());
    auto put = [&](std::uint32_t at, std::string id, bool suspend, bool inspect,
                   std::optional<RiskLevel> level) {
        SiteStatus& s = ps.sites[at];
        s.siteId = id;
        s.level = level;
        s.percent = level ? 55 : 0;
        if (level)
            s.assessedOn = ymd(2021, 6, 3);
        s.toSuspend = suspend;
        s.toInspect = inspect;
        if (suspend) {
            s.suspendReasons = {
                counted(ReasonCode::AssessmentOverdue, static_cast<int>(at) + 8, 7)};
            ps.suspendOrder.push_back(at);
        }
        if (inspect) {
            s.inspectReasons = {
                counted(ReasonCode::LargeWorkforce, 1000 + static_cast<int>(at), 999)};
            ps.inspectOrder.push_back(at);
        }
    };
    put(1, "b", true, true, RiskLevel::VeryHigh);
    put(0, "a", true, false, RiskLevel::High);
    put(2, "c", false, true, std::nullopt);
    // d has no status: on no list.

    const auto suspend = listRows(ActionList::ToSuspend, facts, ps);
    REQUIRE(suspend.size() == 2);
    CHECK(suspend[0].siteId == "b");
    CHECK(suspend[0].zone.empty());
    CHECK(suspend[0].workers == 2000);
    CHECK(suspend[0].level == RiskLevel::VeryHigh);
    CHECK(suspend[0].reasonsIn(false) == "no assessment for 9 days (limit 7)");
    CHECK(suspend[1].siteId == "a");
    CHECK(suspend[1].zone == "KCN Đồng Văn II");
    CHECK(suspend[1].assessedOn == ymd(2021, 6, 3));

    const auto inspect = listRows(ActionList::ToInspect, facts, ps);
    REQUIRE(inspect.size() == 2);
    CHECK(inspect[0].siteId == "b");
    CHECK(inspect[1].siteId == "c");
    CHECK(inspect[1].reasonsIn(false) == "1,002 workers (over 999)");

    SiteFilter inZone;
    inZone.zoneIds = {"z1"};
    const auto filtered = listRows(ActionList::ToInspect, facts, ps, inZone);
    REQUIRE(filtered.size() == 1);
    CHECK(filtered[0].siteId == "c");
}

TEST_CASE("the inspection table marks this week's inspections and keeps the list's order",
          "[app][action_table]") {
    QApplication& app = test::app();
    (void)app;
    LocaleGuard locale{QLocale(QLocale::English, QLocale::UnitedStates)};
    // Names in the opposite order to the priorities, so a name sort would show.
    std::vector<ListRow> rows;
    for (auto [id, name, priority, rank, top] :
         {std::tuple{"a", "Zeta", 70.0, 1, true}, std::tuple{"b", "Yên", 55.0, 2, true},
          std::tuple{"c", "Ánh", 40.0, 3, false}}) {
        ListRow r = row(id, name, "", "", "", std::nullopt, std::nullopt, 0, std::nullopt,
                        {counted(ReasonCode::NeverInspected, 0, 0)}, priority, rank);
        r.thisWeek = top;
        rows.push_back(r);
    }
    ActionTable table(ActionList::ToInspect);
    table.setRows(rows);
    CHECK(table.visibleSiteIds().join(',').toStdString() == "a,b,c");
    auto* model = table.view()->model();
    CHECK(model->index(0, ActionTable::Priority).data(Qt::FontRole).value<QFont>().bold());
    CHECK_FALSE(model->index(2, ActionTable::Priority).data(Qt::FontRole).isValid());
    CHECK(model->index(1, ActionTable::Priority).data(Qt::BackgroundRole).isValid());
    CHECK_THAT(
        model->index(0, ActionTable::Priority).data(Qt::ToolTipRole).toString().toStdString(),
        Catch::Contains("this week's inspection capacity"));
}
