#pragma once

#include <QFuture>
#include <QString>

#include "app/gui/work_progress.h"
#include "core/result.h"

class QAction;
class QMenu;

namespace safemap {

class MainWindow;

/// Project → Print facility sheets… (objectName printSheetsAction), added to `menu` and,
/// in field mode, shown above the visit list: the open field package's sheets (or a package
/// chosen in a file dialog when the open project is not one) written as a PDF on a worker
/// with a progress dialog that can cancel.
QAction* addSheetsAction(MainWindow& window, QMenu& menu);

/// Reads the package at `packagePath` with its own read-only connection and writes its
/// facility sheets to `pdfPath` in the UI language, on a worker thread.
QFuture<Status> writeSheetsInBackground(const QString& packagePath, const QString& pdfPath,
                                        WorkProgress progress);

}  // namespace safemap
