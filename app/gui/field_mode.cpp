#include "app/gui/field_mode.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>
#include <unordered_map>

#include "app/gui/error_text.h"
#include "app/gui/inspection_form.h"
#include "app/gui/map_canvas.h"
#include "app/gui/project_session.h"
#include "app/gui/qt_text.h"
#include "core/project/field_inspection.h"
#include "core/project/visit_route.h"
#include "gis/field/route_layer.h"

namespace safemap {

namespace {

/// One saved inspection on the undo stack: undo takes the new record away, redo puts it
/// back with its photos, both in one transaction of the core functions.
class SaveInspectionCommand : public QUndoCommand {
public:
    SaveInspectionCommand(FieldMode& mode, ProjectSession& session, InspectionRecord saved,
                          std::vector<Photo> photos, const QString& text)
        : QUndoCommand(text),
          mode_(mode),
          session_(session),
          saved_(std::move(saved)),
          photos_(std::move(photos)) {}

    void redo() override {
        if (first_) {  // saved already, by the form
            first_ = false;
            return;
        }
        report(restoreInspection(session_.project(), saved_, photos_));
    }
    void undo() override { report(removeInspection(session_.project(), saved_.recordId)); }

private:
    void report(const Status& st) {
        if (!st)
            emit mode_.message(QCoreApplication::translate("safemap::FieldMode", "Not undone: %1")
                                   .arg(errorText(st.error())));
        emit mode_.recordsChanged();
    }

    FieldMode& mode_;
    ProjectSession& session_;
    InspectionRecord saved_;
    std::vector<Photo> photos_;
    bool first_ = true;
};

/// A correction of a stored record on the undo stack: undo puts the record back as it was
/// (with the bytes of photos the correction took away), redo puts the correction back.
class EditInspectionCommand : public QUndoCommand {
public:
    EditInspectionCommand(FieldMode& mode, ProjectSession& session, InspectionRecord before,
                          std::vector<Photo> beforePhotos, InspectionRecord after,
                          std::vector<Photo> afterPhotos, const QString& text)
        : QUndoCommand(text),
          mode_(mode),
          session_(session),
          before_(std::move(before)),
          beforePhotos_(std::move(beforePhotos)),
          after_(std::move(after)),
          afterPhotos_(std::move(afterPhotos)) {}

    void redo() override {
        if (first_) {  // saved already, by the form
            first_ = false;
            return;
        }
        report(restoreInspection(session_.project(), after_, afterPhotos_));
    }
    void undo() override { report(restoreInspection(session_.project(), before_, beforePhotos_)); }

private:
    void report(const Status& st) {
        if (!st)
            emit mode_.message(QCoreApplication::translate("safemap::FieldMode", "Not undone: %1")
                                   .arg(errorText(st.error())));
        emit mode_.recordsChanged();
    }

    FieldMode& mode_;
    ProjectSession& session_;
    InspectionRecord before_;
    std::vector<Photo> beforePhotos_;
    InspectionRecord after_;
    std::vector<Photo> afterPhotos_;
    bool first_ = true;
};

}  // namespace

FieldMode::FieldMode(QMainWindow& window, ProjectSession& session, MapCanvas& canvas)
    : QObject(&window),
      window_(window),
      session_(session),
      canvas_(canvas),
      dock_(new QDockWidget(tr("Field visit"), &window)),
      header_(new QLabel),
      dockActions_(new QHBoxLayout),
      savedBox_(new QComboBox),
      correctButton_(new QPushButton(tr("Correct"))),
      list_(new QListWidget),
      form_(new InspectionForm),
      undo_(new QUndoStack(this)) {
    dock_->setObjectName(QStringLiteral("fieldDock"));
    savedBox_->setObjectName(QStringLiteral("savedInspections"));
    correctButton_->setObjectName(QStringLiteral("correctInspectionButton"));
    savedBox_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    savedBox_->setMinimumContentsLength(12);
    savedBox_->hide();
    correctButton_->hide();
    connect(correctButton_, &QPushButton::clicked, this, [this] {
        if (savedBox_->currentIndex() >= 0)
            editRecord(savedBox_->currentData().toString().toStdString());
    });
    list_->setObjectName(QStringLiteral("visitList"));
    header_->setWordWrap(true);
    list_->setMinimumHeight(list_->fontMetrics().lineSpacing() * 5);
    list_->setMaximumHeight(list_->fontMetrics().lineSpacing() * 9);
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->addWidget(header_);
    layout->addLayout(dockActions_);
    layout->addWidget(list_);
    // The stop's inspections saved in this package, to correct one (hidden when none).
    auto* savedRow = new QHBoxLayout;
    savedRow->addWidget(savedBox_, 1);
    savedRow->addWidget(correctButton_);
    layout->addLayout(savedRow);
    layout->addWidget(form_);
    layout->addStretch();
    // A laptop of 720 px: the form scrolls rather than pushing the window's minimum height.
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setWidget(content);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    dock_->setWidget(scroll);
    window.addDockWidget(Qt::RightDockWidgetArea, dock_);
    // Beside the site record as a tab: the form gets the dock area's whole height (a 720 px
    // laptop has none to share).
    if (auto* identify = window.findChild<QDockWidget*>(QStringLiteral("identifyDock")))
        window.tabifyDockWidget(identify, dock_);
    dock_->hide();
    list_->setTextElideMode(Qt::ElideRight);
    list_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    undoAction_ = undo_->createUndoAction(this, tr("&Undo inspection"));
    undoAction_->setShortcut(QKeySequence::Undo);
    undoAction_->setObjectName(QStringLiteral("undoInspectionAction"));
    redoAction_ = undo_->createRedoAction(this, tr("&Redo inspection"));
    redoAction_->setShortcut(QKeySequence::Redo);
    window.addAction(undoAction_);
    window.addAction(redoAction_);

    connect(list_, &QListWidget::currentRowChanged, this, [this](int row) {
        const auto ids = stops();
        if (row >= 0 && row < static_cast<int>(ids.size())) {
            chooseStop(ids[static_cast<std::size_t>(row)]);
            emit siteActivated(qs(ids[static_cast<std::size_t>(row)]));
        }
    });
    connect(form_, &InspectionForm::saveRequested, this, [this] { saveForm(); });
    connect(form_, &InspectionForm::pickOnMapRequested, this, [this] {
        picking_ = true;
        canvas_.setCursor(Qt::CrossCursor);
        emit message(tr("Click on the map where the inspection took place."));
    });
    connect(&canvas_, &MapCanvas::clicked, this, [this](GeoPoint lonLat, QPointF) {
        if (!picking_)
            return;
        picking_ = false;
        canvas_.unsetCursor();
        form_->setPosition(lonLat, PositionSource::Map);
    });
    connect(&session_, &ProjectSession::frameReady, this, [this] {
        if (active() && session_.frame().reloaded)
            refresh();
    });
}

void FieldMode::projectOpened() {
    undo_->clear();
    info_.reset();
    sites_.clear();
    recorded_.clear();
    overlay_.clear();
    form_->clearSite();
    if (session_.isOpen()) {
        auto info = packageInfo(session_.project());
        if (!info)
            emit message(tr("Not opened as a field package: %1").arg(errorText(info.error())));
        else
            info_ = *info;
    }
    dock_->setVisible(active());
    // In the field the form matters more than the lists: the right dock area takes the
    // bottom-right corner, so the form gets the window's full height.
    window_.setCorner(Qt::BottomRightCorner,
                      active() ? Qt::RightDockWidgetArea : Qt::BottomDockWidgetArea);
    if (active()) {
        header_->setText(
            tr("<b>%1</b><br>Made by %2 on %3 from %4")
                .arg(qs(info_->name).toHtmlEscaped(),
                     qs(info_->createdBy.empty() ? "—" : info_->createdBy).toHtmlEscaped(),
                     qs(info_->createdAt.substr(0, 10)),
                     qs(info_->sourceProjectFile).toHtmlEscaped()));
        dock_->raise();
        refresh();
    } else {
        list_->clear();
        emit overlayChanged();
    }
}

std::vector<LayerRender> FieldMode::overlay() const {
    return overlay_;
}

void FieldMode::addDockAction(QAction* action) {
    auto* button = new QToolButton;
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    dockActions_->addWidget(button);
    dockActions_->addStretch();
}

std::vector<std::string> FieldMode::stops() const {
    std::vector<std::string> ids;
    for (const auto& s : sites_)
        if (s.routeOrder)
            ids.push_back(s.siteId);
    return ids;
}

void FieldMode::refresh() {
    auto sites = session_.project().repository().packageSites();
    if (!sites) {
        showError(tr("The package's visit list cannot be read"), sites.error());
        return;
    }
    sites_ = std::move(sites).value();
    std::stable_sort(sites_.begin(), sites_.end(), [](const PackageSite& a, const PackageSite& b) {
        return a.routeOrder.value_or(1 << 30) < b.routeOrder.value_or(1 << 30);
    });
    recorded_.clear();
    if (auto records = session_.project().repository().inspectionRecords(); records)
        for (const auto& r : *records)
            if (r.origin == info_->packageId)
                recorded_.push_back(r.siteId);
    rebuildList();
}

void FieldMode::rebuildList() {
    const auto& facts = session_.frame().facts;
    std::unordered_map<std::string, const Factory*> byId;
    if (facts)
        for (const auto& f : facts->factories)
            byId.emplace(f.id, &f);
    const QString chosen = form_->siteId().empty() ? QString() : qs(form_->siteId());
    const QSignalBlocker block(list_);
    list_->clear();
    std::vector<Factory> stopsOnMap;
    std::vector<bool> visited;
    int row = 0, current = -1;
    for (const auto& s : sites_) {
        if (!s.routeOrder)
            continue;
        const Factory& f = byId.count(s.siteId) ? *byId.at(s.siteId) : s.base;
        const bool done =
            std::find(recorded_.begin(), recorded_.end(), s.siteId) != recorded_.end();
        // The mark first: a long name is cut at the right of a narrow dock.
        auto* item = new QListWidgetItem(
            tr("%1%2. %3 — %4")
                .arg(done ? tr("✓ ") : QString())
                .arg(*s.routeOrder)
                .arg(qs(f.name), qs(f.address.empty() ? f.district : f.address)));
        item->setData(Qt::UserRole, qs(s.siteId));
        item->setData(Qt::UserRole + 1, qs(f.name));
        item->setToolTip(qs(f.name));
        list_->addItem(item);
        if (qs(s.siteId) == chosen)
            current = row;
        ++row;
        stopsOnMap.push_back(f);
        visited.push_back(done);
    }
    if (current >= 0)
        list_->setCurrentRow(current);
    overlay_.clear();
    std::vector<GeoPoint> stopPoints;
    for (const auto& f : stopsOnMap)
        stopPoints.push_back(f.location);
    const auto line = routeLine(info_->start, stopsOnMap);
    if (line.size() >= 2)
        overlay_.push_back({makeRouteLineLayer(line), routeLineStyle(), true});
    overlay_.push_back({makeRouteStopsLayer(stopsOnMap, visited), routeStopsStyle(), true});
    double metres = 0;
    for (std::size_t i = 1; i < line.size(); ++i)
        metres += straightLineMetres(line[i - 1], line[i]);
    dock_->setWindowTitle(tr("Field visit: %1 stops, %2 km")
                              .arg(stopsOnMap.size())
                              .arg(QLocale().toString(metres / 1000, 'f', 1)));
    emit overlayChanged();
}

void FieldMode::chooseStop(const std::string& siteId) {
    if (!active())
        return;
    const auto& facts = session_.frame().facts;
    const CriteriaSet* criteria = facts ? facts->criteria.get() : nullptr;
    const Factory* factory = nullptr;
    if (facts)
        for (const auto& f : facts->factories)
            if (f.id == siteId)
                factory = &f;
    for (const auto& s : sites_)
        if (!factory && s.siteId == siteId)
            factory = &s.base;
    if (!factory)
        return;
    form_->startNew(*factory, criteria);
    showSavedRecords(siteId);
    const auto ids = stops();
    const auto it = std::find(ids.begin(), ids.end(), siteId);
    if (it != ids.end() && list_->currentRow() != static_cast<int>(it - ids.begin())) {
        const QSignalBlocker block(list_);
        list_->setCurrentRow(static_cast<int>(it - ids.begin()));
    }
}

bool FieldMode::saveForm() {
    if (!active() || form_->siteId().empty())
        return false;
    InspectionDraft draft = form_->draft();
    std::vector<Photo> photos = draft.newPhotos;
    // A correction keeps what it replaces, photos' bytes included, for undo.
    const std::optional<InspectionRecord> before = form_->editing();
    std::vector<Photo> beforePhotos;
    if (before)
        for (const PhotoInfo& info : before->photos) {
            auto bytes = session_.project().repository().photoData(info.photoId);
            if (!bytes) {
                showError(tr("The inspection was not saved"), bytes.error());
                return false;
            }
            beforePhotos.push_back(Photo{info, std::move(bytes).value()});
        }
    auto saved = saveInspection(session_.project(), draft);
    if (!saved) {
        showError(tr("The inspection was not saved"), saved.error());
        return false;
    }
    const QString name =
        list_->currentItem() ? list_->currentItem()->data(Qt::UserRole + 1).toString() : QString();
    if (before) {
        undo_->push(new EditInspectionCommand(*this, session_, *before, std::move(beforePhotos),
                                              *saved, std::move(photos),
                                              tr("correction of %1").arg(name)));
        emit message(tr("Inspection of %1 corrected in the package").arg(name));
    } else {
        undo_->push(new SaveInspectionCommand(*this, session_, *saved, std::move(photos),
                                              tr("inspection of %1").arg(name)));
        emit message(tr("Inspection of %1 saved in the package").arg(name));
    }
    form_->clearSite();
    showSavedRecords({});
    const QSignalBlocker block(list_);
    list_->setCurrentRow(-1);  // choosing the same stop again starts a new form
    emit recordsChanged();
    return true;
}

std::vector<InspectionRecord> FieldMode::savedRecords(const std::string& siteId) const {
    std::vector<InspectionRecord> out;
    if (!active() || siteId.empty())
        return out;
    auto records = session_.project().repository().inspectionRecords(siteId);
    if (!records)
        return out;
    for (auto& r : *records)
        if (r.origin == info_->packageId)
            out.push_back(std::move(r));
    std::reverse(out.begin(), out.end());  // newest first
    return out;
}

void FieldMode::showSavedRecords(const std::string& siteId) {
    savedBox_->clear();
    for (const InspectionRecord& r : savedRecords(siteId)) {
        QString outcome;
        switch (r.outcome) {
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
        savedBox_->addItem(tr("Saved: %1 — %2 — %3").arg(uiDate(r.date), qs(r.inspector), outcome),
                           qs(r.recordId));
    }
    const bool any = savedBox_->count() > 0;
    savedBox_->setVisible(any);
    correctButton_->setVisible(any);
}

bool FieldMode::editRecord(const std::string& recordId) {
    const std::string siteId = form_->siteId();
    for (const InspectionRecord& r : savedRecords(siteId))
        if (r.recordId == recordId) {
            const auto& facts = session_.frame().facts;
            const CriteriaSet* criteria = facts ? facts->criteria.get() : nullptr;
            const Factory* factory = nullptr;
            if (facts)
                for (const auto& f : facts->factories)
                    if (f.id == siteId)
                        factory = &f;
            if (!factory)
                return false;
            form_->startEdit(*factory, criteria, r);
            return true;
        }
    return false;
}

void FieldMode::showError(const QString& what, const Error& error) {
    QMessageBox::warning(&window_, what, errorText(error));
}

}  // namespace safemap
