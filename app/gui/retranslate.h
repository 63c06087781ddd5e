#pragma once
// Texts that follow the UI language while the window is open. A widget's or action's text
// set through translated() remembers its source and context (as two dynamic properties), so
// retranslateTexts(window) can set it again from the translators installed now: switching
// the language needs no restart, and no class keeps a list of what it has set.

#include <QCoreApplication>
#include <QObject>
#include <QString>

namespace safemap {

/// Sets `object`'s text (an action's or button's text, a label's text, a menu's title, a
/// dock's, toolbar's or window's title) to QCoreApplication::translate(context, source) +
/// `suffix`, and remembers how, for retranslateTexts. `source` must be a literal marked for
/// lupdate (QT_TR_NOOP / QT_TRANSLATE_NOOP) in `context`.
QObject* setTranslatedText(QObject* object, const char* context, const char* source,
                           const QString& suffix = {});

template <class T>
T* translated(T* object, const char* context, const char* source, const QString& suffix = {}) {
    setTranslatedText(object, context, source, suffix);
    return object;
}

/// Sets again, in the current language, every text of `root` and its descendants that was
/// set with translated(). Returns how many texts were set.
int retranslateTexts(QObject* root);

}  // namespace safemap
