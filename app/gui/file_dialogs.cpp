#include "app/gui/file_dialogs.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QFileSystemModel>
#include <QIdentityProxyModel>
#include <QLocale>
#include <memory>

namespace safemap {

namespace {

constexpr const char* kContext = "safemap::FileDialogs";

// The file list's "Type" and "Date Modified" columns in the UI language: Qt words them from
// the desktop's MIME descriptions ("GeoPackage data") and the system locale ("3 Dec 2026"),
// both English on most office machines whatever language SafeMap shows.
class LocalFileColumns : public QIdentityProxyModel {
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex& index, int role) const override {
        constexpr int kTypeColumn = 2;
        constexpr int kDateColumn = 3;
        const auto* files = qobject_cast<const QFileSystemModel*>(sourceModel());
        if (role != Qt::DisplayRole || files == nullptr ||
            (index.column() != kTypeColumn && index.column() != kDateColumn))
            return QIdentityProxyModel::data(index, role);
        const QFileInfo info = files->fileInfo(mapToSource(index));
        if (index.column() == kDateColumn)
            return QLocale().toString(info.lastModified(), QLocale::ShortFormat);
        if (info.isDir())
            return QCoreApplication::translate(kContext,
                                               QT_TRANSLATE_NOOP("safemap::FileDialogs", "Folder"));
        if (info.suffix().isEmpty())
            return QCoreApplication::translate(kContext,
                                               QT_TRANSLATE_NOOP("safemap::FileDialogs", "File"));
        return QCoreApplication::translate(kContext,
                                           QT_TRANSLATE_NOOP("safemap::FileDialogs", "%1 file"))
            .arg(info.suffix().toUpper());
    }
};

QString chosen(QFileDialog* dialog) {
    const std::unique_ptr<QFileDialog> owned(dialog);
    if (owned->exec() != QDialog::Accepted)
        return {};
    const QStringList files = owned->selectedFiles();
    return files.isEmpty() ? QString() : files.first();
}

}  // namespace

QFileDialog* makeFileDialog(QWidget* parent, FileDialogMode mode, const QString& caption,
                            const QString& start, const QString& filter) {
    // The constructor selects the file name when `start` is a file path, as the static
    // QFileDialog functions do.
    auto* dialog = new QFileDialog(parent, caption, start, filter);
    dialog->setOption(QFileDialog::DontUseNativeDialog);
    dialog->setProxyModel(new LocalFileColumns(dialog));
    // Qt's default (about 520×360) cuts the Vietnamese column titles and the dates; this
    // still fits a 1280×720 screen.
    dialog->resize(860, 520);
    if (mode == FileDialogMode::Save) {
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setFileMode(QFileDialog::AnyFile);
    } else {
        dialog->setAcceptMode(QFileDialog::AcceptOpen);
        dialog->setFileMode(QFileDialog::ExistingFile);
    }
    return dialog;
}

QString chooseFileToOpen(QWidget* parent, const QString& caption, const QString& start,
                         const QString& filter) {
    return chosen(makeFileDialog(parent, FileDialogMode::Open, caption, start, filter));
}

QString chooseFileToSave(QWidget* parent, const QString& caption, const QString& start,
                         const QString& filter) {
    return chosen(makeFileDialog(parent, FileDialogMode::Save, caption, start, filter));
}

QColor chooseColour(const QColor& initial, QWidget* parent, const QString& title,
                    QColorDialog::ColorDialogOptions options) {
    return QColorDialog::getColor(initial, parent, title,
                                  options | QColorDialog::DontUseNativeDialog);
}

}  // namespace safemap
