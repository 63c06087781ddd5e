#include "app/gui/table_import_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>
#include <climits>

#include "app/gui/error_text.h"
#include "app/gui/file_dialogs.h"
#include "app/gui/qt_text.h"
#include "app/gui/shipped_data.h"
#include "core/project/project.h"

namespace safemap {

namespace {}  // namespace

TableImportDialog::TableImportDialog(Kind kind, std::string projectPath, const CriteriaSet* active,
                                     QWidget* parent)
    : QDialog(parent),
      kind_(kind),
      projectPath_(std::move(projectPath)),
      fileEdit_(new QLineEdit(this)),
      encodingCombo_(new QComboBox(this)),
      sheetEdit_(new QLineEdit(this)),
      criteriaLabel_(new QLabel(this)),
      errorLabel_(new QLabel(this)),
      progress_(new QProgressBar(this)),
      progressTimer_(new QTimer(this)) {
    const bool assessments = kind == Kind::Assessments;
    setWindowTitle(assessments ? tr("Import assessments") : tr("Import inspections"));
    setObjectName(assessments ? QStringLiteral("assessmentImportDialog")
                              : QStringLiteral("inspectionImportDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    auto* fileRow = new QHBoxLayout;
    fileEdit_->setObjectName(QStringLiteral("fileEdit"));
    fileEdit_->setPlaceholderText(assessments ? tr("CSV, XLSX or ODS: one row per assessment")
                                              : tr("CSV, XLSX or ODS: one row per inspection"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    fileRow->addWidget(fileEdit_);
    fileRow->addWidget(browse);
    form->addRow(tr("File"), fileRow);
    encodingCombo_->addItem(tr("Detect"), QString());
    for (TextEncoding e : {TextEncoding::Utf8, TextEncoding::Tcvn3, TextEncoding::Vni,
                           TextEncoding::Viscii, TextEncoding::Cp1258})
        encodingCombo_->addItem(qs(encodingDisplayName(e)), qs(encodingName(e)));
    form->addRow(tr("Text encoding (CSV)"), encodingCombo_);
    sheetEdit_->setPlaceholderText(tr("first sheet"));
    form->addRow(tr("Sheet (XLSX, ODS)"), sheetEdit_);
    form->addRow(tr("Scored with"), criteriaLabel_);
    layout->addLayout(form);
    errorLabel_->setObjectName(QStringLiteral("importError"));
    errorLabel_->setWordWrap(true);
    errorLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    errorLabel_->setStyleSheet(QStringLiteral("color: #b00020;"));
    layout->addWidget(errorLabel_);
    progress_->setVisible(false);
    layout->addWidget(progress_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    importButton_ = buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    layout->addWidget(buttons);

    criteriaLabel_->setText(
        active ? tr("%1 v%2 (active set)").arg(qs(active->name)).arg(active->version)
               : tr("the bundled CRLN set (Decision 1203/QĐ-BCĐ)"));
    criteriaLabel_->setVisible(assessments);
    if (auto* label = form->labelForField(criteriaLabel_))
        label->setVisible(assessments);

    connect(browse, &QPushButton::clicked, this, [this] {
        QSettings settings;
        const QString path = chooseFileToOpen(
            this, kind_ == Kind::Assessments ? tr("Choose assessments") : tr("Choose inspections"),
            settings.value(QStringLiteral("import/lastDir")).toString(),
            tr("Tables (*.csv *.txt *.xlsx *.ods);;All files (*)"));
        if (path.isEmpty())
            return;
        settings.setValue(QStringLiteral("import/lastDir"), QFileInfo(path).absolutePath());
        setSourceFile(path);
    });
    connect(importButton_, &QPushButton::clicked, this, &TableImportDialog::startImport);
    connect(buttons, &QDialogButtonBox::rejected, this, [this] {
        if (isRunning())
            work_.cancel();
        else
            reject();
    });
    connect(&watcher_, &QFutureWatcher<Result<QString>>::finished, this,
            &TableImportDialog::finishImport);
    connect(progressTimer_, &QTimer::timeout, this, [this] { work_.showIn(progress_); });
}

TableImportDialog::~TableImportDialog() {
    work_.cancel();
    watcher_.waitForFinished();
}

void TableImportDialog::setSourceFile(const QString& path) {
    fileEdit_->setText(path);
}

QString TableImportDialog::errorText() const {
    return errorLabel_->text();
}

void TableImportDialog::startImport() {
    if (isRunning() || fileEdit_->text().isEmpty())
        return;
    work_ = WorkProgress();
    TableImportOptions options;
    if (const QString enc = encodingCombo_->currentData().toString(); !enc.isEmpty())
        options.encoding = encodingFromName(enc.toStdString());
    options.sheet = sheetEdit_->text().toStdString();
    AssessmentImportRequest request;
    request.cancel = work_.cancelFlag();
    request.progress = work_.reporter();
    errorLabel_->clear();
    progress_->setVisible(true);
    progress_->setRange(0, 0);
    importButton_->setEnabled(false);
    progressTimer_->start(100);
    running_ = true;
    const std::string source = fileEdit_->text().toStdString();
    // The worker opens its own connection; only values and the dialog-owned atomics cross.
    watcher_.setFuture(QtConcurrent::run([kind = kind_, projectPath = projectPath_, source, options,
                                          request, keep = work_]() mutable -> Result<QString> {
        auto project = Project::open(projectPath);
        if (!project)
            return project.error();
        if (kind == Kind::Inspections) {
            auto result = importInspectionsFile(*project, source, options);
            if (!result)
                return result.error();
            return TableImportDialog::tr("%1 rows: %2 new inspections, %3 already recorded")
                .arg(result->outcome.rows)
                .arg(result->outcome.inserted)
                .arg(result->outcome.alreadyPresent);
        }
        if (auto fallback = loadDefaultCriteria())
            request.fallback = *fallback;
        auto result = importAssessmentsFile(*project, source, options, request);
        if (!result)
            return result.error();
        return TableImportDialog::tr("%1 rows (%2): %3 new assessments, %4 already in the project")
            .arg(result->outcome.rows)
            .arg(QString::fromStdString(result->encoding))
            .arg(result->outcome.inserted)
            .arg(result->outcome.alreadyPresent);
    }));
}

void TableImportDialog::finishImport() {
    running_ = false;
    progressTimer_->stop();
    progress_->setVisible(false);
    importButton_->setEnabled(true);
    const auto result = watcher_.result();
    if (!result) {
        errorLabel_->setText(
            tr("Nothing was imported. %1").arg(safemap::errorText(result.error())));
        return;
    }
    summary_ = *result;
    accept();
}

}  // namespace safemap
