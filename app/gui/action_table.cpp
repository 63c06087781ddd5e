#include "app/gui/action_table.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>
#include <limits>

#include "app/gui/identify_panel.h"
#include "core/text/fold.h"
#include "core/util/atomic_file.h"

namespace safemap {

namespace {

enum Role { SortRole = Qt::UserRole, ExportRole, SiteIdRole };

bool useVietnamese() {
    return QLocale().language() == QLocale::Vietnamese;
}

QString folded(const QString& s) {
    return QString::fromStdString(foldForSearch(s.toStdString()));
}

QDate qdate(const Date& d) {
    return QDate(static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
                 static_cast<int>(static_cast<unsigned>(d.day())));
}

QString reasonsText(const std::vector<Reason>& reasons, const QString& sep) {
    const bool vi = useVietnamese();
    QStringList parts;
    for (const auto& r : reasons)
        parts << QString::fromStdString(vi ? r.detail : r.detailEn);
    return parts.join(sep);
}

QString levelText(const ListRow& r) {
    if (!r.level)
        return riskLevelName(std::nullopt);
    return ActionTable::tr("%1 (%2 %)")
        .arg(riskLevelName(r.level), QLocale().toString(r.percent, 'f', 1));
}

// Readable text on the level's fill: white on the dark green and red, black on the rest.
QColor textOn(const QColor& fill) {
    const double luma = 0.299 * fill.red() + 0.587 * fill.green() + 0.114 * fill.blue();
    return luma < 140 ? QColor(Qt::white) : QColor(Qt::black);
}

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

}  // namespace

/// \brief The rows of an ActionTable, with sort keys (SortRole) that ignore accents in
/// names and compare workers, levels and dates as numbers.
class ActionTableModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setRows(std::vector<ListRow> rows) {
        beginResetModel();
        rows_ = std::move(rows);
        endResetModel();
    }
    const std::vector<ListRow>& rows() const { return rows_; }

    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : static_cast<int>(rows_.size());
    }
    int columnCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : ActionTable::ColumnCount;
    }

    QVariant headerData(int section, Qt::Orientation o, int role) const override {
        if (o != Qt::Horizontal || role != Qt::DisplayRole)
            return {};
        switch (section) {
            case ActionTable::Name:
                return ActionTable::tr("Facility");
            case ActionTable::TaxCode:
                return ActionTable::tr("Tax code");
            case ActionTable::ZoneName:
                return ActionTable::tr("Zone / cluster");
            case ActionTable::District:
                return ActionTable::tr("District");
            case ActionTable::Workers:
                return ActionTable::tr("Workers");
            case ActionTable::Level:
                return ActionTable::tr("Risk level");
            case ActionTable::AssessedOn:
                return ActionTable::tr("Assessed on");
            case ActionTable::Reasons:
                return ActionTable::tr("Reasons");
        }
        return {};
    }

    QVariant data(const QModelIndex& index, int role) const override {
        if (!index.isValid() || index.row() >= static_cast<int>(rows_.size()))
            return {};
        const ListRow& r = rows_[static_cast<size_t>(index.row())];
        const int col = index.column();
        switch (role) {
            case Qt::DisplayRole:
                return display(r, col);
            case ExportRole:
                return exported(r, col);
            case SortRole:
                return sortKey(r, col);
            case SiteIdRole:
                return qs(r.siteId);
            case Qt::ToolTipRole:
                if (col == ActionTable::Reasons)
                    return reasonsText(r.reasons, "\n");
                if (col == ActionTable::Name)
                    return qs(r.siteId);
                return {};
            case Qt::BackgroundRole:
                if (col == ActionTable::Level)
                    return riskLevelColour(r.level);
                return {};
            case Qt::ForegroundRole:
                if (col == ActionTable::Level)
                    return textOn(riskLevelColour(r.level));
                return {};
            case Qt::TextAlignmentRole:
                if (col == ActionTable::Workers)
                    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
                return {};
        }
        return {};
    }

private:
    static QVariant display(const ListRow& r, int col) {
        switch (col) {
            case ActionTable::Name:
                return qs(r.name);
            case ActionTable::TaxCode:
                return qs(r.taxCode);
            case ActionTable::ZoneName:
                return r.zone.empty() ? ActionTable::tr("outside any zone") : qs(r.zone);
            case ActionTable::District:
                return qs(r.district);
            case ActionTable::Workers:
                return r.workers ? QLocale().toString(*r.workers) : QString();
            case ActionTable::Level:
                return levelText(r);
            case ActionTable::AssessedOn:
                return r.assessedOn ? QLocale().toString(qdate(*r.assessedOn), QLocale::ShortFormat)
                                    : QString();
            case ActionTable::Reasons:
                return reasonsText(r.reasons, QStringLiteral("; "));
        }
        return {};
    }

    // What a spreadsheet should get: numbers without group separators, ISO dates.
    static QVariant exported(const ListRow& r, int col) {
        switch (col) {
            case ActionTable::Workers:
                return r.workers ? QString::number(*r.workers) : QString();
            case ActionTable::AssessedOn:
                return r.assessedOn ? QString::fromStdString(formatDate(*r.assessedOn)) : QString();
            default:
                return display(r, col);
        }
    }

    static QVariant sortKey(const ListRow& r, int col) {
        switch (col) {
            case ActionTable::Name:
                return qs(foldForSearch(r.name));
            case ActionTable::ZoneName:
                return folded(display(r, col).toString());
            case ActionTable::District:
                return qs(foldForSearch(r.district));
            case ActionTable::Workers:
                return qlonglong(r.workers.value_or(-1));
            case ActionTable::Level:
                // Severity first, then the percentage; no assessment below very low.
                return r.level ? (static_cast<int>(*r.level) + 1) * 1000.0 + r.percent : 0.0;
            case ActionTable::AssessedOn:
                return r.assessedOn
                           ? qlonglong(
                                 std::chrono::sys_days(*r.assessedOn).time_since_epoch().count())
                           : std::numeric_limits<qlonglong>::min();
            case ActionTable::Reasons:
                return folded(display(r, col).toString());
            default:
                return display(r, col);
        }
    }

    std::vector<ListRow> rows_;
};

ActionTable::ActionTable(ActionList list, QWidget* parent)
    : QWidget(parent),
      list_(list),
      model_(new ActionTableModel(this)),
      proxy_(new QSortFilterProxyModel(this)),
      view_(new QTableView(this)),
      count_(new QLabel(this)),
      export_(new QPushButton(tr("Export CSV…"), this)) {
    setObjectName(list == ActionList::ToSuspend ? QStringLiteral("suspendTable")
                                                : QStringLiteral("inspectTable"));
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(SortRole);
    view_->setModel(proxy_);
    view_->setObjectName(QStringLiteral("actionView"));
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setAlternatingRowColors(true);
    view_->setWordWrap(false);
    view_->verticalHeader()->hide();
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->setSortingEnabled(true);
    // Worst first: that is what an official acts on.
    view_->sortByColumn(Level, Qt::DescendingOrder);

    export_->setObjectName(QStringLiteral("exportCsv"));
    count_->setObjectName(QStringLiteral("count"));
    auto* bar = new QHBoxLayout;
    bar->addWidget(count_, 1);
    bar->addWidget(export_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(view_);

    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ActionTable::emitSelected);
    connect(view_, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        if (!quiet_)
            emit siteActivated(index.data(SiteIdRole).toString());
    });
    connect(export_, &QPushButton::clicked, this, &ActionTable::exportWithDialog);
    updateCount();
}

ActionTable::~ActionTable() = default;

void ActionTable::setRows(std::vector<ListRow> rows) {
    const QString selected = selectedSiteId();
    quiet_ = true;
    model_->setRows(std::move(rows));
    if (!selected.isEmpty())
        selectSite(selected);
    quiet_ = false;
    view_->resizeColumnsToContents();
    export_->setEnabled(model_->rowCount() > 0);
    updateCount();
}

int ActionTable::rowCount() const {
    return proxy_->rowCount();
}

bool ActionTable::selectSite(const QString& siteId) {
    const bool wasQuiet = quiet_;
    quiet_ = true;
    QModelIndex found;
    const auto& rows = model_->rows();
    for (size_t i = 0; i < rows.size(); ++i)
        if (qs(rows[i].siteId) == siteId)
            found = proxy_->mapFromSource(model_->index(static_cast<int>(i), 0));
    if (found.isValid()) {
        view_->selectionModel()->setCurrentIndex(
            found, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        view_->scrollTo(found);
    } else {
        view_->selectionModel()->clearSelection();
    }
    quiet_ = wasQuiet;
    return found.isValid();
}

QString ActionTable::selectedSiteId() const {
    const auto rows = view_->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(SiteIdRole).toString();
}

QStringList ActionTable::visibleSiteIds() const {
    QStringList ids;
    for (int r = 0; r < proxy_->rowCount(); ++r)
        ids << proxy_->index(r, 0).data(SiteIdRole).toString();
    return ids;
}

void ActionTable::emitSelected() {
    if (quiet_)
        return;
    const QString id = selectedSiteId();
    if (!id.isEmpty())
        emit siteActivated(id);
}

void ActionTable::updateCount() {
    const int n = proxy_->rowCount();
    count_->setText(n == 1 ? tr("1 facility") : tr("%1 facilities").arg(QLocale().toString(n)));
}

Status ActionTable::exportCsv(const QString& path) const {
    // The rows shown, in the order shown, in the one CSV form of a list (as `safemap list`).
    std::vector<ListRow> shown;
    const auto& rows = model_->rows();
    for (int r = 0; r < proxy_->rowCount(); ++r)
        shown.push_back(rows[static_cast<size_t>(proxy_->mapToSource(proxy_->index(r, 0)).row())]);
    return writeFileAtomically(path.toStdString(), listRowsToCsv(shown, true));
}

void ActionTable::exportWithDialog() {
    const QString stem = list_ == ActionList::ToSuspend ? QStringLiteral("to_suspend.csv")
                                                        : QStringLiteral("due_for_inspection.csv");
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export list"), dir + QLatin1Char('/') + stem, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive))
        path += QStringLiteral(".csv");
    if (Status s = exportCsv(path); !s)
        QMessageBox::warning(this, tr("Export list"), QString::fromStdString(s.error().describe()));
}

}  // namespace safemap
