#pragma once
// The window's export dialogs (issue 9 item 4): the map view as PNG or SVG at a chosen size
// and resolution, with or without title and legend; a list, the facilities or the cordon's
// facilities as XLSX, CSV, GeoPackage or GeoJSON. They only ask; ReportActions writes,
// through the same functions as `safemap render` and `safemap export`.

#include <QDialog>

#include "gis/project/scenario_export.h"
#include "gis/report/map_report.h"

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace safemap {

class MapViewExportDialog : public QDialog {
    Q_OBJECT
public:
    /// `viewSize`: the map's size on screen, the default image size.
    MapViewExportDialog(QSize viewSize, QWidget* parent = nullptr);
    MapViewOptions options() const;
    MapViewFormat format() const;
    void setFormat(MapViewFormat format);

private:
    QComboBox* format_;
    QSpinBox* width_;
    QSpinBox* height_;
    QSpinBox* dpi_;
    QCheckBox* title_;
    QCheckBox* legend_;
};

class TableExportDialog : public QDialog {
    Q_OBJECT
public:
    /// `hasCordon`: a cordon is shown on the map, so its facilities can be exported.
    TableExportDialog(bool hasCordon, QWidget* parent = nullptr);
    ExportKind what() const;
    ExportFormat format() const;
    void setChoice(ExportKind what, ExportFormat format);

private:
    QComboBox* what_;
    QComboBox* format_;
};

}  // namespace safemap
