#include "app/gui/as_of_bar.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QToolButton>
#include <algorithm>

#include "app/gui/retranslate.h"

namespace safemap {

namespace {

QDate toQDate(const Date& d) {
    return QDate(static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
                 static_cast<int>(static_cast<unsigned>(d.day())));
}

Date fromQDate(const QDate& d) {
    return Date{std::chrono::year(d.year()), std::chrono::month(static_cast<unsigned>(d.month())),
                std::chrono::day(static_cast<unsigned>(d.day()))};
}

}  // namespace

AsOfBar::AsOfBar(QWidget* parent)
    : QWidget(parent),
      slider_(new QSlider(Qt::Horizontal, this)),
      dateEdit_(new QDateEdit(this)),
      latest_(new QToolButton(this)),
      label_(translated(new QLabel(this), "safemap::AsOfBar", QT_TR_NOOP("As of"))) {
    slider_->setObjectName(QStringLiteral("asOfSlider"));
    dateEdit_->setObjectName(QStringLiteral("asOfDate"));
    latest_->setObjectName(QStringLiteral("asOfLatest"));
    slider_->setMinimumWidth(160);
    slider_->setPageStep(7);
    translatedAs(slider_, TextRole::ToolTip, "safemap::AsOfBar",
                 QT_TR_NOOP("Move back through the dates the project has data for: the map, the "
                            "legend and both lists show the project as it stood at the end of "
                            "that day"));
    dateEdit_->setCalendarPopup(true);
    dateEdit_->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    translated(latest_, "safemap::AsOfBar", QT_TR_NOOP("Latest"));
    latest_->setCheckable(true);
    latest_->setChecked(true);
    translatedAs(latest_, TextRole::ToolTip, "safemap::AsOfBar",
                 QT_TR_NOOP("Follow the newest data"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(label_);
    layout->addWidget(slider_, 1);
    layout->addWidget(dateEdit_);
    layout->addWidget(latest_);
    setEnabled(false);

    connect(slider_, &QSlider::valueChanged, this, &AsOfBar::sliderMoved);
    connect(dateEdit_, &QDateEdit::dateChanged, this, [this](const QDate& d) {
        if (!updating_ && d.isValid())
            choose(fromQDate(d));
    });
    connect(latest_, &QToolButton::clicked, this, [this](bool on) {
        if (on)
            choose(std::nullopt);
        else
            latest_->setChecked(true);  // leave "latest" by choosing a date, not by unticking
    });
}

void AsOfBar::setDates(std::vector<Date> dates) {
    dates_ = std::move(dates);
    updating_ = true;
    slider_->setRange(0, std::max(0, static_cast<int>(dates_.size()) - 1));
    if (!dates_.empty()) {
        dateEdit_->setMinimumDate(toQDate(dates_.front()).addYears(-1));
        dateEdit_->setMaximumDate(toQDate(dates_.back()).addYears(1));
    }
    updating_ = false;
    setEnabled(!dates_.empty());
}

void AsOfBar::showAsOf(Date asOf, bool chosen) {
    updating_ = true;
    if (dates_.empty()) {
        // No assessment or inspection yet: no day to show (the rules' day is then
        // 1 January 1970). The field stays empty rather than showing that date.
        dateEdit_->setSpecialValueText(QStringLiteral(" "));
        dateEdit_->setDate(dateEdit_->minimumDate());
    } else {
        dateEdit_->setSpecialValueText(QString());
        dateEdit_->setDate(toQDate(asOf));
    }
    // The slider sits on the last data date not after asOf.
    auto it = std::upper_bound(dates_.begin(), dates_.end(), asOf);
    slider_->setValue(it == dates_.begin() ? 0 : static_cast<int>(it - dates_.begin()) - 1);
    latest_->setChecked(!chosen);
    updating_ = false;
}

void AsOfBar::choose(std::optional<Date> asOf) {
    if (asOf && !dates_.empty() && *asOf == dates_.back())
        asOf.reset();  // the newest data is "latest", which also follows later imports
    latest_->setChecked(!asOf);
    emit asOfChanged(asOf);
}

void AsOfBar::sliderMoved(int position) {
    if (updating_ || position < 0 || position >= static_cast<int>(dates_.size()))
        return;
    choose(dates_[static_cast<size_t>(position)]);
}

}  // namespace safemap
