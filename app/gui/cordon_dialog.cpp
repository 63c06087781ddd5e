#include "app/gui/cordon_dialog.h"
#include "app/gui/error_text.h"
#include "app/gui/retranslate.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <tuple>
#include <utility>

#include "app/gui/qt_text.h"
#include "core/text/fold.h"

namespace safemap {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kMinRadius = 50;
constexpr int kMaxRadius = 20000;
constexpr int kDefaultRadius = 1000;

QString areaText(double km2) {
    // One decimal as in the officials' reports; small cordons (a 50 m radius is 0.008 km²)
    // would read 0.0, so they get three.
    return uiDecimal(km2, km2 >= 1 ? 1 : 3);
}
}  // namespace

CordonDialog::CordonDialog(QWidget* parent)
    : QWidget(parent),
      caseLabel_(new QLabel(this)),
      radiusLabel_(new QLabel(this)),
      radius_(new QSpinBox(this)),
      wholeZone_(translated(new QCheckBox(this), "safemap::CordonDialog",
                            QT_TR_NOOP("Whole zone/cluster of the facility"))),
      compute_(translated(new QPushButton(this), "safemap::CordonDialog", QT_TR_NOOP("Compute"))),
      clear_(translated(new QPushButton(this), "safemap::CordonDialog", QT_TR_NOOP("Clear"))),
      result_(new QLabel(this)),
      list_(new QTreeWidget(this)) {
    translated(this, "safemap::CordonDialog", QT_TR_NOOP("Cordon around a case"));

    caseLabel_->setObjectName(QStringLiteral("caseSiteLabel"));
    caseLabel_->setWordWrap(true);
    radius_->setObjectName(QStringLiteral("radiusSpin"));
    radius_->setRange(kMinRadius, kMaxRadius);
    radius_->setSingleStep(50);
    radius_->setValue(kDefaultRadius);
    translatedAs(radius_, TextRole::Suffix, "safemap::CordonDialog", QT_TR_NOOP(" m"));
    radius_->setAccelerated(true);
    radiusLabel_->setBuddy(radius_);
    wholeZone_->setObjectName(QStringLiteral("wholeZoneCheck"));
    compute_->setObjectName(QStringLiteral("computeButton"));
    compute_->setDefault(true);
    clear_->setObjectName(QStringLiteral("clearButton"));
    result_->setObjectName(QStringLiteral("resultLabel"));
    result_->setWordWrap(true);
    result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    list_->setObjectName(QStringLiteral("facilityList"));
    list_->setColumnCount(2);
    setTranslatedHeaders(list_, "safemap::CordonDialog",
                         {QT_TR_NOOP("Facility"), QT_TR_NOOP("Workers")});
    list_->setRootIsDecorated(false);
    list_->setUniformRowHeights(true);
    list_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    list_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    list_->header()->setStretchLastSection(false);

    auto* form = new QFormLayout;
    form->addRow(translated(new QLabel, "safemap::CordonDialog", QT_TR_NOOP("Case at:")),
                 caseLabel_);
    form->addRow(radiusLabel_, radius_);
    form->addRow(QString(), wholeZone_);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(compute_);
    buttons->addWidget(clear_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(result_);
    layout->addWidget(list_, 1);

    connect(wholeZone_, &QCheckBox::toggled, this, &CordonDialog::setWholeZone);
    connect(compute_, &QPushButton::clicked, this, &CordonDialog::compute);
    connect(clear_, &QPushButton::clicked, this, &CordonDialog::clearCordon);
    connect(list_, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        if (item)
            emit facilityActivated(item->data(0, kIdRole).toString());
    });

    setWholeZone(false);
    updateCaseLabel();
    clear_->setEnabled(false);
}

void CordonDialog::setSites(std::shared_ptr<const ProjectFacts> facts) {
    facts_ = std::move(facts);
}

void CordonDialog::setSites(std::vector<Factory> factories, std::vector<Zone> zones) {
    auto facts = std::make_shared<ProjectFacts>();
    facts->index = makeFactoryIndex(factories);
    facts->factories = std::move(factories);
    facts->zones = std::move(zones);
    setSites(std::move(facts));
}

bool CordonDialog::followSelection(const QString& siteId) {
    const Factory* f = findFactory(siteId.toStdString());
    if (!f)
        return false;
    if (siteId != caseSiteId_)
        setCaseSite(siteId, qs(f->name));
    return true;
}

void CordonDialog::setCaseSite(const QString& siteId, const QString& name) {
    caseSiteId_ = siteId;
    caseSiteName_ = name;
    updateCaseLabel();
}

void CordonDialog::setRadiusMetres(int metres) {
    radius_->setValue(metres);
}

int CordonDialog::radiusMetres() const {
    return radius_->value();
}

void CordonDialog::setWholeZone(bool whole) {
    const QSignalBlocker block(wholeZone_);
    wholeZone_->setChecked(whole);
    // A whole-zone cordon usually means the zone itself: start from no margin, and give the
    // radius back when the box is unticked.
    if (whole && radius_->minimum() != 0) {
        radiusBeforeWholeZone_ = radius_->value();
        radius_->setMinimum(0);
        radius_->setValue(0);
    } else if (!whole && radius_->minimum() == 0) {
        radius_->setMinimum(kMinRadius);
        radius_->setValue(radiusBeforeWholeZone_);
    }
    // QSpinBox shows the special text at its minimum: 0 m of margin, never 50 m of radius.
    radius_->setSpecialValueText(whole ? tr("none") : QString());
    radiusLabel_->setText(whole ? tr("Margin around the zone:") : tr("Radius:"));
}

bool CordonDialog::wholeZone() const {
    return wholeZone_->isChecked();
}

QString CordonDialog::resultText() const {
    return result_->text();
}

QStringList CordonDialog::facilityRows() const {
    QStringList rows;
    for (int i = 0; i < list_->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = list_->topLevelItem(i);
        rows << item->text(0) + QLatin1Char('\t') + item->text(1);
    }
    return rows;
}

void CordonDialog::compute() {
    if (caseSiteId_.isEmpty()) {
        showError(tr("Select the facility where the case is reported first."));
        return;
    }
    const CordonRequest request{caseSiteId_.toStdString(), double(radius_->value()),
                                wholeZone_->isChecked()};
    static const ProjectFacts none;
    const ProjectFacts& sites = facts_ ? *facts_ : none;
    Result<Cordon> result = computeCordon(request, sites.factories, sites.zones);
    if (!result) {
        showError(errorText(result.error()));
        return;
    }
    cordon_ = std::move(result).value();
    showCordon();
    emit cordonComputed(*cordon_);
}

void CordonDialog::clearCordon() {
    const bool had = cordon_.has_value();
    cordon_.reset();
    result_->clear();
    result_->setStyleSheet({});
    list_->clear();
    clear_->setEnabled(false);
    if (had)
        emit cordonCleared();
}

void CordonDialog::showCordon() {
    const Cordon& c = *cordon_;
    const auto count = static_cast<long long>(c.facilityIds.size());
    QString text = count == 1 ? tr("1 facility") : tr("%1 facilities").arg(uiCount(count));
    text += tr(", %1 workers inside, %2 km²")
                .arg(uiCount(static_cast<long long>(c.knownWorkers)), areaText(c.areaKm2));
    if (c.unknownWorkforce > 0)
        text += tr(" (worker count unknown for %1)").arg(uiCount(c.unknownWorkforce));
    result_->setStyleSheet({});
    result_->setText(text);

    // Sorted as a Vietnamese reader expects in a search-like list: accents and case ignored,
    // then the exact name and the id so that equal names keep a fixed order.
    struct Row {
        std::string key;
        const Factory* factory;
    };
    std::vector<Row> rows;
    rows.reserve(c.facilityIds.size());
    for (const std::string& id : c.facilityIds)
        if (const Factory* f = findFactory(id))
            rows.push_back({foldForSearch(f->name), f});
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        return std::tie(a.key, a.factory->name, a.factory->id) <
               std::tie(b.key, b.factory->name, b.factory->id);
    });
    list_->setUpdatesEnabled(false);
    list_->clear();
    QList<QTreeWidgetItem*> items;
    items.reserve(static_cast<qsizetype>(rows.size()));
    for (const Row& row : rows) {
        const Factory& f = *row.factory;
        const QString workers = f.workforce.total ? uiCount(*f.workforce.total) : tr("unknown");
        auto* item = new QTreeWidgetItem({qs(f.name.empty() ? f.id : f.name), workers});
        item->setData(0, kIdRole, qs(f.id));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        if (f.id == c.request.caseSiteId) {
            QFont bold = item->font(0);
            bold.setBold(true);
            item->setFont(0, bold);
            item->setToolTip(0, tr("Case reported here"));
        }
        items.append(item);
    }
    list_->addTopLevelItems(items);
    list_->setUpdatesEnabled(true);
    clear_->setEnabled(true);
}

void CordonDialog::showError(const QString& message) {
    clearCordon();
    result_->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    result_->setText(message);
}

void CordonDialog::updateCaseLabel() {
    if (caseSiteId_.isEmpty())
        caseLabel_->setText(tr("no facility selected: select one on the map"));
    else
        caseLabel_->setText(caseSiteName_.isEmpty() ? caseSiteId_ : caseSiteName_);
    compute_->setEnabled(!caseSiteId_.isEmpty());
}

const Factory* CordonDialog::findFactory(const std::string& id) const {
    if (!facts_ || !facts_->index)
        return nullptr;
    const auto it = facts_->index->find(id);
    return it == facts_->index->end() ? nullptr : &facts_->factories[it->second];
}

}  // namespace safemap
