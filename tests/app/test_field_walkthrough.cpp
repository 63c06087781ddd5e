// Issue 10's "Done when", end to end through the window at 1366×768: the sample project's
// "due for inspection" list of one district → a field package with a route → field mode →
// two inspections recorded with a photo along the route → merged back → seen on the map, in
// the lists and in the facility's history. With SAFEMAP_WALKTHROUGH_DIR set, each step's
// window is saved there as a PNG (docs/field.md shows them).
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QDockWidget>
#include <QImage>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTest>
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
#include "core/project/project.h"
#include "gis/field/route_layer.h"

using namespace safemap;
using namespace safemap::test;

namespace {

void shot(QWidget& w, const char* name) {
    const QString dir = qEnvironmentVariable("SAFEMAP_WALKTHROUGH_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QTest::qWait(200);
    w.grab().save(dir + QLatin1Char('/') + QString::fromLatin1(name) + QStringLiteral(".png"));
}

QString lastInspectionOf(ActionTable& table, const QString& taxCode) {
    QAbstractItemModel* model = table.view()->model();
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, ActionTable::TaxCode).data().toString() == taxCode)
            return model->index(r, ActionTable::LastInspection).data().toString();
    return {};
}

}  // namespace

TEST_CASE("done when: a district's inspection list to the field and back, at 1366x768",
          "[app][field][walkthrough]") {
    TempDir dir;
    const QString master = QString::fromStdString(dir.file("ha_nam.gpkg"));
    const QString package = QString::fromStdString(dir.file("duy_tien.gpkg"));
    const QString photo = QString::fromStdString(dir.file("cong_nha_may.jpg"));
    makeSampleProject(master);
    {
        QImage picture(320, 240, QImage::Format_RGB32);
        picture.fill(QColor(90, 140, 200));
        REQUIRE(picture.save(photo, "JPEG"));
    }

    MainWindow window;
    window.resize(1366, 768);
    window.show();
    REQUIRE(window.openProject(master, true));
    window.waitForIdle();
    shot(window, "1_office");

    // 1. The district's "due for inspection" list, ordered into a route from the office.
    const auto& frame = window.session().frame();
    REQUIRE(frame.choices);
    PackageDialog dialog(master.toStdString(), window.session().scenario(), frame.facts,
                         frame.choices->districts, {}, &window);
    dialog.setSource(PackageDialog::Source::District);
    dialog.setDistrict(QStringLiteral("Duy Tiên"));
    dialog.setStart(GeoPoint{105.9120, 20.5410});
    dialog.makeVisitList();
    REQUIRE(QTest::qWaitFor([&] { return dialog.list()->count() > 0; }, 20000));
    dialog.show();
    shot(dialog, "2_visit_list");
    const auto route = dialog.visitList();
    REQUIRE(route.size() >= 2);
    dialog.createAt(package);
    REQUIRE(QTest::qWaitFor([&] { return dialog.created().has_value(); }, 30000));
    dialog.hide();

    // 2. Field mode on the laptop: the route and its numbered stops.
    REQUIRE(window.openProject(package, true));
    window.waitForIdle();
    FieldMode* field = window.fieldMode();
    REQUIRE(field->active());
    REQUIRE(field->stops() == route);
    bool routeDrawn = false;
    for (const auto& l : window.canvas()->layers())
        routeDrawn = routeDrawn || (l.data && l.data->id == kRouteLineLayerId);
    CHECK(routeDrawn);
    shot(window, "3_field_mode");

    // 3. The first two stops, in route order, each with a photo.
    const char* findings[] = {"Nhà ăn đã có vách ngăn; đủ nước rửa tay",
                              "Không có dung dịch sát khuẩn ở lối vào xưởng; tái phạm"};
    for (int stop = 0; stop < 2; ++stop) {
        field->visitList()->setCurrentRow(stop);
        InspectionForm* form = field->form();
        REQUIRE(form->siteId() == route[static_cast<std::size_t>(stop)]);
        form->dateEdit()->setDate(QDate(2021, 7, 2));
        form->inspectorEdit()->setText(QStringLiteral("Trần Thị Bình"));
        form->findingsEdit()->setPlainText(QString::fromUtf8(findings[stop]));
        form->outcomeBox()->setCurrentIndex(stop == 0 ? 0 : 2);  // keep / propose suspension
        REQUIRE(form->addPhotoFile(photo));
        form->setPosition({105.93, 20.63}, PositionSource::Map);
        if (stop == 1)
            shot(window, "4_form");
        REQUIRE(field->saveForm());
        window.waitForIdle();
    }
    CHECK(field->visitList()->item(0)->text().startsWith("✓"));
    CHECK(field->visitList()->item(1)->text().startsWith("✓"));
    shot(window, "5_recorded");

    // 4. Back in the office: the plan, then the merge.
    REQUIRE(window.openProject(master, true));
    window.waitForIdle();
    MergeDialog merge(master.toStdString(), package.toStdString(), &window);
    merge.startPlan();
    REQUIRE(QTest::qWaitFor([&] { return merge.plan().has_value(); }, 20000));
    CHECK(merge.plan()->added.size() == 2);
    merge.show();
    shot(merge, "6_merge_plan");
    merge.startMerge();
    REQUIRE(QTest::qWaitFor([&] { return merge.outcome().has_value(); }, 30000));
    CHECK(merge.outcome()->added == 2);
    CHECK(merge.outcome()->photos == 2);
    merge.hide();
    window.session().reload();
    window.waitForIdle();

    // 5. Seen in the history, the lists and on the map.
    const auto& facts = window.session().frame().facts;
    REQUIRE(facts);
    QString suspendedTax;
    for (const auto& f : facts->factories)
        if (f.id == route[1])
            suspendedTax = QString::fromStdString(f.taxCode);
    window.selectSite(route[1], true);
    window.waitForIdle();
    const QString history = window.identifyPanel()->rows().join('\n');
    INFO(history.toStdString());
    CHECK(history.contains(QStringLiteral("Trần Thị Bình")));
    CHECK(history.contains(QString::fromUtf8(findings[1])));
    CHECK((history.contains("02/07/2021") || history.contains("2021-07-02")));  // vi or en
    // Proposed for suspension in the field: on the suspension list, its last inspection shown.
    const QString last = lastInspectionOf(*window.suspendTable(), suspendedTax);
    INFO(last.toStdString());
    CHECK((last.contains("02/07/2021") || last.contains("2021-07-02")));
    const ProjectStatus& status = *window.session().frame().status;
    REQUIRE(status.site(route[1]));
    CHECK(status.site(route[1])->toSuspend);  // the map marks it as to suspend
    shot(window, "7_merged");
}
