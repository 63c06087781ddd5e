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
    // the source tree. Only a directory that is one counts: for an installed /usr/bin/safemap
    // three levels up is "/", and a stray /data there must not be taken for SafeMap's.
    const QString sourceTree = appDir + QStringLiteral("/../../..");
    if (QFileInfo::exists(sourceTree + QStringLiteral("/app/gui/data_paths.cpp")))
        roots << sourceTree;
    // Installed: <prefix>/bin/safemap finds <prefix>/share/safemap (the package's /usr, or a
    // `cmake --install --prefix` anywhere), then the system's copy.
    roots << appDir + QStringLiteral("/../share/safemap") << QStringLiteral("/usr/share/safemap");
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
