#pragma once

#include <QWidget>
#include <optional>
#include <vector>

#include "core/util/date.h"

class QDateEdit;
class QLabel;
class QSlider;
class QToolButton;

namespace safemap {

/// \brief The "as of" control: a slider over the dates the project holds data for, a date
/// field for any other day, and "Latest" to follow the newest data again. The map, the
/// legend counts and both lists show the project as it stood at the end of that day.
class AsOfBar : public QWidget {
    Q_OBJECT
public:
    explicit AsOfBar(QWidget* parent = nullptr);

    /// The dates with assessments or inspections, oldest first (the slider's stops).
    void setDates(std::vector<Date> dates);
    /// Shows the date the current frame is for; `chosen` false when it is the default
    /// (the newest data), so "Latest" is checked.
    void showAsOf(Date asOf, bool chosen);
    /// Chooses a date as the user would (empty: the newest data).
    void choose(std::optional<Date> asOf);
    QSlider* slider() const { return slider_; }
    QDateEdit* dateEdit() const { return dateEdit_; }

signals:
    /// Empty: the newest data.
    void asOfChanged(std::optional<Date> asOf);

private:
    void sliderMoved(int position);

    std::vector<Date> dates_;
    QSlider* slider_;
    QDateEdit* dateEdit_;
    QToolButton* latest_;
    QLabel* label_;
    bool updating_ = false;
};

}  // namespace safemap
