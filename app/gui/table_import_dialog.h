#pragma once

#include <QDialog>
#include <QFutureWatcher>
#include <atomic>
#include <memory>
#include <string>

#include "app/gui/work_progress.h"
#include "core/result.h"
#include "gis/io/assessment_import.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace safemap {

struct CriteriaSet;

/// \brief Import a table of records (CSV, XLSX, ODS) with progress and cancel: the
/// enterprises' assessments (scored with the project's active criteria set, the bundled CRLN
/// set if none is chosen) or inspection results.
class TableImportDialog : public QDialog {
    Q_OBJECT
public:
    enum class Kind { Assessments, Inspections };

    /// `active` names the set assessments will be scored with (null: none chosen yet).
    TableImportDialog(Kind kind, std::string projectPath, const CriteriaSet* active,
                      QWidget* parent = nullptr);
    ~TableImportDialog() override;

    void setSourceFile(const QString& path);
    void startImport();
    /// True from startImport() until its result is shown (not merely computed).
    bool isRunning() const { return running_; }
    QString summaryText() const { return summary_; }
    QString errorText() const;

private:
    void finishImport();

    Kind kind_;
    std::string projectPath_;
    QLineEdit* fileEdit_;
    QComboBox* encodingCombo_;
    QLineEdit* sheetEdit_;
    QLabel* criteriaLabel_;
    QLabel* errorLabel_;
    QProgressBar* progress_;
    QPushButton* importButton_;
    WorkProgress work_;
    QFutureWatcher<Result<QString>> watcher_;  ///< the summary, or why nothing was imported
    QTimer* progressTimer_;
    QString summary_;
    bool running_ = false;
};

}  // namespace safemap
