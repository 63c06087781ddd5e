// Field mode as an inspector drives it: open a field package in the window, see the route,
// fill in the inspection form with a photo, save, undo and redo.
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>
#include <algorithm>
#include <catch2/catch.hpp>

#include "app/gui/action_table.h"
#include "app/gui/field_mode.h"
#include "app/gui/identify_panel.h"
#include "app/gui/inspection_form.h"
#include "app/gui/main_window.h"
#include "app/gui/map_canvas.h"
#include "app/gui/merge_dialog.h"
#include "app/gui/package_dialog.h"
#include "app/gui/project_session.h"
#include "cli_fixture.h"
#include "core/project/field_inspection.h"
#include "core/project/project.h"
#include "gis/field/route_layer.h"

using namespace safemap;
using namespace safemap::test;

namespace {

std::vector<InspectionRecord> recordsIn(const QString& path) {
    auto project = Project::open(path.toStdString(), Project::Access::ReadOnly);
    REQUIRE(project.ok());
    auto records = project->repository().inspectionRecords();
    REQUIRE(records.ok());
    return *records;
}

bool hasLayer(const MapCanvas& canvas, const char* id) {
    for (const auto& l : canvas.layers())
        if (l.data && l.data->id == id)
            return true;
    return false;
}

}  // namespace

TEST_CASE("field mode: open a package, record an inspection with a photo, undo, redo",
          "[app][field]") {
    TempDir dir;
    const QString master = QString::fromStdString(dir.file("tinh.gpkg"));
    const QString package = QString::fromStdString(dir.file("duy_tien.gpkg"));
    const QString photo = QString::fromStdString(dir.file("anh.jpg"));
    makeSampleProject(master);
    const CliRun made =
        runCli({"package", "create", master, "--out", package, "--list", "inspect", "--district",
                "Duy Tiên", "--top", "3", "--start", "105.9120,20.5410", "--by", "Nguyễn Văn An"});
    INFO(made.err.toStdString());
    REQUIRE(made.exitCode == 0);
    {
        QFile f(photo);
        REQUIRE(f.open(QIODevice::WriteOnly));
        QByteArray jpeg("\xFF\xD8\xFF\xE0", 4);
        jpeg.append(QByteArray(3000, 'x'));
        f.write(jpeg);
    }
    const auto before = recordsIn(package);

    MainWindow window;
    window.resize(1366, 768);
    window.show();
    REQUIRE(window.openProject(package, true));
    window.waitForIdle();
    FieldMode* field = window.fieldMode();
    REQUIRE(field->active());
    CHECK(field->package()->createdBy == "Nguyễn Văn An");
    CHECK(field->dock()->isVisible());
    REQUIRE(field->visitList()->count() == 3);
    CHECK(field->visitList()->item(0)->text().startsWith("1. "));
    CHECK(hasLayer(*window.canvas(), kRouteLineLayerId));
    CHECK(hasLayer(*window.canvas(), kRouteStopsLayerId));

    const std::string site = field->stops().at(1);
    field->visitList()->setCurrentRow(1);
    InspectionForm* form = field->form();
    REQUIRE(form->siteId() == site);
    CHECK(form->saveButton()->isEnabled());

    // Refused without an inspector: nothing stored.
    form->inspectorEdit()->clear();
    QTimer::singleShot(0, [] {
        if (auto* box = qobject_cast<QDialog*>(QApplication::activeModalWidget()))
            box->reject();
    });
    CHECK_FALSE(field->saveForm());
    CHECK(recordsIn(package).size() == before.size());

    form->inspectorEdit()->setText(QStringLiteral("Trần Thị Bình"));
    form->findingsEdit()->setPlainText(QStringLiteral("Nhà ăn chưa có vách ngăn"));
    form->outcomeBox()->setCurrentIndex(1);  // fix by a date
    // Entered ten days after the visit: the deadline moves with the visit's date.
    const QDate visit = form->dateEdit()->date().addDays(-10);
    const int gap = form->dateEdit()->date().daysTo(form->fixByEdit()->date());
    form->dateEdit()->setDate(visit);
    CHECK(form->fixByEdit()->date() == visit.addDays(gap));
    REQUIRE(form->addPhotoFile(photo));
    form->setPosition({105.95, 20.60}, PositionSource::Map);
    REQUIRE(field->saveForm());
    auto after = recordsIn(package);
    REQUIRE(after.size() == before.size() + 1);
    const InspectionRecord saved = after.back();  // a copy: `after` is read again below
    CHECK(saved.siteId == site);
    CHECK(saved.inspector == "Trần Thị Bình");
    CHECK(saved.findings == "Nhà ăn chưa có vách ngăn");
    CHECK(saved.outcome == InspectionOutcome::Fix);
    REQUIRE(saved.fixBy.has_value());
    const Date due = *saved.fixBy;
    CHECK(QDate(static_cast<int>(due.year()), static_cast<int>(static_cast<unsigned>(due.month())),
                static_cast<int>(static_cast<unsigned>(due.day()))) == visit.addDays(gap));
    REQUIRE(saved.photos.size() == 1);
    CHECK(saved.photos[0].bytes == 3004);
    CHECK(saved.position == GeoPoint{105.95, 20.60});
    CHECK(saved.positionSource == PositionSource::Map);
    window.waitForIdle();
    CHECK(field->visitList()->item(1)->text().startsWith("✓"));

    // Ctrl+Z takes the record away, with its photo; Ctrl+Shift+Z puts it back.
    REQUIRE(field->undoAction()->isEnabled());
    field->undoAction()->trigger();
    CHECK(recordsIn(package).size() == before.size());
    window.waitForIdle();
    CHECK_FALSE(field->visitList()->item(1)->text().contains("✓"));
    field->redoAction()->trigger();
    after = recordsIn(package);
    REQUIRE(after.size() == before.size() + 1);
    const auto back = std::find_if(after.begin(), after.end(), [&](const InspectionRecord& r) {
        return r.recordId == saved.recordId;
    });
    REQUIRE(back != after.end());
    CHECK(back->photos == saved.photos);
    CHECK(back->findings == saved.findings);
    {
        auto project = Project::open(package.toStdString(), Project::Access::ReadOnly);
        REQUIRE(project.ok());
        auto bytes = project->repository().photoData(saved.photos[0].photoId);
        REQUIRE(bytes.ok());
        CHECK(bytes->size() == 3004);
    }

    // A plain project is not a field package: no field dock, no route.
    REQUIRE(window.openProject(master, true));
    window.waitForIdle();
    CHECK_FALSE(field->active());
    CHECK_FALSE(field->dock()->isVisible());
    CHECK_FALSE(hasLayer(*window.canvas(), kRouteLineLayerId));
}

namespace {

Factory factoryIn(const QString& path, const std::string& taxCode) {
    auto project = Project::open(path.toStdString(), Project::Access::ReadOnly);
    REQUIRE(project.ok());
    auto factories = project->repository().factories();
    REQUIRE(factories.ok());
    for (const auto& f : *factories)
        if (f.taxCode == taxCode)
            return f;
    FAIL("no facility " << taxCode);
    return {};
}

void correctAddress(const QString& path, const std::string& taxCode, const std::string& address) {
    Factory f = factoryIn(path, taxCode);
    auto project = Project::open(path.toStdString());
    REQUIRE(project.ok());
    f.address = address;
    REQUIRE(correctFacility(*project, f, {SiteField::Address}).ok());
}

}  // namespace

TEST_CASE("merge dialog: the plan first, a conflict side by side, then the merge", "[app][field]") {
    TempDir dir;
    const QString master = QString::fromStdString(dir.file("tinh.gpkg"));
    const QString package = QString::fromStdString(dir.file("hai.gpkg"));
    makeSampleProject(master);
    REQUIRE(
        runCli({"package", "create", master, "--out", package, "--sites", "9965230100,9950882057"})
            .exitCode == 0);
    REQUIRE(runCli({"inspect", package, "--site", "9950882057", "--date", "2021-07-02",
                    "--inspector", "Trần Thị Bình", "--outcome", "keep"})
                .exitCode == 0);
    // The same facility changed in the field and in the office since the package was made.
    correctAddress(package, "9965230100", "Thôn Đông, xã Tây Đằng (sửa ở hiện trường)");
    correctAddress(master, "9965230100", "Km 21 Quốc lộ 32 (sửa ở văn phòng)");
    const QByteArray masterBefore = digest(master);
    const auto recordsBefore = recordsIn(master).size();

    MergeDialog dialog(master.toStdString(), package.toStdString());
    dialog.startPlan();
    REQUIRE(QTest::qWaitFor([&] { return dialog.plan().has_value(); }, 20000));
    const MergePlan& plan = *dialog.plan();
    CHECK(plan.added.size() == 1);
    REQUIRE(plan.conflicts.size() == 1);
    CHECK(plan.conflicts[0].kind == ConflictKind::Facility);
    CHECK(digest(master) == masterBefore);  // planning reads only
    QTreeWidget* tree = dialog.conflictTree();
    REQUIRE(tree->topLevelItemCount() == 1);
    bool sideBySide = false;
    for (int i = 0; i < tree->topLevelItem(0)->childCount(); ++i) {
        const QTreeWidgetItem* row = tree->topLevelItem(0)->child(i);
        if (row->text(1).contains("văn phòng") && row->text(2).contains("hiện trường"))
            sideBySide = true;
    }
    CHECK(sideBySide);
    REQUIRE(dialog.mergeButton()->isEnabled());

    dialog.setResolution(plan.conflicts[0].key, Resolution::TakeField);
    dialog.startMerge();
    REQUIRE(QTest::qWaitFor([&] { return dialog.outcome().has_value(); }, 20000));
    CHECK(dialog.outcome()->added == 1);
    CHECK(dialog.outcome()->tookField == 1);
    CHECK(factoryIn(master, "9965230100").address == "Thôn Đông, xã Tây Đằng (sửa ở hiện trường)");
    CHECK(recordsIn(master).size() == recordsBefore + 1);

    // Merged once: a second look finds nothing to do.
    MergeDialog again(master.toStdString(), package.toStdString());
    again.startPlan();
    REQUIRE(QTest::qWaitFor([&] { return again.plan().has_value(); }, 20000));
    CHECK(again.plan()->nothingToDo());
    CHECK_FALSE(again.mergeButton()->isEnabled());
}

TEST_CASE("create package dialog: a district's route, reordered by hand, written", "[app][field]") {
    TempDir dir;
    const QString master = QString::fromStdString(dir.file("tinh.gpkg"));
    const QString package = QString::fromStdString(dir.file("duy_tien.gpkg"));
    makeSampleProject(master);
    MainWindow window;
    REQUIRE(window.openProject(master, true));
    window.waitForIdle();
    const auto& frame = window.session().frame();
    REQUIRE(frame.choices);
    PackageDialog dialog(master.toStdString(), window.session().scenario(), frame.facts,
                         frame.choices->districts, {}, &window);
    dialog.setSource(PackageDialog::Source::District);
    dialog.setDistrict(QStringLiteral("Duy Tiên"));
    dialog.setStart(GeoPoint{105.9120, 20.5410});
    dialog.makeVisitList();
    REQUIRE(QTest::qWaitFor([&] { return dialog.list()->count() > 0; }, 20000));
    const auto ordered = dialog.visitList();
    REQUIRE(ordered.size() >= 3);
    const double orderedMetres = dialog.routeMetresShown();
    CHECK(orderedMetres > 0);
    CHECK(dialog.distanceLabel()->text().contains(QString::number(ordered.size())));

    // Drag the first stop to the end: the order and the distance shown follow.
    REQUIRE(
        dialog.list()->model()->moveRow(QModelIndex(), 0, QModelIndex(), dialog.list()->count()));
    const auto byHand = dialog.visitList();
    CHECK(byHand.back() == ordered.front());
    CHECK(dialog.routeMetresShown() != Approx(orderedMetres));
    CHECK(dialog.routeMetresShown() >= orderedMetres - 1e-6);  // the route was the shortest

    dialog.createAt(package);
    REQUIRE(QTest::qWaitFor([&] { return dialog.created().has_value(); }, 30000));
    auto made = Project::open(package.toStdString(), Project::Access::ReadOnly);
    REQUIRE(made.ok());
    auto sites = made->repository().packageSites();
    REQUIRE(sites.ok());
    std::vector<std::string> route(byHand.size());
    for (const auto& s : *sites)
        if (s.routeOrder)
            route.at(static_cast<std::size_t>(*s.routeOrder - 1)) = s.siteId;
    CHECK(route == byHand);  // written in the order the user left
}

TEST_CASE("in the office: a facility's inspection history and the list's last inspection",
          "[app][field]") {
    TempDir dir;
    const QString master = QString::fromStdString(dir.file("tinh.gpkg"));
    makeSampleProject(master);
    // data/inspections/kiem_tra_2021-06.csv: 9928188991 was inspected on 2021-04-05 by team 3,
    // who found the canteen without partitions.
    const Factory f = factoryIn(master, "9928188991");
    MainWindow window;
    REQUIRE(window.openProject(master, true));
    window.waitForIdle();
    window.selectSite(f.id, false);
    const QStringList rows = window.identifyPanel()->rows();
    const QString joined = rows.join('\n');
    INFO(joined.toStdString());
    CHECK(joined.contains("Đoàn kiểm tra liên ngành số 3"));
    CHECK(joined.contains("Nhà ăn không có vách ngăn"));
    CHECK((joined.contains("2021-04-05") || joined.contains("05/04/2021")));  // en or vi

    // The inspection list's column: the newest inspection's date and outcome where there is one.
    QAbstractItemModel* model = window.inspectTable()->view()->model();
    REQUIRE(model->rowCount() > 0);
    CHECK(model->headerData(ActionTable::LastInspection, Qt::Horizontal).toString() ==
          ActionTable::tr("Last inspection"));
    int withDate = 0;
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, ActionTable::LastInspection).data().toString().contains("2021"))
            ++withDate;
    CHECK(withDate > 0);
}
