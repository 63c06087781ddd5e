#include "app/gui/field_actions.h"

#include <QAction>
#include <QMenu>
#include <QMessageBox>
#include <map>

#include "app/gui/file_dialogs.h"
#include "app/gui/main_window.h"
#include "app/gui/map_canvas.h"
#include "app/gui/merge_dialog.h"
#include "app/gui/package_dialog.h"
#include "app/gui/project_session.h"
#include "app/gui/retranslate.h"
#include "app/gui/sheets_action.h"

namespace safemap {

namespace {

void createPackage(MainWindow& window) {
    ProjectSession& session = window.session();
    const auto& frame = session.frame();
    if (!session.isOpen() || !frame.facts) {
        QMessageBox::information(&window, MainWindow::tr("Create field package"),
                                 MainWindow::tr("Open a project first."));
        return;
    }
    std::vector<std::string> selected;
    const auto& chosen = window.canvas()->selection();
    for (const auto& f : frame.facts->factories)
        if (chosen.count(f.id))
            selected.push_back(f.id);
    std::vector<std::string> districts;
    if (frame.choices)
        districts = frame.choices->districts;
    PackageDialog dialog(session.path(), session.scenario(), frame.facts, districts, selected,
                         &window);
    if (!selected.empty())
        dialog.setSource(PackageDialog::Source::Selection);
    dialog.exec();
}

void mergePackage(MainWindow& window) {
    ProjectSession& session = window.session();
    if (!session.isOpen()) {
        QMessageBox::information(&window, MainWindow::tr("Merge field package"),
                                 MainWindow::tr("Open the project the package was made from "
                                                "first."));
        return;
    }
    const QString path = chooseFileToOpen(&window, MainWindow::tr("Merge field package"), QString(),
                                          MainWindow::tr("Field package (*.gpkg)"));
    if (path.isEmpty())
        return;
    MergeDialog dialog(session.path(), path.toStdString(), &window);
    std::map<std::string, std::string> names;
    if (const auto& facts = session.frame().facts)
        for (const auto& f : facts->factories)
            names.emplace(f.id, f.name);
    dialog.setFacilityNames(std::move(names));
    QObject::connect(&dialog, &MergeDialog::merged, &session, &ProjectSession::reload);
    dialog.startPlan();
    dialog.exec();
}

}  // namespace

void addFieldActions(MainWindow& window, QMenu& menu) {
    QAction* create =
        translated(menu.addAction(QString()), "safemap::MainWindow",
                   QT_TRANSLATE_NOOP("safemap::MainWindow", "Create &field package…"));
    create->setObjectName(QStringLiteral("createPackageAction"));
    QObject::connect(create, &QAction::triggered, &window, [&window] { createPackage(window); });
    QAction* merge = translated(menu.addAction(QString()), "safemap::MainWindow",
                                QT_TRANSLATE_NOOP("safemap::MainWindow", "&Merge field package…"));
    merge->setObjectName(QStringLiteral("mergePackageAction"));
    QObject::connect(merge, &QAction::triggered, &window, [&window] { mergePackage(window); });
    addSheetsAction(window, menu);
}

}  // namespace safemap
