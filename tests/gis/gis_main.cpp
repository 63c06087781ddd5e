// Rendering needs fonts, and fonts need a QGuiApplication from the first test on: ctest
// runs each test case alone, so no test may rely on another having created it.
#include <QGuiApplication>
#include "catch_run.h"

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    return runCatchSession(argc, argv);
}
