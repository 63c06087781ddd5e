#include "app/gui/criteria_manager.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QProgressDialog>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "app/gui/data_paths.h"
#include "app/gui/error_text.h"
#include "app/gui/file_dialogs.h"
#include "app/gui/qt_text.h"
#include "core/criteria/criteria_io.h"
#include "core/project/criteria_use.h"
#include "core/project/project.h"
#include "core/scoring/compiled_criteria.h"

namespace safemap {

namespace {
// Points and bounds written as the lists and the record write them (one display style).
QString points(double value) {
    return QString::fromStdString(formatNumber(value, uiDisplayStyle()));
}

QString bandText(const Band& b) {
    QString lo =
        b.min ? QStringLiteral("%1 %2").arg(
                    b.minInclusive ? QStringLiteral("≥") : QStringLiteral(">"), points(*b.min))
              : QString();
    QString hi =
        b.max ? QStringLiteral("%1 %2").arg(
                    b.maxInclusive ? QStringLiteral("≤") : QStringLiteral("<"), points(*b.max))
              : QString();
    return lo.isEmpty() ? hi : hi.isEmpty() ? lo : lo + QStringLiteral(", ") + hi;
}
}  // namespace

CriteriaManager::CriteriaManager(Project& project, QWidget* parent, std::string openedAs)
    : QDialog(parent),
      project_(project),
      openedAs_(std::move(openedAs)),
      list_(new QListWidget(this)),
      details_(new QTreeWidget(this)),
      message_(new QLabel(this)) {
    setWindowTitle(tr("Criteria sets"));
    setObjectName(QStringLiteral("criteriaManager"));
    resize(900, 600);
    auto* layout = new QVBoxLayout(this);
    auto* split = new QSplitter(this);
    list_->setObjectName(QStringLiteral("criteriaList"));
    split->addWidget(list_);
    details_->setObjectName(QStringLiteral("criteriaDetails"));
    details_->setColumnCount(3);
    details_->setHeaderLabels({tr("Index / answer"), tr("Points"), tr("Note")});
    details_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    split->addWidget(details_);
    split->setStretchFactor(1, 3);
    layout->addWidget(split);
    message_->setWordWrap(true);
    layout->addWidget(message_);
    auto* buttons = new QHBoxLayout;
    auto* load = new QPushButton(tr("Load from file…"), this);
    auto* use = new QPushButton(tr("Use this set"), this);
    use->setObjectName(QStringLiteral("useSetButton"));
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addWidget(load);
    buttons->addWidget(use);
    buttons->addStretch();
    buttons->addWidget(close);
    layout->addLayout(buttons);

    connect(list_, &QListWidget::currentRowChanged, this, &CriteriaManager::showSet);
    connect(load, &QPushButton::clicked, this, [this] {
        const QString path = chooseFileToOpen(this, tr("Load a criteria set"), QString(),
                                              tr("Criteria sets (*.json)"));
        if (!path.isEmpty())
            loadFile(path);
    });
    connect(use, &QPushButton::clicked, this, &CriteriaManager::activateSelected);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::accept);

    // The project's sets, then the bundled ones it does not have yet.
    if (auto stored = project_.repository().criteriaSets(); !stored) {
        message_->setText(errorText(stored.error()));
    } else {
        for (const auto& s : *stored)
            if (auto set = project_.repository().criteriaSet(s.ref); set && *set)
                sets_.push_back(**set);
    }
    const QDir bundled(QFileInfo(defaultCriteriaFile()).absolutePath());
    for (const QFileInfo& fi :
         bundled.entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        auto set = loadCriteriaSet(fi.absoluteFilePath().toStdString());
        if (!set)
            continue;
        const bool known = std::any_of(sets_.begin(), sets_.end(), [&](const CriteriaSet& s) {
            return s.id == set->id && s.version == set->version;
        });
        if (!known)
            sets_.push_back(*set);
    }
    refreshList();
}

void CriteriaManager::refreshList() {
    const auto activeRef = project_.repository().activeCriteria();
    const std::optional<CriteriaRef> active = activeRef ? *activeRef : std::nullopt;
    shownActive_ = activeRef ? std::optional<std::optional<CriteriaRef>>(*activeRef) : std::nullopt;
    const int row = list_->currentRow();
    list_->clear();
    for (const auto& s : sets_) {
        const bool isActive = active && active->id == s.id && active->version == s.version;
        auto* item = new QListWidgetItem(tr("%1 v%2%3")
                                             .arg(qs(s.name))
                                             .arg(s.version)
                                             .arg(isActive ? tr(" — active") : QString()),
                                         list_);
        QFont f = item->font();
        f.setBold(isActive);
        item->setFont(f);
        item->setToolTip(qs(s.source));
    }
    if (!sets_.empty())
        list_->setCurrentRow(std::max(0, row));
}

void CriteriaManager::selectSet(int row) {
    list_->setCurrentRow(row);
}

void CriteriaManager::showSet(int row) {
    details_->clear();
    if (row < 0 || row >= static_cast<int>(sets_.size()))
        return;
    const CriteriaSet& s = sets_[static_cast<size_t>(row)];
    message_->setText(tr("%1 — %2. Total = sum of points / %3 × 100 %.")
                          .arg(qs(s.id), qs(s.source))
                          .arg(points(s.pointsMaxSum())));
    for (const auto& c : s.indices) {
        auto* item = new QTreeWidgetItem(
            details_,
            {qs(c.label), QStringLiteral("%1–%2").arg(points(c.pointsMin), points(c.pointsMax)),
             (c.provenance == Provenance::SafeMapProposal
                  ? tr("SafeMap proposal, not from the decision")
                  : tr("from the decision")) +
                 (c.mandatory ? tr("; mandatory measure") : QString())});
        QFont f = item->font(0);
        f.setBold(true);
        item->setFont(0, f);
        switch (c.input) {
            case InputType::Bands:
            case InputType::Percent:
                for (const auto& b : c.bands)
                    new QTreeWidgetItem(
                        item,
                        {bandText(b) + (c.unit.empty() ? QString() : QLatin1Char(' ') + qs(c.unit)),
                         points(b.points), qs(b.label)});
                break;
            case InputType::YesNo:
                new QTreeWidgetItem(item, {tr("yes"), points(c.yesPoints)});
                new QTreeWidgetItem(item, {tr("no"), points(c.noPoints)});
                break;
            case InputType::Choice:
                for (const auto& ch : c.choices)
                    new QTreeWidgetItem(item, {qs(ch.label), points(ch.points), qs(ch.value)});
                break;
        }
    }
    for (const auto& l : s.levels)
        new QTreeWidgetItem(
            details_,
            {tr("Level: %1").arg(qs(l.label)),
             l.upper ? QStringLiteral("%1 %2 %")
                           .arg(l.upperInclusive ? QStringLiteral("≤") : QStringLiteral("<"))
                           .arg(points(*l.upper))
                     : QStringLiteral("—"),
             l.safeToOperate ? tr("may operate") : tr("may not operate")});
    for (const auto& v : s.vetoes)
        new QTreeWidgetItem(
            details_, {tr("Veto: %1").arg(qs(v.id)), QStringLiteral("≥ %1").arg(v.anyIndexAtLeast),
                       qs(v.reason)});
}

bool CriteriaManager::loadFile(const QString& path) {
    auto set = loadCriteriaSet(path.toStdString());
    if (!set) {
        message_->setText(tr("Not loaded: %1").arg(errorText(set.error())));
        return false;
    }
    for (size_t i = 0; i < sets_.size(); ++i)
        if (sets_[i].id == set->id && sets_[i].version == set->version) {
            sets_[i] = *set;
            refreshList();
            list_->setCurrentRow(static_cast<int>(i));
            return true;
        }
    sets_.push_back(*set);
    refreshList();
    list_->setCurrentRow(static_cast<int>(sets_.size()) - 1);
    return true;
}

bool CriteriaManager::activateSelected() {
    const int row = list_->currentRow();
    if (row < 0 || row >= static_cast<int>(sets_.size()))
        return false;
    const CriteriaSet& s = sets_[static_cast<size_t>(row)];
    // On a worker with its own connection, so the window keeps drawing; the store, the
    // re-scoring and the activation are one transaction, so Cancel leaves the old set active.
    QProgressDialog progress(tr("Re-scoring every assessment…"), tr("Cancel"), 0, 0, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    auto done = std::make_shared<std::atomic<long long>>(0);
    auto total = std::make_shared<std::atomic<long long>>(0);
    QFutureWatcher<Result<ActivationOutcome>> watcher;
    QEventLoop loop;
    connect(&watcher, &QFutureWatcher<Result<ActivationOutcome>>::finished, &loop,
            &QEventLoop::quit);
    connect(&progress, &QProgressDialog::canceled, this, [cancel] { cancel->store(true); });
    QTimer tick;
    connect(&tick, &QTimer::timeout, this, [&] {
        progress.setMaximum(static_cast<int>(total->load()));
        progress.setValue(static_cast<int>(done->load()));
    });
    tick.start(100);
    watcher.setFuture(QtConcurrent::run([path = openedAs_.empty() ? project_.location() : openedAs_,
                                         set = s, cancel, done, total,
                                         read = shownActive_]() -> Result<ActivationOutcome> {
        auto project = Project::open(path);
        if (!project)
            return project.error();
        return activateCriteriaSet(
            *project, set,
            [done, total](long long d, long long t) {
                done->store(d);
                total->store(t);
            },
            cancel.get(), read);
    }));
    loop.exec();
    tick.stop();
    progress.reset();
    const auto scored = watcher.result();
    if (!scored) {
        message_->setText(tr("Not changed: %1").arg(errorText(scored.error())));
        refreshList();  // after a conflict: shows who is active now, and the next try uses it
        return false;
    }
    changed_ = true;
    message_->setText(tr("%1 v%2 is now active; %3 assessments re-scored.")
                          .arg(qs(s.name))
                          .arg(s.version)
                          .arg(scored->scored));
    refreshList();
    return true;
}

}  // namespace safemap
