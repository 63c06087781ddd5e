// Context layers: any vector file, read whole once (off the UI thread) and reprojected to
// lon/lat. Opening goes through openOgrSource, so shapefiles in TCVN3/CP1258 read as the site
// import reads them, and the CRS follows the site import's rules (crs_input.h).
#include "gis/io/context_read.h"

#include <ogr_spatialref.h>

#include <array>
#include <memory>

#include "core/errors/error_catalogue.h"
#include "core/text/quoted.h"
#include "gis/io/crs_input.h"
#include "gis/io/ogr_source_p.h"
#include "gis/render/ogr_geometry_p.h"

namespace safemap {

namespace {

Result<OGRSpatialReference> layerSrs(OGRLayer& layer, const ContextReadOptions& options,
                                     const std::string& file) {
    OGRSpatialReference srs;
    if (!options.sourceCrs.empty()) {
        auto definition = resolveCrsInput(options.sourceCrs);
        if (!definition) {
            Error e = definition.error();
            e.file = file;
            return e;
        }
        srs.SetFromUserInput(definition->c_str());
    } else if (const OGRSpatialReference* own = layer.GetSpatialRef()) {
        srs = *own;
    } else {
        return codedError("sites.layer_no_crs", {}, file);
    }
    // Files store easting (longitude) first whatever the CRS's official axis order says.
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

void collectPoints(const OGRGeometry& g, std::vector<GeoPoint>& out) {
    const OGRwkbGeometryType t = wkbFlatten(g.getGeometryType());
    if (t == wkbPoint) {
        if (!g.IsEmpty())
            out.push_back(*detail::pointOf(g));
    } else if (t == wkbMultiPoint || t == wkbGeometryCollection) {
        for (const OGRGeometry* part : *g.toGeometryCollection())
            if (part)
                collectPoints(*part, out);
    }
}

/// One feature's geometry in each family; a feature counts for the family it has most of.
struct FeatureParts {
    std::vector<GeoPoint> points;
    std::vector<std::vector<GeoPoint>> lines;
    MultiPolygon areas;
};

}  // namespace

Result<ContextFeatures> readContextFeatures(const std::string& path,
                                            const ContextReadOptions& options) {
    auto source = openOgrSource(path);
    if (!source)
        return source.error();
    const std::string file = displayFileName(path);
    auto found = findLayer(**source, options.layerName);
    if (!found)
        return found.error();
    OGRLayer& layer = **found;
    GdalErrorScope errors;
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    if (defn->GetGeomFieldCount() == 0)
        return codedError("context.no_geometry", {}, file);

    ContextFeatures out;
    int labelIndex = -1;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        out.fields.push_back((*source)->text(defn->GetFieldDefn(i)->GetNameRef()));
        if (out.fields.back() == options.labelField)
            labelIndex = i;
    }
    if (!options.labelField.empty() && labelIndex < 0)
        return codedError("context.no_label_field", {quotedForMessage(options.labelField)}, file,
                          -1, options.labelField);

    auto srs = layerSrs(layer, options, file);
    if (!srs)
        return srs.error();
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> transform;
    if (!srs->IsSame(&wgs84)) {
        transform.reset(OGRCreateCoordinateTransformation(&*srs, &wgs84));
        if (!transform) {
            return errors.error("sites.cannot_transform_crs",
                                {srs->GetName() ? srs->GetName() : "?"}, file);
        }
    }

    // Every family is collected in one pass; the largest is kept at the end.
    std::vector<GeoPoint> points;
    std::vector<std::string> pointLabels, lineLabels, areaLabels;
    std::vector<std::vector<std::vector<GeoPoint>>> lines;
    std::vector<MultiPolygon> areas;
    long long features = 0;
    layer.ResetReading();
    for (auto& feature : layer) {
        if (options.cancel && options.cancel->load(std::memory_order_relaxed))
            return codedError("import.cancelled", {}, file);
        ++features;
        OGRGeometry* g = feature->GetGeometryRef();
        if (!g || g->IsEmpty()) {
            ++out.skipped;
            continue;
        }
        if (transform && g->transform(transform.get()) != OGRERR_NONE) {
            ++out.unprojectable;
            continue;
        }
        const std::string label = labelIndex >= 0 && feature->IsFieldSetAndNotNull(labelIndex)
                                      ? (*source)->text(feature->GetFieldAsString(labelIndex))
                                      : std::string();
        FeatureParts parts;
        collectPoints(*g, parts.points);
        detail::collectLines(*g, parts.lines);
        detail::collectPolygons(*g, nullptr, parts.areas);
        if (!parts.areas.empty()) {
            areas.push_back(std::move(parts.areas));
            areaLabels.push_back(label);
        } else if (!parts.lines.empty()) {
            lines.push_back(std::move(parts.lines));
            lineLabels.push_back(label);
        } else if (!parts.points.empty()) {
            for (const GeoPoint& p : parts.points) {
                points.push_back(p);
                pointLabels.push_back(label);
            }
        } else {
            ++out.skipped;  // curves, TINs, …: nothing we draw
        }
    }
    if (errors.failed())
        return errors.error("gdal.cannot_read_layer", {}, file);

    const std::array<size_t, 3> sizes{points.size(), lines.size(), areas.size()};
    if (sizes[0] + sizes[1] + sizes[2] == 0) {
        return codedError("context.nothing_to_draw", {std::to_string(features)}, file);
    }
    if (sizes[2] >= sizes[1] && sizes[2] >= sizes[0]) {
        out.geometry = SourceGeometry::Polygon;
        out.areas = std::move(areas);
        out.labels = std::move(areaLabels);
        out.skipped += static_cast<long long>(lines.size() + points.size());
    } else if (sizes[1] >= sizes[0]) {
        out.geometry = SourceGeometry::Line;
        out.lines = std::move(lines);
        out.labels = std::move(lineLabels);
        out.skipped += static_cast<long long>(areas.size() + points.size());
    } else {
        out.geometry = SourceGeometry::Point;
        out.points = std::move(points);
        out.labels = std::move(pointLabels);
        out.skipped += static_cast<long long>(areas.size() + lines.size());
    }
    return out;
}

}  // namespace safemap
