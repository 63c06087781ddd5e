#pragma once

#include <QDialog>
#include <QFutureWatcher>
#include <map>
#include <string>

#include "core/project/merge.h"

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace safemap {

/// \brief Project → Merge field package…: what merging would do first (planMerge, read
/// only), the conflicts side by side with a decision for each, then the merge itself
/// (mergePackage, one transaction) on a worker with its own connections and a progress bar.
class MergeDialog : public QDialog {
    Q_OBJECT
public:
    MergeDialog(std::string masterPath, std::string packagePath, QWidget* parent = nullptr);
    ~MergeDialog() override;

    /// Names the facilities in the lists (site id → name); ids are shown otherwise.
    void setFacilityNames(std::map<std::string, std::string> names) { names_ = std::move(names); }
    /// Starts working out the plan (called once the dialog is made).
    void startPlan();
    /// Blocks until the worker is done (tests).
    void waitForWorker();

    /// The plan once worked out (empty before, or when the package was refused).
    const std::optional<MergePlan>& plan() const { return plan_; }
    /// Decides a conflict (what its row's choice does).
    void setResolution(const std::string& conflictKey, Resolution resolution);
    /// Starts the merge with the decisions made (what the Merge button does).
    void startMerge();
    /// What the merge did (empty until it finished well).
    const std::optional<MergeOutcome>& outcome() const { return outcome_; }
    QString summaryText() const;
    QPushButton* mergeButton() const { return merge_; }
    QTreeWidget* conflictTree() const { return conflicts_; }

signals:
    /// The project was changed: the window reads it again.
    void merged();
    void progressed(long long done, long long total);

private:
    void planned();
    void mergeFinished();
    void showPlan();

    std::string masterPath_;
    std::string packagePath_;
    std::optional<MergePlan> plan_;
    std::optional<MergeOutcome> outcome_;
    Resolutions resolutions_;
    std::map<std::string, std::string> names_;
    QLabel* summary_;
    QTreeWidget* added_;
    QTreeWidget* conflicts_;
    QProgressBar* progress_;
    QPushButton* merge_;
    QDialogButtonBox* buttons_;
    QFutureWatcher<Result<MergePlan>> planWatcher_;
    QFutureWatcher<Result<MergeOutcome>> mergeWatcher_;
};

}  // namespace safemap
