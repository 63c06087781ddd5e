#include "app/gui/shipped_data.h"

#include "app/gui/data_paths.h"
#include "core/criteria/criteria_io.h"

namespace safemap {

Result<std::shared_ptr<const CriteriaSet>> loadDefaultCriteria() {
    const QString path = defaultCriteriaFile();
    if (path.isEmpty())
        return Error(
            "the bundled criteria set resources/criteria/crln-1203-v1.json was not found "
            "(set SAFEMAP_HOME to SafeMap's folder)");
    auto set = loadCriteriaSet(path.toStdString());
    if (!set)
        return set.error();
    return std::shared_ptr<const CriteriaSet>(std::make_shared<CriteriaSet>(std::move(*set)));
}

std::vector<std::shared_ptr<const LayerData>> loadShippedBasemap(std::string* problem) {
    const QString path = findDataFile(QStringLiteral("basemap/countries.geojson"));
    if (path.isEmpty()) {
        if (problem)
            *problem = "data/basemap/countries.geojson was not found";
        return {};
    }
    auto loaded = loadBasemapLayer(path.toStdString());
    if (!loaded) {
        if (problem)
            *problem = loaded.error().describe();
        return {};
    }
    return {*loaded};
}

}  // namespace safemap
