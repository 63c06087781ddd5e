#include "app/gui/report_actions.h"

#include <QAction>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrent>

#include "app/gui/file_dialogs.h"
#include "app/gui/language.h"
#include "app/gui/main_window.h"
#include "app/gui/map_canvas.h"
#include "app/gui/project_session.h"
#include "app/gui/retranslate.h"
#include "core/errors/error_catalogue.h"
#include "core/util/timestamp.h"

namespace safemap {

ReportActions::ReportActions(MainWindow* window)
    : QObject(window),
      window_(window),
      pdf_(translated(new QAction(this), "safemap::ReportActions",
                      QT_TR_NOOP("Export map as &PDF…"))),
      image_(translated(new QAction(this), "safemap::ReportActions",
                        QT_TR_NOOP("Export map as i&mage…"))),
      print_(translated(new QAction(this), "safemap::ReportActions", QT_TR_NOOP("&Print map…"))) {
    pdf_->setObjectName(QStringLiteral("exportPdfAction"));
    image_->setObjectName(QStringLiteral("exportImageAction"));
    print_->setObjectName(QStringLiteral("printAction"));
    print_->setShortcut(QKeySequence::Print);
    connect(pdf_, &QAction::triggered, this, &ReportActions::exportPdf);
    connect(image_, &QAction::triggered, this, &ReportActions::exportImage);
    connect(print_, &QAction::triggered, this, &ReportActions::print);
}

void ReportActions::addTo(QMenu* menu) {
    menu->addAction(pdf_);
    menu->addAction(image_);
    menu->addAction(print_);
}

std::optional<MapReportData> ReportActions::currentReport() const {
    const ProjectSession& session = window_->session();
    const SessionFrame& frame = session.frame();
    if (!session.isOpen() || !frame.facts || !frame.status)
        return std::nullopt;
    // What the canvas draws (the one map composition, plus a cordon if one is shown) at
    // the extent it shows.
    const MapSettings shown = window_->canvas()->settings();
    MapReportData data;
    data.projectName =
        QFileInfo(QString::fromStdString(session.path())).completeBaseName().toStdString();
    data.facts = frame.facts;
    data.status = frame.status;
    data.filter = session.scenario().filter;
    data.style = session.settings().style;
    data.layers = shown.layers;
    data.extent = window_->canvas()->visibleExtent();
    return data;
}

MapReportOptions ReportActions::currentOptions() const {
    MapReportOptions options;
    options.language = mapLanguageFromCode(currentLanguage().toStdString());
    options.generatedAt = generationTime();
    // At most 500 rows of each list (about 90 A4 pages): a big province's full lists run to
    // thousands of pages, which belong in the CSV/XLSX exports; the report says how many
    // more there are.
    options.listRowLimit = kWindowReportRows;
    return options;
}

QFuture<Status> ReportActions::writePdf(const QString& path, ReportPaper paper) {
    auto data = currentReport();
    if (!data)
        return QtFuture::makeReadyFuture(Status(codedError("app.no_project")));
    MapReportOptions options = currentOptions();
    options.paper = paper;
    cancel_->store(false);
    return QtConcurrent::run([data = std::move(*data), options, file = path.toStdString(),
                              cancel = cancel_]() -> Status {
        return writeMapReportPdf(file, data, options, [cancel](int, int) { return !*cancel; });
    });
}

QFuture<Status> ReportActions::writePng(const QString& path, double dpi) {
    auto data = currentReport();
    if (!data)
        return QtFuture::makeReadyFuture(Status(codedError("app.no_project")));
    cancel_->store(false);
    return QtConcurrent::run(
        [data = std::move(*data), options = currentOptions(), file = path.toStdString(),
         dpi]() -> Status { return writeMapReportPng(file, data, options, dpi); });
}

void ReportActions::follow(QFuture<Status> future, const QString& title) {
    auto* progress = new QProgressDialog(tr("Drawing the report…"), tr("Cancel"), 0, 0, window_);
    progress->setWindowTitle(title);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);  // shown only when it is slow
    auto* watcher = new QFutureWatcher<Status>(this);
    connect(progress, &QProgressDialog::canceled, this, [cancel = cancel_] { *cancel = true; });
    connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher, progress, title] {
        progress->reset();
        progress->deleteLater();
        const Status st = watcher->result();
        watcher->deleteLater();
        if (!st && !cancel_->load())
            QMessageBox::warning(window_, title, QString::fromStdString(st.error().describe()));
    });
    watcher->setFuture(future);
}

namespace {
QString documentsPath(const QString& name) {
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QLatin1Char('/') +
           name;
}
}  // namespace

void ReportActions::exportPdf() {
    if (!currentReport())
        return;
    QString path = chooseFileToSave(window_, tr("Export map as PDF"),
                                    documentsPath(tr("map_report") + QStringLiteral(".pdf")),
                                    tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    follow(writePdf(path), tr("Export map as PDF"));
}

void ReportActions::exportImage() {
    if (!currentReport())
        return;
    bool ok = false;
    const int dpi = QInputDialog::getInt(window_, tr("Export map as image"),
                                         tr("Resolution (dots per inch):"), 150, 30, 600, 10, &ok);
    if (!ok)
        return;
    QString path = chooseFileToSave(window_, tr("Export map as image"),
                                    documentsPath(tr("map_report") + QStringLiteral(".png")),
                                    tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive))
        path += QStringLiteral(".png");
    follow(writePng(path, dpi), tr("Export map as image"));
}

void ReportActions::print() {
    auto data = currentReport();
    if (!data)
        return;
    // Owned by the worker's lambda: it outlives this function and the dialog.
    auto printer = std::make_shared<QPrinter>(QPrinter::HighResolution);
    printer->setPageSize(QPageSize(QPageSize::A4));
    printer->setPageOrientation(QPageLayout::Landscape);
    printer->setDocName(tr("Map report"));
    QPrintDialog dialog(printer.get(), window_);
    dialog.setWindowTitle(tr("Print map"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    // The report draws its own margins from the sheet's edge.
    printer->setFullPage(true);
    cancel_->store(false);
    // QPainter may paint on a QPrinter from a worker thread (Qt's threading notes).
    follow(QtConcurrent::run([data = std::move(*data), options = currentOptions(), printer,
                              cancel = cancel_]() -> Status {
               return paintMapReport(*printer, data, options,
                                     [cancel](int, int) { return !*cancel; });
           }),
           tr("Print map"));
}

}  // namespace safemap
