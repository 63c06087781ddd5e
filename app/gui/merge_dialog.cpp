#include "app/gui/merge_dialog.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDate>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "app/gui/error_text.h"
#include "app/gui/qt_text.h"
#include "core/project/project.h"

namespace safemap {

namespace {

QString outcomeName(InspectionOutcome o) {
    switch (o) {
        case InspectionOutcome::Keep:
            return MergeDialog::tr("keep operating");
        case InspectionOutcome::Fix:
            return MergeDialog::tr("fix");
        case InspectionOutcome::Suspend:
            return MergeDialog::tr("propose suspension");
    }
    return {};
}

}  // namespace

MergeDialog::MergeDialog(std::string masterPath, std::string packagePath, QWidget* parent)
    : QDialog(parent),
      masterPath_(std::move(masterPath)),
      packagePath_(std::move(packagePath)),
      summary_(new QLabel(this)),
      added_(new QTreeWidget(this)),
      conflicts_(new QTreeWidget(this)),
      progress_(new QProgressBar(this)),
      merge_(new QPushButton(tr("&Merge"), this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Close, this)) {
    setObjectName(QStringLiteral("mergeDialog"));
    setWindowTitle(tr("Merge field package: %1").arg(QFileInfo(qs(packagePath_)).fileName()));
    summary_->setWordWrap(true);
    summary_->setText(tr("Reading the package…"));
    added_->setHeaderLabels({tr("Facility"), tr("Date"), tr("Inspector"), tr("Outcome")});
    added_->setRootIsDecorated(false);
    added_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    conflicts_->setObjectName(QStringLiteral("conflictTree"));
    conflicts_->setHeaderLabels({tr("Conflict / attribute"), tr("In the office"),
                                 tr("In the field"), tr("When packaged"), tr("Decision")});
    conflicts_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    progress_->setVisible(false);
    merge_->setObjectName(QStringLiteral("mergeButton"));
    merge_->setEnabled(false);
    buttons_->addButton(merge_, QDialogButtonBox::ActionRole);
    connect(merge_, &QPushButton::clicked, this, &MergeDialog::startMerge);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&planWatcher_, &QFutureWatcher<Result<MergePlan>>::finished, this,
            &MergeDialog::planned);
    connect(&mergeWatcher_, &QFutureWatcher<Result<MergeOutcome>>::finished, this,
            &MergeDialog::mergeFinished);
    connect(this, &MergeDialog::progressed, this, [this](long long done, long long total) {
        progress_->setMaximum(static_cast<int>(std::max(1LL, total)));
        progress_->setValue(static_cast<int>(std::min(done, total)));
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary_);
    layout->addWidget(new QLabel(tr("Inspections to add:"), this));
    layout->addWidget(added_, 1);
    layout->addWidget(new QLabel(tr("Changed both in the office and in the field (choose which "
                                    "to keep):"),
                                 this));
    layout->addWidget(conflicts_, 1);
    layout->addWidget(progress_);
    layout->addWidget(buttons_);
    resize(900, 560);  // fits a 1280×720 screen with the taskbar
}

MergeDialog::~MergeDialog() {
    waitForWorker();
}

void MergeDialog::waitForWorker() {
    planWatcher_.waitForFinished();
    mergeWatcher_.waitForFinished();
    QCoreApplication::processEvents();
}

void MergeDialog::startPlan() {
    planWatcher_.setFuture(
        QtConcurrent::run([master = masterPath_, package = packagePath_]() -> Result<MergePlan> {
            auto pkg = openPackageForMerge(package);
            if (!pkg)
                return pkg.error();
            auto project = Project::open(master, Project::Access::ReadOnly);
            if (!project)
                return project.error();
            return planMerge(*project, *pkg);
        }));
}

void MergeDialog::planned() {
    auto result = planWatcher_.result();
    if (!result) {
        summary_->setText(tr("This package cannot be merged: %1").arg(errorText(result.error())));
        return;
    }
    plan_ = std::move(result).value();
    // Undecided inspection conflicts keep both versions (mergePackage's default); facility
    // conflicts start on the office's side, so nothing is overwritten unless chosen.
    for (const auto& c : plan_->conflicts)
        resolutions_[c.key] =
            c.kind == ConflictKind::Inspection ? Resolution::KeepBoth : Resolution::KeepOffice;
    showPlan();
}

QString MergeDialog::summaryText() const {
    return summary_->text();
}

void MergeDialog::showPlan() {
    const MergePlan& p = *plan_;
    auto nameOf = [this](const std::string& id) {
        auto it = names_.find(id);
        return it == names_.end() ? qs(id) : qs(it->second);
    };
    const QLocale locale;
    QString text =
        tr("Package \"%1\" made by %2 on %3.")
            .arg(qs(p.package.name), qs(p.package.createdBy.empty() ? "—" : p.package.createdBy),
                 qs(p.package.createdAt.substr(0, 10)));
    text += QLatin1Char(' ');
    if (p.nothingToDo())
        text += tr("Nothing new: everything in it is in the project already (%1 inspections).")
                    .arg(p.unchanged + p.duplicates);
    else
        text += tr("Will add %1 inspections with %2 photos, update %3, correct %4 facilities; "
                   "%5 conflicts; %6 already merged, %7 duplicates.")
                    .arg(p.added.size())
                    .arg(p.photos)
                    .arg(p.updated.size())
                    .arg(p.facilities.size())
                    .arg(p.conflicts.size())
                    .arg(p.unchanged)
                    .arg(p.duplicates);
    summary_->setText(text);
    added_->clear();
    for (const auto* list : {&p.added, &p.updated})
        for (const auto& r : *list)
            new QTreeWidgetItem(
                added_, {nameOf(r.siteId),
                         locale.toString(QDate::fromString(qs(formatDate(r.date)), Qt::ISODate),
                                         QLocale::ShortFormat),
                         qs(r.inspector), outcomeName(r.outcome)});
    conflicts_->clear();
    for (const auto& c : p.conflicts) {
        auto* item = new QTreeWidgetItem(conflicts_, {qs(c.title)});
        item->setFirstColumnSpanned(false);
        QFont bold = item->font(0);
        bold.setBold(true);
        item->setFont(0, bold);
        for (const auto& v : c.values)
            new QTreeWidgetItem(item, {qs(v.field), qs(v.office), qs(v.inField), qs(v.base)});
        item->setExpanded(true);
        auto* choice = new QComboBox(conflicts_);
        choice->addItem(tr("Keep the office's"), static_cast<int>(Resolution::KeepOffice));
        choice->addItem(tr("Take the field's"), static_cast<int>(Resolution::TakeField));
        if (c.kind == ConflictKind::Inspection)
            choice->addItem(tr("Keep both"), static_cast<int>(Resolution::KeepBoth));
        choice->setCurrentIndex(choice->findData(static_cast<int>(resolutions_[c.key])));
        connect(choice, &QComboBox::currentIndexChanged, this, [this, choice, key = c.key] {
            resolutions_[key] = static_cast<Resolution>(choice->currentData().toInt());
        });
        conflicts_->setItemWidget(item, 4, choice);
    }
    for (int col = 1; col < 4; ++col)
        conflicts_->resizeColumnToContents(col);
    merge_->setEnabled(!p.nothingToDo());
}

void MergeDialog::setResolution(const std::string& conflictKey, Resolution resolution) {
    resolutions_[conflictKey] = resolution;
    for (int i = 0; plan_ && i < conflicts_->topLevelItemCount(); ++i)
        if (plan_->conflicts[static_cast<std::size_t>(i)].key == conflictKey)
            if (auto* box = qobject_cast<QComboBox*>(
                    conflicts_->itemWidget(conflicts_->topLevelItem(i), 4)))
                box->setCurrentIndex(box->findData(static_cast<int>(resolution)));
}

void MergeDialog::startMerge() {
    if (!plan_ || mergeWatcher_.isRunning())
        return;
    merge_->setEnabled(false);
    progress_->setVisible(true);
    progress_->setValue(0);
    summary_->setText(tr("Merging…"));
    // Its own connections on the worker: the window's stays free, and a failure at any point
    // rolls the one transaction back.
    mergeWatcher_.setFuture(QtConcurrent::run([this, master = masterPath_, package = packagePath_,
                                               resolutions =
                                                   resolutions_]() -> Result<MergeOutcome> {
        auto pkg = openPackageForMerge(package);
        if (!pkg)
            return pkg.error();
        auto project = Project::open(master);
        if (!project)
            return project.error();
        return mergePackage(*project, *pkg, resolutions, [this](long long done, long long total) {
            emit progressed(done, total);  // queued to the dialog's thread
        });
    }));
}

void MergeDialog::mergeFinished() {
    progress_->setVisible(false);
    auto result = mergeWatcher_.result();
    if (!result) {
        summary_->setText(tr("Nothing was merged: %1").arg(errorText(result.error())));
        merge_->setEnabled(true);
        return;
    }
    outcome_ = std::move(result).value();
    const MergeOutcome& o = *outcome_;
    summary_->setText(
        o.nothingNew
            ? tr("Nothing new: the package was merged before as it is.")
            : tr("Merged: %1 inspections added with %2 photos, %3 updated, %4 facilities "
                 "corrected; conflicts: %5 kept the office's, %6 took the field's, %7 kept "
                 "both.")
                  .arg(o.added)
                  .arg(o.photos)
                  .arg(o.updated)
                  .arg(o.facilities)
                  .arg(o.keptOffice)
                  .arg(o.tookField)
                  .arg(o.keptBoth));
    emit merged();
}

}  // namespace safemap
