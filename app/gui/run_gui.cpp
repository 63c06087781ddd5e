#include "app/gui/run_gui.h"

#include <QApplication>
#include <QIcon>
#include <QSettings>
#include <string>

#include "app/cli/huge_pages.h"
#include "app/cli/malloc_arenas.h"
#include "app/gui/app_resources.h"
#include "app/gui/language.h"
#include "app/gui/main_window.h"
#include "safemap/version.h"

namespace safemap {

namespace {

// The project the window reopens when started without one (openLastProject), read before
// QApplication exists: the settings file is the one QSettings() opens once the names are set.
std::string rememberedProject() {
    const QSettings settings(QStringLiteral("SafeMap"), QStringLiteral("SafeMap"));
    return settings.value(QStringLiteral("project/last")).toString().toStdString();
}

}  // namespace

int runGui(int argc, char** argv) {
    if (argc < 2)
        preferHugePagesFor(argv, rememberedProject());
    limitMallocArenas();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SafeMap"));
    QApplication::setApplicationName(QStringLiteral("SafeMap"));
    QApplication::setApplicationVersion(QString::fromUtf8(kVersion));
    // The installed desktop entry is safemap.desktop; Wayland shells match windows to it.
    QGuiApplication::setDesktopFileName(QStringLiteral("safemap"));
    registerAppResources();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/safemap.svg")));
    installTranslations(app);  // before any widget: tr() runs as widgets are built
    MainWindow window;
    window.show();
    const QStringList args = QApplication::arguments();
    if (args.size() > 1)
        window.openProject(args.at(1));
    else
        window.openLastProject();
    return QApplication::exec();
}

}  // namespace safemap
