#include "app/gui/compare_panel.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "app/gui/data_paths.h"
#include "app/gui/error_text.h"
#include "app/gui/file_dialogs.h"
#include "app/gui/identify_panel.h"
#include "app/gui/qt_text.h"
#include "app/gui/retranslate.h"
#include "app/gui/rule_settings_dialog.h"
#include "core/criteria/criteria_io.h"
#include "core/project/project.h"
#include "core/util/atomic_file.h"

namespace safemap {

namespace {

QString change(const QString& before, const QString& after) {
    return before == after ? before : QStringLiteral("%1 → %2").arg(before, after);
}

QString percent(const std::optional<double>& p) {
    return p ? QString::fromStdString(formatPercent(*p, uiDisplayStyle())) : QStringLiteral("—");
}

QString yesNo(bool b) {
    return b ? ComparePanel::tr("yes") : ComparePanel::tr("no");
}

}  // namespace

ComparePanel::ComparePanel(QWidget* parent)
    : QWidget(parent),
      setCombo_(new QComboBox(this)),
      thresholds_(
          translated(new QPushButton(this), "safemap::ComparePanel", QT_TR_NOOP("Thresholds…"))),
      runButton_(translated(new QPushButton(this), "safemap::ComparePanel", QT_TR_NOOP("Compare"))),
      export_(
          translated(new QPushButton(this), "safemap::ComparePanel", QT_TR_NOOP("Export CSV…"))),
      summary_(new QLabel(this)),
      table_(new QTableWidget(this)) {
    setObjectName(QStringLiteral("comparePanel"));
    setCombo_->setObjectName(QStringLiteral("compareSet"));
    runButton_->setObjectName(QStringLiteral("compareRun"));
    summary_->setObjectName(QStringLiteral("compareSummary"));
    table_->setObjectName(QStringLiteral("compareTable"));
    summary_->setWordWrap(true);
    table_->setColumnCount(5);
    setTranslatedHeaders(table_, "safemap::ComparePanel",
                         {QT_TR_NOOP("Facility"), QT_TR_NOOP("Risk level"), QT_TR_NOOP("Percent"),
                          QT_TR_NOOP("To suspend"), QT_TR_NOOP("Due for inspection")});
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setSortingEnabled(true);

    auto* bar = new QHBoxLayout;
    bar->addWidget(translated(new QLabel(this), "safemap::ComparePanel",
                              QT_TR_NOOP("Compare the current scenario with")));
    bar->addWidget(setCombo_, 1);
    bar->addWidget(thresholds_);
    bar->addWidget(runButton_);
    bar->addWidget(export_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(summary_);
    layout->addWidget(table_, 1);
    export_->setEnabled(false);

    connect(runButton_, &QPushButton::clicked, this, &ComparePanel::run);
    connect(thresholds_, &QPushButton::clicked, this, &ComparePanel::editThresholds);
    connect(export_, &QPushButton::clicked, this, &ComparePanel::exportCsv);
    connect(setCombo_, &QComboBox::activated, this, [this](int index) {
        if (setCombo_->itemData(index).toString() != QStringLiteral("file"))
            return;
        const QString path = chooseFileToOpen(this, tr("Compare with a criteria set"), QString(),
                                              tr("Criteria sets (*.json)"));
        if (path.isEmpty())
            return;
        auto set = loadCriteriaSet(path.toStdString());
        if (!set) {
            summary_->setText(tr("Not loaded: %1").arg(errorText(set.error())));
            return;
        }
        sets_.push_back(std::make_shared<CriteriaSet>(std::move(*set)));
        setCandidateSets(sets_);
        setCombo_->setCurrentIndex(static_cast<int>(sets_.size()));
    });
    connect(table_, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto items = table_->selectedItems();
        if (!items.isEmpty())
            emit siteActivated(
                table_->item(items.first()->row(), 0)->data(Qt::UserRole).toString());
    });
    connect(&watcher_, &QFutureWatcher<Result<ScenarioComparison>>::finished, this,
            &ComparePanel::finished);
}

ComparePanel::~ComparePanel() {
    watcher_.waitForFinished();
}

void ComparePanel::setProject(std::string path, Scenario current) {
    if (path != path_) {
        sets_.clear();
        changes_.clear();
        table_->setRowCount(0);
        summary_->clear();
        otherRulesSet_ = false;
    }
    path_ = std::move(path);
    current_ = std::move(current);
}

void ComparePanel::setCandidateSets(std::vector<std::shared_ptr<const CriteriaSet>> sets) {
    sets_ = std::move(sets);
    setCombo_->clear();
    addTranslatedItem(setCombo_, "safemap::ComparePanel", QT_TR_NOOP("the same criteria set"),
                      QString());
    for (const auto& s : sets_)
        setCombo_->addItem(tr("%1 v%2").arg(qs(s->name)).arg(s->version), QStringLiteral("set"));
    addTranslatedItem(setCombo_, "safemap::ComparePanel", QT_TR_NOOP("a criteria set from a file…"),
                      QStringLiteral("file"));
}

void ComparePanel::setOther(std::shared_ptr<const CriteriaSet> criteria,
                            const RuleSettings& rules) {
    otherRules_ = rules;
    otherRulesSet_ = true;
    if (!criteria) {
        setCombo_->setCurrentIndex(0);
        return;
    }
    for (size_t i = 0; i < sets_.size(); ++i)
        if (*sets_[i] == *criteria) {
            setCombo_->setCurrentIndex(static_cast<int>(i) + 1);
            return;
        }
    sets_.push_back(criteria);
    setCandidateSets(sets_);
    setCombo_->setCurrentIndex(static_cast<int>(sets_.size()));
}

void ComparePanel::chooseAndRun() {
    if (sets_.empty()) {
        // The project's sets, then the bundled ones it does not have.
        std::vector<std::shared_ptr<const CriteriaSet>> sets;
        auto project = Project::open(path_, Project::Access::ReadOnly);
        if (project)
            if (auto stored = project->repository().criteriaSets())
                for (const auto& s : *stored)
                    if (auto set = project->repository().criteriaSet(s.ref); set && *set)
                        sets.push_back(std::make_shared<CriteriaSet>(std::move(**set)));
        const QDir bundled(QFileInfo(defaultCriteriaFile()).absolutePath());
        for (const QFileInfo& fi :
             bundled.entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            auto set = loadCriteriaSet(fi.absoluteFilePath().toStdString());
            if (!set)
                continue;
            const bool known = std::any_of(sets.begin(), sets.end(), [&](const auto& s) {
                return s->id == set->id && s->version == set->version;
            });
            if (!known)
                sets.push_back(std::make_shared<CriteriaSet>(std::move(*set)));
        }
        setCandidateSets(std::move(sets));
    }
    run();
}

void ComparePanel::editThresholds() {
    RuleSettingsDialog dialog(otherRulesSet_ ? otherRules_ : current_.rules, this);
    dialog.setWindowTitle(tr("Thresholds to compare with"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    otherRules_ = dialog.rules();
    otherRulesSet_ = true;
    run();
}

void ComparePanel::run() {
    if (path_.empty() || watcher_.isRunning())
        return;
    Scenario other = current_;
    if (otherRulesSet_) {
        other.rules = otherRules_;
        other.rules.asOf = current_.rules.asOf;
    }
    const int index = setCombo_->currentIndex();
    if (index >= 1 && index <= static_cast<int>(sets_.size()))
        other.criteria = sets_[static_cast<size_t>(index - 1)];
    summary_->setText(tr("Comparing…"));
    runButton_->setEnabled(false);
    watcher_.setFuture(
        QtConcurrent::run([path = path_, before = current_, other]() -> Result<ScenarioComparison> {
            auto project = Project::open(path, Project::Access::ReadOnly);
            if (!project)
                return project.error();
            return compareScenarios(*project, before, other);
        }));
}

void ComparePanel::finished() {
    runButton_->setEnabled(true);
    const auto result = watcher_.result();
    if (!result) {
        changes_.clear();
        summary_->setText(tr("Not compared: %1").arg(errorText(result.error())));
        showChanges();
        return;
    }
    changes_ = result->changes;
    auto setName = [](const ProjectStatus& s) {
        return s.criteria ? tr("%1 v%2").arg(qs(s.criteria->name)).arg(s.criteria->version)
                          : tr("no criteria set");
    };
    summary_->setText(
        tr("%1 of %2 facilities would change (%3 → %4, as of %5). The project is not changed.")
            .arg(uiCount(static_cast<long long>(changes_.size())),
                 uiCount(static_cast<long long>(result->after.facts->factories.size())),
                 setName(result->before.status), setName(result->after.status),
                 uiDate(result->after.status.asOf)));
    showChanges();
}

QString ComparePanel::summaryText() const {
    return summary_->text();
}

void ComparePanel::showChanges() {
    table_->setSortingEnabled(false);
    table_->setRowCount(static_cast<int>(changes_.size()));
    std::vector<std::string> ids;
    for (size_t i = 0; i < changes_.size(); ++i) {
        const StatusChange& c = changes_[i];
        ids.push_back(c.siteId);
        const int row = static_cast<int>(i);
        auto* name = new QTableWidgetItem(qs(c.name));
        name->setData(Qt::UserRole, qs(c.siteId));
        name->setToolTip(qs(c.siteId));
        table_->setItem(row, 0, name);
        auto* level =
            new QTableWidgetItem(change(riskLevelName(c.levelBefore), riskLevelName(c.levelAfter)));
        level->setBackground(riskLevelColour(c.levelAfter));
        table_->setItem(row, 1, level);
        table_->setItem(
            row, 2,
            new QTableWidgetItem(change(percent(c.percentBefore), percent(c.percentAfter))));
        table_->setItem(
            row, 3, new QTableWidgetItem(change(yesNo(c.suspendBefore), yesNo(c.suspendAfter))));
        table_->setItem(
            row, 4, new QTableWidgetItem(change(yesNo(c.inspectBefore), yesNo(c.inspectAfter))));
    }
    table_->setSortingEnabled(true);
    table_->resizeColumnsToContents();
    export_->setEnabled(!changes_.empty());
    emit changedSitesShown(ids);
}

void ComparePanel::exportCsv() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path =
        chooseFileToSave(this, tr("Export the changes"), dir + QLatin1Char('/') + tr("what_if.csv"),
                         tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive))
        path += QStringLiteral(".csv");
    if (auto st = writeFileAtomically(path.toStdString(), "\xEF\xBB\xBF" + changesToCsv(changes_));
        !st)
        QMessageBox::warning(this, tr("Export the changes"), errorText(st.error()));
}

}  // namespace safemap
