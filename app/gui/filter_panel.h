#pragma once

#include <QMetaType>
#include <QWidget>
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "core/filter/filter_match.h"
#include "core/filter/site_filter.h"

class QAction;
class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;
class QTimer;

namespace safemap {

/// \brief The filter controls, for a dock: risk levels, site types, province, zone, district,
/// workforce, assessment age, list membership and a search box. The controls scroll when the
/// dock is short (a 1280 × 720 screen).
///
/// The panel keeps the whole SiteFilter, so what it has no control for (several zones or
/// provinces from a saved filter) survives a round trip through setFilter().
class FilterPanel : public QWidget {
    Q_OBJECT
public:
    /// How long typing in the search box must pause before the filter is emitted.
    static constexpr int kSearchDelayMs = 150;

    explicit FilterPanel(QWidget* parent = nullptr);

    /// Fills the zone and district combos (sorted with accents ignored), keeping the filter.
    /// The province combo offers the provinces given (none: only "All provinces").
    void setChoices(const std::vector<Zone>& zones, const std::vector<std::string>& districts,
                    const std::vector<std::string>& provinces = {});
    /// setChoices from the project's sites: the districts and provinces the facilities and
    /// zones name. With a province chosen, the district and zone combos offer only its own.
    void setSites(const std::vector<Zone>& zones, const std::vector<Factory>& factories);
    /// The same from choices made elsewhere (filterChoicesOf, on a worker for a large project).
    void setChoices(const std::vector<Zone>& zones, const FilterChoices& choices);
    /// Shows `filter` in the controls. Does not emit filterChanged.
    void setFilter(const SiteFilter& filter);
    /// The filter as the controls show it, including search text still being typed.
    SiteFilter filter() const;

    /// Puts the cursor in the search box with its text selected.
    void focusSearch();
    /// "Find site" (Ctrl+F) calls focusSearch(). Already on the panel; add it to a menu too,
    /// rather than a second Ctrl+F action, or the shortcut becomes ambiguous.
    QAction* searchAction() const { return searchAction_; }

    QLineEdit* searchBox() const { return search_; }
    /// The check box of a level (empty level: "no assessment").
    QCheckBox* levelBox(std::optional<RiskLevel> level) const;
    QCheckBox* typeBox(SiteType type) const;

signals:
    void filterChanged(const safemap::SiteFilter& filter);

public slots:
    /// Clears every restriction and emits the empty filter.
    void reset();

private:
    void buildControls();
    void showFilter();
    void readControls();
    void changed();
    void searchEdited();

    SiteFilter filter_;
    std::vector<Zone> zones_;
    std::vector<std::string> districts_;
    QLineEdit* search_;
    QTimer* searchTimer_;
    QAction* searchAction_;
    std::array<QCheckBox*, kRiskLevelCount + 1> levelBoxes_{};  ///< by riskCategory
    std::array<QCheckBox*, kSiteTypeCount> typeBoxes_{};
    void fillPlaceCombos();

    /// (province, district) of every facility and zone, for narrowing the district combo.
    std::vector<std::pair<std::string, std::string>> places_;
    std::vector<std::string> provinces_;
    QComboBox* province_;
    QComboBox* zone_;
    QComboBox* district_;
    QSpinBox* minWorkers_;
    QSpinBox* maxWorkers_;
    QSpinBox* maxAge_;
    QCheckBox* neverAssessed_;
    QComboBox* list_;
    bool updating_ = false;
};

}  // namespace safemap

Q_DECLARE_METATYPE(safemap::SiteFilter)
