#include "app/gui/retranslate.h"

#include <QAbstractButton>
#include <QAction>
#include <QDockWidget>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QToolBar>
#include <QVariant>

namespace safemap {

namespace {

// Dynamic properties: the text's context and source (bytes, as lupdate saw them) and what
// follows the translation (e.g. "\tF1").
constexpr const char* kContext = "safemap_tr_context";
constexpr const char* kSource = "safemap_tr_source";
constexpr const char* kSuffix = "safemap_tr_suffix";

void apply(QObject* object, const QString& text) {
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

QString translation(const QObject* object) {
    const QByteArray context = object->property(kContext).toByteArray();
    const QByteArray source = object->property(kSource).toByteArray();
    return QCoreApplication::translate(context.constData(), source.constData()) +
           object->property(kSuffix).toString();
}

}  // namespace

QObject* setTranslatedText(QObject* object, const char* context, const char* source,
                           const QString& suffix) {
    object->setProperty(kContext, QByteArray(context));
    object->setProperty(kSource, QByteArray(source));
    object->setProperty(kSuffix, suffix);
    apply(object, translation(object));
    return object;
}

int retranslateTexts(QObject* root) {
    int n = 0;
    QList<QObject*> objects = root->findChildren<QObject*>();
    objects.prepend(root);
    for (QObject* object : objects) {
        if (!object->property(kSource).isValid())
            continue;
        apply(object, translation(object));
        ++n;
    }
    return n;
}

}  // namespace safemap
