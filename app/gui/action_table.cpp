#include "app/gui/action_table.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>
#include <limits>
#include <unordered_map>

#include "app/gui/error_text.h"
#include "app/gui/file_dialogs.h"
#include "app/gui/identify_panel.h"
#include "app/gui/language.h"
#include "app/gui/qt_text.h"
#include "app/gui/release_later.h"
#include "app/gui/retranslate.h"
#include "core/project/list_export.h"
#include "core/text/fold.h"
#include "core/util/atomic_file.h"
#include "core/util/timestamp.h"

namespace safemap {

namespace {

enum Role { SiteIdRole = Qt::UserRole };

QString levelText(std::optional<RiskLevel> level, double percent) {
    if (!level)
        return riskLevelName(std::nullopt);
    return ActionTable::tr("%1 (%2 %)")
        .arg(riskLevelName(level),
             QString::fromStdString(formatDecimal(percent, 1, uiDisplayStyle())));
}

// Readable text on the level's fill: white on the dark green and red, black on the rest.
QColor textOn(const QColor& fill) {
    const double luma = 0.299 * fill.red() + 0.587 * fill.green() + 0.114 * fill.blue();
    return luma < 140 ? QColor(Qt::white) : QColor(Qt::black);
}

// This week's inspections (within the weekly capacity): the blue of the map's mark, light.
const QColor kThisWeekColour(187, 222, 251);

}  // namespace

/// \brief The rows of an ActionTable: a ListView over the scenario's facts and status, read
/// only for the rows on screen. Sorting is done here, on keys made once per sort (numbers for
/// workers, levels and dates; names folded so accents do not decide the order), so a list of
/// fifty thousand facilities sorts in milliseconds on the UI thread.
class ActionTableModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setView(ListView view) {
        beginResetModel();
        releaseLater(std::exchange(view_, std::move(view)));
        order_.resize(view_.size());
        for (size_t i = 0; i < order_.size(); ++i)
            order_[i] = static_cast<std::uint32_t>(i);
        applySort();
        endResetModel();
    }
    const ListView& view() const { return view_; }
    /// The view row shown at table row `row`.
    size_t viewRow(int row) const { return order_[static_cast<size_t>(row)]; }
    QString siteId(int row) const { return qs(view_.factory(viewRow(row)).id); }

    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : static_cast<int>(order_.size());
    }
    int columnCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : ActionTable::ColumnCount;
    }

    void sort(int column, Qt::SortOrder order) override {
        column_ = column;
        order_by_ = order;
        emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        const QModelIndexList before = persistentIndexList();
        std::vector<size_t> rowsBefore;
        for (const auto& i : before)
            rowsBefore.push_back(order_[static_cast<size_t>(i.row())]);
        applySort();
        std::vector<int> where(order_.size());
        for (size_t r = 0; r < order_.size(); ++r)
            where[order_[r]] = static_cast<int>(r);
        QModelIndexList after;
        for (size_t k = 0; k < rowsBefore.size(); ++k)
            after << index(where[rowsBefore[k]], before[static_cast<int>(k)].column());
        changePersistentIndexList(before, after);
        emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
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
            case ActionTable::LastInspection:
                return ActionTable::tr("Last inspection");
            case ActionTable::Reasons:
                return ActionTable::tr("Reasons");
        }
        return {};
    }

    QVariant data(const QModelIndex& index, int role) const override {
        if (!index.isValid() || index.row() >= static_cast<int>(order_.size()))
            return {};
        const size_t row = viewRow(index.row());
        const int col = index.column();
        const SiteStatus& s = view_.site(row);
        switch (role) {
            case Qt::DisplayRole:
                return display(row, col);
            case SiteIdRole:
                return qs(view_.factory(row).id);
            case Qt::ToolTipRole:
                if (col == ActionTable::Reasons)
                    return reasons(row, "\n");
                if (col == ActionTable::Name)
                    return qs(view_.factory(row).id);
                if (col == ActionTable::Priority)
                    return priorityTip(row);
                return {};
            case Qt::BackgroundRole:
                if (col == ActionTable::Level)
                    return riskLevelColour(s.level);
                if (col == ActionTable::Priority && thisWeek(row))
                    return kThisWeekColour;
                return {};
            case Qt::ForegroundRole:
                if (col == ActionTable::Level)
                    return textOn(riskLevelColour(s.level));
                return {};
            case Qt::TextAlignmentRole:
                if (col == ActionTable::Workers || col == ActionTable::Priority)
                    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
                return {};
            case Qt::FontRole:
                if (col == ActionTable::Priority && thisWeek(row)) {
                    QFont bold;
                    bold.setBold(true);
                    return bold;
                }
                return {};
        }
        return {};
    }

private:
    bool thisWeek(size_t row) const {
        return view_.list == ActionList::ToInspect && view_.site(row).inspectTop;
    }
    int rank(size_t row) const {
        const SiteStatus& s = view_.site(row);
        return view_.list == ActionList::ToSuspend ? s.suspendRank : s.inspectRank;
    }

    QString priorityTip(size_t row) const {
        const Priority& p = view_.site(row).priority;
        QString tip = ActionTable::tr("Priority %1 (place %2 on the list): %3")
                          .arg(qs(formatDecimal(p.total(), 1, uiDisplayStyle())))
                          .arg(qs(formatCount(rank(row), uiDisplayStyle())))
                          .arg(qs(describePriority(p, uiDisplayStyle())));
        if (thisWeek(row))
            tip += QLatin1Char('\n') +
                   ActionTable::tr("Within this week's inspection capacity: marked on the map.");
        return tip;
    }

    /// The facility's newest inspection up to the status's as-of date (none after it).
    const Inspection* lastInspection(size_t row) const {
        const ProjectFacts& facts = *view_.facts;
        const std::size_t pos = view_.positions[row];
        if (pos + 1 >= facts.inspectionBegin.size())
            return nullptr;
        for (auto k = facts.inspectionBegin[pos + 1]; k > facts.inspectionBegin[pos]; --k) {
            const Inspection& i = facts.inspections[k - 1];
            if (i.date <= view_.status->asOf)
                return &i;
        }
        return nullptr;
    }

    static QString outcomeText(const Inspection& i) {
        if (!i.outcome)  // imported from a table: only whether the measures were in place
            return i.measuresOk ? ActionTable::tr("measures in place")
                                : ActionTable::tr("measures missing");
        switch (*i.outcome) {
            case InspectionOutcome::Keep:
                return ActionTable::tr("keep operating");
            case InspectionOutcome::Fix:
                return ActionTable::tr("fix");
            case InspectionOutcome::Suspend:
                return ActionTable::tr("propose suspension");
        }
        return {};
    }

    QString reasons(size_t row, std::string_view sep) const {
        return qs(
            reasonsText(view_.reasons(row), view_.status->criteria.get(), uiDisplayStyle(), sep));
    }

    QString display(size_t row, int col) const {
        const Factory& f = view_.factory(row);
        const SiteStatus& s = view_.site(row);
        switch (col) {
            case ActionTable::Priority:
                return qs(formatDecimal(s.priority.total(), 1, uiDisplayStyle()));
            case ActionTable::Name:
                return qs(f.name);
            case ActionTable::TaxCode:
                return qs(f.taxCode);
            case ActionTable::ZoneName: {
                const std::string zone = view_.zoneName(row);
                return zone.empty() ? ActionTable::tr("outside any zone") : qs(zone);
            }
            case ActionTable::District:
                return qs(f.district);
            case ActionTable::Workers:
                return f.workforce.total ? qs(formatCount(*f.workforce.total, uiDisplayStyle()))
                                         : QString();
            case ActionTable::Level:
                return levelText(s.level, s.percent);
            case ActionTable::AssessedOn:
                return s.assessedOn ? qs(formatDateFor(*s.assessedOn, uiDisplayStyle()))
                                    : QString();
            case ActionTable::LastInspection: {
                const Inspection* i = lastInspection(row);
                return i ? ActionTable::tr("%1 · %2").arg(
                               qs(formatDateFor(i->date, uiDisplayStyle())), outcomeText(*i))
                         : QString();
            }
            case ActionTable::Reasons:
                return reasons(row, "; ");
        }
        return {};
    }

    // Keys for one column, one per view row: numbers where the column is a number, folded
    // text otherwise.
    void applySort() {
        const size_t n = view_.size();
        std::vector<double> numbers;
        std::vector<std::string> texts;
        switch (column_) {
            case ActionTable::Priority:
                // The list's own order: ties keep the rank (site id), unranked rows last.
                numbers.resize(n);
                for (size_t i = 0; i < n; ++i)
                    numbers[i] = view_.site(i).priority.total() * 1e6 -
                                 std::min(rank(i) > 0 ? rank(i) : 999999, 999999);
                break;
            case ActionTable::Workers:
                numbers.resize(n);
                for (size_t i = 0; i < n; ++i)
                    numbers[i] = view_.factory(i).workforce.total.value_or(-1);
                break;
            case ActionTable::Level:
                // Severity first, then the percentage; no assessment below very low.
                numbers.resize(n);
                for (size_t i = 0; i < n; ++i) {
                    const SiteStatus& s = view_.site(i);
                    numbers[i] =
                        s.level ? (static_cast<int>(*s.level) + 1) * 1000.0 + s.percent : 0;
                }
                break;
            case ActionTable::LastInspection:
                numbers.resize(n);
                for (size_t i = 0; i < n; ++i) {
                    const Inspection* last = lastInspection(i);
                    numbers[i] =
                        last ? static_cast<double>(
                                   std::chrono::sys_days(last->date).time_since_epoch().count())
                             : -1e18;
                }
                break;
            case ActionTable::AssessedOn:
                numbers.resize(n);
                for (size_t i = 0; i < n; ++i) {
                    const auto& on = view_.site(i).assessedOn;
                    numbers[i] = on ? static_cast<double>(
                                          std::chrono::sys_days(*on).time_since_epoch().count())
                                    : -1e18;
                }
                break;
            case ActionTable::ZoneName: {
                std::unordered_map<std::string_view, std::string> names;
                for (const auto& z : view_.facts->zones)
                    names.emplace(z.id, foldForSearch(z.name));
                const std::string outside =
                    foldForSearch(ActionTable::tr("outside any zone").toStdString());
                texts.resize(n);
                for (size_t i = 0; i < n; ++i) {
                    auto it = names.find(view_.factory(i).zoneId);
                    texts[i] = it == names.end() ? outside : it->second;
                }
                break;
            }
            case ActionTable::Reasons:
                texts.resize(n);
                for (size_t i = 0; i < n; ++i)
                    texts[i] = foldForSearch(reasons(i, "; ").toStdString());
                break;
            default:
                texts.resize(n);
                for (size_t i = 0; i < n; ++i) {
                    const Factory& f = view_.factory(i);
                    texts[i] = foldForSearch(column_ == ActionTable::TaxCode    ? f.taxCode
                                             : column_ == ActionTable::District ? f.district
                                                                                : f.name);
                }
        }
        const bool descending = order_by_ == Qt::DescendingOrder;
        auto before = [&](std::uint32_t a, std::uint32_t b) {
            if (!numbers.empty())
                return descending ? numbers[b] < numbers[a] : numbers[a] < numbers[b];
            return descending ? texts[b] < texts[a] : texts[a] < texts[b];
        };
        std::stable_sort(order_.begin(), order_.end(), before);
    }

    ListView view_;
    std::vector<std::uint32_t> order_;  ///< view rows in the order shown
    int column_ = ActionTable::Priority;
    Qt::SortOrder order_by_ = Qt::DescendingOrder;
};

ActionTable::ActionTable(ActionList list, QWidget* parent)
    : QWidget(parent),
      list_(list),
      model_(new ActionTableModel(this)),
      view_(new QTableView(this)),
      count_(new QLabel(this)),
      export_(
          translated(new QPushButton(this), "safemap::ActionTable", QT_TR_NOOP("Export CSV…"))) {
    setObjectName(list == ActionList::ToSuspend ? QStringLiteral("suspendTable")
                                                : QStringLiteral("inspectTable"));
    view_->setModel(model_);
    view_->setObjectName(QStringLiteral("actionView"));
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setAlternatingRowColors(true);
    view_->setWordWrap(false);
    // Column widths from the first rows only: measuring fifty thousand rows of text would
    // hold the UI thread for a second.
    view_->horizontalHeader()->setResizeContentsPrecision(64);
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

void ActionTable::setRows(const std::vector<ListRow>& rows) {
    setView(listViewOf(list_, rows));
}

void ActionTable::setView(ListView view) {
    const QString selected = selectedSiteId();
    const bool wasEmpty = model_->rowCount() == 0;
    quiet_ = true;
    model_->setView(std::move(view));
    if (!selected.isEmpty())
        selectSite(selected);
    quiet_ = false;
    // Sized when rows first arrive; later frames keep the widths (and any the user chose).
    if (wasEmpty)
        view_->resizeColumnsToContents();
    export_->setEnabled(model_->rowCount() > 0);
    updateCount();
}

int ActionTable::rowCount() const {
    return model_->rowCount();
}

bool ActionTable::selectSite(const QString& siteId) {
    const bool wasQuiet = quiet_;
    quiet_ = true;
    QModelIndex found;
    const std::string id = siteId.toStdString();
    for (int r = 0; r < model_->rowCount() && !found.isValid(); ++r)
        if (model_->view().factory(model_->viewRow(r)).id == id)
            found = model_->index(r, 0);
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
    for (int r = 0; r < model_->rowCount(); ++r)
        ids << model_->siteId(r);
    return ids;
}

void ActionTable::emitSelected() {
    if (quiet_)
        return;
    const QString id = selectedSiteId();
    if (!id.isEmpty())
        emit siteActivated(id);
}

void ActionTable::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() != QEvent::LanguageChange)
        return;
    // Headers, cells (levels, reasons, numbers) and the count are worded when asked for.
    emit model_->headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (model_->rowCount() > 0)
        emit model_->dataChanged(model_->index(0, 0),
                                 model_->index(model_->rowCount() - 1, ColumnCount - 1));
    updateCount();
}

void ActionTable::updateCount() {
    const int n = model_->rowCount();
    count_->setText(n == 1 ? tr("1 facility")
                           : tr("%1 facilities").arg(qs(formatCount(n, uiDisplayStyle()))));
}

Status ActionTable::exportCsv(const QString& path) const {
    // The rows shown, in the order shown, in the one CSV form of a list (as `safemap list`).
    std::vector<ListRow> shown;
    for (int r = 0; r < model_->rowCount(); ++r)
        shown.push_back(model_->view().row(model_->viewRow(r)));
    // Under the heading that says as of when, under which criteria set and filter, in the
    // UI's language.
    const ListView& view = model_->view();
    ListExportOptions options;
    options.vietnamese = currentLanguage() == QLatin1String("vi");
    options.generatedAt = generationTime();
    const ProjectStatus noStatus;
    const std::vector<Zone> noZones;
    return writeFileAtomically(
        path.toStdString(),
        listExportCsv(list_, shown, view.status ? *view.status : noStatus, view.filter,
                      view.facts ? view.facts->zones : noZones, options));
}

void ActionTable::exportWithDialog() {
    // Named in the UI language: officials file these under names they can read.
    const QString stem =
        list_ == ActionList::ToSuspend ? tr("to_suspend.csv") : tr("due_for_inspection.csv");
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = chooseFileToSave(this, tr("Export list"), dir + QLatin1Char('/') + stem,
                                    tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive))
        path += QStringLiteral(".csv");
    if (Status s = exportCsv(path); !s)
        QMessageBox::warning(this, tr("Export list"), errorText(s.error()));
}

}  // namespace safemap
