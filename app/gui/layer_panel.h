#pragma once

#include <QList>
#include <QString>
#include <QWidget>

class QAction;
class QListWidget;

namespace safemap {

/// \brief One row of the layer panel.
struct LayerEntry {
    QString id;
    QString title;
    bool visible = true;
};

/// \brief The layer list: tick to show or hide, drag (or Alt+Up/Down) to reorder.
/// The top row is drawn last, on top, as in every desktop GIS.
class LayerPanel : public QWidget {
    Q_OBJECT
public:
    explicit LayerPanel(QWidget* parent = nullptr);

    /// Entries top first.
    void setEntries(const QList<LayerEntry>& entries);
    QList<LayerEntry> entries() const;
    QString currentLayerId() const;
    /// Moves the current layer one row up (towards the top of the drawing order) or down.
    void moveCurrent(int delta);
    /// Adds an action to the list's context menu (after moving up and down).
    void addListAction(QAction* action);

signals:
    void entriesChanged();
    void currentLayerChanged(const QString& id);

private:
    QListWidget* list_;
    bool updating_ = false;
};

}  // namespace safemap
