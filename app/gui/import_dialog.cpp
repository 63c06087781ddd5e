#include "app/gui/import_dialog.h"
#include "app/gui/error_text.h"
#include "app/gui/file_dialogs.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

#include "app/gui/qt_text.h"
#include "core/project/project.h"
#include "gis/io/site_import.h"
#include "gis/io/site_reading.h"
#include "gis/io/vn2000.h"

namespace safemap {

namespace {

QString attributeLabel(SiteAttribute a) {
    switch (a) {
        case SiteAttribute::Id:
            return ImportDialog::tr("Site ID");
        case SiteAttribute::TaxCode:
            return ImportDialog::tr("Tax code");
        case SiteAttribute::Name:
            return ImportDialog::tr("Name");
        case SiteAttribute::Kind:
            return ImportDialog::tr("Kind (KCN/CCN/KKT)");
        case SiteAttribute::ZoneId:
            return ImportDialog::tr("Zone / cluster ID");
        case SiteAttribute::Province:
            return ImportDialog::tr("Province");
        case SiteAttribute::District:
            return ImportDialog::tr("District");
        case SiteAttribute::Address:
            return ImportDialog::tr("Address");
        case SiteAttribute::Sector:
            return ImportDialog::tr("Sector");
        case SiteAttribute::WorkersTotal:
            return ImportDialog::tr("Workers");
        case SiteAttribute::WorkersOutOfProvince:
            return ImportDialog::tr("Out-of-province workers");
        case SiteAttribute::WorkersLargestShift:
            return ImportDialog::tr("Largest shift");
        case SiteAttribute::AccountIssued:
            return ImportDialog::tr("Account issued on");
        case SiteAttribute::Longitude:
            return ImportDialog::tr("Longitude / X");
        case SiteAttribute::Latitude:
            return ImportDialog::tr("Latitude / Y");
    }
    return {};
}

}  // namespace

ImportDialog::ImportDialog(std::string projectPath, QWidget* parent)
    : QDialog(parent),
      projectPath_(std::move(projectPath)),
      fileEdit_(new QLineEdit(this)),
      layerCombo_(new QComboBox(this)),
      targetCombo_(new QComboBox(this)),
      crsCombo_(new QComboBox(this)),
      encodingCombo_(new QComboBox(this)),
      layerInfo_(new QLabel(this)),
      messages_(new QPlainTextEdit(this)),
      progress_(new QProgressBar(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Cancel, this)),
      progressTimer_(new QTimer(this)) {
    setWindowTitle(tr("Import sites"));
    setObjectName(QStringLiteral("importDialog"));
    auto* layout = new QVBoxLayout(this);

    auto* top = new QFormLayout;
    auto* fileRow = new QHBoxLayout;
    fileEdit_->setObjectName(QStringLiteral("fileEdit"));
    fileEdit_->setPlaceholderText(tr("GeoPackage, Shapefile, GeoJSON, KML, CSV, XLSX, ODS"));
    auto* browseButton = new QPushButton(tr("Browse…"), this);
    fileRow->addWidget(fileEdit_);
    fileRow->addWidget(browseButton);
    top->addRow(tr("File"), fileRow);
    top->addRow(tr("Layer / sheet"), layerCombo_);
    targetCombo_->addItem(tr("Decide from the geometry"), QStringLiteral("auto"));
    targetCombo_->addItem(tr("Zones and clusters"), QStringLiteral("zones"));
    targetCombo_->addItem(tr("Facilities"), QStringLiteral("factories"));
    top->addRow(tr("Import as"), targetCombo_);
    crsCombo_->addItem(tr("As declared by the file"), QString());
    crsCombo_->addItem(QStringLiteral("WGS 84 (EPSG:4326)"), QStringLiteral("EPSG:4326"));
    crsCombo_->addItem(QStringLiteral("VN-2000 UTM 48N (EPSG:3405)"), QStringLiteral("EPSG:3405"));
    for (const auto& p : vn2000Provinces())
        crsCombo_->addItem(tr("VN-2000 TM-3, %1 (%2°%3')")
                               .arg(qs(p.name))
                               .arg(p.meridianMinutes / 60)
                               .arg(p.meridianMinutes % 60, 2, 10, QLatin1Char('0')),
                           QStringLiteral("VN2000:") + qs(p.name));
    top->addRow(tr("Source CRS"), crsCombo_);
    encodingCombo_->setObjectName(QStringLiteral("encodingCombo"));
    encodingCombo_->addItem(tr("Detect"), QString());
    for (TextEncoding e : {TextEncoding::Utf8, TextEncoding::Utf16Le, TextEncoding::Tcvn3,
                           TextEncoding::Vni, TextEncoding::Viscii, TextEncoding::Cp1258})
        encodingCombo_->addItem(qs(encodingDisplayName(e)), qs(encodingName(e)));
    top->addRow(tr("Text encoding (CSV)"), encodingCombo_);
    layerInfo_->setWordWrap(true);
    top->addRow(QString(), layerInfo_);
    layout->addLayout(top);

    auto* mappingBox = new QGroupBox(tr("Columns"), this);
    auto* mappingForm = new QFormLayout(mappingBox);
    for (SiteAttribute a : allSiteAttributes()) {
        auto* combo = new QComboBox(mappingBox);
        combo->setObjectName(QStringLiteral("map_") + qs(siteAttributeKey(a)));
        mappingCombos_[static_cast<size_t>(a)] = combo;
        mappingForm->addRow(attributeLabel(a), combo);
    }
    layout->addWidget(mappingBox);

    // Errors (every bad row) and notes can run to a hundred lines: a scrolling box, not a
    // label that would grow the dialog off the screen.
    messages_->setObjectName(QStringLiteral("importError"));
    messages_->setReadOnly(true);
    messages_->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    messages_->setMinimumHeight(fontMetrics().lineSpacing() * 6);
    messages_->setMaximumHeight(fontMetrics().lineSpacing() * 12);
    messages_->setVisible(false);
    layout->addWidget(messages_);
    progress_->setVisible(false);
    layout->addWidget(progress_);
    importButton_ = buttons_->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    importButton_->setEnabled(false);
    layout->addWidget(buttons_);

    connect(browseButton, &QPushButton::clicked, this, &ImportDialog::browse);
    connect(fileEdit_, &QLineEdit::editingFinished, this, &ImportDialog::describe);
    connect(layerCombo_, &QComboBox::currentIndexChanged, this, &ImportDialog::fillMapping);
    // The encoding changes how a CSV's header reads: describe it again.
    connect(encodingCombo_, &QComboBox::currentIndexChanged, this, &ImportDialog::describe);
    connect(importButton_, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(buttons_, &QDialogButtonBox::rejected, this, [this] {
        if (isRunning())
            work_.cancel();  // the worker stops, rolls back, then finishImport runs
        else
            reject();
    });
    connect(&watcher_, &QFutureWatcher<Result<Outcome>>::finished, this,
            &ImportDialog::finishImport);
    connect(progressTimer_, &QTimer::timeout, this, [this] { work_.showIn(progress_); });
}

ImportDialog::~ImportDialog() {
    work_.cancel();
    watcher_.waitForFinished();
}

void ImportDialog::browse() {
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("import/lastDir")).toString();
    const QString path = chooseFileToOpen(
        this, tr("Choose a file to import"), dir,
        tr("GIS files and spreadsheets (*.gpkg *.shp *.geojson *.json *.kml *.csv *.xlsx *.ods);;"
           "All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("import/lastDir"), QFileInfo(path).absolutePath());
    setSourceFile(path);
}

void ImportDialog::setSourceFile(const QString& path) {
    fileEdit_->setText(path);
    describe();
}

void ImportDialog::describe() {
    messages_->clear();
    messages_->setVisible(false);
    layerCombo_->clear();
    source_.reset();
    importButton_->setEnabled(false);
    if (fileEdit_->text().isEmpty())
        return;
    std::optional<TextEncoding> encoding;
    if (const QString enc = encodingCombo_->currentData().toString(); !enc.isEmpty())
        encoding = encodingFromName(enc.toStdString());
    auto info = describeSource(fileEdit_->text().toStdString(), encoding);
    if (!info) {
        failed_ = true;
        messages_->setStyleSheet(QStringLiteral("color: #b00020;"));
        messages_->setPlainText(safemap::errorText(info.error()));
        messages_->setVisible(true);
        return;
    }
    source_ = std::move(info).value();
    for (const auto& layer : source_->layers)
        layerCombo_->addItem(qs(layer.name));
    importButton_->setEnabled(!source_->layers.empty());
    fillMapping();
}

void ImportDialog::fillMapping() {
    const int index = layerCombo_->currentIndex();
    if (!source_ || index < 0 || index >= static_cast<int>(source_->layers.size()))
        return;
    const SourceLayerInfo& layer = source_->layers[static_cast<size_t>(index)];
    const FieldMapping guess = guessFieldMapping(layer);
    for (SiteAttribute a : allSiteAttributes()) {
        QComboBox* combo = mappingCombos_[static_cast<size_t>(a)];
        combo->clear();
        combo->addItem(tr("(not imported)"), QString());
        for (const auto& f : layer.fields)
            combo->addItem(qs(f.name), qs(f.name));
        combo->setCurrentIndex(std::max(0, combo->findData(qs(guess.column(a)))));
    }
    QString info = tr("%1 · %2 features · %3")
                       .arg(layer.geometry == SourceGeometry::None ? tr("no geometry")
                                                                   : qs(layer.geometryType))
                       .arg(layer.featureCount)
                       .arg(layer.hasCrs ? qs(layer.crsName) : tr("no CRS declared"));
    layerInfo_->setText(info);
}

FieldMapping ImportDialog::currentMapping() const {
    FieldMapping m;
    for (SiteAttribute a : allSiteAttributes())
        m.column(a) =
            mappingCombos_[static_cast<size_t>(a)]->currentData().toString().toStdString();
    return m;
}

void ImportDialog::reject() {
    // Once sites are written, closing the dialog in any way reports them as imported.
    if (imported_)
        accept();
    else
        QDialog::reject();
}

QString ImportDialog::errorText() const {
    return failed_ ? messages_->toPlainText() : QString();
}

void ImportDialog::startImport() {
    if (!source_ || isRunning() || imported_)
        return;
    SiteImportOptions options;
    options.layer = layerCombo_->currentText().toStdString();
    options.mapping = currentMapping();
    const QString target = targetCombo_->currentData().toString();
    if (target == QLatin1String("zones"))
        options.target = ImportTarget::Zones;
    if (target == QLatin1String("factories"))
        options.target = ImportTarget::Factories;
    options.sourceCrs = crsCombo_->currentData().toString().toStdString();
    if (const QString enc = encodingCombo_->currentData().toString(); !enc.isEmpty())
        options.encoding = encodingFromName(enc.toStdString());
    work_ = WorkProgress();
    options.cancel = work_.cancelFlag();
    options.progress = work_.reporter();
    failed_ = false;
    notes_.clear();
    messages_->clear();
    messages_->setVisible(false);
    progress_->setVisible(true);
    progress_->setRange(0, 0);
    importButton_->setEnabled(false);
    progressTimer_->start(100);
    running_ = true;
    const std::string projectPath = projectPath_;
    const std::string sourcePath = fileEdit_->text().toStdString();
    // The worker opens its own connection: nothing live is shared with the UI thread.
    // The options (and the atomics they point to, kept alive by the dialog) are copied.
    watcher_.setFuture(
        QtConcurrent::run([projectPath, sourcePath, options, keep = work_]() -> Result<Outcome> {
            auto project = Project::open(projectPath);
            if (!project)
                return project.error();
            return importSitesFile(*project, sourcePath, options);
        }));
}

void ImportDialog::finishImport() {
    running_ = false;
    progressTimer_->stop();
    progress_->setVisible(false);
    importButton_->setEnabled(true);
    const Result<Outcome> result = watcher_.result();
    if (!result) {
        failed_ = true;
        messages_->setStyleSheet(QStringLiteral("color: #b00020;"));
        messages_->setPlainText(
            tr("Nothing was imported. %1").arg(safemap::errorText(result.error())));
        messages_->setVisible(true);
        return;
    }
    summary_ = tr("Imported %1 rows: %2 new, %3 updated, %4 unchanged")
                   .arg(result->summary.rows)
                   .arg(result->summary.inserted)
                   .arg(result->summary.updated)
                   .arg(result->summary.unchanged);
    if (result->notes.empty()) {
        accept();
        return;
    }
    // The import is done; keep the dialog open so the notes are read, then Close accepts.
    QStringList lines;
    for (const Error& note : result->notes)
        lines << safemap::errorText(note);
    notes_ = lines.join(QLatin1Char('\n'));
    messages_->setStyleSheet(QString());
    messages_->setPlainText(summary_ + QStringLiteral(".\n") + tr("Notes:") + QLatin1Char('\n') +
                            notes_);
    messages_->setVisible(true);
    imported_ = true;
    importButton_->setVisible(false);
    if (QPushButton* cancel = buttons_->button(QDialogButtonBox::Cancel))
        cancel->setText(tr("Close"));
}

}  // namespace safemap
