#include "app/gui/project_session.h"

#include "app/gui/error_text.h"
#include "app/gui/release_later.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <functional>
#include <future>

#include "core/filter/filter_match.h"
#include "gis/project/context_layers.h"
#include "gis/render/basemap_layers.h"

namespace safemap {

namespace {

/// Everything a job needs, copied on the UI thread: nothing live is shared with the worker.
struct JobInput {
    std::string path;
    unsigned work = 0;
    SessionFrame previous;
    std::vector<LayerRender> basemap;
    MapLanguage language = MapLanguage::Vietnamese;  ///< of a package's own basemap
    Scenario scenario;
    MapStyleChoice style;
    std::vector<LayerState> layers;
    std::vector<ContextLayer> context;
};

constexpr unsigned kCompose = 1, kStatus = 2, kLoad = 4, kContext = 8;

using ContextCache = std::vector<std::pair<std::string, std::shared_ptr<const LayerData>>>;

/// Reads the context layers whose source changed; the others come from the last frame.
void loadContext(const std::string& projectPath, const std::vector<ContextLayer>& specs,
                 SessionFrame& f) {
    auto cache = std::make_shared<ContextCache>();
    std::vector<LayerRender> layers;
    f.contextProblems.clear();
    f.contextNotes.clear();
    for (const ContextLayer& spec : specs) {
        const std::string key = resolveContextPath(projectPath, spec.path) + '\n' + spec.layerName +
                                '\n' + spec.sourceCrs + '\n' + spec.style.labelField;
        std::shared_ptr<const LayerData> data;
        if (f.contextCache)
            for (const auto& [k, d] : *f.contextCache)
                if (k == key)
                    data = d;
        if (!data) {
            auto loaded = loadContextLayerData(projectPath, spec, &f.contextNotes);
            if (!loaded) {
                f.contextProblems.emplace_back(spec.id, loaded.error());
                continue;
            }
            data = std::move(loaded).value();
        }
        if (data->id != spec.id || data->title != spec.title) {
            // Renamed (or the same file added twice): the same features under the new name.
            auto renamed = std::make_shared<LayerData>(*data);
            renamed->id = spec.id;
            renamed->title = spec.title;
            data = std::move(renamed);
        }
        cache->emplace_back(key, data);
        layers.push_back(styledContextLayer(data, spec));
    }
    f.contextCache = std::move(cache);
    f.contextReloaded = true;
    if (f.geometry) {
        auto geometry = std::make_shared<MapGeometry>(*f.geometry);
        geometry->context = std::move(layers);
        f.geometry = std::move(geometry);
    }
}

/// Reads the facts, with each facility's newest scores only unless `asOf` is before them
/// (or `full` asks for the whole history): today's map and lists need two scores per
/// facility, a fifth of a long history.
Result<ProjectFacts> readFacts(const Project& project, const JobInput& in, bool full) {
    const std::optional<Date>& asOf = in.scenario.rules.asOf;
    FactsRequest request{
        in.scenario.criteria, {}, nullptr, full ? ScoreHistory::Full : ScoreHistory::Latest};
    request.reopen = [&in] { return Project::open(in.path, Project::Access::ReadOnly); };
    auto facts = loadProjectFacts(project, request);
    if (facts && asOf && !coversAsOf(*facts, *asOf))
        return withFullHistory(project, *facts);
    return facts;
}

/// The basemap under a project: SafeMap's own, or without it (a laptop with a bare
/// install) the one a field package carries, clipped to its area; other projects have none.
std::vector<LayerRender> basemapFor(const JobInput& in) {
    if (!in.basemap.empty())
        return in.basemap;
    if (auto own = loadPackageBasemapLayers(in.path, in.language))
        return std::move(own).value();
    return {};
}

/// The map's geometry of newly read facts (all the first frame needs of them); the
/// factories' points drawn while they were read, if given, are kept where they still hold.
void deriveGeometry(const std::vector<LayerRender>& basemap, SessionFrame& f,
                    const std::shared_ptr<const FeatureGeometry>& drawnPoints = nullptr) {
    std::vector<LayerRender> context =
        f.geometry ? f.geometry->context : std::vector<LayerRender>{};
    f.geometry = std::make_shared<const MapGeometry>(
        buildMapGeometry(*f.facts, basemap, std::move(context), drawnPoints));
    f.search.reset();
    f.places.reset();
    f.choices.reset();
    f.reloaded = true;
}

void deriveSearch(SessionFrame& f) {
    if (!f.search)
        f.search = std::make_shared<const SearchIndex>(buildSearchIndex(f.facts->factories));
}

/// The search box's places. They read the facilities from the facts they are made with, so
/// they are made again with any new facts.
void derivePlaces(SessionFrame& f) {
    deriveSearch(f);
    f.places =
        std::make_shared<const PlaceIndex>(buildPlaceIndex(f.facts, f.search, f.geometry->basemap));
}

/// What the search box and the filter panel take from newly read facts: not needed to draw
/// the map, so made after it.
void deriveChoices(SessionFrame& f) {
    derivePlaces(f);
    f.choices =
        std::make_shared<const FilterChoices>(filterChoicesOf(f.facts->zones, f.facts->factories));
}

/// Whether the filter matches words or places: then the map is composed faster with the
/// search index made first.
bool filtersByText(const SiteFilter& filter) {
    return !filter.query.empty() || !filter.districts.empty() || !filter.provinces.empty();
}

/// A project just opened: where its sites are, drawn before their status is worked out
/// (reading a facility's position only is a fraction of reading the facility and its
/// scores). Nothing is drawn if it cannot be read; the full read reports the error.
/// Returns the factories' geometry drawn (null if none), for the full map to keep.
std::shared_ptr<const FeatureGeometry> showSitesPending(
    const Project& project, const JobInput& in, const std::vector<LayerRender>& basemap,
    const std::function<void(const SessionFrame&)>& mapReady) {
    const ProjectRepository& repo = project.repository();
    auto zones = repo.zones();
    if (!zones)
        return nullptr;
    auto positions = repo.factoryPositions();
    if (!positions)
        return nullptr;
    ProjectFacts sites;
    sites.zones = std::move(zones).value();
    sites.factories = std::move(positions).value();
    const MapGeometry geometry = buildMapGeometry(sites, basemap);
    SessionFrame pending;
    pending.map = composePendingMap(geometry, sites, in.style, in.layers);
    pending.reloaded = true;
    pending.statusPending = true;
    mapReady(pending);
    return geometry.factories ? geometry.factories->geometry : nullptr;
}

/// `mapReady` is called (on the worker) with the frame as soon as its map is composed, so
/// the canvas can draw it while the lists are still being made.
SessionFrame runJob(JobInput in, const std::function<void(const SessionFrame&)>& mapReady) {
    QElapsedTimer timer;
    timer.start();
    SessionFrame f = std::move(in.previous);
    f.reloaded = false;
    f.contextReloaded = false;
    f.error.reset();
    const std::optional<Date>& asOf = in.scenario.rules.asOf;
    // Facts with each facility's newest scores only cannot say how things stood before them:
    // the first move back in time reads the whole history.
    const bool older = f.facts && asOf && !coversAsOf(*f.facts, *asOf);
    std::optional<Project> project;
    if (older && !(in.work & kLoad)) {
        // Only the scores are read: the sites, their map and their indexes stay as they are.
        auto opened = Project::open(in.path, Project::Access::ReadOnly);
        if (!opened) {
            f.error = opened.error();
            return f;
        }
        auto facts = withFullHistory(*opened, *f.facts);
        if (!facts) {
            f.error = facts.error();
            return f;
        }
        auto deeper = std::make_shared<const ProjectFacts>(std::move(facts).value());
        // withFullHistory shares the sites' index when it copied them; a new one means they
        // were read afresh (another client changed the active set meanwhile) and may have
        // changed, so what was built from them is made again.
        const bool sameSites = deeper->index && deeper->index == f.facts->index;
        f.facts = std::move(deeper);
        if (sameSites)
            f.places.reset();  // it reads the facilities from the facts: from these now
        else
            deriveGeometry(basemapFor(in), f);
        in.work |= kStatus;
    } else if ((in.work & kLoad) || !f.facts) {
        // Its own read-only connection: the window's connection may be writing meanwhile.
        auto opened = Project::open(in.path, Project::Access::ReadOnly);
        if (!opened) {
            f.error = opened.error();
            return f;
        }
        project.emplace(std::move(opened).value());
        const std::vector<LayerRender> basemap = basemapFor(in);
        // Only for a project just opened: a reload keeps showing the coloured map it has,
        // and a filter could not be applied before the status is known.
        std::future<std::shared_ptr<const FeatureGeometry>> pending;
        if (!f.facts && mapReady && in.scenario.filter.isEmpty())
            pending =
                std::async(std::launch::async, [&]() -> std::shared_ptr<const FeatureGeometry> {
                    if (auto own = Project::open(in.path, Project::Access::ReadOnly))
                        return showSitesPending(*own, in, basemap, mapReady);
                    return nullptr;
                });
        auto facts = readFacts(*project, in, older);
        // The sites' map must reach the window before the coloured one below.
        const std::shared_ptr<const FeatureGeometry> drawnPoints =
            pending.valid() ? pending.get() : nullptr;
        if (!facts) {
            f.error = facts.error();
            return f;
        }
        f.facts = std::make_shared<const ProjectFacts>(std::move(facts).value());
        // The status beside the geometry: each needs only the facts, and the map both.
        auto status = std::async(std::launch::async, [facts = f.facts, rules = in.scenario.rules] {
            return std::make_shared<const ProjectStatus>(computeStatus(*facts, rules));
        });
        deriveGeometry(basemap, f, drawnPoints);
        f.status = status.get();
        in.work &= ~kStatus;
    }
    if (in.work & kContext)
        loadContext(in.path, in.context, f);
    if ((in.work & kStatus) || !f.status) {
        f.status =
            std::make_shared<const ProjectStatus>(computeStatus(*f.facts, in.scenario.rules));
        in.work |= kCompose;
    }
    if (f.reloaded && filtersByText(in.scenario.filter))
        deriveSearch(f);
    f.map = composeMap(*f.geometry, *f.facts, *f.status, in.style, in.layers, in.scenario.filter,
                       f.search.get());
    if (mapReady)
        mapReady(f);
    if (f.reloaded)
        deriveChoices(f);
    else if (!f.places)
        derivePlaces(f);
    if (project) {
        // The as-of slider's stops: wanted after the first frame, not before it.
        // Without them the slider stays off; the map and lists are still right.
        auto dates = loadDataDates(*project, *f.facts);
        if (dates)
            f.dates = std::make_shared<const std::vector<Date>>(std::move(dates).value());
        else
            f.error = dates.error();
    }
    f.suspendList = listView(ActionList::ToSuspend, f.facts, f.status, in.scenario.filter);
    f.inspectList = listView(ActionList::ToInspect, f.facts, f.status, in.scenario.filter);
    f.milliseconds = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    return f;
}

}  // namespace

ProjectSession::ProjectSession(QObject* parent) : QObject(parent) {
    saver_.setMaxThreadCount(1);
    static_assert(Compose == kCompose && Recompute == kStatus && Load == kLoad &&
                  Context == kContext);
    connect(&watcher_, &QFutureWatcher<SessionFrame>::finished, this, &ProjectSession::finished);
}

ProjectSession::~ProjectSession() {
    watcher_.waitForFinished();
    saver_.waitForDone();
}

Status ProjectSession::open(const std::string& path) {
    saver_.waitForDone();
    auto opened = Project::open(path);
    if (!opened)
        return opened.error();
    auto settings = loadProjectSettings(*opened);
    if (!settings)
        return settings.error();
    watcher_.waitForFinished();
    project_.emplace(std::move(opened).value());
    openedAs_ = path;
    settings_ = std::move(settings).value();
    scenario_ = savedScenario(settings_);
    frame_ = SessionFrame{};
    pending_ = 0;
    // The sites first, then the context layers: a province's roads may take a while to read
    // and the facilities should not wait for them.
    request(Load);
    if (!settings_.contextLayers.empty())
        request(Context);
    return {};
}

void ProjectSession::close() {
    watcher_.waitForFinished();
    saver_.waitForDone();
    project_.reset();
    settings_ = ProjectSettings{};
    scenario_ = Scenario{};
    frame_ = SessionFrame{};
    pending_ = 0;
}

void ProjectSession::setBasemap(std::vector<LayerRender> basemap) {
    basemap_ = std::move(basemap);
}

void ProjectSession::setFilter(const SiteFilter& filter) {
    if (filter == scenario_.filter)
        return;
    scenario_.filter = settings_.filter = filter;
    request(Compose);  // first: the job starts before the settings are written
    saveSettings();
}

void ProjectSession::setStyle(const MapStyleChoice& style) {
    if (style == settings_.style)
        return;
    settings_.style = style;
    request(Compose);  // first: the job starts before the settings are written
    saveSettings();
}

void ProjectSession::setRules(const RuleSettings& rules) {
    const auto asOf = scenario_.rules.asOf;
    settings_.rules = rules;
    settings_.rules.asOf.reset();
    scenario_.rules = rules;
    scenario_.rules.asOf = asOf;
    request(Recompute);  // first: the job starts before the settings are written
    saveSettings();
}

void ProjectSession::setAsOf(std::optional<Date> asOf) {
    if (asOf == scenario_.rules.asOf)
        return;
    scenario_.rules.asOf = asOf;
    request(Recompute);
}

void ProjectSession::setLayerStates(std::vector<LayerState> layers) {
    if (layers == settings_.view.layers)
        return;
    settings_.view.layers = std::move(layers);
    request(Compose);
}

void ProjectSession::setContextLayers(std::vector<ContextLayer> layers) {
    if (!replaceContextLayers(settings_, std::move(layers), kZonesLayerId))
        return;
    saveSettings();
    request(Context);
}

Status ProjectSession::saveView(const BBox& extent) {
    if (!project_)
        return {};
    settings_.view.extent = extent;
    saver_.waitForDone();  // an earlier background save must not land after this one
    return saveProjectSettings(*project_, settings_);
}

void ProjectSession::saveSettings() {
    if (!project_)
        return;
    // Written by one background thread, in order, with its own connection: a write syncs
    // the file to disk, which the UI thread must not wait for on every tick of a checkbox.
    QPointer<ProjectSession> self(this);
    saver_.start([self, path = openedAs_, settings = settings_] {
        auto project = Project::open(path);
        Status st = project ? saveProjectSettings(*project, settings) : Status(project.error());
        if (!st)
            QMetaObject::invokeMethod(
                self.data(),
                [self, message = errorText(st.error())] {
                    if (self)
                        emit self->saveFailed(message);
                },
                Qt::QueuedConnection);
    });
}

void ProjectSession::reload() {
    request(Load);
}

void ProjectSession::request(unsigned work) {
    if (!project_)
        return;
    pending_ |= work;
    if (!running_)
        startNext();
}

void ProjectSession::startNext() {
    if (!pending_ || !project_)
        return;
    JobInput in;
    in.path = openedAs_;
    in.work = pending_;
    in.previous = frame_;
    in.basemap = basemap_;
    in.language =
        uiLanguage() == Language::Vietnamese ? MapLanguage::Vietnamese : MapLanguage::English;
    in.scenario = scenario_;
    in.style = settings_.style;
    in.layers = settings_.view.layers;
    in.context = settings_.contextLayers;
    pending_ = 0;
    running_ = true;
    emit busyChanged(true);
    // The map goes to the canvas before the lists are made (they follow in frameReady).
    QPointer<ProjectSession> self(this);
    auto early = [self](const SessionFrame& f) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, f] {
                if (self && self->running_)
                    self->showEarly(f);
            },
            Qt::QueuedConnection);
    };
    watcher_.setFuture(QtConcurrent::run(runJob, std::move(in), std::move(early)));
}

void ProjectSession::finished() {
    running_ = false;
    releaseLater(std::move(early_));
    early_ = SessionFrame{};
    // The frame being replaced may hold the last references to a hundred thousand statuses:
    // they are freed on a worker, not on the UI thread.
    releaseLater(std::move(frame_));
    frame_ = watcher_.result();
    if (pending_) {
        startNext();
    } else {
        emit busyChanged(false);
    }
    emit frameReady();
}

void ProjectSession::showEarly(const SessionFrame& f) {
    early_ = f;
    emit mapReady();
}

void ProjectSession::waitForIdle() {
    saver_.waitForDone();
    while (running_ || pending_) {
        watcher_.waitForFinished();
        QEventLoop loop;
        loop.processEvents();
    }
}

}  // namespace safemap
