#include "app/gui/shipped_data.h"

#include "app/gui/data_paths.h"
#include "core/criteria/criteria_io.h"
#include "core/errors/error_catalogue.h"
#include "gis/render/basemap_layers.h"

namespace safemap {

Result<std::shared_ptr<const CriteriaSet>> loadDefaultCriteria() {
    const QString path = defaultCriteriaFile();
    if (path.isEmpty())
        return codedError("app.default_criteria_missing");
    auto set = loadCriteriaSet(path.toStdString());
    if (!set)
        return set.error();
    return std::shared_ptr<const CriteriaSet>(std::make_shared<CriteriaSet>(std::move(*set)));
}

std::vector<LayerRender> loadShippedBasemap(MapLanguage language, std::string* problem) {
    const QString dir = findShippedFile(QStringLiteral("data"));
    if (dir.isEmpty()) {
        if (problem)
            *problem = "SafeMap's data/ folder was not found (set SAFEMAP_HOME)";
        return {};
    }
    auto loaded = loadBasemapLayers(dir.toStdString(), language);
    if (!loaded) {
        if (problem)
            *problem = loaded.error().describe();
        return {};
    }
    return std::move(loaded).value();
}

}  // namespace safemap
