#include "app/gui/retranslate.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolBar>
#include <QTreeWidget>
#include <QVariant>
#include <array>
#include <utility>

namespace safemap {

namespace {

// Dynamic properties: the text's context and source (bytes, as lupdate saw them) and what
// follows the translation (e.g. "\tF1"), one set per TextRole; the Text role keeps the
// names it had before the other roles existed.
struct RoleKeys {
    const char* context;
    const char* source;
    const char* suffix;
};
constexpr std::array<RoleKeys, 5> kKeys = {{
    {"safemap_tr_context", "safemap_tr_source", "safemap_tr_suffix"},
    {"safemap_tr_context_tip", "safemap_tr_source_tip", "safemap_tr_suffix_tip"},
    {"safemap_tr_context_placeholder", "safemap_tr_source_placeholder",
     "safemap_tr_suffix_placeholder"},
    {"safemap_tr_context_unit", "safemap_tr_source_unit", "safemap_tr_suffix_unit"},
    {"safemap_tr_context_special", "safemap_tr_source_special", "safemap_tr_suffix_special"},
}};
constexpr std::array<TextRole, 5> kRoles = {TextRole::Text, TextRole::ToolTip,
                                            TextRole::Placeholder, TextRole::Suffix,
                                            TextRole::SpecialValue};

const RoleKeys& keys(TextRole role) {
    return kKeys.at(static_cast<size_t>(role));
}

// A combo item's context and source, and a header's, kept beside the text they make.
constexpr int kItemContextRole = Qt::UserRole + 0x5a1;
constexpr int kItemSourceRole = Qt::UserRole + 0x5a2;
constexpr const char* kHeaderContext = "safemap_tr_header_context";
constexpr const char* kHeaderSources = "safemap_tr_header_sources";

void applyText(QObject* object, const QString& text) {
    if (auto* action = qobject_cast<QAction*>(object))
        action->setText(text);
    else if (auto* menu = qobject_cast<QMenu*>(object))
        menu->setTitle(text);  // before QWidget: a menu's title is not its window title
    else if (auto* button = qobject_cast<QAbstractButton*>(object))
        button->setText(text);
    else if (auto* label = qobject_cast<QLabel*>(object))
        label->setText(text);
    else if (auto* group = qobject_cast<QGroupBox*>(object))
        group->setTitle(text);
    else if (auto* widget = qobject_cast<QWidget*>(object))
        widget->setWindowTitle(text);  // docks, toolbars, dialogs
}

void apply(QObject* object, TextRole role, const QString& text) {
    switch (role) {
        case TextRole::Text:
            applyText(object, text);
            break;
        case TextRole::ToolTip:
            if (auto* action = qobject_cast<QAction*>(object))
                action->setToolTip(text);
            else if (auto* widget = qobject_cast<QWidget*>(object))
                widget->setToolTip(text);
            break;
        case TextRole::Placeholder:
            if (auto* edit = qobject_cast<QLineEdit*>(object))
                edit->setPlaceholderText(text);
            else if (auto* combo = qobject_cast<QComboBox*>(object))
                combo->setPlaceholderText(text);
            break;
        case TextRole::Suffix:
            if (auto* spin = qobject_cast<QSpinBox*>(object))
                spin->setSuffix(text);
            else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(object))
                dspin->setSuffix(text);
            break;
        case TextRole::SpecialValue:
            if (auto* spin = qobject_cast<QAbstractSpinBox*>(object))
                spin->setSpecialValueText(text);
            break;
    }
}

QString translation(const QObject* object, TextRole role) {
    const RoleKeys& k = keys(role);
    const QByteArray context = object->property(k.context).toByteArray();
    const QByteArray source = object->property(k.source).toByteArray();
    return QCoreApplication::translate(context.constData(), source.constData()) +
           object->property(k.suffix).toString();
}

QString translate(const QVariant& context, const QVariant& source) {
    return QCoreApplication::translate(context.toByteArray().constData(),
                                       source.toByteArray().constData());
}

void applyHeaders(QObject* view) {
    const QVariant context = view->property(kHeaderContext);
    QStringList labels;
    for (const QVariant& source : view->property(kHeaderSources).toList())
        labels << translate(context, source);
    if (auto* tree = qobject_cast<QTreeWidget*>(view))
        tree->setHeaderLabels(labels);
    else if (auto* table = qobject_cast<QTableWidget*>(view))
        table->setHorizontalHeaderLabels(labels);
}

int retranslateItems(QComboBox* combo) {
    int n = 0;
    for (int i = 0; i < combo->count(); ++i) {
        const QVariant source = combo->itemData(i, kItemSourceRole);
        if (!source.isValid())
            continue;
        combo->setItemText(i, translate(combo->itemData(i, kItemContextRole), source));
        ++n;
    }
    return n;
}

// Calls a function on the LanguageChange events of the object it filters.
class LanguageWatcher : public QObject {
public:
    LanguageWatcher(QObject* watched, std::function<void()> reword)
        : QObject(watched), reword_(std::move(reword)) {
        watched->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::LanguageChange && watched == parent())
            reword_();
        return false;
    }

private:
    std::function<void()> reword_;
};

}  // namespace

QObject* setTranslatedRole(QObject* object, TextRole role, const char* context, const char* source,
                           const QString& suffix) {
    const RoleKeys& k = keys(role);
    object->setProperty(k.context, QByteArray(context));
    object->setProperty(k.source, QByteArray(source));
    object->setProperty(k.suffix, suffix);
    apply(object, role, translation(object, role));
    return object;
}

QObject* setTranslatedText(QObject* object, const char* context, const char* source,
                           const QString& suffix) {
    return setTranslatedRole(object, TextRole::Text, context, source, suffix);
}

void addTranslatedItem(QComboBox* combo, const char* context, const char* source,
                       const QVariant& data) {
    combo->addItem(QCoreApplication::translate(context, source), data);
    const int i = combo->count() - 1;
    combo->setItemData(i, QByteArray(context), kItemContextRole);
    combo->setItemData(i, QByteArray(source), kItemSourceRole);
}

void setTranslatedHeaders(QObject* view, const char* context,
                          std::initializer_list<const char*> sources) {
    QVariantList list;
    for (const char* source : sources)
        list << QByteArray(source);
    view->setProperty(kHeaderContext, QByteArray(context));
    view->setProperty(kHeaderSources, list);
    applyHeaders(view);
}

void onLanguageChange(QObject* widget, std::function<void()> reword) {
    new LanguageWatcher(widget, std::move(reword));
}

int retranslateTexts(QObject* root) {
    int n = 0;
    QList<QObject*> objects = root->findChildren<QObject*>();
    objects.prepend(root);
    for (QObject* object : objects) {
        for (TextRole role : kRoles) {
            if (!object->property(keys(role).source).isValid())
                continue;
            apply(object, role, translation(object, role));
            ++n;
        }
        if (object->property(kHeaderSources).isValid()) {
            applyHeaders(object);
            ++n;
        }
        if (auto* combo = qobject_cast<QComboBox*>(object))
            n += retranslateItems(combo);
    }
    return n;
}

}  // namespace safemap
