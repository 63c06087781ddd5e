#pragma once

#include <QMainWindow>
#include <memory>
#include <optional>
#include <vector>

#include "core/project/login_role.h"
#include "core/project/project_settings.h"
#include "core/project/project_status.h"
#include "gis/analysis/cordon.h"
#include "gis/project/map_composition.h"
#include "gis/render/map_settings.h"

class QLabel;
class QMenu;

namespace safemap {

class ActionTable;
class ContextLegend;
class ListsMode;
class SearchBox;
struct Place;
class AsOfBar;
class ComparePanel;
class CordonDialog;
class FieldMode;
class FilterPanel;
class IdentifyPanel;
class LegendPanel;
class LayerPanel;
class MapCanvas;
class ProjectSession;
class ReportActions;

/// \brief The application window: map canvas, docks, menus and status bar.
///
/// An adapter: the open project, its settings and the scenario live in ProjectSession,
/// and every use case (imports, criteria sets, status, lists, what-if) is a function of the
/// project layer that the window calls with what the user chose. The window shows results.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens a project; on failure shows why (unless `quiet`) and keeps the current one.
    bool openProject(const QString& path, bool quiet = false);
    /// Reopens the project of the last session, if it still exists.
    void openLastProject();
    bool hasProject() const;
    QString projectPath() const;

    ProjectSession& session() const { return *session_; }
    MapCanvas* canvas() const { return canvas_; }
    /// Export map as PDF / image and Print (app/gui/report_actions.h).
    ReportActions* reports() const { return reports_; }
    LayerPanel* layerPanel() const { return layerPanel_; }
    IdentifyPanel* identifyPanel() const { return identify_; }
    LegendPanel* legendPanel() const { return legend_; }
    FilterPanel* filterPanel() const { return filterPanel_; }
    ActionTable* suspendTable() const { return suspendTable_; }
    ActionTable* inspectTable() const { return inspectTable_; }
    CordonDialog* cordonDialog() const { return cordon_; }
    AsOfBar* asOfBar() const { return asOf_; }
    ComparePanel* comparePanel() const { return compare_; }
    SearchBox* searchBox() const { return search_; }
    ContextLegend* contextLegend() const { return contextLegend_; }
    ListsMode* listsMode() const { return listsMode_; }
    /// Field mode: the visit list and inspection form of an open field package.
    FieldMode* fieldMode() const { return field_; }
    /// Shows only the facilities that pass `filter` on the map and in both tables (saved).
    void setFilter(const SiteFilter& filter);
    const SiteFilter& filter() const;
    /// Facilities that pass the current filter.
    size_t visibleFactoryCount() const;
    /// Draws a cordon on the map and selects the facilities inside (empty: removes it).
    void showCordon(const std::optional<Cordon>& cordon);
    /// Applies symbology choices (zone colouring, symbol size, labels) and saves them.
    void setStyleChoice(const MapStyleChoice& choice);
    /// Counts of what is loaded (for the status bar and tests).
    size_t factoryCount() const;
    size_t zoneCount() const;
    /// The status of the current scenario (empty until the first load finishes).
    const ProjectStatus& status() const;
    /// Waits until the background work for the current scenario has finished and its
    /// result is shown (tests).
    void waitForIdle();

    /// Identifies the site at a map position (what a click does).
    void identifyAt(GeoPoint lonLat, QPointF mercator);
    /// Selects one site by id, shows its record and zooms to it.
    void selectSite(const std::string& id, bool zoom);
    /// Writes the view (extent, layer order and visibility) into the project.
    void saveViewState();
    /// Zooms to every site (zones and facilities), or to the basemap when there are none.
    void zoomToSites();
    /// Zooms to the facilities the filter keeps (a message when it keeps none).
    void zoomToFilter();
    /// Goes to a search result: selects a zone or facility and shows its record, or shows a
    /// province, district or address.
    void goToPlace(const Place& place);
    /// The project's context layers dialog (add, style, remove).
    void manageContextLayers();

signals:
    /// A site was selected (on the map, in a table, or by selectSite).
    void siteSelected(const QString& siteId);

protected:
    void closeEvent(QCloseEvent* event) override;
    /// A language switch (applyLanguage): texts, title, basemap names and the lists again.
    void changeEvent(QEvent* event) override;

private:
    void buildActions();
    void buildDocks();
    void showFrame();
    void showLayers();
    void showLayers(const MapContent& content);
    void zoomToSitesOf(const MapContent& map);
    /// A newly opened project's view: its saved extent, else all of `map`'s sites (once).
    void placeView(const MapContent& map);
    void applyLayerPanel();
    void openCordonTool();
    void updateTitle();
    void updateRecentMenu();
    void rememberRecent(const QString& path);
    void newProject();
    void openProjectDialog();
    /// Project → Connect to server…: opens a server project (docs/server.md).
    void connectToServer();
    void saveProjectAs();
    void importSites();
    void importAssessments();
    void importInspections();
    void manageCriteria();
    void editRules();
    void openCompare();
    void zoomToCurrentLayer();
    void zoomToSelection();
    void showAbout();
    void addContextLayer();
    void showContextProblems();

    ProjectSession* session_;
    MapCanvas* canvas_ = nullptr;
    ReportActions* reports_ = nullptr;
    LayerPanel* layerPanel_ = nullptr;
    IdentifyPanel* identify_ = nullptr;
    LegendPanel* legend_ = nullptr;
    FilterPanel* filterPanel_ = nullptr;
    ActionTable* suspendTable_ = nullptr;
    ActionTable* inspectTable_ = nullptr;
    CordonDialog* cordon_ = nullptr;
    AsOfBar* asOf_ = nullptr;
    ComparePanel* compare_ = nullptr;
    SearchBox* search_ = nullptr;
    ContextLegend* contextLegend_ = nullptr;
    ListsMode* listsMode_ = nullptr;
    FieldMode* field_ = nullptr;
    QLabel* filterLabel_ = nullptr;
    QLabel* busyLabel_ = nullptr;
    QLabel* roleLabel_ = nullptr;  ///< a server login's role; hidden for a file
    LoginRole role_ = LoginRole::FileUser;
    std::optional<Cordon> cordonShown_;
    std::shared_ptr<const LayerData> cordonLayer_;  ///< its overlay, made once per cordon
    std::string shownSite_;                         ///< the site whose record is shown
    bool placeView_ = false;     ///< the next loaded frame sets the view (saved or all sites)
    bool pendingShown_ = false;  ///< the canvas shows a project's sites before their status
    QLabel* coordLabel_ = nullptr;
    QLabel* scaleLabel_ = nullptr;
    QLabel* countLabel_ = nullptr;
    QMenu* recentMenu_ = nullptr;
};

}  // namespace safemap
