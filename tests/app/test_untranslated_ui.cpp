// Issue 15 item 7: in Vietnamese, no English is visible. The main window on the sample
// province (menus, docks, lists, the facility record, the compare and cordon tools), every
// dialog its actions open (imports, criteria sets, thresholds, context layers, field packages,
// reports, print, about, file dialogs) and the field inspection form are walked; every text a
// user reads (texts, titles, tooltips, placeholders, headers, combo items, actions) must not be
// an English source text of safemap_vi.ts or qtbase_vi.ts, nor an English sentence.
#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <catch2/catch.hpp>
#include <functional>
#include <set>
#include <string>

#include "app/gui/action_table.h"
#include "app/gui/compare_panel.h"
#include "app/gui/inspection_form.h"
#include "app/gui/language.h"
#include "app/gui/main_window.h"
#include "app/gui/project_session.h"
#include "app/gui/shipped_data.h"
#include "app_fixture.h"
#include "cli_fixture.h"
#include "test_support.h"
#include "ts_file.h"
#include "visible_texts.h"

using namespace safemap;
using safemap::test::SeenText;
using safemap::test::toStd;

namespace {

/// Vietnamese for the test's scope; English again at the end, the stored choice and the
/// default locale as they were.
class VietnameseWindowUi {
public:
    VietnameseWindowUi() : stored_(QSettings().value(kKey)) {
        setLanguage(QStringLiteral("vi"));
        applyLanguage(QStringLiteral("vi"), test::app());
    }
    ~VietnameseWindowUi() {
        applyLanguage(QStringLiteral("en"), test::app());
        QLocale::setDefault(locale_);
        QSettings settings;
        if (stored_.isValid())
            settings.setValue(kKey, stored_);
        else
            settings.remove(kKey);
    }
    VietnameseWindowUi(const VietnameseWindowUi&) = delete;
    VietnameseWindowUi& operator=(const VietnameseWindowUi&) = delete;

private:
    static inline const QString kKey = QStringLiteral("ui/language");
    QVariant stored_;
    QLocale locale_;
};

/// The English source texts (as read) of both catalogues whose translation differs: seeing
/// one of them in a Vietnamese window means a text was not translated (or not re-worded).
QSet<QString> englishSources() {
    QSet<QString> out;
    for (const char* file :
         {"resources/translations/safemap_vi.ts", "resources/translations/qtbase_vi.ts"}) {
        for (const auto& e : test::readTs(QString::fromStdString(sourcePath(file)))) {
            const QString source = test::readable(e.source);
            if (source != test::readable(e.translation) && !source.isEmpty())
                out.insert(source);
        }
    }
    return out;
}

/// True if `text` has a letter only Vietnamese writes (đ, ă, â, ê, ô, ơ, ư or a tone mark).
bool hasVietnameseLetter(const QString& text) {
    for (const QChar c : text.normalized(QString::NormalizationForm_D)) {
        const char16_t u = c.unicode();
        if ((u >= 0x0300 && u <= 0x0323) || u == 0x0111 || u == 0x0110)
            return true;
    }
    return false;
}

/// English words that Vietnamese UI text never has (a name of data may, but then it has
/// Vietnamese letters around it or is allow-listed).
bool looksEnglish(const QString& text) {
    static const QRegularExpression words(
        QStringLiteral(
            "\\b(the|and|of|with|open|save|cancel|close|file|files|import|export|print|facility|"
            "facilities|zone|zones|risk|level|list|project|criteria|error|name|date|yes|no|"
            "select|choose|help|settings|options|inspection|assessment|workers|score|layer|view|"
            "search|apply|delete|back|forward|contents|show|hide|all|none|any|days|from|to)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return !hasVietnameseLetter(text) && words.match(text).hasMatch();
}

/// Data, not UI text: file paths and names the test made, numbers, codes.
bool isData(const QString& text) {
    static const QRegularExpression data(
        QStringLiteral("^(/\\S*|[\\w.-]+\\.(gpkg|csv|json|pdf|png)|[\\d.,:%/ +×x-]*)$"));
    return data.match(text).hasMatch();
}

class Scanner {
public:
    Scanner() : english_(englishSources()) { REQUIRE(english_.size() >= 500); }

    /// Why `text` (as read) is not Vietnamese UI text, or empty if it is (or is data).
    QString problem(const QString& text) const {
        if (isData(text))
            return {};
        if (english_.contains(text))
            return QStringLiteral("an English source text of the catalogues");
        if (looksEnglish(text))
            return QStringLiteral("English words and no Vietnamese letter");
        return {};
    }

    /// Checks every visible text of `window`, seen as `what`; returns how many it read.
    int check(QWidget* window, const QString& what) {
        const std::vector<SeenText> seen = test::visibleTexts(window);
        for (const SeenText& t : seen) {
            INFO(toStd(what) << " — " << toStd(t.where) << ": \"" << toStd(t.text) << "\"");
            CHECK(toStd(problem(t.text)).empty());
        }
        walked_ << what;
        return static_cast<int>(seen.size());
    }
    const QStringList& walked() const { return walked_; }

private:
    QSet<QString> english_;
    QStringList walked_;
};

/// Runs `trigger` (which may block in a modal dialog's exec()) and, while it runs, checks and
/// closes every modal dialog that opens, including one a dialog opens in turn; then checks
/// and closes the top-level windows it left open. Returns the titles of what was checked.
QStringList walkWhatOpens(Scanner& scanner, const QString& what,
                          const std::function<void()>& trigger) {
    QStringList seen;
    const QWidgetList before = QApplication::topLevelWidgets();
    QWidget* pending = nullptr;
    QElapsedTimer since;
    QTimer timer;
    timer.setInterval(50);
    QObject::connect(&timer, &QTimer::timeout, [&] {
        QWidget* modal = QApplication::activeModalWidget();
        if (modal == nullptr || modal != pending) {
            pending = modal;  // let it fill in (a file list, a worker's result) first
            since.restart();
            return;
        }
        if (since.elapsed() < 400)
            return;
        scanner.check(modal, what + QStringLiteral(" → ") + modal->windowTitle());
        seen << modal->windowTitle();
        pending = nullptr;
        if (auto* dialog = qobject_cast<QDialog*>(modal))
            dialog->reject();
        else
            modal->close();
    });
    timer.start();
    trigger();
    QTest::qWait(500);
    timer.stop();
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (before.contains(w) || !w->isVisible() || qobject_cast<QMenu*>(w) != nullptr)
            continue;
        scanner.check(w, what + QStringLiteral(" → ") + w->windowTitle());
        seen << w->windowTitle();
        w->close();
    }
    return seen;
}

QAction* actionNamed(const MainWindow& w, const char* name) {
    auto* a = w.findChild<QAction*>(QString::fromLatin1(name));
    INFO(name);
    REQUIRE(a != nullptr);
    return a;
}

QAction* actionWithText(const MainWindow& w, const char* context, const char* source) {
    const QString text = QCoreApplication::translate(context, source);
    for (QAction* a : w.findChildren<QAction*>())
        if (a->text() == text)
            return a;
    INFO(source);
    FAIL("no such action");
    return nullptr;
}

}  // namespace

TEST_CASE("In Vietnamese, no English is visible in the window, its record, lists and dialogs",
          "[i18n][untranslated]") {
    VietnameseWindowUi vi;
    TempDir dir;
    const QString path = QString::fromStdString(dir.file("tinh_mau.gpkg"));
    test::makeSampleProject(path);
    Scanner scanner;

    MainWindow w;
    w.resize(1600, 1000);
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    REQUIRE(w.openProject(path, true));
    w.waitForIdle();
    REQUIRE(w.factoryCount() > 0);
    // The facility record: the first facility to suspend, chosen in its list.
    QTableView* suspend = w.suspendTable()->view();
    REQUIRE(suspend->model()->rowCount() > 0);
    suspend->selectRow(0);
    QTest::qWait(100);
    w.waitForIdle();
    // The cordon and what-if tools (docks).
    actionNamed(w, "cordonAction")->trigger();
    actionNamed(w, "compareAction")->trigger();
    QTest::qWait(100);
    w.waitForIdle();
    CHECK(scanner.check(&w, QStringLiteral("main window")) >= 200);

    // Every dialog the menus open, closed again after being read.
    for (const char* name :
         {"importSitesAction", "importAssessmentsAction", "importInspectionsAction",
          "criteriaAction", "rulesAction", "contextLayersAction", "addContextLayerAction",
          "createPackageAction", "mergePackageAction", "exportPdfAction", "exportImageAction",
          "printAction", "exportViewAction", "exportTablesAction", "reportDialogAction",
          "printSheetsAction", "helpContentsAction"}) {
        const QStringList seen = walkWhatOpens(scanner, QString::fromLatin1(name),
                                               [&] { actionNamed(w, name)->trigger(); });
        INFO(name);
        CHECK_FALSE(seen.isEmpty());  // the action did open something
    }
    for (const char* source : {"&About SafeMap", "&New project…", "&Open project…",
                               "Save project &as…", "Connect to &server…"}) {
        QAction* a = actionWithText(w, "safemap::MainWindow", source);
        const QStringList seen =
            walkWhatOpens(scanner, QString::fromUtf8(source), [a] { a->trigger(); });
        INFO(source);
        CHECK_FALSE(seen.isEmpty());
    }
    // The what-if panel's thresholds dialog.
    auto* thresholds = w.comparePanel()->findChild<QPushButton*>();
    REQUIRE(thresholds != nullptr);
    for (QPushButton* b : w.comparePanel()->findChildren<QPushButton*>())
        if (b->text() == QCoreApplication::translate("safemap::ComparePanel", "Thresholds…"))
            thresholds = b;
    CHECK_FALSE(walkWhatOpens(scanner, QStringLiteral("thresholds"), [thresholds] {
                    thresholds->click();
                }).isEmpty());

    // The field inspection form, for a facility of the sample with the shipped criteria.
    auto criteria = loadDefaultCriteria();
    REQUIRE(criteria.ok());
    const auto& frame = w.session().frame();
    REQUIRE(frame.facts != nullptr);
    REQUIRE_FALSE(frame.facts->factories.empty());
    InspectionForm form;
    form.startNew(frame.facts->factories.front(), criteria->get());
    form.resize(600, 800);
    form.show();
    REQUIRE(QTest::qWaitForWindowExposed(&form));
    CHECK(scanner.check(&form, QStringLiteral("inspection form")) >= 10);
    INFO(toStd(scanner.walked().join(QStringLiteral("\n"))));
    CHECK(scanner.walked().size() >= 20);
}

TEST_CASE("The untranslated-text check tells English from Vietnamese and data", "[i18n]") {
    Scanner scanner;
    auto bad = [&](const char* text) {
        return !scanner.problem(QString::fromUtf8(text)).isEmpty();
    };
    CHECK(bad("Open project…"));                  // a source text of safemap_vi.ts
    CHECK(bad("Files of type:"));                 // of qtbase_vi.ts
    CHECK(bad("Export the list of facilities"));  // not a source, but English
    CHECK_FALSE(bad("Mở dự án…"));
    CHECK_FALSE(bad("Tất cả cơ sở"));
    CHECK_FALSE(bad("Công ty TNHH Open Việt Nam"));  // a name in the data, Vietnamese
    CHECK_FALSE(bad("/tmp/tinh_mau.gpkg"));
    CHECK_FALSE(bad("danh_sach.csv"));
    CHECK_FALSE(bad("1.250"));
    CHECK_FALSE(bad("KCN"));
    // The walk reads a label's text with its mnemonic removed and rich text as plain text.
    QLabel label(QStringLiteral("<b>&amp;Open</b>"));
    QWidget root;
    auto* child = new QLabel(QStringLiteral("&Lưu"), &root);
    (void)child;
    root.show();
    const auto texts = test::visibleTexts(&root);
    REQUIRE(texts.size() == 1);
    CHECK(toStd(texts[0].text) == "Lưu");
    CHECK(toStd(test::readable(label.text())) == "&Open");
}
