#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <catch2/catch.hpp>

#include "app/gui/action_rows.h"
#include "app/gui/action_table.h"
#include "app/gui/identify_panel.h"
#include "app_fixture.h"
#include "core/storage/project_status.h"
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

ActionRow row(QString id, QString name, QString tax, QString zone, QString district,
              std::optional<int> workers, std::optional<RiskLevel> level, double percent,
              std::optional<Date> on, std::vector<Reason> reasons, double priority, int rank) {
    ActionRow r;
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

// r2 has the most workers, the worst level, the highest priority and a name with a comma and
// quotes; r3 has no workforce, level or date; names start with Á, B, C and Z so that only an
// accent-blind sort puts "Ánh Dương" first. r4 and r3 tie on priority: their places on the
// list (by site id) decide.
std::vector<ActionRow> sampleRows() {
    return {
        row("r1", "Công ty Đồng Văn", "0700000001", "KCN Đồng Văn II", "Duy Tiên", 1200,
            RiskLevel::High, 62, ymd(2021, 6, 10),
            {{ReasonCode::UnsafeLevel, "đánh giá gần nhất: nguy cơ cao",
              "latest assessment: high risk"}},
            61.5, 2),
        row("r2", "Ánh Dương, \"Sunrise\" Co.", "", "", "Kim Bảng", 15000, RiskLevel::VeryHigh, 85,
            ymd(2021, 6, 1),
            {{ReasonCode::UnsafeLevel, "nguy cơ rất cao", "very high risk"},
             {ReasonCode::AssessmentOverdue, "không cập nhật 9 ngày", "no assessment for 9 days"}},
            92.25, 1),
        row("r3", "Bảo Minh", "0101", "KCN Bảo Minh", "Vụ Bản", std::nullopt, std::nullopt, 0,
            std::nullopt, {{ReasonCode::NoAssessment, "chưa có đánh giá", "no assessment"}}, 40, 4),
        row("r4", "Zeta", "0202", "CCN Kim Bình", "Kim Bảng", 300, RiskLevel::Low, 20,
            ymd(2021, 6, 12), {{ReasonCode::RiskRising, "nguy cơ tăng", "risk rose"}}, 40, 3),
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
    // The priority column sorts as numbers, both ways, and the default is the list's order.
    fx.sort(ActionTable::Priority, Qt::AscendingOrder);
    CHECK(fx.order() == "r3,r4,r1,r2");
    fx.sort(ActionTable::Priority, Qt::DescendingOrder);
    CHECK(fx.order() == "r2,r1,r4,r3");
    CHECK(fx.cell(0, ActionTable::Level) == "very high risk (85.0 %)");
    CHECK(fx.cell(0, ActionTable::ZoneName) == "outside any zone");
    CHECK(fx.cell(0, ActionTable::Workers) == "15,000");
    CHECK(fx.cell(0, ActionTable::Reasons) == "very high risk; no assessment for 9 days");
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
    CHECK(fx.cell(1, ActionTable::Reasons) == "latest assessment: high risk");
    LocaleGuard vi(QLocale(QLocale::Vietnamese, QLocale::Vietnam));
    CHECK(fx.cell(1, ActionTable::Reasons) == "đánh giá gần nhất: nguy cơ cao");
    CHECK(fx.cell(0, ActionTable::Reasons) == "nguy cơ rất cao; không cập nhật 9 ngày");
}

TEST_CASE("Export writes the shown rows in the shown order, with BOM and diacritics",
          "[app][action_table]") {
    Fixture fx;
    TempDir dir;
    fx.sort(ActionTable::Workers, Qt::DescendingOrder);
    const QString path = QString::fromStdString(dir.file("list.csv"));
    REQUIRE(fx.table.exportCsv(path).ok());
    const QByteArray expected =
        "\xEF\xBB\xBF"
        "Priority,Facility,Tax code,Zone / cluster,District,Workers,Risk level,Assessed on,"
        "Reasons\r\n"
        "92.3,\"Ánh Dương, \"\"Sunrise\"\" Co.\",,outside any zone,Kim Bảng,15000,"
        "very high risk (85.0 %),2021-06-01,very high risk; no assessment for 9 days\r\n"
        "61.5,Công ty Đồng Văn,0700000001,KCN Đồng Văn II,Duy Tiên,1200,high risk (62.0 %),"
        "2021-06-10,latest assessment: high risk\r\n"
        "40.0,Zeta,0202,CCN Kim Bình,Kim Bảng,300,low risk (20.0 %),2021-06-12,risk rose\r\n"
        "40.0,Bảo Minh,0101,KCN Bảo Minh,Vụ Bản,,no assessment,,no assessment\r\n";
    CHECK(readAll(path) == expected);
    // Written through a temporary file: nothing else is left in the folder.
    CHECK(QDir(QString::fromStdString(dir.path().string())).entryList(QDir::Files) ==
          QStringList{"list.csv"});

    // Hidden columns are left out; a new order replaces the old file.
    fx.table.view()->horizontalHeader()->hideSection(ActionTable::Priority);
    fx.table.view()->horizontalHeader()->hideSection(ActionTable::TaxCode);
    fx.table.view()->horizontalHeader()->hideSection(ActionTable::Reasons);
    fx.sort(ActionTable::Name, Qt::AscendingOrder);
    REQUIRE(fx.table.exportCsv(path).ok());
    CHECK(readAll(path) ==
          "\xEF\xBB\xBF"
          "Facility,Zone / cluster,District,Workers,Risk level,Assessed on\r\n"
          "\"Ánh Dương, \"\"Sunrise\"\" Co.\",outside any zone,Kim Bảng,15000,"
          "very high risk (85.0 %),2021-06-01\r\n"
          "Bảo Minh,KCN Bảo Minh,Vụ Bản,,no assessment,\r\n"
          "Công ty Đồng Văn,KCN Đồng Văn II,Duy Tiên,1200,high risk (62.0 %),2021-06-10\r\n"
          "Zeta,CCN Kim Bình,Kim Bảng,300,low risk (20.0 %),2021-06-12\r\n");

    const Status bad = fx.table.exportCsv(QString::fromStdString(dir.file("no/such/dir.csv")));
    CHECK_FALSE(bad.ok());
    CHECK(bad.error().file.find("no/such/dir.csv") != std::string::npos);
}

TEST_CASE("makeActionRows takes the facilities on one list, filtered, by name",
          "[app][action_table]") {
    Zone z;
    z.id = "z1";
    z.name = "KCN Đồng Văn II";
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
    const std::vector<Factory> factories{
        factory("a", "Zeta", "z1", 100), factory("b", "Ánh Dương", "", 2000),
        factory("c", "Bảo Minh", "z1", 50), factory("d", "Cẩm Phú", "z1", 70)};
    ProjectStatus ps;
    auto put = [&](std::string id, bool suspend, bool inspect, std::optional<RiskLevel> level) {
        SiteStatus s;
        s.siteId = id;
        s.level = level;
        s.percent = level ? 55 : 0;
        if (level)
            s.assessedOn = ymd(2021, 6, 3);
        s.toSuspend = suspend;
        s.toInspect = inspect;
        if (suspend)
            s.suspendReasons = {{ReasonCode::UnsafeLevel, "vi " + id, "suspend " + id}};
        if (inspect)
            s.inspectReasons = {{ReasonCode::LargeWorkforce, "vi", "inspect " + id}};
        ps.sites.emplace(id, s);
    };
    put("a", true, false, RiskLevel::High);
    put("b", true, true, RiskLevel::VeryHigh);
    put("c", false, true, std::nullopt);
    // d has no status: on no list.

    const auto suspend = makeActionRows(ActionList::ToSuspend, factories, {z}, ps);
    REQUIRE(suspend.size() == 2);
    CHECK(suspend[0].siteId == "b");  // Ánh before Zeta
    CHECK(suspend[0].zone.isEmpty());
    CHECK(suspend[0].workers == 2000);
    CHECK(suspend[0].level == RiskLevel::VeryHigh);
    CHECK(suspend[0].reasons.at(0).detailEn == "suspend b");
    CHECK(suspend[1].siteId == "a");
    CHECK(suspend[1].zone == "KCN Đồng Văn II");
    CHECK(suspend[1].assessedOn == ymd(2021, 6, 3));

    const auto inspect = makeActionRows(ActionList::ToInspect, factories, {z}, ps);
    REQUIRE(inspect.size() == 2);
    CHECK(inspect[0].siteId == "b");
    CHECK(inspect[1].siteId == "c");
    CHECK(inspect[1].reasons.at(0).detailEn == "inspect c");

    SiteFilter inZone;
    inZone.zoneIds = {"z1"};
    const auto filtered = makeActionRows(ActionList::ToInspect, factories, {z}, ps, inZone);
    REQUIRE(filtered.size() == 1);
    CHECK(filtered[0].siteId == "c");
}

TEST_CASE("makeActionRows keeps the list's priority order and marks this week's inspections",
          "[app][action_table]") {
    auto factory = [](std::string id, std::string name) {
        Factory f;
        f.id = std::move(id);
        f.name = std::move(name);
        f.taxCode = f.id;
        return f;
    };
    // Names in the opposite order to the priorities, so a name sort would show.
    const std::vector<Factory> factories{factory("a", "Zeta"), factory("b", "Yên"),
                                         factory("c", "Ánh"), factory("d", "Bình")};
    ProjectStatus ps;
    auto put = [&](std::string id, int rank, double priority, bool top) {
        SiteStatus s;
        s.siteId = id;
        s.toInspect = true;
        s.inspectRank = rank;
        s.inspectTop = top;
        s.priority.level = priority;
        s.inspectReasons = {{ReasonCode::NeverInspected, "vi", "never inspected"}};
        ps.sites.emplace(id, s);
    };
    put("a", 1, 70, true);
    put("b", 2, 55, true);
    put("c", 3, 40, false);
    put("d", 0, 0, false);  // a status made by hand, with no place: last
    const auto rows = makeActionRows(ActionList::ToInspect, factories, {}, ps);
    REQUIRE(rows.size() == 4);
    std::vector<std::string> ids;
    for (const auto& r : rows)
        ids.push_back(r.siteId.toStdString());
    CHECK(ids == std::vector<std::string>{"a", "b", "c", "d"});
    CHECK(rows[0].thisWeek);
    CHECK(rows[1].thisWeek);
    CHECK_FALSE(rows[2].thisWeek);
    CHECK(rows[0].rank == 1);
    CHECK(rows[0].priority.total() == 70);

    // In the table, this week's rows stand out in the priority column.
    LocaleGuard locale{QLocale(QLocale::English, QLocale::UnitedStates)};
    QApplication& app = test::app();
    (void)app;
    ActionTable table{ActionList::ToInspect};
    table.setRows(rows);
    QAbstractItemModel* model = table.view()->model();
    CHECK(model->index(0, ActionTable::Priority).data(Qt::FontRole).value<QFont>().bold());
    CHECK_FALSE(model->index(2, ActionTable::Priority).data(Qt::FontRole).value<QFont>().bold());
    CHECK(model->index(0, ActionTable::Priority).data(Qt::BackgroundRole).isValid());
    CHECK_FALSE(model->index(2, ActionTable::Priority).data(Qt::BackgroundRole).isValid());
    CHECK_THAT(
        model->index(1, ActionTable::Priority).data(Qt::ToolTipRole).toString().toStdString(),
        Catch::Contains("this week's inspection capacity"));
    CHECK(table.visibleSiteIds() == QStringList({"a", "b", "c", "d"}));
}
