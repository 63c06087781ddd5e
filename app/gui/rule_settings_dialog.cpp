#include "app/gui/rule_settings_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace safemap {

RuleSettingsDialog::RuleSettingsDialog(const RuleSettings& rules, QWidget* parent)
    : QDialog(parent),
      base_(rules),
      suspendDays_(new QSpinBox(this)),
      largeWorkforce_(new QSpinBox(this)),
      mediumIndex_(new QDoubleSpinBox(this)),
      staleDays_(new QSpinBox(this)),
      riseThreshold_(new QDoubleSpinBox(this)),
      neverInspected_(new QCheckBox(tr("List facilities never inspected"), this)) {
    setWindowTitle(tr("Rule thresholds"));
    setObjectName(QStringLiteral("ruleSettingsDialog"));
    suspendDays_->setObjectName(QStringLiteral("suspendNoAssessmentDays"));
    largeWorkforce_->setObjectName(QStringLiteral("largeWorkforce"));
    mediumIndex_->setObjectName(QStringLiteral("mediumIndexThreshold"));
    staleDays_->setObjectName(QStringLiteral("staleAssessmentDays"));
    riseThreshold_->setObjectName(QStringLiteral("riskRiseThreshold"));
    neverInspected_->setObjectName(QStringLiteral("inspectNeverInspected"));
    suspendDays_->setRange(1, 365);
    suspendDays_->setSuffix(tr(" days"));
    largeWorkforce_->setRange(1, 1000000);
    largeWorkforce_->setSingleStep(100);
    largeWorkforce_->setSuffix(tr(" workers"));
    mediumIndex_->setRange(0, 100);
    mediumIndex_->setDecimals(1);
    mediumIndex_->setSuffix(tr(" points"));
    staleDays_->setRange(1, 365);
    staleDays_->setSuffix(tr(" days"));
    riseThreshold_->setRange(0, 100);
    riseThreshold_->setDecimals(1);
    riseThreshold_->setSuffix(tr(" percentage points"));

    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Thresholds of the lists (see the guide, “Rules”). They are saved "
                                "in the project; the command line and reports use them too."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    form->addRow(tr("To suspend: no assessment within"), suspendDays_);
    form->addRow(tr("Inspect: large facility above"), largeWorkforce_);
    form->addRow(tr("Inspect: medium risk with an index of at least"), mediumIndex_);
    form->addRow(tr("Inspect: assessment older than"), staleDays_);
    form->addRow(tr("Inspect: risk rose by at least"), riseThreshold_);
    form->addRow(QString(), neverInspected_);
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] {
                RuleSettings defaults;
                defaults.asOf = base_.asOf;
                setRules(defaults);
            });
    setRules(rules);
}

void RuleSettingsDialog::setRules(const RuleSettings& r) {
    suspendDays_->setValue(r.suspendNoAssessmentDays);
    largeWorkforce_->setValue(r.largeWorkforce);
    mediumIndex_->setValue(r.mediumIndexThreshold);
    staleDays_->setValue(r.staleAssessmentDays);
    riseThreshold_->setValue(r.riskRiseThreshold);
    neverInspected_->setChecked(r.inspectNeverInspected);
}

RuleSettings RuleSettingsDialog::rules() const {
    RuleSettings r = base_;
    r.suspendNoAssessmentDays = suspendDays_->value();
    r.largeWorkforce = largeWorkforce_->value();
    r.mediumIndexThreshold = mediumIndex_->value();
    r.staleAssessmentDays = staleDays_->value();
    r.riskRiseThreshold = riseThreshold_->value();
    r.inspectNeverInspected = neverInspected_->isChecked();
    return r;
}

}  // namespace safemap
