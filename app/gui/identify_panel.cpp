#include "app/gui/identify_panel.h"

#include <algorithm>

#include <QDate>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "app/gui/error_text.h"
#include "app/gui/qt_text.h"
#include "app/gui/retranslate.h"
#include "core/criteria/criteria_labels.h"
#include "gis/render/layer_style.h"

namespace safemap {

namespace {
// Numbers and dates in the UI language's one style (core/text/display_format.h), as in the
// lists and the exports.
QString count(long long n) {
    return qs(formatCount(n, uiDisplayStyle()));
}
QString number(const std::optional<int>& n) {
    return n ? count(*n) : IdentifyPanel::tr("unknown");
}
QString viDate(const Date& d) {
    return qs(formatDateFor(d, uiDisplayStyle()));
}
// A percentage without its sign (the translated templates write " %").
QString percentNumber(double p, int decimals = 1) {
    return qs(formatDecimal(p, decimals, uiDisplayStyle()));
}
QString points(double p) {
    return qs(formatNumber(p, uiDisplayStyle()));
}
QString zoneKindLabel(ZoneKind k) {
    switch (k) {
        case ZoneKind::IndustrialZone:
            return IdentifyPanel::tr("Industrial zone (KCN)");
        case ZoneKind::IndustrialCluster:
            return IdentifyPanel::tr("Industrial cluster (CCN)");
        case ZoneKind::EconomicZone:
            return IdentifyPanel::tr("Economic zone");
    }
    return {};
}
// An answer by its label in the criteria set ("cách dưới 1 m", "có"), never its code.
QString answerText(const Criterion* c, const AnswerValue& v) {
    if (c)
        return qs(answerLabel(*c, v, uiDisplayStyle()));
    if (const auto* d = std::get_if<double>(&v))
        return points(*d);
    if (const auto* b = std::get_if<bool>(&v))
        return *b ? IdentifyPanel::tr("yes") : IdentifyPanel::tr("no");
    return qs(std::get<std::string>(v));
}
}  // namespace

QString riskLevelName(std::optional<RiskLevel> level) {
    if (!level)
        return IdentifyPanel::tr("no assessment");
    switch (*level) {
        case RiskLevel::VeryLow:
            return IdentifyPanel::tr("very low risk");
        case RiskLevel::Low:
            return IdentifyPanel::tr("low risk");
        case RiskLevel::Medium:
            return IdentifyPanel::tr("medium risk");
        case RiskLevel::High:
            return IdentifyPanel::tr("high risk");
        case RiskLevel::VeryHigh:
            return IdentifyPanel::tr("very high risk");
    }
    return {};
}

QColor riskLevelColour(std::optional<RiskLevel> level) {
    const auto styles = riskCategoryStyles();
    const size_t category = level ? static_cast<size_t>(static_cast<int>(*level) + 1) : 0;
    return category < styles.size() ? styles[category].fill : QColor(Qt::gray);
}

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
    setTranslatedHeaders(tree_, "safemap::IdentifyPanel",
                         {QT_TR_NOOP("Field"), QT_TR_NOOP("Value")});
    // Field names are long in Vietnamese: a fixed, user-resizable first column keeps the
    // values in view in a narrow dock (the full name is in the tooltip).
    tree_->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    tree_->header()->setStretchLastSection(true);
    tree_->setColumnWidth(0, 170);
    tree_->setWordWrap(true);
    clear();
}

QTreeWidgetItem* IdentifyPanel::section(const QString& title) {
    auto* item = new QTreeWidgetItem(tree_, {title});
    QFont f = item->font(0);
    f.setBold(true);
    item->setFont(0, f);
    item->setFirstColumnSpanned(true);
    item->setExpanded(true);
    return item;
}

void IdentifyPanel::addRow(QTreeWidgetItem* parent, const QString& field, const QString& value,
                           const QColor& colour) {
    auto* item = new QTreeWidgetItem(parent, {field, value});
    item->setToolTip(0, field);
    item->setToolTip(1, value);
    if (colour.isValid())
        item->setForeground(1, colour.darker(130));
}

void IdentifyPanel::showFactory(const Factory& f, const Zone* zone, const SiteStatus* status,
                                const std::vector<ScoredHistoryEntry>& history,
                                const CriteriaSet* criteria) {
    tree_->clear();
    title_->setText(qs(f.name));
    if (status) {
        QTreeWidgetItem* s = section(tr("Status"));
        addRow(s, tr("Risk level"),
               status->level ? tr("%1 (%2 %)")
                                   .arg(riskLevelName(status->level))
                                   .arg(percentNumber(status->percent))
                             : riskLevelName(std::nullopt),
               riskLevelColour(status->level));
        if (status->assessedOn)
            addRow(s, tr("Assessed on"),
                   tr("%1 (%2 days before the list date)%3")
                       .arg(viDate(*status->assessedOn))
                       .arg(count(status->ageDays))
                       .arg(status->stale ? tr(" — stale") : QString()));
        const DisplayStyle style = uiDisplayStyle();
        for (const auto& r : status->suspendReasons)
            addRow(s, tr("To suspend"), qs(reasonText(r, criteria, style)), QColor(176, 0, 32));
        for (const auto& r : status->inspectReasons)
            addRow(s, tr("Due for inspection"), qs(reasonText(r, criteria, style)),
                   QColor(180, 100, 0));
        if (!status->toSuspend && !status->toInspect)
            addRow(s, tr("Lists"), tr("on neither list"));
    }
    QTreeWidgetItem* rec = section(tr("Record"));
    addRow(rec, tr("Site ID"), qs(f.id));
    addRow(rec, tr("Tax code"), f.taxCode.empty() ? tr("none") : qs(f.taxCode));
    addRow(rec, tr("Zone / cluster"), zone ? qs(zone->name) : tr("outside any zone"));
    addRow(rec, tr("Province"), qs(f.province));
    addRow(rec, tr("District"), qs(f.district));
    addRow(rec, tr("Address"), qs(f.address));
    addRow(rec, tr("Sector"), qs(f.sector));
    addRow(rec, tr("Workers"), number(f.workforce.total));
    addRow(rec, tr("Out-of-province workers"), number(f.workforce.outOfProvince));
    addRow(rec, tr("Largest shift"), number(f.workforce.largestShift));
    addRow(rec, tr("Account issued"),
           f.accountIssued ? viDate(*f.accountIssued) : tr("no account"));
    addRow(rec, tr("Longitude, latitude"),
           QStringLiteral("%1, %2").arg(f.location.lon, 0, 'f', 6).arg(f.location.lat, 0, 'f', 6));

    if (!history.empty() && criteria) {
        const ScoredHistoryEntry& latest = history.front();
        const Language language = uiLanguage();
        QTreeWidgetItem* sc = section(tr("Latest score: %1 v%2")
                                          .arg(qs(criteriaSetName(*criteria, language)))
                                          .arg(criteria->version));
        for (const auto& idx : latest.score.indices) {
            const Criterion* c = criteria->find(idx.indexId);
            const QString label = qs(indexLabelById(criteria, idx.indexId, language));
            QString answer = tr("not answered");
            if (auto it = latest.assessment.answers.find(idx.indexId);
                it != latest.assessment.answers.end())
                answer = answerText(c, it->second);
            const QColor colour = idx.points >= 7 ? QColor(176, 0, 32) : QColor();
            addRow(sc, label,
                   tr("%1 → %2 / %3 points")
                       .arg(answer)
                       .arg(points(idx.points))
                       .arg(points(idx.pointsMax)),
                   colour);
        }
        addRow(sc, tr("Total"),
               tr("%1 % — %2")
                   .arg(percentNumber(latest.score.percent))
                   .arg(riskLevelName(latest.score.level)),
               riskLevelColour(latest.score.level));
        for (const auto& v : latest.score.vetoesFired) {
            const auto veto = std::find_if(criteria->vetoes.begin(), criteria->vetoes.end(),
                                           [&](const VetoRule& r) { return r.id == v; });
            addRow(sc, tr("Veto"),
                   veto != criteria->vetoes.end() ? qs(vetoReason(*veto, language)) : qs(v));
        }
        for (const auto& m : latest.score.mandatoryFailed)
            addRow(sc, tr("Mandatory measure missing"), qs(indexLabelById(criteria, m, language)),
                   QColor(176, 0, 32));

        QTreeWidgetItem* hist = section(tr("Assessments (%1)").arg(history.size()));
        for (const auto& h : history)
            addRow(hist, viDate(h.assessment.date),
                   tr("%1 % %2 — %3")
                       .arg(percentNumber(h.score.percent))
                       .arg(riskLevelName(h.score.level))
                       .arg(h.assessment.submitter.empty() ? tr("submitter unknown")
                                                           : qs(h.assessment.submitter)),
                   riskLevelColour(h.score.level));
    } else if (status) {
        section(tr("No assessment submitted"));
    }
}

void IdentifyPanel::showInspections(const std::vector<Inspection>& newestFirst) {
    QTreeWidgetItem* s = section(tr("Inspections (%1)").arg(newestFirst.size()));
    if (newestFirst.empty()) {
        addRow(s, tr("None"), tr("never inspected"));
        return;
    }
    for (const Inspection& i : newestFirst) {
        QString outcome;
        QColor colour;
        if (!i.outcome) {
            outcome = i.measuresOk ? tr("measures in place") : tr("measures missing");
        } else {
            switch (*i.outcome) {
                case InspectionOutcome::Keep:
                    outcome = tr("keep operating");
                    break;
                case InspectionOutcome::Fix:
                    outcome = tr("fix");
                    break;
                case InspectionOutcome::Suspend:
                    outcome = tr("propose suspension");
                    break;
            }
        }
        if (!i.measuresOk)
            colour = QColor(176, 0, 32);
        QString text = tr("%1 — %2").arg(
            i.inspector.empty() ? tr("inspector unknown") : qs(i.inspector), outcome);
        if (!i.finding.empty())
            text += tr(": %1").arg(qs(i.finding));
        addRow(s, viDate(i.date), text, colour);
    }
}

std::vector<Inspection> inspectionsUpTo(const ProjectFacts& facts, std::size_t position,
                                        Date asOf) {
    std::vector<Inspection> out;
    if (position + 1 >= facts.inspectionBegin.size())
        return out;
    for (auto k = facts.inspectionBegin[position + 1]; k > facts.inspectionBegin[position]; --k)
        if (facts.inspections[k - 1].date <= asOf)
            out.push_back(facts.inspections[k - 1]);
    return out;
}

void IdentifyPanel::showZone(const Zone& z, const ZoneAggregate& agg) {
    tree_->clear();
    title_->setText(qs(z.name));
    QTreeWidgetItem* rec = section(tr("Zone"));
    addRow(rec, tr("Zone ID"), qs(z.id));
    addRow(rec, tr("Kind"), zoneKindLabel(z.kind));
    addRow(rec, tr("Province"), qs(z.province));
    addRow(rec, tr("District"), qs(z.district));
    QTreeWidgetItem* risk = section(tr("Facilities"));
    addRow(risk, tr("Facilities"), count(agg.facilities));
    addRow(risk, tr("Workers in facilities"), count(agg.workers));
    addRow(risk, tr("Assessed"), count(agg.assessed));
    addRow(risk, tr("Worst level"), riskLevelName(agg.worst), riskLevelColour(agg.worst));
    addRow(risk, tr("Unsafe share"),
           tr("%1 % (%2 of %3 assessed)")
               .arg(percentNumber(agg.unsafeShare() * 100, 0))
               .arg(count(agg.unsafe))
               .arg(count(agg.assessed)));
}

void IdentifyPanel::clear() {
    tree_->clear();
    title_->setText(tr("Click a site on the map to see its record."));
}

QStringList IdentifyPanel::rows() const {
    QStringList out;
    for (int i = 0; i < tree_->topLevelItemCount(); ++i) {
        const auto* s = tree_->topLevelItem(i);
        for (int j = 0; j < s->childCount(); ++j)
            out << s->text(0) + QLatin1Char('/') + s->child(j)->text(0) + QLatin1Char('\t') +
                       s->child(j)->text(1);
    }
    return out;
}

}  // namespace safemap
