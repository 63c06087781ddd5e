#include "app/gui/legend_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QScrollArea>
#include <QVBoxLayout>

#include "app/gui/error_text.h"
#include "app/gui/identify_panel.h"
#include "app/gui/retranslate.h"
#include "core/criteria/criteria_labels.h"
#include "gis/render/layer_data.h"
#include "gis/render/layer_style.h"
#include "gis/render/point_symbol.h"

namespace safemap {

namespace {
// Drawn by the map's own symbol code, so the legend cannot drift from the map.
QPixmap symbol(std::uint8_t category, std::uint8_t flags) {
    QPixmap pm(24, 24);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    drawPointSymbol(p, QPointF(12, 12), factoryStyle(), category, flags, 11.0);
    return pm;
}
}  // namespace

LegendPanel::LegendPanel(QWidget* parent)
    : QWidget(parent),
      extraLabel_(new QLabel(this)),
      zoneMode_(new QComboBox(this)),
      sizeByWorkforce_(translated(new QCheckBox(this), "safemap::LegendPanel",
                                  QT_TR_NOOP("Symbol size by workforce"))),
      zoneLabels_(
          translated(new QCheckBox(this), "safemap::LegendPanel", QT_TR_NOOP("Zone names"))),
      facilityLabels_(translated(new QCheckBox(this), "safemap::LegendPanel",
                                 QT_TR_NOOP("Facility names (when zoomed in)"))) {
    setObjectName(QStringLiteral("legendPanel"));
    // Everything sits in a scroll area, so the dock may be shorter than the legend (a
    // 1280 × 720 screen) without squeezing it.
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    auto* facilities = translated(new QGroupBox(content), "safemap::LegendPanel",
                                  QT_TR_NOOP("Facilities by latest assessment"));
    auto* grid = new QGridLayout(facilities);
    // Highest risk first, as officials read it; "no assessment" last.
    for (int i = kRiskLevelCount; i >= 0; --i) {
        const std::optional<RiskLevel> level =
            i == 0 ? std::nullopt : std::optional<RiskLevel>(static_cast<RiskLevel>(i - 1));
        const int row = kRiskLevelCount - i;
        auto* icon = new QLabel(facilities);
        icon->setPixmap(symbol(static_cast<std::uint8_t>(i), 0));
        grid->addWidget(icon, row, 0);
        grid->addWidget(new QLabel(riskLevelName(level), facilities), row, 1);
        auto* count = new QLabel(QStringLiteral("0"), facilities);
        count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        grid->addWidget(count, row, 2);
        grid->setColumnStretch(1, 1);
        countLabels_[static_cast<size_t>(i)] = count;
    }
    layout->addWidget(facilities);
    auto* marks = translated(new QGroupBox(content), "safemap::LegendPanel", QT_TR_NOOP("Marks"));
    auto* markGrid = new QGridLayout(marks);
    const std::pair<std::uint8_t, QString> markRows[] = {
        {kFeatureSuspend, tr("on the list to suspend")},
        {kFeatureStale, tr("assessment out of date")},
        {kFeatureInspect, tr("to inspect this week (top of the list)")}};
    int markRow = 0;
    for (const auto& [flag, text] : markRows) {
        auto* icon = new QLabel(marks);
        icon->setPixmap(symbol(3, flag));  // on the medium colour, as on the map
        markGrid->addWidget(icon, markRow, 0);
        markGrid->addWidget(new QLabel(text, marks), markRow, 1);
        markGrid->setColumnStretch(1, 1);
        ++markRow;
    }
    layout->addWidget(marks);
    extraLabel_->setWordWrap(true);
    layout->addWidget(extraLabel_);

    auto* zones = translated(new QGroupBox(content), "safemap::LegendPanel",
                             QT_TR_NOOP("Zones and clusters"));
    auto* form = new QFormLayout(zones);
    zoneMode_->setObjectName(QStringLiteral("zoneColouring"));
    addTranslatedItem(zoneMode_, "safemap::LegendPanel", QT_TR_NOOP("Worst facility level"),
                      static_cast<int>(ZoneColouring::WorstLevel));
    addTranslatedItem(zoneMode_, "safemap::LegendPanel",
                      QT_TR_NOOP("Share of unsafe facilities (4 area levels)"),
                      static_cast<int>(ZoneColouring::UnsafeShare));
    form->addRow(translated(new QLabel, "safemap::LegendPanel", QT_TR_NOOP("Colour by")),
                 zoneMode_);
    form->addRow(zoneLabels_);
    layout->addWidget(zones);
    sizeByWorkforce_->setObjectName(QStringLiteral("sizeByWorkforce"));
    layout->addWidget(sizeByWorkforce_);
    facilityLabels_->setObjectName(QStringLiteral("facilityLabels"));
    layout->addWidget(facilityLabels_);
    sections_ = new QVBoxLayout;
    sections_->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(sections_);
    layout->addStretch();
    zoneLabels_->setChecked(true);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("legendScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(content);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    auto emitChoice = [this] {
        if (!updating_)
            emit choiceChanged(choice());
    };
    connect(zoneMode_, &QComboBox::currentIndexChanged, this, emitChoice);
    connect(sizeByWorkforce_, &QCheckBox::toggled, this, emitChoice);
    connect(zoneLabels_, &QCheckBox::toggled, this, emitChoice);
    connect(facilityLabels_, &QCheckBox::toggled, this, emitChoice);
}

void LegendPanel::setStatus(const ProjectStatus& status) {
    std::array<int, kRiskLevelCount + 1> counts{};
    int stale = 0, suspend = 0, inspect = 0, thisWeek = 0;
    for (const auto& s : status.sites) {
        ++counts[riskCategory(s)];
        stale += s.stale ? 1 : 0;
        suspend += s.toSuspend ? 1 : 0;
        inspect += s.toInspect ? 1 : 0;
        thisWeek += s.inspectTop ? 1 : 0;
    }
    const DisplayStyle style = uiDisplayStyle();
    const auto count = [&](auto n) {
        return QString::fromStdString(formatCount(static_cast<long long>(n), style));
    };
    for (size_t i = 0; i < counts.size(); ++i)
        countLabels_[i]->setText(count(counts[i]));
    const QString set =
        status.criteria
            ? tr("Scored with %1 v%2.")
                  .arg(QString::fromUtf8(criteriaSetName(*status.criteria, style.language)))
                  .arg(status.criteria->version)
            : tr("No criteria set chosen yet.");
    extraLabel_->setText(
        tr("%1 As of %2: %3 stale, %4 to suspend, %5 due for inspection, of which the first %6 "
           "(by priority) are this week's, marked on the map.")
            .arg(set, QString::fromStdString(formatDateFor(status.asOf, style)))
            .arg(count(stale))
            .arg(count(suspend))
            .arg(count(inspect))
            .arg(count(thisWeek)));
}

void LegendPanel::setChoice(const MapStyleChoice& c) {
    updating_ = true;
    zoneMode_->setCurrentIndex(zoneMode_->findData(static_cast<int>(c.zoneColouring)));
    sizeByWorkforce_->setChecked(c.sizeByWorkforce);
    zoneLabels_->setChecked(c.zoneLabels);
    facilityLabels_->setChecked(c.facilityLabels);
    updating_ = false;
}

MapStyleChoice LegendPanel::choice() const {
    MapStyleChoice c;
    c.zoneColouring = static_cast<ZoneColouring>(zoneMode_->currentData().toInt());
    c.sizeByWorkforce = sizeByWorkforce_->isChecked();
    c.zoneLabels = zoneLabels_->isChecked();
    c.facilityLabels = facilityLabels_->isChecked();
    return c;
}

void LegendPanel::addSection(QWidget* section) {
    sections_->addWidget(section);
}

QStringList LegendPanel::lines() const {
    QStringList out;
    for (int i = kRiskLevelCount; i >= 0; --i) {
        const std::optional<RiskLevel> level =
            i == 0 ? std::nullopt : std::optional<RiskLevel>(static_cast<RiskLevel>(i - 1));
        out << riskLevelName(level) + QStringLiteral(": ") +
                   countLabels_[static_cast<size_t>(i)]->text();
    }
    return out;
}

}  // namespace safemap
