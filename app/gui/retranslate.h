#pragma once
// Texts that follow the UI language while the window is open. A widget's or action's text
// set through translated() remembers its source and context (as two dynamic properties), so
// retranslateTexts(window) can set it again from the translators installed now: switching
// the language needs no restart, and no class keeps a list of what it has set.

#include <QCoreApplication>
#include <QObject>
#include <QString>
#include <QVariant>
#include <functional>
#include <initializer_list>

class QComboBox;

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

/// Which text of a widget translatedAs() sets: besides its text (see setTranslatedText), the
/// texts a user also reads but that are easily left in the old language after a switch.
enum class TextRole {
    Text,          ///< as setTranslatedText
    ToolTip,       ///< any widget's or action's tooltip
    Placeholder,   ///< a line edit's placeholder
    Suffix,        ///< a spin box's suffix (" m", " days")
    SpecialValue,  ///< a spin box's special-value text ("any")
};

/// Sets `object`'s text of `role` to QCoreApplication::translate(context, source) + `suffix`
/// and remembers how, for retranslateTexts. Returns `object`.
QObject* setTranslatedRole(QObject* object, TextRole role, const char* context, const char* source,
                           const QString& suffix = {});

template <class T>
T* translatedAs(T* object, TextRole role, const char* context, const char* source,
                const QString& suffix = {}) {
    setTranslatedRole(object, role, context, source, suffix);
    return object;
}

/// Appends a combo-box item whose text is translate(context, source), remembered in the item
/// so that retranslateTexts words it again; `data` is the item's user data as in addItem.
void addTranslatedItem(QComboBox* combo, const char* context, const char* source,
                       const QVariant& data = {});

/// Sets the column headers of a QTreeWidget or QTableWidget to the translations of
/// `sources` (in `context`), remembered for retranslateTexts.
void setTranslatedHeaders(QObject* view, const char* context,
                          std::initializer_list<const char*> sources);

/// Calls `reword` whenever the UI language changes (on the LanguageChange event `widget`
/// receives), for texts built from data and translated words (a list of criteria sets,
/// check boxes named by risk level) that no source literal describes. The call goes away
/// with `widget`.
void onLanguageChange(QObject* widget, std::function<void()> reword);

/// Sets again, in the current language, every text of `root` and its descendants that was
/// set with translated(). Returns how many texts were set.
int retranslateTexts(QObject* root);

}  // namespace safemap
