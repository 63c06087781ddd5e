#include "app/gui/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <algorithm>
#include <unordered_map>

#include "app/gui/action_table.h"
#include "app/gui/assessment_import_dialog.h"
#include "app/gui/cordon_dialog.h"
#include "app/gui/criteria_manager.h"
#include "app/gui/data_paths.h"
#include "app/gui/filter_panel.h"
#include "app/gui/help_browser.h"
#include "app/gui/identify_panel.h"
#include "app/gui/import_dialog.h"
#include "app/gui/language.h"
#include "app/gui/layer_panel.h"
#include "app/gui/map_canvas.h"
#include "core/filter/filter_json.h"
#include "core/filter/filter_match.h"
#include "core/scoring/compiled_criteria.h"
#include "core/storage/assessment_store.h"
#include "core/storage/site_store.h"
#include "gis/analysis/cordon_layer.h"
#include "gis/project/project_layers.h"
#include "gis/render/identify.h"
#include "gis/render/web_mercator.h"
#include "safemap/version.h"

namespace safemap {

namespace {

constexpr const char* kBasemapId = "basemap";
constexpr const char* kZonesId = "zones";
constexpr const char* kFactoriesId = "factories";
constexpr int kMaxRecent = 8;
constexpr double kIdentifyPixels = 6.0;

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString extentToText(const BBox& b) {
    return QStringLiteral("%1,%2,%3,%4")
        .arg(b.minX, 0, 'f', 2)
        .arg(b.minY, 0, 'f', 2)
        .arg(b.maxX, 0, 'f', 2)
        .arg(b.maxY, 0, 'f', 2);
}

std::optional<BBox> extentFromText(const QString& text) {
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() != 4)
        return std::nullopt;
    BBox b;
    bool ok[4];
    b.minX = parts[0].toDouble(&ok[0]);
    b.minY = parts[1].toDouble(&ok[1]);
    b.maxX = parts[2].toDouble(&ok[2]);
    b.maxY = parts[3].toDouble(&ok[3]);
    if (!(ok[0] && ok[1] && ok[2] && ok[3]) || b.empty())
        return std::nullopt;
    return b;
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), canvas_(new MapCanvas(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    canvas_->setObjectName(QStringLiteral("mapCanvas"));
    setCentralWidget(canvas_);
    buildDocks();
    buildActions();

    coordLabel_ = new QLabel(this);
    scaleLabel_ = new QLabel(this);
    countLabel_ = new QLabel(this);
    coordLabel_->setMinimumWidth(260);
    filterLabel_ = new QLabel(this);
    statusBar()->addWidget(filterLabel_);
    statusBar()->addPermanentWidget(countLabel_);
    statusBar()->addPermanentWidget(coordLabel_);
    statusBar()->addPermanentWidget(scaleLabel_);
    connect(canvas_, &MapCanvas::cursorMoved, this, [this](GeoPoint p) {
        coordLabel_->setText(
            tr("Lon %1°, lat %2°")
                .arg(QLocale().toString(p.lon, 'f', 5), QLocale().toString(p.lat, 'f', 5)));
    });
    connect(canvas_, &MapCanvas::scaleChanged, this, [this](double denominator) {
        scaleLabel_->setText(tr("Scale 1:%1").arg(QLocale().toString(qRound64(denominator))));
    });
    connect(canvas_, &MapCanvas::clicked, this, &MainWindow::identifyAt);

    basemap_ = nullptr;
    const QString basemapPath = findDataFile(QStringLiteral("basemap/countries.geojson"));
    if (!basemapPath.isEmpty()) {
        auto loaded = loadBasemapLayer(basemapPath.toStdString());
        if (loaded)
            basemap_ = *loaded;
        else
            statusBar()->showMessage(
                tr("Basemap not loaded: %1").arg(qs(loaded.error().describe())), 10000);
    }
    rebuildLayers();
    updateTitle();

    QSettings settings;
    // First start: most of the screen, the map taking what the docks leave.
    if (const QScreen* screen = QGuiApplication::primaryScreen())
        resize(screen->availableSize() * 0.95);
    else
        resize(1280, 800);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    if (!restoreState(settings.value(QStringLiteral("window/state")).toByteArray())) {
        // First start: room for the site record's values and for the lists.
        if (auto* dock = findChild<QDockWidget*>(QStringLiteral("identifyDock")))
            resizeDocks({dock}, {440}, Qt::Horizontal);
        if (auto* dock = findChild<QDockWidget*>(QStringLiteral("suspendDock")))
            resizeDocks({dock}, {260}, Qt::Vertical);
    }
    updateRecentMenu();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildDocks() {
    layerPanel_ = new LayerPanel(this);
    auto* layersDock = new QDockWidget(tr("Layers"), this);
    layersDock->setObjectName(QStringLiteral("layersDock"));
    layersDock->setWidget(layerPanel_);
    addDockWidget(Qt::LeftDockWidgetArea, layersDock);
    connect(layerPanel_, &LayerPanel::entriesChanged, this, &MainWindow::applyLayerPanel);

    identify_ = new IdentifyPanel(this);
    auto* identifyDock = new QDockWidget(tr("Site record"), this);
    identifyDock->setObjectName(QStringLiteral("identifyDock"));
    identifyDock->setWidget(identify_);
    addDockWidget(Qt::RightDockWidgetArea, identifyDock);

    legend_ = new LegendPanel(this);
    auto* legendDock = new QDockWidget(tr("Legend"), this);
    legendDock->setObjectName(QStringLiteral("legendDock"));
    legendDock->setWidget(legend_);
    addDockWidget(Qt::LeftDockWidgetArea, legendDock);
    connect(legend_, &LegendPanel::choiceChanged, this, &MainWindow::setStyleChoice);

    filterPanel_ = new FilterPanel(this);
    auto* filterDock = new QDockWidget(tr("Filter"), this);
    filterDock->setObjectName(QStringLiteral("filterDock"));
    filterDock->setWidget(filterPanel_);
    addDockWidget(Qt::LeftDockWidgetArea, filterDock);
    tabifyDockWidget(legendDock, filterDock);
    legendDock->raise();
    connect(filterPanel_, &FilterPanel::filterChanged, this, &MainWindow::setFilter);

    suspendTable_ = new ActionTable(ActionList::ToSuspend, this);
    suspendTable_->setObjectName(QStringLiteral("suspendTable"));
    inspectTable_ = new ActionTable(ActionList::ToInspect, this);
    inspectTable_->setObjectName(QStringLiteral("inspectTable"));
    auto* suspendDock = new QDockWidget(tr("To suspend"), this);
    suspendDock->setObjectName(QStringLiteral("suspendDock"));
    suspendDock->setWidget(suspendTable_);
    auto* inspectDock = new QDockWidget(tr("Due for inspection"), this);
    inspectDock->setObjectName(QStringLiteral("inspectDock"));
    inspectDock->setWidget(inspectTable_);
    addDockWidget(Qt::BottomDockWidgetArea, suspendDock);
    addDockWidget(Qt::BottomDockWidgetArea, inspectDock);
    tabifyDockWidget(suspendDock, inspectDock);
    suspendDock->raise();
    for (ActionTable* table : {suspendTable_, inspectTable_})
        connect(table, &ActionTable::siteActivated, this,
                [this](const QString& id) { selectSite(id.toStdString(), true); });
    // Selecting on the map (or anywhere) selects the row in both tables.
    connect(this, &MainWindow::siteSelected, this, [this](const QString& id) {
        suspendTable_->selectSite(id);
        inspectTable_->selectSite(id);
    });

    cordon_ = new CordonDialog(this);
    connect(cordon_, &CordonDialog::cordonComputed, this,
            [this](const Cordon& c) { showCordon(c); });
    connect(cordon_, &CordonDialog::cordonCleared, this, [this] { showCordon(std::nullopt); });
    connect(cordon_, &CordonDialog::facilityActivated, this,
            [this](const QString& id) { selectSite(id.toStdString(), true); });
}

void MainWindow::setFilter(const SiteFilter& filter) {
    filter_ = filter;
    if (store_)
        store_->setMeta(kSiteFilterMetaKey, siteFilterToJson(filter));
    applyFilter();
}

void MainWindow::applyFilter() {
    // Hidden and mark flags only: the facility layer keeps its geometry and index.
    const auto rows = makeFilterRows(factories_, zones_, status_, &searchIndex_);
    const SiteMatcher matcher(filter_);
    std::unordered_map<std::string, std::uint8_t> flagsById;
    visibleFactories_ = 0;
    for (const auto& row : rows) {
        std::uint8_t flags = 0;
        if (!matcher(row)) {
            flags |= kFeatureHidden;
        } else {
            ++visibleFactories_;
        }
        if (row.status)
            flags |= siteMarkFlags(*row.status);
        flagsById.emplace(row.factory->id, flags);
    }
    for (auto& layer : layers_) {
        if (layer.data->kind != LayerKind::Factories)
            continue;
        std::vector<std::uint8_t> flags(layer.data->featureCount(), 0);
        for (size_t i = 0; i < flags.size(); ++i)
            if (auto it = flagsById.find(layer.data->featureIds[i]); it != flagsById.end())
                flags[i] = it->second;
        layer.data = withFlags(*layer.data, std::move(flags));
    }
    canvas_->setLayers(layers_);
    suspendTable_->setRows(
        makeActionRows(ActionList::ToSuspend, factories_, zones_, status_, filter_));
    inspectTable_->setRows(
        makeActionRows(ActionList::ToInspect, factories_, zones_, status_, filter_));
    const QString description = QString::fromStdString(
        describe(filter_, QLocale().language() == QLocale::Vietnamese, zones_));
    filterLabel_->setText(filter_.isEmpty() ? QString()
                                            : tr("Filter: %1 — %2 of %3 facilities shown")
                                                  .arg(description)
                                                  .arg(visibleFactories_)
                                                  .arg(factories_.size()));
}

void MainWindow::openCordonTool() {
    cordon_->setSites(factories_, zones_);
    const auto& selected = canvas_->selection();
    for (const auto& f : factories_)
        if (selected.count(f.id))
            cordon_->setCaseSite(QString::fromStdString(f.id), QString::fromStdString(f.name));
    cordon_->show();
    cordon_->raise();
}

void MainWindow::insertCordonLayer() {
    layers_.erase(std::remove_if(layers_.begin(), layers_.end(),
                                 [](const LayerRender& l) { return l.data->id == kCordonLayerId; }),
                  layers_.end());
    if (!cordonShown_)
        return;
    // Above zones, below facilities, so the facilities inside stay visible.
    auto pos = std::find_if(layers_.begin(), layers_.end(), [](const LayerRender& l) {
        return l.data->kind == LayerKind::Factories;
    });
    layers_.insert(pos, LayerRender{makeCordonLayer(*cordonShown_), cordonStyle(), true});
}

void MainWindow::showCordon(const std::optional<Cordon>& cordon) {
    cordonShown_ = cordon;
    insertCordonLayer();
    canvas_->setLayers(layers_);
    if (!cordon) {
        canvas_->setSelection({});
        return;
    }
    canvas_->setSelection(
        std::unordered_set<std::string>(cordon->facilityIds.begin(), cordon->facilityIds.end()));
    for (const auto& l : layers_)
        if (l.data->id == kCordonLayerId && !l.data->extent().empty())
            canvas_->zoomToExtent(l.data->extent(), 0.2);
}

void MainWindow::setStyleChoice(const MapStyleChoice& choice) {
    styleChoice_ = choice;
    legend_->setChoice(choice);
    if (store_) {
        store_->setMeta("style.zone_colouring", choice.zoneColouring == ZoneColouring::UnsafeShare
                                                    ? "unsafe_share"
                                                    : "worst_level");
        store_->setMeta("style.size_by_workforce", choice.sizeByWorkforce ? "1" : "0");
        store_->setMeta("style.zone_labels", choice.zoneLabels ? "1" : "0");
        store_->setMeta("style.facility_labels", choice.facilityLabels ? "1" : "0");
    }
    rebuildLayers();
}

void MainWindow::buildActions() {
    QMenu* file = menuBar()->addMenu(tr("&Project"));
    auto add = [this](QMenu* menu, const QString& text, QKeySequence key, auto slot) {
        QAction* a = menu->addAction(text);
        if (!key.isEmpty())
            a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    add(file, tr("&New project…"), QKeySequence::New, &MainWindow::newProject);
    add(file, tr("&Open project…"), QKeySequence::Open, &MainWindow::openProjectDialog);
    recentMenu_ = file->addMenu(tr("Open &recent"));
    add(file, tr("&Save view"), QKeySequence::Save, &MainWindow::saveViewState);
    add(file, tr("Save project &as…"), QKeySequence::SaveAs, &MainWindow::saveProjectAs);
    file->addSeparator();
    QAction* importAction = add(file, tr("&Import sites…"), QKeySequence(Qt::CTRL | Qt::Key_I),
                                &MainWindow::importSites);
    importAction->setObjectName(QStringLiteral("importSitesAction"));
    add(file, tr("Import &assessments…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I),
        &MainWindow::importAssessments)
        ->setObjectName(QStringLiteral("importAssessmentsAction"));
    add(file, tr("&Criteria sets…"), QKeySequence(Qt::CTRL | Qt::Key_K),
        &MainWindow::manageCriteria)
        ->setObjectName(QStringLiteral("criteriaAction"));
    file->addSeparator();
    add(file, tr("&Quit"), QKeySequence::Quit, &QWidget::close);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QToolBar* bar = addToolBar(tr("Map"));
    bar->setObjectName(QStringLiteral("mapToolBar"));
    auto both = [&](QAction* a) {
        bar->addAction(a);
        return a;
    };
    both(add(view, tr("Zoom &in"), QKeySequence::ZoomIn, [this] { canvas_->zoomIn(); }));
    both(add(view, tr("Zoom &out"), QKeySequence::ZoomOut, [this] { canvas_->zoomOut(); }));
    both(add(view, tr("Zoom to &all"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F),
             &MainWindow::zoomToSites));
    both(add(view, tr("Zoom to &layer"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
             &MainWindow::zoomToCurrentLayer));
    both(add(view, tr("Zoom to &selection"), QKeySequence(Qt::CTRL | Qt::Key_J),
             &MainWindow::zoomToSelection));
    view->addSeparator();
    QMenu* language = view->addMenu(tr("&Language"));
    auto* languages = new QActionGroup(this);
    for (const UiLanguage& l : uiLanguages()) {
        QAction* a = language->addAction(l.nativeName);
        a->setCheckable(true);
        a->setChecked(l.code == currentLanguage());
        languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = l.code] {
            setLanguage(code);
            QMessageBox::information(this, QStringLiteral("SafeMap"), languageChangeNotice(code));
        });
    }
    view->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        view->addAction(dock->toggleViewAction());

    QMenu* tools = menuBar()->addMenu(tr("&Tools"));
    tools->addAction(filterPanel_->searchAction());
    add(tools, tr("&Cordon around a case…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
        &MainWindow::openCordonTool)
        ->setObjectName(QStringLiteral("cordonAction"));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    add(help, tr("&About SafeMap"), {}, &MainWindow::showAbout);
    installHelp(this, help);  // the guide (F1, context help), before About
}

QString MainWindow::projectPath() const {
    return store_ ? QString::fromStdString(store_->path()) : QString();
}

bool MainWindow::openProject(const QString& path, bool quiet) {
    auto opened = ProjectStore::open(path.toStdString());
    if (!opened) {
        if (!quiet)
            QMessageBox::warning(this, tr("Cannot open project"), qs(opened.error().describe()));
        return false;
    }
    if (store_)
        saveViewState();
    store_.emplace(std::move(opened).value());
    cordonShown_.reset();
    filter_ = SiteFilter{};
    if (const std::string saved = store_->meta(kSiteFilterMetaKey); !saved.empty())
        if (auto f = siteFilterFromJson(saved))
            filter_ = *f;
    filterPanel_->setFilter(filter_);
    styleChoice_ = MapStyleChoice{};
    styleChoice_.zoneColouring = store_->meta("style.zone_colouring") == "unsafe_share"
                                     ? ZoneColouring::UnsafeShare
                                     : ZoneColouring::WorstLevel;
    styleChoice_.sizeByWorkforce = store_->meta("style.size_by_workforce") == "1";
    styleChoice_.zoneLabels = store_->meta("style.zone_labels", "1") == "1";
    styleChoice_.facilityLabels = store_->meta("style.facility_labels") == "1";
    legend_->setChoice(styleChoice_);
    identify_->clear();
    canvas_->setSelection({});
    reloadSites();
    restoreViewState();
    rememberRecent(QFileInfo(path).absoluteFilePath());
    updateTitle();
    statusBar()->showMessage(tr("Opened %1").arg(path), 5000);
    return true;
}

void MainWindow::openLastProject() {
    const QString last = QSettings().value(QStringLiteral("project/last")).toString();
    if (!last.isEmpty() && QFileInfo::exists(last))
        openProject(last, true);
}

void MainWindow::reloadSites() {
    zones_ = store_ ? loadZones(store_->database()) : std::vector<Zone>{};
    factories_ = store_ ? loadFactories(store_->database()) : std::vector<Factory>{};
    status_ = store_ ? loadProjectStatus(store_->database(), ruleSettings_) : ProjectStatus{};
    legend_->setStatus(status_);
    searchIndex_ = buildSearchIndex(factories_);
    filterPanel_->setChoices(zones_, districtChoices(factories_));
    rebuildLayers();
    countLabel_->setText(tr("%1 zones · %2 facilities")
                             .arg(QLocale().toString(static_cast<qlonglong>(zones_.size())),
                                  QLocale().toString(static_cast<qlonglong>(factories_.size()))));
}

void MainWindow::rebuildLayers() {
    // Keep the user's order and visibility across reloads.
    std::unordered_map<std::string, bool> visible;
    std::vector<std::string> order;
    for (const auto& l : layers_) {
        visible[l.data->id] = l.visible;
        order.push_back(l.data->id);
    }
    std::vector<LayerRender> fresh;
    if (store_) {
        fresh = makeProjectLayers(zones_, factories_, basemap_,
                                  riskCategories(status_, styleChoice_.zoneColouring));
    } else if (basemap_) {
        fresh.push_back({basemap_, defaultStyleFor(basemap_->kind), true});
    }
    for (auto& r : fresh) {
        if (auto it = visible.find(r.data->id); it != visible.end())
            r.visible = it->second;
        if (r.data->kind == LayerKind::Factories) {
            r.style.sizeByValue = styleChoice_.sizeByWorkforce;
            r.style.showLabels = styleChoice_.facilityLabels;
        }
        if (r.data->kind == LayerKind::Zones)
            r.style.showLabels = styleChoice_.zoneLabels;
    }
    // Restore the previous drawing order for layers that existed before.
    std::stable_sort(fresh.begin(), fresh.end(), [&](const LayerRender& a, const LayerRender& b) {
        auto pos = [&](const std::string& id) {
            auto it = std::find(order.begin(), order.end(), id);
            return it == order.end() ? order.size() : static_cast<size_t>(it - order.begin());
        };
        return pos(a.data->id) < pos(b.data->id);
    });
    const bool first = layers_.empty() || (layers_.size() == 1 && fresh.size() > 1);
    layers_ = std::move(fresh);
    QList<LayerEntry> entries;
    for (auto it = layers_.rbegin(); it != layers_.rend(); ++it) {
        QString title = qs(it->data->title);
        if (it->data->id == kZonesId)
            title = tr("Zones and clusters");
        if (it->data->id == kFactoriesId)
            title = tr("Facilities");
        if (it->data->id == kBasemapId || it->data->kind == LayerKind::Basemap)
            title = tr("Countries (basemap)");
        entries.append({qs(it->data->id), title, it->visible});
    }
    layerPanel_->setEntries(entries);
    insertCordonLayer();
    applyFilter();  // sets the canvas layers with the facilities' flags
    if (first)
        zoomToSites();
}

void MainWindow::applyLayerPanel() {
    const QList<LayerEntry> entries = layerPanel_->entries();  // top first
    std::vector<LayerRender> ordered;
    for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
        for (const auto& l : layers_) {
            if (qs(l.data->id) == it->id) {
                ordered.push_back(l);
                ordered.back().visible = it->visible;
            }
        }
    }
    layers_ = std::move(ordered);
    insertCordonLayer();  // the cordon is not in the layer list; keep it where it belongs
    canvas_->setLayers(layers_);
}

void MainWindow::identifyAt(GeoPoint, QPointF mercator) {
    const BBox view = canvas_->visibleExtent();
    const double metresPerPixel = (view.maxX - view.minX) / std::max(1, canvas_->width());
    const double tolerance = kIdentifyPixels * metresPerPixel;
    // Top-most visible layer first, as the user sees it.
    for (auto it = layers_.rbegin(); it != layers_.rend(); ++it) {
        if (!it->visible || it->data->kind == LayerKind::Basemap)
            continue;
        const auto ids = featuresAt(*it->data, mercator, tolerance);
        if (!ids.empty()) {
            selectSite(ids.front(), false);
            return;
        }
    }
    identify_->clear();
    canvas_->setSelection({});
}

void MainWindow::selectSite(const std::string& id, bool zoom) {
    for (const auto& f : factories_) {
        if (f.id != id)
            continue;
        const Zone* zone = nullptr;
        for (const auto& z : zones_)
            if (z.id == f.zoneId)
                zone = &z;
        // The history is read and scored on demand: a few assessments, microseconds each.
        std::vector<ScoredHistoryEntry> history;
        if (store_ && status_.criteria) {
            const CompiledCriteria compiled = compileCriteria(*status_.criteria);
            for (auto& record : loadAssessments(store_->database(), id)) {
                ScoreResult score = scoreAssessment(compiled, record.assessment);
                history.push_back({std::move(record.assessment), std::move(score)});
            }
            std::reverse(history.begin(), history.end());
        }
        identify_->showFactory(f, zone, status_.site(id), history,
                               status_.criteria ? &*status_.criteria : nullptr);
        canvas_->setSelection({id});
        if (zoom)
            zoomToSelection();
        emit siteSelected(QString::fromStdString(id));
        return;
    }
    for (const auto& z : zones_) {
        if (z.id != id)
            continue;
        auto it = status_.zones.find(id);
        identify_->showZone(z, it == status_.zones.end() ? ZoneAggregate{} : it->second);
        canvas_->setSelection({id});
        if (zoom)
            zoomToSelection();
        emit siteSelected(QString::fromStdString(id));
        return;
    }
}

void MainWindow::zoomToSelection() {
    const auto& selected = canvas_->selection();
    if (selected.empty())
        return;
    BBox box;
    for (const auto& l : layers_) {
        if (l.data->kind == LayerKind::Basemap)
            continue;
        const auto& geom = *l.data->geometry;
        for (size_t i = 0; i < l.data->featureCount(); ++i)
            if (selected.count(l.data->featureIds[i]))
                box.extend(geom.boxes[i]);
    }
    if (box.empty())
        return;
    // A single point has no size: show a neighbourhood of about 2 km.
    constexpr double kMinSpan = 2000;
    if (box.maxX - box.minX < kMinSpan) {
        const double c = (box.minX + box.maxX) / 2;
        box.minX = c - kMinSpan / 2;
        box.maxX = c + kMinSpan / 2;
    }
    if (box.maxY - box.minY < kMinSpan) {
        const double c = (box.minY + box.maxY) / 2;
        box.minY = c - kMinSpan / 2;
        box.maxY = c + kMinSpan / 2;
    }
    canvas_->zoomToExtent(box, 0.15);
}

void MainWindow::zoomToCurrentLayer() {
    const QString id = layerPanel_->currentLayerId();
    for (const auto& l : layers_)
        if (qs(l.data->id) == id && !l.data->extent().empty())
            canvas_->zoomToExtent(l.data->extent());
}

void MainWindow::saveViewState() {
    if (!store_)
        return;
    QStringList layerState;
    for (const auto& l : layers_)
        layerState << qs(l.data->id) + QLatin1Char(':') +
                          (l.visible ? QLatin1Char('1') : QLatin1Char('0'));
    store_->setMeta("view.extent", extentToText(canvas_->extent()).toStdString());
    store_->setMeta("view.layers", layerState.join(QLatin1Char(';')).toStdString());
    statusBar()->showMessage(tr("View saved in the project"), 3000);
}

void MainWindow::restoreViewState() {
    if (!store_)
        return;
    const QString layerState = qs(store_->meta("view.layers"));
    if (!layerState.isEmpty()) {
        std::vector<LayerRender> ordered;
        for (const QString& part : layerState.split(QLatin1Char(';'))) {
            const QStringList kv = part.split(QLatin1Char(':'));
            if (kv.size() != 2)
                continue;
            for (const auto& l : layers_) {
                if (qs(l.data->id) != kv[0])
                    continue;
                ordered.push_back(l);
                ordered.back().visible = kv[1] == QLatin1String("1");
            }
        }
        for (const auto& l : layers_) {  // layers the saved state does not know go on top
            const bool known =
                std::any_of(ordered.begin(), ordered.end(),
                            [&](const LayerRender& o) { return o.data->id == l.data->id; });
            if (!known)
                ordered.push_back(l);
        }
        layers_ = std::move(ordered);
        rebuildLayers();
    }
    if (auto extent = extentFromText(qs(store_->meta("view.extent"))))
        canvas_->setExtent(*extent);
    else
        zoomToSites();
}

void MainWindow::zoomToSites() {
    // The sites, not the basemap: the basemap spans half of South-East Asia.
    std::vector<LayerRender> sites;
    for (const auto& l : layers_)
        if (l.data->kind != LayerKind::Basemap && !l.data->extent().empty())
            sites.push_back(l);
    const BBox box = layersExtent(sites);
    if (box.empty())
        canvas_->zoomToLayers();
    else
        canvas_->zoomToExtent(box);
}

void MainWindow::updateTitle() {
    const QString name = store_ ? QFileInfo(projectPath()).fileName() : tr("no project");
    setWindowTitle(tr("%1 — SafeMap").arg(name));
}

void MainWindow::rememberRecent(const QString& path) {
    QSettings settings;
    settings.setValue(QStringLiteral("project/last"), path);
    QStringList recent = settings.value(QStringLiteral("project/recent")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(QStringLiteral("project/recent"), recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu() {
    recentMenu_->clear();
    const QStringList recent = QSettings().value(QStringLiteral("project/recent")).toStringList();
    for (const QString& path : recent) {
        QAction* a = recentMenu_->addAction(QFileInfo(path).fileName());
        a->setToolTip(path);
        connect(a, &QAction::triggered, this, [this, path] { openProject(path); });
    }
    recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::newProject() {
    QString path = QFileDialog::getSaveFileName(this, tr("New project"), QString(),
                                                tr("SafeMap project (*.gpkg)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".gpkg")))
        path += QLatin1String(".gpkg");
    if (QFileInfo::exists(path)) {
        QMessageBox::warning(this, tr("New project"),
                             tr("%1 already exists. Choose another name, or open it.").arg(path));
        return;
    }
    auto created = ProjectStore::create(path.toStdString());
    if (!created) {
        QMessageBox::warning(this, tr("New project"), qs(created.error().describe()));
        return;
    }
    openProject(path);
}

void MainWindow::openProjectDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), QString(),
                                                      tr("SafeMap project (*.gpkg)"));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::saveProjectAs() {
    if (!store_)
        return;
    QString path = QFileDialog::getSaveFileName(this, tr("Save project as"), QString(),
                                                tr("SafeMap project (*.gpkg)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".gpkg")))
        path += QLatin1String(".gpkg");
    saveViewState();
    if (auto st = store_->saveAs(path.toStdString()); !st) {
        QMessageBox::warning(this, tr("Save project as"), qs(st.error().describe()));
        return;
    }
    openProject(path);
}

void MainWindow::importSites() {
    if (!store_) {
        QMessageBox::information(this, tr("Import sites"),
                                 tr("Create or open a project first (Project → New project)."));
        return;
    }
    ImportDialog dialog(*store_, this);
    if (dialog.exec() == QDialog::Accepted) {
        reloadSites();
        statusBar()->showMessage(dialog.summaryText(), 10000);
    }
}

void MainWindow::importAssessments() {
    if (!store_) {
        QMessageBox::information(this, tr("Import assessments"),
                                 tr("Create or open a project first (Project → New project)."));
        return;
    }
    AssessmentImportDialog dialog(*store_, this);
    if (dialog.exec() == QDialog::Accepted) {
        reloadSites();
        statusBar()->showMessage(dialog.summaryText(), 10000);
    }
}

void MainWindow::manageCriteria() {
    if (!store_)
        return;
    CriteriaManager manager(*store_, this);
    manager.exec();
    if (manager.changed())
        reloadSites();
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About SafeMap"),
        tr("<b>SafeMap %1</b> — Bản đồ chung sống an toàn<br>"
           "Industrial zones, clusters and facilities coloured by infection risk.<br>"
           "Works fully offline. Licence: GPL-2.0-or-later.<br>"
           "Basemap: Natural Earth (public domain).")
            .arg(QString::fromUtf8(kVersion)));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveViewState();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

}  // namespace safemap
