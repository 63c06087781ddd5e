#include "app/gui/package_dialog.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <unordered_map>

#include "app/gui/error_text.h"
#include "app/gui/file_dialogs.h"
#include "app/gui/qt_text.h"
#include "app/gui/shipped_data.h"
#include "core/project/project.h"
#include "core/project/visit_route.h"

namespace safemap {

namespace {}  // namespace

PackageDialog::PackageDialog(std::string projectPath, Scenario scenario,
                             std::shared_ptr<const ProjectFacts> facts,
                             std::vector<std::string> districts, std::vector<std::string> selected,
                             QWidget* parent)
    : QDialog(parent),
      projectPath_(std::move(projectPath)),
      scenario_(std::move(scenario)),
      facts_(std::move(facts)),
      selected_(std::move(selected)),
      fromList_(new QRadioButton(tr("Due for inspection (the list as shown), the first"), this)),
      fromDistrict_(new QRadioButton(tr("Due for inspection in the district"), this)),
      fromSelection_(
          new QRadioButton(tr("The selected facilities (%1)").arg(selected_.size()), this)),
      top_(new QSpinBox(this)),
      district_(new QComboBox(this)),
      start_(new QLineEdit(this)),
      list_(new QListWidget(this)),
      distance_(new QLabel(this)),
      status_(new QLabel(this)),
      order_(new QPushButton(tr("&Make the route"), this)),
      create_(new QPushButton(tr("&Create package…"), this)) {
    setObjectName(QStringLiteral("packageDialog"));
    setWindowTitle(tr("Create field package"));
    top_->setRange(1, 500);
    top_->setValue(10);
    for (const auto& d : districts)
        district_->addItem(qs(d));
    fromList_->setChecked(true);
    fromSelection_->setEnabled(!selected_.empty());
    start_->setPlaceholderText(tr("longitude, latitude of the office, e.g. 105.9120, 20.5410"));
    list_->setObjectName(QStringLiteral("visitOrder"));
    list_->setDragDropMode(QAbstractItemView::InternalMove);
    list_->setToolTip(tr("Drag a stop to change the order"));
    status_->setWordWrap(true);
    create_->setEnabled(false);
    connect(order_, &QPushButton::clicked, this, &PackageDialog::makeVisitList);
    connect(create_, &QPushButton::clicked, this, &PackageDialog::chooseFile);
    connect(list_->model(), &QAbstractItemModel::rowsMoved, this, &PackageDialog::updateDistance);
    connect(&listWatcher_, &QFutureWatcher<Result<OrderedVisit>>::finished, this,
            &PackageDialog::listReady);
    connect(&createWatcher_, &QFutureWatcher<Result<PackageSummary>>::finished, this,
            &PackageDialog::createdReady);

    auto* sources = new QGridLayout;
    sources->addWidget(fromList_, 0, 0);
    sources->addWidget(top_, 0, 1);
    sources->addWidget(fromDistrict_, 1, 0);
    sources->addWidget(district_, 1, 1);
    sources->addWidget(fromSelection_, 2, 0, 1, 2);
    auto* form = new QFormLayout;
    form->addRow(tr("Start point"), start_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(create_, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(sources);
    layout->addLayout(form);
    layout->addWidget(order_, 0, Qt::AlignLeft);
    layout->addWidget(list_, 1);
    layout->addWidget(distance_);
    layout->addWidget(status_);
    layout->addWidget(buttons);
    resize(640, 520);  // fits a 1280×720 screen
}

PackageDialog::~PackageDialog() {
    waitForWorker();
}

void PackageDialog::waitForWorker() {
    listWatcher_.waitForFinished();
    createWatcher_.waitForFinished();
    QCoreApplication::processEvents();
}

void PackageDialog::setSource(Source source) {
    (source == Source::InspectionList ? fromList_
     : source == Source::District     ? fromDistrict_
                                      : fromSelection_)
        ->setChecked(true);
}

void PackageDialog::setDistrict(const QString& district) {
    district_->setCurrentIndex(district_->findText(district));
}

void PackageDialog::setTop(int n) {
    top_->setValue(n);
}

void PackageDialog::setStart(std::optional<GeoPoint> start) {
    start_->setText(start ? qs(formatLonLat(*start)) : QString());
}

void PackageDialog::makeVisitList() {
    if (listWatcher_.isRunning())
        return;
    std::optional<GeoPoint> start;
    const QString startText = start_->text().simplified().remove(QLatin1Char(' '));
    if (!startText.isEmpty()) {
        start = parseLonLat(startText.toStdString());
        if (!start) {
            status_->setText(tr("The start point must be longitude, latitude in degrees."));
            return;
        }
    }
    Scenario scenario = scenario_;
    const bool selection = fromSelection_->isChecked();
    std::optional<std::size_t> top;
    if (fromList_->isChecked())
        top = static_cast<std::size_t>(top_->value());
    if (fromDistrict_->isChecked())
        scenario.filter.districts = {district_->currentText().toStdString()};
    status_->setText(tr("Making the route…"));
    order_->setEnabled(false);
    listWatcher_.setFuture(QtConcurrent::run([path = projectPath_, scenario, top, selection,
                                              ids = selected_, start]() -> Result<OrderedVisit> {
        auto project = Project::open(path, Project::Access::ReadOnly);
        if (!project)
            return project.error();
        std::vector<std::string> chosen = ids;
        if (!selection) {
            auto due = dueForInspection(*project, scenario, top);
            if (!due)
                return due.error();
            chosen = std::move(due).value();
        }
        return orderVisitList(*project, chosen, start);
    }));
}

void PackageDialog::listReady() {
    order_->setEnabled(true);
    auto result = listWatcher_.result();
    list_->clear();
    if (!result) {
        status_->setText(tr("No visit list: %1").arg(errorText(result.error())));
        create_->setEnabled(false);
        return;
    }
    std::unordered_map<std::string, const Factory*> byId;
    if (facts_)
        for (const auto& f : facts_->factories)
            byId.emplace(f.id, &f);
    for (const auto& id : result->siteIds) {
        auto it = byId.find(id);
        auto* item = new QListWidgetItem(
            it == byId.end() ? qs(id)
                             : tr("%1 — %2").arg(qs(it->second->name), qs(it->second->district)));
        item->setData(Qt::UserRole, qs(id));
        list_->addItem(item);
    }
    status_->setText(result->siteIds.empty()
                         ? tr("No facility is due for inspection there.")
                         : tr("Ordered from the start: %1 km instead of %2 km in the list's order.")
                               .arg(QLocale().toString(result->metres / 1000, 'f', 1),
                                    QLocale().toString(result->inputMetres / 1000, 'f', 1)));
    create_->setEnabled(!result->siteIds.empty());
    updateDistance();
}

std::vector<std::string> PackageDialog::visitList() const {
    std::vector<std::string> ids;
    for (int i = 0; i < list_->count(); ++i)
        ids.push_back(list_->item(i)->data(Qt::UserRole).toString().toStdString());
    return ids;
}

double PackageDialog::routeMetresShown() const {
    if (!facts_)
        return 0;
    std::unordered_map<std::string, GeoPoint> where;
    for (const auto& f : facts_->factories)
        where.emplace(f.id, f.location);
    std::vector<GeoPoint> stops;
    for (const auto& id : visitList())
        if (auto it = where.find(id); it != where.end())
            stops.push_back(it->second);
    if (stops.empty())
        return 0;
    std::vector<std::size_t> order(stops.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    const auto start = parseLonLat(start_->text().simplified().remove(' ').toStdString());
    // Without a start the route begins at the first stop (orderVisit's convention).
    return routeMetres(start.value_or(stops.front()), stops, order);
}

void PackageDialog::updateDistance() {
    distance_->setText(tr("%1 stops, %2 km straight-line in this order")
                           .arg(list_->count())
                           .arg(QLocale().toString(routeMetresShown() / 1000, 'f', 1)));
}

void PackageDialog::chooseFile() {
    const QString path = chooseFileToSave(
        this, tr("Create field package"),
        QFileInfo(qs(projectPath_)).absolutePath() + QStringLiteral("/goi_kiem_tra.gpkg"),
        tr("Field package (*.gpkg)"));
    if (!path.isEmpty())
        createAt(path);
}

void PackageDialog::createAt(const QString& path) {
    if (createWatcher_.isRunning() || list_->count() == 0)
        return;
    PackageRequest request;
    request.siteIds = visitList();
    request.start = parseLonLat(start_->text().simplified().remove(' ').toStdString());
    request.createdBy = qEnvironmentVariable("USER").toStdString();
    request.language = uiLanguage();
    // The file dialog asked before replacing a file.
    request.replaceExisting = true;
    status_->setText(tr("Writing the package…"));
    create_->setEnabled(false);
    // The basemap cut to the package's area goes in too (none if SafeMap has none).
    createWatcher_.setFuture(
        QtConcurrent::run([path = projectPath_, request, out = path.toStdString(),
                           extras = packageBasemapExtras()]() -> Result<PackageSummary> {
            auto project = Project::open(path, Project::Access::ReadOnly);
            if (!project)
                return project.error();
            return createFieldPackage(*project, request, out, extras);
        }));
}

void PackageDialog::createdReady() {
    create_->setEnabled(true);
    auto result = createWatcher_.result();
    if (!result) {
        status_->setText(tr("No package was made: %1").arg(errorText(result.error())));
        return;
    }
    created_ = std::move(result).value();
    status_->setText(tr("Field package made: %1 facilities, %2 zones, %3 assessments, %4 "
                        "inspections; route %5 km.")
                         .arg(created_->facilities)
                         .arg(created_->zones)
                         .arg(created_->assessments)
                         .arg(created_->inspections)
                         .arg(QLocale().toString(created_->routeMetres / 1000, 'f', 1)));
}

}  // namespace safemap
