#pragma once

#include <QMetaType>
#include <QStringList>
#include <QWidget>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/model/site.h"
#include "core/project/project_facts.h"
#include "gis/analysis/cordon.h"

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace safemap {

/// \brief The tool to cordon the area around a reported case: the case facility (the map's
/// selection, followed while the tool is open), a radius or its whole zone/cluster, and the
/// facilities inside with their workers. A panel for a dock beside the map, so it never
/// covers the cordon it draws. The map owner draws the result (makeCordonLayer) on
/// cordonComputed and removes it on cordonCleared.
class CordonDialog : public QWidget {
    Q_OBJECT
public:
    explicit CordonDialog(QWidget* parent = nullptr);

    /// The facilities and zones to search, copied: the dialog also looks names up in them.
    /// A shown cordon stays until the next Compute or Clear.
    void setSites(std::shared_ptr<const ProjectFacts> facts);
    /// The same from plain lists (tests, small projects).
    void setSites(std::vector<Factory> factories, std::vector<Zone> zones);
    /// The facility where the case is, usually the map's selection; an empty id unsets it.
    void setCaseSite(const QString& siteId, const QString& name);
    QString caseSiteId() const { return caseSiteId_; }
    /// Makes the facility `siteId` the case if it is one of the sites (zones and unknown ids
    /// leave the case as it is); returns whether it did.
    bool followSelection(const QString& siteId);

    /// Radius in metres (50–20 000); with the whole zone, the margin around it (0–20 000).
    void setRadiusMetres(int metres);
    int radiusMetres() const;
    void setWholeZone(bool whole);
    bool wholeZone() const;

    /// The cordon shown, if any.
    const std::optional<Cordon>& cordon() const { return cordon_; }
    /// "23 facilities, 8,450 workers inside, 3.1 km²" (numbers in the UI locale), or the error.
    QString resultText() const;
    /// The facilities listed, "name\tworkers" per row, top first.
    QStringList facilityRows() const;

    /// What Compute does: on success shows and emits the cordon; on failure shows the error
    /// and clears any cordon shown before.
    void compute();
    /// What Clear does.
    void clearCordon();

signals:
    void cordonComputed(const safemap::Cordon& cordon);
    void cordonCleared();
    /// A facility of the list was double-clicked or activated with Enter.
    void facilityActivated(const QString& siteId);

private:
    void showCordon();
    void showError(const QString& message);
    void updateCaseLabel();
    const Factory* findFactory(const std::string& id) const;

    QLabel* caseLabel_;
    QLabel* radiusLabel_;
    QSpinBox* radius_;
    QCheckBox* wholeZone_;
    QPushButton* compute_;
    QPushButton* clear_;
    QLabel* result_;
    QTreeWidget* list_;

    /// The project's sites, shared with the window (never copied: a project may hold a
    /// hundred thousand facilities).
    std::shared_ptr<const ProjectFacts> facts_;
    QString caseSiteId_;
    QString caseSiteName_;
    int radiusBeforeWholeZone_ = 1000;
    std::optional<Cordon> cordon_;
};

}  // namespace safemap

Q_DECLARE_METATYPE(safemap::Cordon)
