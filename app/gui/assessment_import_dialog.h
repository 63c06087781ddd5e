#pragma once

#include <QDialog>
#include <QFutureWatcher>
#include <atomic>
#include <memory>

#include "app/gui/work_progress.h"
#include "core/result.h"
#include "gis/io/assessment_import.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace safemap {

class ProjectStore;

/// \brief Import the enterprises' assessments (CSV, XLSX, ODS) with progress and cancel.
/// Scored with the project's active criteria set (the bundled CRLN set if none is chosen).
class AssessmentImportDialog : public QDialog {
    Q_OBJECT
public:
    AssessmentImportDialog(ProjectStore& store, QWidget* parent = nullptr);
    ~AssessmentImportDialog() override;

    void setSourceFile(const QString& path);
    void startImport();
    /// True from startImport() until its result is shown (not merely computed).
    bool isRunning() const { return running_; }
    QString summaryText() const { return summary_; }
    QString errorText() const;

private:
    void finishImport();

    ProjectStore& store_;
    QLineEdit* fileEdit_;
    QComboBox* encodingCombo_;
    QLineEdit* sheetEdit_;
    QLabel* criteriaLabel_;
    QLabel* errorLabel_;
    QProgressBar* progress_;
    QPushButton* importButton_;
    WorkProgress work_;
    QFutureWatcher<Result<AssessmentImportResult>> watcher_;
    QTimer* progressTimer_;
    QString summary_;
    bool running_ = false;
};

}  // namespace safemap
