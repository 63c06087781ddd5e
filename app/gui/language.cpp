#include "app/gui/language.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QSettings>
#include <QTranslator>

namespace safemap {

namespace {

const QString kLanguageKey = QStringLiteral("ui/language");
const QString kVietnamese = QStringLiteral("vi");
const QString kEnglish = QStringLiteral("en");

bool known(const QString& language) {
    return language == kVietnamese || language == kEnglish;
}

// Qt 6.4 ships no qtbase_vi.qm (qt6-translations-l10n has none), so Qt's own buttons and
// context menus would stay English in a Vietnamese UI. lupdate collects these into
// safemap_vi.ts under Qt's contexts, and our translator answers for them; a real qtbase_vi.qm,
// where one exists, is installed after ours and so takes precedence.
[[maybe_unused]] constexpr const char* kQtStrings[] = {
    // Standard buttons of QDialogButtonBox and QMessageBox.
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults"),
    QT_TRANSLATE_NOOP("QMessageBox", "Show Details..."),
    QT_TRANSLATE_NOOP("QMessageBox", "Hide Details..."),
    QT_TRANSLATE_NOOP("QProgressDialog", "Cancel"),
    QT_TRANSLATE_NOOP("QDockWidget", "Float"),
    QT_TRANSLATE_NOOP("QDockWidget", "Close"),
    // Context menus of line edits, spin boxes and selectable labels.
    QT_TRANSLATE_NOOP("QLineEdit", "&Undo"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Redo"),
    QT_TRANSLATE_NOOP("QLineEdit", "Cu&t"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Copy"),
    QT_TRANSLATE_NOOP("QLineEdit", "&Paste"),
    QT_TRANSLATE_NOOP("QLineEdit", "Delete"),
    QT_TRANSLATE_NOOP("QLineEdit", "Select All"),
    QT_TRANSLATE_NOOP("QAbstractSpinBox", "&Select All"),
    QT_TRANSLATE_NOOP("QAbstractSpinBox", "&Step up"),
    QT_TRANSLATE_NOOP("QAbstractSpinBox", "Step &down"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Undo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Redo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Cu&t"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Copy &Link Location"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Paste"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Delete"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All"),
};

QLocale englishLocale() {
    // A user's own English variant is respected; otherwise British English, whose
    // day/month/year dates read as Vietnamese ones do.
    const QLocale system = QLocale::system();
    return system.language() == QLocale::English
               ? system
               : QLocale(QLocale::English, QLocale::UnitedKingdom);
}

}  // namespace

QList<UiLanguage> uiLanguages() {
    return {{kVietnamese, QStringLiteral("Tiếng Việt")}, {kEnglish, QStringLiteral("English")}};
}

QString currentLanguage() {
    const QString stored = QSettings().value(kLanguageKey).toString();
    return known(stored) ? stored : kVietnamese;
}

void setLanguage(const QString& language) {
    if (known(language))
        QSettings().setValue(kLanguageKey, language);
}

QString languageChangeNotice(const QString& language) {
    if (language == kVietnamese)
        return QStringLiteral(
            "Giao diện sẽ hiển thị bằng tiếng Việt từ lần khởi động SafeMap tiếp theo.");
    return QStringLiteral("The interface will be in English from the next time SafeMap starts.");
}

bool loadAppTranslation(QTranslator& translator, const QString& language) {
    if (!known(language) || language == kEnglish)
        return false;
    return translator.load(QStringLiteral("safemap_") + language, QStringLiteral(":/i18n"));
}

void installTranslations(QApplication& app) {
    applyLanguage(currentLanguage(), app);
}

void applyLanguage(const QString& language, QCoreApplication& app) {
    // The translators this function installed before, removed first (each removal and
    // installation sends every widget a LanguageChange event).
    static QList<QPointer<QTranslator>> installed;
    for (const QPointer<QTranslator>& t : installed) {
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
    installed.clear();
    if (language != kVietnamese) {
        // Some texts (reasons, criteria labels) are picked by QLocale().language(), so the
        // default locale must agree with the UI language even on a Vietnamese system.
        QLocale::setDefault(englishLocale());
        return;
    }
    const QLocale locale(QLocale::Vietnamese, QLocale::Vietnam);
    QLocale::setDefault(locale);
    auto* own = new QTranslator(&app);
    if (loadAppTranslation(*own, language)) {
        QCoreApplication::installTranslator(own);
        installed.append(own);
    } else {
        delete own;
    }
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        installed.append(qt);
    } else {
        delete qt;
    }
}

}  // namespace safemap
