#include "app/gui/file_dialogs.h"

#include <memory>

namespace safemap {

namespace {

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
