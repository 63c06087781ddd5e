// One basemap file read straight with OGR (gis/io is another module's; the basemap loaders
// here and in basemap_layers.cpp are the only OGR use in rendering). GDAL's error state is
// per thread, so every call is wrapped and turned into an Error value.
#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <mutex>

#include "core/errors/error_catalogue.h"
#include "core/text/quoted.h"
#include "gis/render/layer_data.h"
#include "gis/render/ogr_geometry_p.h"

namespace safemap {

namespace {

void ensureGdalRegistered() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

}  // namespace

Result<std::shared_ptr<const LayerData>> loadBasemapLayer(const std::string& path) {
    ensureGdalRegistered();
    CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
    CPLErrorStateBackuper keepCallersError;
    CPLErrorReset();

    GDALDatasetUniquePtr dataset(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!dataset) {
        const std::string why = printableText(CPLGetLastErrorMsg());
        return why.empty() ? codedError("basemap.unknown_format", {}, path)
                           : codedError("basemap.cannot_open", {why}, path);
    }
    if (dataset->GetLayerCount() < 1)
        return codedError("basemap.no_layer", {}, path);
    OGRLayer* layer = dataset->GetLayer(0);

    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> transform;
    if (const OGRSpatialReference* source = layer->GetSpatialRef();
        source && !source->IsSame(&wgs84)) {
        OGRSpatialReference from(*source);
        from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        transform.reset(OGRCreateCoordinateTransformation(&from, &wgs84));
        if (!transform)
            return codedError("basemap.cannot_reproject", {"", ""}, path);
    }

    const int nameField = layer->GetLayerDefn()->GetFieldIndex("name");
    LayerBuilder builder("basemap", "Basemap", LayerKind::Basemap);
    long index = 0;
    for (const auto& feature : *layer) {
        ++index;
        const OGRGeometry* geometry = feature->GetGeometryRef();
        if (!geometry)
            continue;
        MultiPolygon area;
        detail::collectPolygons(*geometry, transform.get(), area);
        if (area.empty())
            continue;
        std::string name = nameField >= 0 ? feature->GetFieldAsString(nameField) : std::string();
        builder.addPolygon("basemap-" + std::to_string(index), area, 0, std::move(name));
    }
    return builder.finish();
}

}  // namespace safemap
