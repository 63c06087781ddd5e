// The user guide behind F1: the key opens it in the window's language, over a panel at that
// panel's page; every page, picture and link of the guide exists in both languages.
#include <QAction>
#include <QCursor>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QMenuBar>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSet>
#include <QSettings>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextImageFormat>
#include <QWhatsThisClickedEvent>
#include <catch2/catch.hpp>
#include <string>

#include "app/gui/action_table.h"
#include "app/gui/filter_panel.h"
#include "app/gui/help_browser.h"
#include "app/gui/identify_panel.h"
#include "app/gui/legend_panel.h"
#include "app/gui/main_window.h"
#include "app/gui/map_canvas.h"
#include "app_fixture.h"
#include "test_support.h"

using namespace safemap;
using safemap::test::toStd;

namespace {

const QStringList kLanguages{QStringLiteral("vi"), QStringLiteral("en")};

QString guideSource(const QString& language) {
    return QString::fromStdString(sourcePath("docs/guide/" + language.toStdString()));
}

QStringList pagesOf(const QString& language) {
    return QDir(guideSource(language)).entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name);
}

QString readText(const QString& path) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QString::fromUtf8(f.readAll());
}

/// The heading texts of a Markdown file ("# Title" → "Title"), outside code blocks.
QStringList headingsOf(const QString& markdown) {
    QStringList out;
    bool inCode = false;
    for (const QString& line : markdown.split(QLatin1Char('\n'))) {
        if (line.startsWith(QStringLiteral("```")))
            inCode = !inCode;
        static const QRegularExpression heading(QStringLiteral("^#{1,6}\\s+(.*?)\\s*$"));
        if (const auto m = heading.match(line); !inCode && m.hasMatch())
            out << m.captured(1);
    }
    return out;
}

struct Link {
    QString target;  ///< as written: "lists.md#filter", "images/x.png", "../../rules.md"
    bool image;
};

/// Links and pictures of a Markdown text: [text](target), ![alt](target), <img src="...">.
QList<Link> linksOf(const QString& markdown) {
    QList<Link> out;
    static const QRegularExpression md(QStringLiteral("(!?)\\[[^\\]]*\\]\\(([^)\\s]+)\\)"));
    for (auto it = md.globalMatch(markdown); it.hasNext();) {
        const auto m = it.next();
        out.append({m.captured(2), !m.captured(1).isEmpty()});
    }
    static const QRegularExpression img(QStringLiteral("<img[^>]*src=\"([^\"]+)\""));
    for (auto it = img.globalMatch(markdown); it.hasNext();)
        out.append({it.next().captured(1), true});
    return out;
}

/// Sets the UI language for the scope (the "ui/language" setting), restoring it after.
class ScopedLanguage {
public:
    explicit ScopedLanguage(const QString& language) : stored_(QSettings().value(kKey)) {
        QSettings().setValue(kKey, language);
    }
    ~ScopedLanguage() {
        QSettings settings;
        if (stored_.isValid())
            settings.setValue(kKey, stored_);
        else
            settings.remove(kKey);
    }
    ScopedLanguage(const ScopedLanguage&) = delete;
    ScopedLanguage& operator=(const ScopedLanguage&) = delete;

private:
    static inline const QString kKey = QStringLiteral("ui/language");
    QVariant stored_;
};

QAction* onlyActionWithKey(QWidget& window, const QKeySequence& key) {
    QAction* found = nullptr;
    int count = 0;
    for (QAction* a : window.findChildren<QAction*>())
        if (a->shortcuts().contains(key)) {
            found = a;
            ++count;
        }
    INFO("actions bound to " << toStd(key.toString()) << ": " << count);
    REQUIRE(count == 1);
    return found;
}

HelpBrowser* helpOf(QMainWindow& window) {
    return window.findChild<HelpBrowser*>(QStringLiteral("helpBrowser"));
}

QString pageShown(HelpBrowser* help) {
    return QFileInfo(help->browser()->source().toLocalFile()).fileName();
}

/// The first heading of `page` in `language`, as the file says.
QString firstHeading(const QString& language, const QString& page) {
    const QStringList headings = headingsOf(readText(guideSource(language) + "/" + page));
    REQUIRE(!headings.isEmpty());
    return headings.first();
}

}  // namespace

TEST_CASE("F1 opens the user guide in the language of the window", "[help]") {
    (void)test::app();
    for (const QString& language : kLanguages) {
        INFO("language " << toStd(language));
        ScopedLanguage ui(language);
        MainWindow w;
        w.resize(1200, 800);
        w.show();
        w.activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(&w));
        // F1 is the guide's key and nothing else's (it used to open About).
        QAction* f1 = onlyActionWithKey(w, QKeySequence(Qt::Key_F1));
        CHECK(toStd(f1->objectName()) == "helpContextAction");

        // From the keyboard, focus in the suspend list, the mouse away from the window.
        QCursor::setPos(w.mapToGlobal(QPoint(-50, -50)));
        w.suspendTable()->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F1);
        HelpBrowser* help = helpOf(w);
        REQUIRE(help != nullptr);
        CHECK(help->isVisible());
        CHECK(toStd(help->language()) == toStd(language));
        CHECK(toStd(pageShown(help)) == "lists.md");
        CHECK(help->browser()->source().toLocalFile().contains("/guide/" + language + "/"));
        // What is shown is that file, rendered: its first heading is the document's first
        // block (Markdown, not the raw text).
        const QTextBlock first = help->browser()->document()->firstBlock();
        CHECK(first.blockFormat().headingLevel() == 1);
        CHECK(toStd(first.text()) == toStd(firstHeading(language, QStringLiteral("lists.md"))));

        // The menu entry opens the contents.
        QAction* contents = w.findChild<QAction*>(QStringLiteral("helpContentsAction"));
        REQUIRE(contents != nullptr);
        CHECK(contents->shortcut().isEmpty());  // "F1" is its label only
        contents->trigger();
        CHECK(toStd(pageShown(help)) == "index.md");
        CHECK(helpOf(w) == help);  // one guide window per main window
    }
}

TEST_CASE("F1 over a panel opens that panel's page", "[help]") {
    ScopedLanguage ui(QStringLiteral("en"));
    MainWindow w;
    w.resize(1200, 800);
    w.show();
    w.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&w));
    // The mapping itself, for every main panel and for a widget deep inside one.
    CHECK(toStd(helpTopicFor(w.canvas())) == "map.md");
    CHECK(toStd(helpTopicFor(w.legendPanel())) == "legend.md");
    CHECK(toStd(helpTopicFor(w.filterPanel())) == "filter.md");
    CHECK(toStd(helpTopicFor(w.suspendTable())) == "lists.md");
    CHECK(toStd(helpTopicFor(w.inspectTable())) == "lists.md");
    CHECK(toStd(helpTopicFor(w.identifyPanel())) == "site-record.md");
    const auto children = w.legendPanel()->findChildren<QWidget*>();
    REQUIRE(!children.isEmpty());
    CHECK(toStd(helpTopicFor(children.last())) == "legend.md");
    CHECK(toStd(helpTopicFor(w.menuBar())) == "index.md");
    CHECK(toStd(helpTopicFor(nullptr)) == "index.md");
    for (const QString& language : kLanguages)
        for (const char* page : {"map.md", "legend.md", "filter.md", "lists.md", "site-record.md"})
            CHECK(QFileInfo::exists(guideSource(language) + "/" + page));

    // The mouse wins over the focus: over the legend, with the focus in a list.
    auto* legendDock = w.findChild<QDockWidget*>(QStringLiteral("legendDock"));
    REQUIRE(legendDock != nullptr);
    legendDock->raise();
    w.suspendTable()->setFocus();
    QCursor::setPos(w.legendPanel()->mapToGlobal(w.legendPanel()->rect().center()));
    if (QCursor::pos() != w.legendPanel()->mapToGlobal(w.legendPanel()->rect().center()))
        WARN("this platform cannot move the mouse; the mouse case is not checked");
    else {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F1);
        REQUIRE(helpOf(w) != nullptr);
        CHECK(toStd(pageShown(helpOf(w))) == "legend.md");
    }

    // What's This over a panel links to its page; following the link opens it.
    const QString text = legendDock->whatsThis();
    CHECK(text.contains(QStringLiteral("href=\"legend.md\"")));
    CHECK(w.findChild<QDockWidget*>(QStringLiteral("identifyDock"))
              ->whatsThis()
              .contains(QStringLiteral("href=\"site-record.md\"")));
    auto* filterDock = w.findChild<QDockWidget*>(QStringLiteral("filterDock"));
    QWhatsThisClickedEvent click(QStringLiteral("filter.md"));
    QCoreApplication::sendEvent(filterDock, &click);
    REQUIRE(helpOf(w) != nullptr);
    CHECK(toStd(pageShown(helpOf(w))) == "filter.md");
}

TEST_CASE("Both languages have the same guide pages", "[help]") {
    const QStringList vi = pagesOf(QStringLiteral("vi"));
    const QStringList en = pagesOf(QStringLiteral("en"));
    CHECK(vi.contains(QStringLiteral("index.md")));
    CHECK(vi.size() >= 10);
    CHECK(vi == en);
    // The guide found at run time is the one in the source tree (the build sits in it).
    CHECK(QDir(guideDirectory(QStringLiteral("vi"))).canonicalPath() ==
          QDir(guideSource(QStringLiteral("vi"))).canonicalPath());
}

TEST_CASE("Every picture and link of the guide exists", "[help]") {
    int pictures = 0;
    for (const QString& language : kLanguages) {
        const QDir dir(guideSource(language));
        for (const QString& page : pagesOf(language)) {
            const QString markdown = readText(dir.filePath(page));
            for (const Link& link : linksOf(markdown)) {
                INFO(toStd(language) << "/" << toStd(page) << " → " << toStd(link.target));
                CHECK_FALSE(link.target.startsWith(QStringLiteral("http")));  // offline
                const qsizetype hash = link.target.indexOf(QLatin1Char('#'));
                const QString file = hash < 0 ? link.target : link.target.left(hash);
                const QString path = file.isEmpty() ? dir.filePath(page) : dir.filePath(file);
                REQUIRE(QFileInfo::exists(path));
                if (link.image) {
                    const QImage image(path);
                    CHECK(!image.isNull());
                    CHECK(image.width() >= 200);
                    // The Help window is about 960 pixels wide and shows pictures at their
                    // own size.
                    CHECK(image.width() <= 1000);
                    ++pictures;
                }
                if (hash >= 0) {
                    // A #section is a heading of the target page (GitHub's anchor rule).
                    QStringList anchors;
                    for (const QString& h : headingsOf(readText(path)))
                        anchors << headingAnchor(h);
                    INFO("anchors: " << toStd(anchors.join(", ")));
                    CHECK(anchors.contains(link.target.mid(hash + 1)));
                }
            }
        }
    }
    CHECK(pictures >= 2 * 6);
}

TEST_CASE("The Help window shows every page with its pictures, and goes to a section", "[help]") {
    (void)test::app();
    for (const QString& language : kLanguages) {
        HelpBrowser help(language);
        help.resize(960, 700);
        help.show();
        REQUIRE(toStd(help.language()) == toStd(language));
        for (const QString& page : pagesOf(language)) {
            INFO(toStd(language) << "/" << toStd(page));
            help.showPage(page);
            QTextDocument* doc = help.browser()->document();
            CHECK(toStd(doc->firstBlock().text()) == toStd(firstHeading(language, page)));
            // Each picture the page shows is loaded by the browser itself (relative paths
            // resolved against the page).
            for (QTextBlock b = doc->begin(); b.isValid(); b = b.next())
                for (auto it = b.begin(); !it.atEnd(); ++it) {
                    const QTextCharFormat f = it.fragment().charFormat();
                    if (!f.isImageFormat())
                        continue;
                    const QString name = f.toImageFormat().name();
                    INFO("picture " << toStd(name));
                    const QVariant image = doc->resource(QTextDocument::ImageResource, QUrl(name));
                    CHECK(image.isValid());
                }
        }
    }
    // A link's #section scrolls that heading to the top of the view.
    HelpBrowser help(QStringLiteral("en"));
    help.resize(960, 500);
    help.show();
    REQUIRE(QTest::qWaitForWindowExposed(&help));
    help.showPage(QStringLiteral("troubleshooting.md#criteria-sets"));
    QScrollBar* bar = help.browser()->verticalScrollBar();
    CHECK(bar->value() > 0);
    const QTextBlock at = help.browser()->textCursor().block();
    CHECK(at.blockFormat().headingLevel() == 2);
    CHECK(toStd(at.text()) == "Criteria sets");
}

TEST_CASE("Heading anchors follow GitHub's rule, Vietnamese letters kept", "[help]") {
    CHECK(toStd(headingAnchor(QStringLiteral("Rules and thresholds"))) == "rules-and-thresholds");
    CHECK(toStd(headingAnchor(QStringLiteral("Khu, cụm"))) == "khu-cụm");
    CHECK(toStd(headingAnchor(QStringLiteral("To suspend — Hà Nội 1987/UBND-KT (24/6/2021)"))) ==
          "to-suspend--hà-nội-1987ubnd-kt-2462021");
    CHECK(toStd(headingAnchor(QStringLiteral("  Mở dự án "))) == "mở-dự-án");
}
