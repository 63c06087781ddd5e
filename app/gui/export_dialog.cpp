#include "app/gui/export_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSpinBox>
#include <QVBoxLayout>

namespace safemap {

MapViewExportDialog::MapViewExportDialog(QSize viewSize, QWidget* parent)
    : QDialog(parent),
      format_(new QComboBox(this)),
      width_(new QSpinBox(this)),
      height_(new QSpinBox(this)),
      dpi_(new QSpinBox(this)),
      title_(new QCheckBox(tr("Title band (title, as of, criteria set, filter)"), this)),
      legend_(new QCheckBox(tr("Legend, scale bar, north arrow and sources"), this)) {
    setWindowTitle(tr("Export map view"));
    setObjectName(QStringLiteral("mapViewExportDialog"));
    format_->setObjectName(QStringLiteral("formatCombo"));
    format_->addItem(tr("PNG image"), static_cast<int>(MapViewFormat::Png));
    format_->addItem(tr("SVG drawing (vectors, for editing and posters)"),
                     static_cast<int>(MapViewFormat::Svg));
    for (QSpinBox* box : {width_, height_}) {
        box->setRange(16, 20000);
        box->setSuffix(tr(" px"));
    }
    width_->setObjectName(QStringLiteral("widthBox"));
    height_->setObjectName(QStringLiteral("heightBox"));
    dpi_->setObjectName(QStringLiteral("dpiBox"));
    title_->setObjectName(QStringLiteral("titleCheck"));
    legend_->setObjectName(QStringLiteral("legendCheck"));
    width_->setValue(std::clamp(viewSize.width(), 16, 20000));
    height_->setValue(std::clamp(viewSize.height(), 16, 20000));
    dpi_->setRange(30, 1200);
    dpi_->setValue(96);
    dpi_->setSuffix(tr(" dpi"));
    dpi_->setToolTip(tr("96: symbols as on the screen; 300: as on a print of the image's size"));
    title_->setChecked(true);
    legend_->setChecked(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Format:"), format_);
    form->addRow(tr("Width:"), width_);
    form->addRow(tr("Height:"), height_);
    form->addRow(tr("Resolution:"), dpi_);
    form->addRow(QString(), title_);
    form->addRow(QString(), legend_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

MapViewOptions MapViewExportDialog::options() const {
    MapViewOptions o;
    o.pixels = QSize(width_->value(), height_->value());
    o.dpi = dpi_->value();
    o.title = title_->isChecked();
    o.legend = legend_->isChecked();
    return o;
}

MapViewFormat MapViewExportDialog::format() const {
    return static_cast<MapViewFormat>(format_->currentData().toInt());
}

void MapViewExportDialog::setFormat(MapViewFormat format) {
    format_->setCurrentIndex(format_->findData(static_cast<int>(format)));
}

TableExportDialog::TableExportDialog(bool hasCordon, QWidget* parent)
    : QDialog(parent), what_(new QComboBox(this)), format_(new QComboBox(this)) {
    setWindowTitle(tr("Export lists and facilities"));
    setObjectName(QStringLiteral("tableExportDialog"));
    what_->setObjectName(QStringLiteral("whatCombo"));
    format_->setObjectName(QStringLiteral("formatCombo"));
    what_->addItem(tr("Facilities to suspend (filtered)"),
                   static_cast<int>(ExportKind::SuspendList));
    what_->addItem(tr("Facilities due for inspection (filtered)"),
                   static_cast<int>(ExportKind::InspectList));
    what_->addItem(tr("Every facility that passes the filter"),
                   static_cast<int>(ExportKind::Facilities));
    if (hasCordon)
        what_->addItem(tr("Facilities in the cordon shown on the map"),
                       static_cast<int>(ExportKind::Cordon));
    format_->addItem(tr("Excel workbook (XLSX)"), static_cast<int>(ExportFormat::Xlsx));
    format_->addItem(tr("CSV table"), static_cast<int>(ExportFormat::Csv));
    format_->addItem(tr("GeoPackage (points, for other GIS)"),
                     static_cast<int>(ExportFormat::GeoPackage));
    format_->addItem(tr("GeoJSON (points, for other GIS)"),
                     static_cast<int>(ExportFormat::GeoJson));
    auto* form = new QFormLayout;
    form->addRow(tr("Export:"), what_);
    form->addRow(tr("Format:"), format_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

ExportKind TableExportDialog::what() const {
    return static_cast<ExportKind>(what_->currentData().toInt());
}

ExportFormat TableExportDialog::format() const {
    return static_cast<ExportFormat>(format_->currentData().toInt());
}

void TableExportDialog::setChoice(ExportKind what, ExportFormat format) {
    what_->setCurrentIndex(what_->findData(static_cast<int>(what)));
    format_->setCurrentIndex(format_->findData(static_cast<int>(format)));
}

}  // namespace safemap
