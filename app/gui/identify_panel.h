#pragma once

#include <QWidget>
#include <vector>

#include "core/model/inspection.h"
#include "core/model/site.h"
#include "core/project/project_facts.h"
#include "core/rules/site_status.h"
#include "core/scoring/score.h"

class QTreeWidget;
class QTreeWidgetItem;
class QLabel;

namespace safemap {

/// \brief One scored assessment of the site's history, newest first.
struct ScoredHistoryEntry {
    Assessment assessment;
    ScoreResult score;
};

/// \brief Shows the record of the site the user clicked: attributes, whether it is on the
/// suspend or inspect list and why, the latest score index by index, and every assessment.
class IdentifyPanel : public QWidget {
    Q_OBJECT
public:
    explicit IdentifyPanel(QWidget* parent = nullptr);

    /// `status` may be null (no scoring yet); `history` newest first, scored with `criteria`.
    void showFactory(const Factory& factory, const Zone* zone, const SiteStatus* status,
                     const std::vector<ScoredHistoryEntry>& history, const CriteriaSet* criteria);
    /// Adds the facility's inspections (newest first: date, inspector, outcome, findings)
    /// below what showFactory() shows.
    void showInspections(const std::vector<Inspection>& newestFirst);
    void showZone(const Zone& zone, const ZoneAggregate& aggregate);
    void clear();
    /// The rows shown, "section/field\tvalue" each (used by tests and by copy).
    QStringList rows() const;

private:
    QTreeWidgetItem* section(const QString& title);
    void addRow(QTreeWidgetItem* section, const QString& field, const QString& value,
                const QColor& colour = {});
    QLabel* title_;
    QTreeWidget* tree_;
};

/// The inspections of facts.factories[position] up to `asOf`, newest first.
std::vector<Inspection> inspectionsUpTo(const ProjectFacts& facts, std::size_t position, Date asOf);

/// The risk level's name in the UI language (very low … very high, or "no assessment").
QString riskLevelName(std::optional<RiskLevel> level);
/// The colour of a level in tables and the legend (the same as the map's).
QColor riskLevelColour(std::optional<RiskLevel> level);

}  // namespace safemap
