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

bool loadQtTranslation(QTranslator& translator, const QString& language) {
    if (!known(language) || language == kEnglish)
        return false;
    return translator.load(QStringLiteral("qtbase_") + language, QStringLiteral(":/i18n"));
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
    // Qt's own strings (dialog buttons, file and print dialogs, context menus): first our
    // catalogue, as Qt 6.4 ships no qtbase_vi.qm; then a system qtbase_vi.qm where one exists,
    // installed later and so asked first.
    auto* ownQt = new QTranslator(&app);
    if (loadQtTranslation(*ownQt, language)) {
        QCoreApplication::installTranslator(ownQt);
        installed.append(ownQt);
    } else {
        delete ownQt;
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
