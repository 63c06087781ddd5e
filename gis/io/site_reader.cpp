#include <ogr_spatialref.h>

#include "core/errors/error_catalogue.h"
#include "core/text/trim.h"
#include "core/text/utf8.h"
#include "gis/io/site_assembler_p.h"
#include "gis/io/site_reading.h"
#include "gis/io/site_table_p.h"

namespace safemap {

namespace {

// Geometry family of the first feature that has a geometry, for layers that do not declare
// one type (GeoJSON, KML).
SourceGeometry peekGeometryFamily(OGRLayer& layer) {
    SourceGeometry family = SourceGeometry::None;
    layer.ResetReading();
    for (auto& feature : layer) {
        if (const OGRGeometry* g = feature->GetGeometryRef(); g && !g->IsEmpty()) {
            family = geometryFamily(g->getGeometryType());
            break;
        }
    }
    layer.ResetReading();
    return family;
}

bool isBlank(const OGRFeature& feature) {
    if (const OGRGeometry* g = feature.GetGeometryRef(); g && !g->IsEmpty())
        return false;
    for (int i = 0; i < feature.GetFieldCount(); ++i)
        if (feature.IsFieldSetAndNotNull(i) && !trimmed(feature.GetFieldAsString(i)).empty())
            return false;
    return true;
}

// The fields LIBKML adds to every placemark layer: not the user's columns, so not worth a
// note when nothing is mapped to them.
const std::set<std::string>& kmlOwnFields() {
    static const std::set<std::string> fields{"description",  "timestamp",  "begin",   "end",
                                              "altitudeMode", "tessellate", "extrude", "visibility",
                                              "drawOrder",    "icon",       "snippet"};
    return fields;
}

/// Reads GDAL features (GeoPackage, Shapefile, GeoJSON, KML): one feature, one record.
Result<SiteReading> readLayerSites(const std::string& path, const SiteImportOptions& options) {
    auto source = openOgrSource(path);
    if (!source)
        return source.error();
    const OgrSource& src = **source;
    GdalErrorScope errors;
    auto found = findLayer(src, options.layer);
    if (!found)
        return found.error();
    OGRLayer& layer = **found;

    PlanInput input;
    input.file = displayFileName(path);
    input.info = describeLayer(src, layer);
    if (input.info.geometry == SourceGeometry::Mixed)
        input.info.geometry = peekGeometryFamily(layer);
    input.layerSrs = layer.GetSpatialRef();
    const char* geomName = layer.GetGeometryColumn();
    input.geometryColumn = geomName && *geomName ? src.text(geomName) : "geometry";
    input.shapefile = src.driver == "ESRI Shapefile";
    if (src.driver == "LIBKML" || src.driver == "KML")
        input.quietColumns = kmlOwnFields();
    std::vector<Error> notes;
    auto plan = planRead(input, options, notes);
    if (!plan)
        return plan.error();

    SiteAssembler assembler(*plan, options);
    for (Error& n : notes)
        assembler.addNote(std::move(n));
    const long long total = layer.GetFeatureCount(TRUE);
    long index = 0;
    long row = -1;
    layer.ResetReading();
    for (auto& feature : layer) {
        ++index;
        if (options.cancel && options.cancel->load())
            return codedError("import.cancelled", {}, plan->file);
        if (options.progress && index % 100 == 0)
            options.progress(index - 1, total);
        row = index;
        if (isBlank(*feature))
            continue;
        SiteRow r;
        r.file = plan->file;
        r.row = row;
        bool good = true;
        for (SiteAttribute a : allSiteAttributes()) {
            const int field = plan->fieldIndex[static_cast<int>(a)];
            if (field < 0 || !feature->IsFieldSetAndNotNull(field))
                continue;
            std::string text = src.text(feature->GetFieldAsString(field));
            if (!isValidUtf8(text)) {
                assembler.addError(codedError("sites.text_not_utf8", {}, plan->file, row,
                                              plan->mapping.column(a)));
                good = false;
                break;
            }
            r.text[static_cast<int>(a)] = std::string(trimmed(text));
        }
        if (good)
            assembler.add(r, feature->GetGeometryRef());
    }
    if (errors.failed())
        return errors.error("gdal.read_incomplete", {}, plan->file, row);
    if (options.cancel && options.cancel->load())
        return codedError("import.cancelled", {}, plan->file);
    if (options.progress)
        options.progress(index, total < 0 ? index : total);
    return assembler.finish();
}

}  // namespace

Result<SiteReading> readSiteSource(const std::string& path, const SiteImportOptions& options) {
    ensureGdalRegistered();
    if (isTabularPath(path))
        return readTableSites(path, options);
    return readLayerSites(path, options);
}

Result<SiteBatch> readSites(const std::string& path, const SiteImportOptions& options) {
    auto reading = readSiteSource(path, options);
    if (!reading)
        return reading.error();
    return std::move(reading->batch);
}

}  // namespace safemap
