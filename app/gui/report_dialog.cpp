#include "app/gui/report_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrent>
#include <algorithm>

#include "app/gui/file_dialogs.h"
#include "app/gui/main_window.h"
#include "app/gui/project_session.h"
#include "app/gui/report_actions.h"

namespace safemap {

namespace {
// The preview's resolution: the page as large as fits the preview's area (less a margin),
// within 30–150 dpi (an A4 landscape page at 50 dpi is 585 × 413 pixels).
double previewDpi(QSize area, QSizeF pageMm) {
    const double fit = std::min((area.width() - 24) / (pageMm.width() / 25.4),
                                (area.height() - 24) / (pageMm.height() / 25.4));
    return std::clamp(fit, 30.0, 150.0);
}
}  // namespace

ReportDialog::ReportDialog(ReportActions* actions, QWidget* parent)
    : QDialog(parent),
      actions_(actions),
      template_(new QComboBox(this)),
      paper_(new QComboBox(this)),
      orientation_(new QComboBox(this)),
      title_(new QLineEdit(this)),
      previewLabel_(new QLabel(this)),
      pagesLabel_(new QLabel(this)),
      saveTemplate_(new QPushButton(tr("Save as template…"), this)),
      exportPdf_(new QPushButton(tr("Export PDF…"), this)),
      print_(new QPushButton(tr("Print…"), this)) {
    setWindowTitle(tr("Map report"));
    setObjectName(QStringLiteral("reportDialog"));
    template_->setObjectName(QStringLiteral("templateCombo"));
    paper_->setObjectName(QStringLiteral("paperCombo"));
    orientation_->setObjectName(QStringLiteral("orientationCombo"));
    title_->setObjectName(QStringLiteral("titleEdit"));
    previewLabel_->setObjectName(QStringLiteral("previewLabel"));
    for (const ReportTemplate& t : builtInReportTemplates())
        template_->addItem(t.name == "overview"       ? tr("Province overview (one page)")
                           : t.name == "action-lists" ? tr("Action lists (every page)")
                                                      : QString::fromStdString(t.name),
                           QString::fromStdString(t.name));
    template_->addItem(tr("From a file…"), QString());
    paper_->addItem(QStringLiteral("A4"), static_cast<int>(TemplatePaper::A4));
    paper_->addItem(QStringLiteral("A3"), static_cast<int>(TemplatePaper::A3));
    orientation_->addItem(tr("Landscape"), static_cast<int>(TemplateOrientation::Landscape));
    orientation_->addItem(tr("Portrait"), static_cast<int>(TemplateOrientation::Portrait));
    title_->setPlaceholderText(tr("The usual title"));
    previewLabel_->setAlignment(Qt::AlignCenter);
    previewLabel_->setMinimumSize(600, 430);
    previewLabel_->setStyleSheet(QStringLiteral("background: #808890;"));
    previewLabel_->setText(tr("Drawing the preview…"));

    auto* form = new QFormLayout;
    form->addRow(tr("Template:"), template_);
    form->addRow(tr("Paper:"), paper_);
    form->addRow(tr("Orientation:"), orientation_);
    form->addRow(tr("Title:"), title_);
    form->addRow(QString(), pagesLabel_);
    auto* side = new QVBoxLayout;
    side->addLayout(form);
    side->addStretch();
    side->addWidget(saveTemplate_);
    side->addWidget(exportPdf_);
    side->addWidget(print_);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    side->addWidget(close);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(previewLabel_, 1);
    layout->addLayout(side);

    if (auto overview = builtInReportTemplate("overview"))
        setTemplate(*overview);
    connect(template_, &QComboBox::activated, this, &ReportDialog::templateChosen);
    connect(paper_, &QComboBox::currentIndexChanged, this, &ReportDialog::schedulePreview);
    connect(orientation_, &QComboBox::currentIndexChanged, this, &ReportDialog::schedulePreview);
    connect(title_, &QLineEdit::editingFinished, this, &ReportDialog::schedulePreview);
    connect(saveTemplate_, &QPushButton::clicked, this, &ReportDialog::saveTemplate);
    connect(exportPdf_, &QPushButton::clicked, this, &ReportDialog::exportPdf);
    connect(print_, &QPushButton::clicked, this, &ReportDialog::print);
    connect(&watcher_, &QFutureWatcher<std::pair<QImage, int>>::finished, this, [this] {
        drawing_ = false;
        const auto [image, pages] = watcher_.result();
        preview_ = image;
        previewLabel_->setPixmap(QPixmap::fromImage(image));
        pagesLabel_->setText(tr("Pages: %1").arg(pages));
        if (again_) {
            again_ = false;
            startPreview();
            return;
        }
        emit previewUpdated();
    });
    if (!drawing_)
        startPreview();
}

ReportDialog::~ReportDialog() {
    watcher_.waitForFinished();
}

ReportTemplate ReportDialog::currentTemplate() const {
    ReportTemplate t = base_;
    t.paper = static_cast<TemplatePaper>(paper_->currentData().toInt());
    t.orientation = static_cast<TemplateOrientation>(orientation_->currentData().toInt());
    t.title = title_->text().trimmed().toStdString();
    if (auto data = actions_->currentReport())
        t.filter = data->filter;
    return t;
}

void ReportDialog::setTemplate(const ReportTemplate& tmpl) {
    base_ = tmpl;
    const QSignalBlocker a(paper_), b(orientation_);
    paper_->setCurrentIndex(paper_->findData(static_cast<int>(tmpl.paper)));
    orientation_->setCurrentIndex(orientation_->findData(static_cast<int>(tmpl.orientation)));
    title_->setText(QString::fromStdString(tmpl.title));
    int index = template_->findData(QString::fromStdString(tmpl.name));
    if (index < 0) {
        // A template from a file: listed under its own name, before "From a file…".
        index = template_->count() - 1;
        template_->insertItem(index, QString::fromStdString(tmpl.name),
                              QString::fromStdString(tmpl.name));
    }
    const QSignalBlocker c(template_);
    template_->setCurrentIndex(index);
    schedulePreview();
}

MapReportOptions ReportDialog::currentOptions() const {
    MapReportOptions options = actions_->currentOptions();
    const ReportTemplate t = currentTemplate();
    applyReportTemplate(options, t);
    if (t.title.empty())
        options.title.clear();
    return options;
}

Status ReportDialog::saveTemplateTo(const QString& path) const {
    ReportTemplate t = currentTemplate();
    if (t.name.empty())
        t.name = QFileInfo(path).completeBaseName().toStdString();
    return saveReportTemplate(path.toStdString(), t);
}

Status ReportDialog::loadTemplateFrom(const QString& path) {
    auto loaded = loadReportTemplate(path.toStdString());
    if (!loaded)
        return loaded.error();
    setTemplate(*loaded);
    return {};
}

void ReportDialog::resizeEvent(QResizeEvent* event) {
    QDialog::resizeEvent(event);
    schedulePreview();
}

bool ReportDialog::previewPending() const {
    return drawing_ || again_;
}

void ReportDialog::templateChosen(int index) {
    const QString name = template_->itemData(index).toString();
    if (!name.isEmpty()) {
        if (auto builtIn = builtInReportTemplate(name.toStdString())) {
            setTemplate(*builtIn);
            return;
        }
        if (name.toStdString() == base_.name)
            return;  // a file's template, already chosen
    }
    const QString path = chooseFileToOpen(this, tr("Open a report template"), QString(),
                                          tr("Report templates (*.json)"));
    if (path.isEmpty()) {
        setTemplate(base_);
        return;
    }
    if (auto st = loadTemplateFrom(path); !st) {
        QMessageBox::warning(this, tr("Open a report template"),
                             QString::fromStdString(st.error().describe()));
        setTemplate(base_);
    }
}

void ReportDialog::schedulePreview() {
    if (drawing_) {
        again_ = true;
        return;
    }
    startPreview();
}

void ReportDialog::startPreview() {
    auto data = actions_->currentReport();
    if (!data) {
        previewLabel_->setText(tr("Open a project to see its report."));
        return;
    }
    drawing_ = true;
    const MapReportOptions options = currentOptions();
    const double dpi =
        previewDpi(previewLabel_->size(), reportPaperSize(options.paper, options.orientation));
    watcher_.setFuture(
        QtConcurrent::run([data = std::move(*data), options, dpi]() -> std::pair<QImage, int> {
            int pages = 0;
            QImage image = mapReportPageImage(data, options, dpi, 0, &pages);
            return {std::move(image), pages};
        }));
}

void ReportDialog::saveTemplate() {
    QString path = chooseFileToSave(this, tr("Save as template"),
                                    tr("report_template") + QStringLiteral(".json"),
                                    tr("Report templates (*.json)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive))
        path += QStringLiteral(".json");
    if (auto st = saveTemplateTo(path); !st)
        QMessageBox::warning(this, tr("Save as template"),
                             QString::fromStdString(st.error().describe()));
}

void ReportDialog::exportPdf() {
    actions_->exportPdfWith(currentOptions(), this);
}

void ReportDialog::print() {
    actions_->printWith(currentOptions(), this);
}

}  // namespace safemap
