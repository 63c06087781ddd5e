#pragma once

#include <QDate>
#include <QWidget>
#include <optional>
#include <vector>

#include "core/criteria/criteria_set.h"
#include "core/model/site.h"
#include "core/project/field_inspection.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QGeoPositionInfoSource;

namespace safemap {

/// \brief The inspection form of field mode: date, inspector, the criteria set's mandatory
/// measures (each not checked / in place / missing), findings, outcome (keep operating, fix
/// by a date, propose suspension), notes, photos and the position.
///
/// Only a form: it makes an InspectionDraft; FieldMode stores it with saveInspection.
class InspectionForm : public QWidget {
    Q_OBJECT
public:
    explicit InspectionForm(QWidget* parent = nullptr);

    /// A blank form for a new inspection of `site`, its measures from `criteria` (may be
    /// null: no measures). The inspector's name stays from the last inspection.
    void startNew(const Factory& site, const CriteriaSet* criteria);
    /// The form filled with a stored record of `site`, to correct it: Save stores a new
    /// version of the same record (saveInspection replaces it in one transaction).
    void startEdit(const Factory& site, const CriteriaSet* criteria,
                   const InspectionRecord& stored);
    /// The record being corrected; none for a new inspection.
    const std::optional<InspectionRecord>& editing() const { return editing_; }
    /// No facility chosen: the form is disabled.
    void clearSite();
    const std::string& siteId() const { return siteId_; }

    /// What the form holds, with the bytes of the photos attached.
    InspectionDraft draft() const;

    void setPosition(GeoPoint where, PositionSource source);
    /// Attaches a photo file (JPEG, PNG, WebP); false, with a message, if it is not one.
    bool addPhotoFile(const QString& path);

    // The fields, for tests and for FieldMode.
    QDateEdit* dateEdit() const { return date_; }
    QLineEdit* inspectorEdit() const { return inspector_; }
    QTableWidget* measuresTable() const { return measures_; }
    QPlainTextEdit* findingsEdit() const { return findings_; }
    QComboBox* outcomeBox() const { return outcome_; }
    QDateEdit* fixByEdit() const { return fixBy_; }
    QPlainTextEdit* notesEdit() const { return notes_; }
    QPushButton* saveButton() const { return save_; }

signals:
    /// The user pressed Save.
    void saveRequested();
    /// The user wants to pick the position on the map (the next click there).
    void pickOnMapRequested();

private:
    void usePositionSource();
    void updatePositionLabel();

    std::string siteId_;
    QLabel* title_;
    QDateEdit* date_;
    QLineEdit* inspector_;
    QTableWidget* measures_;
    std::vector<std::string> measureIds_;
    QPlainTextEdit* findings_;
    QComboBox* outcome_;
    QDateEdit* fixBy_;
    QDate shownDate_;  ///< the inspection date the deadline was last set against
    QPlainTextEdit* notes_;
    QListWidget* photoList_;
    std::vector<Photo> photos_;          ///< attached since the form was opened
    std::vector<PhotoInfo> keptPhotos_;  ///< of the record being corrected, still listed
    std::optional<InspectionRecord> editing_;
    QLabel* positionLabel_;
    QPushButton* deviceButton_;
    QPushButton* save_;
    std::optional<GeoPoint> position_;
    PositionSource positionSource_ = PositionSource::None;
    QGeoPositionInfoSource* positioning_ = nullptr;  ///< null: this computer has none
};

}  // namespace safemap
