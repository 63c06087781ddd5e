#include "app/gui/layer_panel.h"

#include <QAction>
#include <QListWidget>
#include <QVBoxLayout>

#include "app/gui/retranslate.h"

namespace safemap {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
}

LayerPanel::LayerPanel(QWidget* parent) : QWidget(parent), list_(new QListWidget(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(list_);
    list_->setObjectName(QStringLiteral("layerList"));
    list_->setDragDropMode(QAbstractItemView::InternalMove);
    list_->setDefaultDropAction(Qt::MoveAction);
    list_->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(list_, &QListWidget::itemChanged, this, [this] {
        if (!updating_)
            emit entriesChanged();
    });
    // A drag-and-drop reorder arrives as rowsMoved on the model.
    connect(list_->model(), &QAbstractItemModel::rowsMoved, this, [this] {
        if (!updating_)
            emit entriesChanged();
    });
    connect(list_, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        emit currentLayerChanged(item ? item->data(kIdRole).toString() : QString());
    });
    auto* up = translated(new QAction(this), "safemap::LayerPanel", QT_TR_NOOP("Move layer up"));
    up->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    up->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(up, &QAction::triggered, this, [this] { moveCurrent(-1); });
    auto* down =
        translated(new QAction(this), "safemap::LayerPanel", QT_TR_NOOP("Move layer down"));
    down->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    down->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(down, &QAction::triggered, this, [this] { moveCurrent(1); });
    addAction(up);
    addAction(down);
    list_->addAction(up);
    list_->addAction(down);
    list_->setContextMenuPolicy(Qt::ActionsContextMenu);
}

void LayerPanel::setEntries(const QList<LayerEntry>& entries) {
    updating_ = true;
    const QString current = currentLayerId();
    list_->clear();
    for (const auto& e : entries) {
        auto* item = new QListWidgetItem(e.title, list_);
        item->setData(kIdRole, e.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable |
                       Qt::ItemIsDragEnabled);
        item->setCheckState(e.visible ? Qt::Checked : Qt::Unchecked);
        if (e.id == current)
            list_->setCurrentItem(item);
    }
    updating_ = false;
}

QList<LayerEntry> LayerPanel::entries() const {
    QList<LayerEntry> out;
    for (int i = 0; i < list_->count(); ++i) {
        const auto* item = list_->item(i);
        out.append(
            {item->data(kIdRole).toString(), item->text(), item->checkState() == Qt::Checked});
    }
    return out;
}

void LayerPanel::addListAction(QAction* action) {
    list_->addAction(action);
}

QString LayerPanel::currentLayerId() const {
    const auto* item = list_->currentItem();
    return item ? item->data(kIdRole).toString() : QString();
}

void LayerPanel::moveCurrent(int delta) {
    const int row = list_->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= list_->count())
        return;
    updating_ = true;
    QListWidgetItem* item = list_->takeItem(row);
    list_->insertItem(target, item);
    list_->setCurrentItem(item);
    updating_ = false;
    emit entriesChanged();
}

}  // namespace safemap
