#include "app/gui/shipped_data.h"

#include "app/gui/data_paths.h"
#include "gis/field/package_basemap.h"
#include "gis/render/basemap_layers.h"

namespace safemap {

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

PackageExtras packageBasemapExtras(std::string* problem) {
    const QString dir = findShippedFile(QStringLiteral("data/basemap"));
    if (dir.isEmpty()) {
        if (problem)
            *problem = "SafeMap's data/basemap folder was not found (set SAFEMAP_HOME)";
        return {};
    }
    // findShippedFile gives the basemap folder; the writer takes the data folder above it.
    std::string data = dir.toStdString();
    data.resize(data.size() - std::string("/basemap").size());
    return [data](const std::string& packagePath, const BBox& area) {
        return writePackageBasemap(packagePath, data, area);
    };
}

}  // namespace safemap
