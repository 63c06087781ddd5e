#include "app/gui/inspection_form.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGeoPositionInfoSource>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "app/gui/error_text.h"
#include "app/gui/file_dialogs.h"
#include "core/criteria/criteria_labels.h"

namespace safemap {

namespace {

QDate toQDate(const Date& d) {
    return {static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
            static_cast<int>(static_cast<unsigned>(d.day()))};
}

Date fromQDate(const QDate& d) {
    return Date{std::chrono::year(d.year()), std::chrono::month(static_cast<unsigned>(d.month())),
                std::chrono::day(static_cast<unsigned>(d.day()))};
}

QPlainTextEdit* smallText(QWidget* parent, int lines) {
    auto* e = new QPlainTextEdit(parent);
    e->setTabChangesFocus(true);
    e->setFixedHeight(e->fontMetrics().lineSpacing() * lines + 12);
    return e;
}

}  // namespace

InspectionForm::InspectionForm(QWidget* parent)
    : QWidget(parent),
      title_(new QLabel(this)),
      date_(new QDateEdit(this)),
      inspector_(new QLineEdit(this)),
      measures_(new QTableWidget(0, 2, this)),
      findings_(smallText(this, 3)),
      outcome_(new QComboBox(this)),
      fixBy_(new QDateEdit(this)),
      notes_(smallText(this, 2)),
      photoList_(new QListWidget(this)),
      positionLabel_(new QLabel(this)),
      deviceButton_(new QPushButton(tr("Device position"), this)),
      save_(new QPushButton(tr("&Save inspection"), this)) {
    setObjectName(QStringLiteral("inspectionForm"));
    title_->setWordWrap(true);
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    date_->setCalendarPopup(true);
    date_->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    fixBy_->setCalendarPopup(true);
    fixBy_->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    inspector_->setObjectName(QStringLiteral("inspectorEdit"));
    measures_->setObjectName(QStringLiteral("measuresTable"));
    measures_->setHorizontalHeaderLabels({tr("Mandatory measure"), tr("Found")});
    measures_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    measures_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Fixed);
    measures_->verticalHeader()->hide();
    measures_->setWordWrap(true);
    outcome_->setObjectName(QStringLiteral("outcomeBox"));
    outcome_->addItem(tr("Keep operating"), QStringLiteral("keep"));
    outcome_->addItem(tr("Fix by a date"), QStringLiteral("fix"));
    outcome_->addItem(tr("Propose suspension"), QStringLiteral("suspend"));
    fixBy_->setEnabled(false);
    connect(outcome_, &QComboBox::currentIndexChanged, this,
            [this] { fixBy_->setEnabled(outcome_->currentData().toString() == "fix"); });
    // The deadline keeps its distance from the inspection date: an inspection entered days
    // later, with its real date, still gets "two weeks from the visit", not from today.
    connect(date_, &QDateEdit::dateChanged, this, [this](QDate date) {
        if (shownDate_.isValid())
            fixBy_->setDate(fixBy_->date().addDays(shownDate_.daysTo(date)));
        shownDate_ = date;
    });
    photoList_->setObjectName(QStringLiteral("photoList"));
    photoList_->setMaximumHeight(photoList_->fontMetrics().lineSpacing() * 3 + 10);
    save_->setObjectName(QStringLiteral("saveInspectionButton"));

    auto* addPhoto = new QPushButton(tr("Add photo…"), this);
    connect(addPhoto, &QPushButton::clicked, this, [this] {
        const QString path = chooseFileToOpen(this, tr("Attach a photo"), QString(),
                                              tr("Photos (*.jpg *.jpeg *.png *.webp)"));
        if (!path.isEmpty())
            addPhotoFile(path);
    });
    auto* removePhoto = new QPushButton(tr("Remove"), this);
    connect(removePhoto, &QPushButton::clicked, this, [this] {
        // The stored photos of an edited record come first in the list, then the new ones.
        const int row = photoList_->currentRow();
        const int kept = static_cast<int>(keptPhotos_.size());
        if (row < 0 || row >= kept + static_cast<int>(photos_.size()))
            return;
        if (row < kept)
            keptPhotos_.erase(keptPhotos_.begin() + row);
        else
            photos_.erase(photos_.begin() + (row - kept));
        delete photoList_->takeItem(row);
    });
    auto* pick = new QPushButton(tr("Pick on map"), this);
    pick->setObjectName(QStringLiteral("pickOnMapButton"));
    connect(pick, &QPushButton::clicked, this, &InspectionForm::pickOnMapRequested);
    positioning_ = QGeoPositionInfoSource::createDefaultSource(this);
    deviceButton_->setEnabled(positioning_ != nullptr);
    if (!positioning_)
        deviceButton_->setToolTip(tr("This computer has no positioning source: pick on the map"));
    connect(deviceButton_, &QPushButton::clicked, this, &InspectionForm::usePositionSource);
    connect(save_, &QPushButton::clicked, this, &InspectionForm::saveRequested);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Date"), date_);
    form->addRow(tr("Inspector"), inspector_);
    form->addRow(measures_);
    form->addRow(tr("Findings"), findings_);
    form->addRow(tr("Outcome"), outcome_);
    // A row of its own: the dock is narrow on a laptop.
    form->addRow(tr("Fix by"), fixBy_);
    form->addRow(tr("Notes"), notes_);
    auto* photoButtons = new QHBoxLayout;
    photoButtons->addWidget(addPhoto);
    photoButtons->addWidget(removePhoto);
    photoButtons->addStretch();
    auto* photoBox = new QVBoxLayout;
    photoBox->addWidget(photoList_);
    photoBox->addLayout(photoButtons);
    form->addRow(tr("Photos"), photoBox);
    auto* positionButtons = new QHBoxLayout;
    positionButtons->addWidget(pick);
    positionButtons->addWidget(deviceButton_);
    positionButtons->addStretch();
    auto* positionBox = new QVBoxLayout;
    positionBox->addWidget(positionLabel_);
    positionBox->addLayout(positionButtons);
    form->addRow(tr("Position"), positionBox);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title_);
    layout->addLayout(form);
    layout->addWidget(save_, 0, Qt::AlignRight);
    clearSite();
}

void InspectionForm::clearSite() {
    siteId_.clear();
    title_->setText(tr("Choose a stop of the route to record its inspection."));
    measures_->setRowCount(0);
    measureIds_.clear();
    photos_.clear();
    keptPhotos_.clear();
    editing_.reset();
    photoList_->clear();
    position_.reset();
    positionSource_ = PositionSource::None;
    updatePositionLabel();
    for (QWidget* w : findChildren<QWidget*>())
        if (w != title_)
            w->setEnabled(false);
}

void InspectionForm::startNew(const Factory& site, const CriteriaSet* criteria) {
    clearSite();
    for (QWidget* w : findChildren<QWidget*>())
        w->setEnabled(true);
    deviceButton_->setEnabled(positioning_ != nullptr);
    siteId_ = site.id;
    title_->setText(
        tr("New inspection: %1 (%2)")
            .arg(QString::fromStdString(site.name),
                 QString::fromStdString(site.taxCode.empty() ? site.id : site.taxCode)));
    shownDate_ = QDate();
    date_->setMaximumDate(toQDate(today()));
    date_->setDate(toQDate(today()));
    fixBy_->setDate(toQDate(today()).addDays(14));
    shownDate_ = date_->date();
    findings_->clear();
    notes_->clear();
    outcome_->setCurrentIndex(0);
    fixBy_->setEnabled(false);
    if (criteria) {
        const Language language = uiLanguage();
        for (const MeasureCheck& m : measuresToCheck(*criteria)) {
            const int row = measures_->rowCount();
            measures_->insertRow(row);
            auto* label = new QTableWidgetItem(
                QString::fromStdString(indexLabelById(criteria, m.indexId, language)));
            label->setFlags(Qt::ItemIsEnabled);
            measures_->setItem(row, 0, label);
            auto* found = new QComboBox(measures_);
            found->addItem(tr("not checked"));
            found->addItem(tr("in place"));
            found->addItem(tr("missing"));
            measures_->setCellWidget(row, 1, found);
            measureIds_.push_back(m.indexId);
        }
        // Cell widgets do not count in ResizeToContents: the choice column as wide as its box.
        if (measures_->rowCount() > 0)
            measures_->setColumnWidth(1, measures_->cellWidget(0, 1)->sizeHint().width());
        measures_->resizeRowsToContents();
    }
    // As tall as its rows: the space below is the form's, not an empty table's.
    int height = measures_->horizontalHeader()->height() + 2 * measures_->frameWidth();
    for (int row = 0; row < measures_->rowCount(); ++row)
        height += measures_->rowHeight(row);
    measures_->setFixedHeight(height);
}

InspectionDraft InspectionForm::draft() const {
    InspectionDraft d;
    InspectionRecord& r = d.record;
    r.siteId = siteId_;
    r.date = fromQDate(date_->date());
    r.inspector = inspector_->text().trimmed().toStdString();
    for (int row = 0; row < static_cast<int>(measureIds_.size()); ++row) {
        MeasureCheck m{measureIds_[static_cast<std::size_t>(row)], std::nullopt};
        if (auto* box = qobject_cast<QComboBox*>(measures_->cellWidget(row, 1)))
            if (box->currentIndex() > 0)
                m.implemented = box->currentIndex() == 1;
        r.measures.push_back(std::move(m));
    }
    r.findings = findings_->toPlainText().trimmed().toStdString();
    r.outcome = outcomeFromCode(outcome_->currentData().toString().toStdString())
                    .value_or(InspectionOutcome::Keep);
    if (r.outcome == InspectionOutcome::Fix)
        r.fixBy = fromQDate(fixBy_->date());
    r.notes = notes_->toPlainText().trimmed().toStdString();
    r.position = position_;
    r.positionSource = position_ ? positionSource_ : PositionSource::None;
    if (editing_) {
        // A new version of the stored record: its id, and the stored photos still listed.
        r.recordId = editing_->recordId;
        r.photos = keptPhotos_;
    }
    for (const Photo& p : photos_) {
        r.photos.push_back(p.info);
        d.newPhotos.push_back(p);
    }
    return d;
}

void InspectionForm::startEdit(const Factory& site, const CriteriaSet* criteria,
                               const InspectionRecord& stored) {
    startNew(site, criteria);
    editing_ = stored;
    title_->setText(tr("Correcting the inspection of %1 on %2")
                        .arg(QString::fromStdString(site.name), uiDate(stored.date)));
    shownDate_ = QDate();
    date_->setDate(toQDate(stored.date));
    inspector_->setText(QString::fromStdString(stored.inspector));
    for (std::size_t row = 0; row < measureIds_.size(); ++row)
        for (const MeasureCheck& m : stored.measures)
            if (m.indexId == measureIds_[row] && m.implemented)
                if (auto* box =
                        qobject_cast<QComboBox*>(measures_->cellWidget(static_cast<int>(row), 1)))
                    box->setCurrentIndex(*m.implemented ? 1 : 2);
    findings_->setPlainText(QString::fromStdString(stored.findings));
    const int outcome = outcome_->findData(
        QString::fromUtf8(outcomeCode(stored.outcome).data(),
                          static_cast<qsizetype>(outcomeCode(stored.outcome).size())));
    outcome_->setCurrentIndex(std::max(0, outcome));
    if (stored.fixBy)
        fixBy_->setDate(toQDate(*stored.fixBy));
    shownDate_ = date_->date();
    notes_->setPlainText(QString::fromStdString(stored.notes));
    keptPhotos_ = stored.photos;
    for (const PhotoInfo& p : stored.photos)
        photoList_->addItem(tr("%1 (%2 kB)")
                                .arg(QString::fromStdString(p.fileName))
                                .arg(QLocale().toString((p.bytes + 1023) / 1024)));
    if (stored.position)
        setPosition(*stored.position, stored.positionSource);
}

void InspectionForm::setPosition(GeoPoint where, PositionSource source) {
    position_ = where;
    positionSource_ = source;
    updatePositionLabel();
}

bool InspectionForm::addPhotoFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || f.size() > kMaxPhotoBytes) {
        QMessageBox::warning(this, tr("Photo not attached"),
                             tr("%1 cannot be read or is larger than 25 MB.").arg(path));
        return false;
    }
    const QByteArray bytes = f.readAll();
    auto photo = photoFromBytes(QFileInfo(path).fileName().toStdString(),
                                std::vector<std::uint8_t>(bytes.begin(), bytes.end()));
    if (!photo) {
        QMessageBox::warning(this, tr("Photo not attached"),
                             tr("%1 is not a JPEG, PNG or WebP image.").arg(path));
        return false;
    }
    photoList_->addItem(tr("%1 (%2 kB)")
                            .arg(QFileInfo(path).fileName())
                            .arg(QLocale().toString((bytes.size() + 1023) / 1024)));
    photos_.push_back(std::move(*photo));
    return true;
}

void InspectionForm::usePositionSource() {
    if (!positioning_)
        return;
    connect(
        positioning_, &QGeoPositionInfoSource::positionUpdated, this,
        [this](const QGeoPositionInfo& info) {
            const auto c = info.coordinate();
            if (c.isValid())
                setPosition({c.longitude(), c.latitude()}, PositionSource::Device);
        },
        Qt::SingleShotConnection);
    positioning_->requestUpdate(10000);
}

void InspectionForm::updatePositionLabel() {
    if (!position_) {
        positionLabel_->setText(tr("Not recorded"));
        return;
    }
    const QString how =
        positionSource_ == PositionSource::Device ? tr("from the device") : tr("picked on the map");
    positionLabel_->setText(tr("%1°, %2° (%3)")
                                .arg(QLocale().toString(position_->lon, 'f', 5),
                                     QLocale().toString(position_->lat, 'f', 5), how));
}

}  // namespace safemap
