#pragma once

#include <QDialog>

#include "core/rules/rule_settings.h"

class QCheckBox;
class QDoubleSpinBox;
class QSpinBox;

namespace safemap {

/// \brief Edits the thresholds of the inspection and suspension rules (docs/rules.md); the
/// window saves them in the project, where `safemap list` and reports read them too.
class RuleSettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit RuleSettingsDialog(const RuleSettings& rules, QWidget* parent = nullptr);
    /// The thresholds as edited (asOf as given to the constructor).
    RuleSettings rules() const;
    void setRules(const RuleSettings& rules);

private:
    RuleSettings base_;
    QSpinBox* suspendDays_;
    QSpinBox* largeWorkforce_;
    QDoubleSpinBox* mediumIndex_;
    QSpinBox* staleDays_;
    QDoubleSpinBox* riseThreshold_;
    QCheckBox* neverInspected_;
};

}  // namespace safemap
