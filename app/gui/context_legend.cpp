#include "app/gui/context_legend.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QVBoxLayout>

#include "app/gui/retranslate.h"

namespace safemap {

namespace {

// A swatch in the layer's own colours: a line, an outlined area or a dot.
QPixmap swatch(const LayerRender& layer) {
    QPixmap pm(28, 18);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const CategoryStyle& cs = layer.style.forCategory(0);
    const FeatureGeometry& g = *layer.data->geometry;
    if (g.isPoints) {
        p.setPen(QPen(cs.stroke, layer.style.strokeWidth));
        p.setBrush(cs.fill);
        const double r = layer.style.pointSize / 2;
        p.drawEllipse(QPointF(14, 9), r, r);
    } else if (g.isLines) {
        QPen pen(cs.stroke, std::max(1.0, layer.style.strokeWidth));
        pen.setCapStyle(Qt::RoundCap);
        p.setPen(pen);
        p.drawLine(QPointF(3, 13), QPointF(25, 5));
    } else {
        p.setPen(QPen(cs.stroke, std::max(1.0, layer.style.strokeWidth)));
        p.setBrush(cs.fill);
        p.drawRect(QRectF(3.5, 2.5, 21, 13));
    }
    return pm;
}

}  // namespace

bool isContextLayerId(const std::string& id) {
    return id.starts_with("context-");
}

ContextLegend::ContextLegend(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("contextLegend"));
    auto* box =
        translated(new QGroupBox(this), "safemap::ContextLegend", QT_TR_NOOP("Context layers"));
    grid_ = new QGridLayout(box);
    grid_->setColumnStretch(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(box);
    hide();
}

void ContextLegend::setLayers(const std::vector<LayerRender>& layers) {
    QStringList titles;
    std::vector<const LayerRender*> shown;
    for (auto it = layers.rbegin(); it != layers.rend(); ++it)
        if (it->visible && it->data && isContextLayerId(it->data->id)) {
            shown.push_back(&*it);
            titles << QString::fromStdString(it->data->title);
        }
    std::vector<LayerStyle> styles;
    for (const LayerRender* l : shown)
        styles.push_back(l->style);
    if (titles == titles_ && styles == styles_)
        return;
    titles_ = titles;
    styles_ = std::move(styles);
    while (QLayoutItem* item = grid_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    int row = 0;
    for (const LayerRender* l : shown) {
        auto* icon = new QLabel;
        icon->setPixmap(swatch(*l));
        grid_->addWidget(icon, row, 0);
        auto* title = new QLabel(QString::fromStdString(l->data->title));
        title->setWordWrap(true);
        grid_->addWidget(title, row, 1);
        ++row;
    }
    setVisible(!shown.empty());
}

QStringList ContextLegend::titles() const {
    return titles_;
}

}  // namespace safemap
