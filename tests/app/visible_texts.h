#pragma once
// Every text a user can read in a window: each visible widget's own text, window title,
// tooltip, placeholder, combo-box items, spin-box prefix and suffix, item-view headers and
// cells, the status bar's message and the texts of the actions a widget shows (tool buttons,
// menu bars). Used by the tests that check
// that a Vietnamese window shows no English.

#include <QAbstractButton>
#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSpinBox>
#include <QStatusBar>
#include <QString>
#include <QTabBar>
#include <QTableView>
#include <QTextDocument>
#include <QToolButton>
#include <QTreeView>
#include <QWidget>
#include <algorithm>
#include <vector>

namespace safemap::test {

/// A text and where it was seen, for the message of a failing check.
struct SeenText {
    QString text;   ///< as a user reads it: mnemonic '&' removed, rich text as plain text
    QString where;  ///< e.g. "QLabel 'nameLabel' text"
};

/// `text` as read: "&Open" is "Open", "&&" is "&"; HTML is its plain text.
inline QString readable(const QString& text) {
    QString plain = text;
    if (Qt::mightBeRichText(plain)) {  // no mnemonics in rich text: "&amp;" is an '&'
        QTextDocument doc;
        doc.setHtml(plain);
        return doc.toPlainText().trimmed();
    }
    QString out;
    for (qsizetype i = 0; i < plain.size(); ++i) {
        if (plain[i] == QLatin1Char('&') && i + 1 < plain.size()) {
            ++i;  // the next character is the one shown ("&&" shows one '&')
        }
        out += plain[i];
    }
    return out.trimmed();
}

namespace detail {

inline void add(std::vector<SeenText>& out, const QObject* o, const char* what,
                const QString& text) {
    const QString r = readable(text);
    if (r.isEmpty())
        return;
    out.push_back({r, QString::fromLatin1(o->metaObject()->className()) + QStringLiteral(" '") +
                          o->objectName() + QStringLiteral("' ") + QString::fromLatin1(what)});
}

inline void addHeaders(std::vector<SeenText>& out, const QHeaderView* header) {
    const QAbstractItemModel* model = header->model();
    if (model == nullptr || header->isHidden())
        return;
    const int n =
        header->orientation() == Qt::Horizontal ? model->columnCount() : model->rowCount();
    for (int i = 0; i < n; ++i)
        if (!header->isSectionHidden(i))
            add(out, header, "header",
                model->headerData(i, header->orientation(), Qt::DisplayRole).toString());
}

inline void addActions(std::vector<SeenText>& out, const QWidget* w) {
    for (const QAction* a : w->actions()) {
        if (!a->isVisible() || a->isSeparator())
            continue;
        add(out, w, "action", a->text());
        add(out, w, "action tooltip", a->toolTip());
        if (a->menu() != nullptr)
            addActions(out, a->menu());
    }
}

// The cells of a view (display text and tooltip), the first `maxRows` rows of each level:
// lists and the facility record hold reasons, levels and labels as well as data.
inline void addCells(std::vector<SeenText>& out, const QAbstractItemView* view,
                     const QModelIndex& parent = {}, int maxRows = 60, int depth = 0) {
    const QAbstractItemModel* model = view->model();
    if (model == nullptr || depth > 3)
        return;
    const int rows = std::min(model->rowCount(parent), maxRows);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < model->columnCount(parent); ++c) {
            const QModelIndex i = model->index(r, c, parent);
            add(out, view, "cell", i.data(Qt::DisplayRole).toString());
            add(out, view, "cell tooltip", i.data(Qt::ToolTipRole).toString());
            if (c == 0 && model->hasChildren(i))
                addCells(out, view, i, maxRows, depth + 1);
        }
    }
}

}  // namespace detail

/// The texts of `root` and its visible descendants. With `withMenus`, the actions of menu
/// bars and menus are included too (they are visible once opened); with `withCells`, the
/// cells of item views (lists, the record, a file dialog's files).
inline std::vector<SeenText> visibleTexts(QWidget* root, bool withMenus = true,
                                          bool withCells = true) {
    std::vector<SeenText> out;
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    detail::add(out, root, "window title", root->windowTitle());
    for (QWidget* w : widgets) {
        if (w != root && !w->isVisibleTo(root) && !qobject_cast<QMenu*>(w))
            continue;
        if (qobject_cast<QMenu*>(w) != nullptr && !withMenus)
            continue;
        if (w->isWindow() && w != root)
            detail::add(out, w, "window title", w->windowTitle());
        detail::add(out, w, "tooltip", w->toolTip());
        if (auto* l = qobject_cast<QLabel*>(w))
            detail::add(out, w, "text", l->text());
        if (auto* b = qobject_cast<QAbstractButton*>(w))
            detail::add(out, w, "text", b->text());
        if (auto* g = qobject_cast<QGroupBox*>(w))
            detail::add(out, w, "title", g->title());
        if (auto* e = qobject_cast<QLineEdit*>(w))
            detail::add(out, w, "placeholder", e->placeholderText());
        if (auto* c = qobject_cast<QComboBox*>(w)) {
            for (int i = 0; i < c->count(); ++i)
                detail::add(out, w, "item", c->itemText(i));
            if (c->lineEdit() != nullptr)
                detail::add(out, w, "placeholder", c->lineEdit()->placeholderText());
            detail::add(out, w, "placeholder", c->placeholderText());
        }
        if (auto* s = qobject_cast<QSpinBox*>(w)) {
            detail::add(out, w, "prefix", s->prefix());
            detail::add(out, w, "suffix", s->suffix());
            detail::add(out, w, "special value", s->specialValueText());
        }
        if (auto* s = qobject_cast<QDoubleSpinBox*>(w)) {
            detail::add(out, w, "prefix", s->prefix());
            detail::add(out, w, "suffix", s->suffix());
            detail::add(out, w, "special value", s->specialValueText());
        }
        if (auto* t = qobject_cast<QTabBar*>(w))
            for (int i = 0; i < t->count(); ++i)
                detail::add(out, w, "tab", t->tabText(i));
        if (auto* h = qobject_cast<QHeaderView*>(w))
            detail::addHeaders(out, h);
        if (auto* v = qobject_cast<QAbstractItemView*>(w); v != nullptr && withCells)
            detail::addCells(out, v);
        if (auto* bar = qobject_cast<QStatusBar*>(w))
            detail::add(out, w, "message", bar->currentMessage());
        if (qobject_cast<QMenuBar*>(w) != nullptr || qobject_cast<QToolButton*>(w) != nullptr ||
            (withMenus && qobject_cast<QMenu*>(w) != nullptr))
            detail::addActions(out, w);
    }
    return out;
}

}  // namespace safemap::test
