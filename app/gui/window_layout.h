#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSize>
#include <utility>

class QAction;
class QDockWidget;
class QMainWindow;
class QTableView;
class QWidget;

namespace safemap {

/// The smallest screen SafeMap is made for (a 13" laptop, a projector).
inline constexpr QSize kSmallestScreen{1280, 720};
/// What a window manager takes around a maximised window on such a screen: a title bar and
/// a task bar (about 80 px together), a few pixels of frame at the sides.
inline constexpr QSize kWindowDecorations{16, 80};
/// The rows the action lists show on a 1600 × 1000 screen when the window opens the first time.
inline constexpr int kDefaultListRows = 15;

/// The room a window has on `screen` once the decorations are taken off.
QSize roomOnScreen(QSize screen);

/// Compact rows for a list table (the font's height and a little air), so the default
/// layout shows kDefaultListRows rows without giving the map up.
void useCompactRows(QTableView& table);

/// The height a dock holding `table` needs to show `rows` rows (title, tabs, the table's own
/// header and the controls around it included).
int dockHeightForRows(const QDockWidget& dock, const QTableView& table, int rows);

/// First-start sizes (no saved window state): the record `recordWidth` wide (at most 30 % of
/// the window), the lists high enough for kDefaultListRows rows but never more than half the
/// window (40 % below 900 px), so the map keeps the rest on a small screen. Exact once the
/// window is shown (it measures what the table got).
void placeDocksForFirstStart(QMainWindow& window, QDockWidget* record, int recordWidth,
                             QDockWidget* lists, const QTableView& table);

/// Keeps a top-level window (a dialog) inside the available area of its screen: a dialog
/// that asks for 1000 × 800 opens at most as large as a 1280 × 720 screen allows.
void fitToScreen(QWidget& window);

/// \brief The lists at full height: the map and the left panels step aside so the action
/// lists take the window's whole height beside the record; turning it off restores the
/// layout as it was (docks, sizes, corners).
class ListsMode : public QObject {
    Q_OBJECT
public:
    /// `map` is the central widget; `lists` the docks of the action lists (the first is
    /// raised); `keep` other docks that stay (the record).
    ListsMode(QMainWindow& window, QWidget& map, QList<QDockWidget*> lists,
              QList<QDockWidget*> keep);

    /// A checkable action (View → Lists at full height) that switches the mode.
    QAction* action() const { return action_; }
    bool isOn() const { return on_; }
    void setOn(bool on);

private:
    QMainWindow& window_;
    QWidget& map_;
    QList<QDockWidget*> lists_;
    QList<QDockWidget*> keep_;
    QAction* action_;
    QByteArray saved_;
    std::pair<Qt::DockWidgetArea, Qt::DockWidgetArea> savedCorners_{Qt::TopDockWidgetArea,
                                                                    Qt::BottomDockWidgetArea};
    bool on_ = false;
};

}  // namespace safemap
