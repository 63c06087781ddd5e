#include "app/gui/identify_panel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace safemap {

namespace {
QString qs(const std::string& s) { return QString::fromStdString(s); }
QString number(const std::optional<int>& n) {
    return n ? QLocale().toString(*n) : IdentifyPanel::tr("unknown");
}
QString zoneKindLabel(ZoneKind k) {
    switch (k) {
        case ZoneKind::IndustrialZone: return IdentifyPanel::tr("Industrial zone (KCN)");
        case ZoneKind::IndustrialCluster: return IdentifyPanel::tr("Industrial cluster (CCN)");
        case ZoneKind::EconomicZone: return IdentifyPanel::tr("Economic zone");
    }
    return {};
}
}  // namespace

IdentifyPanel::IdentifyPanel(QWidget* parent)
    : QWidget(parent), title_(new QLabel(this)), tree_(new QTreeWidget(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    title_->setWordWrap(true);
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont f = title_->font();
    f.setBold(true);
    title_->setFont(f);
    layout->addWidget(title_);
    layout->addWidget(tree_);
    tree_->setObjectName(QStringLiteral("identifyTree"));
    tree_->setColumnCount(2);
    tree_->setHeaderLabels({tr("Field"), tr("Value")});
    tree_->setRootIsDecorated(false);
    tree_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    clear();
}

void IdentifyPanel::addRow(const QString& field, const QString& value) {
    auto* item = new QTreeWidgetItem(tree_, {field, value});
    item->setToolTip(1, value);
}

void IdentifyPanel::showFactory(const Factory& f, const Zone* zone) {
    tree_->clear();
    title_->setText(qs(f.name));
    addRow(tr("Site ID"), qs(f.id));
    addRow(tr("Tax code"), f.taxCode.empty() ? tr("none") : qs(f.taxCode));
    addRow(tr("Zone / cluster"), zone ? qs(zone->name) : tr("outside any zone"));
    addRow(tr("Province"), qs(f.province));
    addRow(tr("District"), qs(f.district));
    addRow(tr("Address"), qs(f.address));
    addRow(tr("Sector"), qs(f.sector));
    addRow(tr("Workers"), number(f.workforce.total));
    addRow(tr("Out-of-province workers"), number(f.workforce.outOfProvince));
    addRow(tr("Largest shift"), number(f.workforce.largestShift));
    addRow(tr("Account issued"),
           f.accountIssued ? qs(formatDate(*f.accountIssued)) : tr("no account"));
    addRow(tr("Longitude, latitude"), QStringLiteral("%1, %2")
                                          .arg(f.location.lon, 0, 'f', 6)
                                          .arg(f.location.lat, 0, 'f', 6));
}

void IdentifyPanel::showZone(const Zone& z, int factoryCount, long long workers) {
    tree_->clear();
    title_->setText(qs(z.name));
    addRow(tr("Zone ID"), qs(z.id));
    addRow(tr("Kind"), zoneKindLabel(z.kind));
    addRow(tr("Province"), qs(z.province));
    addRow(tr("District"), qs(z.district));
    addRow(tr("Facilities"), QLocale().toString(factoryCount));
    addRow(tr("Workers in facilities"), QLocale().toString(workers));
}

void IdentifyPanel::clear() {
    tree_->clear();
    title_->setText(tr("Click a site on the map to see its record."));
}

QStringList IdentifyPanel::rows() const {
    QStringList out;
    for (int i = 0; i < tree_->topLevelItemCount(); ++i)
        out << tree_->topLevelItem(i)->text(0) + QLatin1Char('\t') +
                   tree_->topLevelItem(i)->text(1);
    return out;
}

}  // namespace safemap
