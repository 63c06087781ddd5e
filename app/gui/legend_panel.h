#pragma once

#include <QWidget>
#include <array>
#include <optional>

#include "core/criteria/risk_level.h"
#include "core/project/project_settings.h"
#include "core/project/project_status.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QVBoxLayout;

namespace safemap {

/// \brief Legend of the risk map with the counts per level, and the symbology choices; it
/// scrolls when the dock is short.
class LegendPanel : public QWidget {
    Q_OBJECT
public:
    explicit LegendPanel(QWidget* parent = nullptr);

    /// Counts facilities per level (and unassessed, stale, to suspend, due for inspection and
    /// this week's share of them) from the status.
    void setStatus(const ProjectStatus& status);
    void setChoice(const MapStyleChoice& choice);
    MapStyleChoice choice() const;
    /// "very high risk: 18" lines as shown (tests read them).
    QStringList lines() const;
    /// Adds a section (the context layers' legend) below the symbology choices.
    void addSection(QWidget* section);

signals:
    void choiceChanged(const safemap::MapStyleChoice& choice);

private:
    std::array<QLabel*, kRiskLevelCount + 1> countLabels_{};
    QLabel* extraLabel_;
    QComboBox* zoneMode_;
    QCheckBox* sizeByWorkforce_;
    QCheckBox* zoneLabels_;
    QCheckBox* facilityLabels_;
    QVBoxLayout* sections_ = nullptr;
    bool updating_ = false;
};

}  // namespace safemap
