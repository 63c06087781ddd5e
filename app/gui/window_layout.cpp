#include "app/gui/window_layout.h"

#include <QAction>
#include <QDockWidget>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLayout>
#include <QMainWindow>
#include <QScreen>
#include <QTabBar>
#include <QTableView>
#include <algorithm>

#include "app/gui/retranslate.h"

namespace safemap {

QSize roomOnScreen(QSize screen) {
    return screen - kWindowDecorations;
}

void useCompactRows(QTableView& table) {
    QHeaderView* rows = table.verticalHeader();
    const int height = table.fontMetrics().height() + 4;
    rows->setMinimumSectionSize(height);
    rows->setDefaultSectionSize(height);
}

int dockHeightForRows(const QDockWidget& dock, const QTableView& table, int rows) {
    const int tableRows = table.verticalHeader()->defaultSectionSize() * rows;
    const int header =
        table.horizontalHeader()->isVisible() ? table.horizontalHeader()->sizeHint().height() : 0;
    // Whatever the dock's widget puts around the table (a count, an export button): its size
    // hint less the table's own.
    const QWidget* content = dock.widget();
    const int around =
        content ? std::max(0, content->sizeHint().height() - table.sizeHint().height()) : 0;
    const int frame = 2 * table.frameWidth();
    return tableRows + header + around + frame;
}

void placeDocksForFirstStart(QMainWindow& window, QDockWidget* record, int recordWidth,
                             QDockWidget* lists, const QTableView& table) {
    // On a small screen the map keeps more: the record at most 30 % of the width, the lists
    // 40 % of the height (half from 900 px up, where 15 rows fit in it).
    if (record)
        window.resizeDocks({record}, {std::min(recordWidth, window.width() * 3 / 10)},
                           Qt::Horizontal);
    if (!lists)
        return;
    const int cap = window.height() >= 900 ? window.height() / 2 : window.height() * 2 / 5;
    const int wanted = std::min(dockHeightForRows(*lists, table, kDefaultListRows), cap);
    window.resizeDocks({lists}, {wanted}, Qt::Vertical);
    if (!window.isVisible() || !window.layout())
        return;
    // Shown, the window can say what the estimate missed (the dock's title, the tabs of the
    // lists, the style's margins): one correction by what the table actually got.
    window.layout()->activate();
    const int need = table.verticalHeader()->defaultSectionSize() * kDefaultListRows;
    const int shown = table.viewport()->height();
    if (shown < need)
        window.resizeDocks({lists}, {std::min(wanted + need - shown, cap)}, Qt::Vertical);
}

void fitToScreen(QWidget& window) {
    const QScreen* screen = window.screen() ? window.screen() : QGuiApplication::primaryScreen();
    if (!screen)
        return;
    const QSize room = screen->availableSize() - QSize(kWindowDecorations.width(), 40);
    const QSize size = window.size().boundedTo(room);
    if (size != window.size())
        window.resize(size);
}

ListsMode::ListsMode(QMainWindow& window, QWidget& map, QList<QDockWidget*> lists,
                     QList<QDockWidget*> keep)
    : QObject(&window),
      window_(window),
      map_(map),
      lists_(std::move(lists)),
      keep_(std::move(keep)),
      action_(translated(new QAction(this), "safemap::ListsMode",
                         QT_TR_NOOP("&Lists at full height"))) {
    action_->setObjectName(QStringLiteral("listsModeAction"));
    action_->setCheckable(true);
    action_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    translatedAs(action_, TextRole::ToolTip, "safemap::ListsMode",
                 QT_TR_NOOP("The action lists take the whole height of the window (the map "
                            "steps aside); again to bring the map back"));
    connect(action_, &QAction::toggled, this, &ListsMode::setOn);
}

void ListsMode::setOn(bool on) {
    if (on == on_)
        return;
    on_ = on;
    action_->setChecked(on);
    if (on) {
        saved_ = window_.saveState();
        savedCorners_ = {window_.corner(Qt::TopRightCorner), window_.corner(Qt::BottomRightCorner)};
        // The record keeps the right side from top to bottom; the lists fill the rest.
        window_.setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
        window_.setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
        for (QDockWidget* dock : window_.findChildren<QDockWidget*>()) {
            if (dock->isFloating() || lists_.contains(dock) || keep_.contains(dock))
                continue;
            dock->hide();
        }
        map_.hide();
        for (QDockWidget* dock : lists_)
            dock->show();
        if (!lists_.isEmpty())
            lists_.front()->raise();
        return;
    }
    window_.setCorner(Qt::TopRightCorner, savedCorners_.first);
    window_.setCorner(Qt::BottomRightCorner, savedCorners_.second);
    map_.show();
    window_.restoreState(saved_);
}

}  // namespace safemap
