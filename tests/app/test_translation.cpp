#include <QDate>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QTranslator>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "app/gui/cordon_dialog.h"
#include "app/gui/identify_panel.h"
#include "app/gui/language.h"
#include "app_fixture.h"
#include "test_support.h"
#include "ts_file.h"

using namespace safemap;
using safemap::test::accelerators;
using safemap::test::placeholders;
using safemap::test::readTs;
using safemap::test::toStd;

namespace {

const QString kTsFile = QStringLiteral("resources/translations/safemap_vi.ts");

// The C++ string literals passed to tr() (adjacent literals joined) and to QT_TRANSLATE_NOOP.
QStringList trStringsIn(const QString& code) {
    static const QRegularExpression call(QStringLiteral(
        R"re(\btr\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)[,)]|QT_TRANSLATE_NOOP\(\s*"[^"]*"\s*,\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\))re"));
    static const QRegularExpression literal(QStringLiteral(R"re("((?:[^"\\]|\\.)*)")re"));
    QStringList out;
    for (auto it = call.globalMatch(code); it.hasNext();) {
        const auto m = it.next();
        const QString literals = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
        QString text;
        for (auto lit = literal.globalMatch(literals); lit.hasNext();)
            text += lit.next().captured(1);
        text.replace(QStringLiteral("\\n"), QStringLiteral("\n"));
        text.replace(QStringLiteral("\\\""), QStringLiteral("\""));
        text.replace(QStringLiteral("\\'"), QStringLiteral("'"));
        text.replace(QStringLiteral("\\\\"), QStringLiteral("\\"));
        out << text;
    }
    return out;
}

/// Installs a translator for the scope and removes it at the end, even when a check fails,
/// so the other widget tests still see the English source strings.
class ScopedVietnamese {
public:
    ScopedVietnamese() {
        loaded_ = loadAppTranslation(translator_, QStringLiteral("vi")) &&
                  loadQtTranslation(qtTranslator_, QStringLiteral("vi"));
        if (loaded_) {
            QCoreApplication::installTranslator(&qtTranslator_);
            QCoreApplication::installTranslator(&translator_);
        }
    }
    ~ScopedVietnamese() {
        QCoreApplication::removeTranslator(&translator_);
        QCoreApplication::removeTranslator(&qtTranslator_);
    }
    ScopedVietnamese(const ScopedVietnamese&) = delete;
    ScopedVietnamese& operator=(const ScopedVietnamese&) = delete;
    bool loaded() const { return loaded_; }

private:
    QTranslator translator_;
    QTranslator qtTranslator_;  // Qt's own strings (qtbase_vi.ts)
    bool loaded_ = false;
};

/// Restores the "ui/language" setting, the default locale and the application's translators
/// as they were before installTranslations() ran in a test.
class AppLanguageGuard {
public:
    AppLanguageGuard()
        : stored_(QSettings().value(kKey)),
          translators_(test::app().findChildren<QTranslator*>(Qt::FindDirectChildrenOnly)) {}
    ~AppLanguageGuard() {
        for (QTranslator* t : test::app().findChildren<QTranslator*>(Qt::FindDirectChildrenOnly)) {
            if (translators_.contains(t))
                continue;
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        QLocale::setDefault(locale_);
        QSettings settings;
        if (stored_.isValid())
            settings.setValue(kKey, stored_);
        else
            settings.remove(kKey);
    }
    AppLanguageGuard(const AppLanguageGuard&) = delete;
    AppLanguageGuard& operator=(const AppLanguageGuard&) = delete;
    int newTranslators() const {
        return static_cast<int>(
            test::app().findChildren<QTranslator*>(Qt::FindDirectChildrenOnly).size() -
            translators_.size());
    }

    static inline const QString kKey = QStringLiteral("ui/language");

private:
    QVariant stored_;
    QList<QTranslator*> translators_;
    QLocale locale_;  // the default locale now
};

}  // namespace

TEST_CASE("The Vietnamese translation reaches widgets and goes away when removed", "[i18n]") {
    (void)test::app();
    {
        ScopedVietnamese vi;
        REQUIRE(vi.loaded());
        CHECK(toStd(QCoreApplication::translate("safemap::MainWindow", "&Project")) == "&Dự án");
        // Through tr() in a widget: the context is the class name with its namespace, so this
        // fails if lupdate filed the strings under a bare "CordonDialog".
        CordonDialog dialog;
        CHECK(toStd(dialog.windowTitle()) == "Khoanh vùng quanh ca bệnh");
        CHECK(toStd(riskLevelName(RiskLevel::VeryHigh)) == "nguy cơ rất cao");
        CHECK(toStd(riskLevelName(std::nullopt)) == "chưa đánh giá");
        // Qt's own standard buttons: Qt 6.4 has no qtbase_vi.qm, ours (qtbase_vi.ts) has them.
        QDialogButtonBox buttons(QDialogButtonBox::Cancel | QDialogButtonBox::Close);
        CHECK(toStd(buttons.button(QDialogButtonBox::Cancel)->text()) == "Hủy");
        CHECK(toStd(buttons.button(QDialogButtonBox::Close)->text()) == "Đóng");
    }
    CHECK(toStd(QCoreApplication::translate("safemap::MainWindow", "&Project")) == "&Project");
    CordonDialog dialog;
    CHECK(toStd(dialog.windowTitle()) == "Cordon around a case");
    CHECK(toStd(riskLevelName(RiskLevel::VeryHigh)) == "very high risk");
}

TEST_CASE("There is no translation to load for English or unknown languages", "[i18n]") {
    QTranslator t;
    CHECK_FALSE(loadAppTranslation(t, QStringLiteral("en")));
    CHECK_FALSE(loadAppTranslation(t, QStringLiteral("fr")));
    CHECK_FALSE(loadAppTranslation(t, QString()));
}

TEST_CASE("The embedded .qm answers every entry of the .ts in git", "[i18n]") {
    // A stale .qm (the build did not pick up an edited .ts) shows up here.
    const auto entries = readTs(QString::fromStdString(sourcePath(kTsFile.toStdString())));
    ScopedVietnamese vi;
    REQUIRE(vi.loaded());
    for (const auto& e : entries) {
        INFO(toStd(e.context) << ": " << toStd(e.source));
        CHECK(toStd(QCoreApplication::translate(e.context.toUtf8().constData(),
                                                e.source.toUtf8().constData())) ==
              toStd(e.translation));
    }
}

TEST_CASE("Every entry of safemap_vi.ts is translated and keeps its placeholders", "[i18n]") {
    const auto entries = readTs(QString::fromStdString(sourcePath(kTsFile.toStdString())));
    // The UI had 297 strings when this test was written; an empty parse must not pass.
    REQUIRE(entries.size() >= 250);
    for (const auto& e : entries) {
        INFO(toStd(e.context) << ": " << toStd(e.source) << " -> " << toStd(e.translation));
        CHECK(e.type.isEmpty());  // not unfinished, vanished or obsolete
        CHECK_FALSE(e.translation.trimmed().isEmpty());
        CHECK(placeholders(e.translation) == placeholders(e.source));
        // Composed Vietnamese letters (NFC), as typed on Vietnamese keyboards and as the
        // sources and data are: a decomposed "ệ" would not match in search or sorting.
        CHECK(e.translation == e.translation.normalized(QString::NormalizationForm_C));
        CHECK(accelerators(e.translation) <= 1);
        CHECK(accelerators(e.translation) <= accelerators(e.source));
    }
}

TEST_CASE("Every tr() string in app/ is in safemap_vi.ts", "[i18n]") {
    QSet<QString> known;
    for (const auto& e : readTs(QString::fromStdString(sourcePath(kTsFile.toStdString()))))
        known.insert(e.source);
    int found = 0;
    QDirIterator it(QString::fromStdString(sourcePath("app")),
                    {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        for (const QString& text : trStringsIn(QString::fromUtf8(file.readAll()))) {
            ++found;
            INFO(toStd(path) << ": " << toStd(text)
                             << " — run `cmake --build <dir> --target safemap_app_lupdate` and "
                                "translate the new entries of "
                             << toStd(kTsFile));
            CHECK(known.contains(text));
        }
    }
    CHECK(found >= 250);
}

TEST_CASE("The scanner finds tr() literals as lupdate does", "[i18n]") {
    const QString code = QStringLiteral(
        "a(tr(\"One\"));\n"
        "b(Foo::tr(\"Two \\\"quoted\\\"\\n\"\n    \"joined\"), 3);\n"
        "c(tr(\"%1 of %2\", \"comment\"));\n"
        "str(\"not this\"); qstr(\"nor this\");\n"
        "QT_TRANSLATE_NOOP(\"Ctx\", \"Four\")\n");
    CHECK(trStringsIn(code) == QStringList{QStringLiteral("One"),
                                           QStringLiteral("Two \"quoted\"\njoined"),
                                           QStringLiteral("%1 of %2"), QStringLiteral("Four")});
}

TEST_CASE("The UI language setting defaults to Vietnamese", "[i18n]") {
    AppLanguageGuard guard;
    QSettings().remove(AppLanguageGuard::kKey);
    CHECK(toStd(currentLanguage()) == "vi");
    setLanguage(QStringLiteral("en"));
    CHECK(toStd(currentLanguage()) == "en");
    CHECK(toStd(QSettings().value(AppLanguageGuard::kKey).toString()) == "en");
    setLanguage(QStringLiteral("fr"));  // not shipped: ignored
    CHECK(toStd(currentLanguage()) == "en");
    QSettings().setValue(AppLanguageGuard::kKey, QStringLiteral("xx"));  // e.g. edited by hand
    CHECK(toStd(currentLanguage()) == "vi");
    setLanguage(QStringLiteral("vi"));
    CHECK(toStd(currentLanguage()) == "vi");

    const auto languages = uiLanguages();
    REQUIRE(languages.size() == 2);
    CHECK(toStd(languages[0].code) == "vi");
    CHECK(toStd(languages[0].nativeName) == "Tiếng Việt");
    CHECK(toStd(languages[1].code) == "en");
    CHECK(toStd(languages[1].nativeName) == "English");
    CHECK(languageChangeNotice(QStringLiteral("vi")).contains(QStringLiteral("tiếng Việt")));
    CHECK(languageChangeNotice(QStringLiteral("en")).contains(QStringLiteral("English")));
}

TEST_CASE("installTranslations: Vietnamese texts, numbers and dates", "[i18n]") {
    AppLanguageGuard guard;
    QSettings().remove(AppLanguageGuard::kKey);  // a fresh machine
    installTranslations(test::app());
    CHECK(guard.newTranslators() >= 1);
    CHECK(toStd(QCoreApplication::translate("safemap::MainWindow", "&View")) == "&Xem");
    CHECK(QLocale().language() == QLocale::Vietnamese);
    // Vietnamese writes 1.234,5 and day/month/year.
    CHECK(toStd(QLocale().toString(1234.5, 'f', 1)) == "1.234,5");
    CHECK(toStd(QLocale().toString(QDate(2021, 6, 24), QLocale::ShortFormat)) == "24/06/2021");
}

TEST_CASE("installTranslations: English leaves the source strings", "[i18n]") {
    AppLanguageGuard guard;
    setLanguage(QStringLiteral("en"));
    installTranslations(test::app());
    CHECK(guard.newTranslators() == 0);
    CHECK(toStd(QCoreApplication::translate("safemap::MainWindow", "&View")) == "&View");
    CHECK(QLocale().language() == QLocale::English);
}
