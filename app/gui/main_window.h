#pragma once

#include <QMainWindow>
#include <memory>
#include <optional>
#include <vector>

#include "app/gui/legend_panel.h"
#include "core/filter/search_index.h"
#include "core/filter/site_filter.h"
#include "core/model/site.h"
#include "core/storage/project_status.h"
#include "core/storage/project_store.h"
#include "gis/analysis/cordon.h"
#include "gis/render/map_settings.h"

class QLabel;
class QMenu;
class QProgressBar;

namespace safemap {

class ActionTable;
class CordonDialog;
class FilterPanel;
class IdentifyPanel;
class LegendPanel;
class LayerPanel;
class MapCanvas;

/// \brief The application window: map canvas, layer and identify docks, menus, status bar.
///
/// Holds the open project and what was loaded from it; every edit goes through the store
/// in a transaction and the window reloads what changed.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens a project; on failure shows why (unless `quiet`) and keeps the current one.
    bool openProject(const QString& path, bool quiet = false);
    /// Reopens the project of the last session, if it still exists.
    void openLastProject();
    bool hasProject() const { return store_.has_value(); }
    QString projectPath() const;

    MapCanvas* canvas() const { return canvas_; }
    LayerPanel* layerPanel() const { return layerPanel_; }
    IdentifyPanel* identifyPanel() const { return identify_; }
    LegendPanel* legendPanel() const { return legend_; }
    FilterPanel* filterPanel() const { return filterPanel_; }
    ActionTable* suspendTable() const { return suspendTable_; }
    ActionTable* inspectTable() const { return inspectTable_; }
    CordonDialog* cordonDialog() const { return cordon_; }
    /// Shows only the facilities that pass `filter` on the map and in both tables.
    void setFilter(const SiteFilter& filter);
    const SiteFilter& filter() const { return filter_; }
    /// Facilities that pass the current filter.
    size_t visibleFactoryCount() const { return visibleFactories_; }
    /// Draws a cordon on the map and selects the facilities inside (empty: removes it).
    void showCordon(const std::optional<Cordon>& cordon);
    /// Applies symbology choices (zone colouring, symbol size, labels) and saves them.
    void setStyleChoice(const MapStyleChoice& choice);
    /// Counts loaded from the project (for the status bar and tests).
    size_t factoryCount() const { return factories_.size(); }
    size_t zoneCount() const { return zones_.size(); }
    const ProjectStatus& status() const { return status_; }

    /// Reloads sites from the store and rebuilds the map layers (after an import).
    void reloadSites();
    /// Identifies the site at a map position (what a click does).
    void identifyAt(GeoPoint lonLat, QPointF mercator);
    /// Selects one site by id, shows its record and zooms to it.
    void selectSite(const std::string& id, bool zoom);
    /// Writes the view (extent, layer order and visibility) into the project.
    void saveViewState();
    /// Zooms to every site (zones and facilities), or to the basemap when there are none.
    void zoomToSites();

signals:
    /// A site was selected (on the map, in a table, or by selectSite).
    void siteSelected(const QString& siteId);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildActions();
    void buildDocks();
    void rebuildLayers();
    void applyLayerPanel();
    /// Recomputes hidden/mark flags of the facility layer and the table rows from the filter.
    void applyFilter();
    void openCordonTool();
    void insertCordonLayer();
    void restoreViewState();
    void updateTitle();
    void updateRecentMenu();
    void rememberRecent(const QString& path);
    void newProject();
    void openProjectDialog();
    void saveProjectAs();
    void importSites();
    void importAssessments();
    void manageCriteria();
    void zoomToCurrentLayer();
    void zoomToSelection();
    void showAbout();

    std::optional<ProjectStore> store_;
    std::vector<Zone> zones_;
    std::vector<Factory> factories_;
    ProjectStatus status_;
    RuleSettings ruleSettings_;

    std::shared_ptr<const LayerData> basemap_;
    std::vector<LayerRender> layers_;  ///< every layer, including hidden ones, by id order

    MapCanvas* canvas_ = nullptr;
    LayerPanel* layerPanel_ = nullptr;
    IdentifyPanel* identify_ = nullptr;
    LegendPanel* legend_ = nullptr;
    FilterPanel* filterPanel_ = nullptr;
    ActionTable* suspendTable_ = nullptr;
    ActionTable* inspectTable_ = nullptr;
    CordonDialog* cordon_ = nullptr;
    QLabel* filterLabel_ = nullptr;
    SiteFilter filter_;
    SearchIndex searchIndex_;
    size_t visibleFactories_ = 0;
    std::optional<Cordon> cordonShown_;
    MapStyleChoice styleChoice_;
    QLabel* coordLabel_ = nullptr;
    QLabel* scaleLabel_ = nullptr;
    QLabel* countLabel_ = nullptr;
    QMenu* recentMenu_ = nullptr;
};

}  // namespace safemap
