#pragma once

#include <QFutureWatcher>
#include <QWidget>
#include <memory>
#include <string>
#include <vector>

#include "core/project/compare.h"

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace safemap {

/// \brief What if: the current scenario beside the same project under another criteria
/// set or other thresholds, without changing the project. Lists the facilities whose level
/// or list membership would change; selecting one goes to it on the map, and the changed
/// facilities are highlighted there.
class ComparePanel : public QWidget {
    Q_OBJECT
public:
    explicit ComparePanel(QWidget* parent = nullptr);
    ~ComparePanel() override;

    /// The project (read on a worker through its own read-only connection) and the
    /// scenario to compare against.
    void setProject(std::string path, Scenario current);
    /// Lists the criteria sets to compare with: the project's and the bundled ones.
    void setCandidateSets(std::vector<std::shared_ptr<const CriteriaSet>> sets);
    /// Compares with the chosen set and thresholds (on a worker); results arrive later.
    void run();
    /// Fills the choices (if not yet) and runs.
    void chooseAndRun();
    /// The second scenario: the chosen set (null: the current one) and thresholds.
    void setOther(std::shared_ptr<const CriteriaSet> criteria, const RuleSettings& rules);
    bool isRunning() const { return watcher_.isRunning(); }
    const std::vector<StatusChange>& changes() const { return changes_; }
    QTableWidget* table() const { return table_; }
    QString summaryText() const;

signals:
    void siteActivated(const QString& siteId);
    /// The ids of the facilities that change, to highlight on the map.
    void changedSitesShown(const std::vector<std::string>& ids);

private:
    void finished();
    void editThresholds();
    void exportCsv();
    void showChanges();

    std::string path_;
    Scenario current_;
    std::vector<std::shared_ptr<const CriteriaSet>> sets_;
    RuleSettings otherRules_;
    bool otherRulesSet_ = false;
    QComboBox* setCombo_;
    QPushButton* thresholds_;
    QPushButton* runButton_;
    QPushButton* export_;
    QLabel* summary_;
    QTableWidget* table_;
    QFutureWatcher<Result<ScenarioComparison>> watcher_;
    std::vector<StatusChange> changes_;
};

}  // namespace safemap
