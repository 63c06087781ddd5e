// Correcting a saved inspection in field mode (issue 10): the form opens filled, Save
// replaces the record in one transaction (same id, photos kept), undo restores it.
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QUndoStack>
#include <catch2/catch.hpp>

#include "app/gui/field_mode.h"
#include "app/gui/inspection_form.h"
#include "app/gui/main_window.h"
#include "cli_fixture.h"
#include "core/project/project.h"

using namespace safemap;
using namespace safemap::test;

namespace {

std::vector<InspectionRecord> recordsOf(const QString& path, const std::string& siteId) {
    auto project = Project::open(path.toStdString(), Project::Access::ReadOnly);
    REQUIRE(project.ok());
    auto records = project->repository().inspectionRecords(siteId);
    REQUIRE(records.ok());
    return *records;
}

}  // namespace

TEST_CASE("field mode: correct a saved inspection, then undo and redo the correction",
          "[app][field]") {
    TempDir dir;
    const QString master = QString::fromStdString(dir.file("tinh.gpkg"));
    const QString package = QString::fromStdString(dir.file("goi.gpkg"));
    const QString photo = QString::fromStdString(dir.file("anh.jpg"));
    makeSampleProject(master);
    REQUIRE(runCli({"package", "create", master, "--out", package, "--list", "inspect",
                    "--district", "Duy Tiên", "--top", "2", "--route"})
                .exitCode == 0);
    {
        QFile f(photo);
        REQUIRE(f.open(QIODevice::WriteOnly));
        QByteArray jpeg("\xFF\xD8\xFF\xE0", 4);
        jpeg.append(QByteArray(2000, 'y'));
        f.write(jpeg);
    }

    MainWindow window;
    window.resize(1366, 768);
    window.show();
    REQUIRE(window.openProject(package, true));
    window.waitForIdle();
    FieldMode* field = window.fieldMode();
    REQUIRE(field->active());
    const std::string site = field->stops().at(0);
    const std::size_t before = recordsOf(package, site).size();
    field->visitList()->setCurrentRow(0);
    InspectionForm* form = field->form();
    CHECK_FALSE(field->savedInspections()->isVisibleTo(field->dock()));
    form->inspectorEdit()->setText(QStringLiteral("Lê Văn Cường"));
    form->findingsEdit()->setPlainText(QStringLiteral("Thiếu dung dịch sát khuẩn"));
    form->outcomeBox()->setCurrentIndex(1);  // fix by a date
    REQUIRE(form->addPhotoFile(photo));
    REQUIRE(field->saveForm());
    window.waitForIdle();
    auto stored = recordsOf(package, site);
    REQUIRE(stored.size() == before + 1);
    const InspectionRecord first = stored.back();

    // Choosing the stop again offers the saved record to correct.
    field->visitList()->setCurrentRow(-1);
    field->visitList()->setCurrentRow(0);
    REQUIRE(field->savedInspections()->count() == 1);
    CHECK(field->savedInspections()->isVisibleTo(field->dock()));
    CHECK(field->savedInspections()->currentData().toString().toStdString() == first.recordId);
    REQUIRE(field->editRecord(first.recordId));
    REQUIRE(form->editing());
    CHECK(form->inspectorEdit()->text() == QStringLiteral("Lê Văn Cường"));
    CHECK(form->findingsEdit()->toPlainText() == QStringLiteral("Thiếu dung dịch sát khuẩn"));
    CHECK(form->outcomeBox()->currentData().toString() == "fix");
    CHECK(form->findChild<QListWidget*>(QStringLiteral("photoList"))->count() == 1);

    form->findingsEdit()->setPlainText(QStringLiteral("Không đeo khẩu trang, tái phạm"));
    form->outcomeBox()->setCurrentIndex(2);  // propose suspension
    REQUIRE(field->saveForm());
    window.waitForIdle();
    stored = recordsOf(package, site);
    REQUIRE(stored.size() == before + 1);  // replaced, not added
    const InspectionRecord corrected = stored.back();
    CHECK(corrected.recordId == first.recordId);
    CHECK(corrected.findings == "Không đeo khẩu trang, tái phạm");
    CHECK(corrected.outcome == InspectionOutcome::Suspend);
    CHECK_FALSE(corrected.fixBy.has_value());
    CHECK(corrected.photos == first.photos);  // the stored photo stays
    CHECK(corrected.recordedAt == first.recordedAt);

    // Undo puts the first version back exactly; redo the correction.
    field->undoAction()->trigger();
    stored = recordsOf(package, site);
    REQUIRE(stored.size() == before + 1);
    CHECK(stored.back().findings == first.findings);
    CHECK(stored.back().outcome == InspectionOutcome::Fix);
    CHECK(stored.back().photos == first.photos);
    field->redoAction()->trigger();
    stored = recordsOf(package, site);
    REQUIRE(stored.size() == before + 1);
    CHECK(stored.back().findings == corrected.findings);
    CHECK(stored.back().outcome == InspectionOutcome::Suspend);
    {
        auto project = Project::open(package.toStdString(), Project::Access::ReadOnly);
        REQUIRE(project.ok());
        auto bytes = project->repository().photoData(first.photos.at(0).photoId);
        REQUIRE(bytes.ok());
        CHECK(bytes->size() == 2004);
    }
    // Undo twice: the correction, then the record itself.
    field->undoAction()->trigger();
    field->undoAction()->trigger();
    CHECK(recordsOf(package, site).size() == before);
}
