#pragma once

#include <QFuture>
#include <QObject>
#include <optional>

#include "core/result.h"
#include "gis/project/scenario_export.h"
#include "gis/report/map_report.h"

class QAction;
class QMenu;
class QWidget;

namespace safemap {

/// Rows of each action list in a report made from the window (the rest are counted).
inline constexpr std::size_t kWindowReportRows = 500;

class MainWindow;

/// \brief The window's map report: Project → Map report… (the dialog with a preview and
/// templates), Export map as PDF…, Export map as image…,
/// Export map view…, Export lists and facilities…, and Print… (Ctrl+P). Each draws
/// gis/report/map_report.h's report of what the window shows (its layers at its current extent, its
/// scenario) on a worker thread, with a progress dialog that can cancel, so the window never waits
/// for it.
class ReportActions : public QObject {
    Q_OBJECT
public:
    explicit ReportActions(MainWindow* window);

    /// Adds the actions to `menu`.
    void addTo(QMenu* menu);
    QAction* printAction() const { return print_; }

    /// The report of what the window shows now; empty until a project is loaded.
    std::optional<MapReportData> currentReport() const;
    /// The report's options in the UI language, made now.
    MapReportOptions currentOptions() const;

    /// Writes the report as a PDF on a worker thread.
    QFuture<Status> writePdf(const QString& path, ReportPaper paper = ReportPaper::A4);
    /// Writes the map page as a PNG at `dpi` on a worker thread.
    QFuture<Status> writePng(const QString& path, double dpi);
    /// Writes the report with `options` as a PDF on a worker thread.
    QFuture<Status> writePdfWith(const QString& path, const MapReportOptions& options);
    /// Asks where, then writes the report with `options` as a PDF (dialog over `parent`).
    void exportPdfWith(const MapReportOptions& options, QWidget* parent);
    /// Prints the report with `options` through Qt's print dialog over `parent`.
    void printWith(const MapReportOptions& options, QWidget* parent);
    /// Writes the map view (what the canvas shows) as a PNG or SVG on a worker thread.
    QFuture<Status> writeView(const QString& path, MapViewFormat format,
                              const MapViewOptions& view);
    /// Writes a list, the filtered facilities or the shown cordon's facilities on a worker.
    QFuture<Status> writeTable(const QString& path, ExportKind what, ExportFormat format);
    /// The dated default name of an export in the UI language ("danh_sach_dinh_chi_…").
    QString defaultFileName(ExportKind what, const QString& extension) const;

private:
    void exportPdf();
    void exportImage();
    void print();
    void exportView();
    void openDialog();
    void exportTables();
    /// Shows a progress dialog until `future` ends, then any error.
    void follow(QFuture<Status> future, const QString& title);

    MainWindow* window_;
    QAction* pdf_;
    QAction* image_;
    QAction* print_;
    QAction* view_;
    QAction* dialog_;
    QAction* tables_;
    std::shared_ptr<std::atomic<bool>> cancel_ = std::make_shared<std::atomic<bool>>(false);
    /// The whole score history of the shown facts, read once for the reports' trend chart.
    std::shared_ptr<struct ReportHistoryCache> history_;
};

}  // namespace safemap
