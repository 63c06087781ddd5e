#pragma once

#include <QPointer>
#include <QString>
#include <QWidget>

class QMainWindow;
class QMenu;
class QTextBrowser;
class QUrl;

namespace safemap {

/// The user guide's directory for `language` ("vi" or "en"): docs/guide/<language> of the
/// source tree a build sits in, or <prefix>/share/safemap/docs/guide/<language> when installed
/// (found like every shipped file, data_paths.h). Empty if there is none.
QString guideDirectory(const QString& language);

/// The guide page that explains `widget`, or the main panel it sits in: "map.md" for the
/// map and the layer list, "legend.md", "filter.md", "lists.md" (both lists),
/// "site-record.md"; "index.md" (the contents) for anything else or nullptr.
QString helpTopicFor(const QWidget* widget);

/// The GitHub-style anchor of a heading ("Đọc chú giải" → "đọc-chú-giải",
/// "Rules and thresholds" → "rules-and-thresholds"). Links in the guide use these, so that
/// they work on a code-hosting site and in the Help window alike.
QString headingAnchor(const QString& headingText);

/// \brief The user guide window: Markdown pages of docs/guide/<language>/ in a
/// QTextBrowser, with back, forward and contents. Works offline: every page and picture is a
/// local file.
class HelpBrowser : public QWidget {
    Q_OBJECT
public:
    /// A guide window for `language` ("vi" or "en"); falls back to the other language when
    /// that guide is not installed.
    explicit HelpBrowser(const QString& language, QWidget* parent = nullptr);

    /// Shows `page` of the guide: "lists.md" or "lists.md#heading-anchor".
    void showPage(const QString& page);
    /// The language of the pages shown ("vi" or "en"), empty when no guide was found.
    QString language() const { return language_; }
    QTextBrowser* browser() const { return browser_; }

private:
    void scrollToHeading(const QString& anchor);

    QString language_;
    QString directory_;
    QTextBrowser* browser_;
};

/// Adds to `helpMenu` (before the actions it already has) "User guide" and "What's This?"
/// (Shift+F1), and to `window` the F1 key: the guide page of the panel under the mouse, or
/// else of the one with the keyboard focus (map, legend, filter, lists, site record), or the
/// contents. The main panels get a What's This text whose link opens their page. The guide is
/// in the UI language of this run (currentLanguage() when the window is built).
void installHelp(QMainWindow* window, QMenu* helpMenu);

/// Opens the guide window of `window` (one per window, made on first use) at `page` and
/// raises it. Returns it, for tests.
HelpBrowser* showHelp(QMainWindow* window, const QString& page);

}  // namespace safemap
