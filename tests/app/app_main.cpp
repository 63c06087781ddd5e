// Widget tests need one QApplication for the whole run, created before any test and
// destroyed after the last one, while Qt's own globals still exist (a function-local static
// QApplication is destroyed too late, at exit, and crashes).
#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>
#include "catch_run.h"

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SafeMapTests"));
    QApplication::setApplicationName(QStringLiteral("test_app"));
    // Settings of this process only: ctest runs the test cases as parallel processes, and
    // those that store settings (the UI language, the window layout) must not see each other's.
    const QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    return runCatchSession(argc, argv);
}
