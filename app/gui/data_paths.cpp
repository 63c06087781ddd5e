#include "app/gui/data_paths.h"

#include "app/cli/shipped_files.h"

namespace safemap {

QString findShippedFile(const QString& relativePath) {
    return QString::fromStdString(findShippedPath(relativePath.toStdString()));
}

QString findDataFile(const QString& relativePath) {
    return findShippedFile(QStringLiteral("data/") + relativePath);
}

QString defaultCriteriaFile() {
    return findShippedFile(QStringLiteral("resources/criteria/crln-1203-v1.json"));
}

}  // namespace safemap
