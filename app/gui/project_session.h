#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <memory>
#include <optional>
#include <vector>

#include "core/filter/filter_match.h"
#include "core/filter/search_index.h"
#include "core/project/list_rows.h"
#include "core/project/project.h"
#include "core/project/scenario.h"
#include "gis/project/map_composition.h"
#include "gis/project/place_search.h"

namespace safemap {

/// \brief What one piece of background work produced for the window: the facts (when
/// they were loaded), the status of the scenario, the composed map and both lists.
struct SessionFrame {
    std::shared_ptr<const ProjectFacts> facts;
    std::shared_ptr<const MapGeometry> geometry;
    std::shared_ptr<const SearchIndex> search;
    std::shared_ptr<const ProjectStatus> status;
    std::shared_ptr<const std::vector<Date>> dates;  ///< dates with data, for the as-of slider
    std::shared_ptr<const FilterChoices> choices;    ///< the filter panel's districts, provinces
    MapContent map;
    ListView suspendList;
    ListView inspectList;
    std::shared_ptr<const PlaceIndex> places;  ///< what the search box finds
    /// The context layers read so far, by what was read (file, layer, CRS, label field), so
    /// a change of colour or order does not read a file again.
    std::shared_ptr<const std::vector<std::pair<std::string, std::shared_ptr<const LayerData>>>>
        contextCache;
    bool contextReloaded = false;  ///< this frame read the context layers again
    /// Layers left out, by id, and why (a missing file…); set when contextReloaded.
    std::vector<std::pair<std::string, Error>> contextProblems;
    std::vector<std::string> contextNotes;
    bool reloaded = false;  ///< facts (and sites) were read again
    /// An early frame of a project just opened: `map` (composePendingMap) shows where the
    /// sites are, nothing else is set; the map with their status follows.
    bool statusPending = false;
    double milliseconds = 0;
    std::optional<Error> error;
};

/// \brief The open project as the window works with it.
///
/// The window is an adapter over the project layer: this class holds the project (for the
/// writes the user asks for), its typed settings and the current scenario, and runs the
/// use cases — loading the facts, computing the status, composing the map, making the
/// lists — on a worker thread with its own read-only connection, one job at a time; changes
/// asked for while a job runs are merged into the next one. Results arrive by frameReady();
/// the UI thread never waits for the store or the rules.
class ProjectSession : public QObject {
    Q_OBJECT
public:
    explicit ProjectSession(QObject* parent = nullptr);
    ~ProjectSession() override;

    /// Opens a project (read-write; an older one is upgraded) and starts loading it. On
    /// failure the current project stays open and the error is returned.
    [[nodiscard]] Status open(const std::string& path);
    void close();
    bool isOpen() const { return project_.has_value(); }
    Project& project() { return *project_; }
    /// Where the project was opened from: what workers and dialogs open their own
    /// connections with. For a server, the URL with its password (kept in memory only: show
    /// displayLocation() instead).
    std::string path() const { return project_ ? openedAs_ : std::string(); }
    /// The project's location for people: a server's without its password.
    std::string displayLocation() const { return project_ ? project_->location() : std::string(); }

    /// The offline basemap, drawn under every project (and alone when none is open).
    void setBasemap(std::vector<LayerRender> basemap);
    const std::vector<LayerRender>& basemap() const { return basemap_; }

    const ProjectSettings& settings() const { return settings_; }
    const Scenario& scenario() const { return scenario_; }
    /// The latest frame (empty before the first load finishes).
    const SessionFrame& frame() const { return frame_; }
    /// The frame of the job still running, as far as its map (no lists yet); valid from
    /// mapReady() until frameReady().
    const SessionFrame& earlyFrame() const { return early_; }
    bool busy() const { return running_; }

    void setFilter(const SiteFilter& filter);             ///< saved in the project
    void setStyle(const MapStyleChoice& style);           ///< saved in the project
    void setRules(const RuleSettings& rules);             ///< saved in the project (not asOf)
    void setAsOf(std::optional<Date> asOf);               ///< this session only
    void setLayerStates(std::vector<LayerState> layers);  ///< saved with saveView()
    /// The project's context layers (saved); read again on a worker where their file, layer,
    /// CRS or label field changed. A new layer goes just below the zones in the saved order.
    void setContextLayers(std::vector<ContextLayer> layers);
    /// Saves the view (extent and layers) with the other settings.
    [[nodiscard]] Status saveView(const BBox& extent);
    /// Reads everything again, after a write (import, criteria set, merge).
    void reload();
    /// Blocks until no job is running or queued (tests, closing).
    void waitForIdle();

signals:
    /// The running job's map is composed (earlyFrame()); its lists are still being made.
    /// A project just opened without a filter gets it twice: first its sites alone
    /// (statusPending), then coloured.
    void mapReady();
    void frameReady();
    void busyChanged(bool busy);
    /// Saving a setting failed (the project is read-only, or another program holds it).
    void saveFailed(const QString& message);

private:
    enum Work : unsigned { Compose = 1, Recompute = 2, Load = 4, Context = 8 };
    void request(unsigned work);
    void startNext();
    void finished();
    void saveSettings();
    void showEarly(const SessionFrame& frame);

    std::optional<Project> project_;
    std::string openedAs_;
    ProjectSettings settings_;
    Scenario scenario_;
    std::vector<LayerRender> basemap_;
    SessionFrame frame_;
    SessionFrame early_;
    QFutureWatcher<SessionFrame> watcher_;
    QThreadPool saver_;  ///< one thread: settings written in the order they were changed
    unsigned pending_ = 0;
    bool running_ = false;
};

}  // namespace safemap
