#include "gis/field/package_basemap.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <memory>

#include "core/errors/error_catalogue.h"
#include "gis/gdal_boundary.h"
#include "gis/render/basemap_layers.h"

namespace safemap {

namespace {

struct Part {
    std::string file;   ///< under basemap/
    const char* layer;  ///< nullptr: the file's first layer
    const char* name;   ///< in the package, after the prefix
    OGRwkbGeometryType type;
};

// The cut of a geometry by the area, as the layer's type (a polygon cut by a box may come
// back as a polygon, a line as several pieces).
OGRGeometry* clipped(const OGRGeometry& g, const OGRPolygon& area, OGRwkbGeometryType type) {
    OGRGeometry* cut = g.Intersection(&area);
    if (!cut)
        return nullptr;
    if (cut->IsEmpty()) {
        delete cut;
        return nullptr;
    }
    return OGRGeometryFactory::forceTo(cut, type);
}

}  // namespace

Status writePackageBasemap(const std::string& packagePath, const std::string& dataDir,
                           const BBox& area) {
    ensureGdalRegistered();
    GdalErrorScope errors;
    if (area.empty())
        return codedError("basemap.no_layer", {}, packagePath);
    GDALDatasetUniquePtr out(
        GDALDataset::Open(packagePath.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    if (!out)
        return errors.error("basemap.cannot_open_gdal", {}, packagePath);
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLinearRing ring;
    ring.addPoint(area.minX, area.minY);
    ring.addPoint(area.maxX, area.minY);
    ring.addPoint(area.maxX, area.maxY);
    ring.addPoint(area.minX, area.maxY);
    ring.addPoint(area.minX, area.minY);
    OGRPolygon clip;
    clip.addRing(&ring);

    const std::filesystem::path dir = std::filesystem::path(dataDir) / "basemap";
    const Part parts[] = {
        {"countries.geojson", nullptr, "countries", wkbMultiPolygon},
        {"vietnam_admin.gpkg", "provinces", "provinces", wkbMultiPolygon},
        {"vietnam_admin.gpkg", "districts", "districts", wkbMultiPolygon},
        {"vietnam_admin.gpkg", "rivers", "rivers", wkbMultiLineString},
        {"vietnam_admin.gpkg", "places", "places", wkbPoint},
    };
    if (out->StartTransaction() != OGRERR_NONE)
        return errors.error("basemap.cannot_write_package", {}, packagePath);
    const auto failed = [&](const char* code, const std::string& file) -> Status {
        Error e = errors.error(code, {}, file);
        out->RollbackTransaction();
        return e;
    };
    for (const Part& part : parts) {
        const std::string sourcePath = (dir / part.file).string();
        GDALDatasetUniquePtr source(
            GDALDataset::Open(sourcePath.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        if (!source)
            return failed("basemap.cannot_open_gdal", sourcePath);
        OGRLayer* in = part.layer ? source->GetLayerByName(part.layer) : source->GetLayer(0);
        if (!in) {
            out->RollbackTransaction();
            return codedError("basemap.layer_missing", {part.layer ? part.layer : "0"}, sourcePath);
        }
        const std::string name = std::string(kPackageBasemapPrefix) + part.name;
        for (int i = 0; i < out->GetLayerCount(); ++i)
            if (name == out->GetLayer(i)->GetName()) {
                out->DeleteLayer(i);
                break;
            }
        char** options = nullptr;
        options = CSLSetNameValue(options, "GEOMETRY_NAME", "geom");
        options = CSLSetNameValue(options, "DESCRIPTION", "SafeMap basemap, clipped");
        OGRLayer* layer = out->CreateLayer(name.c_str(), &wgs84, part.type, options);
        CSLDestroy(options);
        if (!layer)
            return failed("basemap.cannot_write_package", packagePath);
        OGRFeatureDefn* defn = in->GetLayerDefn();
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            if (layer->CreateField(defn->GetFieldDefn(i)) != OGRERR_NONE)
                return failed("basemap.cannot_write_package", packagePath);
        in->SetSpatialFilterRect(area.minX, area.minY, area.maxX, area.maxY);
        in->ResetReading();
        for (auto& feature : *in) {
            const OGRGeometry* g = feature->GetGeometryRef();
            if (!g)
                continue;
            OGRGeometry* cut = clipped(*g, clip, part.type);
            if (!cut)
                continue;
            OGRFeature copy(layer->GetLayerDefn());
            copy.SetFrom(feature.get(), TRUE);
            copy.SetGeometryDirectly(cut);
            if (layer->CreateFeature(&copy) != OGRERR_NONE)
                return failed("basemap.cannot_write_package", packagePath);
        }
        if (errors.failed())
            return failed("basemap.cannot_read", sourcePath);
    }
    if (out->CommitTransaction() != OGRERR_NONE)
        return errors.error("basemap.cannot_write_package", {}, packagePath);
    out.reset();  // closes the file before it is moved into place
    if (errors.failed())
        return errors.error("basemap.cannot_write_package", {}, packagePath);
    return {};
}

}  // namespace safemap
