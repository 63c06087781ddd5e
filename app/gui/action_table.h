#pragma once

#include <QWidget>
#include <vector>

#include "core/project/list_rows.h"
#include "core/result.h"

class QLabel;
class QPushButton;
class QTableView;

namespace safemap {

class ActionTableModel;

/// \brief One action list ("to suspend" or "due for inspection") as a sortable table, for a
/// dock: select a row to go to the site, export what is shown to CSV.
class ActionTable : public QWidget {
    Q_OBJECT
public:
    enum Column {
        Priority,  ///< the list's order (core/rules/priority.h); this week's inspections marked
        Name,
        TaxCode,
        ZoneName,
        District,
        Workers,
        Level,
        AssessedOn,
        LastInspection,  ///< the newest inspection up to the as-of date: date and outcome
        Reasons,
        ColumnCount
    };

    explicit ActionTable(ActionList list, QWidget* parent = nullptr);
    ~ActionTable() override;

    ActionList list() const { return list_; }
    /// Replaces the rows, keeping the sort order and (quietly) the selected site if it is
    /// still there.
    void setView(ListView view);
    /// The same for rows made elsewhere (tests, files).
    void setRows(const std::vector<ListRow>& rows);
    int rowCount() const;
    /// Selects the site's row and scrolls to it without emitting siteActivated. Returns
    /// false (and clears the selection) if the site is not in the table.
    bool selectSite(const QString& siteId);
    /// The selected site, or an empty string.
    QString selectedSiteId() const;
    /// The site ids in the order shown.
    QStringList visibleSiteIds() const;

    /// Writes the rows shown, in the order shown, in the CSV form `safemap list` writes
    /// (listExportCsv) under its heading (as of, criteria set, filter), with a byte order mark
    /// so Excel shows the diacritics; through a
    /// temporary file renamed into place, so a failed export leaves no half-written file.
    [[nodiscard]] Status exportCsv(const QString& path) const;

    QTableView* view() const { return view_; }
    QLabel* countLabel() const { return count_; }

signals:
    /// The user selected (or activated) the row of this site.
    void siteActivated(const QString& siteId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void exportWithDialog();
    void updateCount();
    void emitSelected();

    ActionList list_;
    ActionTableModel* model_;
    QTableView* view_;
    QLabel* count_;
    QPushButton* export_;
    bool quiet_ = false;
};

}  // namespace safemap
