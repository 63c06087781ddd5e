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
#include <mutex>

#include "app/gui/cordon_dialog.h"
#include "app/gui/export_dialog.h"
#include "app/gui/file_dialogs.h"
#include "app/gui/language.h"
#include "app/gui/main_window.h"
#include "app/gui/map_canvas.h"
#include "app/gui/project_session.h"
#include "app/gui/report_dialog.h"
#include "app/gui/retranslate.h"
#include "core/errors/error_catalogue.h"
#include "core/util/timestamp.h"

namespace safemap {

// One read of the whole history per loaded frame, shared by the preview and every export
// drawn from it (on a large project the read takes a second or two).
struct ReportHistoryCache {
    std::mutex mutex;
    std::weak_ptr<const ProjectFacts> of;  ///< the frame's facts it was read for
    std::shared_ptr<const ProjectFacts> full;
};

ReportActions::ReportActions(MainWindow* window)
    : QObject(window),
      window_(window),
      pdf_(translated(new QAction(this), "safemap::ReportActions",
                      QT_TR_NOOP("Export map as &PDF…"))),
      image_(translated(new QAction(this), "safemap::ReportActions",
                        QT_TR_NOOP("Export map as i&mage…"))),
      print_(translated(new QAction(this), "safemap::ReportActions", QT_TR_NOOP("&Print map…"))),
      view_(translated(new QAction(this), "safemap::ReportActions",
                       QT_TR_NOOP("Export map &view (PNG, SVG)…"))),
      dialog_(translated(new QAction(this), "safemap::ReportActions", QT_TR_NOOP("Map &report…"))),
      tables_(
          translated(new QAction(this), "safemap::ReportActions",
                     QT_TR_NOOP("Export &lists and facilities (XLSX, CSV, GeoPackage, GeoJSON)…"))),
      history_(std::make_shared<ReportHistoryCache>()) {
    view_->setObjectName(QStringLiteral("exportViewAction"));
    dialog_->setObjectName(QStringLiteral("reportDialogAction"));
    dialog_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(dialog_, &QAction::triggered, this, &ReportActions::openDialog);
    tables_->setObjectName(QStringLiteral("exportTablesAction"));
    connect(view_, &QAction::triggered, this, &ReportActions::exportView);
    connect(tables_, &QAction::triggered, this, &ReportActions::exportTables);
    pdf_->setObjectName(QStringLiteral("exportPdfAction"));
    image_->setObjectName(QStringLiteral("exportImageAction"));
    print_->setObjectName(QStringLiteral("printAction"));
    print_->setShortcut(QKeySequence::Print);
    connect(pdf_, &QAction::triggered, this, &ReportActions::exportPdf);
    connect(image_, &QAction::triggered, this, &ReportActions::exportImage);
    connect(print_, &QAction::triggered, this, &ReportActions::print);
}

void ReportActions::addTo(QMenu* menu) {
    menu->addAction(dialog_);
    menu->addAction(pdf_);
    menu->addAction(image_);
    menu->addAction(view_);
    menu->addAction(tables_);
    menu->addAction(print_);
}

namespace {

std::function<std::shared_ptr<const ProjectFacts>()> fullHistoryReader(
    std::shared_ptr<ReportHistoryCache> cache, std::string path,
    std::shared_ptr<const ProjectFacts> shown) {
    std::weak_ptr<const ProjectFacts> key = shown;
    return [cache = std::move(cache), path = std::move(path), key = std::move(key),
            criteria = shown->criteria]() -> std::shared_ptr<const ProjectFacts> {
        const std::lock_guard lock(cache->mutex);
        const auto sameFacts = [](const auto& a, const auto& b) {
            return !a.owner_before(b) && !b.owner_before(a);
        };
        if (cache->full && !cache->of.expired() && sameFacts(cache->of, key))
            return cache->full;
        // Its own read-only connection, like the session's worker.
        auto project = Project::open(path, Project::Access::ReadOnly);
        if (!project)
            return nullptr;
        auto facts = loadProjectFacts(*project, FactsRequest{criteria, {}, nullptr});
        if (!facts)
            return nullptr;
        cache->of = key;
        cache->full = std::make_shared<const ProjectFacts>(std::move(facts).value());
        return cache->full;
    };
}

}  // namespace

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
    if (frame.facts->history != ScoreHistory::Full)
        data.fullHistory = fullHistoryReader(history_, session.path(), frame.facts);
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
    MapReportOptions options = currentOptions();
    options.paper = paper;
    return writePdfWith(path, options);
}

QFuture<Status> ReportActions::writePdfWith(const QString& path, const MapReportOptions& options) {
    auto data = currentReport();
    if (!data)
        return QtFuture::makeReadyFuture(Status(codedError("app.no_project")));
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

QFuture<Status> ReportActions::writeView(const QString& path, MapViewFormat format,
                                         const MapViewOptions& view) {
    auto data = currentReport();
    if (!data)
        return QtFuture::makeReadyFuture(Status(codedError("app.no_project")));
    cancel_->store(false);
    return QtConcurrent::run(
        [data = std::move(*data), options = currentOptions(), file = path.toStdString(), format,
         view]() -> Status { return writeMapView(file, format, data, options, view); });
}

QFuture<Status> ReportActions::writeTable(const QString& path, ExportKind what,
                                          ExportFormat format) {
    auto data = currentReport();
    if (!data)
        return QtFuture::makeReadyFuture(Status(codedError("app.no_project")));
    ScenarioExport request;
    request.format = format;
    request.what = what;
    request.vietnamese = currentLanguage() == QStringLiteral("vi");
    request.generatedAt = generationTime();
    if (what == ExportKind::Cordon && window_->cordonDialog())
        request.cordon = window_->cordonDialog()->cordon();
    cancel_->store(false);
    return QtConcurrent::run(
        [data = std::move(*data), request, file = path.toStdString()]() -> Status {
            auto written = exportScenario(file, request, *data.facts, *data.status, data.filter);
            return written ? Status() : Status(written.error());
        });
}

QString ReportActions::defaultFileName(ExportKind what, const QString& extension) const {
    const auto data = currentReport();
    const Date asOf = data ? data->status->asOf : Date{};
    return QString::fromStdString(exportFileName(
        what, asOf, currentLanguage() == QStringLiteral("vi"), extension.toStdString()));
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
    exportPdfWith(currentOptions(), window_);
}

void ReportActions::exportPdfWith(const MapReportOptions& options, QWidget* parent) {
    if (!currentReport())
        return;
    QString path = chooseFileToSave(parent, tr("Export map as PDF"),
                                    documentsPath(tr("map_report") + QStringLiteral(".pdf")),
                                    tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    follow(writePdfWith(path, options), tr("Export map as PDF"));
}

void ReportActions::openDialog() {
    if (!currentReport())
        return;
    ReportDialog dialog(this, window_);
    // As large as the window allows, up to 1100 × 700: the preview grows with it.
    const QSize room = window_->size() - QSize(40, 60);
    dialog.resize(std::min(1100, room.width()), std::min(700, room.height()));
    dialog.exec();
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

void ReportActions::exportView() {
    if (!currentReport())
        return;
    MapViewExportDialog dialog(window_->canvas()->size(), window_);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const bool svg = dialog.format() == MapViewFormat::Svg;
    const QString extension = svg ? QStringLiteral("svg") : QStringLiteral("png");
    QString path = chooseFileToSave(window_, tr("Export map view"),
                                    documentsPath(defaultFileName(ExportKind::Map, extension)),
                                    svg ? tr("SVG drawings (*.svg)") : tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1Char('.') + extension, Qt::CaseInsensitive))
        path += QLatin1Char('.') + extension;
    follow(writeView(path, dialog.format(), dialog.options()), tr("Export map view"));
}

void ReportActions::exportTables() {
    if (!currentReport())
        return;
    const bool hasCordon = window_->cordonDialog() && window_->cordonDialog()->cordon();
    TableExportDialog dialog(hasCordon, window_);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString extension = QString::fromStdString(exportFormatExtension(dialog.format()));
    QString path = chooseFileToSave(window_, tr("Export lists and facilities"),
                                    documentsPath(defaultFileName(dialog.what(), extension)),
                                    tr("Files (*.%1)").arg(extension));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1Char('.') + extension, Qt::CaseInsensitive))
        path += QLatin1Char('.') + extension;
    follow(writeTable(path, dialog.what(), dialog.format()), tr("Export lists and facilities"));
}

void ReportActions::print() {
    printWith(currentOptions(), window_);
}

void ReportActions::printWith(const MapReportOptions& options, QWidget* parent) {
    auto data = currentReport();
    if (!data)
        return;
    // Owned by the worker's lambda: it outlives this function and the dialog.
    auto printer = std::make_shared<QPrinter>(QPrinter::HighResolution);
    printer->setPageSize(
        QPageSize(options.paper == ReportPaper::A3 ? QPageSize::A3 : QPageSize::A4));
    printer->setPageOrientation(options.orientation == ReportOrientation::Portrait
                                    ? QPageLayout::Portrait
                                    : QPageLayout::Landscape);
    printer->setDocName(tr("Map report"));
    QPrintDialog dialog(printer.get(), parent);
    dialog.setWindowTitle(tr("Print map"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    // The report draws its own margins from the sheet's edge.
    printer->setFullPage(true);
    cancel_->store(false);
    // QPainter may paint on a QPrinter from a worker thread (Qt's threading notes).
    follow(QtConcurrent::run(
               [data = std::move(*data), options, printer, cancel = cancel_]() -> Status {
                   return paintMapReport(*printer, data, options,
                                         [cancel](int, int) { return !*cancel; });
               }),
           tr("Print map"));
}

}  // namespace safemap
