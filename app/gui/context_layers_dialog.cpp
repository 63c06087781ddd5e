#include "app/gui/context_layers_dialog.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

#include "app/gui/error_text.h"
#include "app/gui/file_dialogs.h"
#include "app/gui/qt_text.h"
#include "app/gui/window_layout.h"
#include "gis/io/crs_input.h"
#include "gis/io/vn2000.h"
#include "gis/project/context_layers.h"

namespace safemap {

namespace {

QIcon colourIcon(const QColor& colour) {
    QPixmap pm(16, 16);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    if (colour.isValid()) {
        p.setPen(QColor(90, 90, 90));
        p.setBrush(colour);
        p.drawRect(QRectF(1.5, 1.5, 13, 13));
    }
    return QIcon(pm);
}

QString geometryName(SourceGeometry g) {
    switch (g) {
        case SourceGeometry::Point:
            return ContextLayerEditor::tr("points");
        case SourceGeometry::Line:
            return ContextLayerEditor::tr("lines");
        case SourceGeometry::Polygon:
            return ContextLayerEditor::tr("areas");
        case SourceGeometry::Mixed:
            return ContextLayerEditor::tr("mixed geometry");
        case SourceGeometry::None:
            return ContextLayerEditor::tr("no geometry");
    }
    return {};
}

}  // namespace

QString contextFileFilter() {
    return ContextLayerEditor::tr(
               "Vector files (*.gpkg *.shp *.geojson *.json *.kml *.kmz *.gml *.dxf *.tab *.mif "
               "*.sqlite *.fgb *.gpx)") +
           QStringLiteral(";;") + ContextLayerEditor::tr("All files (*)");
}

ContextLayerEditor::ContextLayerEditor(std::string projectPath, ContextLayer layer, QWidget* parent)
    : QDialog(parent),
      projectPath_(std::move(projectPath)),
      layer_(std::move(layer)),
      fileLabel_(new QLabel(this)),
      info_(new QLabel(this)),
      layerCombo_(new QComboBox(this)),
      crsCombo_(new QComboBox(this)),
      crsName_(new QLabel(this)),
      title_(new QLineEdit(this)),
      lineButton_(new QPushButton(this)),
      fillCheck_(new QCheckBox(tr("Fill areas"), this)),
      fillButton_(new QPushButton(this)),
      width_(new QDoubleSpinBox(this)),
      labelField_(new QComboBox(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setWindowTitle(layer_.path.empty() ? tr("Add a context layer") : tr("Context layer"));
    setObjectName(QStringLiteral("contextLayerEditor"));
    // The name only (the whole path is its tooltip): a wrapped path grows the row under the
    // next one in a form layout.
    fileLabel_->setWordWrap(false);
    fileLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    info_->setObjectName(QStringLiteral("contextFileInfo"));
    info_->setWordWrap(true);
    layerCombo_->setObjectName(QStringLiteral("contextLayerCombo"));
    crsCombo_->setObjectName(QStringLiteral("contextCrsCombo"));
    crsCombo_->setEditable(true);
    crsCombo_->addItem(tr("As declared by the file"), QString());
    crsCombo_->addItem(QStringLiteral("WGS 84 (EPSG:4326)"), QStringLiteral("EPSG:4326"));
    crsCombo_->addItem(QStringLiteral("VN-2000 (EPSG:4756)"), QStringLiteral("VN2000"));
    crsCombo_->addItem(QStringLiteral("VN-2000 UTM 48N (EPSG:3405)"), QStringLiteral("EPSG:3405"));
    crsCombo_->addItem(QStringLiteral("VN-2000 UTM 49N (EPSG:3406)"), QStringLiteral("EPSG:3406"));
    for (const auto& p : vn2000Provinces())
        crsCombo_->addItem(tr("VN-2000 TM-3, %1 (%2°%3')")
                               .arg(qs(std::string(p.name)))
                               .arg(p.meridianMinutes / 60)
                               .arg(p.meridianMinutes % 60, 2, 10, QLatin1Char('0')),
                           QStringLiteral("VN2000:") + qs(std::string(p.name)));
    crsCombo_->setToolTip(
        tr("Only for a file that declares no CRS (a shapefile without .prj, a DXF): e.g. "
           "EPSG:9215 or VN2000:Lạng Sơn"));
    crsName_->setWordWrap(true);
    title_->setObjectName(QStringLiteral("contextTitle"));
    lineButton_->setObjectName(QStringLiteral("lineColourButton"));
    fillButton_->setObjectName(QStringLiteral("fillColourButton"));
    width_->setRange(0.2, 10);
    width_->setSingleStep(0.2);
    width_->setDecimals(1);
    width_->setSuffix(tr(" px"));
    labelField_->setObjectName(QStringLiteral("labelFieldCombo"));

    auto* pick = new QPushButton(tr("Choose file…"), this);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(fileLabel_, 1);
    fileRow->addWidget(pick);
    auto* fillRow = new QHBoxLayout;
    fillRow->addWidget(fillCheck_);
    fillRow->addWidget(fillButton_);
    fillRow->addStretch();
    auto* form = new QFormLayout;
    form->addRow(tr("File"), fileRow);
    form->addRow(QString(), info_);
    form->addRow(tr("Layer"), layerCombo_);
    form->addRow(tr("Source CRS"), crsCombo_);
    form->addRow(QString(), crsName_);
    form->addRow(tr("Title"), title_);
    form->addRow(tr("Line colour"), lineButton_);
    form->addRow(tr("Fill"), fillRow);
    form->addRow(tr("Line width"), width_);
    form->addRow(tr("Names from"), labelField_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(buttons_);

    line_ = contextColour(layer_.style.lineColour);
    if (!line_.isValid())
        line_ = contextColour(ContextLayerStyle{}.lineColour);
    fill_ = contextColour(layer_.style.fillColour);
    fillCheck_->setChecked(fill_.isValid());
    if (!fill_.isValid())
        fill_ = QColor(line_.red(), line_.green(), line_.blue(), 60);
    setLineColour(line_);
    setFillColour(fillCheck_->isChecked() ? fill_ : QColor());
    width_->setValue(layer_.style.lineWidth);
    title_->setText(qs(layer_.title));
    const int crsIndex = crsCombo_->findData(qs(layer_.sourceCrs));
    if (crsIndex >= 0)
        crsCombo_->setCurrentIndex(crsIndex);
    else
        crsCombo_->setEditText(qs(layer_.sourceCrs));

    connect(pick, &QPushButton::clicked, this, &ContextLayerEditor::chooseFile);
    connect(lineButton_, &QPushButton::clicked, this, [this] { pickColour(false); });
    connect(fillButton_, &QPushButton::clicked, this, [this] { pickColour(true); });
    connect(fillCheck_, &QCheckBox::toggled, fillButton_, &QWidget::setEnabled);
    connect(layerCombo_, &QComboBox::currentIndexChanged, this, &ContextLayerEditor::layerChosen);
    connect(crsCombo_, &QComboBox::currentTextChanged, this, &ContextLayerEditor::updateCrs);
    connect(title_, &QLineEdit::textChanged, this, &ContextLayerEditor::updateButtons);
    connect(&watcher_, &QFutureWatcher<Result<SourceInfo>>::finished, this,
            &ContextLayerEditor::describeFinished);
    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Wide enough for "lines · features: 36 · VN-2000 / UTM zone 48N" on one line.
    resize(std::max(sizeHint().width(), fontMetrics().averageCharWidth() * 70),
           sizeHint().height());
    updateCrs();
    updateButtons();
    if (!layer_.path.empty())
        setFile(qs(resolveContextPath(projectPath_, layer_.path)));
    fitToScreen(*this);
}

ContextLayerEditor::~ContextLayerEditor() {
    watcher_.waitForFinished();
}

void ContextLayerEditor::chooseFile() {
    const QString file = chooseFileToOpen(this, tr("Context layer"),
                                          QFileInfo(file_).absolutePath(), contextFileFilter());
    if (!file.isEmpty())
        setFile(file);
}

void ContextLayerEditor::setFile(const QString& file) {
    watcher_.waitForFinished();
    file_ = QFileInfo(file).absoluteFilePath();
    fileLabel_->setText(QFileInfo(file_).fileName());
    fileLabel_->setToolTip(QDir::toNativeSeparators(file_));
    fileOk_ = false;
    source_.reset();
    info_->setText(tr("Reading the file…"));
    if (title_->text().isEmpty())
        title_->setText(QFileInfo(file_).completeBaseName());
    updateButtons();
    if (!QFileInfo::exists(file_)) {
        info_->setText(tr("The file is missing: choose where it is now."));
        return;
    }
    watcher_.setFuture(QtConcurrent::run(
        [path = file_.toStdString()] { return describeSource(path, std::nullopt); }));
}

void ContextLayerEditor::waitForFile() {
    watcher_.waitForFinished();
    QCoreApplication::processEvents();
}

void ContextLayerEditor::describeFinished() {
    Result<SourceInfo> result = watcher_.result();
    if (!result) {
        info_->setText(qs(result.error().describe()));
        layerCombo_->clear();
        updateButtons();
        return;
    }
    source_ = std::move(result).value();
    const QString keep = layerCombo_->count() ? layerCombo_->currentText() : qs(layer_.layerName);
    layerCombo_->blockSignals(true);
    layerCombo_->clear();
    for (const auto& l : source_->layers)
        layerCombo_->addItem(qs(l.name));
    const int at = layerCombo_->findText(keep);
    layerCombo_->setCurrentIndex(at >= 0 ? at : 0);
    layerCombo_->setEnabled(layerCombo_->count() > 1);
    layerCombo_->blockSignals(false);
    layerChosen();
}

void ContextLayerEditor::layerChosen() {
    const int i = layerCombo_->currentIndex();
    if (!source_ || i < 0 || static_cast<size_t>(i) >= source_->layers.size()) {
        fileOk_ = false;
        updateButtons();
        return;
    }
    const SourceLayerInfo& l = source_->layers[static_cast<size_t>(i)];
    QString text = geometryName(l.geometry);
    if (l.featureCount >= 0)
        text += QStringLiteral(" · ") + tr("features: %1").arg(uiCount(l.featureCount));
    text += QStringLiteral(" · ") + (l.hasCrs ? qs(l.crsName) : tr("no CRS declared"));
    fileOk_ = l.geometry != SourceGeometry::None;
    if (!fileOk_)
        text += QStringLiteral(" — ") +
                tr("nothing to draw: choose a file with points, lines or areas");
    info_->setText(text);
    const QString keep =
        labelField_->count() ? labelField_->currentData().toString() : qs(layer_.style.labelField);
    labelField_->clear();
    labelField_->addItem(tr("(no names)"), QString());
    for (const auto& f : l.fields)
        labelField_->addItem(qs(f.name), qs(f.name));
    setLabelField(keep);
    updateButtons();
}

QString ContextLayerEditor::crsInput() const {
    // A listed choice stands for its code; anything typed is taken as typed.
    const int i = crsCombo_->currentIndex();
    if (i >= 0 && crsCombo_->currentText() == crsCombo_->itemText(i))
        return crsCombo_->itemData(i).toString();
    return crsCombo_->currentText().trimmed();
}

void ContextLayerEditor::updateCrs() {
    const QString text = crsInput();
    if (text.isEmpty()) {
        crsName_->clear();
    } else if (auto name = crsDisplayName(text.toStdString())) {
        crsName_->setText(qs(*name));
    } else {
        crsName_->setText(qs(name.error().message));
    }
    updateButtons();
}

void ContextLayerEditor::updateButtons() {
    buttons_->button(QDialogButtonBox::Ok)
        ->setEnabled(fileOk_ && !title_->text().trimmed().isEmpty());
    // What the file holds arrives after the dialog took its size: a wrapped description
    // needs the room, or it is drawn under the rows around it.
    if (layout()) {
        layout()->activate();
        const QSize wanted = size().expandedTo(sizeHint());
        if (wanted != size()) {
            resize(wanted);
            fitToScreen(*this);
        }
    }
}

void ContextLayerEditor::pickColour(bool fill) {
    const QColor chosen =
        chooseColour(fill ? fill_ : line_, this, fill ? tr("Fill colour") : tr("Line colour"),
                     fill ? QColorDialog::ShowAlphaChannel : QColorDialog::ColorDialogOptions());
    if (!chosen.isValid())
        return;
    if (fill)
        setFillColour(chosen);
    else
        setLineColour(chosen);
}

void ContextLayerEditor::setLineColour(const QColor& colour) {
    line_ = colour;
    lineButton_->setIcon(colourIcon(colour));
    lineButton_->setText(colour.name());
}

void ContextLayerEditor::setFillColour(const QColor& colour) {
    fillCheck_->setChecked(colour.isValid());
    fillButton_->setEnabled(colour.isValid());
    if (colour.isValid())
        fill_ = colour;
    fillButton_->setIcon(colourIcon(fill_));
    fillButton_->setText(fill_.name(QColor::HexArgb));
}

void ContextLayerEditor::setLabelField(const QString& field) {
    const int i = labelField_->findData(field);
    labelField_->setCurrentIndex(i >= 0 ? i : 0);
}

QString ContextLayerEditor::fileText() const {
    return info_->text();
}

ContextLayer ContextLayerEditor::layer() const {
    ContextLayer l = layer_;
    if (!file_.isEmpty())
        l.path = storedContextPath(projectPath_, file_.toStdString());
    l.title = title_->text().trimmed().toStdString();
    l.layerName =
        layerCombo_->count() > 1 ? layerCombo_->currentText().toStdString() : std::string();
    l.sourceCrs = crsInput().toStdString();
    l.style.lineColour = contextColourText(line_);
    l.style.fillColour = fillCheck_->isChecked() ? contextColourText(fill_) : std::string();
    l.style.lineWidth = width_->value();
    l.style.labelField = labelField_->currentData().toString().toStdString();
    return l;
}

ContextLayersDialog::ContextLayersDialog(std::string projectPath, std::vector<ContextLayer> layers,
                                         std::map<std::string, QString> problems, QWidget* parent)
    : QDialog(parent),
      projectPath_(std::move(projectPath)),
      layers_(std::move(layers)),
      problems_(std::move(problems)),
      list_(new QListWidget(this)),
      edit_(new QPushButton(tr("Edit…"), this)),
      remove_(new QPushButton(tr("Remove"), this)) {
    setWindowTitle(tr("Context layers"));
    setObjectName(QStringLiteral("contextLayersDialog"));
    list_->setObjectName(QStringLiteral("contextLayerList"));
    list_->setWordWrap(true);
    auto* intro = new QLabel(
        tr("Reference layers drawn with the map (official boundaries, roads, rivers): any vector "
           "file, in WGS 84 or VN-2000. They are saved in the project; the files stay where "
           "they are."),
        this);
    intro->setWordWrap(true);
    auto* add = new QPushButton(tr("Add…"), this);
    auto* side = new QVBoxLayout;
    side->addWidget(add);
    side->addWidget(edit_);
    side->addWidget(remove_);
    side->addStretch();
    auto* row = new QHBoxLayout;
    row->addWidget(list_, 1);
    row->addLayout(side);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(row, 1);
    layout->addWidget(buttons);
    connect(add, &QPushButton::clicked, this, [this] { addLayer(); });
    connect(edit_, &QPushButton::clicked, this, &ContextLayersDialog::editCurrent);
    connect(remove_, &QPushButton::clicked, this, &ContextLayersDialog::removeCurrent);
    connect(list_, &QListWidget::itemActivated, this, &ContextLayersDialog::editCurrent);
    connect(list_, &QListWidget::currentRowChanged, this, [this](int row) {
        edit_->setEnabled(row >= 0);
        remove_->setEnabled(row >= 0);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    fill();
    resize(560, 360);
    fitToScreen(*this);
}

void ContextLayersDialog::fill() {
    const int row = list_->currentRow();
    list_->clear();
    for (const auto& l : layers_) {
        QString text = qs(l.title) + QStringLiteral("\n") + qs(l.path);
        auto* item = new QListWidgetItem(text, list_);
        QColor colour = contextColour(l.style.lineColour);
        item->setIcon(colourIcon(colour));
        if (auto it = problems_.find(l.id); it != problems_.end()) {
            item->setText(text + QStringLiteral("\n") + it->second);
            item->setForeground(QColor(170, 30, 30));
        }
    }
    list_->setCurrentRow(std::min(row, list_->count() - 1));
    edit_->setEnabled(list_->currentRow() >= 0);
    remove_->setEnabled(list_->currentRow() >= 0);
}

void ContextLayersDialog::addLayer(const QString& file) {
    QString chosen = file;
    if (chosen.isEmpty())
        chosen = chooseFileToOpen(this, tr("Add a context layer"),
                                  QFileInfo(qs(projectPath_)).absolutePath(), contextFileFilter());
    if (chosen.isEmpty())
        return;
    ContextLayer fresh;
    fresh.id = newContextLayerId(layers_);
    ContextLayerEditor editor(projectPath_, fresh, this);
    editor.setFile(chosen);
    if (editor.exec() != QDialog::Accepted)
        return;
    layers_.push_back(editor.layer());
    fill();
    list_->setCurrentRow(list_->count() - 1);
}

void ContextLayersDialog::editCurrent() {
    const int row = list_->currentRow();
    if (row < 0 || static_cast<size_t>(row) >= layers_.size())
        return;
    ContextLayerEditor editor(projectPath_, layers_[static_cast<size_t>(row)], this);
    if (editor.exec() != QDialog::Accepted)
        return;
    ContextLayer& l = layers_[static_cast<size_t>(row)];
    const bool sameFile = editor.layer().path == l.path;
    l = editor.layer();
    if (!sameFile)
        problems_.erase(l.id);
    fill();
}

void ContextLayersDialog::removeCurrent() {
    const int row = list_->currentRow();
    if (row < 0 || static_cast<size_t>(row) >= layers_.size())
        return;
    problems_.erase(layers_[static_cast<size_t>(row)].id);
    layers_.erase(layers_.begin() + row);
    fill();
}

}  // namespace safemap
