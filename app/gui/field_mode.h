#pragma once

#include <QObject>
#include <QString>
#include <optional>
#include <string>
#include <vector>

#include "core/model/inspection_record.h"
#include "core/project/field_package.h"
#include "core/project/field_records.h"
#include "gis/render/map_settings.h"

class QAction;
class QComboBox;
class QDockWidget;
class QHBoxLayout;
class QLabel;
class QListWidget;
class QMainWindow;
class QPushButton;
class QUndoStack;

namespace safemap {

class InspectionForm;
class MapCanvas;
class ProjectSession;

/// \brief Field mode: what the window shows when the open project is a field package
/// (detected by its package.* settings, packageInfo()).
///
/// A dock with the package's visit list in route order and the inspection form of the stop
/// chosen, and the route drawn on the map with each stop's number. Every save is one
/// transaction through saveInspection; the undo stack takes the last record away
/// (removeInspection) and puts it back (restoreInspection). No master project is needed.
class FieldMode : public QObject {
    Q_OBJECT
public:
    FieldMode(QMainWindow& window, ProjectSession& session, MapCanvas& canvas);

    /// After a project was opened (or closed): field mode on a package, off otherwise.
    void projectOpened();
    bool active() const { return info_.has_value(); }
    const std::optional<PackageInfo>& package() const { return info_; }

    /// The route and its numbered stops, drawn above the facilities (none outside field
    /// mode).
    std::vector<LayerRender> overlay() const;

    /// Chooses a stop: the form starts a new inspection of it.
    void chooseStop(const std::string& siteId);
    /// Saves the form (what its Save button does); false, with the reason shown, if the
    /// record was refused. A corrected record replaces the stored one (saveInspection, one
    /// transaction); undo puts the stored one back.
    bool saveForm();
    /// Opens the chosen stop's record `recordId` (saved in this package) in the form, filled,
    /// to correct it; false if the stop has no such record.
    bool editRecord(const std::string& recordId);
    /// The chosen stop's records saved in this package, newest first (what Correct offers).
    QComboBox* savedInspections() const { return savedBox_; }

    InspectionForm* form() const { return form_; }
    QListWidget* visitList() const { return list_; }
    QUndoStack* undoStack() const { return undo_; }
    QAction* undoAction() const { return undoAction_; }
    QAction* redoAction() const { return redoAction_; }
    QDockWidget* dock() const { return dock_; }
    /// Shows `action` as a button under the dock's header (e.g. Print facility sheets…).
    void addDockAction(QAction* action);
    /// The stops in route order (site ids).
    std::vector<std::string> stops() const;

signals:
    /// The overlay changed: the window draws its layers again.
    void overlayChanged();
    /// A stop was chosen in the list: the window selects the facility.
    void siteActivated(const QString& siteId);
    /// A record was stored or taken away: the lists and the map must be read again.
    void recordsChanged();
    /// Something to tell the user in the status bar.
    void message(const QString& text);

private:
    void refresh();
    void rebuildList();
    void showError(const QString& what, const Error& error);
    std::vector<InspectionRecord> savedRecords(const std::string& siteId) const;
    void showSavedRecords(const std::string& siteId);

    QMainWindow& window_;
    ProjectSession& session_;
    MapCanvas& canvas_;
    std::optional<PackageInfo> info_;
    std::vector<PackageSite> sites_;     ///< route stops first, in order
    std::vector<std::string> recorded_;  ///< site ids with a record made in this package
    std::vector<LayerRender> overlay_;
    QDockWidget* dock_;
    QLabel* header_;
    QHBoxLayout* dockActions_;
    QComboBox* savedBox_;
    QPushButton* correctButton_;
    QListWidget* list_;
    InspectionForm* form_;
    QUndoStack* undo_;
    QAction* undoAction_;
    QAction* redoAction_;
    bool picking_ = false;
};

}  // namespace safemap
