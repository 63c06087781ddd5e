#pragma once

#include <QDialog>
#include <optional>
#include <string>
#include <vector>

#include "core/criteria/criteria_ref.h"
#include "core/criteria/criteria_set.h"

class QLabel;
class QListWidget;
class QTreeWidget;

namespace safemap {

class Project;

/// \brief Load, view and choose the criteria set the project scores with.
///
/// Lists the sets stored in the project and the ones bundled with SafeMap; shows the chosen
/// set's indices with their point tables, provenance and mandatory measures; "Use this set"
/// stores it, makes it active and re-scores every assessment (one transaction).
class CriteriaManager : public QDialog {
    Q_OBJECT
public:
    /// `openedAs`: where the project was opened from (a server's URL with its password),
    /// for the re-scoring worker's own connection; empty: the project's location.
    CriteriaManager(Project& project, QWidget* parent = nullptr, std::string openedAs = {});

    /// Adds a set from a file to the list (as "Load from file…" does); false with a message
    /// shown in the dialog if the file is not a valid criteria set.
    bool loadFile(const QString& path);
    /// Makes the selected set active and re-scores every assessment with it (on a worker,
    /// with progress and cancel; one transaction); returns false on failure.
    bool activateSelected();
    /// True if the active set changed while the dialog was open.
    bool changed() const { return changed_; }
    /// The sets listed, in list order.
    const std::vector<CriteriaSet>& sets() const { return sets_; }
    void selectSet(int row);

private:
    void refreshList();
    void showSet(int row);

    Project& project_;
    std::string openedAs_;
    std::vector<CriteriaSet> sets_;
    /// The active set the list shows: an activation carries it, so choosing after someone
    /// else chose (a shared server) is refused as a conflict instead of overwriting theirs.
    std::optional<std::optional<CriteriaRef>> shownActive_;
    QListWidget* list_;
    QTreeWidget* details_;
    QLabel* message_;
    bool changed_ = false;
};

}  // namespace safemap
