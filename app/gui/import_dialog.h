#pragma once

#include <string>

#include <QDialog>
#include <QFutureWatcher>
#include <array>
#include <atomic>
#include <memory>

#include "app/gui/work_progress.h"
#include "core/project/records.h"
#include "core/result.h"
#include "gis/io/field_mapping.h"
#include "gis/io/site_import.h"
#include "gis/io/source_info.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace safemap {

/// \brief Import sites from a GIS file or spreadsheet: choose the file and layer, check the
/// field mapping, CRS and (for CSV) text encoding, then import with progress and cancel.
/// Nothing is written unless every row is valid; every bad row is listed. After an import
/// with notes (columns not imported, zones not found, facilities placed inside their zone),
/// the dialog stays open to show them until closed.
class ImportDialog : public QDialog {
    Q_OBJECT
public:
    ImportDialog(std::string projectPath, QWidget* parent = nullptr);
    ~ImportDialog() override;

    /// Selects a file as if chosen with Browse (tests, drag and drop).
    void setSourceFile(const QString& path);
    /// Starts the import (what the Import button does).
    void startImport();
    /// "Imported 300 rows: 300 new, 0 updated, 0 unchanged" after success.
    QString summaryText() const { return summary_; }
    /// The errors shown after a failed import (file, row, column, reason), else empty.
    QString errorText() const;
    /// The notes shown after a successful import, one per line, else empty.
    QString notesText() const { return notes_; }
    /// True from startImport() until its result is shown (not merely computed).
    bool isRunning() const { return running_; }

public slots:
    /// Accepts instead once sites were written (the dialog stayed open for the notes).
    void reject() override;

private:
    using Outcome = SiteFileImport;

    void browse();
    void describe();
    void fillMapping();
    void finishImport();
    FieldMapping currentMapping() const;

    std::string projectPath_;
    QLineEdit* fileEdit_;
    QComboBox* layerCombo_;
    QComboBox* targetCombo_;
    QComboBox* crsCombo_;
    QComboBox* encodingCombo_;
    QLabel* layerInfo_;
    std::array<QComboBox*, kSiteAttributeCount> mappingCombos_{};
    QPlainTextEdit* messages_;
    QProgressBar* progress_;
    QDialogButtonBox* buttons_;
    QPushButton* importButton_;

    std::optional<SourceInfo> source_;
    WorkProgress work_;
    QFutureWatcher<Result<Outcome>> watcher_;
    QTimer* progressTimer_;
    QString summary_;
    QString notes_;
    bool failed_ = false;
    bool imported_ = false;
    bool running_ = false;
};

}  // namespace safemap
