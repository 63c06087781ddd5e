#pragma once
// Every file and colour dialog SafeMap opens is made here, as Qt's own widget dialog rather
// than the desktop's native one: the native dialogs follow the desktop's language (often
// English on an office machine) and not SafeMap's, while Qt's widget dialogs are translated by
// resources/translations/qtbase_vi.ts and switch language with the rest of the window.

#include <QColor>
#include <QColorDialog>
#include <QFileDialog>
#include <QString>

class QWidget;

namespace safemap {

enum class FileDialogMode { Open, Save };

/// A file dialog (not yet shown) to open an existing file or to save one, starting at `start`
/// (a folder, or a file path whose name is proposed), with Qt's widget dialog. The caller owns
/// it. chooseFileToOpen/chooseFileToSave show one modally; tests show one without blocking.
QFileDialog* makeFileDialog(QWidget* parent, FileDialogMode mode, const QString& caption,
                            const QString& start, const QString& filter);

/// The chosen file of a modal open dialog, or empty if the user cancelled.
QString chooseFileToOpen(QWidget* parent, const QString& caption, const QString& start,
                         const QString& filter);

/// The chosen file of a modal save dialog (asks before replacing a file), or empty if the user
/// cancelled.
QString chooseFileToSave(QWidget* parent, const QString& caption, const QString& start,
                         const QString& filter);

/// The colour chosen in Qt's widget colour dialog, or an invalid colour if the user cancelled.
QColor chooseColour(const QColor& initial, QWidget* parent, const QString& title,
                    QColorDialog::ColorDialogOptions options = {});

}  // namespace safemap
