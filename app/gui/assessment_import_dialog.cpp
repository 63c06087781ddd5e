#include "app/gui/assessment_import_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
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

#include "app/gui/data_paths.h"
#include "core/scoring/compiled_criteria.h"
#include "core/storage/criteria_choice.h"
#include "core/storage/project_store.h"

namespace safemap {

namespace {
QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<int>(s.size()));
}
}  // namespace

AssessmentImportDialog::AssessmentImportDialog(ProjectStore& store, QWidget* parent)
    : QDialog(parent),
      store_(store),
      fileEdit_(new QLineEdit(this)),
      encodingCombo_(new QComboBox(this)),
      sheetEdit_(new QLineEdit(this)),
      criteriaLabel_(new QLabel(this)),
      errorLabel_(new QLabel(this)),
      progress_(new QProgressBar(this)),
      progressTimer_(new QTimer(this)) {
    setWindowTitle(tr("Import assessments"));
    setObjectName(QStringLiteral("assessmentImportDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    auto* fileRow = new QHBoxLayout;
    fileEdit_->setObjectName(QStringLiteral("fileEdit"));
    fileEdit_->setPlaceholderText(tr("CSV, XLSX or ODS: one row per assessment"));
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

    const auto active = activeCriteriaSet(store_.database());
    criteriaLabel_->setText(
        active ? tr("%1 v%2 (active set)").arg(qs(active->name)).arg(active->version)
               : tr("the bundled CRLN set (Decision 1203/QĐ-BCĐ)"));

    connect(browse, &QPushButton::clicked, this, [this] {
        QSettings settings;
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Choose assessments"),
            settings.value(QStringLiteral("import/lastDir")).toString(),
            tr("Assessments (*.csv *.txt *.xlsx *.ods);;All files (*)"));
        if (path.isEmpty())
            return;
        settings.setValue(QStringLiteral("import/lastDir"), QFileInfo(path).absolutePath());
        setSourceFile(path);
    });
    connect(importButton_, &QPushButton::clicked, this, &AssessmentImportDialog::startImport);
    connect(buttons, &QDialogButtonBox::rejected, this, [this] {
        if (isRunning())
            work_.cancel();
        else
            reject();
    });
    connect(&watcher_, &QFutureWatcher<Result<AssessmentImportResult>>::finished, this,
            &AssessmentImportDialog::finishImport);
    connect(progressTimer_, &QTimer::timeout, this, [this] { work_.showIn(progress_); });
}

AssessmentImportDialog::~AssessmentImportDialog() {
    work_.cancel();
    watcher_.waitForFinished();
}

void AssessmentImportDialog::setSourceFile(const QString& path) {
    fileEdit_->setText(path);
}

QString AssessmentImportDialog::errorText() const {
    return errorLabel_->text();
}

void AssessmentImportDialog::startImport() {
    if (isRunning() || fileEdit_->text().isEmpty())
        return;
    work_ = WorkProgress();
    AssessmentImportOptions options;
    if (const QString enc = encodingCombo_->currentData().toString(); !enc.isEmpty())
        options.encoding = encodingFromName(enc.toStdString());
    options.sheet = sheetEdit_->text().toStdString();
    options.cancel = work_.cancelFlag();
    options.progress = work_.reporter();
    errorLabel_->clear();
    progress_->setVisible(true);
    progress_->setRange(0, 0);
    importButton_->setEnabled(false);
    progressTimer_->start(100);
    running_ = true;
    const std::string projectPath = store_.path();
    const std::string source = fileEdit_->text().toStdString();
    const std::string defaultSet = defaultCriteriaFile().toStdString();
    // The worker opens its own connection; only values and the dialog-owned atomics cross.
    watcher_.setFuture(QtConcurrent::run([projectPath, source, defaultSet, options,
                                          keep = work_]() -> Result<AssessmentImportResult> {
        auto project = ProjectStore::open(projectPath);
        if (!project)
            return project.error();
        auto choice = chooseCriteria(project->database(), "", defaultSet);
        if (!choice)
            return choice.error();
        const CompiledCriteria criteria = compileCriteria(choice->set);
        return importAssessments(*project, source, criteria, options);
    }));
}

void AssessmentImportDialog::finishImport() {
    running_ = false;
    progressTimer_->stop();
    progress_->setVisible(false);
    importButton_->setEnabled(true);
    const auto result = watcher_.result();
    if (!result) {
        errorLabel_->setText(
            tr("Nothing was imported. %1").arg(QString::fromStdString(result.error().describe())));
        return;
    }
    summary_ = tr("%1 rows (%2): %3 new assessments, %4 already in the project")
                   .arg(result->summary.rows)
                   .arg(QString::fromStdString(result->encoding))
                   .arg(result->summary.inserted)
                   .arg(result->summary.alreadyPresent);
    accept();
}

}  // namespace safemap
