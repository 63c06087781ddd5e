#include "gis/analysis/cordon.h"

#include <ogr_api.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <memory>
#include <numbers>
#include <sstream>

#include "core/errors/error_catalogue.h"
#include "gis/analysis/ogr_polygons_p.h"
#include "gis/analysis/utm.h"
#include "gis/gdal_boundary.h"

namespace safemap {

namespace {

using GeometryPtr = std::unique_ptr<OGRGeometry>;

std::string metres(double value) {
    std::ostringstream out;
    out << value;
    return out.str() + " m";
}

Status checkRadius(const CordonRequest& request) {
    const double r = request.radiusMetres;
    const bool allowed = request.wholeZone ? r >= 0 : r > 0;
    if (!std::isfinite(r) || !allowed) {
        return codedError(
            request.wholeZone ? "cordon.margin_negative" : "cordon.radius_not_positive",
            {metres(r)});
    }
    if (r > kMaxCordonRadiusMetres)
        return codedError("cordon.radius_too_large", {metres(kMaxCordonRadiusMetres), metres(r)});
    return {};
}

/// \brief Lon/lat ↔ the UTM grid of one zone, and the grid's scale at the case site.
struct MetricFrame {
    int epsg = 0;
    double scale = 1;  ///< grid metres per ground metre at the case site
    std::unique_ptr<OGRCoordinateTransformation> toGrid;
    std::unique_ptr<OGRCoordinateTransformation> toLonLat;
};

Result<MetricFrame> metricFrameAt(GeoPoint site, const GdalErrorScope& errors) {
    MetricFrame frame;
    frame.epsg = utmEpsgFor(site);
    frame.scale = utmPointScale(site, frame.epsg);
    OGRSpatialReference lonLat;
    OGRSpatialReference grid;
    if (lonLat.importFromEPSG(4326) != OGRERR_NONE ||
        grid.importFromEPSG(frame.epsg) != OGRERR_NONE)
        return errors.error("cordon.cannot_set_up_crs", {std::to_string(frame.epsg)});
    // Our points are lon, lat whatever EPSG says the axis order is.
    lonLat.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    grid.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    frame.toGrid.reset(OGRCreateCoordinateTransformation(&lonLat, &grid));
    frame.toLonLat.reset(OGRCreateCoordinateTransformation(&grid, &lonLat));
    if (!frame.toGrid || !frame.toLonLat)
        return errors.error("cordon.cannot_project", {std::to_string(frame.epsg)});
    return frame;
}

// GEOS puts the buffer's vertices on the circle, so its chords cut inside by up to
// r·(1 − cos(π/4q)). Buffering by r / cos(π/4q) instead makes the polygon circumscribe the
// circle: every point within r is inside, nothing beyond r / cos(π/4q) (+0.03 %) is.
double circumscribed(double radius) {
    return radius / std::cos(std::numbers::pi / (4 * kCordonQuadrantSegments));
}

// `shape` (lon/lat) grown by `groundMetres` on the UTM grid, back in lon/lat.
Result<GeometryPtr> buffered(const OGRGeometry& shape, double groundMetres,
                             const MetricFrame& frame, const GdalErrorScope& errors) {
    GeometryPtr grid(shape.clone());
    if (grid->transform(frame.toGrid.get()) != OGRERR_NONE)
        return errors.error("cordon.cannot_project_site", {std::to_string(frame.epsg)});
    GeometryPtr buffer(
        grid->Buffer(circumscribed(groundMetres * frame.scale), kCordonQuadrantSegments));
    if (!buffer || buffer->IsEmpty())
        return errors.error("cordon.no_buffer");
    if (buffer->transform(frame.toLonLat.get()) != OGRERR_NONE)
        return errors.error("cordon.cannot_project_back");
    return buffer;
}

Result<const Zone*> zoneOf(const Factory& site, const std::vector<Zone>& zones) {
    if (site.zoneId.empty())
        return codedError("cordon.site_without_zone", {site.id});
    for (const Zone& zone : zones) {
        if (zone.id != site.zoneId)
            continue;
        if (zone.area.empty())
            return codedError("cordon.zone_no_area", {zone.id});
        return &zone;
    }
    return codedError("cordon.zone_not_loaded", {site.zoneId, site.id});
}

Result<GeometryPtr> zoneShape(const Zone& zone, const GdalErrorScope& errors) {
    GeometryPtr shape = toOgrMultiPolygon(zone.area);
    if (shape->IsEmpty())
        return codedError("cordon.zone_no_area", {zone.id});
    // Hand-drawn parcels sometimes self-intersect; GEOS would then answer point tests and
    // buffers for a shape nobody drew.
    if (!shape->IsValid()) {
        GeometryPtr valid(shape->MakeValid());
        MultiPolygon parts;
        if (valid)
            appendPolygons(*valid, parts);
        if (parts.empty())
            return errors.error("cordon.zone_invalid", {zone.id});
        shape = toOgrMultiPolygon(parts);
    }
    return shape;
}

// Ground area: the grid area divided by k², the areal scale of a conformal projection.
double areaKm2(const MultiPolygon& area, const MetricFrame& frame) {
    GeometryPtr grid = toOgrMultiPolygon(area);
    if (grid->transform(frame.toGrid.get()) != OGRERR_NONE)
        return std::nan("");
    return grid->toMultiPolygon()->get_Area() / (frame.scale * frame.scale) / 1e6;
}

}  // namespace

Result<Cordon> computeCordon(const CordonRequest& request, const std::vector<Factory>& factories,
                             const std::vector<Zone>& zones) {
    const Factory* site = nullptr;
    for (const Factory& f : factories) {
        if (f.id == request.caseSiteId) {
            site = &f;
            break;
        }
    }
    if (!site)
        return codedError("cordon.unknown_site", {request.caseSiteId});
    if (Status st = checkRadius(request); !st)
        return st.error();

    ensureGdalRegistered();
    GdalErrorScope errors;
    Result<MetricFrame> frame = metricFrameAt(site->location, errors);
    if (!frame)
        return frame.error();

    Cordon cordon;
    cordon.request = request;
    cordon.caseSiteName = site->name;
    cordon.metricEpsg = frame->epsg;

    GeometryPtr shape;
    if (request.wholeZone) {
        Result<const Zone*> zone = zoneOf(*site, zones);
        if (!zone)
            return zone.error();
        cordon.zoneId = (*zone)->id;
        Result<GeometryPtr> drawn = zoneShape(**zone, errors);
        if (!drawn)
            return drawn.error();
        shape = std::move(*drawn);
    } else {
        shape = std::make_unique<OGRPoint>(site->location.lon, site->location.lat);
    }
    if (request.radiusMetres > 0) {
        Result<GeometryPtr> grown = buffered(*shape, request.radiusMetres, *frame, errors);
        if (!grown)
            return grown.error();
        shape = std::move(*grown);
    }
    appendPolygons(*shape, cordon.area);

    // Membership is tested on the geometry rebuilt from the returned coordinates, so anyone
    // testing the drawn polygon again gets the same answer. Intersects counts the boundary.
    const GeometryPtr exact = toOgrMultiPolygon(cordon.area);
    OGRPreparedGeometryUniquePtr prepared(
        OGRCreatePreparedGeometry(OGRGeometry::ToHandle(exact.get())));
    if (!prepared)
        return errors.error("cordon.cannot_prepare");
    const BBox box = bounds(cordon.area);
    OGRPoint probe;
    for (const Factory& f : factories) {
        const GeoPoint p = f.location;
        bool inside = &f == site;
        if (!inside && box.contains(p.lon, p.lat)) {
            probe.setX(p.lon);
            probe.setY(p.lat);
            inside = OGRPreparedGeometryIntersects(prepared.get(), OGRGeometry::ToHandle(&probe));
        }
        if (!inside)
            continue;
        cordon.facilityIds.push_back(f.id);
        if (f.workforce.total)
            cordon.knownWorkers += *f.workforce.total;
        else
            ++cordon.unknownWorkforce;
    }
    cordon.areaKm2 = areaKm2(cordon.area, *frame);
    return cordon;
}

}  // namespace safemap
