#include "app/gui/sheets_action.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QProgressDialog>
#include <QStatusBar>
#include <QTimer>
#include <QtConcurrent/QtConcurrent>
#include <filesystem>

#include "app/gui/error_text.h"
#include "app/gui/field_mode.h"
#include "app/gui/file_dialogs.h"
#include "app/gui/language.h"
#include "app/gui/main_window.h"
#include "app/gui/project_session.h"
#include "app/gui/shipped_data.h"
#include "core/project/facility_sheets.h"
#include "core/project/project.h"
#include "core/util/timestamp.h"
#include "gis/report/facility_sheets_pdf.h"

namespace safemap {

QFuture<Status> writeSheetsInBackground(const QString& packagePath, const QString& pdfPath,
                                        WorkProgress progress) {
    const Language language = uiLanguage();
    return QtConcurrent::run([package = packagePath.toStdString(), pdf = pdfPath.toStdString(),
                              language, progress]() -> Status {
        auto project = Project::open(package, Project::Access::ReadOnly);
        if (!project)
            return project.error();
        auto sheets = facilitySheetsOf(*project, language);
        if (!sheets)
            return sheets.error();
        FacilitySheetsOptions options;
        options.language =
            language == Language::Vietnamese ? MapLanguage::Vietnamese : MapLanguage::English;
        options.generatedAt = generationTime();
        options.packageFile = std::filesystem::path(package).filename().string();
        const auto report = progress.reporter();
        return writeFacilitySheetsPdf(pdf, *sheets, loadShippedBasemap(options.language), options,
                                      [report, cancel = progress.cancelFlag()](int done, int all) {
                                          report(done, all);
                                          return !cancel->load();
                                      });
    });
}

namespace {

void printSheets(MainWindow& window) {
    ProjectSession& session = window.session();
    const QString title = MainWindow::tr("Print facility sheets");
    QString package;
    if (session.isOpen() && window.fieldMode() && window.fieldMode()->active())
        package = QString::fromStdString(session.path());
    else
        package =
            chooseFileToOpen(&window, title, QString(), MainWindow::tr("Field package (*.gpkg)"));
    if (package.isEmpty())
        return;
    const QFileInfo info(package);
    QString pdf =
        chooseFileToSave(&window, title,
                         info.absolutePath() + QLatin1Char('/') + info.completeBaseName() +
                             MainWindow::tr("_sheets") + QStringLiteral(".pdf"),
                         MainWindow::tr("PDF files (*.pdf)"));
    if (pdf.isEmpty())
        return;
    if (!pdf.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
        pdf += QStringLiteral(".pdf");
    WorkProgress progress;
    auto* dialog = new QProgressDialog(MainWindow::tr("Drawing the facility sheets…"),
                                       MainWindow::tr("Cancel"), 0, 0, &window);
    dialog->setWindowTitle(title);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setMinimumDuration(300);
    auto* timer = new QTimer(dialog);
    QObject::connect(timer, &QTimer::timeout, dialog, [dialog, progress] {
        auto* bar = dialog->findChild<QProgressBar*>();
        if (bar)
            progress.showIn(bar);
    });
    timer->start(100);
    QObject::connect(dialog, &QProgressDialog::canceled, dialog,
                     [progress]() mutable { progress.cancel(); });
    auto* watcher = new QFutureWatcher<Status>(&window);
    QObject::connect(watcher, &QFutureWatcher<Status>::finished, &window,
                     [&window, watcher, dialog, title, pdf, progress] {
                         dialog->reset();
                         dialog->deleteLater();
                         const Status st = watcher->result();
                         watcher->deleteLater();
                         if (!st) {
                             if (!progress.cancelFlag()->load())
                                 QMessageBox::warning(&window, title, errorText(st.error()));
                             return;
                         }
                         window.statusBar()->showMessage(
                             MainWindow::tr("Facility sheets written to %1").arg(pdf), 10000);
                     });
    watcher->setFuture(writeSheetsInBackground(package, pdf, progress));
}

}  // namespace

QAction* addSheetsAction(MainWindow& window, QMenu& menu) {
    QAction* action = menu.addAction(MainWindow::tr("Print facility &sheets…"));
    action->setObjectName(QStringLiteral("printSheetsAction"));
    action->setToolTip(MainWindow::tr(
        "One printable page per facility of a field package: record, latest assessment, past "
        "inspections, a map and a blank findings form"));
    QObject::connect(action, &QAction::triggered, &window, [&window] { printSheets(window); });
    if (window.fieldMode())
        window.fieldMode()->addDockAction(action);
    return action;
}

}  // namespace safemap
