#include "gis/io/source_info.h"

#include "gis/io/ogr_source_p.h"

namespace safemap {

Result<SourceInfo> describeSource(const std::string& path) {
    auto source = openOgrSource(path);
    if (!source)
        return source.error();
    GdalErrorScope errors;
    SourceInfo info;
    info.path = path;
    info.format = (*source)->driver;
    info.encoding = (*source)->encoding;
    GDALDataset& ds = *(*source)->dataset;
    for (int i = 0; i < ds.GetLayerCount(); ++i)
        info.layers.push_back(describeLayer(**source, *ds.GetLayer(i)));
    return info;
}

}  // namespace safemap
