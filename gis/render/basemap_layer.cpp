// The basemap is read straight with OGR here (gis/io is another module's; this is the only
// OGR use in rendering). GDAL's error state is per thread, so every call is wrapped and turned
// into an Error value.
#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <mutex>

#include "gis/render/layer_data.h"

namespace safemap {

namespace {

void ensureGdalRegistered() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

Ring toRing(const OGRLinearRing& ring, OGRCoordinateTransformation* transform) {
    Ring out;
    out.reserve(static_cast<std::size_t>(ring.getNumPoints()));
    for (int i = 0; i < ring.getNumPoints(); ++i) {
        double x = ring.getX(i);
        double y = ring.getY(i);
        if (transform && !transform->Transform(1, &x, &y))
            continue;
        out.push_back({x, y});
    }
    return out;
}

Polygon toPolygon(const OGRPolygon& polygon, OGRCoordinateTransformation* transform) {
    Polygon out;
    if (const OGRLinearRing* outer = polygon.getExteriorRing())
        out.rings.push_back(toRing(*outer, transform));
    for (int i = 0; i < polygon.getNumInteriorRings(); ++i)
        out.rings.push_back(toRing(*polygon.getInteriorRing(i), transform));
    return out;
}

// Polygons and multipolygons (and collections of them); anything else yields nothing.
void collectPolygons(const OGRGeometry& geometry, OGRCoordinateTransformation* transform,
                     MultiPolygon& out) {
    switch (wkbFlatten(geometry.getGeometryType())) {
        case wkbPolygon:
            out.push_back(toPolygon(*geometry.toPolygon(), transform));
            break;
        case wkbMultiPolygon:
        case wkbGeometryCollection:
            for (const OGRGeometry* part : *geometry.toGeometryCollection())
                if (part)
                    collectPolygons(*part, transform, out);
            break;
        default:
            break;
    }
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
        std::string why = CPLGetLastErrorMsg();
        return Error("cannot open basemap: " + (why.empty() ? std::string("unknown format") : why),
                     path);
    }
    if (dataset->GetLayerCount() < 1)
        return Error("basemap has no layer", path);
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
            return Error("cannot reproject basemap to EPSG:4326", path);
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
        collectPolygons(*geometry, transform.get(), area);
        if (area.empty())
            continue;
        std::string name = nameField >= 0 ? feature->GetFieldAsString(nameField) : std::string();
        builder.addPolygon("basemap-" + std::to_string(index), area, 0, std::move(name));
    }
    return builder.finish();
}

}  // namespace safemap
