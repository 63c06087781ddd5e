#include "app/gui/filter_panel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <set>

#include "app/gui/identify_panel.h"
#include "app/gui/qt_text.h"
#include "app/gui/retranslate.h"
#include "core/filter/filter_match.h"
#include "core/text/fold.h"

namespace safemap {

namespace {

constexpr int kMaxWorkforce = 1000000;
constexpr int kMaxAgeDays = 3650;

QIcon swatch(const QColor& colour) {
    QPixmap pm(14, 14);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(colour.darker(160));
    p.setBrush(colour);
    p.drawEllipse(QRectF(1.5, 1.5, 11, 11));
    return QIcon(pm);
}

std::optional<RiskLevel> levelOfCategory(size_t category) {
    return category == 0 ? std::nullopt
                         : std::optional<RiskLevel>(static_cast<RiskLevel>(category - 1));
}

QString typeLabel(SiteType t) {
    switch (t) {
        case SiteType::IndustrialZone:
            return FilterPanel::tr("Industrial zones (KCN)");
        case SiteType::IndustrialCluster:
            return FilterPanel::tr("Industrial clusters (CCN)");
        case SiteType::EconomicZone:
            return FilterPanel::tr("Economic zones (KKT)");
        case SiteType::OutsideZone:
            return FilterPanel::tr("Outside any zone");
    }
    return {};
}

QStringList toList(const std::set<std::string>& values) {
    QStringList out;
    for (const auto& v : values)
        out << qs(v);
    return out;
}

std::set<std::string> toSet(const QVariant& data) {
    std::set<std::string> out;
    for (const auto& v : data.toStringList())
        out.insert(v.toStdString());
    return out;
}

std::set<std::string> foldedSet(const std::set<std::string>& values) {
    std::set<std::string> out;
    for (const auto& v : values)
        out.insert(foldForSearch(v));
    return out;
}

// Items are (label, values); the first is "all" with no values. Selects the item whose values
// equal `wanted` (compared folded when `fold`), or adds one for a set no item holds, such
// as several zones from a saved filter.
void selectValues(QComboBox* combo, const std::set<std::string>& wanted, bool fold,
                  const QString& labelIfNew) {
    for (int i = combo->count() - 1; i > 0; --i)
        if (combo->itemData(i, Qt::UserRole + 1).toBool())
            combo->removeItem(i);
    const auto key = fold ? foldedSet(wanted) : wanted;
    for (int i = 0; i < combo->count(); ++i) {
        const auto values = toSet(combo->itemData(i));
        if ((fold ? foldedSet(values) : values) == key) {
            combo->setCurrentIndex(i);
            return;
        }
    }
    combo->insertItem(1, labelIfNew, toList(wanted));
    combo->setItemData(1, true, Qt::UserRole + 1);
    combo->setCurrentIndex(1);
}

}  // namespace

FilterPanel::FilterPanel(QWidget* parent)
    : QWidget(parent),
      search_(new QLineEdit(this)),
      searchTimer_(new QTimer(this)),
      searchAction_(translated(new QAction(this), "safemap::FilterPanel", QT_TR_NOOP("Find site"))),
      province_(new QComboBox(this)),
      zone_(new QComboBox(this)),
      district_(new QComboBox(this)),
      minWorkers_(new QSpinBox(this)),
      maxWorkers_(new QSpinBox(this)),
      maxAge_(new QSpinBox(this)),
      neverAssessed_(
          translated(new QCheckBox(this), "safemap::FilterPanel", QT_TR_NOOP("or never assessed"))),
      list_(new QComboBox(this)) {
    setObjectName(QStringLiteral("filterPanel"));
    buildControls();
    showFilter();

    searchTimer_->setSingleShot(true);
    searchTimer_->setInterval(kSearchDelayMs);
    connect(searchTimer_, &QTimer::timeout, this, &FilterPanel::changed);
    connect(search_, &QLineEdit::textChanged, this, &FilterPanel::searchEdited);
    // Enter skips the wait.
    connect(search_, &QLineEdit::returnPressed, this, [this] {
        if (searchTimer_->isActive())
            changed();
    });

    searchAction_->setShortcut(QKeySequence::Find);
    searchAction_->setShortcutContext(Qt::WindowShortcut);
    addAction(searchAction_);
    connect(searchAction_, &QAction::triggered, this, &FilterPanel::focusSearch);

    for (auto* box : levelBoxes_)
        connect(box, &QCheckBox::toggled, this, &FilterPanel::changed);
    for (auto* box : typeBoxes_)
        connect(box, &QCheckBox::toggled, this, &FilterPanel::changed);
    for (auto* combo : {zone_, district_, list_})
        connect(combo, &QComboBox::currentIndexChanged, this, &FilterPanel::changed);
    // A province narrows the zone and district combos to its own, then filters.
    connect(province_, &QComboBox::currentIndexChanged, this, [this] {
        if (updating_)
            return;
        filter_.provinces = toSet(province_->currentData());
        // A district or zone chosen elsewhere would leave nothing to see: let it go.
        const std::set<std::string> provinces = foldedSet(filter_.provinces);
        if (!provinces.empty()) {
            std::erase_if(filter_.districts, [&](const std::string& d) {
                return !places_.empty() &&
                       std::none_of(places_.begin(), places_.end(), [&](const auto& place) {
                           return foldForSearch(place.second) == foldForSearch(d) &&
                                  provinces.count(foldForSearch(place.first));
                       });
            });
            std::erase_if(filter_.zoneIds, [&](const std::string& id) {
                return std::any_of(zones_.begin(), zones_.end(), [&](const Zone& z) {
                    return z.id == id && !z.province.empty() &&
                           !provinces.count(foldForSearch(z.province));
                });
            });
        }
        fillPlaceCombos();
        changed();
    });
    for (auto* spin : {minWorkers_, maxWorkers_, maxAge_})
        connect(spin, &QSpinBox::valueChanged, this, &FilterPanel::changed);
    connect(neverAssessed_, &QCheckBox::toggled, this, &FilterPanel::changed);
}

void FilterPanel::buildControls() {
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);

    search_->setObjectName(QStringLiteral("filterSearch"));
    search_->setClearButtonEnabled(true);
    translatedAs(search_, TextRole::Placeholder, "safemap::FilterPanel",
                 QT_TR_NOOP("Name or tax code (Ctrl+F)"));
    layout->addWidget(search_);

    auto* levels =
        translated(new QGroupBox(content), "safemap::FilterPanel", QT_TR_NOOP("Risk level"));
    auto* levelLayout = new QVBoxLayout(levels);
    // Highest risk first and "no assessment" last, as in the legend.
    for (int i = kRiskLevelCount; i >= 0; --i) {
        const auto category = static_cast<size_t>(i);
        const auto level = levelOfCategory(category);
        auto* box = new QCheckBox(riskLevelName(level), levels);
        box->setIcon(swatch(riskLevelColour(level)));
        box->setObjectName(QStringLiteral("level_") + (level
                                                           ? qs(std::string(riskLevelCode(*level)))
                                                           : QStringLiteral("none")));
        levelLayout->addWidget(box);
        levelBoxes_[category] = box;
    }
    layout->addWidget(levels);

    auto* types =
        translated(new QGroupBox(content), "safemap::FilterPanel", QT_TR_NOOP("Site type"));
    auto* typeLayout = new QVBoxLayout(types);
    for (int i = 0; i < kSiteTypeCount; ++i) {
        const auto type = static_cast<SiteType>(i);
        auto* box = new QCheckBox(typeLabel(type), types);
        box->setObjectName(QStringLiteral("type_") + qs(std::string(siteTypeCode(type))));
        typeLayout->addWidget(box);
        typeBoxes_[static_cast<size_t>(i)] = box;
    }
    layout->addWidget(types);
    // Levels and site types are named by functions, not literals: worded again here.
    onLanguageChange(this, [this] {
        for (size_t c = 0; c < levelBoxes_.size(); ++c)
            levelBoxes_[c]->setText(riskLevelName(levelOfCategory(c)));
        for (size_t i = 0; i < typeBoxes_.size(); ++i)
            typeBoxes_[i]->setText(typeLabel(static_cast<SiteType>(i)));
    });

    auto* form = new QFormLayout;
    province_->setObjectName(QStringLiteral("filterProvince"));
    zone_->setObjectName(QStringLiteral("filterZone"));
    district_->setObjectName(QStringLiteral("filterDistrict"));
    for (auto* combo : {province_, zone_, district_}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(12);
    }
    form->addRow(translated(new QLabel, "safemap::FilterPanel", QT_TR_NOOP("Province")), province_);
    form->addRow(translated(new QLabel, "safemap::FilterPanel", QT_TR_NOOP("District")), district_);
    form->addRow(translated(new QLabel, "safemap::FilterPanel", QT_TR_NOOP("Zone / cluster")),
                 zone_);

    minWorkers_->setObjectName(QStringLiteral("minWorkers"));
    maxWorkers_->setObjectName(QStringLiteral("maxWorkers"));
    for (auto* spin : {minWorkers_, maxWorkers_}) {
        // 0 stands for "no bound": no facility is filtered for having no workers.
        spin->setRange(0, kMaxWorkforce);
        spin->setSingleStep(100);
        translatedAs(spin, TextRole::SpecialValue, "safemap::FilterPanel", QT_TR_NOOP("any"));
        spin->setGroupSeparatorShown(true);
        spin->setKeyboardTracking(false);
    }
    auto* workers = new QHBoxLayout;
    workers->addWidget(minWorkers_, 1);
    workers->addWidget(new QLabel(QStringLiteral("–"), content));
    workers->addWidget(maxWorkers_, 1);
    form->addRow(translated(new QLabel, "safemap::FilterPanel", QT_TR_NOOP("Workers")), workers);

    maxAge_->setObjectName(QStringLiteral("maxAgeDays"));
    maxAge_->setRange(-1, kMaxAgeDays);
    translatedAs(maxAge_, TextRole::SpecialValue, "safemap::FilterPanel", QT_TR_NOOP("any"));
    translatedAs(maxAge_, TextRole::Suffix, "safemap::FilterPanel", QT_TR_NOOP(" days"));
    maxAge_->setKeyboardTracking(false);
    translatedAs(maxAge_, TextRole::ToolTip, "safemap::FilterPanel",
                 QT_TR_NOOP("Only facilities whose newest assessment is at most this old"));
    neverAssessed_->setObjectName(QStringLiteral("neverAssessed"));
    translatedAs(neverAssessed_, TextRole::ToolTip, "safemap::FilterPanel",
                 QT_TR_NOOP("Also (or, with no age set, only) facilities never assessed"));
    form->addRow(translated(new QLabel, "safemap::FilterPanel", QT_TR_NOOP("Assessed within")),
                 maxAge_);
    form->addRow(QString(), neverAssessed_);

    list_->setObjectName(QStringLiteral("filterList"));
    addTranslatedItem(list_, "safemap::FilterPanel", QT_TR_NOOP("All facilities"),
                      static_cast<int>(ListMembership::Any));
    addTranslatedItem(list_, "safemap::FilterPanel", QT_TR_NOOP("To suspend"),
                      static_cast<int>(ListMembership::ToSuspend));
    addTranslatedItem(list_, "safemap::FilterPanel", QT_TR_NOOP("Due for inspection"),
                      static_cast<int>(ListMembership::ToInspect));
    addTranslatedItem(list_, "safemap::FilterPanel", QT_TR_NOOP("On either list"),
                      static_cast<int>(ListMembership::Either));
    form->addRow(translated(new QLabel, "safemap::FilterPanel", QT_TR_NOOP("List")), list_);
    layout->addLayout(form);

    auto* resetButton =
        translated(new QPushButton(content), "safemap::FilterPanel", QT_TR_NOOP("Reset"));
    resetButton->setObjectName(QStringLiteral("filterReset"));
    connect(resetButton, &QPushButton::clicked, this, &FilterPanel::reset);
    layout->addWidget(resetButton, 0, Qt::AlignRight);
    layout->addStretch();

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    setChoices({}, FilterChoices{});
}

void FilterPanel::setChoices(const std::vector<Zone>& zones,
                             const std::vector<std::string>& districts,
                             const std::vector<std::string>& provinces) {
    zones_ = zones;
    districts_ = districts;
    sortFolded(districts_);
    provinces_ = provinces;
    sortFolded(provinces_);
    places_.clear();
    updating_ = true;
    province_->clear();
    addTranslatedItem(province_, "safemap::FilterPanel", QT_TR_NOOP("All provinces"),
                      QStringList());
    for (const auto& p : provinces_)
        province_->addItem(qs(p), QStringList{qs(p)});
    updating_ = false;
    fillPlaceCombos();
    showFilter();
}

void FilterPanel::setSites(const std::vector<Zone>& zones, const std::vector<Factory>& factories) {
    setChoices(zones, filterChoicesOf(zones, factories));
}

void FilterPanel::setChoices(const std::vector<Zone>& zones, const FilterChoices& choices) {
    setChoices(zones, choices.districts, choices.provinces);
    places_ = choices.places;
    fillPlaceCombos();
    showFilter();
}

void FilterPanel::fillPlaceCombos() {
    // Within the chosen provinces (all when none is chosen or nothing says where a district
    // or zone lies).
    const std::set<std::string> provinces = foldedSet(filter_.provinces);
    auto inProvince = [&](const std::string& province) {
        return provinces.empty() || province.empty() || provinces.count(foldForSearch(province));
    };
    auto districtShown = [&](const std::string& district) {
        if (places_.empty())
            return true;
        const std::string key = foldForSearch(district);
        return std::any_of(places_.begin(), places_.end(), [&](const auto& place) {
            return foldForSearch(place.second) == key && inProvince(place.first);
        });
    };
    std::vector<const Zone*> sorted;
    for (const auto& z : zones_)
        if (inProvince(z.province))
            sorted.push_back(&z);
    std::stable_sort(sorted.begin(), sorted.end(), [](const Zone* a, const Zone* b) {
        return foldForSearch(a->name) < foldForSearch(b->name);
    });
    const bool was = updating_;
    updating_ = true;
    zone_->clear();
    addTranslatedItem(zone_, "safemap::FilterPanel", QT_TR_NOOP("All zones and clusters"),
                      QStringList());
    for (const Zone* z : sorted) {
        zone_->addItem(qs(z->name), QStringList{qs(z->id)});
        zone_->setItemData(
            zone_->count() - 1,
            qs(std::string(zoneKindCode(z->kind))) + QStringLiteral(" · ") + qs(z->district),
            Qt::ToolTipRole);
    }
    district_->clear();
    addTranslatedItem(district_, "safemap::FilterPanel", QT_TR_NOOP("All districts"),
                      QStringList());
    for (const auto& d : districts_)
        if (districtShown(d))
            district_->addItem(qs(d), QStringList{qs(d)});
    updating_ = was;
    if (!updating_)
        showFilter();
}

void FilterPanel::setFilter(const SiteFilter& filter) {
    searchTimer_->stop();
    filter_ = filter;
    fillPlaceCombos();  // narrowed to the filter's provinces; shows the filter
}

SiteFilter FilterPanel::filter() const {
    SiteFilter f = filter_;
    f.query = search_->text().toStdString();
    return f;
}

QCheckBox* FilterPanel::levelBox(std::optional<RiskLevel> level) const {
    return levelBoxes_[level ? static_cast<size_t>(static_cast<int>(*level) + 1) : 0];
}

QCheckBox* FilterPanel::typeBox(SiteType type) const {
    return typeBoxes_[static_cast<size_t>(type)];
}

void FilterPanel::focusSearch() {
    search_->setFocus(Qt::ShortcutFocusReason);
    search_->selectAll();
}

void FilterPanel::reset() {
    setFilter(SiteFilter{});
    emit filterChanged(filter_);
}

void FilterPanel::showFilter() {
    const bool was = updating_;
    updating_ = true;
    if (search_->text().toStdString() != filter_.query)
        search_->setText(qs(filter_.query));
    for (size_t i = 0; i < levelBoxes_.size(); ++i)
        levelBoxes_[i]->setChecked(filter_.levels.test(i));
    for (size_t i = 0; i < typeBoxes_.size(); ++i)
        typeBoxes_[i]->setChecked(filter_.types.test(i));

    QStringList zoneNames;
    for (const auto& id : filter_.zoneIds) {
        QString name = qs(id);
        for (const auto& z : zones_)
            if (z.id == id)
                name = qs(z.name);
        zoneNames << name;
    }
    selectValues(province_, filter_.provinces, true,
                 filter_.provinces.size() <= 2
                     ? toList(filter_.provinces).join(QStringLiteral(", "))
                     : tr("%1 provinces").arg(filter_.provinces.size()));
    selectValues(zone_, filter_.zoneIds, false,
                 zoneNames.size() <= 2 ? zoneNames.join(QStringLiteral(", "))
                                       : tr("%1 zones").arg(zoneNames.size()));
    selectValues(district_, filter_.districts, true,
                 filter_.districts.size() <= 2
                     ? toList(filter_.districts).join(QStringLiteral(", "))
                     : tr("%1 districts").arg(filter_.districts.size()));

    minWorkers_->setValue(filter_.minWorkers.value_or(0));
    maxWorkers_->setValue(filter_.maxWorkers.value_or(0));
    maxAge_->setValue(filter_.maxAgeDays.value_or(-1));
    neverAssessed_->setChecked(filter_.neverAssessed);
    list_->setCurrentIndex(list_->findData(static_cast<int>(filter_.list)));
    updating_ = was;
}

void FilterPanel::readControls() {
    for (size_t i = 0; i < levelBoxes_.size(); ++i)
        filter_.levels.set(i, levelBoxes_[i]->isChecked());
    for (size_t i = 0; i < typeBoxes_.size(); ++i)
        filter_.types.set(i, typeBoxes_[i]->isChecked());
    filter_.provinces = toSet(province_->currentData());
    filter_.zoneIds = toSet(zone_->currentData());
    filter_.districts = toSet(district_->currentData());
    auto bound = [](int v) { return v > 0 ? std::optional<int>(v) : std::nullopt; };
    filter_.minWorkers = bound(minWorkers_->value());
    filter_.maxWorkers = bound(maxWorkers_->value());
    filter_.maxAgeDays =
        maxAge_->value() >= 0 ? std::optional<int>(maxAge_->value()) : std::nullopt;
    filter_.neverAssessed = neverAssessed_->isChecked();
    filter_.list = static_cast<ListMembership>(list_->currentData().toInt());
    filter_.query = search_->text().toStdString();
}

void FilterPanel::changed() {
    if (updating_)
        return;
    // Any change also takes the search text as it is, so a pending search is not lost.
    searchTimer_->stop();
    readControls();
    emit filterChanged(filter_);
}

void FilterPanel::searchEdited() {
    if (!updating_)
        searchTimer_->start();
}

}  // namespace safemap
