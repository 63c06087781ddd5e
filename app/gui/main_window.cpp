#include "app/gui/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <algorithm>
#include <map>
#include <unordered_map>
#include <utility>

#include "app/gui/action_table.h"
#include "app/gui/as_of_bar.h"
#include "app/gui/compare_panel.h"
#include "app/gui/connect_dialog.h"
#include "app/gui/context_layers_dialog.h"
#include "app/gui/context_legend.h"
#include "app/gui/cordon_dialog.h"
#include "app/gui/criteria_manager.h"
#include "app/gui/error_text.h"
#include "app/gui/field_actions.h"
#include "app/gui/field_mode.h"
#include "app/gui/file_dialogs.h"
#include "app/gui/filter_panel.h"
#include "app/gui/help_browser.h"
#include "app/gui/identify_panel.h"
#include "app/gui/import_dialog.h"
#include "app/gui/language.h"
#include "app/gui/layer_panel.h"
#include "app/gui/legend_panel.h"
#include "app/gui/map_canvas.h"
#include "app/gui/project_session.h"
#include "app/gui/qt_text.h"
#include "app/gui/report_actions.h"
#include "app/gui/retranslate.h"
#include "app/gui/role_actions.h"
#include "app/gui/rule_settings_dialog.h"
#include "app/gui/search_box.h"
#include "app/gui/server_login.h"
#include "app/gui/shipped_data.h"
#include "app/gui/table_import_dialog.h"
#include "app/gui/window_layout.h"
#include "core/filter/filter_match.h"
#include "core/scoring/compiled_criteria.h"
#include "gis/analysis/cordon_layer.h"
#include "gis/project/map_composition.h"
#include "gis/render/basemap_attribution.h"
#include "gis/render/identify.h"
#include "gis/render/web_mercator.h"
#include "safemap/version.h"

namespace safemap {

namespace {

constexpr int kMaxRecent = 8;
constexpr double kIdentifyPixels = 6.0;

const ProjectStatus& emptyStatus() {
    static const ProjectStatus empty;
    return empty;
}

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), session_(new ProjectSession(this)), canvas_(new MapCanvas(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    canvas_->setObjectName(QStringLiteral("mapCanvas"));
    setCentralWidget(canvas_);
    buildDocks();
    buildActions();

    coordLabel_ = new QLabel(this);
    scaleLabel_ = new QLabel(this);
    countLabel_ = new QLabel(this);
    busyLabel_ = new QLabel(this);
    busyLabel_->setObjectName(QStringLiteral("busyLabel"));
    coordLabel_->setMinimumWidth(260);
    filterLabel_ = new QLabel(this);
    // A long filter description must not set the window's minimum width (1280 px screens).
    filterLabel_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    filterLabel_->setMinimumWidth(120);
    statusBar()->addWidget(filterLabel_);
    roleLabel_ = new QLabel(this);
    roleLabel_->setObjectName(QStringLiteral("roleLabel"));
    roleLabel_->hide();
    statusBar()->addPermanentWidget(roleLabel_);
    statusBar()->addPermanentWidget(busyLabel_);
    statusBar()->addPermanentWidget(countLabel_);
    statusBar()->addPermanentWidget(coordLabel_);
    statusBar()->addPermanentWidget(scaleLabel_);
    connect(canvas_, &MapCanvas::cursorMoved, this, [this](GeoPoint p) {
        coordLabel_->setText(tr("Lon %1°, lat %2°").arg(uiDecimal(p.lon, 5), uiDecimal(p.lat, 5)));
    });
    connect(canvas_, &MapCanvas::scaleChanged, this, [this](double denominator) {
        scaleLabel_->setText(tr("Scale 1:%1").arg(uiCount(qRound64(denominator))));
    });
    connect(canvas_, &MapCanvas::clicked, this, &MainWindow::identifyAt);
    connect(session_, &ProjectSession::frameReady, this, &MainWindow::showFrame);
    connect(session_, &ProjectSession::mapReady, this, [this] {
        // A job's map, before its lists and the as-of dates: drawn at once. A project just
        // opened gets its view here too, so its sites show as soon as they are coloured.
        const SessionFrame& early = session_->earlyFrame();
        if (early.reloaded && (placeView_ || pendingShown_)) {
            showLayers(early.map);
            placeView(early.map);
            pendingShown_ = early.statusPending;
        } else if (session_->frame().geometry && !early.reloaded) {
            showLayers(early.map);
        }
    });
    connect(session_, &ProjectSession::busyChanged, this,
            [this](bool busy) { busyLabel_->setText(busy ? tr("Updating…") : QString()); });
    connect(session_, &ProjectSession::saveFailed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("Not saved in the project: %1").arg(message), 10000);
    });

    std::string problem;
    session_->setBasemap(
        loadShippedBasemap(mapLanguageFromCode(currentLanguage().toStdString()), &problem));
    if (!problem.empty())
        statusBar()->showMessage(tr("Basemap not loaded: %1").arg(qs(problem)), 10000);
    showLayers();
    canvas_->zoomToLayers();
    updateTitle();

    QSettings settings;
    // First start: most of the screen, the map taking what the docks leave.
    if (const QScreen* screen = QGuiApplication::primaryScreen())
        resize(screen->availableSize() * 0.95);
    else
        resize(1280, 800);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    if (!restoreState(settings.value(QStringLiteral("window/state")).toByteArray())) {
        // First start: room for the site record's values and 15 rows of the lists; again
        // once the window is shown, when what the docks' frames take can be measured.
        auto place = [this] {
            placeDocksForFirstStart(*this, findChild<QDockWidget*>(QStringLiteral("identifyDock")),
                                    440, findChild<QDockWidget*>(QStringLiteral("suspendDock")),
                                    *suspendTable_->view());
        };
        place();
        QTimer::singleShot(0, this, place);
    }
    updateRecentMenu();
}

MainWindow::~MainWindow() {
    session_->waitForIdle();
}

bool MainWindow::hasProject() const {
    return session_->isOpen();
}

QString MainWindow::projectPath() const {
    return qs(session_->displayLocation());
}

const SiteFilter& MainWindow::filter() const {
    return session_->scenario().filter;
}

size_t MainWindow::visibleFactoryCount() const {
    return session_->frame().map.visibleFactories;
}

size_t MainWindow::factoryCount() const {
    const auto& facts = session_->frame().facts;
    return facts ? facts->factories.size() : 0;
}

size_t MainWindow::zoneCount() const {
    const auto& facts = session_->frame().facts;
    return facts ? facts->zones.size() : 0;
}

const ProjectStatus& MainWindow::status() const {
    const auto& status = session_->frame().status;
    return status ? *status : emptyStatus();
}

void MainWindow::waitForIdle() {
    session_->waitForIdle();
    QCoreApplication::processEvents();
}

void MainWindow::buildDocks() {
    layerPanel_ = new LayerPanel(this);
    auto* layersDock =
        translated(new QDockWidget(this), "safemap::MainWindow", QT_TR_NOOP("Layers"));
    layersDock->setObjectName(QStringLiteral("layersDock"));
    layersDock->setWidget(layerPanel_);
    addDockWidget(Qt::LeftDockWidgetArea, layersDock);
    connect(layerPanel_, &LayerPanel::entriesChanged, this, &MainWindow::applyLayerPanel);

    identify_ = new IdentifyPanel(this);
    auto* identifyDock =
        translated(new QDockWidget(this), "safemap::MainWindow", QT_TR_NOOP("Site record"));
    identifyDock->setObjectName(QStringLiteral("identifyDock"));
    identifyDock->setWidget(identify_);
    addDockWidget(Qt::RightDockWidgetArea, identifyDock);

    legend_ = new LegendPanel(this);
    contextLegend_ = new ContextLegend(legend_);
    legend_->addSection(contextLegend_);
    auto* legendDock =
        translated(new QDockWidget(this), "safemap::MainWindow", QT_TR_NOOP("Legend"));
    legendDock->setObjectName(QStringLiteral("legendDock"));
    legendDock->setWidget(legend_);
    addDockWidget(Qt::LeftDockWidgetArea, legendDock);
    connect(legend_, &LegendPanel::choiceChanged, this, &MainWindow::setStyleChoice);

    filterPanel_ = new FilterPanel(this);
    auto* filterDock =
        translated(new QDockWidget(this), "safemap::MainWindow", QT_TR_NOOP("Filter"));
    filterDock->setObjectName(QStringLiteral("filterDock"));
    filterDock->setWidget(filterPanel_);
    addDockWidget(Qt::LeftDockWidgetArea, filterDock);
    tabifyDockWidget(legendDock, filterDock);
    legendDock->raise();
    connect(filterPanel_, &FilterPanel::filterChanged, this, &MainWindow::setFilter);

    asOf_ = new AsOfBar(this);
    asOf_->setObjectName(QStringLiteral("asOfBar"));
    connect(asOf_, &AsOfBar::asOfChanged, this,
            [this](std::optional<Date> asOf) { session_->setAsOf(asOf); });

    suspendTable_ = new ActionTable(ActionList::ToSuspend, this);
    suspendTable_->setObjectName(QStringLiteral("suspendTable"));
    inspectTable_ = new ActionTable(ActionList::ToInspect, this);
    inspectTable_->setObjectName(QStringLiteral("inspectTable"));
    useCompactRows(*suspendTable_->view());
    useCompactRows(*inspectTable_->view());
    auto* suspendDock =
        translated(new QDockWidget(this), "safemap::MainWindow", QT_TR_NOOP("To suspend"));
    suspendDock->setObjectName(QStringLiteral("suspendDock"));
    suspendDock->setWidget(suspendTable_);
    auto* inspectDock =
        translated(new QDockWidget(this), "safemap::MainWindow", QT_TR_NOOP("Due for inspection"));
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

    compare_ = new ComparePanel(this);
    auto* compareDock =
        translated(new QDockWidget(this), "safemap::MainWindow", QT_TR_NOOP("What if…"));
    compareDock->setObjectName(QStringLiteral("compareDock"));
    compareDock->setWidget(compare_);
    addDockWidget(Qt::BottomDockWidgetArea, compareDock);
    tabifyDockWidget(inspectDock, compareDock);
    compareDock->hide();
    suspendDock->raise();
    connect(compare_, &ComparePanel::siteActivated, this,
            [this](const QString& id) { selectSite(id.toStdString(), true); });
    connect(compare_, &ComparePanel::changedSitesShown, this,
            [this](const std::vector<std::string>& ids) {
                canvas_->setSelection(std::unordered_set<std::string>(ids.begin(), ids.end()));
            });

    cordon_ = new CordonDialog(this);
    // A dock beside the map, not a window over it: the cordon it draws stays in view.
    auto* cordonDock = translated(new QDockWidget(this), "safemap::MainWindow",
                                  QT_TR_NOOP("Cordon around a case"));
    cordonDock->setObjectName(QStringLiteral("cordonDock"));
    cordonDock->setWidget(cordon_);
    addDockWidget(Qt::RightDockWidgetArea, cordonDock);
    splitDockWidget(identifyDock, cordonDock, Qt::Vertical);
    cordonDock->hide();
    // While the tool is open, the facility selected on the map (or in a list) is the case.
    connect(this, &MainWindow::siteSelected, this, [this, cordonDock](const QString& id) {
        if (cordonDock->isVisible())
            cordon_->followSelection(id);
    });
    listsMode_ = new ListsMode(*this, *canvas_, {suspendDock, inspectDock}, {identifyDock});
    auto* styleAction =
        translated(new QAction(this), "safemap::MainWindow", QT_TR_NOOP("Context layer &style…"));
    connect(styleAction, &QAction::triggered, this, &MainWindow::manageContextLayers);
    auto* addContext =
        translated(new QAction(this), "safemap::MainWindow", QT_TR_NOOP("&Add context layer…"));
    connect(addContext, &QAction::triggered, this, &MainWindow::addContextLayer);
    layerPanel_->addListAction(addContext);
    layerPanel_->addListAction(styleAction);
    connect(cordon_, &CordonDialog::cordonComputed, this,
            [this](const Cordon& c) { showCordon(c); });
    connect(cordon_, &CordonDialog::cordonCleared, this, [this] { showCordon(std::nullopt); });
    connect(cordon_, &CordonDialog::facilityActivated, this,
            [this](const QString& id) { selectSite(id.toStdString(), true); });

    field_ = new FieldMode(*this, *session_, *canvas_);
    connect(field_, &FieldMode::overlayChanged, this, [this] { showLayers(); });
    connect(field_, &FieldMode::siteActivated, this,
            [this](const QString& id) { selectSite(id.toStdString(), true); });
    connect(field_, &FieldMode::recordsChanged, session_, &ProjectSession::reload);
    connect(field_, &FieldMode::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 10000); });
}

void MainWindow::setFilter(const SiteFilter& filter) {
    if (filterPanel_->filter() != filter)
        filterPanel_->setFilter(filter);
    session_->setFilter(filter);
}

void MainWindow::setStyleChoice(const MapStyleChoice& choice) {
    legend_->setChoice(choice);
    session_->setStyle(choice);
}

void MainWindow::showFrame() {
    const SessionFrame& frame = session_->frame();
    if (frame.error)
        statusBar()->showMessage(tr("Could not read the project: %1").arg(errorText(*frame.error)),
                                 15000);
    if (!frame.facts || !frame.status) {
        // The sites drawn while the project loaded are not its map if it could not be read.
        if (std::exchange(pendingShown_, false))
            showLayers();
        return;
    }
    pendingShown_ = false;
    const ProjectFacts& facts = *frame.facts;
    if (frame.contextReloaded)
        showContextProblems();
    // Facts given their whole history for an earlier date are new facts of the same sites:
    // what holds on to facts takes the new ones, so the old ones are freed.
    search_->setIndex(frame.places);
    cordon_->setSites(frame.facts);
    if (frame.reloaded) {
        filterPanel_->setChoices(facts.zones, frame.choices ? *frame.choices : FilterChoices{});
        asOf_->setDates(frame.dates ? *frame.dates : std::vector<Date>{});
        countLabel_->setText(tr("%1 zones · %2 facilities")
                                 .arg(uiCount(static_cast<long long>(facts.zones.size())),
                                      uiCount(static_cast<long long>(facts.factories.size()))));
    }
    asOf_->showAsOf(frame.status->asOf, session_->scenario().rules.asOf.has_value());
    legend_->setStatus(*frame.status);
    suspendTable_->setView(frame.suspendList);
    inspectTable_->setView(frame.inspectList);
    showLayers();
    if (frame.reloaded)
        placeView(frame.map);
    const SiteFilter& filter = session_->scenario().filter;
    const auto count = [](auto n) {
        return qs(formatCount(static_cast<long long>(n), uiDisplayStyle()));
    };
    const QString description =
        qs(describe(filter, QLocale().language() == QLocale::Vietnamese, facts.zones));
    filterLabel_->setText(filter.isEmpty() ? QString()
                                           : tr("Filter: %1 — %2 of %3 facilities shown")
                                                 .arg(description)
                                                 .arg(count(frame.map.visibleFactories))
                                                 .arg(count(facts.factories.size())));
    // The record follows the scenario: its level and reasons as of the date shown; a facility
    // the filter now hides is not shown any more.
    if (!shownSite_.empty() && facilityHidden(frame.map, shownSite_)) {
        shownSite_.clear();
        identify_->clear();
        canvas_->setSelection({});
    } else if (!shownSite_.empty()) {
        selectSite(shownSite_, false);
    }
}

void MainWindow::showLayers() {
    if (session_->isOpen() && session_->frame().geometry)
        showLayers(session_->frame().map);
    else
        showLayers(MapContent{session_->basemap(), 0});
}

void MainWindow::showLayers(const MapContent& content) {
    std::vector<LayerRender> layers = content.layers;
    QList<LayerEntry> entries;
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
        QString title = qs(it->data->title);
        if (it->data->id == kZonesLayerId)
            title = tr("Zones and clusters");
        if (it->data->id == kFactoriesLayerId)
            title = tr("Facilities");
        if (it->data->id == kBasemapLayerId)
            title = tr("Countries (basemap)");  // the basemap layers carry their own titles
        entries.append({qs(it->data->id), title, it->visible});
    }
    if (entries.size() != layerPanel_->entries().size() ||
        !std::equal(entries.begin(), entries.end(), layerPanel_->entries().begin(),
                    [](const LayerEntry& a, const LayerEntry& b) {
                        return a.id == b.id && a.visible == b.visible;
                    }))
        layerPanel_->setEntries(entries);
    if (cordonLayer_) {
        // Above zones, below facilities, so the facilities inside stay visible.
        auto pos = std::find_if(layers.begin(), layers.end(), [](const LayerRender& l) {
            return l.data->kind == LayerKind::Factories;
        });
        layers.insert(pos, LayerRender{cordonLayer_, cordonStyle(), true});
    }
    // The field visit's route and numbered stops on top of everything.
    for (const LayerRender& l : field_->overlay())
        layers.push_back(l);
    contextLegend_->setLayers(layers);
    // The same layers again (a job's lists arriving after its map): nothing to redraw, and a
    // render of them already running must not be restarted.
    const auto& shown = canvas_->layers();
    const bool same =
        shown.size() == layers.size() &&
        std::equal(layers.begin(), layers.end(), shown.begin(),
                   [](const LayerRender& a, const LayerRender& b) {
                       return a.data == b.data && a.visible == b.visible && a.style == b.style;
                   });
    if (!same)
        canvas_->setLayers(std::move(layers));
}

void MainWindow::applyLayerPanel() {
    std::vector<LayerState> states;
    const QList<LayerEntry> entries = layerPanel_->entries();  // top first
    for (auto it = entries.rbegin(); it != entries.rend(); ++it)
        states.push_back({it->id.toStdString(), it->visible});
    session_->setLayerStates(std::move(states));
}

void MainWindow::openCordonTool() {
    const auto& facts = session_->frame().facts;
    const auto& selected = canvas_->selection();
    if (facts)
        for (const auto& f : facts->factories)
            if (selected.count(f.id))
                cordon_->setCaseSite(qs(f.id), qs(f.name));
    if (auto* dock = findChild<QDockWidget*>(QStringLiteral("cordonDock"))) {
        dock->show();
        dock->raise();
    }
}

void MainWindow::showCordon(const std::optional<Cordon>& cordon) {
    cordonShown_ = cordon;
    cordonLayer_ = cordon ? makeCordonLayer(*cordon) : nullptr;
    showLayers();
    if (!cordon) {
        canvas_->setSelection({});
        return;
    }
    canvas_->setSelection(
        std::unordered_set<std::string>(cordon->facilityIds.begin(), cordon->facilityIds.end()));
    if (!cordonLayer_->extent().empty())
        canvas_->zoomToExtent(cordonLayer_->extent(), 0.2);
}

void MainWindow::buildActions() {
    // Texts through translated(): they follow a language switch (retranslateTexts).
    auto menu = [this](const char* source) {
        return translated(menuBar()->addMenu(QString()), "safemap::MainWindow", source);
    };
    QMenu* file = menu(QT_TR_NOOP("&Project"));
    auto add = [this](QMenu* into, const char* source, QKeySequence key, auto slot) {
        QAction* a = translated(into->addAction(QString()), "safemap::MainWindow", source);
        if (!key.isEmpty())
            a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    add(file, QT_TR_NOOP("&New project…"), QKeySequence::New, &MainWindow::newProject);
    add(file, QT_TR_NOOP("&Open project…"), QKeySequence::Open, &MainWindow::openProjectDialog);
    add(file, QT_TR_NOOP("Connect to &server…"), {}, &MainWindow::connectToServer);
    recentMenu_ =
        translated(file->addMenu(QString()), "safemap::MainWindow", QT_TR_NOOP("Open &recent"));
    add(file, QT_TR_NOOP("&Save view"), QKeySequence::Save, &MainWindow::saveViewState);
    add(file, QT_TR_NOOP("Save project &as…"), QKeySequence::SaveAs, &MainWindow::saveProjectAs);
    file->addSeparator();
    QAction* importAction = add(file, QT_TR_NOOP("&Import sites…"),
                                QKeySequence(Qt::CTRL | Qt::Key_I), &MainWindow::importSites);
    importAction->setObjectName(QStringLiteral("importSitesAction"));
    add(file, QT_TR_NOOP("Import &assessments…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I),
        &MainWindow::importAssessments)
        ->setObjectName(QStringLiteral("importAssessmentsAction"));
    add(file, QT_TR_NOOP("Import i&nspections…"), QKeySequence(), &MainWindow::importInspections)
        ->setObjectName(QStringLiteral("importInspectionsAction"));
    addFieldActions(*this, *file);
    add(file, QT_TR_NOOP("&Criteria sets…"), QKeySequence(Qt::CTRL | Qt::Key_K),
        &MainWindow::manageCriteria)
        ->setObjectName(QStringLiteral("criteriaAction"));
    add(file, QT_TR_NOOP("&Rule thresholds…"), QKeySequence(Qt::CTRL | Qt::Key_R),
        &MainWindow::editRules)
        ->setObjectName(QStringLiteral("rulesAction"));
    add(file, QT_TR_NOOP("Add con&text layer…"), QKeySequence(), &MainWindow::addContextLayer)
        ->setObjectName(QStringLiteral("addContextLayerAction"));
    add(file, QT_TR_NOOP("Conte&xt layers…"), QKeySequence(), &MainWindow::manageContextLayers)
        ->setObjectName(QStringLiteral("contextLayersAction"));
    file->addSeparator();
    reports_ = new ReportActions(this);
    reports_->addTo(file);
    file->addSeparator();
    add(file, QT_TR_NOOP("&Quit"), QKeySequence::Quit, &QWidget::close);

    QMenu* view = menu(QT_TR_NOOP("&View"));
    QToolBar* bar = translated(addToolBar(QString()), "safemap::MainWindow", QT_TR_NOOP("Map"));
    bar->setObjectName(QStringLiteral("mapToolBar"));
    auto both = [&](QAction* a) {
        bar->addAction(a);
        return a;
    };
    both(add(view, QT_TR_NOOP("Zoom &in"), QKeySequence::ZoomIn, [this] { canvas_->zoomIn(); }));
    both(add(view, QT_TR_NOOP("Zoom &out"), QKeySequence::ZoomOut, [this] { canvas_->zoomOut(); }));
    both(add(view, QT_TR_NOOP("Zoom to &all"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F),
             &MainWindow::zoomToSites));
    both(add(view, QT_TR_NOOP("Zoom to &filter"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
             &MainWindow::zoomToFilter))
        ->setObjectName(QStringLiteral("zoomToFilterAction"));
    both(add(view, QT_TR_NOOP("Zoom to &layer"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
             &MainWindow::zoomToCurrentLayer));
    both(add(view, QT_TR_NOOP("Zoom to &selection"), QKeySequence(Qt::CTRL | Qt::Key_J),
             &MainWindow::zoomToSelection));
    search_ = new SearchBox(this);
    bar->addSeparator();
    bar->addWidget(search_);
    connect(search_, &SearchBox::placeChosen, this, &MainWindow::goToPlace);
    QToolBar* timeBar =
        translated(addToolBar(QString()), "safemap::MainWindow", QT_TR_NOOP("As of"));
    timeBar->setObjectName(QStringLiteral("asOfToolBar"));
    timeBar->addWidget(asOf_);
    view->addSeparator();
    QMenu* language =
        translated(view->addMenu(QString()), "safemap::MainWindow", QT_TR_NOOP("&Language"));
    auto* languages = new QActionGroup(this);
    for (const UiLanguage& l : uiLanguages()) {
        QAction* a = language->addAction(l.nativeName);
        a->setCheckable(true);
        a->setChecked(l.code == currentLanguage());
        languages->addAction(a);
        connect(a, &QAction::triggered, this, [code = l.code] {
            setLanguage(code);
            applyLanguage(code, *QCoreApplication::instance());  // changeEvent does the rest
        });
    }
    view->addSeparator();
    view->addAction(listsMode_->action());
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        view->addAction(dock->toggleViewAction());

    QMenu* tools = menu(QT_TR_NOOP("&Tools"));
    tools->addAction(filterPanel_->searchAction());
    add(tools, QT_TR_NOOP("&Go to a place…"), QKeySequence(Qt::CTRL | Qt::Key_G),
        [this] { search_->focusSearch(); });
    add(tools, QT_TR_NOOP("&Cordon around a case…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
        &MainWindow::openCordonTool)
        ->setObjectName(QStringLiteral("cordonAction"));
    add(tools, QT_TR_NOOP("&What if…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W),
        &MainWindow::openCompare)
        ->setObjectName(QStringLiteral("compareAction"));

    QMenu* help = menu(QT_TR_NOOP("&Help"));
    add(help, QT_TR_NOOP("&About SafeMap"), {}, &MainWindow::showAbout);
    installHelp(this, help);  // the guide (F1, context help), before About
}

bool MainWindow::openProject(const QString& path, bool quiet) {
    if (session_->isOpen())
        saveViewState();
    if (auto st = session_->open(path.toStdString()); !st) {
        if (!quiet)
            QMessageBox::warning(this, tr("Cannot open project"), errorText(st.error()));
        return false;
    }
    for (const auto& problem : session_->settings().problems)
        statusBar()->showMessage(errorText(problem), 10000);
    cordonShown_.reset();
    cordonLayer_.reset();
    shownSite_.clear();
    placeView_ = true;
    filterPanel_->setFilter(session_->scenario().filter);
    legend_->setChoice(session_->settings().style);
    compare_->setProject(path.toStdString(), session_->scenario());
    identify_->clear();
    canvas_->setSelection({});
    // A server's URL may hold its password: it is never remembered nor shown.
    const bool server = isServerLocation(path);
    if (!server)
        rememberRecent(QFileInfo(path).absoluteFilePath());
    field_->projectOpened();
    // The database enforces the roles; the window only stops offering what it would refuse.
    auto role = loginRole(session_->project());
    role_ = role ? *role : LoginRole::NoRole;
    applyRoleToActions(*this, role_);
    updateTitle();
    statusBar()->showMessage(tr("Opened %1").arg(server ? projectPath() : path), 5000);
    return true;
}

void MainWindow::openLastProject() {
    const QString last = QSettings().value(QStringLiteral("project/last")).toString();
    if (!last.isEmpty() && QFileInfo::exists(last))
        openProject(last, true);
}

void MainWindow::identifyAt(GeoPoint, QPointF mercator) {
    const BBox view = canvas_->visibleExtent();
    const double metresPerPixel = (view.maxX - view.minX) / std::max(1, canvas_->width());
    const double tolerance = kIdentifyPixels * metresPerPixel;
    // Top-most visible layer first, as the user sees it.
    const auto& layers = canvas_->layers();
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
        if (!it->visible || it->data->kind == LayerKind::Basemap)
            continue;
        const auto ids = featuresAt(*it->data, mercator, tolerance);
        if (!ids.empty()) {
            selectSite(ids.front(), false);
            return;
        }
    }
    shownSite_.clear();
    identify_->clear();
    canvas_->setSelection({});
}

void MainWindow::selectSite(const std::string& id, bool zoom) {
    const auto& facts = session_->frame().facts;
    if (!facts)
        return;
    const ProjectStatus& st = status();
    for (const auto& f : facts->factories) {
        if (f.id != id)
            continue;
        const Zone* zone = nullptr;
        for (const auto& z : facts->zones)
            if (z.id == f.zoneId)
                zone = &z;
        // The history is read and scored on demand: a few assessments, microseconds each;
        // only those up to the date shown, as the rest do not exist in this scenario.
        std::vector<ScoredHistoryEntry> history;
        if (st.criteria) {
            const CompiledCriteria compiled = compileCriteria(*st.criteria);
            auto records = session_->project().repository().assessmentsOf(id);
            if (!records)
                statusBar()->showMessage(errorText(records.error()), 10000);
            else
                for (auto& record : *records) {
                    if (record.assessment.date > st.asOf)
                        continue;
                    ScoreResult score = scoreAssessment(compiled, record.assessment);
                    history.push_back({std::move(record.assessment), std::move(score)});
                }
            std::reverse(history.begin(), history.end());
        }
        identify_->showFactory(f, zone, st.site(id), history, st.criteria.get());
        identify_->showInspections(inspectionsUpTo(
            *facts, static_cast<std::size_t>(&f - facts->factories.data()), st.asOf));
        shownSite_ = id;
        canvas_->setSelection({id});
        if (zoom)
            zoomToSelection();
        emit siteSelected(qs(id));
        return;
    }
    for (const auto& z : facts->zones) {
        if (z.id != id)
            continue;
        auto it = st.zones.find(id);
        identify_->showZone(z, it == st.zones.end() ? ZoneAggregate{} : it->second);
        shownSite_ = id;
        canvas_->setSelection({id});
        if (zoom)
            zoomToSelection();
        emit siteSelected(qs(id));
        return;
    }
}

void MainWindow::zoomToSelection() {
    const auto& selected = canvas_->selection();
    if (selected.empty())
        return;
    BBox box;
    for (const auto& l : canvas_->layers()) {
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
    canvas_->zoomToExtent(withMinimumSpan(box, kMinimumViewSpan), 0.15);
}

void MainWindow::zoomToCurrentLayer() {
    const QString id = layerPanel_->currentLayerId();
    for (const auto& l : canvas_->layers())
        if (qs(l.data->id) == id && !l.data->extent().empty())
            canvas_->zoomToExtent(l.data->extent());
}

void MainWindow::saveViewState() {
    if (!session_->isOpen())
        return;
    if (auto st = session_->saveView(canvas_->extent()); !st) {
        statusBar()->showMessage(tr("View not saved: %1").arg(errorText(st.error())), 10000);
        return;
    }
    statusBar()->showMessage(tr("View saved in the project"), 3000);
}

void MainWindow::zoomToSites() {
    zoomToSitesOf(session_->frame().map);
}

void MainWindow::zoomToSitesOf(const MapContent& map) {
    // The sites, not the basemap: the basemap spans half of South-East Asia.
    const BBox box = sitesExtent(map, SitesScope::AllSites, 0.0);
    if (box.empty())
        canvas_->zoomToLayers();
    else
        canvas_->zoomToExtent(box);
}

void MainWindow::placeView(const MapContent& map) {
    if (!placeView_)
        return;
    placeView_ = false;
    if (const auto& extent = session_->settings().view.extent)
        canvas_->setExtent(*extent);
    else
        zoomToSitesOf(map);
}

void MainWindow::zoomToFilter() {
    const BBox box = sitesExtent(session_->frame().map, SitesScope::FilteredFacilities, 0.0);
    if (box.empty()) {
        statusBar()->showMessage(tr("The filter keeps no facility."), 5000);
        return;
    }
    canvas_->zoomToExtent(withMinimumSpan(box, kMinimumViewSpan), 0.1);
}

void MainWindow::goToPlace(const Place& place) {
    const bool site = place.kind == PlaceKind::Zone || place.kind == PlaceKind::Facility ||
                      place.kind == PlaceKind::Address;
    if (site && !facilityHidden(session_->frame().map, place.siteId)) {
        selectSite(place.siteId, true);
        return;
    }
    if (site)
        statusBar()->showMessage(
            tr("%1 is hidden by the filter; its place is shown.").arg(qs(place.name)), 8000);
    else
        statusBar()->showMessage(placeLine(place), 5000);
    canvas_->zoomToExtent(withMinimumSpan(place.extent, kMinimumViewSpan), 0.1);
}

void MainWindow::showContextProblems() {
    const SessionFrame& frame = session_->frame();
    for (const auto& note : frame.contextNotes)
        statusBar()->showMessage(qs(note), 10000);
    if (frame.contextProblems.empty())
        return;
    QStringList lines;
    for (const auto& [id, error] : frame.contextProblems)
        lines << qs(error.describe()).toHtmlEscaped();
    // Not modal: the rest of the project is open and usable meanwhile.
    auto* box = new QMessageBox(
        QMessageBox::Warning, tr("Context layers not shown"),
        tr("These context layers could not be drawn; the rest of the project opened:<br><br>%1"
           "<br><br>Project → Context layers… shows them: choose the file where it is now, or "
           "remove the layer.")
            .arg(lines.join(QStringLiteral("<br>"))),
        QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("contextProblemsBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->show();
}

void MainWindow::changeEvent(QEvent* event) {
    QMainWindow::changeEvent(event);
    if (event->type() != QEvent::LanguageChange)
        return;
    retranslateTexts(this);  // menus, actions, docks, toolbars, panels' fixed texts
    updateTitle();
    coordLabel_->clear();  // set again as the pointer moves
    if (const double denominator = canvas_->scaleDenominator(); denominator > 0)
        scaleLabel_->setText(tr("Scale 1:%1").arg(uiCount(qRound64(denominator))));
    // The basemap's names are in the UI language, and the session words the lists, numbers
    // and dates in it: load the basemap in the new language and compose everything again.
    std::string problem;
    session_->setBasemap(
        loadShippedBasemap(mapLanguageFromCode(languageCode(uiLanguage())), &problem));
    if (session_->isOpen())
        session_->reload();
    else
        showLayers();
}

void MainWindow::updateTitle() {
    const QString name = !hasProject()                     ? tr("no project")
                         : isServerLocation(projectPath()) ? projectPath()
                                                           : QFileInfo(projectPath()).fileName();
    const QString role =
        hasProject() ? QString::fromStdString(roleLabel(role_, uiLanguage())) : QString();
    setWindowTitle(role.isEmpty() ? tr("%1 — SafeMap").arg(name)
                                  : tr("%1 — %2 — SafeMap").arg(name, role));
    roleLabel_->setText(role.isEmpty() ? QString() : tr("Role: %1").arg(role));
    roleLabel_->setVisible(!role.isEmpty());
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
    QString path =
        chooseFileToSave(this, tr("New project"), QString(), tr("SafeMap project (*.gpkg)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".gpkg")))
        path += QLatin1String(".gpkg");
    if (QFileInfo::exists(path)) {
        QMessageBox::warning(this, tr("New project"),
                             tr("%1 already exists. Choose another name, or open it.").arg(path));
        return;
    }
    auto created = Project::create(path.toStdString());
    if (!created) {
        QMessageBox::warning(this, tr("New project"), errorText(created.error()));
        return;
    }
    openProject(path);
}

void MainWindow::connectToServer() {
    ConnectDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        openProject(serverUrl(dialog.login()));
}

void MainWindow::openProjectDialog() {
    const QString path =
        chooseFileToOpen(this, tr("Open project"), QString(), tr("SafeMap project (*.gpkg)"));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::saveProjectAs() {
    if (!hasProject())
        return;
    QString path =
        chooseFileToSave(this, tr("Save project as"), QString(), tr("SafeMap project (*.gpkg)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".gpkg")))
        path += QLatin1String(".gpkg");
    saveViewState();
    if (auto st = session_->project().repository().saveCopy(path.toStdString()); !st) {
        QMessageBox::warning(this, tr("Save project as"), errorText(st.error()));
        return;
    }
    openProject(path);
}

namespace {
bool needProject(QWidget* parent, bool open, const QString& title) {
    if (!open)
        QMessageBox::information(parent, title,
                                 MainWindow::tr("Create or open a project first (Project → New "
                                                "project)."));
    return open;
}
}  // namespace

void MainWindow::importSites() {
    if (!needProject(this, hasProject(), tr("Import sites")))
        return;
    ImportDialog dialog(session_->path(), this);
    if (dialog.exec() == QDialog::Accepted) {
        session_->reload();
        statusBar()->showMessage(dialog.summaryText(), 10000);
    }
}

void MainWindow::importAssessments() {
    if (!needProject(this, hasProject(), tr("Import assessments")))
        return;
    const auto& criteria = status().criteria;
    TableImportDialog dialog(TableImportDialog::Kind::Assessments, session_->path(), criteria.get(),
                             this);
    if (dialog.exec() == QDialog::Accepted) {
        session_->reload();
        statusBar()->showMessage(dialog.summaryText(), 10000);
    }
}

void MainWindow::importInspections() {
    if (!needProject(this, hasProject(), tr("Import inspections")))
        return;
    TableImportDialog dialog(TableImportDialog::Kind::Inspections, session_->path(), nullptr, this);
    if (dialog.exec() == QDialog::Accepted) {
        session_->reload();
        statusBar()->showMessage(dialog.summaryText(), 10000);
    }
}

void MainWindow::manageCriteria() {
    if (!hasProject())
        return;
    CriteriaManager manager(session_->project(), this, session_->path());
    manager.exec();
    if (manager.changed())
        session_->reload();
}

void MainWindow::editRules() {
    if (!needProject(this, hasProject(), tr("Rule thresholds")))
        return;
    RuleSettingsDialog dialog(session_->scenario().rules, this);
    if (dialog.exec() == QDialog::Accepted)
        session_->setRules(dialog.rules());
}

void MainWindow::openCompare() {
    if (!needProject(this, hasProject(), tr("What if…")))
        return;
    compare_->setProject(session_->path(), session_->scenario());
    if (auto* dock = findChild<QDockWidget*>(QStringLiteral("compareDock"))) {
        dock->show();
        dock->raise();
    }
    compare_->chooseAndRun();
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About SafeMap"),
        tr("<b>SafeMap %1</b> — Bản đồ chung sống an toàn<br>"
           "Industrial zones, clusters and facilities coloured by infection risk.<br>"
           "Works fully offline. Licence: GPL-2.0-or-later.<br>%2")
            .arg(QString::fromUtf8(kVersion),
                 QString::fromStdString(
                     basemapAttribution(mapLanguageFromCode(currentLanguage().toStdString())))
                     .toHtmlEscaped()));
}

void MainWindow::manageContextLayers() {
    if (!needProject(this, hasProject(), tr("Context layers")))
        return;
    std::map<std::string, QString> problems;
    for (const auto& [id, error] : session_->frame().contextProblems)
        problems[id] = qs(error.message);
    ContextLayersDialog dialog(session_->path(), session_->settings().contextLayers, problems,
                               this);
    if (dialog.exec() == QDialog::Accepted)
        session_->setContextLayers(dialog.layers());
}

void MainWindow::addContextLayer() {
    if (!needProject(this, hasProject(), tr("Add a context layer")))
        return;
    ContextLayersDialog dialog(session_->path(), session_->settings().contextLayers, {}, this);
    const size_t before = dialog.layers().size();
    dialog.addLayer();
    if (dialog.layers().size() > before)
        session_->setContextLayers(dialog.layers());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveViewState();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

}  // namespace safemap
