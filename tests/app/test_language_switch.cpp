// Switching the UI language takes effect at once, on the real main window: the language
// menu's action installs the other translators, and the menus, a dock's title and the list
// table's headers are worded again, vi → en → vi, without a restart; so are combo items,
// placeholders, tooltips, spin-box suffixes and the compare, cordon and record headers.
#include <QAbstractItemModel>
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>
#include <catch2/catch.hpp>

#include "app/gui/action_table.h"
#include "app/gui/language.h"
#include "app/gui/main_window.h"
#include "app/gui/retranslate.h"
#include "app_fixture.h"
#include "core/project/imports.h"
#include "core/project/project.h"
#include "test_support.h"

using namespace safemap;
using safemap::test::toStd;

namespace {

/// Puts the "ui/language" setting, the default locale and the translators back as they
/// were, so the other widget tests see the English source strings.
class LanguageGuard {
public:
    LanguageGuard() : stored_(QSettings().value(kKey)) {}
    ~LanguageGuard() {
        applyLanguage(QStringLiteral("en"), test::app());
        QLocale::setDefault(locale_);
        QSettings settings;
        if (stored_.isValid())
            settings.setValue(kKey, stored_);
        else
            settings.remove(kKey);
    }
    LanguageGuard(const LanguageGuard&) = delete;
    LanguageGuard& operator=(const LanguageGuard&) = delete;

private:
    static inline const QString kKey = QStringLiteral("ui/language");
    QVariant stored_;
    QLocale locale_;
};

std::string makeProject(const TempDir& dir) {
    const std::string path = dir.file("p.gpkg");
    auto project = Project::create(path);
    REQUIRE(project.ok());
    SiteBatch b;
    Factory f;
    f.taxCode = "9900000001";
    f.id = factoryIdFor(f.taxCode, "", "", "");
    f.name = "Cơ sở thử";
    f.location = {105.8, 21.0};
    b.factories.push_back(f);
    REQUIRE(importSites(*project, b, "test").ok());
    return path;
}

QStringList menuTitles(const MainWindow& w) {
    QStringList out;
    for (QAction* a : w.menuBar()->actions())
        out << a->text();
    return out;
}

/// The language menu's action for `nativeName` ("Tiếng Việt", "English").
QAction* languageAction(const MainWindow& w, const QString& nativeName) {
    for (QAction* a : w.findChildren<QAction*>())
        if (a->text() == nativeName && a->isCheckable())
            return a;
    return nullptr;
}

void switchTo(MainWindow& w, const QString& nativeName) {
    QAction* action = languageAction(w, nativeName);
    REQUIRE(action != nullptr);
    action->trigger();
    QTest::qWait(100);  // the LanguageChange events are posted (application, then window)
    w.waitForIdle();    // and the lists composed again
}

/// `english` in the language now installed, checked to differ from the English source in
/// Vietnamese (else a missing translation would pass as "switched").
QString expected(const char* context, const char* english, bool vi) {
    const QString text = QCoreApplication::translate(context, english);
    if (vi)
        CHECK(text != QString::fromUtf8(english));
    else
        CHECK(text == QString::fromUtf8(english));
    return text;
}

template <class T>
T* child(const MainWindow& w, const char* name) {
    T* found = w.findChild<T*>(QString::fromLatin1(name));
    INFO(name);
    REQUIRE(found != nullptr);
    return found;
}

QString header(const QAbstractItemView* view, int column) {
    return view->model()->headerData(column, Qt::Horizontal).toString();
}

/// The texts that used to stay in the old language: a combo item, a placeholder, a tooltip,
/// a spin box's suffix and special value, and the compare, cordon and record tables' headers.
void checkWidgetTexts(const MainWindow& w, bool vi) {
    const auto* list = child<QComboBox>(w, "filterList");
    CHECK(toStd(list->itemText(0)) ==
          toStd(expected("safemap::FilterPanel", "All facilities", vi)));
    const auto* search = child<QLineEdit>(w, "filterSearch");
    CHECK(toStd(search->placeholderText()) ==
          toStd(expected("safemap::FilterPanel", "Name or tax code (Ctrl+F)", vi)));
    const auto* age = child<QSpinBox>(w, "maxAgeDays");
    CHECK(toStd(age->toolTip()) ==
          toStd(expected("safemap::FilterPanel",
                         "Only facilities whose newest assessment is at most this old", vi)));
    CHECK(toStd(age->suffix()) == toStd(expected("safemap::FilterPanel", " days", vi)));
    CHECK(toStd(age->specialValueText()) == toStd(expected("safemap::FilterPanel", "any", vi)));
    const auto* zoneMode = child<QComboBox>(w, "zoneColouring");
    CHECK(toStd(zoneMode->itemText(0)) ==
          toStd(expected("safemap::LegendPanel", "Worst facility level", vi)));
    CHECK(toStd(header(child<QTableWidget>(w, "compareTable"), 0)) ==
          toStd(expected("safemap::ComparePanel", "Facility", vi)));
    // (The cordon's radius suffix " m" reads the same in both languages.)
    CHECK(toStd(header(child<QTreeWidget>(w, "facilityList"), 1)) ==
          toStd(expected("safemap::CordonDialog", "Workers", vi)));
    CHECK(toStd(header(child<QTreeWidget>(w, "identifyTree"), 0)) ==
          toStd(expected("safemap::IdentifyPanel", "Field", vi)));
}

/// What the window must show in the language now installed: `vi` or the English source.
void checkTexts(const MainWindow& w, bool vi) {
    const QStringList menus = menuTitles(w);
    INFO(toStd(menus.join(QStringLiteral(" | "))));
    if (vi) {
        CHECK(menus.contains(QStringLiteral("&Dự án")));
        CHECK(menus.contains(QStringLiteral("&Xem")));
        CHECK_FALSE(menus.contains(QStringLiteral("&Project")));
        CHECK(QLocale().language() == QLocale::Vietnamese);
    } else {
        CHECK(menus.contains(QStringLiteral("&Project")));
        CHECK(menus.contains(QStringLiteral("&View")));
        CHECK(menus.contains(QStringLiteral("&Tools")));
        CHECK_FALSE(menus.contains(QStringLiteral("&Dự án")));
        CHECK(QLocale().language() == QLocale::English);
    }
    // A menu's actions, a dock's title and the list table's column headers.
    const auto* dock = w.findChild<QDockWidget*>(QStringLiteral("suspendDock"));
    REQUIRE(dock != nullptr);
    const auto* table = w.findChild<ActionTable*>(QStringLiteral("suspendTable"));
    REQUIRE(table != nullptr);
    const QString header =
        table->view()->model()->headerData(ActionTable::Name, Qt::Horizontal).toString();
    bool newProject = false;
    for (QAction* a : w.findChildren<QAction*>())
        newProject = newProject || a->text() == (vi ? QCoreApplication::translate(
                                                          "safemap::MainWindow", "&New project…")
                                                    : QStringLiteral("&New project…"));
    CHECK(newProject);
    checkWidgetTexts(w, vi);
    if (vi) {
        const QString dockVi = QCoreApplication::translate("safemap::MainWindow", "To suspend");
        CHECK(dockVi != QStringLiteral("To suspend"));  // the translation is there
        CHECK(dock->windowTitle() == dockVi);
        CHECK(toStd(header) == "Cơ sở");
    } else {
        CHECK(toStd(dock->windowTitle()) == "To suspend");
        CHECK(toStd(header) == "Facility");
    }
}

}  // namespace

TEST_CASE("the language menu switches the whole window at once, vi → en → vi", "[i18n]") {
    LanguageGuard guard;
    TempDir dir;
    const auto path = makeProject(dir);
    applyLanguage(QStringLiteral("vi"), test::app());
    MainWindow w;
    w.resize(1000, 700);
    w.show();
    REQUIRE(w.openProject(QString::fromStdString(path), true));
    w.waitForIdle();
    checkTexts(w, true);

    switchTo(w, QStringLiteral("English"));
    checkTexts(w, false);
    CHECK(toStd(QSettings().value(QStringLiteral("ui/language")).toString()) == "en");

    switchTo(w, QStringLiteral("Tiếng Việt"));
    checkTexts(w, true);
    CHECK(toStd(QSettings().value(QStringLiteral("ui/language")).toString()) == "vi");
}

TEST_CASE("retranslateTexts sets again only the texts set through translated()", "[i18n]") {
    QWidget root;
    auto* action = translated(new QAction(&root), "safemap::MainWindow", QT_TR_NOOP("&View"));
    auto* plain = new QAction(QStringLiteral("as set"), &root);
    CHECK(toStd(action->text()) == "&View");
    action->setText(QStringLiteral("changed"));
    CHECK(retranslateTexts(&root) == 1);
    CHECK(toStd(action->text()) == "&View");
    CHECK(toStd(plain->text()) == "as set");
}
