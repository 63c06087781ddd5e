#include "app/gui/data_paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace safemap {

QString findDataFile(const QString& relativePath) {
    QStringList roots;
    if (const QString env = qEnvironmentVariable("SAFEMAP_DATA_DIR"); !env.isEmpty())
        roots << env;
    const QString appDir = QCoreApplication::applicationDirPath();
    // build/<preset>/app/safemap and build/<preset>/tests/test_app sit three levels below
    // the source tree's data/.
    roots << appDir + QStringLiteral("/../../../data") << appDir + QStringLiteral("/../../data")
          << appDir + QStringLiteral("/../share/safemap/data")
          << QStringLiteral("/usr/share/safemap/data");
    for (const auto& root : roots) {
        const QFileInfo fi(QDir(root).filePath(relativePath));
        if (fi.exists()) return fi.canonicalFilePath();
    }
    return {};
}

}  // namespace safemap
