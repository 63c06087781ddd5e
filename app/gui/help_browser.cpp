#include "app/gui/help_browser.h"

#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QApplication>
#include <QCursor>
#include <QDir>
#include <QEvent>
#include <QHash>
#include <QKeySequence>
#include <QMainWindow>
#include <QMenu>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextBrowser>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>
#include <QWhatsThis>
#include <QWhatsThisClickedEvent>

#include "app/gui/data_paths.h"
#include "app/gui/language.h"
#include "app/gui/retranslate.h"

namespace safemap {

namespace {

const QString kIndexPage = QStringLiteral("index.md");

// The main window's panels (their object names, set in main_window.cpp) and their pages.
// A widget inside a panel (the legend inside its dock, a table's cell) finds its page
// through its parents.
const QHash<QString, QString>& panelPages() {
    static const QHash<QString, QString> pages{
        {QStringLiteral("mapCanvas"), QStringLiteral("map.md")},
        {QStringLiteral("layersDock"), QStringLiteral("map.md")},
        {QStringLiteral("legendDock"), QStringLiteral("legend.md")},
        {QStringLiteral("filterDock"), QStringLiteral("filter.md")},
        {QStringLiteral("suspendDock"), QStringLiteral("lists.md")},
        {QStringLiteral("inspectDock"), QStringLiteral("lists.md")},
        {QStringLiteral("suspendTable"), QStringLiteral("lists.md")},
        {QStringLiteral("inspectTable"), QStringLiteral("lists.md")},
        {QStringLiteral("identifyDock"), QStringLiteral("site-record.md")},
    };
    return pages;
}

QString otherLanguage(const QString& language) {
    return language == QStringLiteral("en") ? QStringLiteral("vi") : QStringLiteral("en");
}

// The window property holding the language of its guide, set by installHelp.
constexpr const char* kLanguageProperty = "safemapHelpLanguage";

/// Follows the What's This links of one main window's panels (a click on one arrives as
/// QEvent::WhatsThisClicked on the panel). No Q_OBJECT: it needs no signals, no casts.
class HelpInstaller : public QObject {
public:
    explicit HelpInstaller(QMainWindow* window) : QObject(window), window_(window) {}

    /// The short explanation shown by What's This over each panel, with a link to its page.
    /// (HelpBrowser's context: a class in an unnamed namespace has no stable one.)
    QString whatsThisFor(const QString& objectName) const {
        const QString page = panelPages().value(objectName);
        QString text;
        if (page == QStringLiteral("map.md"))
            text = HelpBrowser::tr(
                "<b>Map</b>: zones and facilities coloured by their latest risk level. "
                "Drag to pan, use the wheel or +/− to zoom, click a site for its record.");
        else if (page == QStringLiteral("legend.md"))
            text = HelpBrowser::tr(
                "<b>Legend</b>: what each colour and mark means, and how zones are "
                "coloured.");
        else if (page == QStringLiteral("filter.md"))
            text = HelpBrowser::tr(
                "<b>Filter</b>: narrows the map and both lists together, by name, "
                "level, type, zone, district, workers and age of the assessment.");
        else if (page == QStringLiteral("lists.md"))
            text = HelpBrowser::tr(
                "<b>Lists</b>: the facilities to suspend and those due for inspection, "
                "each with its reasons. Click a row to go to the site.");
        else if (page == QStringLiteral("site-record.md"))
            text = HelpBrowser::tr(
                "<b>Site record</b>: the selected site's details, its latest score "
                "index by index and its assessment history.");
        else
            return {};
        return text + QStringLiteral("<p><a href=\"%1\">%2</a></p>")
                          .arg(page, HelpBrowser::tr("More in the user guide (F1)"));
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::WhatsThisClicked) {
            showHelp(window_, static_cast<QWhatsThisClickedEvent*>(event)->href());
            return true;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QMainWindow* window_;
};

}  // namespace

QString guideDirectory(const QString& language) {
    return findShippedFile(QStringLiteral("docs/guide/") + language);
}

QString helpTopicFor(const QWidget* widget) {
    for (const QWidget* w = widget; w; w = w->parentWidget()) {
        const auto it = panelPages().find(w->objectName());
        if (it != panelPages().end())
            return it.value();
        if (w->isWindow())
            break;
    }
    return kIndexPage;
}

QString headingAnchor(const QString& headingText) {
    // GitHub's rule: lower case; drop everything but letters, digits, marks, spaces, '-' and
    // '_'; each space becomes '-'.
    QString out;
    for (const QChar c : headingText.trimmed().toLower()) {
        if (c == QLatin1Char(' '))
            out += QLatin1Char('-');
        else if (c.isLetterOrNumber() || c.isMark() || c == QLatin1Char('-') ||
                 c == QLatin1Char('_'))
            out += c;
    }
    return out;
}

HelpBrowser::HelpBrowser(const QString& language, QWidget* parent)
    : QWidget(parent, Qt::Window), browser_(new QTextBrowser(this)) {
    setObjectName(QStringLiteral("helpBrowser"));
    setWindowTitle(tr("SafeMap — User guide"));
    for (const QString& candidate : {language, otherLanguage(language)}) {
        directory_ = guideDirectory(candidate);
        if (!directory_.isEmpty()) {
            language_ = candidate;
            break;
        }
    }
    browser_->setObjectName(QStringLiteral("helpText"));
    browser_->setOpenLinks(true);
    browser_->setOpenExternalLinks(false);  // offline: the guide links only to local files
    browser_->document()->setDocumentMargin(16);
    auto* bar = new QToolBar(this);
    QAction* back = translated(bar->addAction(QString(), browser_, &QTextBrowser::backward),
                               "safemap::HelpBrowser", QT_TR_NOOP("Back"));
    back->setShortcut(QKeySequence::Back);
    back->setEnabled(false);
    QAction* forward = translated(bar->addAction(QString(), browser_, &QTextBrowser::forward),
                                  "safemap::HelpBrowser", QT_TR_NOOP("Forward"));
    forward->setShortcut(QKeySequence::Forward);
    forward->setEnabled(false);
    translated(bar->addAction(QString(), this, [this] { showPage(kIndexPage); }),
               "safemap::HelpBrowser", QT_TR_NOOP("Contents"));
    connect(browser_, &QTextBrowser::backwardAvailable, back, &QAction::setEnabled);
    connect(browser_, &QTextBrowser::forwardAvailable, forward, &QAction::setEnabled);
    // QTextBrowser knows anchors only from HTML; Qt's Markdown reader makes none for
    // headings, so a link's #fragment is matched against the headings' GitHub anchors.
    connect(browser_, &QTextBrowser::sourceChanged, this, [this](const QUrl& url) {
        if (url.hasFragment())
            scrollToHeading(url.fragment(QUrl::FullyDecoded));
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(browser_);
    resize(960, 820);
}

void HelpBrowser::showPage(const QString& page) {
    if (directory_.isEmpty()) {
        browser_->setMarkdown(
            tr("# The user guide is not installed\n\nSafeMap looked for `docs/guide` in "
               "`$SAFEMAP_HOME`, next to the build directory and in "
               "`/usr/share/safemap`."));
        return;
    }
    const qsizetype hash = page.indexOf(QLatin1Char('#'));
    const QString file = hash < 0 ? page : page.left(hash);
    QUrl url = QUrl::fromLocalFile(QDir(directory_).filePath(file.isEmpty() ? kIndexPage : file));
    if (hash >= 0)
        url.setFragment(page.mid(hash + 1));
    if (url == browser_->source()) {
        // Same page: sourceChanged will not fire, but the section may differ.
        if (url.hasFragment())
            scrollToHeading(url.fragment(QUrl::FullyDecoded));
        return;
    }
    browser_->setSource(url, QTextDocument::MarkdownResource);
}

void HelpBrowser::scrollToHeading(const QString& anchor) {
    for (QTextBlock block = browser_->document()->begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().headingLevel() > 0 && headingAnchor(block.text()) == anchor) {
            browser_->setTextCursor(QTextCursor(block));
            // The heading at the top of the view. Asking for the block's rectangle lays the
            // document out that far, which also updates the scroll bar's range.
            const QRectF rect = browser_->document()->documentLayout()->blockBoundingRect(block);
            browser_->verticalScrollBar()->setValue(qRound(rect.top()));
            return;
        }
    }
}

HelpBrowser* showHelp(QMainWindow* window, const QString& page) {
    auto* help =
        window->findChild<HelpBrowser*>(QStringLiteral("helpBrowser"), Qt::FindDirectChildrenOnly);
    if (!help) {
        const QVariant language = window->property(kLanguageProperty);
        help =
            new HelpBrowser(language.isValid() ? language.toString() : currentLanguage(), window);
    }
    help->showPage(page);
    help->show();
    help->raise();
    help->activateWindow();
    return help;
}

void installHelp(QMainWindow* window, QMenu* helpMenu) {
    // The UI language of this run: translations were installed before the window was built,
    // and a language chosen since applies from the next start.
    window->setProperty(kLanguageProperty, currentLanguage());
    auto* installer = new HelpInstaller(window);
    QAction* before = helpMenu->actions().value(0);

    // The menu entry opens the contents. Its "F1" is only a label (after the tab): F1 itself
    // is the window's context action below, which looks at the panel under the mouse,
    // something a menu click cannot tell apart from the menu itself.
    auto* contents = translated(new QAction(helpMenu), "safemap::HelpBrowser",
                                QT_TRANSLATE_NOOP("safemap::HelpBrowser", "&User guide"),
                                QStringLiteral("\tF1"));
    contents->setObjectName(QStringLiteral("helpContentsAction"));
    QObject::connect(contents, &QAction::triggered, window,
                     [window] { showHelp(window, kIndexPage); });
    helpMenu->insertAction(before, contents);

    auto* context = translated(new QAction(window), "safemap::HelpBrowser",
                               QT_TRANSLATE_NOOP("safemap::HelpBrowser", "Help on this panel"));
    context->setObjectName(QStringLiteral("helpContextAction"));
    context->setShortcut(QKeySequence::HelpContents);
    QObject::connect(context, &QAction::triggered, window, [window] {
        const QWidget* under = QApplication::widgetAt(QCursor::pos());
        QString page = under && under->window() == window ? helpTopicFor(under) : kIndexPage;
        if (page == kIndexPage)
            page = helpTopicFor(QApplication::focusWidget());
        showHelp(window, page);
    });
    window->addAction(context);

    QAction* whatsThis = QWhatsThis::createAction(helpMenu);
    whatsThis->setObjectName(QStringLiteral("whatsThisAction"));
    // Qt's own text has no Vietnamese translation in Qt 6.4; ours does.
    whatsThis->setText(HelpBrowser::tr("What's &This?"));
    helpMenu->insertAction(before, whatsThis);
    if (before)
        helpMenu->insertSeparator(before);

    const QList<QWidget*> children = window->findChildren<QWidget*>();
    for (QWidget* w : children) {
        const QString text = installer->whatsThisFor(w->objectName());
        if (text.isEmpty() || w->objectName().endsWith(QStringLiteral("Table")))
            continue;  // the lists' docks carry their tables' text
        w->setWhatsThis(text);
        w->installEventFilter(installer);
    }
}

}  // namespace safemap
