#include "app/gui/data_paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace safemap {

QString findShippedFile(const QString& relativePath) {
    QStringList roots;
    if (const QString env = qEnvironmentVariable("SAFEMAP_HOME"); !env.isEmpty())
        roots << env;
    const QString appDir = QCoreApplication::applicationDirPath();
    // build/<preset>/app/safemap and build/<preset>/tests/test_app sit three levels below
    // the source tree; an installed binary is in <prefix>/bin.
    roots << appDir + QStringLiteral("/../../..") << appDir + QStringLiteral("/../share/safemap")
          << QStringLiteral("/usr/share/safemap");
    for (const auto& root : roots) {
        const QFileInfo fi(QDir(root).filePath(relativePath));
        if (fi.exists())
            return fi.canonicalFilePath();
    }
    return {};
}

QString findDataFile(const QString& relativePath) {
    return findShippedFile(QStringLiteral("data/") + relativePath);
}

QString defaultCriteriaFile() {
    return findShippedFile(QStringLiteral("resources/criteria/crln-1203-v1.json"));
}

}  // namespace safemap
