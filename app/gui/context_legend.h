#pragma once

#include <QWidget>
#include <vector>

#include "gis/render/map_settings.h"

class QGridLayout;

namespace safemap {

/// \brief The legend's "Context layers" section: a swatch drawn with each shown context
/// layer's own style (line, outlined area or dot) and its title. Hidden when none is shown.
class ContextLegend : public QWidget {
    Q_OBJECT
public:
    explicit ContextLegend(QWidget* parent = nullptr);

    /// The map's layers bottom to top; the visible context layers are listed top first.
    void setLayers(const std::vector<LayerRender>& layers);
    /// The titles listed, top first (tests).
    QStringList titles() const;

private:
    QGridLayout* grid_;
    QStringList titles_;
    std::vector<LayerStyle> styles_;
};

/// True for the id of a context layer ("context-…").
bool isContextLayerId(const std::string& id);

}  // namespace safemap
