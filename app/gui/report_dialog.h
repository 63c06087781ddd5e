#pragma once
// The report dialog (issue 9): choose a template (the built-ins or a file), the paper, the
// orientation and the title, see the first page as it will print (drawn on a worker
// thread by the report's own renderer), save the choice as a template that
// `safemap report --template FILE` reads back, and export the PDF or print it.

#include <QDialog>
#include <QFutureWatcher>
#include <QImage>

#include "core/report/report_template.h"
#include "gis/report/map_report.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace safemap {

class ReportActions;

class ReportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ReportDialog(ReportActions* actions, QWidget* parent = nullptr);
    ~ReportDialog() override;

    /// The template the dialog's choices make: the chosen template with its paper,
    /// orientation and title as set, and the window's filter.
    ReportTemplate currentTemplate() const;
    /// Shows `tmpl`'s choices (its blocks and lists are kept for the report).
    void setTemplate(const ReportTemplate& tmpl);
    /// The report's options: the window's (language, list cap) with the template's.
    MapReportOptions currentOptions() const;

    [[nodiscard]] Status saveTemplateTo(const QString& path) const;
    [[nodiscard]] Status loadTemplateFrom(const QString& path);

    /// The last preview drawn (empty until the first is done).
    QImage previewImage() const { return preview_; }
    /// True while a preview is being drawn.
    bool previewPending() const;

signals:
    void previewUpdated();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void templateChosen(int index);
    void schedulePreview();
    void startPreview();
    void saveTemplate();
    void exportPdf();
    void print();

    ReportActions* actions_;
    QComboBox* template_;
    QComboBox* paper_;
    QComboBox* orientation_;
    QLineEdit* title_;
    QLabel* previewLabel_;
    QLabel* pagesLabel_;
    QPushButton* saveTemplate_;
    QPushButton* exportPdf_;
    QPushButton* print_;
    ReportTemplate base_;  ///< the chosen template (blocks, lists, name)
    QImage preview_;
    QFutureWatcher<std::pair<QImage, int>> watcher_;
    bool drawing_ = false;  ///< a preview is being drawn (until its result is shown)
    bool again_ = false;    ///< the choices changed while a preview was drawn
};

}  // namespace safemap
