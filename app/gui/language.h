#pragma once

#include <QList>
#include <QString>

class QApplication;
class QCoreApplication;
class QTranslator;

namespace safemap {

/// \brief A language the UI can be shown in: its code and its name written in that language,
/// which is how a language menu lists it (a user who cannot read the current UI still finds
/// their own language).
struct UiLanguage {
    QString code;        ///< "vi" or "en"
    QString nativeName;  ///< "Tiếng Việt", "English"
};

/// The UI languages SafeMap ships, Vietnamese first.
QList<UiLanguage> uiLanguages();

/// The UI language the user chose: "vi" or "en", from the QSettings key "ui/language".
/// Vietnamese when nothing (or an unknown code) is stored: SafeMap is made for Vietnamese
/// offices, and a fresh machine's locale (often C or en_US) says nothing about its users.
QString currentLanguage();

/// Stores the UI language ("vi" or "en") for the next start; other codes are ignored.
/// applyLanguage switches the running UI.
void setLanguage(const QString& language);

/// "The change takes effect at the next start", written in `language` itself (the one the
/// user just picked): for a program that cannot switch at once (the window can, with
/// applyLanguage).
QString languageChangeNotice(const QString& language);

/// Loads SafeMap's own translation for `language`, embedded as :/i18n/safemap_<language>.qm.
/// False for "en" (the source strings are English) or if there is no such translation.
bool loadAppTranslation(QTranslator& translator, const QString& language);

/// Loads SafeMap's translation of Qt's own strings (standard buttons, file, colour and print
/// dialogs, context menus) for `language`, embedded as :/i18n/qtbase_<language>.qm from
/// resources/translations/qtbase_vi.ts. False for "en" or if there is no such translation.
bool loadQtTranslation(QTranslator& translator, const QString& language);

/// Installs the translators for currentLanguage() in `app` (owned by it) and sets the default
/// QLocale so numbers and dates follow the language: vi_VN for Vietnamese (1.234,5 and
/// 24/06/2021); for English the system's English locale, or en_GB where the system is not
/// English. Call once, after QApplication's organisation and application names are set (the
/// choice is in QSettings) and before any widget is made: tr() is evaluated as widgets are
/// built. The command-line tool does not call it; its output stays English for scripts.
void installTranslations(QApplication& app);

/// Switches the running UI to `language` ("vi" or "en") at once: removes the translators
/// installed before (by installTranslations or an earlier call), installs the new ones and
/// sets the default QLocale, so every widget gets a LanguageChange event (MainWindow then
/// sets its texts again and recomposes the map). Does not store the choice: see setLanguage.
void applyLanguage(const QString& language, QCoreApplication& app);

}  // namespace safemap
