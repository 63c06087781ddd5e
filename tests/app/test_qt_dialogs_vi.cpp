// Qt's own dialogs in Vietnamese: Qt 6.4 ships no qtbase_vi.qm, so SafeMap carries
// resources/translations/qtbase_vi.ts. The file dialogs SafeMap opens (Qt's widget dialog, on
// every desktop), a message box's standard buttons and the print dialog show Vietnamese and
// none of Qt's English words.
#include <QApplication>
#include <QDate>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QTimer>
#include <QTranslator>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "app/gui/file_dialogs.h"
#include "app/gui/language.h"
#include "app_fixture.h"
#include "test_support.h"
#include "ts_file.h"
#include "visible_texts.h"

using namespace safemap;
using safemap::test::SeenText;
using safemap::test::toStd;

namespace {

const std::string kQtTs = "resources/translations/qtbase_vi.ts";

/// Vietnamese for the test's scope, as the language menu sets it; English again at the end,
/// with the stored choice and the default locale as they were.
class VietnameseUi {
public:
    VietnameseUi() : stored_(QSettings().value(kKey)) {
        applyLanguage(QStringLiteral("vi"), test::app());
    }
    ~VietnameseUi() {
        applyLanguage(QStringLiteral("en"), test::app());
        QLocale::setDefault(locale_);
        QSettings settings;
        if (stored_.isValid())
            settings.setValue(kKey, stored_);
        else
            settings.remove(kKey);
    }
    VietnameseUi(const VietnameseUi&) = delete;
    VietnameseUi& operator=(const VietnameseUi&) = delete;

private:
    static inline const QString kKey = QStringLiteral("ui/language");
    QVariant stored_;
    QLocale locale_;
};

/// Words of Qt's English dialogs that must not be seen in a Vietnamese UI (as read, without
/// the mnemonic '&').
const QStringList kEnglish = {
    QStringLiteral("Open"),
    QStringLiteral("Save"),
    QStringLiteral("Cancel"),
    QStringLiteral("File name:"),
    QStringLiteral("Files of type:"),
    QStringLiteral("Look in:"),
    QStringLiteral("Print"),
    QStringLiteral("Properties"),
    QStringLiteral("Yes"),
    QStringLiteral("No"),
    QStringLiteral("Close"),
    QStringLiteral("OK"),
    QStringLiteral("Name"),
    QStringLiteral("Size"),
    QStringLiteral("Type"),
    QStringLiteral("Date Modified"),
    QStringLiteral("Back"),
    QStringLiteral("Forward"),
    QStringLiteral("Parent Directory"),
    QStringLiteral("Create New Folder"),
    QStringLiteral("List View"),
    QStringLiteral("Detail View"),
    QStringLiteral("Printer"),
    QStringLiteral("Location:"),
    QStringLiteral("Type:"),
    QStringLiteral("Output file:"),
    QStringLiteral("Options >>"),
    QStringLiteral("Options <<"),
    QStringLiteral("Copies"),
    QStringLiteral("Copies:"),
    QStringLiteral("Collate"),
    QStringLiteral("Reverse"),
    QStringLiteral("Print range"),
    QStringLiteral("Print all"),
    QStringLiteral("Pages from"),
    QStringLiteral("Current Page"),
    QStringLiteral("Selection"),
    QStringLiteral("Color Mode"),
    QStringLiteral("Color"),
    QStringLiteral("Grayscale"),
    QStringLiteral("Double Sided Printing"),
    QStringLiteral("Options"),
    QStringLiteral("Apply"),
    QStringLiteral("Discard"),
    QStringLiteral("Help"),
    QStringLiteral("Abort"),
    QStringLiteral("Retry"),
    QStringLiteral("Ignore"),
    QStringLiteral("Directory:"),
    QStringLiteral("Show Details..."),
    QStringLiteral("Print to File (PDF)"),
    QStringLiteral("Local file"),
    QStringLiteral("Write PDF file"),
    QStringLiteral("Paper"),
    QStringLiteral("Page size:"),
    QStringLiteral("Orientation"),
    QStringLiteral("Portrait"),
    QStringLiteral("Landscape"),
    QStringLiteral("Margins"),
    QStringLiteral("Page Layout"),
};

/// Fails, naming the widget, for every visible text of `dialog` that is one of kEnglish.
/// Returns the texts, for the checks of what must be there.
QStringList checkNoEnglish(QWidget& dialog) {
    QStringList texts;
    const std::vector<SeenText> seen = test::visibleTexts(&dialog);
    for (const SeenText& t : seen) {
        texts << t.text;
        INFO(toStd(t.where) << ": \"" << toStd(t.text) << "\"");
        CHECK_FALSE(kEnglish.contains(t.text));
    }
    REQUIRE(seen.size() >= 5);  // the walk saw the dialog's widgets
    return texts;
}

QAbstractButton* buttonWithText(QWidget& dialog, const QString& text) {
    for (QAbstractButton* b : dialog.findChildren<QAbstractButton*>())
        if (b->isVisible() && b->text() == text)
            return b;
    return nullptr;
}

void showAndWait(QWidget& dialog) {
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    QTest::qWait(50);  // the file system model fills the view and sets its headers
}

}  // namespace

TEST_CASE("Every entry of qtbase_vi.ts is translated, with its placeholders", "[i18n]") {
    const auto entries = test::readTs(QString::fromStdString(sourcePath(kQtTs)));
    // 497 entries when written (file, colour, print dialogs, buttons, menus, page sizes).
    REQUIRE(entries.size() >= 450);
    int differing = 0;
    for (const auto& e : entries) {
        INFO(toStd(e.context) << ": " << toStd(e.source) << " -> " << toStd(e.translation));
        CHECK(e.type.isEmpty());
        CHECK_FALSE(e.translation.trimmed().isEmpty());
        CHECK(test::placeholders(e.translation) == test::placeholders(e.source));
        CHECK(e.translation == e.translation.normalized(QString::NormalizationForm_C));
        CHECK(test::accelerators(e.translation) <= test::accelerators(e.source));
        differing += e.translation != e.source ? 1 : 0;
    }
    // Codes and paper sizes (A4, Letter, Alt+Left) read the same; the rest is Vietnamese.
    CHECK(differing >= 330);
}

TEST_CASE("The embedded qtbase_vi.qm answers every entry of qtbase_vi.ts", "[i18n]") {
    QTranslator translator;
    REQUIRE(loadQtTranslation(translator, QStringLiteral("vi")));
    CHECK_FALSE(loadQtTranslation(translator, QStringLiteral("en")));
    for (const auto& e : test::readTs(QString::fromStdString(sourcePath(kQtTs)))) {
        INFO(toStd(e.context) << ": " << toStd(e.source));
        // An entry translated to itself is stored as such; an empty answer means "missing".
        CHECK(toStd(translator.translate(e.context.toUtf8().constData(),
                                         e.source.toUtf8().constData())) == toStd(e.translation));
    }
}

TEST_CASE("The open and save file dialogs are Qt's, in Vietnamese", "[i18n]") {
    VietnameseUi vi;
    TempDir dir;
    // A file and a folder in the list: their type and date are worded in Vietnamese too.
    std::filesystem::create_directories(dir.path() / "bao_cao");
    { std::ofstream(dir.file("du_an.gpkg")) << "x"; }
    {
        std::unique_ptr<QFileDialog> open(makeFileDialog(
            nullptr, FileDialogMode::Open, QStringLiteral("Mở dự án"),
            QString::fromStdString(dir.path().string()), QStringLiteral("Dự án SafeMap (*.gpkg)")));
        CHECK(open->testOption(QFileDialog::DontUseNativeDialog));
        CHECK(open->acceptMode() == QFileDialog::AcceptOpen);
        showAndWait(*open);
        const QStringList texts = checkNoEnglish(*open);
        INFO(toStd(texts.join(QStringLiteral(" | "))));
        CHECK(texts.contains(QStringLiteral("Tìm trong:")));
        CHECK(texts.contains(QStringLiteral("Tên tệp:")));
        CHECK(texts.contains(QStringLiteral("Loại tệp:")));
        CHECK(texts.contains(QStringLiteral("Mở")));
        CHECK(texts.contains(QStringLiteral("Hủy")));
        CHECK(texts.contains(QStringLiteral("Tên")));          // the file list's first column
        CHECK(texts.contains(QStringLiteral("Kích thước")));   // and its second
        CHECK(texts.contains(QStringLiteral("Thư mục cha")));  // a tool button's tooltip
        // The list's type and date columns: "Tệp GPKG", "Thư mục", a day/month/year date.
        CHECK(texts.contains(QStringLiteral("Tệp GPKG")));
        CHECK(texts.contains(QStringLiteral("Thư mục")));
        const QString today = QLocale().toString(QDate::currentDate(), QLocale::ShortFormat);
        bool dated = false;
        for (const QString& t : texts)
            dated = dated || t.startsWith(today);
        CHECK(dated);
        open->close();
    }
    {
        std::unique_ptr<QFileDialog> save(makeFileDialog(
            nullptr, FileDialogMode::Save, QStringLiteral("Xuất danh sách"),
            QString::fromStdString(dir.file("danh_sach.csv")), QStringLiteral("Tệp CSV (*.csv)")));
        CHECK(save->acceptMode() == QFileDialog::AcceptSave);
        showAndWait(*save);
        const QStringList texts = checkNoEnglish(*save);
        INFO(toStd(texts.join(QStringLiteral(" | "))));
        CHECK(texts.contains(QStringLiteral("Lưu")));
        CHECK(texts.contains(QStringLiteral("Hủy")));
        CHECK(texts.contains(QStringLiteral("Tên tệp:")));
        save->close();
    }
}

TEST_CASE("A message box's standard buttons are Vietnamese", "[i18n]") {
    VietnameseUi vi;
    QMessageBox box(
        QMessageBox::Question, QStringLiteral("SafeMap"), QStringLiteral("Lưu thay đổi?"),
        QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel | QMessageBox::Close |
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Open | QMessageBox::Apply);
    box.setDetailedText(QStringLiteral("chi tiết"));
    showAndWait(box);
    const QStringList texts = checkNoEnglish(box);
    INFO(toStd(texts.join(QStringLiteral(" | "))));
    CHECK(toStd(box.button(QMessageBox::Yes)->text()) == "&Có");
    CHECK(toStd(box.button(QMessageBox::No)->text()) == "&Không");
    CHECK(toStd(box.button(QMessageBox::Cancel)->text()) == "Hủy");
    CHECK(toStd(box.button(QMessageBox::Close)->text()) == "Đóng");
    CHECK(toStd(box.button(QMessageBox::Save)->text()) == "Lưu");
    CHECK(texts.contains(QStringLiteral("Hiện chi tiết...")));
    box.close();
}

TEST_CASE("The print dialog is Vietnamese, with its options shown too", "[i18n]") {
    VietnameseUi vi;
    QPrinter printer;
    QPrintDialog dialog(&printer);
    showAndWait(dialog);
    QStringList texts = checkNoEnglish(dialog);
    {
        INFO(toStd(texts.join(QStringLiteral(" | "))));
        CHECK(toStd(dialog.windowTitle()) == "In");
        CHECK(texts.contains(QStringLiteral("Máy in")));
        CHECK(texts.contains(QStringLiteral("Hủy")));
    }
    // The options part (copies, range, page setup) opens with the "Options >>" button.
    QAbstractButton* options = buttonWithText(dialog, QStringLiteral("&Tùy chọn >>"));
    REQUIRE(options != nullptr);
    options->click();
    QTest::qWait(50);
    texts = checkNoEnglish(dialog);
    INFO(toStd(texts.join(QStringLiteral(" | "))));
    CHECK(texts.contains(QStringLiteral("Số bản:")));
    CHECK(texts.contains(QStringLiteral("Phạm vi in")));
    CHECK(texts.contains(QStringLiteral("Xếp theo bộ")));
    CHECK(texts.contains(QStringLiteral("Tùy chọn <<")));

    // The printer's properties (paper size, orientation) open modally: looked at, then closed.
    QAbstractButton* properties = buttonWithText(dialog, QStringLiteral("Th&uộc tính"));
    REQUIRE(properties != nullptr);
    QStringList propertyTexts;
    bool seenProperties = false;
    QTimer::singleShot(300, &dialog, [&] {
        QWidget* modal = QApplication::activeModalWidget();
        if (modal != nullptr && modal != &dialog) {
            seenProperties = true;
            propertyTexts = checkNoEnglish(*modal);
            modal->close();
        }
    });
    REQUIRE(properties->isEnabled());
    properties->click();  // returns when the timer has closed the dialog
    REQUIRE(seenProperties);
    INFO(toStd(propertyTexts.join(QStringLiteral(" | "))));
    CHECK(propertyTexts.contains(QStringLiteral("Thuộc tính máy in")));
    CHECK(propertyTexts.contains(QStringLiteral("Khổ giấy:")));
    CHECK(propertyTexts.contains(QStringLiteral("Hướng giấy")));
    dialog.close();
}

TEST_CASE("In English, Qt's dialogs keep their English words", "[i18n]") {
    // The other half of the switch: the Vietnamese catalogue is removed again.
    { VietnameseUi vi; }
    QMessageBox box(QMessageBox::Question, QStringLiteral("SafeMap"), QStringLiteral("Save?"),
                    QMessageBox::Yes | QMessageBox::Cancel);
    CHECK(toStd(box.button(QMessageBox::Yes)->text()) == "&Yes");
    CHECK(toStd(box.button(QMessageBox::Cancel)->text()) == "Cancel");
}
