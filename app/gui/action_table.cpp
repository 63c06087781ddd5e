#include "app/gui/action_table.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QFileDialog>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <limits>

#include "app/gui/identify_panel.h"
#include "core/text/fold.h"

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

QString levelText(const ActionRow& r) {
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

// This week's inspections (within the weekly capacity): the blue of the map's mark, light.
const QColor kThisWeekColour(187, 222, 251);

QString priorityTip(const ActionRow& r) {
    QString tip = ActionTable::tr("Priority %1 (place %2 on the list): %3")
                      .arg(QLocale().toString(r.priority.total(), 'f', 1))
                      .arg(r.rank)
                      .arg(QString::fromStdString(describePriority(r.priority, useVietnamese())));
    if (r.thisWeek)
        tip += QLatin1Char('\n') +
               ActionTable::tr("Within this week's inspection capacity: marked on the map.");
    return tip;
}

QString csvField(const QString& s) {
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) &&
        !s.contains(QLatin1Char('\n')) && !s.contains(QLatin1Char('\r')))
        return s;
    QString out = s;
    out.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

}  // namespace

/// \brief The rows of an ActionTable, with sort keys (SortRole) that ignore accents in
/// names and compare workers, levels and dates as numbers.
class ActionTableModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setRows(std::vector<ActionRow> rows) {
        beginResetModel();
        rows_ = std::move(rows);
        endResetModel();
    }
    const std::vector<ActionRow>& rows() const { return rows_; }

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
            case ActionTable::Priority:
                return ActionTable::tr("Priority");
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
        const ActionRow& r = rows_[static_cast<size_t>(index.row())];
        const int col = index.column();
        switch (role) {
            case Qt::DisplayRole:
                return display(r, col);
            case ExportRole:
                return exported(r, col);
            case SortRole:
                return sortKey(r, col);
            case SiteIdRole:
                return r.siteId;
            case Qt::ToolTipRole:
                if (col == ActionTable::Reasons)
                    return reasonsText(r.reasons, "\n");
                if (col == ActionTable::Name)
                    return r.siteId;
                if (col == ActionTable::Priority)
                    return priorityTip(r);
                return {};
            case Qt::BackgroundRole:
                if (col == ActionTable::Level)
                    return riskLevelColour(r.level);
                if (col == ActionTable::Priority && r.thisWeek)
                    return kThisWeekColour;
                return {};
            case Qt::ForegroundRole:
                if (col == ActionTable::Level)
                    return textOn(riskLevelColour(r.level));
                return {};
            case Qt::TextAlignmentRole:
                if (col == ActionTable::Workers || col == ActionTable::Priority)
                    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
                return {};
            case Qt::FontRole:
                if (col == ActionTable::Priority && r.thisWeek) {
                    QFont bold;
                    bold.setBold(true);
                    return bold;
                }
                return {};
        }
        return {};
    }

private:
    static QVariant display(const ActionRow& r, int col) {
        switch (col) {
            case ActionTable::Priority:
                return QLocale().toString(r.priority.total(), 'f', 1);
            case ActionTable::Name:
                return r.name;
            case ActionTable::TaxCode:
                return r.taxCode;
            case ActionTable::ZoneName:
                return r.zone.isEmpty() ? ActionTable::tr("outside any zone") : r.zone;
            case ActionTable::District:
                return r.district;
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
    static QVariant exported(const ActionRow& r, int col) {
        switch (col) {
            case ActionTable::Priority:
                return QString::number(r.priority.total(), 'f', 1);
            case ActionTable::Workers:
                return r.workers ? QString::number(*r.workers) : QString();
            case ActionTable::AssessedOn:
                return r.assessedOn ? QString::fromStdString(formatDate(*r.assessedOn)) : QString();
            default:
                return display(r, col);
        }
    }

    static QVariant sortKey(const ActionRow& r, int col) {
        switch (col) {
            case ActionTable::Priority:
                // The list's own order: ties keep the rank (site id), unranked rows last.
                return r.priority.total() * 1e6 - std::min(r.rank > 0 ? r.rank : 999999, 999999);
            case ActionTable::Name:
                return folded(r.name);
            case ActionTable::ZoneName:
                return folded(display(r, col).toString());
            case ActionTable::District:
                return folded(r.district);
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

    std::vector<ActionRow> rows_;
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
    // The list's order, highest priority first: what an official acts on first.
    view_->sortByColumn(Priority, Qt::DescendingOrder);

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

void ActionTable::setRows(std::vector<ActionRow> rows) {
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
        if (rows[i].siteId == siteId)
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
    const QHeaderView* header = view_->horizontalHeader();
    QList<int> columns;
    for (int v = 0; v < header->count(); ++v) {
        const int logical = header->logicalIndex(v);
        if (!header->isSectionHidden(logical))
            columns << logical;
    }
    QString text;
    QStringList fields;
    for (int c : columns)
        fields << csvField(proxy_->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
    text += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (int r = 0; r < proxy_->rowCount(); ++r) {
        fields.clear();
        for (int c : columns)
            fields << csvField(proxy_->index(r, c).data(ExportRole).toString());
        text += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    // QSaveFile writes a temporary file beside the target and renames it on commit().
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error("cannot write the list: " + file.errorString().toStdString(),
                     path.toStdString());
    const QByteArray bytes = QByteArray("\xEF\xBB\xBF") + text.toUtf8();
    if (file.write(bytes) != bytes.size() || !file.commit())
        return Error("cannot write the list: " + file.errorString().toStdString(),
                     path.toStdString());
    return {};
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
